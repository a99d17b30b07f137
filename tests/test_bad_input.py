"""Broken content fails the real `mkdocs build --strict` with a message that names
the file, the line or field and the fix; never a traceback, never a half-built site."""

from pathlib import Path

import pytest

from .conftest import run_mkdocs


def write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


POST = "---\ntitle: Bad\ndate: 2025-05-01\nauthors: [ada]\n{extra}---\nBody\n"

CASES = {
    "unknown author": (
        "content/blog/posts/bad.md",
        "---\ntitle: Bad\ndate: 2025-05-01\nauthors: [adda]\n---\nBody\n",
        ["content/blog/posts/bad.md:4: field 'authors'", "unknown author id 'adda'", "'ada'"],
    ),
    "unknown persona": (
        "content/blog/posts/bad.md",
        POST.format(extra="personas: [buyer, ceo]\n"),
        ["content/blog/posts/bad.md:5: field 'personas'", "unknown persona id 'ceo'"],
    ),
    "author file with invalid YAML": (
        "authors/bad.yml",
        "name: Bad\nrole: expert\ntitle: [unclosed\nbio: x\n",
        ["authors/bad.yml:", "is not valid YAML"],
    ),
    "author file missing a required field": (
        "authors/bad.yml",
        "name: Bad\nrole: guest\ntitle: Analyst\nbio: x\n",
        ["authors/bad.yml:1: field 'organization': is missing"],
    ),
    "wrong type in a post": (
        "content/blog/posts/bad.md",
        POST.format(extra="draft: sometimes\n"),
        ["content/blog/posts/bad.md:5: field 'draft': must be true or false"],
    ),
    "wrong type in an author file": (
        "authors/bad.yml",
        "name: Bad\nrole: expert\ntitle: T\nbio: x\ntopics: sensors\n",
        ["authors/bad.yml:5: field 'topics': must be a list"],
    ),
    "duplicate slug": (
        "content/blog/posts/again.md",
        "---\ntitle: First post\ndate: 2025-01-10\nauthors: [ada]\n---\nSame URL.\n",
        ["same URL 'blog/2025/01/10/first-post/'", "content/blog/posts/first.md", "'slug'"],
    ),
    "impossible date": (
        "content/blog/posts/bad.md",
        "---\ntitle: Bad\ndate: 2025-02-30\nauthors: [ada]\n---\nBody\n",
        ["content/blog/posts/bad.md:3: field 'date'", "not a real date"],
    ),
    "persona without a summary": (
        "content/personas/ceo.md",
        "---\nname: CEO\n---\nText\n",
        ["content/personas/ceo.md:2: field 'summary': is missing"],
    ),
    "unknown field in an author file": (
        "authors/bad.yml",
        "name: Bad\nrole: expert\ntitle: T\nbio: x\norganisation: Y\n",
        ["authors/bad.yml:1:", "'organisation' is not a known field; did you mean 'organization'?"],
    ),
    "javascript spoke": (
        "authors/bad.yml",
        "name: Bad\nrole: expert\ntitle: T\nbio: x\nspokes:\n  x: javascript:alert(1)\n",
        ["authors/bad.yml:5: field 'spokes.x'"],
    ),
    "avatar outside the authors folder": (
        "authors/bad.yml",
        "name: Bad\nrole: expert\ntitle: T\nbio: x\navatar: ../mkdocs.yml.png\n",
        ["authors/bad.yml:5: field 'avatar': must be a file inside the authors folder"],
    ),
    "category not allowed": (
        "content/blog/posts/bad.md",
        POST.format(extra="categories: [Gossip]\n"),
        ["content/blog/posts/bad.md:5: field 'categories'", "not an allowed category"],
    ),
    "series that is not text": (
        "content/blog/posts/bad.md",
        POST.format(extra="series: [Flow, Pressure]\n"),
        ["content/blog/posts/bad.md:5: field 'series': must be text, not a list"],
    ),
    "empty series": (
        "content/blog/posts/bad.md",
        POST.format(extra="series:\n"),
        ["content/blog/posts/bad.md:5: field 'series': must be text, not empty"],
    ),
    "missing image": (
        "content/blog/posts/bad.md",
        POST.format(extra="image: nowhere.png\n"),
        ["content/blog/posts/bad.md:5: field 'image'", "not found"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_clearly(case, site_copy, tmp_path):
    relative, text, expected = CASES[case]
    source = site_copy("basic")
    if case == "category not allowed":
        config = (source / "mkdocs.yml").read_text()
        config = config.replace(
            "blog_per_page: 2",
            "blog_per_page: 2\n      blog_categories_allowed: [Engineering, Industry insights]",
        )
        (source / "mkdocs.yml").write_text(config)
    write(source, relative, text)
    site = tmp_path / "out"
    result = run_mkdocs(source, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    for words in expected:
        assert words in output, output
    assert not list(site.rglob("*.html")), "a failed build must not leave pages behind"


def test_all_problems_are_reported_in_one_run(site_copy, tmp_path):
    source = site_copy("basic")
    write(source, "authors/bad.yml", "name: Bad\nrole: boss\ntitle: T\nbio: x\n")
    write(source, "authors/worse.yml", "name: [x]\nrole: expert\ntitle: T\nbio: x\n")
    result = run_mkdocs(source, tmp_path / "out")
    assert result.returncode != 0
    assert "2 problems in the content" in result.stderr
    assert "authors/bad.yml:2: field 'role'" in result.stderr
    assert "authors/worse.yml:1: field 'name'" in result.stderr


def test_bad_configuration_names_the_option(site_copy, tmp_path):
    source = site_copy("basic")
    config = (source / "mkdocs.yml").read_text()
    (source / "mkdocs.yml").write_text(
        config.replace(
            "timezone: Europe/Berlin", "timezone: Mars/Base\n      post_url_format: 'blog/{title}'"
        )
    )
    result = run_mkdocs(source, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "post_url_format uses unknown ['title']" in result.stderr


def test_bad_clock_is_reported(site_copy, tmp_path):
    result = run_mkdocs(site_copy("basic"), tmp_path / "out", clock="next tuesday")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "'next tuesday' is not a date" in result.stderr
