"""The example hub: it meets the demo's bar, builds strict, and every index is right.

Expected listings are computed here from the source files with plain PyYAML,
independently of Hubspoke's own reading of them.
"""

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import FIXED_CLOCK, ROOT
from .sitecheck import all_listing_titles, broken_links, files_containing, listed_titles

BERLIN = ZoneInfo("Europe/Berlin")
CLOCK = dt.datetime.fromisoformat(FIXED_CLOCK).replace(tzinfo=BERLIN)


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def as_datetime(value) -> dt.datetime:
    if isinstance(value, dict):
        value = value["created"]
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    return value if value.tzinfo else value.replace(tzinfo=BERLIN)


def source_posts():
    posts = []
    for path in sorted((ROOT / "content" / "blog").rglob("*.md")):
        meta, body = front_matter(path)
        title = meta.get("title") or re.search(r"^# (.+)$", body, re.M).group(1)
        date = as_datetime(meta["date"])
        if meta.get("draft"):
            state = "draft"
        elif date > CLOCK:
            state = "scheduled"
        elif meta.get("unlisted"):
            state = "unlisted"
        else:
            state = "published"
        posts.append({**meta, "title": title, "when": date, "state": state, "file": path})
    return posts


POSTS = source_posts()
PUBLISHED = sorted(
    (p for p in POSTS if p["state"] == "published"), key=lambda p: p["when"], reverse=True
)
AUTHORS = {p.stem: yaml.safe_load(p.read_text()) for p in (ROOT / "authors").glob("*.yml")}
PERSONAS = sorted(p.stem for p in (ROOT / "content" / "personas").glob("*.md"))


def test_demo_content_meets_the_bar():
    roles = Counter(a["role"] for a in AUTHORS.values())
    assert len(AUTHORS) >= 6 and roles["guest"] >= 2
    assert {a.get("organization") for a in AUTHORS.values() if a["role"] == "guest"} - {
        "Corvane Instruments"
    }
    assert len(PERSONAS) >= 4
    assert len(PUBLISHED) >= 16
    months = {(p["when"].year, p["when"].month) for p in PUBLISHED}
    assert len(months) >= 18
    assert len({c for p in PUBLISHED for c in p.get("categories", [])}) >= 4
    assert sum(len(p["authors"]) == 2 for p in PUBLISHED) >= 3
    states = Counter(p["state"] for p in POSTS)
    assert states["draft"] >= 1 and states["scheduled"] >= 1 and states["unlisted"] >= 1
    images = list((ROOT / "content").rglob("*.png")) + list((ROOT / "content").rglob("*.jpg"))
    assert len(images) >= 3
    assert all(a.get("avatar") for a in AUTHORS.values())


def test_builds_strict_without_warnings(example):
    assert example.warnings() == []


def test_blog_lists_every_published_post_newest_first(example):
    assert all_listing_titles(example, "blog/") == [p["title"] for p in PUBLISHED]


@pytest.mark.parametrize("author", sorted(AUTHORS))
def test_author_page_lists_exactly_their_published_posts(example, author):
    expected = [p["title"] for p in PUBLISHED if author in p["authors"]]
    assert all_listing_titles(example, f"authors/{author}/") == expected
    assert example.html(f"authors/{author}/").h1.get_text(strip=True) == AUTHORS[author]["name"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_persona_page_lists_exactly_its_published_posts(example, persona):
    expected = [p["title"] for p in PUBLISHED if persona in p.get("personas", [])]
    assert all_listing_titles(example, f"personas/{persona}/") == expected


def test_category_pages_list_exactly_their_posts(example):
    by_category = defaultdict(list)
    for post in PUBLISHED:
        for category in post.get("categories", []):
            by_category[category].append(post["title"])
    links = {}
    url = "blog/"
    while url is not None:  # category links from every page of the blog
        soup = example.html(url)
        for a in soup.select(".hs-meta__categories a"):
            links.setdefault(
                a.get_text(strip=True), urlsplit(urljoin("http://site/" + url, a["href"])).path[1:]
            )
        step = soup.select_one(".hs-pagination a[rel=next]")
        url = urlsplit(urljoin("http://site/" + url, step["href"])).path[1:] if step else None
    assert set(links) == set(by_category)
    for category, titles in by_category.items():
        assert all_listing_titles(example, links[category]) == titles, category


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_unpublished_posts_reach_no_output_file(example, state):
    for post in (p for p in POSTS if p["state"] == state):
        assert files_containing(example.site, post["title"]) == []
        slug = post.get("slug") or post["file"].stem
        assert files_containing(example.site, slug) == [], slug


def test_unlisted_post_only_on_its_own_page(example):
    post = next(p for p in POSTS if p["state"] == "unlisted")
    pages = files_containing(example.site, post["title"])
    assert len(pages) == 1 and pages[0].endswith(f"{post['slug']}/index.html")
    soup = example.html(pages[0])
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert post["slug"] not in (example.site / "sitemap.xml").read_text()


def test_every_generated_page_and_post_is_in_the_sitemap(example):
    sitemap = (example.site / "sitemap.xml").read_text()
    assert sitemap.count("<url>") >= len(PUBLISHED) + len(AUTHORS) + len(PERSONAS)


def test_home_page_shows_latest_posts_and_persona_entry_points(example):
    soup = example.html("")
    assert listed_titles(soup) == [p["title"] for p in PUBLISHED[:6]]
    names = [a.get_text(strip=True) for a in soup.select(".hs-grid--personas .hs-grid__name a")]
    assert len(names) == len(PERSONAS)


def test_no_broken_local_links_or_images(example):
    assert broken_links(example.site) == []


def test_avatars_are_published_and_shown(example):
    for author in AUTHORS:
        img = example.html(f"authors/{author}/").select_one(".hs-profile img.hs-avatar")
        assert img is not None, author
        target = example.path(f"authors/{author}/").parent / img["src"]
        assert target.resolve().is_file()


def test_post_first_published_elsewhere_points_there(example):
    post = next(p for p in PUBLISHED if p.get("canonical_url"))
    pages = files_containing(example.site, post["title"])
    page = next(p for p in pages if p.startswith("blog/2") and p.endswith("index.html"))
    canonical = example.html(page).find("link", rel="canonical")["href"]
    assert canonical == post["canonical_url"]
    sitemap = (example.site / "sitemap.xml").read_text()
    assert page.removesuffix("index.html") not in sitemap


def test_every_page_waits_for_one_stylesheet_of_hubspoke_at_most(example):
    """A stylesheet in <head> holds the page back until it arrives: Material's two and
    Hubspoke's one, whose file carries the rules of every section and the theme fixes."""
    ours = {"assets/hubspoke/hubspoke.css"}
    pages = sorted(example.site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        links = [
            link["href"]
            for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
                'link[rel="stylesheet"]'
            )
        ]
        page = path.relative_to(example.site).as_posix()
        local = {urljoin(page, href).lstrip("/") for href in links}
        hubspoke = {href for href in local if "hubspoke" in href or "overrides" in href}
        assert hubspoke <= ours, (path, links)
        assert len(links) <= 3, (path, links)
    css = example.path("assets/hubspoke/hubspoke.css").read_text(encoding="utf-8")
    for rule in (".md-tabs__link", ".hs-avatar", ".hs-video", ".hs-infographic"):
        assert rule in css, rule
    assert not (example.site / "assets" / "overrides").exists()
