"""Details a reader sees in real headless Chromium: a hub picture whose spokes carry their
network's icon and a label of legible size on a phone and on a laptop."""

import pytest

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
