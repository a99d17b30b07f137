"""Remake the example hub's demo avatars (authors/*.png) with Pillow.

Every page shows an avatar cropped to the circle inscribed in its square, so everything
drawn here sits inside that circle: a disc with a few rings and the author's initials in
its middle, on one flat background colour. Nothing is left in a corner for the crop to
cut in half (tests/test_demo_avatars.py holds every demo avatar to that).

Run from the repository root with the project's Python:

    .venv/bin/python tools/make_avatars.py

It rewrites each author's avatar named in authors/<slug>.yml that is a PNG in authors/,
keeping its file name and size. Authors take the palettes in the order of their file
names, so the same authors give the same pictures, each in colours of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
AUTHORS = ROOT / "authors"
SIZE = 400  # the demo avatars' square, in pixels
SCALE = 4  # drawn this much larger, then scaled down: smooth edges
DISC = 0.46  # the disc's radius, as a share of the square: inside the crop, with a margin

# (background, disc, rings, initials): calm pairs with the initials at well over 4.5:1.
PALETTES = [
    ("#12395b", "#1f5b8c", "#2c6ea3", "#ffffff"),
    ("#0f4d45", "#17766a", "#1f8c7e", "#ffffff"),
    ("#5a2346", "#86356a", "#9c4680", "#ffffff"),
    ("#3b3266", "#5a4d99", "#6b5eab", "#ffffff"),
    ("#6b3410", "#9c4f1c", "#b36029", "#ffffff"),
    ("#2f4a1b", "#4a7330", "#5a863d", "#ffffff"),
    ("#20303f", "#3a5169", "#4b647e", "#ffffff"),
    ("#5c1f24", "#8a3038", "#a1404a", "#ffffff"),
]


def initials(name: str) -> str:
    """The first letters of the first and last word of a name ("Lena Hoffmann": "LH")."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return "?"
    picked = [words[0], words[-1]] if len(words) > 1 else words[:1]
    return "".join(w[0] for w in picked).upper()


def draw(name: str, palette: int, size: int = SIZE) -> Image.Image:
    """The avatar of one author: the `palette`-th colours, the initials centred."""
    background, disc, rings, ink = PALETTES[palette % len(PALETTES)]
    big = size * SCALE
    image = Image.new("RGB", (big, big), background)
    pen = ImageDraw.Draw(image)
    centre = big / 2
    radius = big * DISC
    pen.ellipse((centre - radius,) * 2 + (centre + radius,) * 2, fill=disc)
    for share in (0.92, 0.78, 0.64):
        r = radius * share
        pen.ellipse((centre - r,) * 2 + (centre + r,) * 2, outline=rings, width=max(SCALE * 3, 1))
    font = ImageFont.load_default(size=int(big * 0.3))
    pen.text(
        (centre, centre),
        initials(name),
        font=font,
        fill=ink,
        anchor="mm",
        stroke_width=SCALE * 2,
        stroke_fill=ink,
    )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    made = 0
    for index, entry in enumerate(sorted(AUTHORS.glob("*.yml"))):
        author = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        avatar = AUTHORS / str(author.get("avatar", ""))
        if avatar.suffix != ".png" or not avatar.is_file():
            continue
        with Image.open(avatar) as old:
            size = old.width
        picture = draw(str(author.get("name", entry.stem)), index, size)
        picture.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(avatar, optimize=True)
        made += 1
        print(f"{avatar.relative_to(ROOT)}: {initials(str(author.get('name', '')))}")
    print(f"{made} avatars made")
    return 0


if __name__ == "__main__":
    sys.exit(main())
