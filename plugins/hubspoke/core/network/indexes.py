"""Index pages from one table of view specs.

The blog home, the yearly archive and the pages of each category, tag, author
and persona are all the same thing: the listed posts that belong to a key,
newest first, split into pages. A `ViewSpec` says which keys a post belongs
to and where the pages go; `build_indexes` does the rest for every spec.

The first page of an index shows `per_page` posts as cards with excerpts;
later pages list `rows_per_page` older posts each as compact rows (title,
date, authors). Readers scan old posts faster as a list, and a site with
thousands of posts gets ten times fewer index pages to build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..urls import format_path
from .model import Post


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
    compact: bool = False  # every post as a compact row on one page (archive, tags)


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
    compact: bool = False  # compact rows rather than cards

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


def paginate(
    posts: Sequence[Post], per_page: int, rows_per_page: int | None = None
) -> list[tuple[Post, ...]]:
    """`per_page` posts on the first page, then `rows_per_page` (default: `per_page`)
    on each later page; `per_page` 0 puts every post on one page. An empty index
    still has one page."""
    if per_page <= 0:
        return [tuple(posts)]
    rest = rows_per_page or per_page
    chunks = [tuple(posts[:per_page])]
    for start in range(per_page, len(posts), rest):
        chunks.append(tuple(posts[start : start + rest]))
    return chunks


def build_indexes(
    posts: Sequence[Post],
    specs: Iterable[ViewSpec],
    names: Mapping[str, Mapping[str, str]],
    *,
    per_page: int,
    rows_per_page: int | None = None,
    page_format: str = "{path}/page/{number}",
    numbered: str = "{title} (page {number})",
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
            chunks = (
                paginate(members, 0) if spec.compact else paginate(members, per_page, rows_per_page)
            )
            pages.extend(_pages_of(spec, key, name, chunks, len(members), page_format, numbered))
    return pages


def _pages_of(spec, key, name, chunks, total, page_format, numbered) -> list[IndexPage]:
    first = format_path(spec.path, key=key)
    paths = tuple(paged_path(first, n, page_format) for n in range(1, len(chunks) + 1))
    title = spec.title.format(name=name)
    return [
        IndexPage(
            kind=spec.kind,
            key=key,
            name=name,
            title=title if n == 1 else numbered.format(title=title, number=n),
            template=spec.template,
            number=n,
            count=len(chunks),
            path=paths[n - 1],
            posts=chunk,
            total=total,
            pages=paths,
            attach=spec.attach and n == 1,
            compact=spec.compact or n > 1,
        )
        for n, chunk in enumerate(chunks, start=1)
    ]
