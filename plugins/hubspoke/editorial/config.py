"""Options of the `hubspoke/editorial` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EditorialConfig(Config):
    enabled = c.Type(bool, default=True)
