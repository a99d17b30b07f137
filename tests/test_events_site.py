"""Events of the `media` fixture: pages, the index by the build clock, .ics files read back
with the `icalendar` library, Event JSON-LD, and the publication rule."""

import json
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest

from .conftest import FIXED_CLOCK, SITES, build_in_process, copy_site
from .sitecheck import broken_links, files_containing

SITE_URL = "https://media.example.org/"
BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("media-events")
    return build_in_process(copy_site(SITES / "media", base / "src"), base / "site")


def index(built) -> dict[str, list[str]]:
    soup = built.html("events/")
    return {
        section: [
            a.get_text(strip=True) for a in soup.select(f".hs-events--{section} .hs-event__title a")
        ]
        for section in ("upcoming", "past")
    }


def test_index_lists_upcoming_soonest_first_and_past_latest_first(built):
    assert index(built) == {
        "upcoming": ["Hands-on workshop in Chicago", "Demo at a fixed offset"],
        "past": ["Webinar: engines <after> dark"],
    }
    soup = built.html("events/")
    assert soup.h1.get_text(strip=True) == "Events"
    nav = [a.get_text(strip=True) for a in soup.select(".md-tabs a, .md-nav--primary a")]
    assert "Events" in nav


def test_an_event_moves_to_past_with_the_build_clock(site_copy, tmp_path):
    later = build_in_process(site_copy("media"), tmp_path / "site", clock="2026-12-03 16:00 -06:00")
    assert index(later) == {
        "upcoming": ["Demo at a fixed offset"],
        "past": ["Hands-on workshop in Chicago", "Webinar: engines <after> dark"],
    }
    feed = icalendar.Calendar.from_ical((later.site / "events" / "upcoming.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Demo at a fixed offset"]


def test_a_past_event_links_its_recording_and_no_longer_offers_sign_up(built):
    soup = built.html("events/past-webinar/")
    actions = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".hs-event__actions a")}
    assert list(actions) == ["Watch the recording of Webinar: engines <after> dark"]
    target = urlsplit(
        urljoin("http://site/events/past-webinar/", next(iter(actions.values())))
    ).path
    assert target == "/blog/2026/10/05/a-talk-on-video/"
    assert "Past event" in soup.select_one(".hs-event__header").get_text()


def test_an_upcoming_event_page_shows_when_where_who(built):
    soup = built.html("events/workshop-chicago/")
    facts = soup.select_one(".hs-event__facts").get_text(" ", strip=True).replace("\u202f", " ")
    assert "Thursday, December 3, 2026, 9:30 AM–4:00 PM CST" in facts
    assert "Media Lab, 1 Test Street, 60601 Chicago, IL, US" in facts
    assert "Ada Lovelace" in facts and "Gus <Guest>" in facts
    speaker = soup.select_one(".hs-event__facts a")
    assert (
        urlsplit(urljoin("http://site/events/workshop-chicago/", speaker["href"])).path
        == "/authors/ada/"
    )
    assert soup.select_one(".hs-event__facts time")["datetime"] == "2026-12-03T09:30:00-06:00"
    actions = {a.get_text(" ", strip=True): a for a in soup.select(".hs-event__actions a")}
    assert actions["Register for Hands-on workshop in Chicago"]["href"] == (
        "https://tickets.media.example.org/workshop"
    )
    ics = actions["Add to calendar (Hands-on workshop in Chicago, .ics)"]
    assert urlsplit(urljoin("http://site/events/workshop-chicago/", ics["href"])).path == (
        "/events/workshop-chicago.ics"
    )


def test_every_ics_round_trips_start_and_end_with_their_time_zone(built):
    expected = {
        "past-webinar": (
            datetime(2026, 10, 1, 15, tzinfo=BERLIN),
            datetime(2026, 10, 1, 16, tzinfo=BERLIN),
        ),
        "workshop-chicago": (
            datetime(2026, 12, 3, 9, 30, tzinfo=CHICAGO),
            datetime(2026, 12, 3, 16, tzinfo=CHICAGO),
        ),
        "offset-demo": (
            datetime(2027, 2, 10, 16, tzinfo=timezone(timedelta(hours=2))),
            datetime(2027, 2, 10, 16, 45, tzinfo=timezone(timedelta(hours=2))),
        ),
        "hidden-briefing": (
            datetime(2026, 12, 11, 10, tzinfo=BERLIN),
            datetime(2026, 12, 11, 11, tzinfo=BERLIN),
        ),
    }
    files = sorted(p.stem for p in (built.site / "events").glob("*.ics"))
    assert files == sorted([*expected, "upcoming"])
    for slug, (start, end) in expected.items():
        calendar = icalendar.Calendar.from_ical(
            (built.site / "events" / f"{slug}.ics").read_bytes()
        )
        assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
        (event,) = calendar.walk("VEVENT")
        assert event.start == start and event.end == end, slug
        if isinstance(start.tzinfo, ZoneInfo):
            assert event.start.tzinfo.key == start.tzinfo.key
            assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [start.tzinfo.key]
        else:
            assert event.start.utcoffset() == timedelta(0)  # a fixed offset is written in UTC
            assert "DTSTART:20270210T140000Z" in calendar.to_ical().decode()
        assert str(event["UID"]) == f"event-{slug}@media.example.org"
        assert str(event["URL"]) == f"{SITE_URL}events/{slug}/"
        assert isinstance(event["DTSTAMP"].dt, datetime)


def test_ics_carries_place_status_and_escaped_text(built):
    calendar = icalendar.Calendar.from_ical(
        (built.site / "events" / "workshop-chicago.ics").read_bytes()
    )
    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == "Media Lab, 1 Test Street, 60601 Chicago, IL, US"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "With Ada Lovelace, Gus <Guest>." in str(event["DESCRIPTION"])
    assert "Register: https://tickets.media.example.org/workshop" in str(event["DESCRIPTION"])
    demo = icalendar.Calendar.from_ical((built.site / "events" / "offset-demo.ics").read_bytes())
    assert str(demo.walk("VEVENT")[0]["STATUS"]) == "TENTATIVE"
    past = icalendar.Calendar.from_ical((built.site / "events" / "past-webinar.ics").read_bytes())
    assert f"Recording: {SITE_URL}blog/2026/10/05/a-talk-on-video/" in str(
        past.walk("VEVENT")[0]["DESCRIPTION"]
    )


def test_the_calendar_feed_holds_only_listed_upcoming_events(built):
    calendar = icalendar.Calendar.from_ical((built.site / "events" / "upcoming.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Media <Test> Hub events"
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Hands-on workshop in Chicago",
        "Demo at a fixed offset",
    ]
    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == ["America/Chicago"]
    link = built.html("events/").select_one('a[type="text/calendar"]')
    assert urlsplit(urljoin("http://site/events/", link["href"])).path == "/events/upcoming.ics"


def test_events_respect_the_publication_rule(built):
    assert files_containing(built.site, "Canarydraft") == []
    assert files_containing(built.site, "canarydraft") == []
    assert files_containing(built.site, "Canaryscheduled") == []
    assert files_containing(built.site, "canaryscheduled") == []
    hidden = files_containing(built.site, "Hidden briefing")
    assert sorted(hidden) == ["events/hidden-briefing.ics", "events/hidden-briefing/index.html"]
    soup = built.html("events/hidden-briefing/")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    sitemap = (built.site / "sitemap.xml").read_text()
    assert "hidden-briefing" not in sitemap and "events/workshop-chicago/" in sitemap


def test_scheduled_events_appear_once_announced(site_copy, tmp_path):
    later = build_in_process(site_copy("media"), tmp_path / "site", clock="2027-01-16 09:00")
    assert "Canaryscheduled fair" in index(later)["upcoming"]


def test_event_pages_carry_event_jsonld(built):
    soup = built.html("events/workshop-chicago/")
    data = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    event = next(d for d in data if d["@type"] == "Event")
    assert event["name"] == "Hands-on workshop in Chicago"
    assert event["startDate"] == "2026-12-03T09:30:00-06:00"
    assert event["endDate"] == "2026-12-03T16:00:00-06:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["address"]["addressLocality"] == "Chicago"
    assert [p["name"] for p in event["performer"]] == ["Ada Lovelace", "Gus <Guest>"]
    assert event["organizer"] == {"@type": "Organization", "name": "Media & Co", "url": SITE_URL}
    assert event["url"] == SITE_URL + "events/workshop-chicago/"
    online = next(
        d
        for d in (
            json.loads(s.string)
            for s in built.html("events/past-webinar/").find_all(
                "script", type="application/ld+json"
            )
        )
        if d["@type"] == "Event"
    )
    assert online["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.media.example.org/engines",
    }
    assert online["audience"] == [{"@type": "Audience", "audienceType": "Buyer"}]


def test_contributor_text_is_escaped_on_event_pages(built):
    for page in ("events/", "events/past-webinar/"):
        html = built.path(page).read_text(encoding="utf-8")
        assert "engines <after> dark" not in html
        assert "engines &lt;after&gt; dark" in html


def test_no_broken_links(built):
    assert broken_links(built.site) == []


def test_serve_previews_drafts_with_a_banner_but_never_in_the_calendar(
    site_copy, tmp_path, monkeypatch
):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("HUBSPOKE_CLOCK", FIXED_CLOCK)
    source = site_copy("media")
    config = load_config(str(source / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins["hubspoke/network"].on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    page = tmp_path / "site" / "events" / "canarydraft-meetup" / "index.html"
    assert "Draft preview: this event is not published." in page.read_text(encoding="utf-8")
    calendar = icalendar.Calendar.from_ical(
        (tmp_path / "site" / "events" / "upcoming.ics").read_bytes()
    )
    assert "Canarydraft meetup" not in [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]


def test_a_site_without_events_or_media_gets_no_media_files(site_copy, tmp_path):
    source = site_copy("basic")
    config = (source / "mkdocs.yml").read_text()
    config = config.replace(
        "      blog_per_page: 2\n", "      blog_per_page: 2\n  - hubspoke/media\n"
    )
    config = config.replace("site_url: https://hub.example.com/\n", "")
    (source / "mkdocs.yml").write_text(config)
    built = build_in_process(source, tmp_path / "site")
    assert built.warnings() == []
    assert not (built.site / "events").exists() and not (built.site / "podcasts").exists()
    assert not list(built.site.rglob("*.ics"))
    # The video player's rules are in Hubspoke's one stylesheet all the same.
    assert ".hs-video" in built.path("assets/hubspoke/hubspoke.css").read_text(encoding="utf-8")
