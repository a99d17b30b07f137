"""Options of the `hubspoke/feeds` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FeedsConfig(Config):
    enabled = c.Type(bool, default=True)
