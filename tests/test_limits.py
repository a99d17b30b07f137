"""Limits on what one file may make the build do (and fields nobody reads): no YAML aliases (a few hundred bytes
of nested aliases expand to gigabytes), a bound on tags and categories per post, and
dates in a sane range; each a clear error naming the file and line, in the build and
in `hubspoke check` alike, never a traceback."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from hubspoke.core import dates
from hubspoke.core.content.yamlfile import TextFileError, parse_mapping

from .conftest import build_in_process, run_check

LAUGHS = "\n".join(
    ["name: N", "role: expert", "title: T", "bio: B", 'a: &a ["lol","lol","lol","lol"]']
    + [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
        for i in range(9)
    ]
    + ["topics: [*j, *j, *j, *j]"]
)


def test_a_billion_laughs_is_refused_at_the_first_alias_line():
    with pytest.raises(TextFileError) as error:
        parse_mapping("authors/laughs.yml", LAUGHS)
    problem = error.value.problem
    assert (problem.path, problem.line) == ("authors/laughs.yml", 6)
    assert "YAML aliases (*a) are not allowed" in problem.message


def test_an_asterisk_in_a_value_is_not_an_alias():
    assert parse_mapping("x.yml", "title: '*Bold* claims'\nnote: a * b\n").data["note"] == "a * b"


def test_deep_nesting_is_a_clear_error():
    with pytest.raises(TextFileError) as error:
        parse_mapping("x.yml", "a: " + "[" * 100_000 + "]" * 100_000)
    assert "nested more than 50 levels" in error.value.problem.message


@pytest.mark.parametrize(
    "value", ["0001-01-01 00:30 +01:00", "9999-12-31 23:30 -01:00", "1899-12-31"]
)
def test_dates_out_of_range_are_refused(value):
    with pytest.raises(dates.DateError, match="use a year from 1900 to 2999"):
        dates.parse(value, dates.zone("Europe/Berlin"))


POST = "---\ntitle: T\ndate: {date}\nauthors: [ada]\n{extra}---\nBody\n"
CASES = {
    "laughs in an author file": (
        "authors/laughs.yml",
        LAUGHS,
        "authors/laughs.yml:6: YAML aliases (*a) are not allowed",
    ),
    "alias in front matter": (
        "content/blog/posts/bad.md",
        POST.format(date="2025-05-01", extra="tags: &t [a]\ncategories: *t\n"),
        "content/blog/posts/bad.md:6: YAML aliases (*t) are not allowed",
    ),
    "too many tags": (
        "content/blog/posts/bad.md",
        POST.format(date="2025-05-01", extra=f"tags: [{', '.join(f't{n}' for n in range(10_000))}]\n"),
        "content/blog/posts/bad.md:5: field 'tags': has 10,000 entries; at most 20 are allowed "
        "(option post_tags_max of hubspoke/network)",
    ),
    "too many categories": (
        "content/blog/posts/bad.md",
        POST.format(date="2025-05-01", extra=f"categories: [{', '.join(f'c{n}' for n in range(11))}]\n"),
        "content/blog/posts/bad.md:5: field 'categories': has 11 entries; at most 10 are allowed",
    ),
    "misspelled field": (
        "content/blog/posts/bad.md",
        POST.format(date="2025-05-01", extra="catagories: [Engineering]\n"),
        "content/blog/posts/bad.md:5: field 'catagories': is not a field Hubspoke, Material or "
        "MkDocs reads: did you mean 'categories'?",
    ),
    "year 1 with an offset": (
        "content/blog/posts/bad.md",
        POST.format(date='"0001-01-01 00:30 +01:00"', extra=""),
        "content/blog/posts/bad.md:3: field 'date': '0001-01-01 00:30 +01:00' is out of range",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_limits_fail_build_and_check_with_the_same_line(case, site_copy, tmp_path, caplog):
    relative, content, expected = CASES[case]
    source = site_copy("basic")
    (source / relative).write_text(content, encoding="utf-8")
    site = tmp_path / "out"
    with pytest.raises(Abort):
        build_in_process(source, site)
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert expected in message, message
    assert not site.exists() or not any(site.rglob("*.html"))
    result = run_check(source)
    assert result.returncode == 1 and expected in result.stdout, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_fields_of_material_and_of_the_site_are_allowed(site_copy, tmp_path):
    source = site_copy("basic")
    post = source / "content/blog/posts/ok.md"
    post.write_text(POST.format(date="2025-05-01", extra="hide: [toc]\nsubtitle: S\nmood: calm\n"))
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - hubspoke/network:\n",
            "  - hubspoke/network:\n      post_fields_allowed: [mood]\n",
            1,
        )
    )
    build_in_process(source, tmp_path / "out")
    assert run_check(source).returncode == 0
