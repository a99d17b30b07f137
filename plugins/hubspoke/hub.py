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
from typing import TYPE_CHECKING, ClassVar

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .editorial.config import EditorialConfig
    from .feeds.config import FeedsConfig
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
    options: dict[str, object] = field(default_factory=dict)
    # Set by the network section in on_config, once the whole content is read.
    site: NetworkBuild | None = None
    # Set by `hubspoke check`'s trial build: go on with the readable content.
    keep_going: bool = False

    def _enabled(self, section: str):
        options = self.options.get(section)
        return options if options is not None and options.enabled else None  # type: ignore[attr-defined]

    @property
    def network(self) -> NetworkConfig | None:
        return self._enabled("network")

    @property
    def media(self) -> MediaConfig | None:
        return self._enabled("media")

    @property
    def images(self) -> ImagesConfig | None:
        return self._enabled("images")

    @property
    def feeds(self) -> FeedsConfig | None:
        return self._enabled("feeds")

    @property
    def editorial(self) -> EditorialConfig | None:
        return self._enabled("editorial")

    def editorial_options(self) -> EditorialConfig:
        """The hubspoke/editorial options as listed (even disabled); the defaults when the
        section is not listed (`hubspoke check` and `report` apply them all the same)."""
        listed = self.options.get("editorial")
        if listed is not None:
            return listed  # type: ignore[return-value]
        from .editorial.config import EditorialConfig

        options = EditorialConfig()
        options.load_dict({})
        options.validate()
        return options

    def needs_network(self, section: str, why: str) -> None:
        """Sections that are made of the network's posts cannot run without it."""
        if self.network is None:
            raise PluginError(
                f"hubspoke/{section}: add the plugin hubspoke/network to plugins in mkdocs.yml "
                f"(and keep it enabled): {why}"
            )


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
    for plugin in config.plugins.values():
        if isinstance(plugin, Section):
            hub.options[plugin.section] = plugin.config  # type: ignore[attr-defined]
    _HUBS[key] = (weakref.ref(config), hub)
    weakref.finalize(config, _HUBS.pop, key, None)
    return hub
