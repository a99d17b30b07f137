"""Reading built feeds for the feed tests: expected feeds from the source files,
parsing with real parsers, and the RSS 2.0 / Atom 1.0 / JSON Feed 1.1 rules."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
import yaml
from lxml import etree

SCHEMA = Path(__file__).resolve().parent / "feed_schemas" / "jsonfeed-1.1.schema.json"
ATOM = "{http://www.w3.org/2005/Atom}"
BERLIN = ZoneInfo("Europe/Berlin")
LIMIT = 20

SITE_PATHS = {"rss": "feeds/rss.xml", "atom": "feeds/atom.xml", "json": "feeds/feed.json"}
KIND_DIRS = {"author": "authors", "persona": "personas", "category": "categories"}
SUFFIXES = {"rss": ".rss.xml", "atom": ".atom.xml", "json": ".json"}


def feed_path(kind: str, key: str, fmt: str) -> str:
    """Where the default layout puts a feed (README, "Feeds")."""
    if kind == "site":
        return SITE_PATHS[fmt]
    return f"feeds/{KIND_DIRS[kind]}/{key}{SUFFIXES[fmt]}"


# -- expected content, from the source files with plain PyYAML ---------------------


def _when(value) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    return value if value.tzinfo else value.replace(tzinfo=BERLIN)


def _slug(name: str) -> str:
    """The README's rule: ASCII letters and digits, else the letters of the name's script."""
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return ascii_slug or re.sub(r"[^\w]+", "-", name.lower()).strip("-_")


def source_posts(content: Path, clock: dt.datetime) -> list[dict]:
    """Every post under content/blog with its state at `clock`, newest first."""
    posts = []
    for path in sorted((content / "blog").rglob("*.md")):
        if path.name == "index.md":
            continue
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        dates = meta["date"] if isinstance(meta["date"], dict) else {"created": meta["date"]}
        created = _when(dates["created"])
        updated = meta.get("updated") or dates.get("updated")
        title = meta.get("title") or re.search(r"^# (.+)$", body, re.M).group(1)
        if meta.get("draft"):
            state = "draft"
        elif created > clock:
            state = "scheduled"
        elif meta.get("unlisted"):
            state = "unlisted"
        else:
            state = "published"
        posts.append(
            {
                **meta,
                "title": title,
                "when": created,
                "updated": _when(updated) if updated else created,
                "state": state,
                "file": path,
                "slug": meta.get("slug") or _slug(title),
            }
        )
    return sorted(posts, key=lambda p: (p["when"], str(p["file"])), reverse=True)


def expected_feeds(posts: list[dict], limit: int = LIMIT) -> dict[tuple[str, str], list[dict]]:
    """Every feed the default table gives, by (kind, key): its published posts, newest first."""
    feeds = defaultdict(list)
    for post in (p for p in posts if p["state"] == "published"):
        keys = [("site", "")]
        keys += [("author", a) for a in post["authors"]]
        keys += [("persona", p) for p in post.get("personas", [])]
        keys += [("category", _slug(c)) for c in post.get("categories", [])]
        for key in keys:
            if len(feeds[key]) < limit:
                feeds[key].append(post)
    return dict(feeds)


# -- parsing and the specifications' rules ----------------------------------------


def parse_xml(path: Path):
    """(feedparser result, lxml root) of an RSS or Atom file, bozo-checked."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    return parsed, etree.fromstring(path.read_bytes())


@cache
def _json_validator():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def parse_json(path: Path) -> dict:
    """A JSON Feed, validated against the JSON Feed 1.1 schema written for these tests."""
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = sorted(_json_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{path}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)
    ids = [item["id"] for item in data["items"]]
    assert len(ids) == len(set(ids)), f"{path}: item ids must be unique"
    return data


def _one(parent, tag: str, where: str):
    found = parent.findall(tag)
    assert len(found) == 1, f"{where}: expected one <{tag}>, found {len(found)}"
    element = found[0]
    assert (element.text or "").strip() or element.attrib or len(element), f"{where}: empty <{tag}>"
    return element


def check_rss(root, url: str) -> None:
    """RSS 2.0 (rssboard.org): rss@version, one channel with title, link, description;
    items with a title or description; plus what we promise: guid, pubDate, self link."""
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = _one(root, "channel", url)
    for tag in ("title", "link", "description"):
        _one(channel, tag, url)
    email.utils.parsedate_to_datetime(_one(channel, "lastBuildDate", url).text)
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == url
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description")
        guid = _one(item, "guid", url)
        assert guid.get("isPermaLink") == "true" and guid.text.startswith("https://")
        assert email.utils.parsedate_to_datetime(_one(item, "pubDate", url).text).tzinfo
        _one(item, "link", url)
        for enclosure in item.findall("enclosure"):
            assert enclosure.get("url") and enclosure.get("type")
            assert enclosure.get("length", "").isdigit()
        assert len(item.findall("enclosure")) <= 1


def check_atom(root, url: str) -> None:
    """Atom 1.0 (RFC 4287): feed id, title, updated; a self link; every entry with
    id, title, updated, an author (or one on the feed), content or an alternate link."""
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        _one(root, f"{ATOM}{tag}", url)
    dt.datetime.fromisoformat(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == url
    feed_author = root.find(f"{ATOM}author") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            _one(entry, f"{ATOM}{tag}", url)
        assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")).tzinfo
        assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}published")).tzinfo
        authors = entry.findall(f"{ATOM}author")
        assert feed_author or authors
        assert all(a.findtext(f"{ATOM}name") for a in authors)
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == 1, f"{url}: one alternate link per entry"
        assert entry.find(f"{ATOM}content") is not None or alternates
        for link in entry.findall(f"{ATOM}link[@rel='enclosure']"):
            assert link.get("type") and link.get("length", "").isdigit()
