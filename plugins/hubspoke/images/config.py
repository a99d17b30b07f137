"""Options of the `hubspoke/images` plugin, grouped by feature prefix."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from hubspoke.options import AtLeast, Between, PixelWidths, Positive


class ImagesConfig(Config):
    enabled = c.Type(bool, default=True)

    # Responsive variants: widths in pixels (never wider than the source) and formats.
    variants_widths = PixelWidths(default=[360, 720, 1080, 1440])
    variants_avatar_widths = PixelWidths(default=[64, 128, 256])
    variants_formats = c.ListOfItems(c.Choice(("avif", "webp")), default=["avif", "webp"])
    variants_sizes = c.Type(str, default="(min-width: 76.25em) 37rem, 100vw")

    # Encoder settings (part of every cache key).
    quality_jpeg = Between(1, 100, default=82)
    quality_webp = Between(1, 100, default=80)
    quality_avif = Between(0, 100, default=60)
    quality_avif_speed = Between(0, 10, default=8)
    quality_png_compress_level = Between(0, 9, default=9)

    # Safety: the largest image accepted, in pixels (width x height).
    max_pixels = AtLeast(1, default=64_000_000)

    # Infographics: tall images (height >= ratio x width) or marked { .infographic }.
    infographic_ratio = Positive(default=2.5)
    infographic_preview_ratio = Positive(default=1.25)
    infographic_text_id = c.Type(str, default="text-version")

    # Social cards (og:image, twitter:image), 1200x630.
    cards_enabled = c.Type(bool, default=True)
    cards_dir = c.Type(str, default="assets/hubspoke/cards")
    cards_background = c.Optional(c.Type(str))  # default: the theme's primary colour
    cards_foreground = c.Optional(c.Type(str))  # default: black or white, whichever reads
    cards_accent = c.Optional(c.Type(str))  # default: the theme's accent colour
    cards_font = c.Optional(c.Type(str))  # a .ttf/.otf next to mkdocs.yml; default DejaVu Sans
    cards_font_bold = c.Optional(c.Type(str))

    # Cache and speed.
    cache_dir = c.Type(str, default=".cache/hubspoke/images")
    workers = AtLeast(0, default=0)  # 0: one per CPU core
