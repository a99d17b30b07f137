"""Social cards (1200x630) drawn with Pillow alone: title, people, site name, brand colours.

A `CardSpec` is plain data; `draw_card` turns it into pixels. Three layouts:
`post` (title, byline with avatars), `person` (an author's name and title
beside a large portrait) and `site` (the hub's name and description).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from .pixels import DecodeError, decode

SIZE = (1200, 630)
PAD = 72
FONTS_DIR = Path(__file__).resolve().parents[2] / "images" / "fonts"
REGULAR_FONT = FONTS_DIR / "DejaVuSans.ttf"
BOLD_FONT = FONTS_DIR / "DejaVuSans-Bold.ttf"

# Material for MkDocs' primary colours by palette name, for brand colours taken from the theme.
MATERIAL_COLORS = {
    "red": "#ef5552",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
    "black": "#000000",
    "white": "#ffffff",
}


@dataclass(frozen=True)
class Person:
    """Someone shown on a card: a name and, when there is one, an avatar file."""

    name: str
    avatar: str | None = None
    avatar_sha: str | None = None


@dataclass(frozen=True)
class CardSpec:
    """What a card shows. Every field is part of the card's cache key."""

    layout: str  # post, person or site
    title: str
    subtitle: str
    site: str
    footer: str
    people: tuple[Person, ...] = ()
    background: str = "#4051b5"
    foreground: str = "#ffffff"
    accent: str = "#009485"
    regular_font: str = str(REGULAR_FONT)
    bold_font: str = str(BOLD_FONT)
    max_pixels: int = 64_000_000

    def key_parts(self, font_sha: str) -> list:
        people = [(p.name, p.avatar_sha) for p in self.people]
        return [
            "card",
            self.layout,
            self.title,
            self.subtitle,
            self.site,
            self.footer,
            people,
            self.background,
            self.foreground,
            self.accent,
            font_sha,
            SIZE,
        ]


def color(value: str | None, default: str) -> str:
    """A #rrggbb colour from a CSS colour or a Material palette name; `default` if unknown."""
    if not value:
        return default
    name = str(value).strip().lower().replace(" ", "-")
    if name in MATERIAL_COLORS:
        return MATERIAL_COLORS[name]
    try:
        return "#{:02x}{:02x}{:02x}".format(*ImageColor.getrgb(name)[:3])
    except ValueError:
        return default


def readable_on(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    r, g, b = ImageColor.getrgb(background)[:3]
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#111111" if luminance > 150 else "#ffffff"


def draw_card(spec: CardSpec) -> Image.Image:
    """The card as an RGB image of exactly 1200x630."""
    card = Image.new("RGB", SIZE, spec.background)
    draw = ImageDraw.Draw(card)
    regular = _font_loader(spec.regular_font)
    bold = _font_loader(spec.bold_font)
    width, height = SIZE
    draw.rectangle((0, height - 14, width, height), fill=spec.accent)
    text_right = width - PAD
    if spec.layout == "person" and spec.people:
        portrait = 300
        left = width - PAD - portrait
        top = (height - portrait) // 2 - 7
        _avatar(card, spec.people[0], (left, top), portrait, spec, ring=8)
        text_right = left - 48
    top_line = spec.footer if spec.layout == "site" and spec.footer else spec.site
    site_font = regular(30)
    top_text = _fit_line(draw, top_line, site_font, text_right - PAD)
    draw.text((PAD, PAD - 8), top_text, font=site_font, fill=spec.foreground)
    draw.rectangle((PAD, PAD + 42, PAD + 96, PAD + 48), fill=spec.accent)
    y = PAD + 84
    byline = spec.layout == "post" and bool(spec.people)
    footer = not byline and spec.layout != "site" and bool(spec.footer)
    bottom = height - PAD - (110 if byline else 50 if footer else 0)
    title_font, lines = _fit_title(draw, spec.title, bold, text_right - PAD, bottom - y)
    line_height = round(title_font.size * 1.18)
    for line in lines:
        draw.text((PAD, y), line, font=title_font, fill=spec.foreground)
        y += line_height
    if spec.subtitle:
        sub_font = regular(32)
        y += 8
        room = max(0, min(3, (bottom - y) // 42))
        sub = _wrap(draw, spec.subtitle, sub_font, text_right - PAD)
        if len(sub) > room:
            sub = sub[:room]
            if sub:
                sub[-1] = _fit_line(draw, sub[-1] + " …", sub_font, text_right - PAD, force=True)
        for line in sub:
            draw.text((PAD, y), line, font=sub_font, fill=spec.foreground)
            y += 42
    if byline:
        _byline(card, draw, spec, regular(30))
    elif footer:
        foot = regular(28)
        text = _fit_line(draw, spec.footer, foot, text_right - PAD)
        draw.text((PAD, height - PAD - 30), text, font=foot, fill=spec.foreground)
    return card


def _byline(card: Image.Image, draw: ImageDraw.ImageDraw, spec: CardSpec, font) -> None:
    size, step = 84, 66
    top = SIZE[1] - PAD - size
    x = PAD
    shown = spec.people[:4]
    for person in shown:
        _avatar(card, person, (x, top), size, spec, ring=4)
        x += step
    x += size - step + 24
    names = _join_names([p.name for p in spec.people])
    text = _fit_line(draw, names, font, SIZE[0] - PAD - x)
    draw.text((x, top + size // 2), text, font=font, fill=spec.foreground, anchor="lm")


def _avatar(card: Image.Image, person: Person, at: tuple[int, int], size: int, spec, ring: int):
    """A round portrait with a ring of the background colour; initials when there is no file."""
    scale = 4
    big = size * scale
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, big - 1, big - 1), fill=255)
    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    ring_mask = Image.new("L", ((size + 2 * ring) * scale,) * 2, 0)
    ImageDraw.Draw(ring_mask).ellipse((0, 0, ring_mask.width - 1, ring_mask.height - 1), fill=255)
    ring_mask = ring_mask.resize((size + 2 * ring,) * 2, Image.Resampling.LANCZOS)
    card.paste(spec.background, (at[0] - ring, at[1] - ring), ring_mask)
    face = _portrait(person, size, spec)
    card.paste(face, at, mask)


def _portrait(person: Person, size: int, spec: CardSpec) -> Image.Image:
    if person.avatar:
        try:
            pixels = decode(person.avatar, max_pixels=spec.max_pixels).image
            side = min(pixels.size)
            left = (pixels.width - side) // 2
            top = (pixels.height - side) // 2
            square = pixels.crop((left, top, left + side, top + side))
            square = square.resize((size, size), Image.Resampling.LANCZOS)
            base = Image.new("RGB", (size, size), "#ffffff")
            if square.mode == "RGBA":
                base.paste(square, mask=square.getchannel("A"))
            else:
                base.paste(square)
            return base
        except (DecodeError, OSError):
            pass  # the avatar itself is checked (and reported) as a site image
    face = Image.new("RGB", (size, size), spec.accent)
    draw = ImageDraw.Draw(face)
    font = _font_loader(spec.bold_font)(round(size * 0.4))
    draw.text(
        (size / 2, size / 2),
        _initials(person.name),
        font=font,
        fill=readable_on(spec.accent),
        anchor="mm",
    )
    return face


def _font_loader(path: str):
    def load(size: int):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            return ImageFont.load_default(size)

    return load


def _fit_title(draw, text: str, font_for, width: int, room: int, max_lines: int = 4):
    """The largest title size (68 down to 40 px) whose wrapped lines fit in `room` pixels."""
    for size in range(68, 38, -4):
        font = font_for(size)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= min(max_lines, room // round(size * 1.18)):
            return font, lines
    font = font_for(40)
    fitting = max(1, min(max_lines, room // round(40 * 1.18)))
    lines = _wrap(draw, text, font, width)
    if len(lines) > fitting:
        lines = lines[:fitting]
        lines[-1] = _fit_line(draw, lines[-1] + " …", font, width, force=True)
    return font, lines


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while draw.textlength(word, font=font) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and draw.textlength(word[:cut], font=font) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def _fit_line(draw, text: str, font, width: int, *, force: bool = False) -> str:
    """`text` cut with an ellipsis so that it fits in `width` pixels."""
    if not force and draw.textlength(text, font=font) <= width:
        return text
    base = text.removesuffix(" …")
    while base and draw.textlength(base + "…", font=font) > width:
        base = base[:-1]
    return base.rstrip() + "…"


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _initials(name: str) -> str:
    parts = [p for p in name.split() if p[:1].isalpha()]
    letters = (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")) if parts else "?"
    return letters.upper()
