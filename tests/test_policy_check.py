"""`hubspoke check` and the build on a fixture with one of each policy violation: every
problem printed once, at the right path and line; each rule can be switched off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import copy_site, run_mkdocs

POLICY_SITE = Path(__file__).parent / "sites" / "editorial-policy"
CLOCK = "2026-06-01"
POSTS = "content/blog/posts"

# (rule that reports it, "path:line:" start, a piece of the message)
EXPECTED = [
    (
        "policy_link_schemes",
        "authors/cy.yml:5: field 'bio':",
        "'http://cy.example.org/notes' uses http",
    ),
    ("policy_image_alt", f"{POSTS}/alt-text.md:11:", "image 'chart.png' has no alt text"),
    ("policy_image_alt", f"{POSTS}/alt-text.md:13:", "image 'photo.png' has no alt attribute"),
    ("policy_image_alt", f"{POSTS}/alt-text.md:15:", "has a file name as alt text"),
    ("policy_banned_phrases", f"{POSTS}/banned.md:2: field 'title':", "uses 'synergy'"),
    ("policy_banned_phrases", f"{POSTS}/banned.md:10:", "uses 'world-class'"),
    (
        "policy_guest_reviewer",
        f"{POSTS}/guest-reviewed-by-guest.md:5: field 'reviewer':",
        "'gil' is a guest author",
    ),
    (
        "policy_guest_reviewer",
        f"{POSTS}/guest-unreviewed.md:4: field 'reviewer':",
        "is required on a guest post (Cy Guest is a guest author)",
    ),
    ("policy_link_schemes", f"{POSTS}/insecure.md:9:", "use https://old.example.com/page"),
    ("policy_link_schemes", f"{POSTS}/insecure.md:10:", "'ftp://files.example.com/x' uses ftp"),
    ("policy_unpublished_links", f"{POSTS}/links-unpublished.md:9:", f"{POSTS}/draft.md, a draft"),
    (
        "policy_unpublished_links",
        f"{POSTS}/links-unpublished.md:10:",
        f"{POSTS}/later.md, scheduled for 2027-02-01",
    ),
    (
        "policy_unpublished_links",
        f"{POSTS}/links-unpublished.md:11:",
        f"{POSTS}/hidden.md, an unlisted post",
    ),
    (
        "policy_title_max_length",
        f"{POSTS}/long-title.md:9: field 'title':",
        "is 50 characters long; the editorial policy allows at most 40",
    ),
    (
        "policy_required_fields",
        f"{POSTS}/missing-fields.md:2: field 'categories':",
        "is required by the editorial policy",
    ),
    (
        "policy_required_fields",
        f"{POSTS}/missing-fields.md:2: field 'description':",
        "is required by the editorial policy",
    ),
]
# What the build itself rejects (MkDocs' link check, strict) where the policy explains it
# at the same line: said once, by the policy; with that rule off, by MkDocs.
BUILD_SAYS = [
    (
        "policy_unpublished_links",
        f"{POSTS}/links-unpublished.md:9:",
        "the target 'blog/posts/draft.md' is not found",
    ),
    (
        "policy_unpublished_links",
        f"{POSTS}/links-unpublished.md:10:",
        "the target 'blog/posts/later.md' is not found",
    ),
]
OFF = {
    "policy_link_schemes": [],
    "policy_image_alt": False,
    "policy_banned_phrases": [],
    "policy_guest_reviewer": False,
    "policy_unpublished_links": False,
    "policy_title_max_length": 0,
    "policy_required_fields": [],
}


def hubspoke(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("HUBSPOKE_CLOCK", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "hubspoke.cli", *args, "--clock", CLOCK],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def set_options(site: Path, **options) -> None:
    config = site / "mkdocs.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for entry in data["plugins"]:
        if isinstance(entry, dict) and "hubspoke/editorial" in entry:
            entry["hubspoke/editorial"].update(options)
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site(POLICY_SITE, tmp_path / "src")


def test_check_prints_every_problem_once_at_its_line(site):
    result = hubspoke("check", cwd=site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(EXPECTED) + 1
    for (_, where, message), line in zip(EXPECTED, lines, strict=False):
        assert line.startswith(where + " "), line
        assert message in line, line
    assert lines[-1].startswith(f"{len(EXPECTED)} problems in 9 files")


def test_clean_posts_and_drafts_are_not_reported(site):
    output = hubspoke("check", cwd=site).stdout
    assert "clean.md" not in output  # its rule-breaking examples are inside a code block
    assert "draft.md:" not in output  # drafts may break the rules until they are published


def test_a_scheduled_link_target_is_fine_once_it_is_published_before_the_linking_post(site):
    later = site / POSTS / "later.md"
    later.write_text(later.read_text().replace("2027-02-01", "2026-05-08"), encoding="utf-8")
    output = hubspoke("check", cwd=site).stdout
    assert "later.md, scheduled" not in output


def test_drafts_can_be_held_to_the_policy(site):
    set_options(site, policy_drafts=True)
    output = hubspoke("check", cwd=site).stdout
    for piece in ("draft.md:2: field 'personas'", "draft.md:2: field 'title'", "draft.md:7:"):
        assert piece in output


@pytest.mark.parametrize("rule", sorted(OFF))
def test_each_rule_can_be_switched_off(site, rule):
    set_options(site, **{rule: OFF[rule]})
    result = hubspoke("check", cwd=site)
    instead = {where: message for name, where, message in BUILD_SAYS if name == rule}
    expected = [
        (where, message if name != rule else instead[where])
        for name, where, message in EXPECTED
        if name != rule or where in instead
    ]
    lines = result.stdout.splitlines()[:-1]
    assert len(lines) == len(expected)
    for (where, message), line in zip(expected, lines, strict=True):
        assert line.startswith(where) and message in line


def test_the_whole_policy_can_be_switched_off(site):
    set_options(site, policy_enabled=False)
    result = hubspoke("check", cwd=site)
    # Only what the strict build rejects without the policy: the links to unpublished posts.
    lines = result.stdout.splitlines()
    assert len(lines) == len(BUILD_SAYS) + 1, result.stdout
    for (_, where, message), line in zip(BUILD_SAYS, lines, strict=False):
        assert line.startswith(where) and message in line, line
    assert lines[-1].startswith("2 problems in 1 file (checked 12 posts, 3 authors and 1 persona)")


def test_schema_problems_of_every_file_come_with_the_policy_problems(site):
    (site / POSTS / "bad-type.md").write_text(
        "---\ntitle: Bad type\ndate: 2026-05-01\nauthors: [ada]\ndraft: sometimes\n---\nText.\n",
        encoding="utf-8",
    )
    (site / "content" / "personas" / "nameless.md").write_text(
        "---\nsummary: Nobody.\n---\nText.\n", encoding="utf-8"
    )
    (site / "authors" / "broken.yml").write_text(
        "name: Broken\nrole: writer\ntitle: T\nbio: x\n", encoding="utf-8"
    )
    (site / POSTS / "uses-broken.md").write_text(
        "---\ntitle: By a broken author\ndate: 2026-05-01\nauthors: [broken, nobody]\n"
        "personas: [buyer]\ncategories: [Guides]\ndescription: D.\n---\nText.\n",
        encoding="utf-8",
    )
    result = hubspoke("check", cwd=site)
    assert result.returncode == 1
    out = result.stdout
    assert "authors/broken.yml:2: field 'role': must be one of expert, guest, not 'writer'" in out
    assert f"{POSTS}/bad-type.md:5: field 'draft': must be true or false" in out
    assert "content/personas/nameless.md:2: field 'name': is missing" in out
    # A post naming an author whose file is broken is not told the author is unknown.
    assert "unknown author id 'broken'" not in out
    assert f"{POSTS}/uses-broken.md:4: field 'authors': unknown author id 'nobody'" in out
    assert out.splitlines()[-1].startswith(f"{len(EXPECTED) + 4} problems in 13 files")


def test_the_build_reports_the_same_problems_as_warnings_and_strict_fails(site, tmp_path):
    result = run_mkdocs(site, tmp_path / "site", clock=CLOCK)
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    for _, where, message in EXPECTED:
        assert any(where in w and message in w for w in warnings), (where, message)
    assert "Traceback" not in result.stderr
