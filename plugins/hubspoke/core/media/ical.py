"""iCalendar (RFC 5545) files of events, written with the `icalendar` library.

One `.ics` per event and one calendar feed of upcoming events. Start and end keep
their named time zone (a VTIMEZONE is included for each); a fixed UTC offset is
written in UTC. Output is deterministic: DTSTAMP is the event's announcement date
(else its start), never the time of the build, and the UID is stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date

from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from ..feeds.text import clean_line, clean_text
from ..labels import Labels
from .events import Event, utc_or_zone

PRODUCT = "-//Hubspoke//Events//EN"
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


@dataclass(frozen=True)
class Entry:
    """An event and the absolute URLs a calendar shows with it."""

    event: Event
    url: str  # the event page
    uid: str
    speakers: tuple[str, ...] = ()
    recording: str | None = None


def calendar(
    entries: Iterable[Entry], *, name: str, labels: Labels, description: str | None = None
) -> bytes:
    """A VCALENDAR with one VEVENT per entry (in the order given); each description's
    own lines (speakers, links) in the language of `labels`."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_line(name))
    if description:
        cal.add("x-wr-caldesc", clean_line(description))
    years = []
    for entry in entries:
        cal.add_component(_vevent(entry, labels))
        years += [entry.event.start.year, entry.event.end.year]
    if years:
        # Time zone rules from one year before the first event to one after the last.
        _add_timezones(cal, date(min(years) - 1, 1, 1), date(max(years) + 1, 12, 31))
    return cal.to_ical()


def _add_timezones(cal: Calendar, first: date, last: date) -> None:
    """A VTIMEZONE for each zone the events name, before the events, sorted by name
    (icalendar's own add_missing_timezones follows a set: its order changes with the hash seed)."""
    zones = []
    for tzid in sorted(cal.get_missing_tzids()):
        try:
            zones.append(Timezone.from_tzid(tzid, first_date=first, last_date=last))
        except ValueError:  # a zone icalendar does not know: the calendar names it as is
            continue
    cal.subcomponents[:0] = zones


def _vevent(entry: Entry, labels: Labels) -> VEvent:
    event = entry.event
    item = VEvent()
    item.add("uid", entry.uid)
    item.add("dtstamp", (event.announce or event.start).astimezone(UTC))
    item.add("dtstart", utc_or_zone(event.start))
    item.add("dtend", utc_or_zone(event.end))
    item.add("summary", clean_line(event.title))
    item.add("description", _description(entry, labels))
    item.add("url", entry.url)
    location = _location(event)
    if location:
        item.add("location", location)
    item.add("status", STATUS[event.status])
    if event.kind:
        item.add("categories", [event.kind_label(labels)])
    item.add("transp", "OPAQUE")
    return item


def _description(entry: Entry, labels: Labels) -> str:
    event = entry.event
    parts = [clean_text(event.description)] if event.description else []
    if entry.speakers:
        names = ", ".join(clean_line(s) for s in entry.speakers)
        parts.append(labels.text("event.with_speakers", names=names))
    links = (
        ("event.join_online_at", event.online),
        ("event.register_at", event.registration),
        ("event.recording_at", entry.recording),
        ("event.details_at", entry.url),
    )
    parts += [labels.text(key, url=url) for key, url in links if url]
    return "\n\n".join(parts)


def _location(event: Event) -> str | None:
    if event.place:
        return clean_line(", ".join(event.place.lines()))
    return event.online


def uid(slug: str, host: str) -> str:
    """A stable, globally unique id: the event's slug at the site's host."""
    return f"event-{slug}@{host or 'hubspoke.invalid'}"
