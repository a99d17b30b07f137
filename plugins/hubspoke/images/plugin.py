"""The `hubspoke/images` plugin: a thin adapter from MkDocs events to the image pipeline.

on_config sets up the build (settings, cache folder); on_files inspects every
content image's header (so check sees a broken one) and refuses files named like
variants; on_page_content notes
the images each page shows; on_env, once the network has dropped what only
unpublished posts used, inspects, encodes (what the cache lacks, in a process
pool) and publishes every content image and social card; on_page_context adds
og:image tags; on_post_page turns `<img>` into `<picture>` in the final HTML,
which covers content, listing excerpts and avatars in templates alike.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from PIL import features

from hubspoke import stylesheet
from hubspoke.build_order import step
from hubspoke.core.images.plan import Encoding
from hubspoke.fragments import use_theme_files
from hubspoke.hub import Section, hub_of

from .catalog import ImagesBuild, ImageStats
from .config import ImagesConfig

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
TEMPLATES = Path(__file__).parent / "templates"


class ImagesPlugin(Section, BasePlugin[ImagesConfig]):
    """Responsive, private and safe images, infographics and social cards."""

    section = "images"

    supports_multiple_instances = False

    def __init__(self):
        self.build: ImagesBuild | None = None
        self.stats = ImageStats()

    @step("images")
    def on_config(self, config: MkDocsConfig):
        self.build = None
        self.stats = ImageStats()
        if not self.config.enabled:
            return config
        encoding = _encoding(self.config)
        root = Path(config.config_file_path).parent
        self.build = ImagesBuild(self.config, config, root, encoding, log)
        self.stats = self.build.stats
        use_theme_files(config, TEMPLATES, ASSETS / "images.css")  # picture, infographic
        return config

    # After the network placed posts and added avatars (its on_files runs at 50).
    @step("images")
    def on_files(self, files: Files, *, config: MkDocsConfig):
        if self.build is None:
            return files
        stylesheet.place(files, config)
        self.build.index_files(files)
        self.build.check_files(files, hub_of(config).site)
        return files

    @step("images")
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is not None:
            self.build.note_page(page, html)
        return html

    # After the network's on_env, which removes files only unpublished posts used.
    @step("images")
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.build is not None:
            hub = hub_of(config)
            self.build.publish(files, hub.site)
            hub.social_cards.clear()
            hub.social_cards.update(self.build.cards.post_urls())
        return env

    @step("images")
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.build is not None:
            self.build.cards.add_head(context, page, hub_of(config).site)
        return context

    # After the network's on_post_page (-100), which writes the final URLs into the shared
    # listing fragments; only <img> markup changes here, never a script it hashed.
    @step("images")
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig):
        if self.build is None:
            return output
        return self.build.rewrite(output, page)


def _encoding(options: ImagesConfig) -> Encoding:
    """Encoder settings from the options (checked by their types); formats Pillow cannot
    write are left out."""
    formats = tuple(f for f in dict.fromkeys(options.variants_formats) if features.check(f))
    return Encoding(
        widths=tuple(sorted(set(options.variants_widths))),
        avatar_widths=tuple(sorted(set(options.variants_avatar_widths))),
        formats=formats,
        jpeg_quality=options.quality_jpeg,
        webp_quality=options.quality_webp,
        avif_quality=options.quality_avif,
        avif_speed=options.quality_avif_speed,
        png_compress_level=options.quality_png_compress_level,
        infographic_ratio=float(options.infographic_ratio),
        preview_ratio=float(options.infographic_preview_ratio),
    )
