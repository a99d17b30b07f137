"""Untrusted YAML (a guest's pull request) cannot exhaust the build machine: anchors,
aliases, unusual tags, deep nesting and giant numbers are refused with the file and line."""

import os
import resource
import subprocess
import sys

import pytest
import yaml

from hubspoke.core.content import yamlfile
from hubspoke.core.content.yamlfile import TextFileError, parse_mapping, split_front_matter

from .conftest import FIXED_CLOCK

LAUGHS = (
    "name: Bad\nrole: expert\ntitle: T\nbio: x\ntopics:\n  - &a [lol, lol, lol, lol, lol]\n"
    + ("".join(f"  - &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)))
)

BAD = {
    "alias": ("a: &x [1, 2]\nb: *x\n", 3, "YAML aliases (*x) are not allowed: write the value out"),
    "anchor": ("a: &x 1\n", 2, "YAML anchors (&x) are not allowed"),
    "deep flow": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", 2, "nested more than 50 levels"),
    "deep block": ("a:\n" + "".join("  " * i + "-\n" for i in range(1, 80)), 52, "nested more"),
    "python tag": ("a: 1\nb: !!python/object:os.system x\n", 3, "YAML tag !!python/object"),
    "timestamp tag": ("a: !!timestamp 0001-01-01 00:30 +01:00\n", 2, "YAML tag !!timestamp"),
    "huge int": ("a: " + "1" * 5000 + "\n", 2, "number of 5,000 characters is too long"),
    "base 60 int": ("a: 1" + ":1" * 200_000 + "\n", 2, "is too long: at most 32"),
}


@pytest.fixture(params=["libyaml", "python"])
def loader(request, monkeypatch):
    base = yaml.SafeLoader if request.param == "python" else getattr(yaml, "CSafeLoader", None)
    if base is None:
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(yamlfile, "_Loader", yamlfile._loader_class(base))


@pytest.mark.parametrize("case", sorted(BAD))
def test_refused_yaml_names_file_and_line(case, loader):
    text, line, words = BAD[case]
    with pytest.raises(TextFileError) as raised:
        split_front_matter("blog/bad.md", f"---\n{text}---\nBody\n")
    problem = raised.value.problem
    assert (problem.path, problem.line) == ("blog/bad.md", line), problem
    assert words in problem.message, problem


def test_billion_laughs_is_refused_at_the_first_alias(loader):
    with pytest.raises(TextFileError) as raised:
        parse_mapping("authors/bad.yml", LAUGHS)
    assert str(raised.value.problem) == (
        "authors/bad.yml:7: YAML aliases (*a) are not allowed: write the value out"
    )


def test_plain_yaml_still_reads(loader):
    document = parse_mapping("x.yml", "a: !!str 12\nb: [1, {c: 2}]\nd: 12\ne: 2025-04-02\n")
    assert document.data == {"a": "12", "b": [1, {"c": 2}], "d": 12, "e": "2025-04-02"}


def _limit_memory():  # a regression must fail fast, not eat the machine
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))


def test_billion_laughs_fails_the_build_clearly(site_copy, tmp_path):
    source = site_copy("basic")
    (source / "authors" / "bad.yml").write_text(LAUGHS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=source,
        env={**os.environ, "HUBSPOKE_CLOCK": FIXED_CLOCK},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output and "MemoryError" not in output, output
    assert "authors/bad.yml:7: YAML aliases (*a) are not allowed" in output, output
    assert not list((tmp_path / "out").rglob("*.html"))
