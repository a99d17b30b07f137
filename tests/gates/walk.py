"""Walk every page of a built site in Debian's Chromium at several widths, and gather what
each check finds, by check, as "page:width: detail" lines.

Made to be fast, because it opens every page three times: one browser, one tab per width
kept for the whole walk, axe-core put on every page by an init script of the context (no
injection per page), and all in-page checks in one `page.evaluate` (page_checks.js). A page
counts as settled when it has loaded and none of its requests is still open, which is much
quicker than Playwright's "networkidle" (half a second of silence per page).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Request, Response

from .browser import chromium

CHECKS_JS = (Path(__file__).parent / "page_checks.js").read_text(encoding="utf-8")
IN_PAGE_CHECKS = ("overflow", "images", "text", "stylesheets", "axe")
CHECKS = (*IN_PAGE_CHECKS, "console", "requests", "outside")
MIN_FONT_PX = 11
RATIO_TOLERANCE = 0.02
OWN_STYLESHEETS = "assets/hubspoke/"
SETTLE_TIMEOUT_S = 10


def pages_of(site: Path) -> list[str]:
    """The site path of every HTML file the build wrote ('' for the home page), found by
    walking the output folder: a page no navigation links to is walked too."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        paths.append(path.removesuffix("index.html"))
    return paths


@dataclass
class Walk:
    """What the walk found, by check; and how long it took."""

    findings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    views: int = 0
    seconds: float = 0.0

    def add(self, check: str, label: str, detail: str) -> None:
        self.findings[check].append(f"{label}: {detail}")


class _Tab:
    """One tab at one width; requests and messages are filed under the page it shows."""

    def __init__(self, page: Page, width: int, walk: Walk, base_url: str):
        self.page, self.width, self.walk = page, width, walk
        self.origin = urlsplit(base_url).netloc
        self.label = "?"
        self.open: set[Request] = set()
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on(
            "pageerror", lambda error: walk.add("console", self.label, f"script error: {error}")
        )

    def _started(self, request: Request) -> None:
        # A player's audio or video streams as long as the page is open: not waited for.
        if request.resource_type != "media":
            self.open.add(request)

    def _finished(self, request: Request) -> None:
        self.open.discard(request)

    def _failed(self, request: Request) -> None:
        self.open.discard(request)
        if request.resource_type == "media" and request.failure == "net::ERR_ABORTED":
            return  # a stream cut off by leaving the page
        if urlsplit(request.url).netloc == self.origin:  # the others are filed as "outside"
            self.walk.add("requests", self.label, f"{request.failure} {request.url}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.walk.add("requests", self.label, f"{response.status} {response.url}")

    def _console(self, message) -> None:
        # A failed request is logged to the console too: it is judged as a request instead.
        if message.type == "error" and not message.text.startswith("Failed to load"):
            self.walk.add("console", self.label, message.text)

    def settle(self) -> None:
        """Wait until no request of the page is open, so that leaving it aborts none."""
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        while self.open and time.monotonic() < deadline:
            self.page.wait_for_timeout(25)
        for request in self.open:
            self.walk.add(
                "requests", self.label, f"still open after {SETTLE_TIMEOUT_S}s: {request.url}"
            )
        self.open.clear()

    def visit(self, base_url: str, path: str, *, run_axe: bool) -> None:
        self.label = f"/{path}:{self.width}"
        self.page.goto(base_url + path, wait_until="load")
        self.settle()
        found = self.page.evaluate(
            CHECKS_JS,
            {
                "minFontPx": MIN_FONT_PX,
                "ratioTolerance": RATIO_TOLERANCE,
                "ownStylesheets": OWN_STYLESHEETS,
                "runAxe": run_axe,
            },
        )
        for check in IN_PAGE_CHECKS:
            for detail in found[check]:
                self.walk.add(check, self.label, detail)
        self.settle()  # what the checks made the page load (lazy pictures) must finish too
        self.walk.views += 1


def walk(
    base_url: str,
    paths: list[str],
    widths: tuple[int, ...],
    *,
    axe_script: Path,
    height: int = 900,
    axe_widths: tuple[int, ...] | None = None,
) -> Walk:
    """Open every path at every width in one browser; axe runs at `axe_widths` (all)."""
    result = Walk()
    started = time.monotonic()
    with chromium({"width": widths[0], "height": height}) as browser:
        browser.context.add_init_script(path=str(axe_script))
        tabs = []
        for width in widths:
            page = browser.context.new_page()
            page.set_viewport_size({"width": width, "height": height})
            tabs.append(_Tab(page, width, result, base_url))
        for path in paths:
            for tab in tabs:
                blocked = len(browser.blocked)
                tab.visit(base_url, path, run_axe=axe_widths is None or tab.width in axe_widths)
                for url in browser.blocked[blocked:]:
                    result.add("outside", tab.label, url)
    result.seconds = time.monotonic() - started
    return result
