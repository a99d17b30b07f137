"""Read a whole site's content from disk: the one reader of the build and of `hubspoke check`.

Every file is listed once by the intake (links never followed), and every author,
persona, post, event page, audio field and the spokes file is read once, here: the
network plugin takes the result in on_config (and MkDocs renders those pages from
the texts kept here), `hubspoke check` prints it. Every problem of every file
is collected (a broken author file does not hide the problems of the posts, a
bad date does not hide the same post's unknown persona), and the files' texts
are kept for the editorial policy, which never reads a file again.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from ..editorial.policy import SourceText
from ..errors import ContentError, Problem, shown_path
from ..media import audio as core_audio
from ..media import events as core_events
from ..network.assembly import Network, Settings, check_references
from ..network.model import Author, Persona, Post
from ..network.spokes import Spoke
from . import loaders
from .intake import FileRules, Intake, scan
from .yamlfile import (
    FRONT_MATTER,
    MAX_TEXT_BYTES,
    TextFileError,
    decode,
    newlines,
    parse_mapping,
)

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
SECTION_PAGES = ("index.md", "README.md")


def hidden(path: str) -> bool:
    """MkDocs' default: files and folders whose name starts with a dot are not content."""
    return any(part.startswith(".") for part in path.split("/"))


@dataclass(frozen=True)
class SiteLayout:
    """Where a site's content is and how it is read (from mkdocs.yml and plugin options)."""

    root: Path
    docs_dir: Path
    authors_dir: Path
    blog_dir: str = "blog"
    personas_dir: str = "personas"
    timezone: tzinfo = UTC
    post_url_format: str = "blog/{date:%Y/%m/%d}/{slug}"
    categories_allowed: tuple[str, ...] = ()
    directory_urls: bool = True
    site_url: str | None = None
    excluded: Callable[[str], bool] = hidden
    file_rules: FileRules = FileRules()
    limits: loaders.Limits = loaders.Limits()
    spokes_file: Path | None = None
    spokes_required: bool = False  # named in mkdocs.yml, so it must exist
    # Folders checked for links besides docs and authors (the theme overrides).
    other_dirs: tuple[Path, ...] = ()
    # The media plugin's content: posts' `audio` fields, and event pages in events_dir.
    audio: bool = False
    audio_shows: tuple[str, ...] = ()  # the podcast shows' keys; none: the one default show
    events_dir: str | None = None
    events_timezone: tzinfo | None = None

    def shown(self, path: Path) -> str:
        """A path as an editor knows it: relative to the folder of mkdocs.yml."""
        return shown_path(path, self.root)

    def scan(self) -> Intake:
        """Every file of the content, authors and overrides, listed once, links not followed."""
        return scan(
            self.root,
            self.docs_dir,
            rules=self.file_rules,
            also=(self.authors_dir, *self.other_dirs),
            single=(self.spokes_file,) if self.spokes_file else (),
            excluded=self.excluded,
        )

    def post_sources(self, files: list[str]) -> list[str]:
        blog = self.blog_dir.strip("/") + "/"
        skip = {blog + name for name in SECTION_PAGES}
        return [
            f
            for f in files
            if f.startswith(blog) and f.endswith(MARKDOWN_SUFFIXES) and f not in skip
        ]

    def persona_sources(self, files: list[str]) -> list[str]:
        folder = self.personas_dir.strip("/")
        return [
            f
            for f in files
            if posixpath.dirname(f) == folder
            and f.endswith(MARKDOWN_SUFFIXES)
            and posixpath.basename(f) not in SECTION_PAGES
        ]

    def event_sources(self, files: list[str]) -> list[str]:
        if self.events_dir is None:
            return []
        folder = self.events_dir.strip("/") + "/"
        return [
            f
            for f in files
            if f.startswith(folder)
            and f.endswith(MARKDOWN_SUFFIXES)
            and posixpath.basename(f) not in SECTION_PAGES
        ]


@dataclass
class LoadedSite:
    """The network of the readable files, every problem found, and the files' texts."""

    layout: SiteLayout
    network: Network
    intake: Intake
    problems: list[Problem] = field(default_factory=list)
    posts: dict[str, SourceText] = field(default_factory=dict)
    authors: dict[str, SourceText] = field(default_factory=dict)
    personas: dict[str, SourceText] = field(default_factory=dict)
    company: str | None = None  # the name in the spokes file, if it gives one
    company_spokes: list[Spoke] = field(default_factory=list)
    audio: dict[str, core_audio.Audio] = field(default_factory=dict)  # by post source
    events: list[core_events.Event] = field(default_factory=list)
    # The text of every page read (posts, personas, events) by docs-relative source:
    # MkDocs renders these pages from it instead of reading their files again.
    pages: dict[str, str] = field(default_factory=dict)

    def shown(self) -> dict[str, str]:
        """Each post's source as the editor knows the file."""
        return {src: text.shown for src, text in self.posts.items()}


def load_site(
    layout: SiteLayout, clock: datetime | None = None, *, settings: Settings | None = None
) -> LoadedSite:
    """Read every author, persona and post; collect every problem instead of stopping.

    The network is built with `settings` (the build's), else with `clock` alone."""
    if settings is None:
        if clock is None:
            raise TypeError("load_site needs a clock or settings")
        settings = Settings(clock=clock, categories_allowed=layout.categories_allowed)
    intake = layout.scan()
    problems: list[Problem] = list(intake.problems)
    company, company_spokes = _read_spokes(layout, problems)
    authors, author_texts, broken_authors = _read_authors(layout, problems)
    files = intake.files
    pages: dict[str, str] = {}
    personas: dict[str, Persona] = {}
    persona_texts: dict[str, SourceText] = {}
    broken_personas: set[str] = set()
    for src in layout.persona_sources(files):
        persona_id = posixpath.splitext(posixpath.basename(src))[0]
        raw, shown = _read(layout, src, problems)
        if raw is None:
            broken_personas.add(persona_id)
            continue
        persona_texts[persona_id] = SourceText(shown, _text(raw))
        pages[src] = persona_texts[persona_id].text
        try:
            personas[persona_id] = loaders.read_persona(
                persona_id, src, shown, raw, extra_fields=layout.limits.extra_fields
            )
        except ContentError as error:
            problems.extend(error.problems)
            broken_personas.add(persona_id)
        except TextFileError as error:
            problems.append(error.problem)
            broken_personas.add(persona_id)
            pages[src] = _without_front_matter(pages[src])

    posts: list[Post] = []
    audio: dict[str, core_audio.Audio] = {}
    broken_posts: list[loaders.PostNames] = []
    post_texts: dict[str, SourceText] = {}
    for src in layout.post_sources(files):
        raw, shown = _read(layout, src, problems)
        if raw is None:
            continue
        post_texts[src] = SourceText(shown, _text(raw))
        pages[src] = post_texts[src].text
        if layout.audio:
            _read_audio(src, shown, raw, audio, problems)
        try:
            posts.append(
                loaders.read_post(
                    src,
                    shown,
                    raw,
                    timezone=layout.timezone,
                    url_format=layout.post_url_format,
                    limits=layout.limits,
                )
            )
        except ContentError as error:
            problems.extend(error.problems)
            names = loaders.post_names(src, shown, raw)
            if names is not None:
                broken_posts.append(names)
        except TextFileError as error:
            problems.append(error.problem)
            pages[src] = _without_front_matter(pages[src])

    # Files that failed to read still exist: a post naming them is not "unknown".
    known_authors = {**authors, **dict.fromkeys(broken_authors)}
    left_out = _left_out(layout, intake.excluded)
    known_personas = {**personas, **dict.fromkeys(broken_personas)}
    problems.extend(
        check_references(
            posts,
            known_authors,
            known_personas,
            shown={src: text.shown for src, text in post_texts.items()},
            files=set(files),
            categories_allowed=layout.categories_allowed,
            docs_label=layout.shown(layout.docs_dir),
            broken=broken_posts,
            left_out=left_out,
        )
    )
    audio = _settle_audio(layout, audio, set(files), problems, set(intake.excluded))
    events = _read_events(layout, files, problems, pages)
    _read_other_pages(layout, files, problems, pages)
    problems.extend(
        core_events.check_references(
            events, known_authors, known_personas, set(layout.post_sources(files)), left_out
        )
    )
    network = Network(authors, personas, posts, settings)
    return LoadedSite(
        layout,
        network,
        intake,
        problems,
        post_texts,
        author_texts,
        persona_texts,
        company=company,
        company_spokes=company_spokes,
        audio=audio,
        events=events,
        pages=pages,
    )


def _left_out(layout: SiteLayout, excluded: list[str]) -> dict[str, str]:
    """Files the site leaves out, and persona ids whose page it leaves out, as shown."""
    found = {path: layout.shown(layout.docs_dir / path) for path in excluded}
    for src in layout.persona_sources(excluded):
        persona_id = posixpath.splitext(posixpath.basename(src))[0]
        found[f"persona:{persona_id}"] = found[src]
    return found


def _read_audio(src: str, shown: str, raw: bytes, found: dict, problems: list[Problem]) -> None:
    """A post's `audio` field, checked whether or not the rest of the post is valid."""
    if b"audio" not in raw:
        return
    try:
        audio = core_audio.read_audio(src, shown, raw)
    except ContentError as error:
        problems.extend(error.problems)
    except TextFileError:
        pass  # the post's own reading reports a file that is not text or front matter
    else:
        if audio is not None:
            found[src] = audio


def _read_other_pages(
    layout: SiteLayout, files: list[str], problems: list[Problem], pages: dict[str, str]
) -> None:
    """Every other Markdown page (home, about, section indexes…): text within the limits,
    front matter without YAML's dangerous parts. MkDocs ignores front matter it cannot
    read and renders it as text; here it is a problem at its line."""
    read = {
        *layout.post_sources(files),
        *layout.persona_sources(files),
        *layout.event_sources(files),
    }
    for src in files:
        if src in read or not src.endswith(MARKDOWN_SUFFIXES):
            continue
        raw, shown = _read(layout, src, problems)
        if raw is None:
            continue
        try:
            text = decode(shown, raw)
        except TextFileError as error:
            problems.append(error.problem)
            pages[src] = _without_front_matter(_text(raw))
            continue
        pages[src] = text
        match = FRONT_MATTER.match(text)  # no closing line: a rule, not front matter
        if match:
            try:
                parse_mapping(shown, match.group(1) or "", first_line=2)
            except TextFileError as error:
                problems.append(error.problem)
                pages[src] = _without_front_matter(text)


def _settle_audio(
    layout: SiteLayout, read: dict, files: set[str], problems: list[Problem], left_out: set[str]
) -> dict[str, core_audio.Audio]:
    """Each audio's show and file, checked: a page's files are never audio."""
    audio_files = {f for f in files if not f.endswith(MARKDOWN_SUFFIXES)}
    settled = {}
    for src, audio in read.items():
        try:
            found, wrong = core_audio.settled(
                audio,
                layout.audio_shows,
                audio_files,
                layout.docs_dir,
                lambda path: layout.shown(layout.docs_dir / path),
                left_out,
            )
        except OSError as error:
            shown = layout.shown(layout.docs_dir / audio.path)
            problems.append(Problem(shown, None, None, f"cannot be read: {error.strerror}"))
            continue
        problems.extend(wrong)
        if found is not None:
            settled[src] = found
    return settled


def _read_events(
    layout: SiteLayout, files: list[str], problems: list[Problem], pages: dict[str, str]
) -> list[core_events.Event]:
    events = []
    for src in layout.event_sources(files):
        raw, shown = _read(layout, src, problems)
        if raw is None:
            continue
        pages[src] = _text(raw)
        try:
            events.append(
                core_events.read_event(src, shown, raw, timezone=layout.events_timezone or UTC)
            )
        except ContentError as error:
            problems.extend(error.problems)
        except TextFileError as error:
            problems.append(error.problem)
            pages[src] = _without_front_matter(pages[src])
    return events


def _read_spokes(layout: SiteLayout, problems: list[Problem]) -> tuple[str | None, list[Spoke]]:
    """The company's name and spokes from the spokes file (links were reported)."""
    path = layout.spokes_file
    if path is None or path.is_symlink():
        return None, []
    shown = layout.shown(path)
    if not path.is_file():
        if layout.spokes_required:
            problems.append(Problem(shown, None, None, "spokes file not found (hub_spokes_file)"))
        return None, []
    try:
        return loaders.load_company_spokes(shown, _bounded(path))
    except ContentError as error:
        problems.extend(error.problems)
    except TextFileError as error:
        problems.append(error.problem)
    return None, []


def _read_authors(layout: SiteLayout, problems: list[Problem]):
    authors: dict[str, Author] = {}
    texts: dict[str, SourceText] = {}
    broken: set[str] = set()
    if layout.authors_dir.is_symlink():
        return authors, texts, broken  # reported by the intake; never followed
    directory = layout.authors_dir.resolve()
    if not directory.is_dir():
        problems.append(Problem(layout.shown(directory), None, None, "authors folder not found"))
        return authors, texts, broken
    for path in sorted(directory.iterdir()):
        if path.suffix not in loaders.AUTHOR_SUFFIXES or path.name.startswith("."):
            continue
        if path.is_symlink():
            continue  # reported by the intake; never read
        shown = layout.shown(path)
        author_id = path.stem
        if author_id in texts:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"same author id as {texts[author_id].shown}; keep one of the two files",
                )
            )
            continue
        try:
            raw = _bounded(path)
        except OSError as error:
            problems.append(Problem(shown, None, None, f"cannot be read: {error.strerror}"))
            broken.add(author_id)
            continue
        texts[author_id] = SourceText(shown, _text(raw))
        try:
            authors[author_id] = loaders.read_author(author_id, shown, raw, directory)
        except ContentError as error:
            problems.extend(error.problems)
            broken.add(author_id)
        except TextFileError as error:
            problems.append(error.problem)
            broken.add(author_id)
    return authors, texts, broken


def _read(layout: SiteLayout, src: str, problems: list[Problem]) -> tuple[bytes | None, str]:
    path = layout.docs_dir / src
    shown = layout.shown(path)
    try:
        return _bounded(path), shown
    except OSError as error:
        problems.append(Problem(shown, None, None, f"cannot be read: {error.strerror}"))
        return None, shown


def _bounded(path: Path) -> bytes:
    """A text file's bytes, never more than one byte over the text limit: a file that is
    too large is refused by `yamlfile.decode` without being read into memory whole."""
    with path.open("rb") as handle:
        return handle.read(MAX_TEXT_BYTES + 1)


def _without_front_matter(text: str) -> str:
    """A page whose front matter was refused, as `hubspoke check`'s trial renders it: the
    front matter blanked (MkDocs would parse it without Hubspoke's limits), lines kept."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    return "\n" * text.count("\n", 0, match.end()) + text[match.end() :]


def _text(raw: bytes) -> str:
    """The text the policy reads and MkDocs renders, with line ends read as MkDocs reads
    them (universal newlines); empty for a file over the limit (refused anyway)."""
    if len(raw) > MAX_TEXT_BYTES:
        return ""
    return newlines(raw.decode("utf-8-sig", errors="replace"))
