"""What every Hubspoke plugin reads the same way from the MkDocs configuration."""

from __future__ import annotations

from typing import overload

from mkdocs.config.defaults import MkDocsConfig


@overload
def theme_language(config: MkDocsConfig, default: str = "en") -> str: ...
@overload
def theme_language(config: MkDocsConfig, default: None) -> str | None: ...
def theme_language(config: MkDocsConfig, default: str | None = "en") -> str | None:
    """The theme's language (`theme.language` in mkdocs.yml, e.g. "de"), else `default`."""
    return str(config.theme.get("language") or "") or default
