"""The assembled network: authors, personas and posts checked against each other.

`Network` answers the questions every output asks: which posts are built,
which are listed, which belong on an author's, persona's or category's page.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from ..content.intake import left_out_message
from ..errors import Problem, ProblemList
from ..labels import ENGLISH, Labels
from ..text import slugify
from ..urls import source_path
from .indexes import IndexPage, ViewSpec, build_indexes
from .model import Author, Category, Persona, Post
from .publication import Visibility, visibility
from .related import related_posts
from .series import Place, Series, build_series, places, reading_order, series_key

DEFAULT_PATHS = {
    "blog": "blog",
    "archive": "blog/archive/{key}",
    "category": "blog/category/{key}",
    "tag": "blog/tag/{key}",
    "author": "authors/{key}",
    "persona": "personas/{key}",
    "series": "blog/series/{key}",
}


@dataclass(frozen=True)
class Settings:
    """The choices that shape a network, taken from the site configuration."""

    clock: datetime
    preview: bool = False
    per_page: int = 10  # cards on the first page of an index
    rows_per_page: int = 100  # compact rows on each later page
    blog_title: str = "Blog"
    paths: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_PATHS))
    categories_allowed: tuple[str, ...] = ()
    labels: Labels = ENGLISH  # titles of index pages and preview banners
    related: int = 3  # related posts shown under each post; 0 shows none


def view_specs(paths: Mapping[str, str], labels: Labels = ENGLISH) -> tuple[ViewSpec, ...]:
    """The table of every index the network produces (titles from the label catalogue)."""
    archive, tagged = labels.form("page.archive"), labels.form("page.tag")
    return (
        ViewSpec("blog", paths["blog"], "{name}", lambda p: ("",), pinned_first=True, attach=True),
        ViewSpec("archive", paths["archive"], archive, lambda p: (p.year,), compact=True),
        ViewSpec("category", paths["category"], "{name}", lambda p: (c.slug for c in p.categories)),
        ViewSpec(
            "tag",
            paths["tag"],
            tagged,
            lambda p: (slugify(t) for t in p.tags),
            compact=True,
        ),
        ViewSpec("author", paths["author"], "{name}", lambda p: p.authors, "hubspoke/author.html"),
        ViewSpec(
            "persona",
            paths["persona"],
            "{name}",
            lambda p: p.personas,
            "hubspoke/persona.html",
            attach=True,
        ),
    )


class Network:
    """Authors, personas and posts of one build, and the publication rule applied."""

    def __init__(
        self,
        authors: Mapping[str, Author],
        personas: Mapping[str, Persona],
        posts: Iterable[Post],
        settings: Settings,
    ):
        self.authors = dict(authors)
        self.personas = dict(personas)
        self.settings = settings
        self.posts = sorted(posts, key=lambda p: (p.date, p.source), reverse=True)
        self._visibility = {
            p.source: visibility(
                p, settings.clock, preview=settings.preview, labels=settings.labels
            )
            for p in self.posts
        }
        # The network does not change during a build: every list is computed once.
        self.built = [p for p in self.posts if self.visibility(p).built]
        self.listed = [p for p in self.posts if self.visibility(p).listed]
        self.syndicated = [p for p in self.posts if self.visibility(p).syndicated]
        self._categories = _first_names(
            ((c.slug, c) for p in reversed(self.listed) for c in p.categories), sort=True
        )
        self._tags = _first_names(
            ((slugify(t), t) for p in reversed(self.listed) for t in p.tags), sort=False
        )
        # Series and related posts are of published posts only (never a draft or scheduled
        # post, not even in a preview that lists them), each computed once.
        self.published = [p for p in self.posts if self.visibility(p).indexed]
        self.series: dict[str, Series] = build_series(self.published)
        self._places: dict[str, Place] = places(self.series.values())
        self._related: dict[str, tuple[Post, ...]] | None = None

    def visibility(self, post: Post) -> Visibility:
        return self._visibility[post.source]

    def place_in_series(self, post: Post) -> Place | None:
        """The post's part number in its series, if it is a published part of one."""
        return self._places.get(post.source)

    def related(self, post: Post) -> tuple[Post, ...]:
        """Up to `settings.related` published posts that share the most with `post`."""
        if self._related is None:
            self._related = related_posts(self.built, self.published, limit=self.settings.related)
        return self._related.get(post.source, ())

    def categories(self) -> dict[str, Category]:
        """Categories of listed posts by slug, named as first written."""
        return dict(self._categories)

    def tags(self) -> dict[str, str]:
        """Tags of listed posts by slug, named as first written."""
        return dict(self._tags)

    def names(self) -> dict[str, dict[str, str]]:
        """Display names per view kind; authors, personas and the blog always get a page."""
        return {
            "blog": {"": self.settings.blog_title},
            "author": {a.id: a.name for a in self.authors.values()},
            "persona": {p.id: p.name for p in self.personas.values()},
            "category": {slug: c.name for slug, c in self.categories().items()},
            "tag": self.tags(),
        }

    def index_pages(self) -> list[IndexPage]:
        """Every index page of the site, from the view table, then the series pages."""
        numbered = self.settings.labels.form("page.numbered")
        pages = build_indexes(
            self.listed,
            view_specs(self.settings.paths, self.settings.labels),
            self.names(),
            per_page=self.settings.per_page,
            rows_per_page=self.settings.rows_per_page,
            numbered=numbered,
        )
        return pages + self.series_pages()

    def series_pages(self) -> list[IndexPage]:
        """One page per series, its parts oldest first (the order they are read in)."""
        if not self.series:
            return []
        spec = ViewSpec(
            "series",
            self.settings.paths.get("series", DEFAULT_PATHS["series"]),
            self.settings.labels.form("page.series"),
            lambda p: (key,) if (key := series_key(p)) else (),
            compact=True,
        )
        names = {"series": {key: one.name for key, one in self.series.items()}}
        members = sorted((p for one in self.series.values() for p in one.posts), key=reading_order)
        return build_indexes(members, (spec,), names, per_page=0)

    def posts_for(self, kind: str, key: str) -> list[Post]:
        """Listed posts that belong on the index `kind`/`key`, newest first."""
        spec = next(s for s in view_specs(self.settings.paths) if s.kind == kind)
        return [p for p in self.listed if key in set(spec.keys(p))]


def _first_names(pairs, *, sort: bool) -> dict:
    found: dict = {}
    for key, value in pairs:
        found.setdefault(key, value)
    return dict(sorted(found.items())) if sort else found


def check_references(
    posts: Iterable[Post],
    authors: Mapping[str, object],  # the known ids (a file that failed to read is known)
    personas: Mapping[str, object],
    *,
    shown: Mapping[str, str],
    files: set[str] | None = None,
    categories_allowed: Iterable[str] = (),
    docs_label: str = "content",
    broken: Iterable = (),
    left_out: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Problems between files: unknown ids, duplicate URLs, missing images.

    `shown` maps a post's source to the path an editor knows it by; `files`
    (docs-relative) enables the check that a post's `image` exists. `broken`
    are the names (`loaders.PostNames`) of posts that failed to load: their ids
    and image are checked too, so one pass reports every problem of a file.
    `left_out` are the persona ids and docs-relative files that exist but that
    mkdocs.yml leaves out of the site (exclude_docs), by the path an editor knows.
    """
    left_out = left_out or {}
    problems = ProblemList()
    allowed = {slugify(c): c for c in categories_allowed}
    by_path: dict[str, Post] = {}
    names: dict[tuple[str, str], tuple[str, str]] = {}  # (kind, slug) -> (name, where)
    posts = list(posts)
    for post in [*posts, *broken]:
        where = shown.get(post.source, post.source)

        def problem(field_name: str, message: str, where=where, post=post) -> None:
            problems.add(where, message, field=field_name, line=post.lines.get(field_name))

        if not post.authors and isinstance(post, Post):
            problem("authors", "is missing: name at least one author id from authors/")
        for author_id in post.authors:
            if author_id not in authors:
                problem("authors", unknown_id("author", author_id, authors, "authors/<id>.yml"))
        for persona_id in post.personas:
            if persona_id in personas:
                continue
            if f"persona:{persona_id}" in left_out:
                problem("personas", left_out_message(left_out[f"persona:{persona_id}"]))
                continue
            problem(
                "personas",
                unknown_id("persona", persona_id, personas, "content/personas/<id>.md"),
            )
        if post.reviewer and post.reviewer not in authors:
            problem("reviewer", unknown_id("author", post.reviewer, authors, "authors/<id>.yml"))
        if allowed:
            for category in post.categories:
                if category.slug not in allowed:
                    problem(
                        "categories",
                        f"{category.name!r} is not an allowed category; use one of "
                        + ", ".join(sorted(allowed.values())),
                    )
        if post.image and files is not None:
            message = _image_problem(post.source, post.image, files, docs_label, left_out)
            if message:
                problem("image", message)
    for post in posts:
        where = shown.get(post.source, post.source)
        words = [("categories", c.slug, c.name) for c in post.categories]
        words += [("tags", slugify(t), t) for t in post.tags]
        if post.series:
            words.append(("series", slugify(post.series), post.series))
        for field_name, slug, name in words:
            first, first_where = names.setdefault((field_name, slug), (name, where))
            if _same_words(first) != _same_words(name):
                problems.add(
                    where,
                    f"{name!r} and {first!r} (in {first_where}) would share the page '{slug}': "
                    "write them the same way or rename one",
                    field=field_name,
                    line=post.lines.get(field_name),
                )
        if post.path in by_path:
            other = by_path[post.path]
            problems.add(
                where,
                f"same URL '{post.path}/' as {shown.get(other.source, other.source)}; "
                "give one of them another 'slug'",
                field="slug",
                line=post.lines.get("slug"),
            )
        else:
            by_path[post.path] = post
    return problems.items


def _same_words(name: str) -> str:
    """A name with case, spaces and hyphens ignored: 'How-to' and 'how to' are one."""
    return "".join(ch for ch in name.lower() if ch not in " -_")


def unknown_id(kind: str, value: str, known: Mapping[str, object], where: str) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"add {where} or fix the id"
    return f"unknown {kind} id '{value}': {hint}"


def _image_problem(
    source: str, image: str, files: set[str], docs_label: str, left_out: Mapping[str, str]
) -> str | None:
    if "://" in image:
        return None if image.startswith("https://") else "must be a relative path or https URL"
    if image.startswith("/"):
        return "must be a path relative to the post file, not an absolute path"
    resolved = source_path(source, image)
    if resolved.startswith("../") or resolved == "..":
        return "points outside the content folder"
    if resolved in left_out:
        return left_out_message(left_out[resolved])
    if resolved not in files:
        return f"file {image!r} not found (looked for {docs_label}/{resolved})"
    return None
