"""Audio posts and podcast feeds of the `media` fixture, read back with feedparser and lxml."""

import json
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from lxml import etree

from .conftest import SITES, build_in_process, copy_site
from .sitecheck import files_containing

SITE_URL = "https://media.example.org/"
EPISODE_ONE = "blog/2026/10/10/episode-one-engines-more/"
EPISODE_TWO = "blog/2026/10/12/bonus-after-hours/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("media-podcast")
    return build_in_process(copy_site(SITES / "media", base / "src"), base / "site")


def feed(built, key):
    raw = (built.site / "podcasts" / f"{key}.xml").read_bytes()
    return feedparser.parse(raw), etree.fromstring(raw)


def test_one_feed_per_show_with_its_own_episodes(built):
    assert sorted(p.name for p in (built.site / "podcasts").iterdir()) == [
        "after-hours.xml",
        "shop-talk.xml",
        "sitemap.xml",  # the answer to Material's request next to a linked feed
    ]
    shop, _ = feed(built, "shop-talk")
    after, _ = feed(built, "after-hours")
    assert [e.title for e in shop.entries] == ["Episode one: <engines> & more"]
    assert [e.title for e in after.entries] == ["Bonus after hours"]


def test_enclosures_give_the_published_files_length_and_type(built):
    for key, page, name in (
        ("shop-talk", EPISODE_ONE, "episode-one.mp3"),
        ("after-hours", EPISODE_TWO, "episode-two.mp3"),
    ):
        parsed, _ = feed(built, key)
        assert not parsed.bozo, parsed.get("bozo_exception")
        entry = parsed.entries[0]
        size = (built.site / "blog" / "media" / name).stat().st_size
        assert entry.enclosures == [
            {"href": f"{SITE_URL}blog/media/{name}", "length": str(size), "type": "audio/mpeg"}
        ]
        assert entry.link == SITE_URL + page
        assert entry.id == SITE_URL + page


def test_itunes_fields_of_the_show_and_episodes(built):
    parsed, root = feed(built, "shop-talk")
    channel = root.find("channel")
    assert parsed.feed.title == "Shop <Talk>"
    assert channel.findtext(f"{ITUNES}author") == "Media & Co"
    assert parsed.feed.image.href == SITE_URL + "podcast/shop-talk.jpg"
    assert (built.site / "podcast" / "shop-talk.jpg").is_file()
    assert parsed.feed.tags[0].term == "Technology"
    assert parsed.feed.publisher_detail == {
        "name": "Ada Lovelace",
        "email": "podcast@media.example.org",
    }
    assert channel.findtext(f"{ITUNES}explicit") == "no"
    assert channel.findtext(f"{ITUNES}type") == "episodic"
    assert channel.findtext("lastBuildDate") == "Sat, 10 Oct 2026 08:00:00 +0200"
    entry = parsed.entries[0]
    assert entry.itunes_duration == "00:00:02"
    assert entry.itunes_episode == "1" and entry.itunes_season == "1"
    assert entry.itunes_episodetype == "full"
    assert entry.author == "Ada Lovelace, Gus <Guest>"
    assert entry.summary == "The first episode: engines & more."


def test_a_second_show_has_its_own_channel(built):
    parsed, root = feed(built, "after-hours")
    channel = root.find("channel")
    assert parsed.feed.itunes_explicit is True
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") == "Business"
    assert category.find(f"{ITUNES}category").get("text") == "Management"
    assert channel.findtext(f"{ITUNES}type") == "serial"
    assert parsed.feed.author == "Media & Co"  # site_author, the default
    entry = parsed.entries[0]
    assert entry.itunes_episodetype == "bonus" and entry.itunes_explicit is True
    assert entry.itunes_duration == "00:00:02"


def test_drafts_reach_no_feed_and_their_audio_is_not_published(built):
    assert files_containing(built.site, "canarydraft") == []


def test_the_post_shows_an_accessible_player_and_its_transcript(built):
    soup = built.html(EPISODE_ONE)
    figure = soup.select_one("figure.hs-audio")
    player = figure.find("audio")
    assert player.has_attr("controls")
    assert player["aria-label"] == "Listen: Episode one: <engines> & more"
    source = player.find("source")
    assert source["type"] == "audio/mpeg"
    target = urlsplit(urljoin("http://site/" + EPISODE_ONE, source["src"])).path.lstrip("/")
    assert (built.site / target).is_file()
    links = {a.get_text(): a["href"] for a in figure.select(".hs-audio__links a")}
    assert links["Transcript"] == "#transcript" and soup.find(id="transcript")
    feed_link = links["Subscribe to Shop <Talk> (RSS)"]
    assert (
        urlsplit(urljoin("http://site/" + EPISODE_ONE, feed_link)).path == "/podcasts/shop-talk.xml"
    )
    assert "Season 1 · Episode 1 · 0:02" in figure.get_text()
    # After the excerpt: listings show the introduction, not the player.
    body = soup.select_one(".hs-post__body").decode_contents()
    assert body.index("The first episode.") < body.index("hs-audio") < body.index("Show notes.")
    assert "hs-audio" not in built.path("blog/").read_text(encoding="utf-8")


def test_a_post_without_excerpt_marker_gets_the_player_after_its_title(built):
    soup = built.html(EPISODE_TWO)
    assert soup.h1.get_text(strip=True).startswith("Bonus after hours")
    body = soup.select_one(".hs-post__body").decode_contents()
    assert body.lstrip().startswith('<figure class="hs-audio">')


def test_episode_pages_carry_podcast_episode_jsonld_and_link_the_feed_visibly(built):
    soup = built.html(EPISODE_ONE)
    # Posts announce only the site feeds in <head>; the show's feed is the player's link.
    assert soup.find("link", rel="alternate", title="Shop <Talk> (podcast)") is None
    data = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    episode = next(d for d in data if d["@type"] == "PodcastEpisode")
    assert episode["episodeNumber"] == 1
    assert episode["partOfSeries"] == {
        "@type": "PodcastSeries",
        "name": "Shop <Talk>",
        "webFeed": SITE_URL + "podcasts/shop-talk.xml",
    }
    assert episode["associatedMedia"]["contentUrl"] == SITE_URL + "blog/media/episode-one.mp3"
    assert episode["associatedMedia"]["duration"] == "PT2S"


def test_feeds_are_byte_identical_across_builds(built, tmp_path):
    again = build_in_process(copy_site(SITES / "media", tmp_path / "src"), tmp_path / "site")
    for name in ("shop-talk.xml", "after-hours.xml"):
        assert (again.site / "podcasts" / name).read_bytes() == (
            built.site / "podcasts" / name
        ).read_bytes()
    for ics in sorted((built.site / "events").glob("*.ics")):
        assert (again.site / "events" / ics.name).read_bytes() == ics.read_bytes(), ics.name


def test_an_episode_shows_its_shows_cover_with_alt_text_and_no_cover_without_one(built):
    cover = built.html(EPISODE_ONE).select_one("figure.hs-audio img.hs-audio__cover")
    assert cover["alt"] == "Cover of Shop <Talk>"
    target = urlsplit(urljoin(SITE_URL + EPISODE_ONE, cover["src"])).path.lstrip("/")
    assert target == "podcast/shop-talk.jpg"
    # After Hours configures no image and the post names none.
    assert built.html(EPISODE_TWO).select_one("figure.hs-audio img") is None


def test_an_episodes_own_image_comes_before_its_shows_cover(tmp_path):
    source = copy_site(SITES / "media", tmp_path / "src")
    for name in ("episode-one.md", "episode-two.md"):
        post = source / "content" / "blog" / "posts" / name
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("audio:\n", "image: ../media/poster.jpg\naudio:\n", 1))
    built = build_in_process(source, tmp_path / "site")
    for page, title in (
        (EPISODE_ONE, "Episode one: <engines> & more"),
        (EPISODE_TWO, "Bonus after hours"),
    ):
        cover = built.html(page).select_one("figure.hs-audio img.hs-audio__cover")
        assert cover["alt"] == f"Image of the episode: {title}"
        target = urlsplit(urljoin(SITE_URL + page, cover["src"])).path.lstrip("/")
        assert target == "blog/media/poster.jpg"
