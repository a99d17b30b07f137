"""Dates from front matter, made timezone-aware, and the build clock."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CLOCK_VARIABLE = "HUBSPOKE_CLOCK"
# Dates outside these years are mistakes, and near year 1 or 9999 they overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999

_DATETIME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[ T](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r" ?(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)


class DateError(ValueError):
    """A date that has the right shape but does not exist, or an unknown zone."""


def zone(name: str) -> ZoneInfo | timezone:
    """The time zone called `name` (IANA, e.g. Europe/Berlin, or UTC)."""
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise DateError(
            f"unknown time zone {name!r}; use an IANA name such as Europe/Berlin"
        ) from None


def parse(value: str, tz: tzinfo) -> datetime:
    """A timezone-aware datetime from '2025-04-02', '2025-04-02 09:30', '...T09:30:00+02:00'.

    A date or time without an offset is read in the site's time zone `tz`.
    """
    match = _DATETIME.match(value.strip())
    if not match:
        raise DateError(f"{value!r} is not a date like 2025-04-02 or '2025-04-02 09:30'")
    try:
        day = date.fromisoformat(match["date"])
        clock = time.fromisoformat(match["time"]) if match["time"] else time(0, 0)
    except ValueError:
        raise DateError(f"{value!r} is not a real date or time") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateError(f"{value!r} is out of range: use a year from {FIRST_YEAR} to {LAST_YEAR}")
    offset = match["zone"]
    if offset:
        if offset == "Z":
            zone: tzinfo = UTC
        else:
            digits = offset[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:] or 0)
            if hours > 14 or minutes > 59:
                raise DateError(f"{value!r} has an impossible UTC offset {offset}")
            delta = timedelta(hours=hours, minutes=minutes)
            zone = timezone(delta if offset[0] == "+" else -delta)
        return datetime.combine(day, clock, zone)
    return datetime.combine(day, clock, tz)


def build_clock(option: str | None, tz: tzinfo, environ=os.environ) -> datetime:
    """The instant the site is built 'as of': $HUBSPOKE_CLOCK, else the option, else now.

    Previewing the site as of a future date is a matter of setting the clock.
    """
    value = environ.get(CLOCK_VARIABLE) or option
    if value:
        return parse(str(value), tz)
    return datetime.now(UTC)
