"""The network's plain data: authors, personas, categories and posts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .spokes import Spoke


@dataclass(frozen=True)
class Author:
    """An expert of the company or an invited guest, from `authors/<id>.yml`."""

    id: str
    name: str
    role: str
    title: str
    bio: str
    source: str
    organization: str | None = None
    avatar: str | None = None
    topics: tuple[str, ...] = ()
    spokes: tuple[Spoke, ...] = ()
    active: bool = True

    @property
    def is_guest(self) -> bool:
        return self.role == "guest"


@dataclass(frozen=True)
class Persona:
    """A target reader, defined by the page `content/personas/<id>.md`."""

    id: str
    name: str
    summary: str
    source: str
    function: str | None = None


@dataclass(frozen=True)
class Category:
    """A category of posts: the slug is its identity, the name how it reads."""

    slug: str
    name: str


@dataclass(frozen=True)
class Post:
    """A blog post as written in its front matter, plus where it lives."""

    source: str
    title: str
    date: datetime
    slug: str
    path: str
    authors: tuple[str, ...]
    updated: datetime | None = None
    categories: tuple[Category, ...] = ()
    tags: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    description: str | None = None
    image: str | None = None
    draft: bool = False
    unlisted: bool = False
    pin: bool = False
    readtime: int | None = None
    canonical_url: str | None = None
    reviewer: str | None = None
    series: str | None = None  # the name of the series the post is a part of
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False, hash=False)

    @property
    def year(self) -> str:
        return f"{self.date.year:04d}"
