"""Pure functions of video, audio, events, iCalendar and podcast feeds, without a site;
the player and figure templates rendered from their views, as the theme renders them."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import jinja2
import pytest

from hubspoke.core.errors import ContentError
from hubspoke.core.labels import ENGLISH
from hubspoke.core.media import audio, events, ical, podcast, video
from hubspoke.core.network.publication import State
from hubspoke.media.plugin import TEMPLATES

BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")
THEME = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES))
THEME.globals["hubspoke_labels"] = ENGLISH


def render(template: str, **context) -> str:
    """The media section's partial `template`, as the theme renders it (MkDocs' theme
    environment has no autoescape either: the template turns it on)."""
    return THEME.get_template(f"hubspoke/partials/{template}").render(context)


# -- video ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "provider", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=Kv3pTz8qLmA",
            "youtube",
            "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1",
        ),
        (
            "https://youtu.be/Kv3pTz8qLmA?t=90",
            "youtube",
            "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1&start=90",
        ),
        (
            "https://m.youtube.com/watch?v=Kv3pTz8qLmA&t=1m30s",
            "youtube",
            "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1&start=90",
        ),
        (
            "https://www.youtube.com/shorts/Kv3pTz8qLmA",
            "youtube",
            "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1",
        ),
        (
            "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA",
            "youtube",
            "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1",
        ),
        (
            "https://vimeo.com/76979871",
            "vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
        ),
        (
            "https://vimeo.com/76979871/abc123",
            "vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=abc123",
        ),
        (
            "https://player.vimeo.com/video/76979871?h=abc123",
            "vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=abc123",
        ),
        (
            "https://vimeo.com/76979871#t=65",
            "vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=65s",
        ),
        ("../media/demo.mp4", "file", ""),
        ("../media/demo.webm", "file", ""),
    ],
)
def test_video_links_become_privacy_enhanced_players(href, provider, embed):
    source = video.parse_source(href)
    assert source.provider == provider
    assert source.embed_url == embed
    if provider == "file":
        assert source.media_type in ("video/mp4", "video/webm")


@pytest.mark.parametrize(
    ("href", "words"),
    [
        ("https://www.dailymotion.com/video/x8abc", "'www.dailymotion.com' is not a video host"),
        ("https://evil.example/watch?v=Kv3pTz8qLmA", "'evil.example' is not a video host"),
        ("http://www.youtube.com/watch?v=Kv3pTz8qLmA", "must start with https://"),
        ("https://www.youtube.com/watch?v=short", "names no YouTube video"),
        ("https://vimeo.com/channels/staffpicks", "names no Vimeo video"),
        ("../media/clip.avi", "is not a video"),
    ],
)
def test_unknown_hosts_and_unreadable_links_are_errors(href, words):
    with pytest.raises(video.VideoError, match=words.replace("(", r"\(").replace("?", r"\?")):
        video.parse_source(href)


def test_durations_read_and_written():
    assert video.parse_duration("3:40") == 220
    assert video.parse_duration("01:03:40") == 3820
    assert video.parse_duration(252) == 252
    assert video.iso_duration(3820) == "PT1H3M40S"
    assert video.iso_duration(17) == "PT17S"
    assert video.clock_duration(3820) == "1:03:40"
    with pytest.raises(ValueError):
        video.parse_duration("four minutes")


def test_marked_links_are_found_marked_and_placed():
    html = (
        '<p>Intro</p>\n<p><a class="video" href="https://youtu.be/Kv3pTz8qLmA">'
        '<img alt="A poster" src="p.jpg" /></a></p>\n'
        '<p>Text <a class="video other" href="https://vimeo.com/1"><img alt="b" src="b.jpg"></a> inline</p>'
        '<p><a href="https://youtu.be/Kv3pTz8qLmA">an ordinary link</a></p>'
    )
    links = video.find_links(html)
    assert [link.standalone for link in links] == [True, False]
    assert links[0].poster == {"alt": "A poster", "src": "p.jpg"}
    marked = video.mark(html, links[:1])
    assert 'youtu.be/Kv3pTz8qLmA"><img' not in marked
    assert video.place(marked, ["<figure>F</figure>"]).startswith(
        "<p>Intro</p>\n<figure>F</figure>"
    )


def test_figure_escapes_writer_text_and_names_the_host_only_in_the_data_attribute():
    source = video.parse_source("https://www.youtube.com/watch?v=Kv3pTz8qLmA")
    embed = video.VideoEmbed(
        source=source,
        title='Talk "<live>" & more',
        poster_src="p.jpg",
        poster_alt="<script>alert(1)</script>",
        element_id="video-1",
        transcript="#transcript",
    )
    figure = video.figure(embed)
    assert figure.title == 'Talk "<live>" & more'  # plain text: the template escapes it
    assert figure.src.startswith("https://www.youtube-nocookie.com/embed/")
    markup = render("video-figure.html", figure=figure)
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert markup.count("//www.youtube-nocookie.com") == 1  # the button names only the host
    assert "(loads from youtube-nocookie.com)" in markup
    assert 'data-hs-video-src="https://www.youtube-nocookie.com/embed/' in markup
    assert "<iframe" not in markup


# -- audio ---------------------------------------------------------------------------

POST = "---\ntitle: Episode\ndate: 2026-10-10\naudio:\n{audio}---\nBody\n"


def read(audio_lines: str) -> audio.Audio:
    raw = POST.format(audio=audio_lines).encode()
    return audio.read_audio("blog/posts/ep.md", "content/blog/posts/ep.md", raw)


def test_audio_front_matter_is_read_with_defaults():
    found = read('  file: ../media/ep.m4a\n  duration: "00:04:12"\n  episode: 3\n  season: 1\n')
    assert found.path == "blog/media/ep.m4a"
    assert found.media_type == "audio/mp4"
    assert found.duration == 252
    assert found.itunes_duration == "00:04:12"
    assert found.transcript == "#transcript"
    assert (found.episode, found.season, found.episode_type) == (3, 1, "full")
    assert found.line("duration") == 6


def test_unquoted_minutes_and_seconds_read_as_seconds():
    # YAML 1.1 reads 4:12 as the base-60 number 252: exactly the seconds.
    assert read("  file: ep.mp3\n  duration: 4:12\n").duration == 252


def test_post_without_audio_has_none():
    raw = b"---\ntitle: x\ndate: 2026-01-01\n---\nBody\n"
    assert audio.read_audio("blog/x.md", "content/blog/x.md", raw) is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('  duration: "1:00"\n', "content/blog/posts/ep.md:4: field 'audio.file': is missing"),
        (
            "  file: ep.mp3\n  duration: soon\n",
            "content/blog/posts/ep.md:6: field 'audio.duration'",
        ),
        (
            '  file: ep.mp3\n  duration: "1:00"\n  episode: zero\n',
            "content/blog/posts/ep.md:7: field 'audio.episode': must be a whole number",
        ),
        (
            '  file: ep.mp3\n  duration: "1:00"\n  explicit: maybe\n',
            "content/blog/posts/ep.md:7: field 'audio.explicit': must be true or false",
        ),
        (
            '  file: ep.mp3\n  duration: "1:00"\n  type: audio/mp4\n',
            "content/blog/posts/ep.md:7: field 'audio.type': 'audio/mp4' does not fit a .mp3 file",
        ),
        (
            '  file: ep.mp3\n  duration: "1:00"\n  sesaon: 1\n',
            "field 'audio': 'sesaon' is not a known field; did you mean 'season'?",
        ),
        (
            '  file: ep.txt\n  duration: "1:00"\n',
            "field 'audio.file': 'ep.txt' is not an audio file",
        ),
        (
            '  file: https://cdn.example/ep.mp3\n  duration: "1:00"\n',
            "field 'audio.file': must be a path",
        ),
    ],
)
def test_bad_audio_fields_name_file_line_and_field(lines, expected):
    # Kept with the audio, for `settled` to report with the show's and the file's problems.
    found = read(lines)
    assert expected in "\n".join(str(p) for p in found.problems)
    shows, files = ("podcast",), set()  # nothing is opened
    settled, problems = audio.settled(found, shows, files, Path("/nowhere"), lambda p: p)
    assert settled is None and expected in "\n".join(str(p) for p in problems)


def test_audio_that_is_not_a_mapping():
    raw = b"---\ntitle: x\ndate: 2026-01-01\naudio: episode.mp3\n---\n"
    with pytest.raises(ContentError, match="ep.md:4: field 'audio': must be a mapping"):
        audio.read_audio("blog/ep.md", "content/blog/ep.md", raw)


def test_files_are_sniffed_and_sizes_checked():
    mp3 = read('  file: ep.mp3\n  duration: "1:00"\n  size: 10\n')
    assert audio.sniff(b"ID3\x03\x00") == "audio/mpeg"
    assert audio.sniff(b"\xff\xfb\x90\x00") == "audio/mpeg"
    assert audio.sniff(b"\x00\x00\x00\x20ftypM4A ") == "audio/mp4"
    assert audio.sniff(b"OggS\x00") == "audio/ogg"
    assert audio.file_problems(mp3, b"ID3\x03", 10) == []
    assert [field for field, _ in audio.file_problems(mp3, b"ID3\x03", 11)] == ["size"]
    (field, message), size = audio.file_problems(mp3, b"<html>", 11)
    assert field == "file" and "does not hold MP3 audio" in message
    assert size[0] == "size"  # both, not the first only


def test_player_is_accessible_and_escaped():
    found = read('  file: ep.mp3\n  duration: "1:00"\n  episode: 2\n')
    player = audio.player(
        found, title="<b>Ep</b>", src="ep.mp3", size=12_345, transcript="#transcript"
    )
    assert (player.title, player.size, player.duration, player.format) == (
        "<b>Ep</b>",
        "12 KB",
        "1:00",
        "MP3",
    )
    markup = render("audio-player.html", player=player)
    assert '<audio class="hs-audio__player" controls' in markup
    assert 'aria-label="Listen: &lt;b&gt;Ep&lt;/b&gt;"' in markup
    assert '<source src="ep.mp3" type="audio/mpeg">' in markup
    assert "Download (MP3, 12 KB)" in markup and 'href="#transcript"' in markup


# -- events --------------------------------------------------------------------------

EVENT = "---\ntitle: Demo\nstart: {start}\nend: {end}\n{extra}---\nText\n"


def event(
    start="'2027-01-20 09:30'", end="'2027-01-20 16:00'", extra="online: https://x.example/j\n"
):
    raw = EVENT.format(start=start, end=end, extra=extra).encode()
    return events.read_event("events/demo.md", "content/events/demo.md", raw, timezone=BERLIN)


def test_event_times_are_zone_aware():
    found = event(extra="timezone: America/Chicago\nplace: {name: Lab, city: Chicago}\n")
    assert found.start == datetime(2027, 1, 20, 9, 30, tzinfo=CHICAGO)
    assert found.start.tzinfo.key == "America/Chicago"
    assert found.attendance == "offline"
    assert event().start.tzinfo is BERLIN
    fixed = event(start="'2027-01-20T09:30:00+02:00'", end="'2027-01-20T10:00:00+02:00'")
    assert fixed.start.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"end": "'2027-01-20 09:00'"}, "demo.md:4: field 'end': is not after the start"),
        (
            {"start": "'2027-02-30 09:00'"},
            "demo.md:3: field 'start': '2027-02-30 09:00' is not a real date",
        ),
        ({"extra": ""}, "field 'place': is missing: give a 'place'"),
        (
            {"extra": "online: https://x.example\ntimezone: Mars/Olympus\n"},
            "field 'timezone': unknown time zone",
        ),
        (
            {"extra": "online: https://x.example\nspeaker: [ada]\n"},
            "'speaker' is not a known field; did you mean 'speakers'?",
        ),
        ({"extra": "online: ftp://x.example\n"}, "field 'online': has the wrong form"),
        (
            {"extra": "online: https://x.example\nkind: party\n"},
            "field 'kind': must be one of webinar",
        ),
    ],
)
def test_bad_events_name_file_line_and_field(kwargs, expected):
    with pytest.raises(ContentError) as raised:
        event(**kwargs)
    assert expected in str(raised.value)


def test_event_references_are_checked():
    found = event(
        extra="online: https://x.example\nspeakers: [lena-hofman]\npersonas: [ceo]\n"
        "recording: ../blog/nope.md\n"
    )
    problems = [
        str(p) for p in events.check_references([found], {"lena-hoffmann": 1}, {"buyer": 1}, set())
    ]
    assert (
        "content/events/demo.md:6: field 'speakers': unknown author id 'lena-hofman': did you mean 'lena-hoffmann'?"
        in problems
    )
    assert any("field 'personas': unknown persona id 'ceo'" in p for p in problems)
    assert any("field 'recording': 'blog/nope.md' is not a blog post" in p for p in problems)


def test_events_follow_the_publication_rule():
    clock = datetime(2026, 11, 20, 12, tzinfo=BERLIN)
    assert events.visibility(event(), clock).state is State.PUBLISHED
    draft = event(extra="online: https://x.example\ndraft: true\n")
    assert not events.visibility(draft, clock).built
    preview = events.visibility(draft, clock, preview=True)
    assert preview.built and not preview.syndicated and "this event" in preview.banner
    hidden = events.visibility(event(extra="online: https://x.example\nunlisted: true\n"), clock)
    assert hidden.built and not hidden.listed and not hidden.indexed
    later = event(extra="online: https://x.example\nannounce: 2027-01-05\n")
    assert events.visibility(later, clock).state is State.SCHEDULED
    assert not events.visibility(later, clock).built
    assert events.visibility(later, datetime(2027, 1, 6, tzinfo=BERLIN)).listed


def test_an_event_moves_to_past_when_it_ends():
    soon = event()
    long_ago = event(start="'2026-10-01 15:00'", end="'2026-10-01 16:00'")
    running = datetime(2027, 1, 20, 12, tzinfo=BERLIN)
    assert events.split([soon, long_ago], running) == ([soon], [long_ago])
    assert events.split([soon, long_ago], datetime(2027, 1, 20, 16, tzinfo=BERLIN)) == (
        [],
        [soon, long_ago],
    )


def test_event_jsonld():
    found = event(
        extra="place: {name: Lab, city: Kestrelford, country: DE}\nonline: https://x.example/j\nfree: true\n"
    )
    data = events.event_jsonld(
        found,
        url="https://hub.example/events/demo/",
        organizer={"@type": "Organization", "name": "C"},
        performers=[],
        audiences=["Plant engineer"],
    )
    assert data["@type"] == "Event" and data["startDate"] == "2027-01-20T09:30:00+01:00"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][0]["address"]["addressLocality"] == "Kestrelford"
    assert data["isAccessibleForFree"] is True


# -- iCalendar -------------------------------------------------------------------------


def test_ics_round_trips_start_and_end_with_time_zones():
    chicago = event(extra="timezone: America/Chicago\nonline: https://x.example/j\n")
    fixed = event(start="'2027-02-10T16:00:00+02:00'", end="'2027-02-10T16:45:00+02:00'")
    entries = [
        ical.Entry(e, f"https://hub.example/events/{n}/", f"event-{n}@hub.example", ("Lena, R&D",))
        for n, e in (("a", chicago), ("b", fixed))
    ]
    data = ical.calendar(entries, name="Corvane; events", labels=ENGLISH)
    assert data == ical.calendar(entries, name="Corvane; events", labels=ENGLISH), "deterministic"
    parsed = icalendar.Calendar.from_ical(data)
    first, second = parsed.walk("VEVENT")
    assert first.start == chicago.start and first.end == chicago.end
    assert first.start.tzinfo.key == "America/Chicago"
    assert second.start == fixed.start and second.start.utcoffset() == timedelta(0)
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["America/Chicago"]
    assert str(first["UID"]) == "event-a@hub.example"
    assert "With Lena, R&D." in str(first["DESCRIPTION"])
    assert str(parsed["X-WR-CALNAME"]) == "Corvane; events"
    assert first["DTSTAMP"].dt == chicago.start.astimezone(UTC)


# -- podcast feeds ---------------------------------------------------------------------


def test_podcast_feed_parses_with_itunes_fields():
    show = podcast.Show(
        key="s",
        title="Shop <Talk>",
        description="Two & one",
        feed_url="https://h.example/p.xml",
        link="https://h.example/",
        author="Co",
        category="Business",
        subcategory="Management",
        image_url="https://h.example/a.jpg",
        owner_name="Ada",
        owner_email="a@h.example",
    )
    when = datetime(2026, 10, 10, 8, tzinfo=timezone(timedelta(hours=2)))
    episodes = [
        podcast.Episode(
            url=f"https://h.example/e{n}/",
            title=f"E{n}",
            description="d",
            published=when + timedelta(days=n),
            authors=("Ada",),
            audio_url=f"https://h.example/e{n}.mp3",
            length=1234 + n,
            media_type="audio/mpeg",
            duration="00:04:12",
            explicit=False,
            episode=n,
            season=1,
        )
        for n in (1, 2)
    ]
    parsed = feedparser.parse(podcast.podcast_rss(show, episodes))
    assert not parsed.bozo
    assert parsed.feed.title == "Shop <Talk>"
    assert parsed.feed.itunes_explicit is None  # 'no': feedparser reads only 'yes' as True
    assert parsed.feed.image.href == "https://h.example/a.jpg"
    assert parsed.feed.tags[0].term == "Business"
    assert [e.title for e in parsed.entries] == ["E2", "E1"]
    entry = parsed.entries[0]
    assert entry.enclosures == [
        {"href": "https://h.example/e2.mp3", "length": "1236", "type": "audio/mpeg"}
    ]
    assert entry.itunes_duration == "00:04:12"
    assert entry.itunes_episode == "2" and entry.itunes_season == "1"


def test_video_links_are_found_in_the_source_in_order():
    text = "[file](a.mp4)\n\n[![P](p.jpg)](a.mp4){ .video }\n\n[![P](p.jpg)](a.mp4){ .video }\n"
    needles = ["](a.mp4", "{ .video"]
    line, end, needle = video.find_from(text, needles, 0, marked=".video")
    assert (line, needle) == (3, "](a.mp4")  # not the plain link of line 1
    line, end, needle = video.find_from(text, needles, end, marked=".video")
    assert line == 5
    assert video.find_from(text, ["](a.mp4"], end, marked=".video")[0] == 3  # from the start
    assert video.find_from(text, ["](b.mp4"], 0) == (None, 0, None)
