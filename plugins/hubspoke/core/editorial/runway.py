"""Content runway maths: posts in time windows, and how long the scheduled queue lasts.

Windows are half-open and counted from the build clock: "the last 30 days"
is (clock - 30 days, clock], "the next 30 days" is (clock, clock + 30 days].

The runway of a persona (or category) is the number of days until it falls
behind its own recent pace:

    interval = 90 / (posts published in the last 90 days)   (90 when there were none)
    covered  = date of the latest published post + interval
    for each scheduled post, in date order:
        if it comes after `covered`, stop: that is the first gap
        covered = its date + interval
    runway   = whole days from the clock to `covered` (0 when already behind)

So a persona that got a post every 10 days and has the next three posts
scheduled 10 days apart has about 40 days of runway; one that published
nothing for 90 days has none, whatever is scheduled far ahead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

RECENT_DAYS = 30
RATE_DAYS = 90
AHEAD_DAYS = 30
DAY = 86400.0


def days_between(start: datetime, end: datetime) -> float:
    """Days from `start` to `end` (negative when `end` is earlier)."""
    return (end - start).total_seconds() / DAY


def in_last(dates: Iterable[datetime], clock: datetime, days: int) -> int:
    """How many `dates` fall in the `days` days up to and including the clock."""
    start = clock - timedelta(days=days)
    return sum(1 for d in dates if start < d <= clock)


def in_next(dates: Iterable[datetime], clock: datetime, days: int) -> int:
    """How many `dates` fall after the clock and at most `days` days later."""
    end = clock + timedelta(days=days)
    return sum(1 for d in dates if clock < d <= end)


def interval(published: Sequence[datetime], clock: datetime, rate_days: int = RATE_DAYS) -> float:
    """Average days between posts over the last `rate_days` days (`rate_days` if none)."""
    return rate_days / max(in_last(published, clock, rate_days), 1)


def runway_days(
    published: Sequence[datetime],
    scheduled: Sequence[datetime],
    clock: datetime,
    rate_days: int = RATE_DAYS,
) -> int:
    """Whole days until the scheduled queue no longer keeps up the recent pace (see above)."""
    past = [d for d in published if d <= clock]
    if not past:
        return 0
    step = interval(past, clock, rate_days)
    covered = days_between(clock, max(past)) + step
    if covered <= 0:
        return 0
    for when in sorted(d for d in scheduled if d > clock):
        offset = days_between(clock, when)
        if offset > covered:
            break
        covered = offset + step
    return math.floor(covered)
