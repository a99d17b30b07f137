"""Text of new author and post files, as written by `hubspoke new`.

Every field of the schema is there: the ones a writer fills in, and the
optional ones commented out with a word on what they do, so a writer who has
never seen the schema can complete the file. Values are written as YAML that
reads back exactly (quoted whenever plain YAML would change them).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import yaml

from ..text import slugify
from ..urls import format_path

POST_PATH = "posts/{date:%Y}/{slug}.md"


def scalar(value) -> str:
    """A YAML scalar that reads back as `value` (a string, number or boolean)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text and text == text.strip() and "#" not in text and ": " not in text:
        try:
            if yaml.safe_load(text) == text and not text.startswith(("[", "{", "&", "*", "!")):
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def flow_list(values: Sequence[str]) -> str:
    """A YAML flow list, e.g. [plant-engineer, Engineering, "How-to, advanced"]."""
    items = [v if _plain_in_flow(v) else json.dumps(v, ensure_ascii=False) for v in values]
    return "[" + ", ".join(items) + "]"


def _plain_in_flow(value: str) -> bool:
    return scalar(value) == value and not any(c in value for c in ",[]{}")


def date_text(value: datetime) -> str:
    """'2026-12-01' at midnight, else '2026-12-01 09:30' (quoted: it has a space)."""
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        return value.strftime("%Y-%m-%d")
    return '"' + value.strftime("%Y-%m-%d %H:%M") + '"'


def name_from_id(author_id: str) -> str:
    """'lena-hoffmann' -> 'Lena Hoffmann': a first guess at the name, to be checked."""
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", author_id) if part)


@dataclass(frozen=True)
class NewPost:
    """What `hubspoke new post` knows about the post it writes."""

    title: str
    date: datetime
    authors: tuple[str, ...]
    personas: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str = ""
    reviewer: str | None = None
    draft: bool = True

    @property
    def slug(self) -> str:
        return slugify(self.title)


def post_path(new: NewPost, fmt: str = POST_PATH) -> str:
    """Where the post goes, relative to the blog folder (e.g. posts/2026/my-title.md)."""
    return format_path(fmt, date=new.date, slug=new.slug, year=f"{new.date.year:04d}")


def post_text(
    new: NewPost,
    *,
    images: str = "../../images",
    guest: bool = False,
    personas_known: Sequence[str] = (),
    categories_allowed: Sequence[str] = (),
    title_limit: int = 70,
) -> str:
    """The Markdown file of a new post: front matter with every field, a short body."""
    persona_hint = ", ".join(personas_known) or "ids of the files in personas/"
    category_hint = ", ".join(categories_allowed) or "e.g. Engineering, How-to"
    reviewer = f"reviewer: {new.reviewer}" if new.reviewer else "# reviewer: <author id>"
    reviewer_note = (
        "required: a guest wrote this; the expert who reviewed it"
        if guest
        else "on guest posts: the expert who reviewed it"
    )
    fields = [
        (
            f"title: {scalar(new.title)}",
            "the headline" + (f", {title_limit} characters at most" if title_limit else ""),
        ),
        (f"date: {date_text(new.date)}", "publication date; a future date schedules the post"),
        (f"authors: {flow_list(new.authors)}", "author ids: the file names in authors/"),
        (f"categories: {flow_list(new.categories)}", category_hint),
        (f"tags: {flow_list(new.tags)}", "free keywords, e.g. [calibration, quality]"),
        (f"personas: {flow_list(new.personas)}", f"who it is for: {persona_hint}"),
        (f"description: {scalar(new.description)}", "one or two sentences for listings and search"),
        (f"slug: {new.slug}", "the end of the post's web address; keep it once published"),
        (reviewer, reviewer_note),
        ("draft: true" if new.draft else "# draft: true", "delete this line to publish"),
        (f"# image: {images}/picture.jpg", "the main picture, relative to this file"),
        (f"# updated: {new.date:%Y-%m-%d}", "date of the last meaningful change"),
        ("# unlisted: true", "build the page but list it nowhere"),
        ("# canonical_url: https://", "where the post first appeared, if elsewhere"),
        ("# readtime: 5", "reading time in minutes; counted from the text if left out"),
        ("# pin: true", "show the post first on the blog home"),
        ("# series: A name", "posts with the same series are read in date order, with a page"),
    ]
    front = _commented(fields)
    body = f"""\
Start with two or three sentences that tell the reader what they will learn.
They are shown in listings and feeds, above a "Continue reading" link.

<!-- more -->

## A first heading

Write the rest of the post here. Add a picture with
`![What the picture shows, in words]({images}/picture.jpg)`: the text in the
brackets is read aloud to readers who cannot see the picture.
"""
    return f"---\n{front}\n---\n\n{body}"


def author_text(
    author_id: str,
    *,
    name: str,
    role: str = "expert",
    title: str | None = None,
    organization: str | None = None,
    avatar: str | None = None,
) -> str:
    """The YAML file of a new author: required fields filled, optional ones explained."""
    organization_line = (
        f"organization: {scalar(organization)}" if organization else "# organization: Employer"
    )
    avatar_line = f"avatar: {scalar(avatar)}" if avatar else f"# avatar: {author_id}.png"
    fields = [
        (f"name: {scalar(name)}", "as shown on the site"),
        (f"role: {role}", "expert (works here) or guest (invited)"),
        (f"title: {scalar(title or 'Your job title')}", "your job title"),
        (organization_line, "your employer; required for guests"),
        ("bio: |", "two to four sentences about you, in Markdown"),
        ("  Write what you do, what you know most about, and what readers can", None),
        ("  expect from your posts.", None),
        (avatar_line, "a square picture next to this file (png, jpg, webp)"),
        ("topics: []", "what you write about, e.g. [calibration, hiring]"),
        ("spokes: {}", "your social profiles, one per line instead of {}, e.g.:"),
        ("#   linkedin: https://www.linkedin.com/in/your-name", None),
        ("#   mastodon: https://mastodon.social/@your-name", None),
        ("active: true", "false once you no longer write; your posts stay"),
    ]
    header = "# Your author profile: shown on your page and next to your posts.\n"
    return header + _commented(fields) + "\n"


def _commented(fields: Sequence[tuple[str, str | None]]) -> str:
    """YAML lines with their notes lined up as comments."""
    width = max(len(line) for line, note in fields if note) + 2
    return "\n".join(f"{line.ljust(width)}# {note}" if note else line for line, note in fields)


def relative_images(blog_dir: str, post_file: str, images: str = "images") -> str:
    """The path from a post (blog-relative) to the blog's images folder."""
    start = posixpath.dirname(posixpath.join(blog_dir, post_file))
    return posixpath.relpath(posixpath.join(blog_dir, images), start or ".")
