"""Screenshots of the example hub for the documentation, phone and desktop, from a build.

    .venv/bin/python tools/screenshots.py            # build the example, then shoot
    .venv/bin/python tools/screenshots.py --site site  # shoot an existing build

Writes docs/screenshots/<page>-<phone|desktop>[-dark|-print].webp (the viewport a reader
first sees, or the part of the page it names; in the dark scheme and as printed where said)
and docs/screenshots/README.md listing them. Uses the browser
of the tests (tools/test.sh installs Debian's Chromium and Playwright), which may reach no
host but the local server: a screenshot shows the site exactly as a reader without any
outside request gets it. Run it after a change a reader would see, and commit the files.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from tests.gates.browser import chromium  # noqa: E402
from tests.gates.server import serve  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SERIES_POST = "blog/2025/11/04/choosing-a-flow-meter-in-six-steps/"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
# (name, what it shows, URL or a rule that finds one, the element shown at the top or None)
PAGES = [
    ("home", "the home page: the hub at a glance", "", None),
    ("blog", "the blog: post cards with their pictures", "blog/", None),
    ("post", "the newest post", "newest post", None),
    (
        "post-end",
        "the end of a post in a series: its place, related posts",
        SERIES_POST,
        ".hs-series",
    ),
    ("series", "a series page", "blog/series/buying-a-flow-meter/", None),
    ("categories", "every category with its post count", "blog/category/", None),
    ("tags", "every tag with its post count", "blog/tag/", None),
    ("author", "an author's profile", "authors/lena-hoffmann/", None),
    ("personas", "the personas the hub writes for", "personas/", None),
    ("hub", "where the company is active: the hub and its spokes", "hub/", None),
    ("events", "events", "events/", None),
    ("not-found", "the page for a missing address", "404.html", None),
]
DARK = {"home", "post"}
PRINT = {"post"}  # also as printed (print styles: no header, sidebars or players)


def _newest_post(page, base: str) -> str:
    """The first card of the blog's home is the newest post."""
    page.goto(base + "blog/")
    href = page.locator(".hs-card__title a[href]").first.get_attribute("href")
    if not href:
        raise SystemExit("the blog's home lists no post card (.hs-card__title a)")
    return urljoin(base + "blog/", href)


def _webp(png: bytes) -> bytes:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.save(out, "WEBP", quality=80, method=6)
    return out.getvalue()


def _variants(name: str) -> list[tuple[str, str, str]]:
    """(file suffix, colour scheme, media) of each shot of a page."""
    found = [("", "light", "screen")]
    if name in DARK:
        found.append(("-dark", "dark", "screen"))
    if name in PRINT:
        found.append(("-print", "light", "print"))
    return found


def shoot(site: Path, out: Path = OUT) -> list[Path]:
    """Every page of PAGES at every width into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serve(site) as base, chromium() as browser:
        tab = browser.page()
        urls = {
            name: (_newest_post(tab, base) if url == "newest post" else base + url)
            for name, _, url, _ in PAGES
        }
        for width, viewport in WIDTHS.items():
            tab.set_viewport_size(viewport)
            for name, _, _, focus in PAGES:
                for suffix, scheme, media in _variants(name):
                    tab.emulate_media(color_scheme=scheme, media=media)
                    tab.goto(urls[name])
                    tab.wait_for_load_state("networkidle")
                    if focus is not None:
                        tab.locator(focus).first.evaluate("e => e.scrollIntoView({block: 'start'})")
                        tab.wait_for_timeout(600)  # the header's title changes as it scrolls
                    path = out / f"{name}-{width}{suffix}.webp"
                    path.write_bytes(_webp(tab.screenshot()))
                    written.append(path)
        tab.emulate_media(color_scheme="light", media="screen")
    if browser.blocked:
        raise SystemExit(f"the site asked for outside hosts: {browser.blocked}")
    _index(out, written)
    return written


def _page_of(shot: Path) -> str:
    """The PAGES name a shot's file is of ("post-end" of post-end-phone.webp)."""
    for width in WIDTHS:
        if f"-{width}" in shot.stem:
            return shot.stem.split(f"-{width}")[0]
    raise ValueError(shot)


def _index(out: Path, written: list[Path]) -> None:
    lines = [
        "# Screenshots of the example hub",
        "",
        "Made by `tools/screenshots.py` from a build of the example; do not edit by hand.",
        "",
    ]
    for name, what, _, _ in PAGES:
        shots = [p for p in written if _page_of(p) == name]
        lines.append(f"## {what[0].upper()}{what[1:]}")
        lines.append("")
        lines += [f"![{what}, {p.stem.removeprefix(name + '-')}]({p.name})" for p in shots]
        lines.append("")
    (out / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build of the example")
    args = parser.parse_args()
    if args.site is not None:
        print("\n".join(str(p.relative_to(ROOT)) for p in shoot(args.site.resolve())))
        return
    with tempfile.TemporaryDirectory(prefix="hubspoke-shots-") as tmp:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        print("\n".join(str(p.relative_to(ROOT)) for p in shoot(Path(tmp))))


if __name__ == "__main__":
    main()
