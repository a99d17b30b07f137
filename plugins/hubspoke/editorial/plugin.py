"""The `hubspoke/editorial` plugin: the editorial policy during the build, and the insights page.

on_config checks the options and adds our templates; on_files (after the
network has read the content) reports every policy problem as a warning,
which `--strict` turns into a failed build, and adds the insights page;
on_page_context hands that page its figures and charts. The logic lives in
`hubspoke.core` (policy, report, charts) and `insights.py`.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hubspoke.build_order import step
from hubspoke.core.editorial import policy as policy_rules
from hubspoke.core.editorial.report import Report, build_report
from hubspoke.core.urls import format_path
from hubspoke.fragments import use_theme_files
from hubspoke.hub import Section, hub_of
from hubspoke.network.build import NetworkBuild
from hubspoke.network.sitefiles import generated_page

from . import settings
from .config import EditorialConfig
from .insights import claim_page, insights_context, insights_title

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
TEMPLATE = "hubspoke/insights.html"


class EditorialPlugin(Section, BasePlugin[EditorialConfig]):
    """Holds posts to the editorial policy and draws the insights page."""

    section = "editorial"

    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.report: Report | None = None
        self.page_src: str | None = None
        self.page_title = ""  # the insights page's, in the site's language unless set

    @step("editorial")
    def on_startup(self, *, command, dirty):
        self.command = command

    @step("editorial")
    def on_config(self, config: MkDocsConfig):
        self.report = None
        self.page_src = None
        if not self.config.enabled:
            return config
        # The insights page's rules join Hubspoke's one stylesheet when the page is made.
        use_theme_files(
            config, TEMPLATES, *([ASSETS / "insights.css"] if self._insights_wanted() else [])
        )
        return config

    # Default priority: runs after the network's on_files (50), which reads the content.
    @step("editorial")
    def on_files(self, files: Files, *, config: MkDocsConfig):
        hub = hub_of(config)
        build = hub.site
        if not self.config.enabled or build is None or not build.content_read:
            return files
        layout = settings.layout(config, build.options, hub.media)
        if self.config.policy_enabled:
            for problem in self._policy_problems(build, layout):
                log.warning(str(problem))
        if self._insights_wanted():
            self.report = build_report(
                build.network,
                layout.timezone,
                settings.report_settings(self.config),
                shown={
                    p.source: layout.shown(layout.docs_dir / p.source) for p in build.network.posts
                },
                categories_allowed=layout.categories_allowed,
            )
            self._add_insights_page(files, config, build)
        return files

    def _insights_wanted(self) -> bool:
        mode = self.config.insights_page
        return mode == "always" or (mode == "serve" and self.command == "serve")

    def _policy_problems(self, build, layout):
        """The policy over the texts the network read in on_config (never read again)."""
        loaded = build.loaded
        return policy_rules.check(
            build.network,
            settings.policy(self.config),
            {src: text for src, text in loaded.posts.items() if src in build.posts_by_source},
            loaded.authors,
            site_url=layout.site_url,
        )

    def _add_insights_page(self, files: Files, config: MkDocsConfig, build: NetworkBuild) -> None:
        path = format_path(self.config.insights_url)
        page = generated_page(config, path, template=TEMPLATE, meta={"search": {"exclude": True}})
        src = page.src_uri
        claim_page(build, files, config, page)
        files.append(page)
        self.page_src = src
        self.page_title = insights_title(build.labels, self.config.insights_title)

    @step("editorial")
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.page_src is not None and page.file.src_uri == self.page_src:
            page.meta["title"] = escape(self.page_title)
        return markdown

    @step("editorial")
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        build = hub_of(config).site  # set whenever there is a report
        if self.report is None or build is None or page.file.src_uri != self.page_src:
            return context
        context["hubspoke_insights"] = insights_context(self.report, build, self.page_title)
        return context

    @step("editorial")
    def on_post_build(self, *, config: MkDocsConfig):
        if self.report is not None and self.page_src is not None:
            log.info(f"insights page: {format_path(self.config.insights_url)}/")
