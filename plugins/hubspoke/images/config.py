"""Options of the `hubspoke/images` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ImagesConfig(Config):
    enabled = c.Type(bool, default=True)
