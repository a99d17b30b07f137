"""The `hubspoke/images` plugin (work in progress: does nothing yet)."""

from mkdocs.plugins import BasePlugin

from .config import ImagesConfig


class ImagesPlugin(BasePlugin[ImagesConfig]):
    """Placeholder until the images capability lands."""
