"""Series: posts that name the same `series:` in their front matter, read in date order.

A series is known by the slug of its name (the address of its page); its name is the
one its first post writes (the reference checks refuse two spellings of one slug).
Only published posts are members: a draft or scheduled part is not counted, so the
published parts never link to a page that is not there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..text import slugify
from .model import Post


@dataclass(frozen=True)
class Series:
    """One series: its slug, its name, and its posts oldest first."""

    slug: str
    name: str
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class Place:
    """Where one post stands in its series: part `number` of `count`."""

    series: Series
    number: int

    @property
    def count(self) -> int:
        return len(self.series.posts)

    @property
    def previous(self) -> Post | None:
        return self.series.posts[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> Post | None:
        return self.series.posts[self.number] if self.number < self.count else None


def reading_order(post: Post) -> tuple:
    """The order of a series: oldest first, then by title and source (same day)."""
    return (post.date, post.title, post.source)


def series_key(post: Post) -> str | None:
    """The slug of the post's series, if it names one."""
    return slugify(post.series) if post.series else None


def build_series(posts: Iterable[Post]) -> dict[str, Series]:
    """Every series of `posts` (the published ones), by slug, sorted by slug."""
    members: dict[str, list[Post]] = defaultdict(list)
    for post in sorted(posts, key=reading_order):
        key = series_key(post)
        if key:
            members[key].append(post)
    return {
        key: Series(key, (found[0].series or "").strip(), tuple(found))
        for key, found in sorted(members.items())
    }


def places(series: Iterable[Series]) -> dict[str, Place]:
    """Each member post's place in its series, by source."""
    return {
        post.source: Place(one, number)
        for one in series
        for number, post in enumerate(one.posts, start=1)
    }
