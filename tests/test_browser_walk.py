"""Every page the example hub's build wrote, in real headless Chromium at 360, 768 and
1366 px: nothing wider than the window, no stretched picture, no text under 11 px, no
console error, no failed request, nothing from another host, no serious or critical axe-core
violation, at most one Hubspoke stylesheet. Then Lighthouse on the home page and a post.

The walk runs once (one browser, one tab per width) and each check is its own test that
lists every page:width it failed on, so one run shows them all. Its full findings and its
runtime go to test-artifacts/walk/findings.txt as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .gates import lighthouse, tools, walk
from .gates.server import serve

WIDTHS = (360, 768, 1366)
WHAT = {
    "overflow": "pages wider than the window",
    "images": "pictures shown off their own aspect ratio (over 2%) or not loaded",
    "text": f"visible text smaller than {walk.MIN_FONT_PX} px",
    "console": "console errors",
    "requests": "failed requests (status >= 400 or aborted)",
    "outside": "requests outside the site",
    "axe": "serious or critical axe-core violations",
    "stylesheets": "more than one stylesheet of Hubspoke's",
}


def axe_script() -> Path:
    from axe_playwright_python import sync_playwright

    return Path(sync_playwright.__file__).parent / "axe.min.js"


@pytest.fixture(scope="module")
def walked(example) -> walk.Walk:
    tools.chromium()
    paths = walk.pages_of(example.site)
    with serve(example.site) as url:
        result = walk.walk(url, paths, WIDTHS, axe_script=axe_script())
    report = [
        f"{result.views} page views ({len(paths)} pages x {WIDTHS}) in {result.seconds:.0f} s"
    ]
    for check in walk.CHECKS:
        found = result.findings.get(check, [])
        report += [f"\n== {check}: {WHAT[check]}: {len(found)}", *found]
    (tools.artifacts("walk") / "findings.txt").write_text(
        "\n".join(report) + "\n", encoding="utf-8"
    )
    print("\n" + report[0])
    return result


def test_the_walk_opens_every_page_the_build_wrote(walked, example):
    paths = walk.pages_of(example.site)
    assert "404.html" in paths and "" in paths and len(paths) > 50
    assert walked.views == len(paths) * len(WIDTHS)


@pytest.mark.parametrize("check", walk.CHECKS)
def test_every_page_at_every_width(walked, check):
    found = walked.findings.get(check, [])
    assert not found, f"{WHAT[check]}: {len(found)}\n" + "\n".join(found)


# ---------------------------------------------------------------- the walk's own test

BAD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bad</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="assets/hubspoke/a.css">
<link rel="stylesheet" href="assets/hubspoke/b.css">
<style>
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style></head>
<body><main>
  <h1>Bad</h1>
  <div style="width: 500px">too wide</div>
  <img src="square.png" alt="a square, stretched" width="100" height="50">
  <img src="square.png" alt="a square, cropped" style="width: 100px; height: 50px; object-fit: cover">
  <picture style="display: block; width: 100px; height: 50px"><img src="square.png"
    alt="a square, cropped in its frame" style="width: 100%; height: 100%; object-fit: cover"></picture>
  <img src="square.png" alt="a square" width="40" height="40">
  <img src="square.png" width="40" height="40">
  <p style="font-size: 10px">tiny print</p>
  <p style="font-size: 10px; display: none">tiny but not shown</p>
  <span class="sr" style="font-size: 8px">only for screen readers</span>
  <svg viewBox="0 0 100 20" width="50" height="10"><text x="0" y="15" font-size="16">half size</text></svg>
  <img src="missing.png" alt="not there" width="10" height="10">
  <img src="http://example.com/tracker.png" alt="" width="1" height="1">
  <script>console.error("broken on purpose")</script>
</main></body></html>
"""


def bad_site(folder: Path) -> Path:
    """A page with one defect of every kind the walk looks for, and a good one."""
    from PIL import Image

    (folder / "assets/hubspoke").mkdir(parents=True)
    (folder / "assets/hubspoke/a.css").write_text("", encoding="utf-8")
    (folder / "assets/hubspoke/b.css").write_text("", encoding="utf-8")
    Image.new("RGB", (20, 20), "navy").save(folder / "square.png")
    (folder / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    head = BAD_PAGE.split("<body>")[0].replace(
        '<link rel="stylesheet" href="assets/hubspoke/b.css">', ""
    )
    (folder / "index.html").write_text(
        head + "<body><main><h1>Good</h1><p>Fine.</p></main></body></html>", encoding="utf-8"
    )
    return folder


def test_the_walk_finds_each_kind_of_defect(tmp_path):
    site = bad_site(tmp_path)
    paths = walk.pages_of(site)
    assert paths == ["bad.html", ""]
    with serve(site) as url:
        result = walk.walk(url, paths, (360,), axe_script=axe_script())
    found = {check: "\n".join(result.findings.get(check, [])) for check in walk.CHECKS}
    every = "\n".join(f"{check}: {text}" for check, text in found.items())
    assert "/:360" not in every, every  # the good page
    assert found["overflow"].startswith("/bad.html:360: ") and "div" in found["overflow"]
    assert "20x20 shown as 100.0x50.0 (100.0% off)" in found["images"]
    # cover, on its own or framed by a <picture>: cropped, not stretched
    assert found["images"].count("shown as") == 1, found["images"]
    assert "missing.png: did not load" in found["images"]
    assert '10.0px "tiny print"' in found["text"]
    assert "tiny but not shown" not in found["text"]
    assert "only for screen readers" not in found["text"]
    assert '8.0px "half size"' in found["text"]
    assert "broken on purpose" in found["console"]
    assert "404 " in found["requests"] and "missing.png" in found["requests"]
    assert found["outside"] == "/bad.html:360: http://example.com/tracker.png"
    assert "image-alt (critical" in found["axe"]
    assert found["stylesheets"] == "/bad.html:360: 2: assets/hubspoke/a.css, assets/hubspoke/b.css"


# ---------------------------------------------------------------- Lighthouse


@pytest.fixture(scope="module")
def lighthouse_reports(example, tmp_path_factory) -> list[lighthouse.Report]:
    home = BeautifulSoup(example.path("").read_text(encoding="utf-8"), "lxml")
    post = home.select_one(".hs-card__title a[href]")
    assert post is not None, "no post on the home page"
    post_path = post["href"].lstrip("./")
    assert example.path(post_path).is_file(), post_path
    out = tools.artifacts("lighthouse")
    with serve(example.site) as url:
        return [
            lighthouse.run(url + path, out / f"{name}.json")
            for name, path in (("home", ""), ("post", post_path))
        ]


@pytest.mark.parametrize("category", lighthouse.CATEGORIES)
def test_lighthouse_scores_full_marks_on_the_home_page_and_a_post(lighthouse_reports, category):
    print("\n" + "\n".join(report.describe() for report in lighthouse_reports))
    short = [r for r in lighthouse_reports if r.scores[category] != 1]
    assert not short, "\n".join(
        f"{r.url}: {category} {r.scores[category]}\n  " + "\n  ".join(r.failing.get(category, []))
        for r in short
    )
