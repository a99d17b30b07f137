"""The one site model of a build, and the only way Hubspoke's sections reach each other.

Hubspoke is one program in five sections (`hubspoke/network`, `media`, `images`, `feeds`,
`editorial`), each listed in mkdocs.yml as a plugin of its own so that a site turns on
what it uses. They share one `Hub` per MkDocs configuration: every section's options
(typed, None when the section is not listed or is disabled) and the site model that the
network section reads from the repository (`Hub.site`, a `NetworkBuild`: the network,
page roles, addresses, rendered posts). A section never looks another plugin up by name
and never reads another section's state: it asks `hub_of(config)`.

When each section does what is written down once, in `hubspoke.build_order`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.config.base import Config
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin

    from .editorial.config import EditorialConfig
    from .feeds.config import FeedsConfig
    from .fragments import Fragments
    from .images.config import ImagesConfig
    from .media.config import MediaConfig
    from .network.build import NetworkBuild
    from .network.config import NetworkConfig


class Section:
    """Marks a Hubspoke plugin class: `section` is its name in `Hub.options`."""

    section: ClassVar[str]


@dataclass
class Hub:
    """What the sections of one build share."""

    # Every listed section's options, enabled or not; the properties below give the
    # enabled ones.
    options: dict[str, Config] = field(default_factory=dict)
    # Set by the network section in on_config, once the whole content is read.
    site: NetworkBuild | None = None
    # The social card of each post (post source -> site-relative URL): published by the
    # images section in on_env, shown by the network's post cards when a post has no
    # image of its own.
    social_cards: dict[str, str] = field(default_factory=dict)
    # Set by `hubspoke check`'s trial build: go on with the readable content.
    keep_going: bool = False
    # Each section's CSS file, in the order the sections named them (`hubspoke.stylesheet`).
    stylesheet_parts: list[Path] = field(default_factory=list)
    _fragments: Fragments | None = field(default=None, repr=False)

    def fragments(self, config: MkDocsConfig) -> Fragments:
        """The theme's templates, overrides first, for markup rendered outside a page
        template. Made at first use (on_files or later), once every section has added its
        template folder in on_config; one environment for the whole build."""
        if self._fragments is None:
            from .fragments import Fragments

            self._fragments = Fragments(config.theme.get_env(), config)
        return self._fragments

    # Each section's options are its plugin's typed Config (hub_of files them by
    # `Section.section`), hence the casts.
    def _enabled(self, section: str) -> Config | None:
        options = self.options.get(section)
        return options if options is not None and options["enabled"] else None

    @property
    def network(self) -> NetworkConfig | None:
        return cast("NetworkConfig | None", self._enabled("network"))

    @property
    def media(self) -> MediaConfig | None:
        return cast("MediaConfig | None", self._enabled("media"))

    @property
    def images(self) -> ImagesConfig | None:
        return cast("ImagesConfig | None", self._enabled("images"))

    @property
    def feeds(self) -> FeedsConfig | None:
        return cast("FeedsConfig | None", self._enabled("feeds"))

    @property
    def editorial(self) -> EditorialConfig | None:
        return cast("EditorialConfig | None", self._enabled("editorial"))

    def editorial_options(self) -> EditorialConfig:
        """The hubspoke/editorial options as listed (even disabled); the defaults when the
        section is not listed (`hubspoke check` and `report` apply them all the same)."""
        listed = self.options.get("editorial")
        if listed is not None:
            return cast("EditorialConfig", listed)
        from .editorial.config import EditorialConfig

        options = EditorialConfig()
        options.load_dict({})
        options.validate()
        return options

    def needs_network(self, section: str, why: str) -> NetworkConfig:
        """Sections that are made of the network's posts cannot run without it: its options."""
        network = self.network
        if network is None:
            raise PluginError(
                f"hubspoke/{section}: add the plugin hubspoke/network to plugins in mkdocs.yml "
                f"(and keep it enabled): {why}"
            )
        return network


# One Hub per configuration object: `mkdocs serve` loads a new configuration for every
# rebuild, and `hubspoke check` its own; a Hub goes when its configuration goes.
_HUBS: dict[int, tuple[weakref.ref, Hub]] = {}


def hub_of(config: MkDocsConfig) -> Hub:
    """The Hub of this configuration, with the options of every listed section."""
    key = id(config)
    entry = _HUBS.get(key)
    if entry is not None and entry[0]() is config:
        return entry[1]
    hub = Hub()
    plugins: Iterable[BasePlugin] = config.plugins.values()
    for plugin in plugins:
        if isinstance(plugin, Section):
            hub.options[plugin.section] = plugin.config
    _HUBS[key] = (weakref.ref(config), hub)
    weakref.finalize(config, _HUBS.pop, key, None)
    return hub
