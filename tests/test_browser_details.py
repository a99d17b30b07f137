"""Details a reader sees in real headless Chromium: the guest disclosure as a titled note
that reads well in both palettes, and a hub picture whose spokes carry their network's
icon and a label of legible size on a phone and on a laptop."""

import re

import pytest

from hubspoke.core.labels import ENGLISH

SCHEMES = ["default", "slate"]  # Material's light and dark palettes


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)  # type: ignore[return-value]


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast of a (possibly translucent) text colour on an opaque background."""
    fg, bg = _rgba(foreground), _rgba(background)
    alpha = fg[3]
    seen = [fg[i] * alpha + bg[i] * (1 - alpha) for i in range(3)]
    light, dark = sorted((_luminance(seen), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _guest_post(example) -> str:
    for path in sorted(example.site.glob("blog/2*/**/index.html")):
        if "hs-disclosure" in path.read_text(encoding="utf-8"):
            return path.parent.relative_to(example.site).as_posix() + "/"
    raise AssertionError("the example has no guest post")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_guest_disclosure_is_a_titled_note_with_an_icon_that_reads_well(
    example, served, page, scheme
):
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(served + _guest_post(example))
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    note = page.get_by_role("complementary", name=ENGLISH.text("guest.disclosure_title"))
    assert note.is_visible()
    title = note.locator(".hs-disclosure__title")
    assert title.inner_text().strip() == ENGLISH.text("guest.disclosure_title")
    icon = title.locator("svg").bounding_box()
    assert icon and icon["width"] >= 12 and icon["height"] >= 12
    text = note.locator(".hs-disclosure__text")
    assert "views expressed" in text.inner_text()
    style = "e => { const s = getComputedStyle(e); return [s.fontSize, s.color]; }"
    background = note.evaluate("e => getComputedStyle(e).backgroundColor")
    assert _rgba(background)[3] == 1.0  # a note of its own colour, not the page's
    for part in (title, text):
        size, colour = part.evaluate(style)
        assert float(size.removesuffix("px")) >= 15, (scheme, size)
        assert contrast(colour, background) >= 4.5, (scheme, colour, background)


MEASURE = """svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const outer = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].map(t => {
    const box = t.getBoundingClientRect();
    return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
            height: box.height, left: box.left, right: box.right, top: box.top,
            bottom: box.bottom, inside: box.left >= outer.left - 1 && box.right <= outer.right + 1
                                        && box.top >= outer.top - 1 && box.bottom <= outer.bottom + 1};
  });
}"""


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


@pytest.mark.parametrize("width", [360, 1366])
def test_hub_picture_spokes_have_icons_and_legible_labels(served, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served + "hub/")
    svg = page.locator("svg.hs-hub-svg")
    labels = svg.evaluate(MEASURE)
    assert labels
    for label in labels:
        assert label["size"] >= 11 and label["height"] >= 11, (width, label)
        assert label["inside"], (width, label)
    spoke_labels = labels[:-1]  # the last is the company's name in the hub
    for i, a in enumerate(spoke_labels):
        for b in spoke_labels[i + 1 :]:
            assert not _overlap(a, b), (width, a["text"], b["text"])
    spokes = svg.locator("g.hs-hub-svg__spoke")
    assert spokes.count() >= 5
    for i in range(spokes.count()):
        spoke = spokes.nth(i)
        icon = spoke.locator("svg.hs-hub-svg__icon")
        assert icon.get_attribute("aria-hidden") == "true"
        box = icon.locator("path").first.bounding_box()
        assert box and box["width"] >= 8 and box["height"] >= 8, (width, i)
        circle = spoke.locator("circle").bounding_box()
        assert circle
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert circle["x"] < centre[0] < circle["x"] + circle["width"]
        assert circle["y"] < centre[1] < circle["y"] + circle["height"]
    # Still one accessible image, named by its title and described by its description.
    assert svg.get_attribute("role") == "img"
    for ref in svg.get_attribute("aria-labelledby").split():
        assert page.locator(f"svg.hs-hub-svg #{ref}").text_content().strip()
