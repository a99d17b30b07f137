"""Index pages from one table of view specs.

The blog home, the yearly archive and the pages of each category, tag, author
and persona are all the same thing: the listed posts that belong to a key,
newest first, split into pages. A `ViewSpec` says which keys a post belongs
to and where the pages go; `build_indexes` does the rest for every spec.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Post
from .urls import format_path


@dataclass(frozen=True)
class ViewSpec:
    """One kind of index: which posts go where, and how its pages are called."""

    kind: str
    path: str
    title: str
    keys: Callable[[Post], Iterable[str]]
    template: str = "hubspoke/index.html"
    pinned_first: bool = False
    attach: bool = False
    in_nav: bool = False
    compact: bool = False  # one page listing titles only (archive, tags)


@dataclass(frozen=True)
class IndexPage:
    """One page of one index: its posts and its neighbours."""

    kind: str
    key: str
    name: str
    title: str
    template: str
    number: int
    count: int
    path: str
    posts: tuple[Post, ...]
    total: int
    pages: tuple[str, ...]
    attach: bool = False
    compact: bool = False

    @property
    def first(self) -> str:
        return self.pages[0]

    @property
    def previous(self) -> str | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.pages[self.number] if self.number < self.count else None


def paged_path(path: str, number: int, page_format: str = "{path}/page/{number}") -> str:
    """Path of page `number` of an index whose first page is at `path`."""
    if number == 1:
        return path
    return format_path(page_format, path=path, number=number)


def paginate(posts: Sequence[Post], per_page: int) -> list[tuple[Post, ...]]:
    """Posts cut into pages of `per_page`; an empty index still has one page."""
    if per_page <= 0:
        return [tuple(posts)]
    count = max(1, math.ceil(len(posts) / per_page))
    return [tuple(posts[i * per_page : (i + 1) * per_page]) for i in range(count)]


def build_indexes(
    posts: Sequence[Post],
    specs: Iterable[ViewSpec],
    names: Mapping[str, Mapping[str, str]],
    *,
    per_page: int,
    page_format: str = "{path}/page/{number}",
) -> list[IndexPage]:
    """Every page of every view.

    `posts` are the listed posts, newest first. `names[kind]` maps each key
    that must have a page even when it has no post (every author, every
    persona) to its display name; other keys are named by the key itself.
    The work is one pass over posts per spec: linear in posts x keys.
    """
    pages: list[IndexPage] = []
    for spec in specs:
        buckets: dict[str, list[Post]] = defaultdict(list)
        for post in posts:
            for key in dict.fromkeys(spec.keys(post)):
                buckets[key].append(post)
        known = names.get(spec.kind, {})
        for key in sorted(set(buckets) | set(known)):
            members = buckets.get(key, [])
            if spec.pinned_first:
                members = sorted(members, key=lambda p: not p.pin)
            name = known.get(key, key)
            size = 0 if spec.compact else per_page
            pages.extend(_pages_of(spec, key, name, members, size, page_format))
    return pages


def _pages_of(spec, key, name, members, per_page, page_format) -> list[IndexPage]:
    first = format_path(spec.path, key=key)
    chunks = paginate(members, per_page)
    paths = tuple(paged_path(first, n, page_format) for n in range(1, len(chunks) + 1))
    title = spec.title.format(name=name)
    return [
        IndexPage(
            kind=spec.kind,
            key=key,
            name=name,
            title=title if n == 1 else f"{title} (page {n})",
            template=spec.template,
            number=n,
            count=len(chunks),
            path=paths[n - 1],
            posts=chunk,
            total=len(members),
            pages=paths,
            attach=spec.attach and n == 1,
            compact=spec.compact,
        )
        for n, chunk in enumerate(chunks, start=1)
    ]
