"""Read author files, persona pages and posts into the network model.

Each reader takes a file's text (and where it is, as an editor would name it)
and returns model objects, or raises `ContentError` with every problem found.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from .. import dates, text
from ..errors import ContentError, Problem, ProblemList
from ..network import spokes
from ..network.model import Author, Category, Persona, Post
from ..urls import PathFormatError, format_path
from . import validation
from .yamlfile import (
    Document,
    TextFileError,
    decode,
    item_lines,
    parse_mapping,
    split_front_matter,
)


@dataclass(frozen=True)
class Limits:
    """What one post may say: how many tags, categories, authors and personas (mkdocs.yml:
    post_tags_max, post_categories_max; each tag and category makes pages and feeds),
    and which front-matter fields besides those Hubspoke, Material and MkDocs read
    (post_fields_allowed)."""

    tags: int = 20
    categories: int = 10
    authors: int = 10
    personas: int = 10
    extra_fields: tuple[str, ...] = ()


# Front-matter fields that Material for MkDocs, its blog and MkDocs itself read on a page,
# and Hubspoke's media fields; a post's other fields are reported as unknown.
HOST_FIELDS = frozenset(
    {
        "template", "title", "description", "hide", "icon", "status", "subtitle", "search",
        "tags", "social", "comments", "links", "toc_depth", "meta", "audio", "nav_title",
        "image_focus",
    }
)  # fmt: skip


ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
AUTHOR_SUFFIXES = (".yml", ".yaml")


def as_list(value) -> list:
    """A front-matter value as a list: nothing, one text, or a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _checked(kind: str, shown: str, document: Document) -> None:
    problems = validation.validate(kind, shown, document)
    if problems:
        raise ContentError(problems)


# -- authors -----------------------------------------------------------------


def load_authors(directory: Path, shown_dir: str) -> dict[str, Author]:
    """Every author file in `directory`, by id; all problems raised together."""
    problems = ProblemList()
    authors: dict[str, Author] = {}
    if not directory.is_dir():
        raise ContentError([Problem(shown_dir, None, None, "authors folder not found")])
    seen: dict[str, str] = {}
    for path in sorted(directory.iterdir()):
        if path.suffix not in AUTHOR_SUFFIXES or path.name.startswith("."):
            continue
        if path.is_symlink():
            continue  # reported by the intake; never read
        shown = f"{shown_dir}/{path.name}"
        author_id = path.stem
        if author_id in seen:
            problems.add(shown, f"same author id as {seen[author_id]}; keep one of the two files")
            continue
        seen[author_id] = shown
        try:
            authors[author_id] = read_author(author_id, shown, path.read_bytes(), directory)
        except ContentError as error:
            problems.extend(error.problems)
        except TextFileError as error:
            problems.extend([error.problem])
    problems.raise_if_any()
    return authors


def read_author(author_id: str, shown: str, raw: bytes, directory: Path) -> Author:
    """One author from the bytes of `authors/<id>.yml`."""
    if not ID.match(author_id):
        raise ContentError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    "the file name is the author id: use lowercase letters, digits and hyphens, "
                    "e.g. lena-hoffmann.yml",
                )
            ]
        )
    document = parse_mapping(shown, decode(shown, raw))
    if not document.data:
        raise ContentError(
            [Problem(shown, 1, None, "is empty: an author file needs name, role, title and bio")]
        )
    _checked("author", shown, document)
    data = document.data
    avatar = None
    if data.get("avatar"):
        avatar = _avatar_path(directory, data["avatar"], shown, document)
    profiles = []
    problems = ProblemList()
    for network, url in (data.get("spokes") or {}).items():
        try:
            profiles.append(spokes.check(network, url))
        except spokes.SpokeError as error:
            problems.add(shown, str(error), field=f"spokes.{network}", line=document.line("spokes"))
    problems.raise_if_any()
    return Author(
        id=author_id,
        name=data["name"].strip(),
        role=data["role"],
        title=data["title"].strip(),
        bio=data["bio"],
        source=shown,
        organization=(data.get("organization") or "").strip() or None,
        avatar=avatar,
        topics=tuple(data.get("topics") or ()),
        spokes=tuple(profiles),
        active=data.get("active", True),
    )


def _avatar_path(directory: Path, value: str, shown: str, document: Document) -> str:
    root = directory.resolve()
    candidate = (directory / value).resolve()
    line = document.line("avatar")
    if Path(value).is_absolute() or not candidate.is_relative_to(root):
        raise ContentError(
            [Problem(shown, line, "avatar", "must be a file inside the authors folder")]
        )
    if not candidate.is_file():
        raise ContentError(
            [Problem(shown, line, "avatar", f"file {value!r} not found next to the author file")]
        )
    return str(candidate)


# -- personas ----------------------------------------------------------------


def read_persona(
    persona_id: str, source: str, shown: str, raw: bytes, *, extra_fields: tuple[str, ...] = ()
) -> Persona:
    """One persona from the bytes of its page `personas/<id>.md`."""
    if not ID.match(persona_id):
        raise ContentError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    "the file name is the persona id: use lowercase letters, digits and hyphens",
                )
            ]
        )
    document, _, _ = split_front_matter(shown, decode(shown, raw))
    _checked("persona", shown, document)
    data = document.data
    found = ProblemList()
    unknown_fields(
        "persona",
        data,
        extra_fields,
        lambda key, message: found.add(shown, message, field=key, line=document.line(key)),
    )
    found.raise_if_any()
    return Persona(
        id=persona_id,
        name=data["name"].strip(),
        summary=data["summary"].strip(),
        source=source,
        function=data.get("function"),
    )


def unknown_fields(kind: str, data: dict, extra: tuple[str, ...], problem) -> None:
    """A misspelled field is an error at its line (it would be ignored): every field must
    be one that Hubspoke (the schema of `kind`), Material or MkDocs reads, or one the site
    allows."""
    known = validation.fields(kind) | HOST_FIELDS | set(extra)
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problem(
                key,
                f"is not a field Hubspoke, Material or MkDocs reads: {hint}(a site can "
                "allow more with post_fields_allowed of hubspoke/network)",
            )


# -- posts -------------------------------------------------------------------


@dataclass(frozen=True)
class PostNames:
    """What a post that failed to load still names (authors, personas, image...), so its
    references are checked in the same pass as its other problems, not in a second round."""

    source: str
    authors: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    reviewer: str | None = None
    categories: tuple[Category, ...] = ()
    image: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False)


def post_names(source: str, shown: str, raw: bytes) -> PostNames | None:
    """The ids and files a broken post names, read leniently: only values of the right type."""
    try:
        document, _, _ = split_front_matter(shown, decode(shown, raw))
    except TextFileError:
        return None
    data = document.data

    def words(name: str) -> tuple[str, ...]:
        value = data.get(name)
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return tuple(v for v in values if isinstance(v, str) and v.strip())

    def word(name: str) -> str | None:
        value = data.get(name)
        return value if isinstance(value, str) and value.strip() else None

    return PostNames(
        source=source,
        authors=words("authors"),
        personas=words("personas"),
        reviewer=word("reviewer"),
        categories=tuple(
            Category(text.slugify(c), c.strip()) for c in words("categories") if text.slugify(c)
        ),
        image=word("image"),
        lines=dict(document.lines),
    )


def read_post(
    source: str,
    shown: str,
    raw: bytes,
    *,
    timezone: tzinfo,
    url_format: str,
    limits: Limits = Limits(),
) -> Post:
    """One post from the bytes of its Markdown file at docs-relative `source`."""
    document, body, _ = split_front_matter(shown, decode(shown, raw))
    _checked("post", shown, document)
    data = document.data
    problems = ProblemList()

    def problem(field: str, message: str) -> None:
        problems.add(shown, message, field=field, line=document.line(field))

    for name, most, option in (
        ("tags", limits.tags, "post_tags_max"),
        ("categories", limits.categories, "post_categories_max"),
        ("authors", limits.authors, None),
        ("personas", limits.personas, None),
    ):
        count = len(as_list(data.get(name)))
        if count > most:
            where = f" (option {option} of hubspoke/network)" if option else ""
            problem(name, f"has {count:,} entries; at most {most} are allowed{where}")

    unknown_fields("post", data, limits.extra_fields, problem)

    title = (data.get("title") or "").strip() or text.extract_title(body)
    if not title:
        problem("title", "is missing: add 'title: ...' or start the text with a '# Title' line")

    created, updated = _post_dates(data, timezone, problem)
    slug = data.get("slug") or text.slugify(title or "")
    if title and not slug:
        problem("slug", "cannot be made from the title: add 'slug: ...' with letters and digits")

    categories = []
    for name in as_list(data.get("categories")):
        slug_of = text.slugify(name)
        if not slug_of:
            problem("categories", f"category {name!r} has no letters or digits")
        categories.append(Category(slug_of, name.strip()))

    series = (data.get("series") or "").strip() or None
    if series and not text.slugify(series):
        problem("series", f"series {series!r} has no letters or digits")

    path = ""
    if created and slug:
        local = created.astimezone(timezone)
        values = {
            "date": local,
            "slug": slug,
            "category": categories[0].slug if categories else "uncategorized",
            "file": posixpath.splitext(posixpath.basename(source))[0],
            "year": f"{local.year:04d}",
        }
        try:
            path = format_path(url_format, **values)
        except PathFormatError as error:
            problem("slug", f"gives an unusable URL: {error}")
    problems.raise_if_any()
    assert title and created is not None  # a missing one was a problem, raised just above

    return Post(
        source=source,
        title=title,
        date=created,
        slug=slug,
        path=path,
        authors=tuple(as_list(data.get("authors"))),
        updated=updated,
        categories=tuple(categories),
        tags=tuple(t.strip() for t in as_list(data.get("tags"))),
        personas=tuple(as_list(data.get("personas"))),
        description=(data.get("description") or "").strip() or None,
        image=data.get("image"),
        draft=bool(data.get("draft", False)),
        unlisted=bool(data.get("unlisted", False)),
        pin=bool(data.get("pin", False)),
        readtime=data.get("readtime"),
        canonical_url=data.get("canonical_url"),
        reviewer=data.get("reviewer"),
        series=series,
        lines=dict(document.lines),
    )


def _post_dates(
    data: dict, timezone: tzinfo, problem: Callable[[str, str], None]
) -> tuple[datetime | None, datetime | None]:
    raw = data.get("date")
    if raw is None:
        problem("date", "is missing: add 'date: 2025-04-02' (the publication date)")
        return None, None
    created_raw, updated_raw = raw, data.get("updated")
    if isinstance(raw, dict):
        created_raw = raw.get("created")
        updated_raw = updated_raw or raw.get("updated")
    try:
        created = dates.parse(str(created_raw), timezone)
    except dates.DateError as error:
        problem("date", str(error))
        return None, None
    updated = None
    if updated_raw is not None:
        try:
            updated = dates.parse(str(updated_raw), timezone)
        except dates.DateError as error:
            problem("updated", str(error))
        else:
            if updated < created:
                problem("updated", "is before the publication date")
    return created, updated


# -- company spokes ----------------------------------------------------------


def load_company_spokes(shown: str, raw: bytes) -> tuple[str | None, list[spokes.Spoke]]:
    """(company name, official profiles) from the bytes of the spokes file."""
    text_ = decode(shown, raw)
    document = parse_mapping(shown, text_)
    _checked("spokes", shown, document)
    lines = item_lines(text_, "spokes")
    problems = ProblemList()
    found: list[spokes.Spoke] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(document.data.get("spokes") or []):
        line = lines[number] if number < len(lines) else document.line("spokes")
        try:
            spoke = spokes.check(
                item["network"],
                item["url"],
                handle=item.get("handle"),
                purpose=item["purpose"],
                team=item["team"],
            )
        except spokes.SpokeError as error:
            problems.add(shown, str(error), field=f"spokes.{number}.url", line=line)
            continue
        if spoke.url in seen:
            problems.add(
                shown,
                f"same URL as the spoke on line {seen[spoke.url]}; keep one",
                field=f"spokes.{number}.url",
                line=line,
            )
            continue
        seen[spoke.url] = line
        found.append(spoke)
    problems.raise_if_any()
    return document.data.get("company"), found
