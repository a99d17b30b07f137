"""Post cards, the category and tag overviews and the author profile in real headless
Chromium, at a small phone's, a tablet's and a desktop's width: nothing wider than the
screen, no picture squashed, no text too small to read."""

from __future__ import annotations

import pytest

# A small phone, a tablet and a desktop; each test visits all three in one browser.
VIEWPORTS = [
    {"width": 360, "height": 740},
    {"width": 768, "height": 1024},
    {"width": 1366, "height": 900},
]
PAGES = [
    "blog/",
    "blog/category/engineering/",
    "blog/category/",
    "blog/tag/",
    "authors/lena-hoffmann/",
]

# Every element of the page's content with text of its own, visible, and its font size;
# and every <img> of cards and the profile with its box, intrinsic size and object-fit.
_TEXT_SIZES = """() => {
  const found = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    if (el.closest('.hs-visually-hidden, svg, script, style')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    found.push([el.className || el.tagName, parseFloat(style.fontSize)]);
  }
  return found;
}"""
_IMAGES = """() => [...document.querySelectorAll('.hs-card__image img, .hs-profile img')].map(img => {
  const box = img.getBoundingClientRect();
  return {src: img.currentSrc || img.src, width: box.width, height: box.height,
          natural: [img.naturalWidth, img.naturalHeight],
          attrs: [+img.getAttribute('width'), +img.getAttribute('height')],
          fit: getComputedStyle(img).objectFit, right: box.right};
})"""


def _open(page, served, url, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(served + url)
    assert response is not None and response.ok, f"{url} is not there"
    # Lazy pictures load as they come into view: scroll through the page once.
    page.evaluate("""async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y); await new Promise(r => setTimeout(r, 30));
      }
      scrollTo(0, 0);
    }""")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("url", PAGES)
def test_listing_pages_fit_the_screen_with_readable_text(served, page, url):
    for viewport in VIEWPORTS:
        _fits_with_readable_text(page, served, url, viewport)


def _fits_with_readable_text(page, served, url, viewport):
    _open(page, served, url, viewport)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{url} is {width} px wide"
    too_wide = page.evaluate(
        """(limit) => [...document.querySelectorAll('.hs-card, .hs-profile, .hs-terms__item')]
            .filter(el => el.getBoundingClientRect().right > limit + 0.5).map(el => el.className)""",
        viewport["width"],
    )
    assert too_wide == []
    small = [(name, size) for name, size in page.evaluate(_TEXT_SIZES) if size < 11]
    assert small == [], f"text under 11 px on {url}: {small[:5]}"


@pytest.mark.parametrize("url", ["blog/", "authors/lena-hoffmann/"])
def test_pictures_keep_their_aspect_ratio(served, page, url):
    for viewport in VIEWPORTS:
        _keep_their_ratio(page, served, url, viewport)


def _keep_their_ratio(page, served, url, viewport):
    _open(page, served, url, viewport)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.hs-card__image img, .hs-profile img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    images = page.evaluate(_IMAGES)
    assert len(images) >= (8 if url == "blog/" else 2), images
    for image in images:
        assert image["natural"][0] > 0, f"{image['src']} did not load"
        box = image["width"] / image["height"]
        wanted = image["attrs"][0] / image["attrs"][1]
        # The box keeps the ratio its width and height attributes give (the card's 40:21,
        # the avatar's 1:1) ...
        assert abs(box / wanted - 1) <= 0.02, image
        natural = image["natural"][0] / image["natural"][1]
        # ... and the picture fills it without being stretched: cover crops instead.
        assert image["fit"] == "cover" or abs(box / natural - 1) <= 0.02, image


@pytest.mark.parametrize(
    ("viewport", "columns"),
    [
        ({"width": 360, "height": 740}, {1}),
        ({"width": 768, "height": 1024}, {2}),
        ({"width": 1366, "height": 900}, {2, 3}),
    ],
    ids=["360", "768", "1366"],
)
def test_cards_are_a_grid_of_one_to_three_columns(served, page, viewport, columns):
    _open(page, served, "blog/", viewport)
    lefts = page.evaluate(
        "() => [...document.querySelectorAll('.hs-listing > .hs-card')]"
        ".map(c => Math.round(c.getBoundingClientRect().left))"
    )
    assert len(lefts) == 8
    assert len(set(lefts)) in columns, lefts


def test_the_profile_picture_is_a_large_circle(served, page):
    for viewport in VIEWPORTS:
        _open(page, served, "authors/lena-hoffmann/", viewport)
        avatar = page.locator(".hs-profile img.hs-avatar--profile")
        box = avatar.bounding_box()
        assert box is not None
        assert abs(box["width"] - box["height"]) < 1 and box["width"] >= 150, (viewport, box)
        radius = avatar.evaluate("img => getComputedStyle(img).borderRadius")
        assert radius == "50%", radius
        heading = page.locator(".hs-profile h1").bounding_box()
        assert heading is not None and heading["x"] + heading["width"] <= viewport["width"]
