"""The feeds plugin's state for one build: which feeds exist, their entries, their bytes.

`plan` decides the feed files from the network (after every plugin added its
files, so that a collision is caught); `render` turns each into bytes once all
posts are rendered. Everything about feeds themselves is in `hubspoke.core`.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from hubspoke.core import labels
from hubspoke.core.feeds.table import (
    Feed,
    FeedItem,
    FeedSpec,
    Media,
    Person,
    describe,
    feed_item,
    file_url,
    select,
    utm_params,
)
from hubspoke.core.feeds.writers import render
from hubspoke.core.network.model import Author, Post
from hubspoke.core.urls import PathFormatError, site_base, source_path
from hubspoke.options import option_error
from hubspoke.site_options import theme_language

from .config import FeedsConfig

if TYPE_CHECKING:
    from hubspoke.network.build import NetworkBuild

# Fixed here rather than read from the system's mime.types, so every machine writes the same.
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}


@dataclass(frozen=True)
class Target:
    """One feed file to write: a row of the spec table for one key, and its posts."""

    spec: FeedSpec
    key: str
    path: str
    posts: tuple[Post, ...]
    title: str
    description: str

    @property
    def href(self) -> str:
        """Site-relative URL, as templates and the `url` filter expect."""
        return quote(self.path)

    def __str__(self) -> str:
        return describe_feed(self.spec, self.key)


def describe_feed(spec: FeedSpec, key: str) -> str:
    """How messages name a feed: "the RSS feed of author 'lena-hoffmann'"."""
    what = f"the {spec.format.label} feed"
    return (
        f"{what} of the site" if spec.kind.name == "site" else f"{what} of {spec.kind.name} '{key}'"
    )


class FeedsBuild:
    """Everything the feeds plugin knows during one build; created in on_config."""

    def __init__(self, options: FeedsConfig, config: MkDocsConfig, specs: tuple[FeedSpec, ...]):
        self.options = options
        self.config = config
        self.specs = specs
        self.site_url = site_base(config.site_url or "")  # the plugin refuses a site without
        self.root = Path(config.config_file_path).parent
        self.targets: list[Target] = []
        self.by_view: dict[tuple[str, str], list[Target]] = {}

    # -- on_env: which files ------------------------------------------------

    def plan(self, network_build: NetworkBuild, files: Files) -> None:
        """Every feed with at least one syndicated post; a path taken twice is an error."""
        network = network_build.network
        selection = select(network, self.specs, self.options.items_limit)
        texts = {
            (kind, key): describe(
                network,
                kind,
                key,
                site=self.config.site_name,
                tagline=self.config.site_description,
                labels=network_build.labels,
            )
            for kind, key in selection
        }
        self.targets = [
            Target(spec, key, _path(spec, key), posts, *texts[(kind, key)])
            for spec in self.specs
            for (kind, key), posts in selection.items()
            if kind == spec.kind.name
        ]
        self.by_view = {}
        for target in self.targets:
            self.by_view.setdefault((target.spec.kind.view, target.key), []).append(target)
        self._check_collisions(files)

    def _check_collisions(self, files: Files) -> None:
        taken: dict[str, str] = {}
        for file in files:
            taken.setdefault(file.dest_uri, self._shown(file))
        for template in (*self.config.theme.static_templates, *self.config.extra_templates):
            taken.setdefault(template, f"the template {template!r}")
        wanted = [(t.path, str(t), self._option(t.spec)) for t in self.targets]
        if self.uses_stylesheet:
            wanted.append((self.options.stylesheet_path, "the feed stylesheet", "stylesheet_path"))
        for path, what, option in wanted:
            if path in taken:
                raise PluginError(
                    f"hubspoke/feeds: {what} would be written to '{path}', which "
                    f"{taken[path]} already produces; change the option {option} "
                    "or move the other file"
                )
            taken[path] = what

    def _shown(self, file: File) -> str:
        if file.generated_by:
            return f"the plugin '{file.generated_by}'"
        if file.abs_src_path:
            path = Path(file.abs_src_path)
            return (
                path.relative_to(self.root).as_posix()
                if path.is_relative_to(self.root)
                else (path.as_posix())
            )
        return f"'{file.src_uri}'"

    @staticmethod
    def _option(spec: FeedSpec) -> str:
        return f"paths.{spec.kind.name}.{spec.format.name}"

    @property
    def uses_stylesheet(self) -> bool:
        return self.options.stylesheet and any(s.format.name != "json" for s in self.specs)

    # -- on_env: the bytes ----------------------------------------------------

    def render(self, network_build: NetworkBuild, files: Files) -> Iterator[tuple[str, bytes]]:
        """Every planned feed as (path, bytes), one at a time; each post becomes an entry once."""
        items: dict[str, FeedItem] = {}
        for target in self.targets:
            entries = []
            for post in target.posts:
                if post.source not in items:
                    items[post.source] = self._item(network_build, post, files)
                entries.append(items[post.source])
            yield target.path, render(self._feed(network_build, target, tuple(entries)))

    def add_files(self, outputs: Iterable[tuple[str, bytes]], files: Files) -> None:
        """Write each feed straight to its place in site_dir as it is rendered, and add it
        to the files there (MkDocs then leaves it be): a large site's feeds are tens of
        megabytes that need not wait in memory for the end of the build."""
        for path, content in outputs:
            files.append(self._written(path, content))
        if self.uses_stylesheet:
            xslt = (Path(__file__).parent / "assets" / "feed.xsl").read_bytes()
            files.append(self._written(self.options.stylesheet_path, xslt))

    def _written(self, path: str, content: bytes) -> File:
        target = Path(self.config.site_dir, *path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        # A file whose source is its own destination: MkDocs skips copying it onto itself.
        return File.generated(
            self.config, path, abs_src_path=str(target), inclusion=InclusionLevel.NOT_IN_NAV
        )

    def _feed(
        self, network_build: NetworkBuild, target: Target, entries: tuple[FeedItem, ...]
    ) -> Feed:
        spec, options = target.spec, self.options
        home = network_build.view_url(spec.kind.view, target.key) or ""
        utm = {}
        if options.utm_enabled:
            utm = utm_params(
                spec.format,
                medium=options.utm_medium,
                campaign=options.utm_campaign,
                source=options.utm_sources.get(spec.format.name, ""),
            )
        stylesheet = None
        if self.uses_stylesheet and spec.format.name != "json":
            start = posixpath.dirname(target.path) or "."
            stylesheet = posixpath.relpath(options.stylesheet_path, start)
        return Feed(
            spec=spec,
            key=target.key,
            path=target.path,
            url=file_url(target.path, self.site_url),
            title=target.title,
            description=target.description,
            home_url=urljoin(self.site_url, home),
            items=entries,
            language=theme_language(self.config, default=None),
            utm=utm,
            stylesheet=stylesheet,
        )

    def _item(self, network_build: NetworkBuild, post: Post, files: Files) -> FeedItem:
        network = network_build.network
        rendered = network_build.rendered(post)
        authors = [network.authors[a] for a in post.authors]
        guest = any(a.is_guest for a in authors)
        return feed_item(
            post,
            page_url=network_build.post_url(post),
            site_url=self.site_url,
            body_html=rendered.body if rendered else "",
            excerpt_html=rendered.excerpt if rendered else "",
            authors=[self._person(network_build, a) for a in authors],
            image=self._image(post, files),
            disclosure=self._disclosure(network_build) if guest else None,
            full_content=self.options.items_full_content,
        )

    def _person(self, network_build: NetworkBuild, author: Author) -> Person:
        page = network_build.view_url("author", author.id)
        avatar = network_build.addresses.avatars.get(author.id)
        return Person(
            name=author.name,
            url=urljoin(self.site_url, page) if page else None,
            avatar=urljoin(self.site_url, avatar) if avatar else None,
        )

    def _disclosure(self, network_build: NetworkBuild) -> str:
        disclosure = network_build.options.guest_disclosure
        return labels.for_language(theme_language(self.config, default=None)).default(
            disclosure, "guest.disclosure"
        )

    def _image(self, post: Post, files: Files) -> Media | None:
        """The post's `image` as an enclosure: the file MkDocs publishes, with its size."""
        if not post.image:
            return None
        if "://" in post.image:
            return Media(post.image, 0, _media_type(post.image))
        src = source_path(post.source, post.image)
        file = files.get_file_from_path(src)
        if file is None:
            return None
        # A file backed by a path is that file; one with content in memory is its bytes.
        size = os.path.getsize(file.abs_src_path) if file.abs_src_path else len(file.content_bytes)
        return Media(urljoin(self.site_url, file.url), size, _media_type(file.dest_uri))

    # -- on_page_context: discovery -------------------------------------------

    def site_feeds(self) -> list[Target]:
        return self.by_view.get(("blog", ""), [])

    def feeds_of(self, view: str, key: str) -> list[Target]:
        """The feeds that follow the index page `view`/`key` (author, persona, category, blog)."""
        return self.by_view.get((view, key), [])

    @staticmethod
    def link_title(target: Target) -> str:
        return f"{target.title} ({target.spec.format.label})"


def _path(spec: FeedSpec, key: str) -> str:
    try:
        return spec.path_for(key)
    except PathFormatError as error:
        problem = f"{describe_feed(spec, key)} has no usable path: {error}"
        raise option_error("hubspoke/feeds", None, problem) from None


def _media_type(name: str) -> str:
    suffix = posixpath.splitext(name.split("?")[0])[1].lower()
    return IMAGE_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
