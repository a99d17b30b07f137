"""Debian's Chromium driven by Playwright, with every request outside loopback blocked.

No browser is downloaded: Playwright launches /usr/bin/chromium with a fresh user data
dir. A page that tries to reach another host (a web font, a script, a tracker) has that
request aborted and recorded, and the tests fail on it.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Route, sync_playwright

from . import tools

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@dataclass
class Browser:
    context: BrowserContext
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[tuple[int, str, str]] = field(default_factory=list)  # status, URL, page

    def page(self):
        """A new tab whose console errors, script errors and failed requests are recorded."""
        page = self.context.new_page()
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.console_errors.append(f"{page.url}: {error}"))
        page.on("response", lambda response: self._response(page, response))
        return page

    def _console(self, page, message):
        # A failed request is logged to the console too: it is judged as a request instead.
        if message.type == "error" and not message.text.startswith("Failed to load"):
            self.console_errors.append(f"{page.url}: {message.text}")

    def _response(self, page, response):
        if response.status >= 400:
            self.failed.append((response.status, response.url, page.url))


@contextlib.contextmanager
def chromium(viewport: dict | None = None, *, is_mobile: bool = False) -> Iterator[Browser]:
    """A headless Chromium context that may only talk to loopback hosts."""
    executable = tools.chromium()
    with (
        tempfile.TemporaryDirectory(prefix="hubspoke-chromium-") as profile,
        sync_playwright() as p,
    ):
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(executable),
            headless=True,
            args=FLAGS,
            viewport=viewport or DESKTOP,
            is_mobile=is_mobile,
            has_touch=is_mobile,
            service_workers="block",
        )
        browser = Browser(context)

        def guard(route: Route):
            url = route.request.url
            host = urlsplit(url).hostname
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and host not in LOOPBACK:
                browser.blocked.append(url)
                route.abort("blockedbyclient")
            else:
                route.continue_()

        context.route("**/*", guard)
        try:
            yield browser
        finally:
            context.close()
