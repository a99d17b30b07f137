"""The insights page built from the editorial-report fixture (strict): figures, charts that
parse as XML with one bar per month, text alternatives, and no unpublished post named."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from mkdocs.config import load_config

from hubspoke.core import dates
from hubspoke.core.content.sources import SiteLayout, load_site
from hubspoke.core.editorial.report import ReportSettings, build_report
from hubspoke.core.network.assembly import Network, Settings
from hubspoke.editorial.insights import insights_context

from .conftest import FIXED_CLOCK, build_in_process, copy_site
from .sitecheck import broken_links, files_containing

REPORT_SITE = Path(__file__).parent / "sites" / "editorial-report"
SVG = "{http://www.w3.org/2000/svg}"
UNPUBLISHED = (
    "Old engineer draft",
    "Fresh engineer draft",
    "Scheduled buyer guide",
    "Scheduled guest guide",
    "Scheduled candidate news",
)


@pytest.fixture(autouse=True, scope="module")
def as_a_build():
    """Put the cached plugins back in `build` mode before this module builds anything.

    MkDocs keeps one instance of each plugin with an on_startup hook for the whole
    process; a test elsewhere that starts them as `serve` leaves them previewing drafts.
    """
    load_config(str(REPORT_SITE / "mkdocs.yml")).plugins.on_startup(command="build", dirty=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("insights")
    source = copy_site(REPORT_SITE, base / "src")
    return build_in_process(source, base / "site")


@pytest.fixture(scope="module")
def charts(built) -> dict[str, ET.Element]:
    html = built.path("insights/").read_text(encoding="utf-8")
    found = {}
    for markup in re.findall(r'<svg\b[^>]*class="hs-chart".*?</svg>', html, re.S):
        svg = ET.fromstring(markup)
        found[svg.get("aria-labelledby").split("-title")[0]] = svg
    return found


def with_class(svg: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in svg.iter(SVG + tag) if name in (e.get("class") or "").split()]


def test_builds_strict_with_the_page_in_the_nav(built):
    assert built.warnings() == []
    soup = built.html("insights/")
    assert soup.h1.get_text(strip=True) == "Content insights"
    assert any(a.get_text(strip=True) == "Insights" for a in built.html("").select("nav a"))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    # Its rules are part of Hubspoke's one stylesheet, made with the page.
    assert "../assets/hubspoke/hubspoke.css" in stylesheets
    css = built.path("assets/hubspoke/hubspoke.css").read_text(encoding="utf-8")
    assert ".hs-insights__figure" in css
    assert broken_links(built.site) == []


def test_page_shows_the_report_figures(built):
    soup = built.html("insights/")
    tables = soup.select(".hs-insights__table table")
    personas = [
        [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        for row in tables[0].tbody.find_all("tr")
    ]
    assert personas[0] == ["Buyer", "2", "3", "2", "2", "50", "2026-11-15", "2026-11-25"]
    assert personas[2][5] == "0 short"
    assert personas[0][0] == "Buyer" and tables[0].find("a")["href"] == "../personas/buyer/"
    text = soup.get_text(" ", strip=True)
    assert "Nothing scheduled for: Engineer" in text
    assert "Bo Seller, Eve Quiet" in text
    assert "2 drafts, 1 older than 30 days." in text


def test_three_accessible_charts_that_parse_as_xml(charts):
    assert set(charts) == {"hs-months", "hs-coverage", "hs-timeline"}
    for prefix, svg in charts.items():
        assert svg.tag == SVG + "svg" and svg.get("role") == "img"
        title, desc = svg.find(SVG + "title"), svg.find(SVG + "desc")
        assert title.get("id") == f"{prefix}-title" and title.text
        assert desc.get("id") == f"{prefix}-desc" and len(desc.text) > 40


def test_one_bar_per_month_stacked_by_persona(charts):
    bars = with_class(charts["hs-months"], "g", "hs-bar")
    months = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    assert [bar.get("data-month") for bar in bars] == months
    segments = [len(with_class(bar, "rect", "hs-segment")) for bar in bars]
    assert segments == [0, 0, 1, 1, 2, 1]
    october = with_class(bars[4], "rect", "hs-segment")
    assert october[0].get("height") == october[1].get("height")  # half the post each
    assert bars[4].find(SVG + "title").text == "Oct 2026: 1 post — Buyer 0.5, Candidate 0.5"
    assert bars[0].find(SVG + "title").text == "Jun 2026: 0 posts"


def test_a_months_bar_is_as_tall_as_its_posts_whatever_its_personas(built, charts):
    """October's one post is for two personas: its bar is one post tall, not two, and says 1;
    the table splits it the same way and its Posts column agrees with the bars."""
    bars = {bar.get("data-month"): bar for bar in with_class(charts["hs-months"], "g", "hs-bar")}

    def height(key):
        return sum(float(r.get("height")) for r in with_class(bars[key], "rect", "hs-segment"))

    assert abs(height("2026-10") - height("2026-11")) < 0.2  # one post each
    totals = {key: with_class(bar, "text", "hs-total")[0].text for key, bar in bars.items()}
    assert totals == {
        "2026-06": "0",
        "2026-07": "0",
        "2026-08": "1",
        "2026-09": "1",
        "2026-10": "1",
        "2026-11": "1",
    }
    table = built.html("insights/").select(".hs-insights__table table")[1]
    rows = [
        [c.get_text(strip=True) for c in row.find_all(["th", "td"])]
        for row in table.tbody.find_all("tr")
    ]
    assert rows[4] == ["Oct 2026", "0.5", "0.5", "0", "1"]
    assert [row[-1] for row in rows] == list(totals.values())
    caption = built.html("insights/").select(".hs-insights__figure figcaption")[0].get_text()
    assert "split equally between them" in caption


def test_coverage_heatmap_has_a_cell_per_persona_and_category(charts):
    cells = with_class(charts["hs-coverage"], "g", "hs-cell")
    assert len(cells) == 3 * 3
    values = [cell.find(SVG + "text").text for cell in cells]
    # Rows Buyer, Candidate, Engineer; columns Events, Guides, News.
    assert values == ["0", "2", "1", "0", "1", "1", "0", "0", "1"]
    assert cells[1].find(SVG + "title").text == "Buyer, Guides: 2 posts"


def test_author_timeline_marks_published_and_scheduled_posts(charts):
    rows = with_class(charts["hs-timeline"], "g", "hs-row")
    names = [row.find(SVG + "text").text for row in rows]
    assert names == ["Ada Expert", "Bo Seller", "Cy Guest", "Eve Quiet"]  # Dee is a former author
    marks = [
        [m.get("fill") == "none" for m in row.iter(SVG + "circle")] for row in rows
    ]  # True: scheduled (a ring)
    assert marks == [[False, False, True], [False, False], [True], []]


def test_no_unpublished_post_is_named_anywhere(built):
    for title in UNPUBLISHED:
        assert files_containing(built.site, title) == [], title
    assert "insights" not in {doc["location"].split("/")[0] for doc in built.search_index()["docs"]}


def test_output_is_byte_identical_on_rebuild(built, tmp_path):
    again = build_in_process(built.source, tmp_path / "again")
    assert again.path("insights/").read_bytes() == built.path("insights/").read_bytes()


def test_text_from_content_is_escaped_in_charts_and_tables(tmp_path):
    source = copy_site(REPORT_SITE, tmp_path / "src")
    persona = source / "content" / "personas" / "buyer.md"
    persona.write_text(
        persona.read_text().replace("name: Buyer", 'name: "Buyers & <b>Makers</b>"'),
        encoding="utf-8",
    )
    built = build_in_process(source, tmp_path / "site")
    html = built.path("insights/").read_text(encoding="utf-8")
    assert "<b>Makers</b>" not in html
    assert "Buyers &amp; &lt;b&gt;Makers&lt;/b&gt;" in html
    for markup in re.findall(r'<svg\b[^>]*class="hs-chart".*?</svg>', html, re.S):
        ET.fromstring(markup)


@pytest.mark.parametrize("mode", ["never", "serve"])
def test_page_is_left_out_of_a_build_unless_always(tmp_path, mode):
    source = copy_site(REPORT_SITE, tmp_path / "src")
    config = source / "mkdocs.yml"
    text = config.read_text().replace("insights_page: always", f"insights_page: {mode}")
    config.write_text(text.replace("  - Insights: insights.md\n", ""), encoding="utf-8")
    built = build_in_process(source, tmp_path / "site")
    assert not built.path("insights/").exists()
    css = built.path("assets/hubspoke/hubspoke.css").read_text(encoding="utf-8")
    assert ".hs-insights__figure" not in css


def test_draft_titles_only_where_drafts_are_previewed():
    tz = dates.zone("UTC")
    layout = SiteLayout(
        root=REPORT_SITE,
        docs_dir=REPORT_SITE / "content",
        authors_dir=REPORT_SITE / "authors",
        timezone=tz,
    )
    clock = dates.parse(FIXED_CLOCK, tz)
    loaded = load_site(layout, clock)

    class Build:
        def __init__(self, preview: bool):
            n = loaded.network
            self.network = Network(n.authors, n.personas, n.posts, Settings(clock, preview))

        def view_url(self, kind, key):
            return None

    for preview, expected in ((False, []), (True, ["Old engineer draft", "Fresh engineer draft"])):
        build = Build(preview)
        report = build_report(build.network, tz, ReportSettings())
        listed = insights_context(report, build)["drafts"]["listed"]
        assert [d["title"] for d in listed] == expected
        assert isinstance(report.clock, datetime)
