"""The feeds of the example hub and of the `feeds` fixture site, read with real
parsers (feedparser, lxml, a JSON Schema of JSON Feed 1.1, an HTML parser).

What each feed should hold is computed here from the source files with plain
PyYAML, independently of Hubspoke's own reading of them.
"""

import datetime as dt
import posixpath
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from hubspoke.core.labels import ENGLISH

from .conftest import FIXED_CLOCK, ROOT, SITES, build_in_process, copy_site
from .feedcheck import (
    BERLIN,
    check_atom,
    check_rss,
    expected_feeds,
    feed_path,
    parse_json,
    parse_xml,
    source_posts,
)

CLOCK = dt.datetime.fromisoformat(FIXED_CLOCK).replace(tzinfo=BERLIN)
EXAMPLE_URL = "https://hub.corvane.example/"
POSTS = source_posts(ROOT / "content", CLOCK)
EXPECTED = expected_feeds(POSTS)
UNPUBLISHED = [p for p in POSTS if p["state"] != "published"]
MEDIA_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
UTM_SOURCES = {"rss": "rss", "atom": "atom", "json": "jsonfeed"}


def test_the_example_writes_exactly_the_expected_feeds(example):
    written = {p.relative_to(example.site).as_posix() for p in example.site.glob("feeds/**/*.*")}
    expected = {feed_path(kind, key, fmt) for kind, key in EXPECTED for fmt in MEDIA_TYPES}
    # Each folder of feeds also answers the sitemap request Material's script makes there.
    folders = {posixpath.dirname(path) for path in expected}
    assert written == expected | {f"{folder}/sitemap.xml" for folder in folders}
    kinds = {kind for kind, _ in EXPECTED}
    assert kinds == {"site", "author", "persona", "category"}
    assert len(EXPECTED[("site", "")]) == 20 < len([p for p in POSTS if p["state"] == "published"])


def titles_of(entries):
    return [e["title"] for e in entries]


@pytest.mark.parametrize(("kind", "key"), sorted(EXPECTED), ids=lambda v: v or "-")
def test_every_feed_holds_the_published_posts_newest_first(example, kind, key):
    posts = EXPECTED[(kind, key)]
    titles = [p["title"] for p in posts]
    newest = max(p["updated"] for p in posts)
    for fmt in ("rss", "atom"):
        url = EXAMPLE_URL + feed_path(kind, key, fmt)
        parsed, root = parse_xml(example.site / feed_path(kind, key, fmt))
        (check_rss if fmt == "rss" else check_atom)(root, url)
        assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
        assert titles_of(parsed.entries) == titles
        for entry in parsed.entries:
            assert entry.id and entry.link and entry.title and entry.published_parsed
            assert fmt == "rss" or entry.updated_parsed  # RSS items have no updated date
        assert dt.datetime(*parsed.feed.updated_parsed[:6], tzinfo=dt.UTC) == newest
    data = parse_json(example.site / feed_path(kind, key, "json"))
    assert data["feed_url"] == EXAMPLE_URL + feed_path(kind, key, "json")
    assert titles_of(data["items"]) == titles
    assert max(dt.datetime.fromisoformat(i["date_modified"]) for i in data["items"]) == newest


def test_no_unpublished_post_reaches_a_feed(example):
    assert {p["state"] for p in UNPUBLISHED} == {"draft", "scheduled", "unlisted"}
    for file in example.site.glob("feeds/**/*.*"):
        text = file.read_text(encoding="utf-8")
        for post in UNPUBLISHED:
            assert post["title"] not in text, (file, post["title"])
            assert post["slug"] not in text, (file, post["slug"])


def all_entries(built):
    """(format, feed path, entry) for every entry of every feed of a built site."""
    for file in sorted(built.site.glob("feeds/**/*.*")):
        relative = file.relative_to(built.site).as_posix()
        if file.suffix == ".json":
            for item in parse_json(file)["items"]:
                yield "json", relative, item
        elif file.suffix == ".xml":
            fmt = "rss" if file.name.endswith("rss.xml") else "atom"
            for entry in parse_xml(file)[0].entries:
                yield fmt, relative, entry


def link_of(fmt, entry) -> str:
    return entry["url"] if fmt == "json" else entry.link


def test_links_carry_utm_parameters_and_ids_stay_clean(example):
    for fmt, path, entry in all_entries(example):
        link = link_of(fmt, entry)
        assert entry["id"].startswith(EXAMPLE_URL + "blog/") and "?" not in entry["id"], path
        if link.startswith(EXAMPLE_URL):
            query = parse_qs(urlsplit(link).query)
            assert query == {"utm_source": [UTM_SOURCES[fmt]], "utm_medium": ["feed"]}, path
            assert link.split("?")[0] == entry["id"]


def test_post_first_published_elsewhere_links_there(example):
    post = next(p for p in POSTS if p.get("canonical_url") and p["state"] == "published")
    found = [(f, e) for f, _, e in all_entries(example) if e["title"] == post["title"]]
    assert len(found) >= 9  # site, author, two personas, category: in three formats
    for fmt, entry in found:
        assert link_of(fmt, entry) == post["canonical_url"]
        assert entry["id"].startswith(EXAMPLE_URL + "blog/2025/10/14/")


def test_guest_posts_keep_their_disclosure(example):
    config = load_config(str(example.source / "mkdocs.yml"))
    assert config.plugins["hubspoke/network"].config.guest_disclosure is None  # the default:
    disclosure = ENGLISH.text("guest.disclosure")  # the site language's text
    guests = {
        p.stem
        for p in (ROOT / "authors").glob("*.yml")
        if "role: guest" in p.read_text(encoding="utf-8")
    }
    published = [p for p in POSTS if p["state"] == "published"]
    guest_titles = {p["title"] for p in published if guests & set(p["authors"])}
    assert guest_titles
    for fmt, path, entry in all_entries(example):
        html = entry["content_html"] if fmt == "json" else entry.content[0].value
        assert (disclosure in html) == (entry["title"] in guest_titles), (path, entry["title"])


def urls_in(html: str):
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(True):
        for attribute in ("href", "src", "poster"):
            if tag.get(attribute) is not None:
                yield tag[attribute]
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]


def test_every_url_in_entry_html_is_absolute_and_local_ones_exist(example):
    seen = 0
    for fmt, path, entry in all_entries(example):
        if fmt == "json":
            parts = [entry["content_html"]]
        else:
            parts = [entry.summary] + [c.value for c in entry.get("content", [])]
        for url in (u for part in parts for u in urls_in(part)):
            seen += 1
            assert urlsplit(url).scheme in ("https", "http", "mailto"), (path, url)
            if url.startswith(EXAMPLE_URL):
                target = unquote(urlsplit(url).path).lstrip("/")
                target += "index.html" if target.endswith("/") or not target else ""
                assert (example.site / target).is_file(), (path, url)
    assert seen > 100


def test_post_image_is_an_enclosure_with_its_size_and_type(example):
    post = next(p for p in POSTS if p.get("image") and p["state"] == "published")
    source = (post["file"].parent / post["image"]).resolve()
    url = EXAMPLE_URL + source.relative_to((ROOT / "content").resolve()).as_posix()
    # The length is that of the file readers download (hubspoke/images may re-encode it).
    size = (example.site / urlsplit(url).path.lstrip("/")).stat().st_size
    found = 0
    for fmt, _, entry in all_entries(example):
        if entry["title"] != post["title"]:
            continue
        found += 1
        if fmt == "json":
            assert entry["image"] == url
            assert entry["attachments"] == [
                {"url": url, "mime_type": "image/jpeg", "size_in_bytes": size}
            ]
        else:
            assert entry.enclosures == [{"href": url, "type": "image/jpeg", "length": str(size)}]
            assert entry.media_content[0]["url"] == url
    assert found >= 3


# -- discovery -------------------------------------------------------------------


def alternates(built, page: str) -> dict[str, str]:
    """type -> resolved site path, of the page's <link rel=alternate>, per href."""
    soup = built.html(page)
    found = {}
    for link in soup.find_all("link", rel="alternate"):
        if link.get("type") in MEDIA_TYPES.values():
            target = urlsplit(urljoin("http://site/" + page, link["href"])).path.lstrip("/")
            found[unquote(target)] = link["type"]
    return found


def follow_links(built, page: str) -> list[tuple[str, str]]:
    soup = built.html(page)
    return [
        (a.get_text(strip=True), unquote(urljoin("/" + page, a["href"])).lstrip("/"))
        for a in soup.select(".hs-follow a")
    ]


def site_links():
    return {feed_path("site", "", fmt): MEDIA_TYPES[fmt] for fmt in MEDIA_TYPES}


def test_site_feeds_are_announced_on_every_page(example):
    pages = [p for p in example.site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 50
    for page in pages:
        relative = page.relative_to(example.site).as_posix()
        found = alternates(example, relative)
        assert site_links().items() <= found.items(), relative
        for path in found:
            assert (example.site / path).is_file(), (relative, path)


@pytest.mark.parametrize(
    ("kind", "key", "page"),
    [
        ("author", "lena-hoffmann", "authors/lena-hoffmann/"),
        ("persona", "journalist", "personas/journalist/"),
        ("category", "how-to", "blog/category/how-to/"),
    ],
)
def test_index_pages_announce_and_show_their_own_feeds(example, kind, key, page):
    own = {feed_path(kind, key, fmt): MEDIA_TYPES[fmt] for fmt in MEDIA_TYPES}
    assert alternates(example, page) == site_links() | own
    assert follow_links(example, page) == [
        ("RSS", feed_path(kind, key, "rss")),
        ("Atom", feed_path(kind, key, "atom")),
        ("JSON Feed", feed_path(kind, key, "json")),
    ]


def test_the_blog_offers_the_site_feeds_and_posts_only_announce_them(example):
    assert [path for _, path in follow_links(example, "blog/")] == list(site_links())
    post = next(p for p in POSTS if p["state"] == "published")
    page = f"blog/{post['when']:%Y/%m/%d}/{post['slug']}/"
    # An episode also announces its show's podcast feed (the media plugin, core/outputs.py).
    episode = {"podcasts/field-notes.xml": "application/rss+xml"}
    podcast = episode if post["file"].name == "field-notes-podcast-trailer.md" else {}
    assert alternates(example, page) == site_links() | podcast
    assert follow_links(example, page) == []


# -- the `feeds` fixture: hostile text, a sub-path, a guest, non-Latin keys ------------

FIXTURE_URL = "https://feeds.example.org/hub/"
FIXTURE_POSTS = source_posts(SITES / "feeds" / "content", CLOCK)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("feeds")
    return build_in_process(copy_site(SITES / "feeds", base / "src"), base / "site")


def test_fixture_builds_strict_and_writes_the_expected_feeds(fixture_site):
    assert fixture_site.warnings() == []
    expected = expected_feeds(FIXTURE_POSTS)
    written = {
        p.relative_to(fixture_site.site).as_posix()
        for p in fixture_site.site.glob("feeds/**/*.*")
        if p.name != "sitemap.xml"  # Material's requests' answer: test_outputs
    }
    assert written == {
        feed_path(kind, key, fmt) for kind, key in expected for fmt in MEDIA_TYPES
    } | {"feeds/feed.xsl"}
    assert ("author", "ned") not in expected
    assert ("category", "חדשות") in expected
    assert fixture_site.warnings() == []


HOSTILE = (
    "Quotes \"q\" & 'a' <b>bold</b> </script><script>alert(1)</script> bell 🚀 emoji, "
    "עברית \u200f and العربية"
)


def test_hostile_title_round_trips_in_every_format(fixture_site):
    titles = {}
    for fmt, path, entry in all_entries(fixture_site):
        if "Quotes" in entry["title"]:
            titles.setdefault(fmt, set()).add(entry["title"])
            tags = entry.get("tags")
            names = tags if fmt == "json" else [t.term for t in tags]
            assert names == ["R&D <Lab>"], path
    assert titles == {"rss": {HOSTILE}, "atom": {HOSTILE}, "json": {HOSTILE}}
    for file in fixture_site.site.glob("feeds/**/*.*"):
        text = file.read_text(encoding="utf-8")
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text), file
        assert "\ufffe" not in text


def test_discovery_titles_are_escaped(fixture_site):
    soup = fixture_site.html("")
    titles = [link["title"] for link in soup.find_all("link", rel="alternate")]
    assert "Feeds & <Friends> Hub (RSS)" in titles


def test_non_latin_key_gets_an_encoded_url_that_resolves(fixture_site):
    path = feed_path("category", "חדשות", "atom")
    assert (fixture_site.site / path).is_file()
    parsed, _ = parse_xml(fixture_site.site / path)
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link == FIXTURE_URL + "feeds/categories/%D7%97%D7%93%D7%A9%D7%95%D7%AA.atom.xml"
    assert ("Atom", path) in follow_links(fixture_site, "blog/category/חדשות/")


def test_author_without_posts_has_no_feed_and_no_follow_links(fixture_site):
    assert follow_links(fixture_site, "authors/ned/") == []
    assert alternates(fixture_site, "authors/ned/") == site_links()


def test_site_under_a_sub_path_gets_absolute_urls_there(fixture_site):
    for _, path, entry in all_entries(fixture_site):
        assert entry["id"].startswith(FIXTURE_URL), path
    data = parse_json(fixture_site.site / "feeds/feed.json")
    first = next(i for i in data["items"] if i["title"] == "First post")
    html = first["content_html"]
    assert f'href="{FIXTURE_URL}blog/2025/02/10/second-post-first-published-elsewhere/"' in html
    assert f'href="{FIXTURE_URL}blog/2025/01/10/first-post/#details"' in html
    assert f'href="{FIXTURE_URL}"' in html  # the home page
    assert f'src="{FIXTURE_URL}blog/posts/chart.png"' in html
    assert f"{FIXTURE_URL}blog/posts/chart.png 2x" in html
    assert 'href="https://example.org/x?a=1&amp;b=2"' in html
    assert "headerlink" not in html and "<!--" not in html
    assert first["image"] == FIXTURE_URL + "blog/posts/chart.png"


def test_feed_date_is_its_newest_entry_not_the_clock(fixture_site):
    parsed, root = parse_xml(fixture_site.site / "feeds/atom.xml")
    assert parsed.feed.updated == "2025-06-01T08:00:00+02:00"  # a later update of an older post
    rss, _ = parse_xml(fixture_site.site / "feeds/rss.xml")
    assert rss.feed.updated == "Sun, 01 Jun 2025 08:00:00 +0200"
    gus, _ = parse_xml(fixture_site.site / "feeds/authors/gus.atom.xml")
    assert gus.feed.updated == "2025-06-01T08:00:00+02:00"
    ada, _ = parse_xml(fixture_site.site / "feeds/authors/ada.atom.xml")
    assert ada.feed.updated == "2025-04-01T00:00:00+02:00"


def test_feeds_point_browsers_to_the_stylesheet(fixture_site):
    site = fixture_site.site
    assert (
        b'<?xml-stylesheet href="feed.xsl" type="text/xsl"?>'
        in (site / "feeds/rss.xml").read_bytes()
    )
    author = (site / "feeds/authors/ada.atom.xml").read_bytes()
    assert b'<?xml-stylesheet href="../feed.xsl" type="text/xsl"?>' in author
    assert b"xml-stylesheet" not in (site / "feeds/feed.json").read_bytes()
    assert (site / "feeds/feed.xsl").read_bytes().startswith(b"<?xml")
