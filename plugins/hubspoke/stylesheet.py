"""Hubspoke's one stylesheet: every section's CSS in a single file, one request per page.

Each section keeps its rules beside its templates (`<section>/assets/*.css`) and names that
file in on_config (`use_theme_files`). The first section to reach on_files writes the
site's `assets/hubspoke/hubspoke.css` from all of them, in the order the sections are listed
in mkdocs.yml; the page links that one file (a page with four stylesheets waits for four
requests before it is drawn). A site's overrides/ can replace the file as any theme file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from hubspoke.hub import hub_of

URI = "assets/hubspoke/hubspoke.css"


def use(config: MkDocsConfig, part: Path) -> None:
    """A section's CSS into the one stylesheet, and that stylesheet into extra_css once."""
    parts = hub_of(config).stylesheet_parts
    if part not in parts:
        parts.append(part)
    if URI not in config.extra_css:
        config.extra_css.append(URI)


def text(parts: list[Path]) -> str:
    """The stylesheet: each part under a comment that says where it comes from."""
    package = Path(__file__).parent
    chunks = []
    for part in parts:
        where = part.relative_to(package).as_posix() if part.is_relative_to(package) else part.name
        chunks.append(f"/* hubspoke/{where} */\n{part.read_text(encoding='utf-8').strip()}\n")
    return "\n".join(chunks)


def place(files: Files, config: MkDocsConfig) -> None:
    """Add the stylesheet to the build's files, once, after every section named its part."""
    parts = hub_of(config).stylesheet_parts
    if parts and files.get_file_from_path(URI) is None:
        files.append(File.generated(config, URI, content=text(parts)))
