"""The publication rule: one function decides where a post may appear.

Every output (pages, indexes, navigation, sitemap, search, feeds, images)
asks `visibility()`; nothing else looks at draft flags or dates.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ..labels import ENGLISH, Labels


class Publishable(Protocol):
    """What the publication rule reads: a post, or an event."""

    @property
    def draft(self) -> bool: ...
    @property
    def date(self) -> datetime: ...
    @property
    def unlisted(self) -> bool: ...


class State(enum.Enum):
    """Where a post stands at a given build clock."""

    PUBLISHED = "published"
    UNLISTED = "unlisted"
    SCHEDULED = "scheduled"
    DRAFT = "draft"


@dataclass(frozen=True)
class Visibility:
    """What a post's state allows, for one build.

    built: the post's page is written; listed: it appears in indexes, navigation
    and on author/persona/category pages; indexed: search index, sitemap and
    search engines may see it; syndicated: it goes into feeds.
    """

    state: State
    built: bool
    listed: bool
    indexed: bool
    syndicated: bool
    banner: str | None = None


def state(post: Publishable, clock: datetime) -> State:
    """The post's state at `clock`: draft beats scheduled beats unlisted."""
    if post.draft:
        return State.DRAFT
    if post.date > clock:
        return State.SCHEDULED
    if post.unlisted:
        return State.UNLISTED
    return State.PUBLISHED


def visibility(
    post: Publishable, clock: datetime, *, preview: bool = False, labels: Labels = ENGLISH
) -> Visibility:
    """Where the post may appear. `preview` (a local `serve`) also shows drafts
    and scheduled posts, with a banner, but never to search engines or feeds."""
    current = state(post, clock)
    if current is State.PUBLISHED:
        return Visibility(current, built=True, listed=True, indexed=True, syndicated=True)
    if current is State.UNLISTED:
        return Visibility(current, built=True, listed=False, indexed=False, syndicated=False)
    if not preview:
        return Visibility(current, built=False, listed=False, indexed=False, syndicated=False)
    if current is State.DRAFT:
        banner = labels.text("preview.post_draft")
    else:
        banner = labels.text("preview.post_scheduled", date=f"{post.date:%Y-%m-%d %H:%M %Z}")
    return Visibility(
        current, built=True, listed=True, indexed=False, syndicated=False, banner=banner
    )
