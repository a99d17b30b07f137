"""Posts per month, counted in plain Python (no MkDocs): a post of several personas is
split equally between them, so that a month's stack adds up to its published posts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

from hubspoke.core.editorial import charts
from hubspoke.core.editorial.report import count_months
from hubspoke.core.labels import Labels

from .factories import post

CLOCK = datetime(2026, 11, 20, 12, tzinfo=UTC)
PERSONAS = ["buyer", "candidate", "engineer"]
SVG = "{http://www.w3.org/2000/svg}"


def november(n: int, *personas: str):
    return post(n, date=datetime(2026, 11, n, 9, tzinfo=UTC), personas=tuple(personas))


def test_a_post_of_several_personas_is_one_post_split_between_them():
    published = [
        november(1, "buyer", "candidate", "engineer"),
        november(2, "buyer", "candidate"),
        post(3, date=datetime(2026, 10, 31, 23, tzinfo=UTC), personas=("buyer",)),
    ]
    october, month = count_months(published, PERSONAS, CLOCK, UTC, 2)
    assert (month.key, month.posts) == ("2026-11", 2)
    # What `hubspoke report` lists: each persona's posts (a post counts for each of its).
    assert month.personas == {"buyer": 2, "candidate": 2, "engineer": 1}
    third, half = Fraction(1, 3), Fraction(1, 2)
    assert month.shares == {"buyer": third + half, "candidate": third + half, "engineer": third}
    assert sum(month.shares.values()) + month.without_persona == month.posts
    assert (october.posts, october.shares["buyer"], october.without_persona) == (1, 1, 0)


def test_a_post_of_no_known_persona_still_counts_for_its_month():
    published = [
        november(1),
        november(2, "stranger"),
        november(3, "engineer", "stranger", "engineer"),
    ]
    (month,) = count_months(published, PERSONAS, CLOCK, UTC, 1)
    assert month.posts == 3 and month.without_persona == 2
    assert month.shares == {"buyer": 0, "candidate": 0, "engineer": 1}
    assert sum(month.shares.values()) + month.without_persona == 3


def test_months_follow_the_site_zone_and_empty_months_are_zero():
    late = post(1, date=datetime(2026, 10, 31, 23, 30, tzinfo=UTC), personas=("buyer",))
    berlin = ZoneInfo("Europe/Berlin")
    months = count_months([late], PERSONAS, CLOCK.astimezone(berlin), berlin, 3)
    assert [(m.key, m.posts) for m in months] == [("2026-09", 0), ("2026-10", 0), ("2026-11", 1)]
    assert months[0].shares == dict.fromkeys(PERSONAS, 0)


def test_a_stacked_bar_is_as_tall_as_the_posts_of_its_month():
    series = [("buyer", "Buyer"), ("candidate", "Candidate"), ("", "No persona")]
    counts = {
        "2026-10": {"buyer": Fraction(1)},
        "2026-11": {"buyer": Fraction(3, 2), "candidate": Fraction(1, 2), "": Fraction(1)},
    }
    svg = ET.fromstring(
        charts.stacked_bars(list(counts), series, counts, labels=Labels("en"), title="t", desc="d")
    )
    bars = {bar.get("data-month"): bar for bar in svg.iter(SVG + "g") if bar.get("data-month")}
    height = {
        key: sum(float(r.get("height")) for r in bar.iter(SVG + "rect"))
        for key, bar in bars.items()
    }
    assert abs(height["2026-11"] - 3 * height["2026-10"]) < 0.5
    totals = {
        key: next(t.text for t in bar.iter(SVG + "text") if t.get("class") == "hs-total")
        for key, bar in bars.items()
    }
    assert totals == {"2026-10": "1", "2026-11": "3"}
    tip = bars["2026-11"].find(SVG + "title").text
    assert tip == "Nov 2026: 3 posts — Buyer 1.5, Candidate 0.5, No persona 1"
    german = charts.stacked_bars(
        list(counts), series, counts, labels=Labels("de"), title="t", desc="d"
    )
    assert re.search(r"Buyer 1,5, Candidate 0,5", german)
