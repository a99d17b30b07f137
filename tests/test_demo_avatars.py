"""The example's demo avatars are shown cropped to a circle: nothing may be drawn where
the crop cuts (remade by tools/make_avatars.py)."""

from pathlib import Path

import pytest
from PIL import Image

from .conftest import ROOT

DEMO_AVATARS = sorted(
    p for p in (ROOT / "authors").iterdir() if p.suffix in {".png", ".jpg", ".jpeg", ".webp"}
)


@pytest.mark.parametrize("avatar", DEMO_AVATARS, ids=lambda p: p.name)
def test_demo_avatar_draws_nothing_the_circular_crop_cuts(avatar: Path):
    """Outside the inscribed circle (and a 2 px seam for anti-aliasing) every pixel is
    the one background colour: the crop cuts no initials, no pattern."""
    image = Image.open(avatar).convert("RGB")
    width, height = image.size
    assert width == height and width >= 200
    centre, radius = (width - 1) / 2, width / 2
    pixels = image.load()
    outside = {
        pixels[x, y]
        for y in range(height)
        for x in range(width)
        if (x - centre) ** 2 + (y - centre) ** 2 > (radius + 2) ** 2
    }
    assert len(outside) == 1, f"{avatar.name}: {len(outside)} colours outside the circle"
