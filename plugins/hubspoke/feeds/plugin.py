"""The `hubspoke/feeds` plugin (work in progress: does nothing yet)."""

from mkdocs.plugins import BasePlugin

from .config import FeedsConfig


class FeedsPlugin(BasePlugin[FeedsConfig]):
    """Placeholder until the feeds capability lands."""
