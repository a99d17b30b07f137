"""Turn the network into MkDocs files: move posts to their URLs, add generated pages.

Every URL a generated page claims goes into the one register of output paths
(`core.outputs.Claims`): two outputs at one URL is an error naming both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from hubspoke.core import urls
from hubspoke.core.network.indexes import IndexPage
from hubspoke.core.outputs import Claims


@dataclass(frozen=True)
class PageRole:
    """What a documentation page is to the network, found by its source path."""

    kind: str
    key: str = ""
    index: IndexPage | None = None


def listed_file(files: Files, src: str) -> File:
    """The file of a page the one reader kept, which is only ever one MkDocs lists."""
    file = files.get_file_from_path(src)
    if file is None:
        raise RuntimeError(f"{src} is not among the files MkDocs lists")
    return file


def move_post(file: File, path: str, config: MkDocsConfig, *, draft: bool) -> None:
    """Publish a post file at `path` instead of at its source location."""
    dest = urls.page_dest(path, config.use_directory_urls)
    file.dest_uri = dest
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))
    file.url = quote(urls.page_url(path, config.use_directory_urls))
    file.inclusion = InclusionLevel.DRAFT if draft else InclusionLevel.NOT_IN_NAV


def generated_page(
    config: MkDocsConfig,
    path: str,
    *,
    template: str,
    title: str | None = None,
    body: str = "",
    description: str | None = None,
    in_nav: bool = False,
    section_index: bool | None = None,
    meta: Mapping[str, object] | None = None,
) -> File:
    """A virtual Markdown page at `path` rendered with one of our templates: the one way
    every section makes a page of its own (index, overview, share, events and insights
    pages). `section_index` (default: `in_nav`) makes it the index of its folder."""
    front: dict[str, object] = {"title": title} if title is not None else {}
    front["template"] = template
    if description:
        front["description"] = description
    front.update(meta or {})
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    content = f"---\n{text}---\n\n{body}\n"
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    index = in_nav if section_index is None else section_index
    source = urls.generated_source(path, section_index=index)
    return File.generated(config, source, content=content, inclusion=inclusion)


def find_source(files: Files, path: str) -> File | None:
    """The documentation page that a writer put at `path`, if any."""
    for candidate in urls.source_candidates(path):
        found = files.get_file_from_path(candidate)
        if found is not None and found.is_documentation_page():
            return found
    return None


def claim_page(claims: Claims, file: File, what: str, option: str | None = None) -> None:
    """Claim a generated page's output path in the one register (`core.outputs.Claims`);
    `option` is the network's option that moves it, if one does."""
    claims.claim(file.dest_uri, what, option=option, token=file, owner="hubspoke/network")
