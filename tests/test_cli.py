"""The `hubspoke` command through its real entry point: help, exit codes, colour, and
`new author` / `new post` files that then build in strict mode."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml

from hubspoke.core.content import validation

from .conftest import FIXED_CLOCK, ROOT, build_in_process, copy_site

REPORT_SITE = Path(__file__).parent / "sites" / "editorial-report"


def hubspoke(*args, cwd, clock=FIXED_CLOCK, **env):
    """Run `python -m hubspoke.cli` (what the console script calls) in `cwd`."""
    environment = {k: v for k, v in os.environ.items() if k not in ("HUBSPOKE_CLOCK", "NO_COLOR")}
    if clock:
        environment["HUBSPOKE_CLOCK"] = clock
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "hubspoke.cli", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site(REPORT_SITE, tmp_path / "src")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


# -- the command itself ---------------------------------------------------------


def test_console_script_is_declared_for_the_cli_main():
    scripts = {e.name: e.value for e in entry_points(group="console_scripts")}
    assert scripts.get("hubspoke") == "hubspoke.cli:main"


def test_installed_script_runs_when_present(tmp_path):
    script = Path(sys.executable).parent / "hubspoke"
    if not script.exists():
        pytest.skip("the console script is installed by `pip install -e .` (tools/test.sh)")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "check" in result.stdout and "report" in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["new", "post", "--help"], ["report", "--help"]])
def test_help_exits_zero(args, site):
    result = hubspoke(*args, cwd=site)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: hubspoke")


def test_wrong_usage_exits_two(site):
    assert hubspoke(cwd=site).returncode == 2
    result = hubspoke("report", "--format", "xml", cwd=site)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_missing_config_file_is_a_clear_error(tmp_path):
    result = hubspoke("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "mkdocs.yml not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_config_names_the_option(site):
    config = site / "mkdocs.yml"
    text = config.read_text().replace("report_dormant_days: 45", "report_dormant_days: 0")
    config.write_text(text, encoding="utf-8")
    result = hubspoke("report", cwd=site)
    assert result.returncode == 2
    assert "report_dormant_days must be at least 1" in result.stderr


def test_unknown_required_field_is_caught_with_a_suggestion(site):
    config = site / "mkdocs.yml"
    text = config.read_text().replace(
        "      insights_page: always",
        "      insights_page: always\n      policy_required_fields: [descripton]",
    )
    config.write_text(text, encoding="utf-8")
    result = hubspoke("check", cwd=site)
    assert result.returncode == 2
    assert "'descripton' is not a post field; did you mean 'description'?" in result.stderr


def test_config_with_python_name_tags_is_read(site):
    """pymdownx configurations use !!python/name: tags; MkDocs' loader reads them."""
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text()
        + "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n",
        encoding="utf-8",
    )
    assert hubspoke("check", cwd=site).returncode == 0


def test_colour_only_on_a_terminal(site):
    piped = hubspoke("report", cwd=site)
    assert "\033[" not in piped.stdout
    forced = hubspoke("report", "--color", "always", cwd=site)
    assert "\033[1m" in forced.stdout

    def on_terminal(**env):
        primary, secondary = pty.openpty()
        environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        environment.update({"HUBSPOKE_CLOCK": FIXED_CLOCK, "TERM": "xterm", **env})
        process = subprocess.Popen(
            [sys.executable, "-m", "hubspoke.cli", "report"],
            cwd=site,
            stdout=secondary,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
        os.close(primary)
        return b"".join(chunks).decode()

    assert "\033[1m" in on_terminal()
    assert "\033[" not in on_terminal(NO_COLOR="1")


# -- hubspoke new author --------------------------------------------------------


def test_new_author_writes_a_valid_complete_file(site):
    result = hubspoke(
        "new", "author", "zoe-kant", "--title", "Field engineer", cwd=site, clock=None
    )
    assert result.returncode == 0, result.stderr
    path = site / "authors" / "zoe-kant.yml"
    assert "Created authors/zoe-kant.yml" in result.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["name"] == "Zoe Kant" and data["title"] == "Field engineer"
    assert data["role"] == "expert" and data["active"] is True
    text = path.read_text(encoding="utf-8")
    for name in validation.schema("author")["properties"]:
        assert f"{name}:" in text, f"field {name} is not in the new author file"


def test_new_guest_needs_an_organization(site):
    result = hubspoke("new", "author", "gus", "--role", "guest", cwd=site)
    assert result.returncode == 2
    assert "--organization" in result.stderr
    assert not (site / "authors" / "gus.yml").exists()


def test_new_author_refuses_to_overwrite(site):
    before = (site / "authors" / "ada.yml").read_bytes()
    result = hubspoke("new", "author", "ada", cwd=site)
    assert result.returncode == 1
    assert "authors/ada.yml already exists; it was not overwritten" in result.stderr
    assert (site / "authors" / "ada.yml").read_bytes() == before


def test_new_author_rejects_a_bad_id(site):
    result = hubspoke("new", "author", "Zoe Kant", cwd=site)
    assert result.returncode == 2 and "lowercase letters" in result.stderr


# -- hubspoke new post ----------------------------------------------------------


def test_new_post_is_complete_and_builds_strict(site, tmp_path):
    result = hubspoke(
        "new",
        "post",
        "Meters: a fresh look",
        "--author",
        "ada",
        "--persona",
        "buyer,candidate",
        "--category",
        "Guides",
        "--date",
        "2026-11-01",
        "--description",
        "What changed in meters this year.",
        "--publish",
        cwd=site,
    )
    assert result.returncode == 0, result.stderr
    path = site / "content" / "blog" / "posts" / "2026" / "meters-a-fresh-look.md"
    assert path.is_file()
    meta = front_matter(path)
    assert meta["title"] == "Meters: a fresh look"
    assert str(meta["date"]) == "2026-11-01"
    assert meta["authors"] == ["ada"] and meta["personas"] == ["buyer", "candidate"]
    assert meta["categories"] == ["Guides"] and meta["slug"] == "meters-a-fresh-look"
    assert "draft" not in meta
    text = path.read_text(encoding="utf-8")
    for name in validation.schema("post")["properties"]:
        assert f"{name}:" in text, f"field {name} is not in the new post"
    assert hubspoke("check", cwd=site).returncode == 0

    built = build_in_process(site, tmp_path / "site")
    assert built.warnings() == []
    page = built.html("blog/2026/11/01/meters-a-fresh-look/")
    assert page.h1.get_text(strip=True) == "Meters: a fresh look"


def test_new_post_is_a_draft_by_default_and_stays_out_of_the_site(site, tmp_path):
    result = hubspoke("new", "post", "Work in progress", "--author", "bo", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "It is a draft" in result.stdout
    path = site / "content" / "blog" / "posts" / "2026" / "work-in-progress.md"
    meta = front_matter(path)
    assert meta["draft"] is True
    assert str(meta["date"]) == FIXED_CLOCK[:10]
    assert hubspoke("check", cwd=site).returncode == 0
    built = build_in_process(site, tmp_path / "site")
    assert built.warnings() == []
    assert not list(built.site.rglob("*work-in-progress*"))


def test_new_scheduled_guest_post_names_the_reviewer_rule(site, tmp_path):
    result = hubspoke(
        "new",
        "post",
        "A view from outside",
        "--author",
        "cy",
        "--persona",
        "buyer",
        "--category",
        "News",
        "--date",
        "2027-03-01 09:30",
        "--description",
        "An analyst's view.",
        "--publish",
        cwd=site,
    )
    assert result.returncode == 0, result.stderr
    assert "scheduled" in result.stdout and "reviewer" in result.stdout
    path = site / "content" / "blog" / "posts" / "2027" / "a-view-from-outside.md"
    assert front_matter(path)["date"] == "2027-03-01 09:30"
    check = hubspoke("check", cwd=site)
    assert check.returncode == 1
    assert "content/blog/posts/2027/a-view-from-outside.md:4: field 'reviewer'" in check.stdout
    path.write_text(
        path.read_text(encoding="utf-8").replace("# reviewer: <author id>", "reviewer: ada"),
        encoding="utf-8",
    )
    assert hubspoke("check", cwd=site).returncode == 0
    built = build_in_process(site, tmp_path / "site", clock="2027-03-02 12:00")
    assert built.path("blog/2027/03/01/a-view-from-outside/").is_file()


def test_new_post_refuses_to_overwrite(site):
    args = ("new", "post", "Twice", "--author", "ada", "--date", "2026-01-05")
    assert hubspoke(*args, cwd=site).returncode == 0
    path = site / "content" / "blog" / "posts" / "2026" / "twice.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMy words.\n", encoding="utf-8")
    before = path.read_bytes()
    again = hubspoke(*args, cwd=site)
    assert again.returncode == 1
    assert "content/blog/posts/2026/twice.md already exists; it was not overwritten" in again.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--author", "adda"], "unknown author id 'adda': did you mean 'ada'?"),
        (["--author", "ada", "--persona", "buyers"], "unknown persona id 'buyers'"),
        (["--author", "ada", "--category", "Gossip"], "'Gossip' is not an allowed category"),
        (["--author", "ada", "--date", "2026-02-30"], "not a real date"),
    ],
)
def test_new_post_rejects_unknown_ids_and_dates(site, args, message):
    result = hubspoke("new", "post", "Bad input", *args, cwd=site)
    assert result.returncode == 2
    assert message in result.stderr
    assert not list((site / "content" / "blog" / "posts").rglob("bad-input.md"))


def test_new_post_with_an_address_taken_by_another_post(site):
    result = hubspoke(
        "new", "post", "Buyer guide one", "--author", "ada", "--date", "2026-11-15", cwd=site
    )
    assert result.returncode == 2
    assert "content/blog/posts/p1.md already has the address" in result.stderr


# -- the example hub ------------------------------------------------------------


def test_example_hub_passes_check(tmp_path):
    example = copy_site(ROOT, tmp_path / "example")
    if (ROOT / "spokes.yml").is_file():
        shutil.copy2(ROOT / "spokes.yml", example / "spokes.yml")
    result = hubspoke("check", cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("No problems in ")
