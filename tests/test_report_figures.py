"""`hubspoke report` on a fixture with known dates and a fixed clock, compared with
figures worked out by hand; JSON and CSV read back with the standard parsers; the
clock override and the check of a published site.

The fixture (tests/sites/editorial-report, UTC, clock 2026-11-20 12:00):

    post  date              authors  personas           category  state
    p1    2026-11-15 12:00  ada      buyer              Guides    published  (-5 days)
    p2    2026-10-31 12:00  ada      buyer, candidate   Guides    published  (-20)
    p3    2026-09-21 12:00  bo       buyer              News      published  (-60)
    p4    2026-08-12 12:00  bo       candidate          News      published  (-100)
    p5    2026-11-25 12:00  ada      buyer              Guides    scheduled  (+5)
    p6    2026-12-10 12:00  cy       buyer              Guides    scheduled  (+20, guest)
    p7    2027-01-19 12:00  bo       candidate          News      scheduled  (+60)
    p8    2026-10-01 12:00  ada      engineer           News      draft      (50 days old)
    p9    2026-11-18 12:00  bo       engineer           Guides    draft      (2 days old)
    p10   2026-11-10 12:00  ada      engineer           News      unlisted   (not counted)
    p11   2025-06-15 12:00  dee      engineer           News      published  (-523)

Runway by hand (interval = 90 / posts in the last 90 days):
    buyer:     3 recent -> 30; last -5 covers to 25; +5 -> 35; +20 -> 50           => 50
    candidate: 1 recent -> 90; last -20 covers to 70; +60 -> 150                   => 150
    engineer:  none recent -> 90; last -523 covers to -433: already behind         => 0
    Guides:    2 recent -> 45; last -5 covers to 40; +5 -> 50; +20 -> 65           => 65
    News:      1 recent -> 90; last -60 covers to 30; +60 comes after 30: a gap    => 30
    Events:    allowed but never used                                              => 0
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from .conftest import FIXED_CLOCK, build_in_process, copy_site

REPORT_SITE = Path(__file__).parent / "sites" / "editorial-report"


def hubspoke(*args, cwd=REPORT_SITE, clock=FIXED_CLOCK):
    env = {k: v for k, v in os.environ.items() if k not in ("HUBSPOKE_CLOCK", "NO_COLOR")}
    if clock:
        env["HUBSPOKE_CLOCK"] = clock
    return subprocess.run(
        [sys.executable, "-m", "hubspoke.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def runway(id_, name, p30, p90, s30, s, days, last, next_):
    return {
        "id": id_,
        "name": name,
        "published_30": p30,
        "published_90": p90,
        "scheduled_30": s30,
        "scheduled": s,
        "runway_days": days,
        "last_post": last,
        "next_post": next_,
        "nothing_scheduled": s == 0,
    }


PERSONAS = [
    runway("buyer", "Buyer", 2, 3, 2, 2, 50, "2026-11-15", "2026-11-25"),
    runway("candidate", "Candidate", 1, 1, 0, 1, 150, "2026-10-31", "2027-01-19"),
    runway("engineer", "Engineer", 0, 0, 0, 0, 0, "2025-06-15", None),
]
CATEGORIES = [
    runway("events", "Events", 0, 0, 0, 0, 0, None, None),
    runway("guides", "Guides", 2, 2, 2, 2, 65, "2026-11-15", "2026-11-25"),
    runway("news", "News", 0, 1, 0, 1, 30, "2026-09-21", "2027-01-19"),
]
# id: (published_30, published_90, published, scheduled, last, next, days since, dormant, spokes)
AUTHORS = {
    "ada": (2, 2, 2, 1, "2026-11-15", "2026-11-25", 5, False, ["mastodon"]),
    "bo": (0, 1, 2, 1, "2026-09-21", "2027-01-19", 60, True, []),
    "cy": (0, 0, 0, 1, None, "2026-12-10", None, False, ["linkedin"]),
    "dee": (0, 0, 1, 0, "2025-06-15", None, 523, False, ["linkedin"]),
    "eve": (0, 0, 0, 0, None, None, None, True, ["linkedin"]),
}


@pytest.fixture(autouse=True, scope="module")
def as_a_build():
    """Put the cached plugins back in `build` mode before this module builds anything.

    MkDocs keeps one instance of each plugin with an on_startup hook for the whole
    process; a test elsewhere that starts them as `serve` leaves them previewing drafts.
    """
    load_config(str(REPORT_SITE / "mkdocs.yml")).plugins.on_startup(command="build", dirty=False)


@pytest.fixture(scope="module")
def report() -> dict:
    result = hubspoke("report", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_shape(report):
    assert set(report) == {
        "clock",
        "windows",
        "personas",
        "categories",
        "authors",
        "drafts",
        "months",
        "coverage",
        "summary",
    }
    assert report["clock"] == "2026-11-20T12:00:00+00:00"
    assert report["windows"] == {
        "recent_days": 30,
        "rate_days": 90,
        "ahead_days": 30,
        "dormant_days": 45,
        "draft_days": 30,
    }


def test_runway_per_persona_and_category(report):
    assert report["personas"] == PERSONAS
    assert report["categories"] == CATEGORIES


def test_authors_last_and_next_post_dormant_and_spokes(report):
    found = {a["id"]: a for a in report["authors"]}
    assert list(found) == ["ada", "bo", "cy", "dee", "eve"]
    for author_id, expected in AUTHORS.items():
        a = found[author_id]
        got = (
            a["published_30"],
            a["published_90"],
            a["published"],
            a["scheduled"],
            a["last_post"],
            a["next_post"],
            a["days_since_last"],
            a["dormant"],
            a["spokes"],
        )
        assert got == expected, author_id
    assert found["bo"]["no_spokes"] is True and found["dee"]["active"] is False


def test_drafts_months_coverage_and_summary(report):
    assert report["drafts"] == [
        {
            "path": "content/blog/posts/p8.md",
            "title": "Old engineer draft",
            "authors": ["ada"],
            "date": "2026-10-01",
            "age_days": 50,
            "stale": True,
        },
        {
            "path": "content/blog/posts/p9.md",
            "title": "Fresh engineer draft",
            "authors": ["bo"],
            "date": "2026-11-18",
            "age_days": 2,
            "stale": False,
        },
    ]
    months = {m["month"]: (m["posts"], m["personas"]) for m in report["months"]}
    zero = {"buyer": 0, "candidate": 0, "engineer": 0}
    assert months == {
        "2026-06": (0, zero),
        "2026-07": (0, zero),
        "2026-08": (1, {**zero, "candidate": 1}),
        "2026-09": (1, {**zero, "buyer": 1}),
        "2026-10": (1, {**zero, "buyer": 1, "candidate": 1}),
        "2026-11": (1, {**zero, "buyer": 1}),
    }
    coverage = {(c["persona"], c["category"]): c["posts"] for c in report["coverage"]}
    assert {k: v for k, v in coverage.items() if v} == {
        ("buyer", "guides"): 2,
        ("buyer", "news"): 1,
        ("candidate", "guides"): 1,
        ("candidate", "news"): 1,
        ("engineer", "news"): 1,
    }
    assert len(coverage) == 9
    assert report["summary"] == {
        "nothing_scheduled": ["engineer"],
        "dormant_authors": ["bo", "eve"],
        "authors_without_spokes": ["bo"],
        "stale_drafts": ["content/blog/posts/p8.md"],
        "shortest_runway": {"id": "engineer", "runway_days": 0},
    }


def test_csv_has_the_same_figures():
    result = hubspoke("report", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    sections = [row["section"] for row in rows]
    assert sections == ["persona"] * 3 + ["category"] * 3 + ["author"] * 5 + ["draft"] * 2
    buyer = rows[0]
    assert (buyer["id"], buyer["runway_days"], buyer["scheduled_30"], buyer["last_post"]) == (
        "buyer",
        "50",
        "2",
        "2026-11-15",
    )
    assert buyer["nothing_scheduled"] == "false" and buyer["role"] == ""
    bo = next(row for row in rows if row["id"] == "bo")
    assert (bo["dormant"], bo["no_spokes"], bo["spokes"]) == ("true", "true", "")
    assert rows[-2]["path"] == "content/blog/posts/p8.md" and rows[-2]["stale"] == "true"


def test_table_is_readable_text():
    result = hubspoke("report")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Content runway as of 2026-11-20 12:00 UTC"
    buyer = next(line for line in lines if line.startswith("Buyer "))
    assert buyer.split() == ["Buyer", "2", "3", "2", "2", "50", "d", "2026-11-15", "2026-11-25"]
    assert "Nothing scheduled: Engineer" in lines
    assert any(
        line.startswith("Dormant") and line.endswith("Bo Seller, Eve Quiet") for line in lines
    )
    assert "Without spokes (no social profile listed): Bo Seller" in lines
    assert any("50 days  content/blog/posts/p8.md  Old engineer draft" in line for line in lines)


def test_fail_under_names_the_short_personas():
    short = hubspoke("report", "--format", "json", "--fail-under", "60")
    assert short.returncode == 1
    assert json.loads(short.stdout)["personas"]  # the report is still printed
    assert "runway shorter than 60 days for: Buyer (50 days), Engineer (0 days)" in short.stderr
    assert hubspoke("report", "--fail-under", "0").returncode == 0


# -- the clock ------------------------------------------------------------------


def buyer_last_post(result) -> str:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["personas"][0]["last_post"]


def test_clock_from_the_environment_and_the_option():
    later = "2026-11-26 12:00"
    assert buyer_last_post(hubspoke("report", "--format", "json", clock=later)) == "2026-11-25"
    assert (
        buyer_last_post(hubspoke("report", "--format", "json", "--clock", later, clock=None))
        == "2026-11-25"
    )
    # --clock wins over HUBSPOKE_CLOCK.
    result = hubspoke("report", "--format", "json", "--clock", FIXED_CLOCK, clock=later)
    assert buyer_last_post(result) == "2026-11-15"
    bad = hubspoke("report", "--clock", "2026-13-01")
    assert bad.returncode == 2 and "clock:" in bad.stderr


def test_scheduled_post_appears_on_the_first_build_after_its_date(tmp_path):
    source = copy_site(REPORT_SITE, tmp_path / "src")
    before = build_in_process(source, tmp_path / "before")
    after = build_in_process(source, tmp_path / "after", clock="2026-11-25 12:00")
    url = "blog/2026/11/25/scheduled-buyer-guide/"
    assert not before.path(url).exists()
    assert after.path(url).is_file()


def test_check_reports_posts_missing_from_a_published_site(tmp_path):
    source = copy_site(REPORT_SITE, tmp_path / "src")
    site = tmp_path / "site"
    build_in_process(source, site)
    fine = hubspoke("check", "--published-site", str(site), cwd=source)
    assert fine.returncode == 0, fine.stdout
    late = hubspoke("check", "--published-site", str(site), "--clock", "2026-11-26", cwd=source)
    assert late.returncode == 1
    lines = late.stdout.splitlines()
    assert lines[0].startswith(
        "content/blog/posts/p5.md:3: field 'date': 2026-11-25 12:00 has passed but the post is "
        "missing from the built site"
    )
    assert "blog/2026/11/25/scheduled-buyer-guide/index.html" in lines[0]
    assert lines[1].startswith("1 problem in 1 file")
    missing = hubspoke("check", "--published-site", str(tmp_path / "nowhere"), cwd=source)
    assert missing.returncode == 2 and "is not a folder" in missing.stderr
