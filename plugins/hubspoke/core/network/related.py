"""Related posts: for each post, the few published posts that share the most with it.

A candidate scores for every persona, category and tag it shares with the post, each
kind weighted (a shared reader says more than a shared keyword); the best `limit`
candidates win, ties going to the newer post, then to the title. Computed once per
build for every built post.

The work is bounded on large sites: candidates are indexed by persona, category and
tag, and for each of a post's keys only the `window` posts nearest in date on either
side of it are looked at. A category holding ten thousand posts then costs each post
2 x `window` looks, not ten thousand: n posts x k keys x window, never n squared.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..text import slugify
from .model import Post


@dataclass(frozen=True)
class Weights:
    """What one shared key of each kind adds to a candidate's score."""

    persona: int = 3
    category: int = 2
    tag: int = 1


WEIGHTS = Weights()


def keys_of(post: Post) -> list[tuple[str, str]]:
    """The keys a post can share: ("persona", id), ("category", slug), ("tag", slug)."""
    keys = [("persona", p) for p in post.personas]
    keys += [("category", c.slug) for c in post.categories]
    keys += [("tag", slugify(t)) for t in post.tags]
    return list(dict.fromkeys(keys))


def _order(post: Post) -> tuple:
    """Oldest first, then by title and source: the order of every bucket."""
    return (post.date, post.title, post.source)


def _rank(post: Post, score: int) -> tuple:
    """Best first: higher score, then newer, then title (and source, to be total)."""
    return (-score, -post.date.timestamp(), post.title, post.source)


def related_posts(
    posts: Iterable[Post],
    candidates: Sequence[Post],
    *,
    limit: int,
    weights: Weights = WEIGHTS,
    window: int = 50,
) -> dict[str, tuple[Post, ...]]:
    """For each of `posts` (by source), up to `limit` of `candidates` (the published
    posts) sharing at least one key with it, best first; never the post itself."""
    if limit <= 0:
        return {}
    buckets: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for candidate in sorted(candidates, key=_order):
        for key in keys_of(candidate):
            buckets[key].append(candidate)
    orders = {key: [_order(p) for p in bucket] for key, bucket in buckets.items()}
    weight: Mapping[str, int] = {
        "persona": weights.persona,
        "category": weights.category,
        "tag": weights.tag,
    }
    found: dict[str, tuple[Post, ...]] = {}
    for post in posts:
        scores: dict[str, int] = defaultdict(int)
        by_source: dict[str, Post] = {}
        for key in keys_of(post):
            bucket = buckets.get(key)
            if not bucket:
                continue
            at = bisect_left(orders[key], _order(post))
            for other in bucket[max(0, at - window) : at + window + 1]:
                if other.source == post.source:
                    continue
                scores[other.source] += weight[key[0]]
                by_source[other.source] = other
        best = sorted(scores, key=lambda s: _rank(by_source[s], scores[s]))[:limit]
        found[post.source] = tuple(by_source[s] for s in best)
    return found
