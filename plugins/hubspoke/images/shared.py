"""What one build's image sections share: the figures of a build, the published
sources, and the part of the images build that the social cards use (`ImageSite`),
so the card maker and the catalogue do not import each other."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hubspoke.core.errors import ProblemList
from hubspoke.core.images.inspect import SourceInfo
from hubspoke.core.images.plan import Encoding, Output, SourcePlan

from .config import ImagesConfig


@dataclass
class ImageStats:
    """What the last build did; tests and the benchmark read it from the plugin."""

    sources: int = 0
    svgs: int = 0
    cards: int = 0
    files: int = 0
    encoded: int = 0
    reused: int = 0
    bytes_sources: int = 0
    bytes_published: int = 0


@dataclass
class Source:
    """One published raster image and what is derived from it."""

    file: File
    label: str
    info: SourceInfo
    plan: SourcePlan | None = None


class ImageSite(Protocol):
    """What the social cards read and call of the images build (`catalog.ImagesBuild`)."""

    options: ImagesConfig
    config: MkDocsConfig
    root: Path
    docs_label: str
    encoding: Encoding
    problems: ProblemList
    stats: ImageStats
    uses: dict[str, list[str]]

    @property
    def max_pixels(self) -> int: ...

    def url_files_by_src(self) -> dict[str, File]: ...

    def add_file(self, files: Files, uri: str, output: Output, what: str) -> File: ...

    def source_at_url(self, url: str) -> Source | None: ...

    def target_of(self, src: str, page_url: str) -> str: ...

    def page_label(self, page: Page) -> str: ...
