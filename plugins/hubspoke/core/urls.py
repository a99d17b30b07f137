"""Page paths from format strings, and how a path becomes a file and a URL.

A page's *path* is a URL stem without slashes at either end, such as
`blog/2025/04/02/how-we-calibrate` or `authors/lena-hoffmann`. Where the
file goes and what its URL is depends on MkDocs' `use_directory_urls`.
"""

from __future__ import annotations

import posixpath
import re
import string
from datetime import datetime

_SEGMENT = re.compile(r"^[\w][\w.-]*$")


class PathFormatError(ValueError):
    """A URL format with an unknown placeholder or that yields an unsafe path."""


def format_path(fmt: str, **values) -> str:
    """Fill a path format (`blog/{date:%Y/%m/%d}/{slug}`) and check the result is safe."""
    try:
        filled = fmt.format_map(_Strict(values))
    except (KeyError, ValueError, AttributeError, IndexError) as error:
        raise PathFormatError(f"cannot fill {fmt!r}: {error}") from None
    return clean_path(filled)


def placeholders(fmt: str) -> set[str]:
    """The names used in a format string."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(fmt) if name}
    except ValueError as error:
        raise PathFormatError(f"{fmt!r} is not a valid format: {error}") from None


def folder_of_format(fmt: str) -> str | None:
    """The folder that holds every page of a per-key format (`blog/tag/{key}` gives
    `blog/tag`), where its overview goes; None when the key is not the last segment or
    the folder has placeholders of its own (no one folder holds them all)."""
    folder, slash, last = fmt.strip("/").rpartition("/")
    if not slash or last != "{key}" or placeholders(folder):
        return None
    return clean_path(folder)


def clean_path(path: str) -> str:
    """A relative path of safe segments: no '..', no empty or hidden segments."""
    stripped = path.strip().strip("/")
    segments = stripped.split("/") if stripped else []
    for segment in segments:
        if not _SEGMENT.match(segment) or segment.startswith("."):
            raise PathFormatError(f"{path!r} has an unsafe part {segment!r}")
    return "/".join(segments)


def site_base(site_url: str | None) -> str:
    """The site URL as a base for joining, ending with one slash ('' without a site URL)."""
    return site_url.rstrip("/") + "/" if site_url else ""


def page_url(path: str, directory_urls: bool) -> str:
    """The site-relative URL of a page at `path` (as MkDocs gives `path.md`)."""
    if not path:
        return "./" if directory_urls else "index.html"
    return f"{path}/" if directory_urls else f"{path}.html"


def page_dest(path: str, directory_urls: bool) -> str:
    """The output file of a page at `path` (as MkDocs writes `path.md`)."""
    if not path:
        return "index.html"
    return f"{path}/index.html" if directory_urls else f"{path}.html"


def generated_source(path: str, *, section_index: bool = False) -> str:
    """The virtual source file of a generated page at `path`.

    Only a section's own page (blog home, overviews) is an `index.md`; Material
    treats such a page as the page of its navigation section.
    """
    if not path:
        return "index.md"
    return f"{path}/index.md" if section_index else f"{path}.md"


def source_candidates(path: str) -> tuple[str, ...]:
    """Source files that would be published at `path`."""
    if not path:
        return ("index.md", "README.md")
    return (f"{path}.md", f"{path}/index.md", f"{path}/README.md")


def folder_of(base: str) -> str:
    """The directory part of a site-relative page URL ('' for the site root)."""
    if base in ("", ".", "./"):
        return ""
    if base.endswith("/"):
        return base
    parent = posixpath.dirname(base)
    return parent + "/" if parent else ""


def relative_url(target: str, base: str) -> str:
    """URL of site-relative `target` as seen from the page at site-relative `base` URL."""
    if target.startswith(("/", "#")) or "://" in target:
        return target
    target_path, hash_sign, fragment = target.partition("#")
    relative = _relpath(target_path or ".", folder_of(base).rstrip("/") or ".")
    if relative == ".":
        relative = "./"
    elif target_path in ("", "./") or target_path.endswith("/"):
        relative += "/"
    return relative + hash_sign + fragment


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for two site-relative paths, without its trips through the
    working directory (it is called for every URL of every page)."""
    to = [part for part in posixpath.normpath(path).split("/") if part != "."]
    here = [part for part in posixpath.normpath(start).split("/") if part != "."]
    if ".." in to or ".." in here:
        return posixpath.relpath(path, start)  # a path above the site root: rare
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def source_path(source: str, ref: str) -> str:
    """The docs-relative path of `ref`, a file path written in the source file `source`."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), ref))


def resolve(url: str, base: str) -> str:
    """Site-relative URL of a (possibly relative) `url` found on the page at `base`."""
    if url.startswith("/") or "://" in url or url.startswith(("mailto:", "tel:", "data:")):
        return url
    if url.startswith("#"):
        return base + url
    path, hash_sign, fragment = url.partition("#")
    if not path:
        return base + hash_sign + fragment
    joined = posixpath.normpath(posixpath.join(folder_of(base), path))
    if joined == ".":
        joined = ""
    elif path.endswith("/"):
        joined += "/"
    return joined + hash_sign + fragment


class _Strict(dict):
    def __missing__(self, key):
        raise KeyError(f"unknown placeholder {{{key}}}")


def sample_post_values() -> dict:
    """Placeholder values used to check a post URL format at configuration time."""
    return {
        "date": datetime(2025, 1, 31, 9, 30),
        "slug": "sample",
        "category": "engineering",
        "file": "sample",
        "year": "2025",
    }
