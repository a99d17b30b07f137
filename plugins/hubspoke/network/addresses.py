"""The site's address book: where every post, generated page and avatar of one build landed.

Filled by the network section in on_files, as it places each file; read by every section
(templates, feeds, images, media, editorial) through `NetworkBuild.addresses`. URLs are
site-relative, as MkDocs gives them (`File.url`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hubspoke.core import urls


@dataclass
class Addresses:
    """Site-relative URLs, by what they are the address of."""

    # The view paths of the network settings: kind ("author", "persona", ...) -> path format.
    view_formats: Mapping[str, str]
    pages: dict[str, str] = field(default_factory=dict)  # generated page's path -> URL
    posts: dict[str, str] = field(default_factory=dict)  # post source -> URL
    avatars: dict[str, str] = field(default_factory=dict)  # author id -> avatar URL
    # post source -> URL of its front-matter `image`, when that is a file of the site
    post_images: dict[str, str] = field(default_factory=dict)
    # "category" / "tag" -> URL of the page listing every category / tag, when built
    overviews: dict[str, str] = field(default_factory=dict)
    mastodon_share: str | None = None  # the Mastodon share page, when it is built

    def view(self, kind: str, key: str = "") -> str | None:
        """The first page of an index (author, persona, category, ...), if it is built."""
        return self.pages.get(urls.format_path(self.view_formats[kind], key=key))
