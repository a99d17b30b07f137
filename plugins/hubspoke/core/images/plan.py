"""Which files to derive from each source image, each named by a hash of what shapes it.

A plan is plain data: sizes, crops, formats and encoder options. Its cache key
is the SHA-256 of the source bytes plus every setting that changes the output
bytes, so a file already in the cache is never encoded again, and a changed
setting or image gives a new name that browsers and CDNs cannot confuse with
the old one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from PIL import __version__ as PILLOW_VERSION

from .inspect import SourceInfo

# Bump when the encoding pipeline changes the bytes it writes: every cache entry is renewed.
PIPELINE = "hubspoke-images-2"

EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png", "gif": "gif"}
MIME_TYPES = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
}
PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG", "png": "PNG", "gif": "GIF"}
MODERN_FORMATS = ("avif", "webp")

CARD_SIZE = (1200, 630)
# A source smaller than this gets a drawn card rather than a blurry enlargement.
CARD_MIN_SOURCE = (600, 315)


@dataclass(frozen=True)
class Encoding:
    """The settings that shape derived files (all of them are part of every cache key)."""

    widths: tuple[int, ...] = (360, 720, 1080, 1440)
    avatar_widths: tuple[int, ...] = (64, 128, 256)
    formats: tuple[str, ...] = MODERN_FORMATS
    jpeg_quality: int = 82
    webp_quality: int = 80
    avif_quality: int = 60
    avif_speed: int = 8
    png_compress_level: int = 9
    infographic_ratio: float = 2.5
    preview_ratio: float = 1.25

    def options(self, fmt: str) -> tuple[tuple[str, object], ...]:
        """Pillow save() options for a format: fixed, so outputs are byte-identical."""
        if fmt == "jpeg":
            return (("quality", self.jpeg_quality), ("optimize", True), ("progressive", True))
        if fmt == "webp":
            return (("quality", self.webp_quality), ("method", 4))
        if fmt == "avif":
            # One encoder thread: the pool gives the parallelism, and output stays reproducible.
            return (("quality", self.avif_quality), ("speed", self.avif_speed), ("max_threads", 1))
        if fmt == "png":
            return (("compress_level", self.png_compress_level),)
        return ()

    def drawing_options(self, fmt: str) -> tuple[tuple[str, object], ...]:
        """Options for a drawing (few colours: charts, diagrams, infographics).

        Its pixels are quantized to 256 colours first; WebP then stores them
        losslessly, smaller than lossy WebP and without its blur around text.
        """
        if fmt == "webp":
            return (("lossless", True), ("quality", 80), ("method", 4))
        return self.options(fmt)


@dataclass(frozen=True)
class Output:
    """One derived file: what to cut from the oriented source, its size, format and options."""

    key: str
    role: str  # original, variant, preview, card
    fmt: str
    width: int
    height: int
    crop: tuple[int, int, int, int] | None
    options: tuple[tuple[str, object], ...]
    drawing: bool = False  # quantize, with `drawing_options`, if the source is a drawing
    drawing_options: tuple[tuple[str, object], ...] = ()

    @property
    def filename(self) -> str:
        """Its name in the cache folder."""
        return f"{self.key}.{EXTENSIONS[self.fmt]}"

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.fmt]

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.fmt]


@dataclass(frozen=True)
class SourcePlan:
    """Everything derived from one source image."""

    info: SourceInfo
    original: Output
    variants: tuple[Output, ...]
    preview: tuple[Output, ...]
    fallback: str
    infographic: bool

    @property
    def outputs(self) -> tuple[Output, ...]:
        return (self.original, *self.variants, *self.preview)


def cache_key(*parts) -> str:
    """SHA-256 over the pipeline and Pillow versions and `parts` (plain JSON-able values)."""
    text = json.dumps(
        [PIPELINE, PILLOW_VERSION, *parts], sort_keys=True, separators=(",", ":"), default=list
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_output(
    source_sha: str,
    role: str,
    fmt: str,
    size: tuple[int, int],
    crop: tuple[int, int, int, int] | None,
    encoding: Encoding,
    *,
    drawing: bool = False,
) -> Output:
    """One output; `drawing` when the source may be a drawing (decided when decoding)."""
    drawing = drawing and fmt in ("png", "webp") and role != "original"
    options = encoding.options(fmt)
    special = encoding.drawing_options(fmt) if drawing else ()
    key = cache_key(source_sha, role, fmt, size, crop, options, drawing, special)
    return Output(key, role, fmt, size[0], size[1], crop, options, drawing, special)


def fallback_format(info: SourceInfo) -> str:
    """The format every browser shows: JPEG for photos, PNG for drawings and transparency."""
    if info.format == "JPEG":
        return "jpeg"
    if info.format in ("PNG", "GIF"):
        return "png"
    return "png" if info.alpha else "jpeg"


def original_format(info: SourceInfo) -> str:
    return {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}[info.format]


def plan_widths(source_width: int, wanted: tuple[int, ...]) -> list[int]:
    """The widths to publish: those below the source, plus the source width if in range.

    Never wider than the source (no upscaling); a source wider than every wanted
    width is represented by the wanted widths, and published in full only as
    the (cleaned) original.
    """
    widths = sorted({w for w in wanted if 0 < w < source_width})
    if not widths or source_width <= max(wanted):
        widths.append(source_width)
    return widths


def scaled_height(width: int, height: int, new_width: int) -> int:
    return max(1, round(height * new_width / width))


def is_infographic(width: int, height: int, ratio: float) -> bool:
    """Much taller than wide: read as an infographic."""
    return height >= ratio * width


def preview_box(width: int, height: int, ratio: float) -> tuple[int, int, int, int] | None:
    """The top part of a tall image, full width, `ratio` times as tall as wide."""
    preview_height = round(width * ratio)
    if preview_height >= height:
        return None
    return (0, 0, width, preview_height)


def plan_source(
    info: SourceInfo, encoding: Encoding, *, avatar: bool = False, infographic: bool = False
) -> SourcePlan:
    """The cleaned original, responsive variants, and for infographics a top preview."""
    fallback = fallback_format(info)
    formats = (*encoding.formats, fallback)
    original = make_output(
        info.sha256,
        "original",
        original_format(info),
        (info.width, info.height),
        None,
        encoding,
    )
    wanted = encoding.avatar_widths if avatar else encoding.widths
    variants = _set(info, "variant", None, info.width, info.height, wanted, formats, encoding)
    infographic = infographic or (
        not avatar and is_infographic(info.width, info.height, encoding.infographic_ratio)
    )
    preview: tuple[Output, ...] = ()
    if infographic:
        box = preview_box(info.width, info.height, encoding.preview_ratio)
        if box is not None:
            preview = _set(info, "preview", box, box[2], box[3], wanted, formats, encoding)
    return SourcePlan(info, original, variants, preview, fallback, infographic)


def _set(info, role, crop, width, height, wanted, formats, encoding) -> tuple[Output, ...]:
    outputs = []
    for w in plan_widths(width, wanted):
        size = (w, scaled_height(width, height, w))
        for fmt in formats:
            outputs.append(
                make_output(info.sha256, role, fmt, size, crop, encoding, drawing=_may_draw(info))
            )
    return tuple(outputs)


def _may_draw(info: SourceInfo) -> bool:
    """Photos come as JPEG; a PNG or GIF may be a drawing (the encoder counts its colours)."""
    return info.format in ("PNG", "GIF")


def focus_crop(
    width: int,
    height: int,
    focus: tuple[float, float] | None,
    *,
    tall: bool = False,
    size: tuple[int, int] = CARD_SIZE,
) -> tuple[int, int, int, int]:
    """The largest box of `size`'s shape in a width x height image, centred on `focus`.

    `focus` is (x, y) as fractions of the width and height; without it, the
    centre, or the top middle of a tall image (an infographic starts with its title).
    """
    target = size[0] / size[1]
    if width / height > target:
        crop_w, crop_h = round(height * target), height
    else:
        crop_w, crop_h = width, round(width / target)
    if focus is None:
        focus = (0.5, 0.0) if tall else (0.5, 0.5)
    left = round(focus[0] * width - crop_w / 2)
    top = round(focus[1] * height - crop_h / 2)
    left = min(max(left, 0), width - crop_w)
    top = min(max(top, 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def card_from_source(
    info: SourceInfo, focus: tuple[float, float] | None, encoding: Encoding
) -> Output | None:
    """A 1200x630 JPEG cut from a post's image, or None when the image is too small."""
    if info.width < CARD_MIN_SOURCE[0] or info.height < CARD_MIN_SOURCE[1]:
        return None
    tall = is_infographic(info.width, info.height, encoding.infographic_ratio)
    box = focus_crop(info.width, info.height, focus, tall=tall)
    return make_output(info.sha256, "card", "jpeg", CARD_SIZE, box, encoding)


def worth_publishing(
    sizes: Mapping[str, Mapping[int, int]], fallback: str
) -> dict[str, tuple[int, ...]]:
    """Which widths of each format to publish, from what each file weighs (format ->
    width -> bytes), narrowest first.

    A modern format is published only if each of its widths is lighter than the
    fallback at that width: a browser that reads it would otherwise fetch more bytes for
    the same picture (common for flat drawings in AVIF). Within a format, a width that
    weighs at least as much as a wider one is left out: the wider one serves that screen
    sharper for fewer bytes (palette PNGs of drawings at some widths). The widest of a
    format is always kept."""
    fallback_sizes = sizes[fallback]
    kept: dict[str, tuple[int, ...]] = {}
    for fmt, by_width in sizes.items():
        if fmt != fallback and any(
            width in fallback_sizes and size >= fallback_sizes[width]
            for width, size in by_width.items()
        ):
            continue
        widths: list[int] = []
        for width in sorted(by_width, reverse=True):
            if not widths or by_width[width] < by_width[widths[-1]]:
                widths.append(width)
        kept[fmt] = tuple(sorted(widths))
    return kept
