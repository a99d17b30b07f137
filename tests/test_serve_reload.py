"""`mkdocs serve` reloads the browser on an edit, under Hubspoke's Content-Security-Policy.

MkDocs writes its reload script inline into every served page; the policy refuses inline
scripts it has not hashed, so with `csp: true` the browser never reloaded. These tests run
the real `mkdocs serve` and a real headless Chromium.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from .conftest import FIXED_CLOCK


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def mkdocs_serve(source: Path, log: Path):
    """The real `mkdocs serve` on a free port of 127.0.0.1; yields its URL once it answers."""
    port = _free_port()
    env = {**os.environ, "HUBSPOKE_CLOCK": FIXED_CLOCK, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=source,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),  # a pipe nobody reads would fill and stall the server
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"mkdocs serve did not start: {log.read_text()}") from None
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for_reload(page, seconds: float) -> None:
    """Poll from outside the page: Playwright's wait_for_function evaluates a string inside
    it, which the policy refuses as it should (no 'unsafe-eval')."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if page.evaluate("window.hubspokeNotReloaded") is None:
                return
        except PlaywrightError:  # the page is being replaced right now
            pass
        time.sleep(0.25)
    raise AssertionError(f"the page was not reloaded within {seconds} s of the edit")


def _with_csp(source: Path, csp: bool) -> None:
    config = source / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    option = f"      csp: {'true' if csp else 'false'}\n"
    config.write_text(text.replace("      blog_per_page: 2\n", "      blog_per_page: 2\n" + option))


@pytest.mark.parametrize("csp", [True, False], ids=["csp", "no-csp"])
def test_an_edit_reloads_the_open_page(site_copy, tmp_path, page, csp):
    source = site_copy("basic")
    _with_csp(source, csp)
    home = source / "content" / "index.md"
    with mkdocs_serve(source, tmp_path / "serve.log") as url:
        page.goto(url)
        page.wait_for_load_state("load")
        assert (
            page.evaluate(
                "document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null"
            )
            is csp
        )
        page.evaluate("window.hubspokeNotReloaded = true")
        page.wait_for_timeout(500)  # the page's poll is waiting on the server
        home.write_text(home.read_text(encoding="utf-8") + "\n\nEdited while served.\n")
        _wait_for_reload(page, seconds=90)
        page.wait_for_load_state("load")
        assert "Edited while served." in page.content()
        # Reloaded once, and still waiting for the next build rather than reloading again.
        page.evaluate("window.hubspokeNotReloaded = true")
        page.wait_for_timeout(1500)
        assert page.evaluate("window.hubspokeNotReloaded") is True


def test_a_build_carries_no_reload_script(example):
    assert not (example.site / "assets" / "hubspoke" / "live-reload.js").exists()
    assert "live-reload.js" not in example.path("index.html").read_text(encoding="utf-8")
