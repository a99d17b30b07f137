"""The feeds core on plain data: the spec table, which posts go in which feed,
absolute URLs, text cleaning, and the three writers read back by real parsers."""

import json
from datetime import UTC, datetime

import feedparser
import pytest
from lxml import etree

from hubspoke.core.feeds.table import (
    DEFAULT_PATHS,
    FORMATS,
    KINDS,
    Feed,
    FeedConfigError,
    Media,
    Person,
    describe,
    feed_item,
    feed_specs,
    select,
    utm_params,
)
from hubspoke.core.feeds.text import (
    absolute_html,
    absolute_url,
    clean_line,
    clean_text,
    with_query,
    without_page_furniture,
)
from hubspoke.core.feeds.writers import atom, json_feed, render, rss
from hubspoke.core.network.assembly import Network, Settings
from hubspoke.core.network.model import Author, Category, Persona, Post
from hubspoke.feeds.build import stylesheet

from .factories import post
from .templates import fragments

SITE = "https://hub.example.com/sub/"
CLOCK = datetime(2026, 1, 1, tzinfo=UTC)

# -- the spec table -------------------------------------------------------------


def test_default_table_is_every_kind_in_every_format_in_a_fixed_order():
    specs = feed_specs()
    assert [(s.kind.name, s.format.name) for s in specs] == [
        (kind, fmt) for kind in KINDS for fmt in FORMATS
    ]
    assert {s.path for s in specs} == {
        p for paths in DEFAULT_PATHS.values() for p in paths.values()
    }
    site_rss = specs[0]
    assert site_rss.path_for("") == "feeds/rss.xml"
    author_json = next(s for s in specs if (s.kind.name, s.format.name) == ("author", "json"))
    assert author_json.path_for("lena-hoffmann") == "feeds/authors/lena-hoffmann.json"
    assert author_json.format.media_type == "application/feed+json"


def test_selection_and_overrides_keep_the_table_order():
    specs = feed_specs(
        kinds=["category", "site"],
        formats=["json", "rss"],
        paths={"category": {"rss": "topics/{key}/feed.xml"}},
    )
    assert [(s.kind.name, s.format.name, s.path) for s in specs] == [
        ("site", "rss", "feeds/rss.xml"),
        ("site", "json", "feeds/feed.json"),
        ("category", "rss", "topics/{key}/feed.xml"),
        ("category", "json", "feeds/categories/{key}.json"),
    ]
    assert specs[2].path_for("how-to") == "topics/how-to/feed.xml"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"kinds": ["tag"]}, "unknown feed kind 'tag'; use site, author, persona, category"),
        ({"formats": ["atom", "rdf"]}, "unknown feed format 'rdf'"),
        ({"paths": {"author": {"rss": "feeds/author.xml"}}}, "paths.author.rss must use {key}"),
        ({"paths": {"site": {"rss": "feeds/{key}.xml"}}}, "paths.site.rss takes no placeholder"),
        ({"paths": {"author": {"rss": "../{key}.xml"}}}, "paths.author.rss"),
        ({"paths": {"author": {"rss": "feeds/{slug}.xml"}}}, "must use {key}"),
        ({"paths": {"people": {"rss": "x/{key}.xml"}}}, "unknown feed kind in paths 'people'"),
        ({"paths": {"author": {"opml": "x/{key}.xml"}}}, "format in paths.author 'opml'"),
        (
            {"paths": {"persona": {"rss": "feeds/authors/{key}.rss.xml"}}},
            "paths.persona.rss and paths.author.rss are the same path",
        ),
    ],
)
def test_bad_options_are_refused_with_the_option_named(arguments, message):
    with pytest.raises(FeedConfigError, match=None) as caught:
        feed_specs(**arguments)
    assert message in str(caught.value)


# -- which posts go in which feed ------------------------------------------------

AUTHORS = {
    "ada": Author("ada", "Ada", "expert", "Engineer", "Bio", "authors/ada.yml"),
    "gus": Author("gus", "Gus", "guest", "Analyst", "Bio", "authors/gus.yml", organization="R"),
    "quiet": Author("quiet", "Quiet", "expert", "Engineer", "Bio", "authors/quiet.yml"),
}
PERSONAS = {"buyer": Persona("buyer", "Buyer", "Buys", "personas/buyer.md")}
NEWS = Category("news", "News")


@pytest.fixture
def network():
    posts = [
        post(1, personas=("buyer",), categories=(NEWS,)),
        post(2, authors=("ada", "gus"), personas=("buyer",)),
        post(3, authors=("gus",), categories=(NEWS,), updated=datetime(2025, 6, 1, tzinfo=UTC)),
        post(4, personas=("buyer",), categories=(NEWS,), draft=True),
        post(5, personas=("buyer",), date=datetime(2027, 1, 1, tzinfo=UTC)),
        post(6, personas=("buyer",), unlisted=True, categories=(NEWS,)),
        post(7, authors=("gus",)),
    ]
    return Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK))


def slugs(selection, kind, key):
    return [p.slug for p in selection[(kind, key)]]


def test_only_syndicated_posts_newest_first_and_no_feed_without_a_post(network):
    selection = select(network, feed_specs(), limit=20)
    assert slugs(selection, "site", "") == ["p7", "p3", "p2", "p1"]
    assert slugs(selection, "author", "ada") == ["p2", "p1"]
    assert slugs(selection, "author", "gus") == ["p7", "p3", "p2"]
    assert slugs(selection, "persona", "buyer") == ["p2", "p1"]
    assert slugs(selection, "category", "news") == ["p3", "p1"]
    assert ("author", "quiet") not in selection
    assert sorted(selection) == [
        ("author", "ada"),
        ("author", "gus"),
        ("category", "news"),
        ("persona", "buyer"),
        ("site", ""),
    ]


def test_limit_keeps_the_newest(network):
    selection = select(network, feed_specs(kinds=["site", "author"]), limit=2)
    assert slugs(selection, "site", "") == ["p7", "p3"]
    assert slugs(selection, "author", "gus") == ["p7", "p3"]
    assert not any(kind == "persona" for kind, _ in selection)


def test_titles_and_descriptions(network):
    def texts(kind, key, tagline=None):
        return describe(network, kind, key, site="Hub \x01", tagline=tagline)

    assert texts("site", "") == ("Hub", "The latest posts of Hub")
    assert texts("site", "", "Our  experts\n") == ("Hub", "Our experts")
    assert texts("author", "gus") == ("Gus – Hub", "Posts by Gus, Analyst, R")
    assert texts("persona", "buyer") == ("Buyer – Hub", "Buys")
    assert texts("category", "news") == ("News – Hub", "Posts in the category News on Hub")


def item_of(p: Post, **overrides):
    values = {
        "page_url": f"{p.path}/",
        "site_url": SITE,
        "body_html": f"<p>Body of {p.slug}</p>",
        "excerpt_html": f"<p>Intro of {p.slug}</p>",
        "authors": [Person("Ada", f"{SITE}authors/ada/")],
    }
    values.update(overrides)
    return feed_item(p, **values)


def make_feed(fmt="atom", items=(), **fields) -> Feed:
    spec = next(s for s in feed_specs() if (s.kind.name, s.format.name) == ("site", fmt))
    values = {
        "spec": spec,
        "key": "",
        "path": spec.path_for(""),
        "url": f"{SITE}{spec.path_for('')}",
        "title": "Hub",
        "description": "All posts",
        "home_url": f"{SITE}blog/",
        "items": tuple(items),
        "language": "en",
    }
    values.update(fields)
    return Feed(**values)


def test_feed_updated_is_the_newest_item_date_never_the_clock(network):
    selection = select(network, feed_specs(kinds=["site"]), limit=20)
    feed = make_feed(items=[item_of(p) for p in selection[("site", "")]])
    assert feed.updated == datetime(2025, 6, 1, tzinfo=UTC)  # p3's update beats p7's date
    parsed = feedparser.parse(atom(feed))
    assert parsed.feed.updated == "2025-06-01T00:00:00+00:00"
    parsed = feedparser.parse(rss(make_feed("rss", feed.items)))
    assert parsed.feed.updated == "Sun, 01 Jun 2025 00:00:00 +0000"


# -- entries -------------------------------------------------------------------


def test_entry_from_plain_data():
    p = post(1, categories=(NEWS,), description="One line.", image="chart.png")
    item = item_of(
        p,
        body_html='<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>\n<!-- more -->\n'
        '<p><img src="chart.png" alt=""></p>',
        image=Media(f"{SITE}blog/chart.png", 77, "image/png"),
    )
    assert item.id == item.url == f"{SITE}blog/p1/"
    assert item.title == "Post 1" and item.categories == ("News",)
    assert item.summary_html == "<p>Intro of p1</p>" and item.summary_text == "One line."
    assert (
        item.content_html
        == f'<h2 id="a">A</h2>\n\n<p><img src="{SITE}blog/p1/chart.png" alt=""></p>'
    )
    assert item.published == item.updated == p.date
    assert item.on_site


def test_canonical_url_is_the_link_and_the_permalink_stays_the_id():
    item = item_of(post(2, canonical_url="https://elsewhere.example.net/x"))
    assert item.url == "https://elsewhere.example.net/x"
    assert item.id == f"{SITE}blog/p2/"
    assert not item.on_site
    feed = make_feed(items=[item], utm=utm_params(FORMATS["atom"]))
    assert feed.link(item) == "https://elsewhere.example.net/x"


def test_guest_disclosure_opens_the_content_or_the_summary():
    full = item_of(post(3), disclosure="Guest author: views are <their> own.")
    assert full.content_html.startswith(
        "<p><em>Guest author: views are &lt;their&gt; own.</em></p>"
    )
    short = item_of(post(3), disclosure="Guest & friends.", full_content=False)
    assert short.content_html is None
    assert short.summary_html.startswith("<p><em>Guest &amp; friends.</em></p>")


def test_summary_falls_back_to_the_description():
    item = item_of(post(4, description="A & B <c>"), excerpt_html="")
    assert item.summary_html == "<p>A &amp; B &lt;c&gt;</p>"
    item = item_of(post(5), excerpt_html='<p>See <a href="x/">this</a>, then go.</p>')
    assert item.summary_text == "See this, then go."
    assert f'href="{SITE}blog/p5/x/"' in item.summary_html


def test_utm_parameters_only_on_the_sites_own_links():
    item = item_of(post(1))
    feed = make_feed("rss", [item], utm=utm_params(FORMATS["rss"], campaign="spring"))
    assert feed.link(item) == f"{SITE}blog/p1/?utm_source=rss&utm_medium=feed&utm_campaign=spring"
    assert utm_params(FORMATS["json"]) == {"utm_source": "jsonfeed", "utm_medium": "feed"}
    assert make_feed(items=[item]).link(item) == item.url


# -- URLs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("chart.png", "blog/2025/p/", f"{SITE}blog/2025/p/chart.png"),
        ("../../x/", "blog/2025/p/", f"{SITE}blog/x/"),
        ("#details", "blog/p/", f"{SITE}blog/p/#details"),
        ("", "blog/p/", f"{SITE}blog/p/"),
        ("./", "blog/p/", f"{SITE}blog/p/"),
        ("other.html#a", "blog/p.html", f"{SITE}blog/other.html#a"),
        ("img/a%20b.png?v=1", "blog/p/", f"{SITE}blog/p/img/a%20b.png?v=1"),
        ("/robots.txt", "blog/p/", "https://hub.example.com/robots.txt"),
        ("https://example.org/a?b=1", "blog/p/", "https://example.org/a?b=1"),
        ("//cdn.example.org/x.js", "blog/p/", "//cdn.example.org/x.js"),
        ("mailto:ada@example.com", "blog/p/", "mailto:ada@example.com"),
        ("data:image/png;base64,AAAA", "blog/p/", "data:image/png;base64,AAAA"),
    ],
)
def test_absolute_url(url, page, expected):
    assert absolute_url(url, page, SITE) == expected


def test_site_url_without_a_trailing_slash_is_a_folder():
    assert absolute_url("a.png", "blog/p/", SITE.rstrip("/")) == f"{SITE}blog/p/a.png"


def test_every_url_attribute_in_html_becomes_absolute_text_stays():
    fragment = (
        '<p><a href="../q/">q</a> <img src="a.png" srcset="a.png 1x, b.png 2x" alt="../no">'
        '<video poster="p.jpg"><source src="v.mp4"></video> <a href="#f">f</a> '
        '<a href="https://example.org/">out</a> ../text.png</p>'
        '<script>var u = "rel.png";</script>'
    )
    out = absolute_html(fragment, "blog/p/", SITE)
    assert f'href="{SITE}blog/q/"' in out
    assert f'src="{SITE}blog/p/a.png"' in out
    assert f'srcset="{SITE}blog/p/a.png 1x, {SITE}blog/p/b.png 2x"' in out
    assert f'poster="{SITE}blog/p/p.jpg"' in out and f'src="{SITE}blog/p/v.mp4"' in out
    assert f'href="{SITE}blog/p/#f"' in out and 'href="https://example.org/"' in out
    assert 'alt="../no"' in out and "../text.png</p>" in out and 'var u = "rel.png"' in out


def test_page_furniture_is_dropped():
    fragment = '<h2 id="x">X<a class="headerlink" href="#x" title="Permanent link">¶</a></h2><!-- more --><p>y</p>'
    assert without_page_furniture(fragment) == '<h2 id="x">X</h2><p>y</p>'


def test_with_query_keeps_what_is_there():
    params = {"utm_source": "rss", "utm_medium": "feed"}
    assert with_query("https://h/p/", params) == "https://h/p/?utm_source=rss&utm_medium=feed"
    assert with_query("https://h/p/?a=1#top", params) == (
        "https://h/p/?a=1&utm_source=rss&utm_medium=feed#top"
    )
    assert with_query("https://h/p/?utm_source=x", params) == (
        "https://h/p/?utm_source=x&utm_medium=feed"
    )
    assert with_query("https://h/p/", {}) == "https://h/p/"


# -- text cleaning -----------------------------------------------------------------

EMOJI_RTL = "🚀 Flow 👩🏽‍🔬 and עברית \u200f with العربية"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "bell\x07 null\x00 vt\x0b ff\x0c esc\x1b del\x7f c1\x85\x9f",
            "bell null vt ff esc del c1",
        ),
        ("lone surrogate \ud800 and \udfff", "lone surrogate  and "),
        ("non-characters \ufffe\uffff\ufdd0", "non-characters "),
        ("tab\tnew\nline\r\nwindows", "tab\tnew\nline\nwindows"),
        ("Ampersand & <less> \"quotes\" 'single' </script>", None),
        (EMOJI_RTL, None),
        ("\U0010fffd private use plane 16", None),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == (raw if expected is None else expected)


def test_clean_line_is_one_line():
    assert clean_line("  A\ttitle\n on\r\ntwo lines\x01 ") == "A title on two lines"
    assert clean_line(None) == "" and clean_text(None) == ""


HOSTILE = (
    "Quotes \"q\" & 'a' <b>bold</b> </script><script>alert(1)</script> \x01bell\x0b " + EMOJI_RTL
)


def hostile_feed(fmt: str) -> Feed:
    p = post(
        1,
        title=HOSTILE,
        description="Less < and & and \x02",
        categories=(Category("r-d", "R&D <Lab> \x03"),),
        image="x.png",
    )
    item = item_of(
        p,
        body_html="<p>Body &amp; &lt;b&gt; \x08 🚀 עברית</p>",
        authors=[Person("Ada \x04<Admin> & Co", f"{SITE}authors/ada/")],
        image=Media(f"{SITE}blog/x.png", 10, "image/png"),
        disclosure="Guest & <guest>\x05",
    )
    return make_feed(fmt, [item], title="Hub & <Co>\x06", description="Feeds \x07 & <more>")


CLEAN_TITLE = "Quotes \"q\" & 'a' <b>bold</b> </script><script>alert(1)</script> bell " + EMOJI_RTL


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_hostile_text_makes_valid_xml_that_round_trips(fmt):
    document = render(hostile_feed(fmt))
    etree.fromstring(document)  # well-formed XML 1.0
    parsed = feedparser.parse(document)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = parsed.entries[0]
    assert entry.title == CLEAN_TITLE
    assert parsed.feed.title == "Hub & <Co>"
    assert entry.tags[0].term == "R&D <Lab>"
    assert entry.author == "Ada <Admin> & Co"
    assert "🚀 עברית" in entry.content[0].value
    assert "<p><em>Guest &amp; &lt;guest&gt;</em></p>" in entry.content[0].value
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in document.decode())


def test_hostile_text_makes_valid_json_that_round_trips():
    data = json.loads(json_feed(hostile_feed("json")))
    item = data["items"][0]
    assert data["title"] == "Hub & <Co>" and item["title"] == CLEAN_TITLE
    assert item["summary"] == "Less < and & and"
    assert item["authors"][0]["name"] == "Ada <Admin> & Co"
    assert item["tags"] == ["R&D <Lab>"]


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_writers_are_deterministic(fmt):
    assert render(hostile_feed(fmt)) == render(hostile_feed(fmt))


# -- the browser stylesheet --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_stylesheet_shows_a_feed_as_a_page(fmt):
    feed = make_feed(fmt, [item_of(post(1)), item_of(post(2))], stylesheet="feed.xsl")
    document = render(feed)
    assert document.splitlines()[1] == b'<?xml-stylesheet href="feed.xsl" type="text/xsl"?>'
    transform = etree.XSLT(etree.fromstring(stylesheet(fragments("en"))))
    page = transform(etree.fromstring(document))
    assert page.xpath("//title/text()") == ["Hub (web feed)"]
    assert "[[" not in etree.tostring(page, encoding="unicode")
    titles = page.xpath("//li/a/text()")
    assert titles == ["Post 1", "Post 2"]
    assert page.xpath("//h1/text()") == ["Hub"]
    assert page.xpath("//li/small")[0].xpath("string()").strip().endswith("· Ada")


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_an_empty_post_still_makes_a_valid_entry(fmt):
    item = item_of(post(9), body_html="", excerpt_html="", full_content=False)
    document = render(make_feed(fmt, [item]))
    if fmt == "json":
        assert json.loads(document)["items"][0]["content_html"] == ""
        return
    parsed = feedparser.parse(document)
    assert not parsed.bozo and parsed.entries[0].title == "Post 9"
    assert b"<summary" not in document and b"<description></description>" not in document
