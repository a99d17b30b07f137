"""Events (webinars, workshops, demos...): pages in `content/events/` with a start and an end.

An event is read from its front matter (checked against `schemas/event.schema.json`),
its speakers and personas are checked against the network, and the publication rule
of posts decides where it appears: `draft` and `unlisted` work as for posts, and
`announce` plays the part of a post's date (before it, the event is scheduled).
A future start is not "scheduled": an upcoming event is published so readers can
sign up. Upcoming or past is decided by the build clock: an event is past once it ends.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timezone, tzinfo

from .. import dates
from ..content import validation
from ..content.intake import left_out_message
from ..content.loaders import as_list
from ..content.yamlfile import decode, split_front_matter
from ..errors import Problem, ProblemList
from ..labels import ENGLISH, Labels
from ..network import publication
from ..network.assembly import unknown_id
from ..network.publication import State, Visibility
from ..urls import source_path

# The kinds of event with a name of their own (event.kind.* in the label catalogue).
KINDS = ("webinar", "workshop", "conference", "trade-fair", "demo", "talk", "meetup", "training")
ALWAYS = datetime(1970, 1, 1, tzinfo=UTC)  # the `date` of an event without `announce`
SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


@dataclass(frozen=True)
class Place:
    """Where an event happens in person."""

    name: str
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None

    def lines(self) -> list[str]:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return [p for p in (self.name, self.street, town, self.region, self.country) if p]


@dataclass(frozen=True)
class Event:
    """One event page, as written in its front matter."""

    source: str  # docs-relative
    shown: str  # as an editor knows the file
    slug: str
    title: str
    start: datetime
    end: datetime
    kind: str = ""
    description: str | None = None
    place: Place | None = None
    online: str | None = None
    registration: str | None = None
    speakers: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    recording: str | None = None  # docs-relative source of a post
    status: str = "scheduled"
    free: bool | None = None
    announce: datetime | None = None
    draft: bool = False
    unlisted: bool = False
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False, hash=False)

    @property
    def date(self) -> datetime:
        """What the publication rule compares with the clock: the announcement date."""
        return self.announce or ALWAYS

    def kind_label(self, labels: Labels = ENGLISH) -> str:
        """The kind as readers see it, in the catalogue's language."""
        return labels.text(f"event.kind.{self.kind if self.kind in KINDS else 'event'}")

    @property
    def attendance(self) -> str:
        if self.place and self.online:
            return "mixed"
        return "online" if self.online else "offline"

    def is_past(self, clock: datetime) -> bool:
        """Past once it has ended; a running event is still upcoming."""
        return self.end <= clock


def read_event(source: str, shown: str, raw: bytes, *, timezone: tzinfo) -> Event:
    """One event from the bytes of `content/events/<slug>.md`."""
    document, _, _ = split_front_matter(shown, decode(shown, raw))
    schema = validation.validate("event", shown, document)
    # A field that breaks the schema gets no further checks; the others still do, so
    # every problem of the event comes in one report.
    broken = {p.field.split(".")[0] for p in schema if p.field}
    data = document.data
    found = ProblemList()
    found.extend(schema)

    def ok(key: str) -> bool:
        return bool(data.get(key)) and key not in broken

    def problem(key: str, message: str) -> None:
        found.add(shown, message, field=key, line=document.line(key))

    zone = timezone
    if ok("timezone"):
        try:
            zone = dates.zone(data["timezone"])
        except dates.DateError as error:
            problem("timezone", str(error))

    def when(key: str) -> datetime | None:
        if not ok(key):
            return None
        try:
            return dates.parse(str(data[key]), zone)
        except dates.DateError as error:
            problem(key, str(error))
            return None

    start, end = when("start"), when("end")
    announce = when("announce")
    if start and end and end <= start:
        problem(
            "end", f"is not after the start ({data['start']}): an event must end after it starts"
        )
    if not ({"place", "online"} & broken) and not data.get("place") and not data.get("online"):
        problem("place", "is missing: give a 'place' ({name: ..., city: ...}) or an 'online' link")
    recording = None
    if ok("recording"):
        recording = source_path(source, data["recording"])
        if recording.startswith("../") or "://" in data["recording"]:
            problem("recording", "must be a blog post, a path relative to this file")
    found.raise_if_any()
    assert start is not None and end is not None  # both required: a problem was raised
    place = Place(**data["place"]) if data.get("place") else None
    return Event(
        source=source,
        shown=shown,
        slug=posixpath.splitext(posixpath.basename(source))[0],
        title=data["title"].strip(),
        start=start,
        end=end,
        kind=data.get("kind", ""),
        description=(data.get("description") or "").strip() or None,
        place=place,
        online=data.get("online"),
        registration=data.get("registration"),
        speakers=tuple(as_list(data.get("speakers"))),
        personas=tuple(as_list(data.get("personas"))),
        recording=recording,
        status=data.get("status", "scheduled"),
        free=data.get("free"),
        announce=announce,
        draft=bool(data.get("draft", False)),
        unlisted=bool(data.get("unlisted", False)),
        lines=dict(document.lines),
    )


def check_references(
    events: Iterable[Event],
    authors: Mapping[str, object],
    personas: Mapping[str, object],
    posts: set[str],
    left_out: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Unknown speakers and personas, and recordings that are not blog posts; `left_out`
    as for `network.check_references`."""
    left_out = left_out or {}
    problems = ProblemList()
    for event in events:

        def problem(key: str, message: str, event=event) -> None:
            problems.add(event.shown, message, field=key, line=event.lines.get(key))

        for speaker in event.speakers:
            if speaker not in authors:
                problem("speakers", unknown_id("author", speaker, authors, "authors/<id>.yml"))
        for persona in event.personas:
            if persona not in personas and f"persona:{persona}" in left_out:
                problem("personas", left_out_message(left_out[f"persona:{persona}"]))
            elif persona not in personas:
                problem(
                    "personas", unknown_id("persona", persona, personas, "content/personas/<id>.md")
                )
        if event.recording and event.recording not in posts:
            problem(
                "recording",
                f"'{event.recording}' is not a blog post: link the .md file of the post "
                "with the recording, relative to this file",
            )
    return problems.items


def visibility(
    event: Event, clock: datetime, *, preview: bool = False, labels: Labels = ENGLISH
) -> Visibility:
    """The publication rule of posts, applied to an event (banner text about events)."""
    seen = publication.visibility(event, clock, preview=preview)
    if seen.banner is None:
        return seen
    if seen.state is State.DRAFT:
        banner = labels.text("event.preview_draft")
    else:
        banner = labels.text("event.preview_scheduled", date=f"{event.date:%Y-%m-%d %H:%M %Z}")
    return dataclasses.replace(seen, banner=banner)


def split(events: Iterable[Event], clock: datetime) -> tuple[list[Event], list[Event]]:
    """(upcoming, soonest first; past, latest first)."""
    events = list(events)
    upcoming = sorted((e for e in events if not e.is_past(clock)), key=lambda e: (e.start, e.slug))
    past = sorted((e for e in events if e.is_past(clock)), key=lambda e: (e.start, e.slug))
    return upcoming, past[::-1]


def utc_or_zone(value: datetime) -> datetime:
    """A fixed UTC offset (written as +02:00) becomes UTC; a named zone stays as it is."""
    return value.astimezone(UTC) if isinstance(value.tzinfo, timezone) else value


def event_jsonld(
    event: Event,
    *,
    url: str | None,
    organizer: dict,
    performers: list[dict],
    audiences: list[str],
) -> dict:
    """schema.org Event."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": SCHEMA_STATUS[event.status],
        "eventAttendanceMode": {
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "offline": "https://schema.org/OfflineEventAttendanceMode",
            "mixed": "https://schema.org/MixedEventAttendanceMode",
        }[event.attendance],
    }
    if url:
        data["url"] = url
    if event.description:
        data["description"] = event.description
    locations = []
    if event.place:
        place: dict = {"@type": "Place", "name": event.place.name}
        address = {
            key: value
            for key, value in (
                ("streetAddress", event.place.street),
                ("postalCode", event.place.postcode),
                ("addressLocality", event.place.city),
                ("addressRegion", event.place.region),
                ("addressCountry", event.place.country),
            )
            if value
        }
        if address:
            place["address"] = {"@type": "PostalAddress", **address}
        locations.append(place)
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.online})
    data["location"] = locations[0] if len(locations) == 1 else locations
    data["organizer"] = organizer
    if performers:
        data["performer"] = performers
    if event.free is not None:
        data["isAccessibleForFree"] = event.free
    if audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": name} for name in audiences]
    return data
