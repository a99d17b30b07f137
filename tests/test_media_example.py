"""The example hub's video post, podcast feed and events, as a visitor and a podcast app see them."""

import json
import re
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar

from .test_video_site import host_urls_outside_the_player

SITE_URL = "https://hub.corvane.example/"
VIDEO_POST = "blog/2026/11/05/webinar-recording-getting-outdoor-flow-meters-through-the-winter/"
PODCAST_POST = "blog/2026/11/17/field-notes-the-corvane-hub-is-starting-a-podcast/"


def test_the_video_post_loads_nothing_from_youtube_before_play(example):
    soup = example.html(VIDEO_POST)
    assert soup.find("iframe") is None
    # The hub links its own and Jonas's YouTube channels (spokes: links a reader may follow,
    # and JSON-LD sameAs); the video itself is named only in the player's data attribute.
    for link in soup.select('a[href*="youtube.com/@"]'):
        link.decompose()
    for script in soup.find_all("script", type="application/ld+json"):
        if '"sameAs"' in (script.string or ""):
            script.string = re.sub(r'"sameAs":\[[^\]]*\]', "", script.string)
    assert host_urls_outside_the_player(str(soup)) == []
    assert "watch?v=" not in str(soup)
    frame = soup.select_one(".hs-video__frame[data-hs-video-src]")
    assert frame["data-hs-video-src"].startswith("https://www.youtube-nocookie.com/embed/")
    # The poster comes from the images pipeline: responsive, with its alt text.
    picture = frame.find("picture")
    assert picture is not None and picture.find("source", type="image/webp")
    assert picture.find("img")["alt"].startswith("Webinar title card")
    assert soup.find(id="transcript") is not None


def test_the_podcast_feed_lists_the_trailer_with_the_published_file(example):
    raw = (example.site / "podcasts" / "field-notes.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo
    assert parsed.feed.title == "Field Notes"
    assert parsed.feed.image.href == SITE_URL + "blog/images/field-notes-cover.jpg"
    (entry,) = parsed.entries
    size = (example.site / "blog" / "media" / "field-notes-trailer.mp3").stat().st_size
    assert entry.enclosures == [
        {
            "href": SITE_URL + "blog/media/field-notes-trailer.mp3",
            "length": str(size),
            "type": "audio/mpeg",
        }
    ]
    assert entry.link == SITE_URL + PODCAST_POST
    assert entry.itunes_episodetype == "trailer" and entry.itunes_season == "1"
    assert re.fullmatch(r"00:00:\d\d", entry.itunes_duration)
    player = example.html(PODCAST_POST).select_one("figure.hs-audio audio[controls]")
    assert player is not None


def test_the_trailer_plays_as_long_as_its_file_says_everywhere(example):
    """The file plays 16.6 s: a browser's player shows 0:16, and so do the header, the
    feed and the JSON-LD (the front matter once said 0:17)."""
    soup = example.html(PODCAST_POST)
    facts = soup.select_one("figure.hs-audio .hs-audio__facts").get_text(" ", strip=True)
    assert facts.endswith("0:16"), facts
    (entry,) = feedparser.parse(
        (example.site / "podcasts" / "field-notes.xml").read_bytes()
    ).entries
    assert entry.itunes_duration == "00:00:16"
    episodes = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
        if '"PodcastEpisode"' in (s.string or "")
    ]
    assert [e["associatedMedia"]["duration"] for e in episodes] == ["PT16S"]


def test_the_events_index_splits_upcoming_and_past(example):
    soup = example.html("events/")

    def titles(section):
        return [
            a.get_text(strip=True) for a in soup.select(f".hs-events--{section} .hs-event__title a")
        ]

    assert titles("upcoming") == [
        "Hands-on workshop: calibrating flow meters in your own plant",
        "Live demo: MagLine diagnostics for water utilities in North America",
    ]
    assert titles("past") == ["Webinar: getting outdoor flow meters through the winter"]
    recording = soup.select_one(".hs-events--past .hs-event__actions a")
    target = urlsplit(urljoin("http://site/events/", recording["href"])).path.lstrip("/")
    assert target == VIDEO_POST
    calendar = icalendar.Calendar.from_ical((example.site / "events" / "upcoming.ics").read_bytes())
    starts = {str(e["SUMMARY"]): e.start for e in calendar.walk("VEVENT")}
    demo = starts["Live demo: MagLine diagnostics for water utilities in North America"]
    assert demo.tzinfo.key == "America/Chicago" and demo.hour == 10
