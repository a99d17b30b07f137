"""The publication rule and the build clock, without building a site."""

from datetime import UTC, datetime

import pytest

from hubspoke.core import dates
from hubspoke.core.network.model import Post
from hubspoke.core.network.publication import State, state, visibility

CLOCK = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def post(**fields) -> Post:
    values = {
        "source": "blog/p.md",
        "title": "P",
        "date": datetime(2026, 5, 1, tzinfo=UTC),
        "slug": "p",
        "path": "blog/p",
        "authors": ("ada",),
    }
    values.update(fields)
    return Post(**values)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, State.PUBLISHED),
        ({"unlisted": True}, State.UNLISTED),
        ({"draft": True}, State.DRAFT),
        ({"date": datetime(2026, 6, 1, 12, 1, tzinfo=UTC)}, State.SCHEDULED),
        ({"date": CLOCK}, State.PUBLISHED),
        ({"draft": True, "date": datetime(2030, 1, 1, tzinfo=UTC)}, State.DRAFT),
        ({"unlisted": True, "date": datetime(2030, 1, 1, tzinfo=UTC)}, State.SCHEDULED),
    ],
)
def test_state(fields, expected):
    assert state(post(**fields), CLOCK) is expected


def test_build_never_shows_drafts_or_scheduled_posts():
    for fields in ({"draft": True}, {"date": datetime(2027, 1, 1, tzinfo=UTC)}):
        seen = visibility(post(**fields), CLOCK, preview=False)
        assert not (seen.built or seen.listed or seen.indexed or seen.syndicated)


def test_preview_shows_drafts_with_a_banner_but_never_to_search_or_feeds():
    seen = visibility(post(draft=True), CLOCK, preview=True)
    assert seen.built and seen.listed
    assert not seen.indexed and not seen.syndicated
    assert "Draft" in seen.banner


def test_unlisted_is_built_but_appears_nowhere():
    seen = visibility(post(unlisted=True), CLOCK)
    assert seen.built
    assert not (seen.listed or seen.indexed or seen.syndicated)
    assert seen.banner is None


def test_published_appears_everywhere():
    seen = visibility(post(), CLOCK)
    assert seen.built and seen.listed and seen.indexed and seen.syndicated


def test_dates_are_read_in_the_site_time_zone():
    berlin = dates.zone("Europe/Berlin")
    parsed = dates.parse("2025-07-01 09:30", berlin)
    assert parsed.utcoffset().total_seconds() == 2 * 3600
    assert dates.parse("2025-01-01", berlin).isoformat() == "2025-01-01T00:00:00+01:00"
    assert dates.parse("2025-01-01T10:00:00Z", berlin).tzinfo == UTC
    assert dates.parse("2025-01-01 10:00 +05:30", berlin).utcoffset().total_seconds() == 19800


@pytest.mark.parametrize(
    "value", ["2025-02-30", "2025-13-01", "01/02/2025", "2025-01-01 25:00", "2025-01-01 10:00 +15"]
)
def test_impossible_dates_are_refused(value):
    with pytest.raises(dates.DateError):
        dates.parse(value, UTC)


def test_unknown_time_zone_is_refused():
    with pytest.raises(dates.DateError, match="IANA"):
        dates.zone("Mars/Olympus")


def test_clock_comes_from_the_environment_then_the_option():
    tz = dates.zone("UTC")
    env = {dates.CLOCK_VARIABLE: "2030-01-02"}
    assert dates.build_clock("2020-01-01", tz, environ=env).year == 2030
    assert dates.build_clock("2020-01-01", tz, environ={}).year == 2020
    now = dates.build_clock(None, tz, environ={})
    assert abs((now - datetime.now(UTC)).total_seconds()) < 60
