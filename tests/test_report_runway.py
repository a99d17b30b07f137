"""Runway maths on hand-made dates: windows, pace and the first gap in the queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hubspoke.core.editorial.runway import in_last, in_next, interval, runway_days

CLOCK = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def days(*offsets: float) -> list[datetime]:
    return [CLOCK + timedelta(days=d) for d in offsets]


def test_windows_are_half_open_from_the_clock():
    published = days(0, -29.99, -30, -89.99, -90)
    assert in_last(published, CLOCK, 30) == 2  # the clock itself counts, 30 days ago does not
    assert in_last(published, CLOCK, 90) == 4
    assert in_next(days(0, 0.5, 30, 30.5), CLOCK, 30) == 2  # now is not "next"; day 30 is


def test_interval_is_the_recent_pace():
    assert interval(days(-5, -20, -60), CLOCK) == 30
    assert interval(days(-100), CLOCK) == 90  # nothing recent: one post per 90 days


@pytest.mark.parametrize(
    ("published", "scheduled", "expected"),
    [
        # Every 10 days, three more queued 10 days apart: 9 recent posts, interval 10.
        ([-i * 10 for i in range(9)], [10, 20, 30], 40),
        # Interval 30; last post 5 days ago covers 25 days; +5 and +20 arrive in time.
        ([-5, -20, -60], [5, 20], 50),
        # The same, but the next post comes after the 25 covered days: a gap.
        ([-5, -20, -60], [26], 25),
        # Nothing published in 90 days: already behind, whatever is queued.
        ([-100], [1, 2, 3], 0),
        # Never published.
        ([], [1], 0),
        # Interval 90 from one recent post 20 days ago: 70 days, then +60 extends to 150.
        ([-20, -100], [60], 150),
    ],
)
def test_runway(published, scheduled, expected):
    assert runway_days(days(*published), days(*scheduled), CLOCK) == expected
