"""What every Hubspoke plugin reads the same way from the MkDocs configuration."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def theme_language(config: MkDocsConfig, default: str | None = "en") -> str | None:
    """The theme's language (`theme.language` in mkdocs.yml, e.g. "de"), else `default`."""
    return str(config.theme.get("language") or "") or default
