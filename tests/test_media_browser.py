"""The example hub in headless Chromium: the podcast episode shows its cover, and the
Mastodon share page's fields can be seen, in the light and the dark palette."""

import re

import pytest

PODCAST_POST = "blog/2026/11/17/field-notes-the-corvane-hub-is-starting-a-podcast/"
SHARE_PAGE = "share/mastodon/"
SIZES = [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_the_episode_shows_its_shows_cover_unsquashed(served, page, size):
    page.set_viewport_size(size)
    page.goto(served + PODCAST_POST, wait_until="networkidle")
    cover = page.get_by_role("img", name="Cover of Field Notes")
    cover.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=cover.element_handle()
    )
    assert cover.is_visible()
    assert cover.evaluate("img => img.closest('figure').matches('figure.hs-audio')")
    box = cover.bounding_box()
    natural = cover.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert abs(box["width"] / box["height"] - natural[0] / natural[1]) < 0.02, (box, natural)
    figure = page.locator("figure.hs-audio").bounding_box()
    assert 60 <= box["width"] <= figure["width"] / 2, (box, figure)
    # A responsive image: the browser picks a file near the size it shows.
    assert cover.get_attribute("srcset") and cover.get_attribute("sizes")
    player = page.locator("figure.hs-audio audio").bounding_box()
    assert player["width"] >= 200, player  # the player keeps its room beside or under it


def _rgba(value: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    assert value.startswith("rgb") and len(numbers) in (3, 4), value
    return (*numbers[:3], numbers[3] if len(numbers) == 4 else 1.0)


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(front: str, back: str) -> float:
    """WCAG contrast of `front` (blended over `back` by its alpha) against `back`."""
    *fg, alpha = _rgba(front)
    bg = _rgba(back)[:3]
    shown = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)]
    lighter, darker = sorted((_luminance(shown), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_mastodon_server_field_has_a_border_that_can_be_seen(served, page, scheme):
    page.goto(served + SHARE_PAGE, wait_until="networkidle")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    field = page.get_by_label("Your Mastodon server")
    style = field.evaluate(
        """input => {
          const s = getComputedStyle(input);
          return {width: s.borderTopWidth, style: s.borderTopStyle, color: s.borderTopColor,
                  inside: s.backgroundColor,
                  page: getComputedStyle(document.body).backgroundColor};
        }"""
    )
    assert style["style"] == "solid" and float(style["width"].removesuffix("px")) >= 1, style
    assert contrast(style["color"], style["page"]) >= 3, style
    assert contrast(style["color"], style["inside"]) >= 3, style
