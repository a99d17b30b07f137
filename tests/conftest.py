"""Shared fixtures: build a site (a fixture under tests/sites/ or the example hub)
into tmp_path, in strict mode, and read its output."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
EXAMPLE_FILES = ("mkdocs.yml", "spokes.yml", "content", "authors", "overrides")
FIXED_CLOCK = "2026-11-20 12:00"


@dataclass
class Built:
    """A built site: its output folder and the log lines of the build."""

    source: Path
    site: Path
    log: list[logging.LogRecord]

    def path(self, url: str) -> Path:
        url = url.split("#")[0].lstrip("/")
        target = self.site / url
        return target / "index.html" if url.endswith("/") or url == "" else target

    def html(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "lxml")

    def text_files(self):
        for file in sorted(self.site.rglob("*")):
            if file.is_file() and file.suffix in (".html", ".xml", ".json", ".txt", ".svg", ""):
                yield file

    def search_index(self) -> dict:
        return json.loads((self.site / "search" / "search_index.json").read_text())

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.log if r.levelno >= logging.WARNING]


def copy_site(source: Path, target: Path) -> Path:
    """A copy of a site folder (the example: only its site files) to build from."""
    target.mkdir(parents=True, exist_ok=True)
    if source == ROOT:
        for name in EXAMPLE_FILES:
            item = ROOT / name
            if item.is_dir():
                shutil.copytree(item, target / name)
            elif item.exists():
                shutil.copy2(item, target / name)
    else:
        shutil.copytree(source, target, dirs_exist_ok=True)
    return target


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_in_process(source: Path, site: Path, *, clock=FIXED_CLOCK, **overrides) -> Built:
    """Build the mkdocs.yml in `source` into `site`, strict; raises on failure."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_clock = os.environ.get("HUBSPOKE_CLOCK")
    os.environ["HUBSPOKE_CLOCK"] = clock
    try:
        config = load_config(
            str(source / "mkdocs.yml"), site_dir=str(site), strict=True, **overrides
        )
        # MkDocs keeps plugins that have on_startup for the whole process (for serve):
        # say again that this is a build, whatever a previous test said.
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    finally:
        logger.removeHandler(handler)
        if old_clock is None:
            os.environ.pop("HUBSPOKE_CLOCK", None)
        else:
            os.environ["HUBSPOKE_CLOCK"] = old_clock
    return Built(source, site, handler.records)


def _run(module: str, *args, cwd: Path, clock: str):
    env = {**os.environ, "HUBSPOKE_CLOCK": clock, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_mkdocs(source: Path, site: Path, *args, clock=FIXED_CLOCK):
    """Run the real `mkdocs build --strict` command; returns the completed process."""
    return _run("mkdocs", "build", "--strict", "-d", str(site), *args, cwd=source, clock=clock)


def run_check(source: Path, *args, clock=FIXED_CLOCK):
    """Run the real `hubspoke check` in `source`; returns the completed process."""
    return _run("hubspoke.cli", "check", *args, cwd=source, clock=clock)


def add_content_files(source: Path, files: dict[str, str]) -> None:
    """Write files into a copied site's content/ and give them the site's leave
    (`content_files_allowed`): a file of a kind the intake refuses needs it."""
    for name, text in files.items():
        target = source / "content" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = source / "mkdocs.yml"
    allowed = ", ".join(sorted(files))
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - hubspoke/network:\n",
            f"  - hubspoke/network:\n      content_files_allowed: [{allowed}]\n",
            1,
        ),
        encoding="utf-8",
    )


@pytest.fixture
def site_copy(tmp_path):
    """Copy a fixture site (by name) or the example (None) into tmp_path."""

    def make(name: str | None = None) -> Path:
        source = ROOT if name is None else SITES / name
        return copy_site(source, tmp_path / "src")

    return make


@pytest.fixture(scope="session")
def example(tmp_path_factory) -> Built:
    """The example hub, built once per test session with a fixed clock."""
    base = tmp_path_factory.mktemp("example")
    source = copy_site(ROOT, base / "src")
    return build_in_process(source, base / "site")


EDITORIAL = "hubspoke/editorial"


def publishing_insights(mkdocs_yml: Path) -> tuple[list, str | None]:
    """The site's plugin list with the editorial plugin's insights page published too, and
    that page's URL (None without the editorial plugin)."""
    raw = yaml_load(mkdocs_yml.read_bytes())
    plugins, insights = [], None
    for item in raw.get("plugins") or []:
        if item == EDITORIAL:
            item = {EDITORIAL: {}}
        if isinstance(item, dict) and EDITORIAL in item:
            options = {**(item[EDITORIAL] or {}), "insights_page": "always"}
            insights = options.get("insights_url", "insights").strip("/") + "/"
            item = {EDITORIAL: options}
        plugins.append(item)
    return plugins, insights


@pytest.fixture(scope="session")
def example_with_insights(tmp_path_factory) -> tuple[Path, str | None]:
    """The example hub with its insights page published too (it is served-only by
    default), built once per session; and that page's URL path."""
    base = tmp_path_factory.mktemp("example-insights")
    source = copy_site(ROOT, base / "src")
    plugins, insights = publishing_insights(source / "mkdocs.yml")
    return build_in_process(source, base / "site", plugins=plugins).site, insights


@pytest.fixture(scope="session")
def basic(tmp_path_factory) -> Built:
    """The `basic` fixture site, built once per test session."""
    base = tmp_path_factory.mktemp("basic")
    source = copy_site(SITES / "basic", base / "src")
    return build_in_process(source, base / "site")


# -- a reader in headless Chromium ----------------------------------------------


@pytest.fixture
def served(example):
    """The example hub served on 127.0.0.1."""
    from .gates.server import serve

    with serve(example.site) as url:
        yield url


@pytest.fixture
def page():
    """A tab of headless Chromium that may only reach 127.0.0.1; `page.blocked` lists the rest."""
    from .gates.browser import chromium

    with chromium() as browser:
        page = browser.page()
        page.blocked = browser.blocked
        yield page
    assert browser.blocked == [], f"requests left the site: {browser.blocked}"
