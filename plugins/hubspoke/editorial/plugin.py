"""The `hubspoke/editorial` plugin (work in progress: does nothing yet)."""

from mkdocs.plugins import BasePlugin

from .config import EditorialConfig


class EditorialPlugin(BasePlugin[EditorialConfig]):
    """Placeholder until the editorial capability lands."""
