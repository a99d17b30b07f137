"""The feeds plugin's state for one build: which feeds exist, their entries, their bytes.

The feeds are the entries of the table of outputs (`core.outputs.TABLE`) the feeds
plugin owns. `plan` selects and claims them in on_files, once the posts are placed (a
clash is refused with every other clash of the build); `render` turns each into bytes
once all posts are rendered; `add_files` writes them the one way (`hubspoke.outputs`),
refusing first a file added since (an image's variant, say) that takes a feed's path.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hubspoke.core import outputs
from hubspoke.core.feeds.table import (
    Feed,
    FeedItem,
    FeedSpec,
    Media,
    Person,
    feed_item,
    file_url,
    utm_params,
)
from hubspoke.core.network.model import Author, Post
from hubspoke.core.outputs import Claims, Output
from hubspoke.core.urls import site_base, source_path
from hubspoke.fragments import Fragments
from hubspoke.head import Head
from hubspoke.hub import hub_of
from hubspoke.outputs import OutputRun, register_files, write_file
from hubspoke.site_options import theme_language

from .config import FeedsConfig

if TYPE_CHECKING:
    from hubspoke.network.build import NetworkBuild

FEEDS = "hubspoke/feeds"
POSTS_FEEDS = {spec.name for spec in outputs.POST_FEEDS}

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


STYLESHEET_TEMPLATE = "hubspoke/feed.xsl.html"


def stylesheet(fragments: Fragments) -> bytes:
    """The feed stylesheet, from the theme template `hubspoke/feed.xsl.html` (a site's
    overrides replace it), in the site's language."""
    return str(fragments.render(STYLESHEET_TEMPLATE)).encode("utf-8")


class FeedSite(outputs.PartialSite):
    """The site as the table of outputs reads it for post feeds (`core.outputs.OutputSite`)."""

    def __init__(self, feeds: FeedsBuild, network_build: NetworkBuild, files: Files):
        self.feeds, self.build, self.files = feeds, network_build, files
        self.network = network_build.network
        self.labels = network_build.labels
        self.site_name = feeds.config.site_name
        self.tagline = feeds.config.site_description
        self.items_limit = feeds.options.items_limit
        self._items: dict[str, FeedItem] = {}

    def feed(self, output: Output) -> Feed:
        """The feed of a post-feed output; each post becomes an entry once per build."""
        entries = []
        for post in output.items:
            if post.source not in self._items:
                self._items[post.source] = self.feeds._item(self.build, post, self.files)
            entries.append(self._items[post.source])
        return self.feeds._feed(self.build, output, tuple(entries))


class FeedsBuild:
    """Everything the feeds plugin knows during one build; created in on_config."""

    def __init__(self, options: FeedsConfig, config: MkDocsConfig, specs: tuple[FeedSpec, ...]):
        self.options = options
        self.config = config
        self.specs = specs
        self.site_url = site_base(config.site_url or "")  # the plugin refuses a site without
        self.root = Path(config.config_file_path).parent
        self.run: OutputRun | None = None
        self.site: FeedSite | None = None
        self.claims: Claims | None = None

    @property
    def paths(self) -> dict[str, str]:
        """Which entries of the table are on: the configured post feeds, at their paths,
        and every other entry the feeds plugin owns, at its own path."""
        paths = {
            spec.name: spec.path
            for spec in outputs.TABLE
            if spec.owner == FEEDS and spec.name not in POSTS_FEEDS
        }
        for spec in self.specs:
            paths[f"feed.{spec.kind.name}.{spec.format.name}"] = spec.path
        return paths

    @property
    def targets(self) -> list[Output]:
        return self.run.outputs if self.run is not None else []

    # -- on_files: which files ----------------------------------------------

    def plan(self, network_build: NetworkBuild, files: Files) -> None:
        """Every feed with at least one syndicated post; a path taken twice is an error
        (every collision at once, named by the one register of output paths)."""
        self.claims = network_build.claims
        self.site = site = FeedSite(self, network_build, files)
        self.run = OutputRun(FEEDS, site, self.paths)
        register_files(self.claims, files, self.config)  # a docs file there is a clash too
        if self.uses_stylesheet:
            self.claims.claim(
                self.options.stylesheet_path,
                "the feed stylesheet",
                option="stylesheet_path",
                owner=FEEDS,
            )
        self.run.plan(files, self.claims, self.config)

    @property
    def uses_stylesheet(self) -> bool:
        return self.options.stylesheet and any(s.format.name != "json" for s in self.specs)

    # -- on_env: the bytes ----------------------------------------------------

    def render(self, network_build: NetworkBuild, files: Files) -> Iterable[tuple[Output, bytes]]:
        """Every planned feed as (output, bytes), one at a time; entries read the files
        of on_env (images published since planning)."""
        assert self.run is not None and self.site is not None  # planned first
        self.site.files = files
        return self.run.render()

    def add_files(self, rendered: Iterable[tuple[Output, bytes]], files: Files) -> None:
        """Write each feed into site_dir as it is rendered (`hubspoke.outputs.write_file`)."""
        assert self.run is not None and self.claims is not None  # planned first
        self.run.write(rendered, files, self.claims, self.config)
        if self.uses_stylesheet:
            xslt = stylesheet(hub_of(self.config).fragments(self.config))
            files.append(write_file(self.config, self.options.stylesheet_path, xslt))

    def _feed(
        self, network_build: NetworkBuild, target: Output, entries: tuple[FeedItem, ...]
    ) -> Feed:
        spec, options = target.spec.feed, self.options
        assert spec is not None  # a post feed
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
            disclosure=network_build.guest_disclosure if guest else None,
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

    def announce(self, head: Head, role) -> None:
        """The feeds' <link rel="alternate"> and "Follow" links on a page (see
        `core.outputs` for which page announces which feed)."""
        if self.run is None:
            return
        roles = [(role.kind, role.key)] if role is not None else []
        self.run.announce(
            head,
            roles,
            links=self.options.discovery_links,
            follow=self.options.discovery_follow,
        )


def _media_type(name: str) -> str:
    suffix = posixpath.splitext(name.split("?")[0])[1].lower()
    return IMAGE_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
