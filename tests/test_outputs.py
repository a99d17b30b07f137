"""The table of outputs and the one register of claims: unit tests, then built sites."""

import os
from urllib.parse import urljoin

import feedparser
import pytest
from mkdocs.exceptions import Abort

from hubspoke.core import outputs
from hubspoke.core.feeds.table import FeedKind
from hubspoke.core.outputs import Claims, post_feed
from hubspoke.outputs import write_if_changed

from .conftest import SITES, add_content_files, build_in_process, copy_site

MEDIA_URL = "https://media.example.org/"
EPISODE_ONE = "blog/2026/10/10/episode-one-engines-more/"
EPISODE_TWO = "blog/2026/10/12/bonus-after-hours/"


# -- claims ----------------------------------------------------------------------


def test_claims_report_every_collision_at_once_naming_both_and_the_option():
    claims = Claims()
    claims.claim("feeds/rss.xml", "content/feeds/rss.xml")
    claims.claim("events/a.ics", "the calendar file of content/events/a.md")
    assert not claims.claim("feeds/rss.xml", "the RSS feed of the site", option="paths.site.rss")
    assert not claims.claim(
        "events/a.ics", "the calendar file of content/events/b.md", fix="rename one of them"
    )
    found = claims.collisions()
    assert [c.message for c in found] == [
        "the RSS feed of the site would be written to 'feeds/rss.xml', which "
        "content/feeds/rss.xml already produces; change the option paths.site.rss or move "
        "the other file",
        "the calendar file of content/events/b.md would be written to 'events/a.ics', which "
        "the calendar file of content/events/a.md already produces; rename one of them",
    ]
    assert claims.collisions() == []  # handed over once


def test_a_claimant_claiming_its_own_path_again_is_no_collision():
    claims, token = Claims(), object()
    assert claims.claim("a.xml", "the feed", token=token)
    assert claims.claim("a.xml", "the feed")
    assert claims.claim("a.xml", "its file", token=token)
    assert claims.collisions() == []


def test_every_output_kind_is_an_entry_of_the_table():
    names = {spec.name for spec in outputs.TABLE}
    assert {"podcast", "calendar.event", "calendar.upcoming"} <= names
    for kind in ("site", "author", "persona", "category"):
        for fmt in ("rss", "atom", "json"):
            assert f"feed.{kind}.{fmt}" in names
    assert {spec.media_type for spec in outputs.TABLE} == {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "text/calendar",
    }


# -- podcasts and calendars are announced ------------------------------------------


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    base = tmp_path_factory.mktemp("outputs-media")
    return build_in_process(copy_site(SITES / "media", base / "src"), base / "site")


def alternates(built, url, media_type):
    links = built.html(url).find_all("link", rel="alternate", type=media_type)
    return {link["href"]: link.get("title") for link in links}


def resolve(url, href):
    return urljoin("/" + url, href).lstrip("/")


def test_an_episode_page_announces_its_show_feed(media):
    for page, show, title in (
        (EPISODE_ONE, "shop-talk", "Shop <Talk> (Podcast)"),
        (EPISODE_TWO, "after-hours", "After Hours (Podcast)"),
    ):
        found = alternates(media, page, "application/rss+xml")
        targets = {resolve(page, href): t for href, t in found.items()}
        assert targets == {f"podcasts/{show}.xml": title}
        assert (media.site / "podcasts" / f"{show}.xml").is_file()


def test_the_blog_home_announces_every_show(media):
    found = alternates(media, "blog/", "application/rss+xml")
    assert {resolve("blog/", h) for h in found} == {
        "podcasts/after-hours.xml",
        "podcasts/shop-talk.xml",
    }


def test_a_page_without_episodes_announces_no_podcast(media):
    assert alternates(media, "", "application/rss+xml") == {}
    assert alternates(media, "events/", "application/rss+xml") == {}


def test_the_events_page_announces_the_calendar_and_each_event_its_own(media):
    found = alternates(media, "events/", "text/calendar")
    assert {resolve("events/", h): t for h, t in found.items()} == {
        "events/upcoming.ics": "Media <Test> Hub events (iCalendar)"
    }
    event_pages = sorted(
        p.parent.relative_to(media.site).as_posix() + "/"
        for p in (media.site / "events").glob("*/index.html")
    )
    assert event_pages
    for page in event_pages:
        slug = page.rstrip("/").split("/")[-1]
        targets = {resolve(page, h) for h in alternates(media, page, "text/calendar")}
        assert targets == {"events/upcoming.ics", f"events/{slug}.ics"}, page
        for target in targets:
            assert (media.site / target).is_file()


def test_outputs_are_not_written_again_when_their_bytes_did_not_change(tmp_path):
    target = tmp_path / "feeds" / "rss.xml"
    assert write_if_changed(target, b"<rss/>")
    os.utime(target, (1_000_000, 1_000_000))
    assert not write_if_changed(target, b"<rss/>")
    assert target.stat().st_mtime == 1_000_000
    assert write_if_changed(target, b"<rss>new</rss>")
    assert target.read_bytes() == b"<rss>new</rss>"


# -- the proof: a new output is one table entry ------------------------------------

TAG_FEED = post_feed(FeedKind("tag", "tag", "{name} – {site}"), "atom", "feeds/tags/{key}.atom.xml")


@pytest.fixture
def tagged(tmp_path, monkeypatch):
    source = copy_site(SITES / "feeds", tmp_path / "src")
    posts = source / "content/blog/posts"
    for name in ("first.md", "third.md"):
        post = posts / name
        post.write_text(post.read_text().replace("---\n", "---\ntags: [Sensors]\n", 1))
    monkeypatch.setattr(outputs, "TABLE", (*outputs.TABLE, TAG_FEED))
    return source


def test_a_feed_of_one_tag_is_one_table_entry(tagged, tmp_path):
    built = build_in_process(tagged, tmp_path / "site")
    raw = (built.site / "feeds/tags/sensors.atom.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert sorted(e.title for e in parsed.entries) == ["First post", "Third post, updated later"]
    page = "blog/tag/sensors/"
    found = alternates(built, page, "application/atom+xml")
    assert {resolve(page, h) for h in found} >= {"feeds/tags/sensors.atom.xml"}
    follow = built.html(page).select('a[href$="sensors.atom.xml"]')
    assert follow, "the tag page shows no Follow link"


def test_a_feed_of_one_tag_claims_its_path(tagged, tmp_path, caplog):
    add_content_files(tagged, {"feeds/tags/sensors.atom.xml": "<feed/>"})
    with pytest.raises(Abort):
        build_in_process(tagged, tmp_path / "site")
    assert (
        "hubspoke/feeds: the Atom feed of tag 'sensors' would be written to "
        "'feeds/tags/sensors.atom.xml', which content/feeds/tags/sensors.atom.xml already "
        "produces; rename or move one of them"
    ) in caplog.text


def test_the_insights_page_claims_its_path_in_the_same_register(tmp_path, caplog):
    source = copy_site(SITES / "editorial-report", tmp_path / "src")
    config = source / "mkdocs.yml"
    text = config.read_text().replace(
        "insights_page: always", "insights_page: always\n      insights_url: authors"
    )
    config.write_text(text.replace("  - Insights: insights.md\n", ""), encoding="utf-8")
    with pytest.raises(Abort):
        build_in_process(source, tmp_path / "site")
    assert (
        "hubspoke/editorial: the insights page would be written to 'authors/index.html', "
        "which the authors overview page already produces; change the option insights_url "
        "or move the other file"
    ) in caplog.text


def test_each_folder_of_a_linked_output_answers_materials_sitemap_request(media):
    """Material's script fetches sitemap.xml next to each <link rel="alternate">."""
    from xml.etree import ElementTree

    for folder in ("podcasts", "events"):
        root = ElementTree.fromstring((media.site / folder / "sitemap.xml").read_bytes())
        assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        assert list(root) == []
    assert not (media.site / "blog/sitemap.xml").exists()  # no linked output there
