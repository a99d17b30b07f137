"""Audio posts during one build: read `audio`, check the file, show the player, write the feeds.

The `audio` front matter comes from the one reader (`core.sources.load_site`), which
reads every post, published or not; files, shows and the publication rule are checked once the
network is known; the player goes into the post's HTML after the sanitiser; the
podcast feeds are written once every page is rendered. Audio files used only by
posts that are not built are not published.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hubspoke.core import html as core_html
from hubspoke.core import labels as texts
from hubspoke.core import outputs as core_outputs
from hubspoke.core import urls
from hubspoke.core.errors import ContentError, Problem
from hubspoke.core.media import audio as core_audio
from hubspoke.core.media import podcast
from hubspoke.core.text import plain_text
from hubspoke.core.urls import PathFormatError, format_path, source_path
from hubspoke.fragments import Fragments
from hubspoke.head import Head
from hubspoke.network.sitefiles import listed_file
from hubspoke.options import option_error, option_line
from hubspoke.outputs import OutputRun
from hubspoke.site_options import theme_language

from .config import MediaConfig, ShowConfig
from .labels import Labels

if TYPE_CHECKING:
    from hubspoke.core.content.sources import LoadedSite
    from hubspoke.core.network.assembly import Network
    from hubspoke.core.network.model import Post
    from hubspoke.network.build import NetworkBuild

log = get_plugin_logger(__name__)

MEDIA = "hubspoke/media"
PLAYER = "hubspoke/partials/audio-player.html"

_ATTRIBUTE_FILE = re.compile(r"\b(?:captions|transcript)=[\"']([^\"'\s]+)[\"']")


@dataclass
class Published:
    """A checked audio post: its audio, post, file and what the file weighs."""

    audio: core_audio.Audio
    post: Post
    file: File
    size: int
    show: str


class PodcastSite(core_outputs.PartialSite):
    """The site as the table of outputs reads it for podcast feeds (`OutputSite`)."""

    def __init__(self, audio: AudioPosts, build: NetworkBuild):
        self.audio, self.build = audio, build
        self.network = build.network
        self.labels = build.labels
        self.site_name = audio.config.site_name
        self.tagline = audio.config.site_description
        self.items_limit = 0

    def episodes(self) -> dict[str, tuple]:
        """Show -> its syndicated episodes (posts), by source path."""
        found: dict[str, list] = {}
        for _, published in sorted(self.audio.posts.items()):
            if self.network.visibility(published.post).syndicated:
                found.setdefault(published.show, []).append(published.post)
        return {show: tuple(posts) for show, posts in found.items()}

    def show_title(self, key: str) -> str:
        return self.audio.show_title(key)

    def show(self, output) -> podcast.Show:
        files = self.audio.files
        if files is None:
            raise RuntimeError("a podcast show is asked for after on_files (AudioPosts.split)")
        base = urls.site_base(self.audio.site_url)
        return self.audio._show(output.key, output.path, base, files)

    def episode(self, post) -> podcast.Episode:
        return self.audio.episode(post, self.build)


class AudioPosts:
    """Audio posts and podcast shows of one build."""

    def __init__(self, options: MediaConfig, config: MkDocsConfig, labels: Labels):
        self.options = options
        self.config = config
        self.labels = labels
        self.site_url = config.site_url or ""
        self.read: dict[str, core_audio.Audio] = {}
        self.shown: dict[str, str] = {}
        self.attribute_files: dict[str, list[str]] = {}
        self.files: Files | None = None
        self.posts: dict[str, Published] = {}
        self.unused: dict[str, File] = {}
        self.referenced: set[str] = set()
        self.run: OutputRun | None = None  # the podcast feeds, from the table of outputs
        self.feeds: dict[str, str] = {}  # show key -> site-relative URL of its feed
        self.build: NetworkBuild | None = None
        self.shows = self._shows()

    def _shows(self) -> dict[str, ShowConfig | None]:
        shows: dict[str, ShowConfig | None] = dict(self.options.podcast_shows)
        if not shows:
            shows = {core_audio.DEFAULT_SHOW: None}
        for key in shows:
            try:
                format_path(self.options.podcast_path, key=key)
            except PathFormatError as error:
                raise option_error(MEDIA, "podcast_path", str(error)) from None
        return shows

    def show_title(self, key: str) -> str:
        show = self.shows[key]
        return (
            show.title
            if show is not None
            else texts.for_language(theme_language(self.config, default=None)).text(
                "audio.show", site=self.config.site_name
            )
        )

    # -- on_config (after the network read the content) ------------------------------

    def take(self, loaded: LoadedSite) -> None:
        """The `audio` fields the one reader found (it reported their problems), and the
        files posts name in video attributes; no post is read again."""
        self.read = dict(loaded.audio)
        self.shown = {source: loaded.posts[source].shown for source in self.read}
        self.attribute_files = {}
        for source, text in loaded.posts.items():
            self._note_attribute_files(source, text.text)

    def _note_attribute_files(self, source: str, text: str) -> None:
        """Files a page names in video link attributes (captions="..."), which the network's
        scan of links and images does not see: unpublished posts must not publish them."""
        found = []
        for value in _ATTRIBUTE_FILE.findall(text):
            if not value.startswith("#") and "://" not in value:
                found.append(source_path(source, value))
        if found:
            self.attribute_files[source] = found

    # -- on_files (after the network) ---------------------------------------------

    def split(self, files: Files, network: Network) -> None:
        """Which audio posts are built (the reader checked their files, sizes and shows);
        files only unpublished posts use are dropped."""
        self.files = files
        posts = {p.source: p for p in network.posts}
        built_paths: set[str] = set()
        for source, audio in sorted(self.read.items()):
            post = posts.get(source)
            if post is None:
                continue
            file = listed_file(files, audio.path)  # the intake listed it, as MkDocs did
            # The reader keeps only settled audio: measured, with its show named.
            assert audio.size is not None and audio.show is not None
            if network.visibility(post).built:
                for warning in audio.warnings:  # the front matter's duration stands in
                    log.warning(str(warning))
                built_paths.add(audio.path)
                self.posts[source] = Published(audio, post, file, audio.size, audio.show)
            else:
                self.unused[audio.path] = file
        for source, paths in self.attribute_files.items():
            post = posts.get(source)
            built = post is None or network.visibility(post).built
            for path in paths:
                named = files.get_file_from_path(path)
                if built:
                    built_paths.add(path)
                elif named is not None and not named.is_documentation_page():
                    self.unused[path] = named
        for path in built_paths:
            self.unused.pop(path, None)

    # -- on_page_content (after the sanitiser) --------------------------------------

    def place_player(self, page: Page, content: str, post, fragments: Fragments) -> str:
        """The post's HTML with the player, from the theme template (the site's overrides
        win), after its excerpt (or its title)."""
        for path, file in self.unused.items():
            if posixpath.basename(file.url) in content:
                self.referenced.add(path)
        found = self.posts.get(page.file.src_uri) if post is not None else None
        if found is None:
            return content
        audio = found.audio
        transcript = self._transcript(page, content, audio)
        feed = self.feeds.get(found.show)
        player = core_audio.player(
            audio,
            title=post.title,
            src=urls.relative_url(found.file.url, page.url),
            size=found.size,
            transcript=transcript,
            feed=urls.relative_url(feed, page.url) if feed else None,
            show_title=self.show_title(found.show),
            cover=self._cover(page, post, found.show),
        )
        markup = fragments.render_into(page.url, PLAYER, player=player)
        at = core_audio.player_offset(content)
        return content[:at] + markup + content[at:]

    def _cover(self, page: Page, post: Post, show: str) -> core_audio.Cover | None:
        """The episode's image: the post's `image` (a file of the site), else the show's
        cover (podcast_shows image). The network and plan_feeds checked both are there."""
        files = self.files
        if files is None:
            return None
        if post.image and not core_html.is_external(post.image):
            file = files.get_file_from_path(source_path(post.source, post.image))
            of_show = False
        else:
            image = self._show_option(show, "image", None)
            file = files.get_file_from_path(image.strip("/")) if image else None
            of_show = True
        if file is None:
            return None
        return core_audio.Cover(urls.relative_url(file.url, page.url), of_show)

    def _transcript(self, page: Page, content: str, audio: core_audio.Audio) -> str:
        def stop(message: str) -> ContentError:
            problem = Problem(
                self.labels.file(page.file), audio.line("transcript"), "audio.transcript", message
            )
            return ContentError([problem])

        value = audio.transcript
        if value.startswith("#"):
            if not core_html.has_id(content, value[1:]):
                raise stop(
                    f"'{value}' matches nothing on the page: an audio post needs "
                    "a transcript: add a '## Transcript' section, or set "
                    "audio.transcript to the transcript's file"
                )
            return value
        path = source_path(page.file.src_uri, value)
        target = self.files.get_file_from_path(path) if self.files is not None else None
        if target is None:
            raise stop(f"'{value}' not found (looked for {self.labels.docs(path)})")
        return urls.relative_url(target.url, page.url)

    def plan_feeds(self, build: NetworkBuild) -> None:
        """Which shows get a feed (those with a syndicated episode: the entry `podcast` of
        the table of outputs), and their paths; a feed path that another feed or file
        takes, or a show image that is not there, is refused here, before any page is
        rendered."""
        self.build = build
        site = PodcastSite(self, build)
        paths = {"podcast": self.options.podcast_path}
        self.run = OutputRun(MEDIA, site, paths)
        files = self.files
        if files is None:
            return
        for key in sorted(core_outputs.PODCAST.select(site)):
            self._show_image(key, files)
        self.run.plan(files, build.claims, self.config)
        self.feeds = {o.key: o.href for o in self.run.outputs}

    # -- on_env ------------------------------------------------------------------

    def prune(self, files: Files) -> None:
        for path, file in self.unused.items():
            if path not in self.referenced and files.get_file_from_path(path) is file:
                files.remove(file)

    def write_feeds(self, files: Files, build: NetworkBuild) -> None:
        """Write the podcast feeds the one way outputs are written (`hubspoke.outputs`)."""
        if self.run is None:
            return
        self.run.write(self.run.render(), files, build.claims, self.config)

    def episode(self, post: Post, build: NetworkBuild) -> podcast.Episode:
        found = self.posts[post.source]
        base = urls.site_base(self.site_url)
        rendered = build.rendered(post)
        description = post.description or (plain_text(rendered.excerpt) if rendered else post.title)
        explicit = found.audio.explicit
        if explicit is None:
            explicit = self._show_option(found.show, "explicit", False)
        return podcast.Episode(
            url=urljoin(base, build.post_url(post)),
            title=post.title,
            description=description,
            published=post.date,
            authors=tuple(build.network.authors[a].name for a in post.authors),
            audio_url=urljoin(base, found.file.url),
            length=found.size,
            media_type=found.audio.media_type,
            duration=found.audio.itunes_duration,
            explicit=explicit,
            episode=found.audio.episode,
            season=found.audio.season,
            episode_type=found.audio.episode_type,
        )

    def _show_option(self, key: str, name: str, default):
        show = self.shows[key]
        return default if show is None else show[name]

    def _refuse(self, option: tuple[str, ...], problem: str, fix: str | None = None) -> None:
        """Stop at the line of mkdocs.yml that sets `option` (as check reports it)."""
        message = str(option_error(MEDIA, ".".join(option), problem, fix))
        config_file = self.config.config_file_path
        line = option_line(config_file, MEDIA, *option) if config_file else None
        if line is None:
            raise PluginError(message)
        error = ContentError([Problem(self.labels.path(config_file), line, None, message)])
        raise PluginError(str(error)) from error

    def _show_image(self, key: str, files: Files) -> File | None:
        """The show's cover image file, if it names one; one that is not there is refused."""
        image = self._show_option(key, "image", None)
        if not image:
            return None
        file = files.get_file_from_path(image.strip("/"))
        if file is None or not image.lower().endswith((".jpg", ".jpeg", ".png")):
            self._refuse(
                ("podcast_shows", key, "image"),
                f"'{image}' must be a .jpg or .png file inside {self.labels.docs_label}/ (looked for "
                f"{self.labels.docs(image.strip('/'))})",
            )
        return file

    def _show(self, key: str, path: str, base: str, files: Files) -> podcast.Show:
        config = self.config
        file = self._show_image(key, files)
        image_url = urljoin(base, file.url) if file is not None else None
        author = self._show_option(key, "author", None) or config.site_author or config.site_name
        description = self._show_option(key, "description", "") or config.site_description or ""
        link = self._show_option(key, "link", None) or base
        return podcast.Show(
            key=key,
            title=self.show_title(key),
            description=description,
            feed_url=urljoin(base, path),
            link=link,
            author=author,
            category=self._show_option(key, "category", "Technology"),
            subcategory=self._show_option(key, "subcategory", None),
            image_url=image_url,
            owner_name=self._show_option(key, "owner_name", None) or author,
            owner_email=self._show_option(key, "owner_email", None),
            explicit=self._show_option(key, "explicit", False),
            language=theme_language(config, default=None),
            kind=self._show_option(key, "type", "episodic"),
        )

    # -- on_page_context -----------------------------------------------------------

    def add_head(self, head: Head, page: Page, build: NetworkBuild) -> None:
        if self.run is not None:
            role = build.role_of(page)
            self.run.announce(head, [(role.kind, role.key)] if role is not None else [])
        found = self.posts.get(page.file.src_uri)
        if found is None or not self.site_url:
            return
        base = urls.site_base(self.site_url)
        feed = self.feeds.get(found.show)
        post = found.post
        head.jsonld.append(
            core_audio.episode_jsonld(
                found.audio,
                title=post.title,
                url=page.canonical_url or urljoin(base, page.url),
                published=post.date.isoformat(),
                description=post.description,
                content_url=urljoin(base, found.file.url),
                show_title=self.show_title(found.show),
                show_feed=urljoin(base, feed) if feed else None,
            )
        )
