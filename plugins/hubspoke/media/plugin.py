"""The `hubspoke/media` plugin: a thin adapter from MkDocs events to video, audio and events.

on_config sets up the build and takes the `audio` fields and event pages that the
network's one reader read; on_files (after the network) checks audio files, podcast
show images and feed paths (so check sees them), publishes
events by the rule and adds the events index, .ics files and assets; on_page_content turns video links into
players and adds audio players; on_env writes podcast feeds and calendars; on_page_context adds
JSON-LD, og:video and the events' template context; on_post_page adds the player
script to pages that show a platform video. Per-build state is reset in on_config.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hubspoke import stylesheet
from hubspoke.build_order import step
from hubspoke.core.errors import ContentError
from hubspoke.fragments import use_theme_files
from hubspoke.head import head_of
from hubspoke.hub import Section, hub_of
from hubspoke.network.build import NetworkBuild
from hubspoke.options import require_site_url
from hubspoke.site_options import theme_language

from .audio import AudioPosts
from .config import MediaConfig
from .events import EventPages
from .labels import Labels
from .videos import SCRIPT, Videos, with_script

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"


class MediaPlugin(Section, BasePlugin[MediaConfig]):
    """Video embeds, audio posts with podcast feeds, and events."""

    section = "media"

    supports_multiple_instances = False

    def __init__(self):
        self.site: NetworkBuild | None = None
        self.videos: Videos | None = None
        self.audio: AudioPosts | None = None
        self.events: EventPages | None = None

    @step("media")
    def on_config(self, config: MkDocsConfig):
        self.site = self.videos = self.audio = self.events = None
        if not self.config.enabled:
            return config
        hub = hub_of(config)
        network = hub.needs_network(
            "media", "audio posts and events are checked against its authors and posts"
        )
        root = Path(config.config_file_path).parent
        labels = Labels(root, Path(config.docs_dir))
        language = theme_language(config)
        self.site = hub.site
        self.videos = Videos(
            class_name=self.config.video_class,
            captions_language=self.config.video_captions_language or language,
            frame_hosts=tuple(network.guest_iframe_hosts) if network.csp else None,
            labels=labels,
            page_text=self.site.page_text if self.site is not None else None,
        )
        if self.site is not None:
            loaded = self.site.loaded
            self.audio = AudioPosts(self.config, config, labels)
            self.audio.take(loaded)
            if self.config.events_enabled:
                tz = loaded.layout.events_timezone  # checked by the network's reader
                self.events = EventPages(self.config, config, labels, tz)
        use_theme_files(config, TEMPLATES, ASSETS / "media.css")
        return config

    # After the network (50), whose posts, authors and publication rule we use.
    @step("media")
    def on_files(self, files: Files, *, config: MkDocsConfig):
        if self.videos is None:
            return files
        build = self.site
        if self.audio is not None and build is not None:
            self.audio.split(files, build.network)
            self.audio.plan_feeds(build)
        if self.events is not None and build is not None:
            self.events.read(files, build)
        self._check_site_url(config)
        if self.events is not None and build is not None:
            self.events.place(files)
        script = (ASSETS / "video.js").read_text(encoding="utf-8")
        files.append(File.generated(config, SCRIPT, content=script))
        stylesheet.place(files, config)
        return files

    def _check_site_url(self, config: MkDocsConfig) -> None:
        audio = self.audio is not None and self.audio.read
        events = self.events is not None and self.events.events
        if audio or events:
            require_site_url(config, "hubspoke/media", "podcast feeds and calendar files")

    @step("media")
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.events is not None:
            self.events.prepare_page(page)
        return markdown

    # Before the network's sanitiser (100): video links are read as the writer wrote them.
    @step("media")
    def _mark_videos(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.videos is None:
            return html
        try:
            return self.videos.mark(page, html, files)
        except ContentError as error:
            raise PluginError(str(error)) from error

    # After the sanitiser (100), before the network keeps the post HTML (-50): our markup
    # is built from checked parts and reaches listings and feeds.
    @step("media")
    def _place_media(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.videos is None:
            return html
        build = self.site
        fragments = hub_of(config).fragments(config)  # made once, at the first page
        try:
            html = self.videos.place(page, html, fragments)
            if self.audio is not None and build is not None:
                html = self.audio.place_player(page, html, build.post_of(page), fragments)
        except ContentError as error:
            raise PluginError(str(error)) from error
        return html

    on_page_content = CombinedEvent(_mark_videos, _place_media)

    @step("media")
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        build = self.site
        if self.audio is not None and build is not None:
            self.audio.prune(files)
            self.audio.write_feeds(files, build)
            if self.audio.feeds:
                log.info(f"podcast feeds: {', '.join(sorted(self.audio.feeds.values()))}")
        if self.events is not None:
            self.events.write(files)
        return env

    @step("media")
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        if self.videos is None:
            return context
        head = head_of(context)
        build = self.site
        post = build.post_of(page) if build is not None else None
        self.videos.add_head(head, page, site_url=config.site_url, post=post)
        if self.audio is not None and build is not None:
            self.audio.add_head(head, page, build)
        if self.events is not None:
            self.events.add_head(head, page)
            found = self.events.context_for(page)
            if found is not None:
                context["hubspoke_events"] = found
        return context

    @step("media")
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig):
        if self.videos is None:
            return output
        return with_script(output, page.url)
