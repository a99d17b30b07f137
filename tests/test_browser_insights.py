"""The insights page of the example hub, published, as a reader sees it in headless Chromium
at a phone's, a tablet's and a desktop's width: nothing scrolls the page sideways, tables
fit or scroll inside Material's wrapper, chart text stays readable, bars count posts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .gates.server import serve

SMALL_PHONE = {"width": 360, "height": 740}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1366, "height": 900}
WIDTHS = pytest.mark.parametrize(
    "viewport", [SMALL_PHONE, TABLET, DESKTOP], ids=["360", "768", "1366"]
)
SMALLEST_TEXT = 11  # px
SVG = "{http://www.w3.org/2000/svg}"

# The boxes around a table, up to the content column, that clip it (overflow other than
# visible), and whether each of them scrolls.
CLIPPING = """t => {
  const found = [];
  for (let e = t.parentElement; e && !e.classList.contains('md-content'); e = e.parentElement) {
    if (getComputedStyle(e).overflowX !== 'visible') {
      found.push({name: e.className, scrolls: e.scrollWidth > e.clientWidth + 1});
    }
  }
  return found;
}"""

# Every piece of text that is rendered, with the size it is rendered at: CSS font size,
# times the scale of the SVG it is drawn in (an SVG drawn smaller than its viewBox shrinks
# its text with it).
RENDERED_TEXT = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || element.closest('title, desc, script, style')) {
      continue;
    }
    if (!element.getClientRects().length) continue;  // not rendered (display: none)
    const size = parseFloat(getComputedStyle(element).fontSize);
    let scale = 1;
    if (element instanceof SVGElement) {
      const m = element.getScreenCTM();
      scale = Math.hypot(m.a, m.b);
    }
    found.push({text: node.textContent.trim().slice(0, 40), px: size * scale,
                svg: element instanceof SVGElement});
  }
  return found;
}"""


@pytest.fixture(scope="module")
def built(example_with_insights) -> tuple[Path, str]:
    """The example hub with its insights page published (one build for the session)."""
    site, insights = example_with_insights
    assert insights is not None
    return site, insights


@pytest.fixture(scope="module")
def insights_url(built):
    site, insights = built
    with serve(site) as url:
        yield url + insights


def open_insights(page, url, viewport) -> dict[str, list[str]]:
    """Load the page at `viewport` with every <details> open; returns what went wrong."""
    problems: dict[str, list[str]] = {"console": [], "failed": []}
    page.on(
        "console",
        lambda m: problems["console"].append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems["console"].append(str(error)))
    page.on(
        "response",
        lambda r: problems["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.set_viewport_size(viewport)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    return problems


@WIDTHS
def test_tables_scroll_only_inside_materials_wrapper_and_fit_a_desktop(
    insights_url, page, viewport
):
    open_insights(page, insights_url, viewport)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page is {width} px wide"
    tables = page.locator(".md-content .hs-insights__table table").all()
    assert len(tables) == 6
    for table in tables:
        wrap = table.evaluate_handle("t => t.closest('.md-typeset__scrollwrap')")
        assert wrap.evaluate("w => w !== null"), "a table Material did not wrap"
        assert wrap.evaluate("w => w.getBoundingClientRect().right") <= viewport["width"] + 0.5
        if viewport is DESKTOP:
            fits = wrap.evaluate("w => w.scrollWidth <= w.clientWidth")
            heading = table.locator("thead th").last.inner_text()
            assert fits, f"a table is wider than the column; {heading!r} is cut off"
        # Material's wrapper is the one box that clips and scrolls it: no box of ours does.
        clipping = table.evaluate(CLIPPING)
        assert [c["name"] for c in clipping] == ["md-typeset__scrollwrap"], clipping


@WIDTHS
def test_chart_text_is_never_smaller_than_11_px(insights_url, page, viewport):
    open_insights(page, insights_url, viewport)
    texts = [t for t in page.evaluate(RENDERED_TEXT) if t["svg"]]
    assert len(texts) > 50
    small = [t for t in texts if t["px"] < SMALLEST_TEXT - 0.01]
    assert small == [], f"{len(small)} chart labels smaller than 11 px, e.g. {small[:3]}"
    # A chart wider than the column scrolls inside its own box, which a keyboard can reach.
    for box in page.locator(".hs-insights__chart").all():
        assert box.get_attribute("tabindex") == "0"
        assert box.evaluate("b => b.getBoundingClientRect().right") <= viewport["width"]


def test_a_phone_shows_no_text_under_11_px_and_no_console_error(insights_url, page):
    problems = open_insights(page, insights_url, SMALL_PHONE)
    texts = page.evaluate(RENDERED_TEXT)
    assert len(texts) > 200
    small = [t for t in texts if t["px"] < SMALLEST_TEXT - 0.01]
    assert small == [], f"{len(small)} texts smaller than 11 px, e.g. {small[:3]}"
    assert problems == {"console": [], "failed": []}


def test_each_months_bar_is_as_tall_as_the_posts_of_its_month(built):
    """In the example some posts are for several personas: November has 2 posts but 5
    persona mentions. Each bar's label and height are its posts, as in the table."""
    site, insights = built
    html = (site / insights / "index.html").read_text(encoding="utf-8")
    markup = re.search(r'<svg\b[^>]*aria-labelledby="hs-months-title.*?</svg>', html, re.S)
    assert markup is not None
    svg = ET.fromstring(markup.group(0))
    ticks = [t for t in svg.iter(SVG + "text") if t.get("text-anchor") == "end"]
    values = [(int(t.text), float(t.get("y"))) for t in ticks]
    (low, y_low), (high, y_high) = values[0], values[-1]
    per_post = (y_low - y_high) / (high - low)
    table = BeautifulSoup(html, "lxml").select(".hs-insights__table table")[1]
    rows = [(tr.th.get_text(), tr.find_all("td")[-1].get_text()) for tr in table.tbody("tr")]
    assert len(rows) == 12
    bars = [g for g in svg.iter(SVG + "g") if g.get("class") == "hs-bar"]
    assert len(bars) == 12
    several = 0
    for bar, (month, posts) in zip(bars, rows, strict=True):
        total = next(t.text for t in bar.iter(SVG + "text") if t.get("class") == "hs-total")
        height = sum(float(r.get("height")) for r in bar.iter(SVG + "rect"))
        assert total == posts, month
        assert abs(height - int(posts) * per_post) < 0.5, month
        several += len(list(bar.iter(SVG + "rect"))) > int(posts)
    assert several, "no month of the example has a post of several personas"
