"""The `hubspoke/network` plugin: a thin adapter from MkDocs events to the core.

on_config loads authors; on_files reads posts and personas, applies the
publication rule and adds the generated pages; on_nav grows the navigation;
on_page_content keeps each post's HTML once; on_page_context hands the
templates what they show. Per-build state lives in `self.build`, reset in
on_config because `mkdocs serve` reuses plugin instances.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hubspoke import stylesheet
from hubspoke.build_order import step
from hubspoke.core import csp, dates
from hubspoke.core.errors import ContentError
from hubspoke.fragments import escapes, place, place_from, use_theme_files
from hubspoke.head import head_of
from hubspoke.hub import Section, hub_of
from hubspoke.options import option_error

from . import sitemap
from .build import NetworkBuild
from .config import NetworkConfig
from .context import network_name
from .social import SocialMetadata

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
LIVE_RELOAD = "assets/hubspoke/live-reload.js"
TABLES_SCRIPT = "assets/hubspoke/tables.js"  # scrolling tables take keyboard focus
TABLE_HEADERS = "hubspoke.core.content.table_headers"  # a Markdown extension
# The page served for every missing address, rendered by MkDocs as a theme template.
NOT_FOUND = "404.html"


class NetworkPlugin(Section, BasePlugin[NetworkConfig]):
    """Posts, authors, personas and every index page of the hub.

    The build it reads is the site model that the other sections read, as
    `hub_of(config).site` (see `hubspoke.hub`).
    """

    section = "network"

    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.build: NetworkBuild | None = None
        self.social: SocialMetadata | None = None

    @step("network")
    def on_startup(self, *, command, dirty):
        self.command = command

    @step("network")
    def on_config(self, config: MkDocsConfig):
        self.build = None
        self.social = None
        hub = hub_of(config)
        hub.site = None
        if not self.config.enabled:
            return config
        try:
            tz = dates.zone(self.config.timezone)
            clock = dates.build_clock(self.config.clock, tz)
        except dates.DateError as error:
            raise option_error("hubspoke/network", "clock", str(error)) from None
        preview = self.command == "serve" and self.config.drafts_on_serve
        root = Path(config.config_file_path).parent
        try:
            self.build = NetworkBuild.start(
                self.config,
                config,
                root,
                tz,
                clock,
                preview,
                media=hub.media,
                keep_going=hub.keep_going,
            )
        except ContentError as error:
            raise PluginError(str(error)) from None
        except dates.DateError as error:  # the media plugin's events_timezone
            raise PluginError(str(error)) from None
        hub.site = self.build
        use_theme_files(config, TEMPLATES, ASSETS / "theme-fixes.css", ASSETS / "hubspoke.css")
        # Every page's tables: a first column under an empty corner becomes row headers.
        if TABLE_HEADERS not in config.markdown_extensions:
            config.markdown_extensions.append(TABLE_HEADERS)
        if TABLES_SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(TABLES_SCRIPT)
        if self._reloads_itself() and LIVE_RELOAD not in config.extra_javascript:
            config.extra_javascript.append(LIVE_RELOAD)
        if self.config.hub_footer_social and not config.extra.get("social"):
            config.extra["social"] = [
                {
                    "icon": s.icon,
                    "link": s.url,
                    "name": self.build.labels.text(
                        "social.company_on",
                        company=self.build.company,
                        network=network_name(s, self.build.labels),
                    ),
                }
                for s in self.build.company_spokes
            ]
        return config

    # Run before other plugins look at files, so they never see unpublished posts.
    @step("network")
    def _place_files(self, files: Files, *, config: MkDocsConfig):
        if self.build is None:
            return files
        try:
            self.build.read_content(files)
        except ContentError as error:
            raise PluginError(str(error)) from None
        self.build.place_files(files)
        stylesheet.place(files, config)
        tables = (ASSETS / "tables.js").read_text(encoding="utf-8")
        label = json.dumps(self.build.labels.text("table.scrolls"), ensure_ascii=False)
        tables = tables.replace('"__HUBSPOKE_TABLE_LABEL__"', label)
        files.append(File.generated(config, TABLES_SCRIPT, content=tables))
        if self._reloads_itself():
            script = (ASSETS / "live-reload.js").read_text(encoding="utf-8")
            files.append(File.generated(config, LIVE_RELOAD, content=script))
        return files

    def _reloads_itself(self) -> bool:
        """Under `mkdocs serve` the policy blocks MkDocs' inline reload script: ours reloads."""
        return self.command == "serve" and self.config.csp

    # Run after every section planned its pages and outputs: all their clashes in one message.
    @step("network")
    def _refuse_clashes(self, files: Files, *, config: MkDocsConfig):
        if self.build is not None:
            self.build.refuse_clashes(files)
        return files

    on_files = CombinedEvent(_place_files, _refuse_clashes)

    @step("network")
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files):
        if self.build is not None:
            self.build.grow_nav(nav, files)
        return nav

    @step("network")
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig):
        """Posts, personas and events were read in on_config: not read a second time."""
        if self.build is not None:
            return self.build.source_text(page.file)
        return None

    @step("network")
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is not None:
            try:
                self.build.refuse_markers(page)
            except ContentError as error:
                raise PluginError(str(error)) from error
            self.build.prepare_page(page)
            self.build.place_in_nav(page)
            # Overwritten on every page, so front matter cannot claim a date.
            page.meta[sitemap.LASTMOD] = sitemap.lastmod(
                sitemap.post_date(self.build.post_of(page))
            )
        return markdown

    # Run first, right after Markdown: contributor HTML is sanitised before our markup is added.
    @step("network")
    def _sanitize_content(self, html_: str, *, page: Page, config, files):
        if self.build is None:
            return html_
        return self.build.sanitize_content(page, html_)

    # Run after other plugins changed the HTML, so listings reuse the final post HTML.
    @step("network")
    def _keep_content(self, html_: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is None:
            return html_
        return self.build.keep_content(page, html_)

    on_page_content = CombinedEvent(_sanitize_content, _keep_content)

    @step("network")
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.autoescape = escapes  # hubspoke/ page templates, a site's overrides of them too
        if self.build is not None:
            self.build.prune_unpublished_assets(files)
            fragments = hub_of(config).fragments(config)
            fragments.adopt(env)
            self.build.presenter.fragments = fragments
            if self.config.social_metadata:
                self.social = SocialMetadata(self.build)
        return env

    # Run after the other Hubspoke plugins, so social metadata sees their og:image.
    @step("network")
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        head = head_of(context)
        if self.build is None:
            return context
        self.build.hide_lone_sidebar(page, list(config.theme.get("features") or ()))
        extra = self.build.context_for(page)
        if extra is not None:
            context["hubspoke"] = extra
        if self.social is not None:
            self.social.fill(head, page)
        return context

    # Run last: fragments are placed, then the policy hashes the page's final inline scripts.
    @step("network")
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig):
        if self.build is None:
            return output
        output = place(output, page.url)
        if not self.config.csp:
            return output
        return csp.with_policy(
            output,
            frame_hosts=tuple(self.config.guest_iframe_hosts),
            content_scripts=page.file.src_uri in self.build.trusted_pages,
        )

    @step("network")
    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        """The 404 page's latest posts (MkDocs renders it as a template, not a page)."""
        if self.build is not None and template_name == NOT_FOUND:
            context["hubspoke_not_found"] = self.build.presenter.not_found_page(
                self.config.home_posts
            )
        return context

    @step("network")
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig):
        """The 404 page's cards get links from the site's base path: it is served for every
        missing address, at any depth, so no link on it may be relative. It gets the
        pages' content security policy too."""
        if self.build is None or template_name != NOT_FOUND:
            return output
        output = place_from(output, urlsplit(config.site_url or "/").path)
        if not self.config.csp:
            return output
        return csp.with_policy(output, frame_hosts=(), content_scripts=False)

    @step("network")
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Rebuild when an author file changes, not only content/."""
        if self.config.enabled:
            root = Path(config.config_file_path).parent
            server.watch(str((root / self.config.authors_dir).resolve()))
        return server

    @step("network")
    def on_post_build(self, *, config: MkDocsConfig):
        if self.build is not None:
            sitemap.regzip(config.site_dir)
            self.build.report(log)
