"""The `hubspoke/feeds` plugin: RSS, Atom and JSON feeds of the site, authors, personas
and categories, and the links that let readers find them.

on_config checks the options against the spec table; on_env (once every post is
rendered) plans and renders the feeds, writing each straight into site_dir;
on_page_context adds <link rel="alternate"> and "Follow" links. Per-build state
lives in `self.build`, reset in on_config because `mkdocs serve` reuses plugins.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hubspoke.build_order import step
from hubspoke.core.feeds.table import feed_specs
from hubspoke.fragments import use_theme_files
from hubspoke.head import head_of
from hubspoke.hub import Section, hub_of
from hubspoke.network.build import NetworkBuild
from hubspoke.options import require_site_url

from .build import FeedsBuild
from .config import FeedsConfig

log = get_plugin_logger(__name__)


TEMPLATES = Path(__file__).parent / "templates"


class FeedsPlugin(Section, BasePlugin[FeedsConfig]):
    """Feeds of the network, one table of specs for every kind and format."""

    section = "feeds"

    supports_multiple_instances = False

    def __init__(self):
        self.build: FeedsBuild | None = None
        self.written: Counter = Counter()

    @step("feeds")
    def on_config(self, config: MkDocsConfig):
        self.build = None
        self.written = Counter()
        if not self.config.enabled:
            return config
        hub_of(config).needs_network("feeds", "feeds are made of its posts")
        require_site_url(
            config,
            "hubspoke/feeds",
            "feeds",
            "or turn feeds off with the hubspoke/feeds option enabled: false",
        )
        options = self.config
        specs = feed_specs(options.kinds, options.formats, options.paths)  # checked by FeedPaths
        self.build = FeedsBuild(options, config, specs)
        use_theme_files(config, TEMPLATES)  # the feed stylesheet
        return config

    def _network(self, config: MkDocsConfig) -> NetworkBuild | None:
        return hub_of(config).site

    # Once the posts are placed: which feeds, at which paths (a clash is refused with
    # every other clash at the end of on_files).
    @step("feeds")
    def on_files(self, files: Files, *, config: MkDocsConfig):
        network = self._network(config)
        if self.build is not None and network is not None:
            self.build.plan(network, files)
        return files

    # Run last: every plugin has added its files (a feed path may not collide with
    # any of them) and every post is rendered.
    @step("feeds")
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        network = self._network(config)
        if self.build is None or network is None:
            return env
        outputs = self.build.render(network, files)
        self.build.add_files(outputs, files)
        self.written = Counter(t.spec.label for t in self.build.targets)
        return env

    @step("feeds")
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        network = self._network(config)
        if self.build is None or network is None:
            return context
        self.build.announce(head_of(context), network.role_of(page))
        return context

    @step("feeds")
    def on_post_build(self, *, config: MkDocsConfig):
        if self.build is not None and self.written:
            counts = ", ".join(f"{n} {label}" for label, n in sorted(self.written.items()))
            log.info(f"feeds: {sum(self.written.values())} written ({counts})")
