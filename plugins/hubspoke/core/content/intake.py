"""Every file a pull request can bring, listed once, before anything reads it.

The content folder, the authors folder, the theme overrides and the spokes file
are walked without following links. A symbolic link is an error naming the link
and its target (a site may allow links that stay inside the repository), so no
file from the build machine is ever read or published. Each content file gets a
kind from one table; types a browser can run as script on the hub's origin
(HTML, JavaScript, CSS, JSON, XML, SVG...) and unknown types are errors unless
a path pattern in mkdocs.yml allows them. Every problem of every file is
collected in one pass; the build and `hubspoke check` both call `scan`.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem

MARKDOWN = "markdown"
SCRIPTABLE = "scriptable"

# The file types a page may carry, by suffix (lowercase). Anything else is refused.
KINDS: dict[str, str] = {
    **dict.fromkeys((".md", ".markdown", ".mdown", ".mkdn", ".mkd"), MARKDOWN),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff"),
        "image",
    ),
    **dict.fromkeys(
        (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac"), "audio"
    ),
    **dict.fromkeys((".mp4", ".m4v", ".webm", ".ogv", ".mov"), "video"),
    **dict.fromkeys((".vtt", ".srt"), "captions"),
    **dict.fromkeys((".pdf", ".epub"), "document"),
    **dict.fromkeys((".woff", ".woff2", ".ttf", ".otf"), "font"),
    **dict.fromkeys((".txt", ".csv", ".tsv"), "text"),
    **dict.fromkeys((".zip", ".gz", ".tgz"), "archive"),
    # Files a browser may run as script, or that steer one, on the hub's own origin.
    **dict.fromkeys(
        (
            ".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".cjs", ".css", ".json",
            ".jsonld", ".webmanifest", ".map", ".xml", ".xsl", ".xslt", ".rss", ".atom",
            ".svg", ".svgz", ".wasm", ".swf", ".php", ".htaccess",
        ),
        SCRIPTABLE,
    ),
}  # fmt: skip
# Files with no suffix that hosts read (GitHub Pages' custom domain).
NAMED = {"CNAME": "text"}
ALLOWED_SUMMARY = "images, audio, video, captions, PDF, fonts, text, CSV and archives"


@dataclass(frozen=True)
class FileRules:
    """What a site lets its content folder carry (from mkdocs.yml)."""

    # Docs-relative path patterns (fnmatch, `*` crosses folders) where any type may be.
    allowed: tuple[str, ...] = ()
    # "refuse" every symbolic link, or allow those that resolve "inside" the repository.
    symlinks: str = "refuse"
    option: str = "hubspoke/network"


@dataclass
class Intake:
    """The regular files of the content folder (docs-relative, sorted) and every problem."""

    files: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # left out of the site, not read


def left_out_message(shown: str) -> str:
    """The message for a file that exists but that the site leaves out (`Intake.excluded`)."""
    return (
        f"{shown} is left out of the site (exclude_docs in mkdocs.yml, or a name that "
        "starts with a dot): publish it, or name another file"
    )


def kind_of(path: str) -> str | None:
    """The kind of a file by its name, or None for a type the table does not know."""
    name = path.rsplit("/", 1)[-1]
    if name in NAMED:
        return NAMED[name]
    suffix = os.path.splitext(name)[1].lower()
    if not suffix and name.startswith("."):
        suffix = name.lower()
    return KINDS.get(suffix)


def scan(
    root: Path,
    docs_dir: Path,
    *,
    rules: FileRules = FileRules(),
    also: Iterable[Path] = (),
    single: Iterable[Path] = (),
    excluded: Callable[[str], bool] = lambda path: False,
) -> Intake:
    """List the content folder and check the other folders (`also`) and files (`single`).

    `root` is the repository (the folder of mkdocs.yml); `excluded` says which
    docs-relative paths MkDocs leaves out of the site (they are not type-checked).
    """
    intake = Intake()
    shown = _Shown(root)
    if docs_dir.is_dir():
        for relative, path in _walk(docs_dir, root, rules, shown, intake.problems):
            if excluded(relative):
                intake.excluded.append(relative)
                continue
            kind = kind_of(relative)
            intake.files.append(relative)
            intake.kinds[relative] = kind or "unknown"
            if kind not in (None, SCRIPTABLE) or _allowed(relative, rules):
                continue
            intake.problems.append(
                Problem(shown(path), None, None, _type_message(relative, kind, rules))
            )
    for folder in also:
        if folder.is_dir() and not _inside(folder, docs_dir):
            for _ in _walk(folder, root, rules, shown, intake.problems):
                pass
    for path in single:
        if path.is_symlink():
            _link_problem(path, root, rules, shown, intake.problems)
    intake.files.sort()
    return intake


def _walk(top: Path, root: Path, rules: FileRules, shown, problems: list[Problem], seen=None):
    """(relative path, path) of every regular file under `top`; links are never followed
    unless the rules allow links inside the repository (each folder is then walked once)."""
    seen = set() if seen is None else seen
    if top.is_symlink() and _link_problem(top, root, rules, shown, problems):
        return
    for current, folders, names in os.walk(top, followlinks=False):
        base = Path(current)
        real = base.resolve()
        if real in seen:
            folders.clear()
            continue
        seen.add(real)
        folders.sort()
        for name in list(folders):
            path = base / name
            if path.is_symlink():
                folders.remove(name)
                if _link_problem(path, root, rules, shown, problems):
                    continue
                if _inside(base, path.resolve()):
                    problems.append(
                        Problem(
                            shown(path),
                            None,
                            None,
                            "is a symbolic link to a folder that contains it (a loop): remove it",
                        )
                    )
                else:
                    for relative, inner in _walk(path, root, rules, shown, problems, seen):
                        yield f"{path.relative_to(top).as_posix()}/{relative}", inner
        for name in sorted(names):
            path = base / name
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue
            if stat.S_ISLNK(mode):
                if not _link_problem(path, root, rules, shown, problems):
                    yield path.relative_to(top).as_posix(), path
                continue
            if not stat.S_ISREG(mode):
                problems.append(
                    Problem(
                        shown(path),
                        None,
                        None,
                        "is not a regular file (a pipe, socket or device): remove it",
                    )
                )
                continue
            yield path.relative_to(top).as_posix(), path


def _link_problem(path: Path, root: Path, rules: FileRules, shown, problems: list[Problem]) -> bool:
    """Report a symbolic link unless the rules allow it; True when it was reported."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    inside = _in_repository(path, root)
    if rules.symlinks == "inside" and inside:
        return False
    if inside:
        fix = (
            "commit the file itself instead of a link, or allow links that stay inside "
            f"the repository with `content_symlinks: inside` ({rules.option})"
        )
    else:
        fix = "it points outside the repository; commit the file itself instead of a link"
    problems.append(Problem(shown(path), None, None, f"is a symbolic link to {target!r}: {fix}"))
    return True


def _in_repository(link: Path, root: Path) -> bool:
    """Whether a link resolves to an existing file inside the repository, outside .git."""
    try:
        resolved = link.resolve(strict=True)
        parts = resolved.relative_to(root.resolve()).parts
    except (ValueError, OSError, RuntimeError):
        return False
    return ".git" not in parts


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _allowed(relative: str, rules: FileRules) -> bool:
    return any(fnmatch.fnmatchcase(relative, pattern) for pattern in rules.allowed)


def _type_message(relative: str, kind: str | None, rules: FileRules) -> str:
    allow = f"or allow its path with `content_files_allowed: [{relative!r}]` ({rules.option})"
    if kind == SCRIPTABLE:
        suffix = os.path.splitext(relative)[1] or relative.rsplit("/", 1)[-1]
        return (
            f"{suffix} files can run script on the hub's site and are not published from the "
            f"content: write the page in Markdown, put theme files in overrides/, {allow}"
        )
    return f"this type of file is not one a page may carry ({ALLOWED_SUMMARY}): remove it, {allow}"


class _Shown:
    """A path as an editor knows it: relative to the repository, links not resolved."""

    def __init__(self, root: Path):
        self.root = Path(os.path.abspath(root))

    def __call__(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()
