"""Video embeds on pages: marked links found before guest HTML is sanitised, figures placed after.

`mark` (before the network's sanitiser) reads each `{ .video }` link, checks it and
leaves a placeholder paragraph; `place` (after it) puts the click-to-load figure
there, built only from checked parts, so guests get embeds without raw HTML.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from markupsafe import Markup
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hubspoke.core import urls
from hubspoke.core.errors import ContentError, Problem
from hubspoke.core.html import has_id, is_external
from hubspoke.core.media import video
from hubspoke.fragments import Fragments
from hubspoke.head import Head

from .labels import Labels

SCRIPT = "assets/hubspoke/video.js"
FIGURE = "hubspoke/partials/video-figure.html"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class PageVideos:
    """The checked embeds of one page, in order."""

    embeds: list[video.VideoEmbed]


class Videos:
    """Every page's video embeds during one build."""

    def __init__(
        self,
        *,
        class_name: str,
        captions_language: str,
        frame_hosts,
        labels: Labels,
        page_text=None,
    ):
        self.class_name = class_name
        # A page's source text, for the lines of problems: the network's reader keeps it.
        self.page_text = page_text or _source_text
        self.captions_language = captions_language
        self.frame_hosts = frame_hosts  # None: no Content-Security-Policy to satisfy
        self.labels = labels
        self.pages: dict[str, PageVideos] = {}

    # -- on_page_content, before the sanitiser -----------------------------------

    def mark(self, page: Page, content: str, files: Files) -> str:
        links = video.find_links(content, self.class_name)
        if not links:
            return content
        shown = self.labels.file(page.file)
        source_text = self.page_text(page.file)
        if video.MARKER in content:
            # The character marks where players go: one in the text would misplace a player.
            line = video.line_of(source_text, video.MARKER)
            message = (
                f"the text contains the private-use character U+{ord(video.MARKER):04X}, "
                "which Hubspoke uses to mark video players: remove it"
            )
            raise ContentError([Problem(shown, line, "video", message)])
        problems: list[Problem] = []
        embeds: list[video.VideoEmbed] = []
        taken: set[str] = set()
        position = 0  # each link is looked for in the source after the one before
        for link in links:
            rendered = link.attrs.get("href", "")
            written = _written(rendered, page)
            needles = [f"]({w}" for w in written] + ["{ ." + self.class_name]
            line, position, needle = video.find_from(
                source_text, needles, position, marked="." + self.class_name
            )
            # Messages name the video as the writer wrote it, where the source shows it.
            href = needle[2:] if needle and needle.startswith("](") else rendered

            def problem(field: str, message: str, line=line) -> None:
                problems.append(Problem(shown, line, field, message))

            try:
                source = video.parse_source(rendered)
            except video.VideoError as error:
                problem(error.field, str(error).replace(rendered, href))
                continue
            if not link.standalone:
                problem("video", f"the video link to '{href}' must stand alone in its paragraph")
            if link.poster is None:
                problem(
                    "video",
                    f"the video link to '{href}' needs a poster image: "
                    f"[![What the poster shows](../../images/poster.jpg)]({href}){{ .{self.class_name} }}",
                )
                continue
            alt = (link.poster.get("alt") or "").strip()
            src = link.poster.get("src") or ""
            if not alt:
                problem(
                    "video poster",
                    f"the poster of the video '{href}' has no alt text: describe what it shows "
                    "between the brackets of ![...](...)",
                )
            if not src or is_external(src) or src.startswith("//"):
                problem(
                    "video poster",
                    f"the poster of the video '{href}' must be an image file of the site, "
                    "not an address elsewhere (that would be a request before the reader chose)",
                )
            if not source.is_file and self.frame_hosts is not None:
                host = urlsplit(source.embed_url).hostname
                if host not in self.frame_hosts:
                    problem(
                        "video",
                        f"the site's Content-Security-Policy does not allow frames from {host}: "
                        "add it to the hubspoke/network option guest_iframe_hosts",
                    )
            own_title = (link.attrs.get("title") or "").strip() or None
            embed = video.VideoEmbed(
                source=source,
                title=own_title or _text(page.title) or alt,
                caption=own_title,
                poster_src=src,
                poster_alt=alt,
                element_id=video.element_id(source, taken),
                captions_lang=link.attrs.get("srclang") or self.captions_language,
                description=(link.attrs.get("description") or "").strip() or None,
            )
            for field in ("captions", "transcript"):
                value = (link.attrs.get(field) or "").strip()
                if not value:
                    continue
                target = self._target(page, value, files, anchor_ok=field == "transcript")
                if target is None:
                    where = posixpath.normpath(
                        posixpath.join(posixpath.dirname(page.file.src_uri), value)
                    )
                    problem(field, f"'{value}' not found (looked for {self.labels.docs(where)})")
                elif field == "captions" and not value.split("#")[0].lower().endswith(".vtt"):
                    problem(field, f"'{value}' must be a WebVTT file (.vtt)")
                else:
                    setattr(embed, field, target)
            if link.attrs.get("duration"):
                try:
                    embed.duration = video.parse_duration(link.attrs["duration"])
                except ValueError as error:
                    problem("duration", str(error))
            uploaded = (link.attrs.get("date") or "").strip()
            if uploaded and not _DATE.match(uploaded):
                problem("date", f"'{uploaded}' is not a date like 2026-11-05")
            embed.uploaded = uploaded or None
            embeds.append(embed)
        if problems:
            raise ContentError(problems)
        self.pages[page.file.src_uri] = PageVideos(embeds)
        return video.mark(content, links)

    def _target(self, page: Page, value: str, files: Files, *, anchor_ok: bool) -> str | None:
        """`value` (relative to the page's source) as a URL relative to the page, if it exists."""
        if value.startswith("#"):
            return value if anchor_ok else None
        if is_external(value):
            return None
        path, _, fragment = value.partition("#")
        src = posixpath.normpath(
            posixpath.join(posixpath.dirname(page.file.src_uri), unquote(path))
        )
        target = files.get_file_from_path(src)
        if target is None:
            return None
        return urls.relative_url(target.url, page.url) + (f"#{fragment}" if fragment else "")

    # -- on_page_content, after the sanitiser ------------------------------------

    def place(self, page: Page, content: str, fragments: Fragments) -> str:
        """The page's HTML with each placeholder replaced by its video's figure, from the
        theme template (the site's overrides win)."""
        found = self.pages.get(page.file.src_uri)
        if found is None:
            return content
        problems = []
        for embed in found.embeds:
            anchor = embed.transcript
            if anchor and anchor.startswith("#") and not has_id(content, anchor[1:]):
                problems.append(
                    Problem(
                        self.labels.file(page.file),
                        None,
                        "transcript",
                        f"'{anchor}' matches no heading or element id on the page: "
                        "add a '## Transcript' section or fix the link",
                    )
                )
        if problems:
            raise ContentError(problems)
        figures = [
            fragments.render_into(page.url, FIGURE, figure=video.figure(e)) for e in found.embeds
        ]
        return video.place(content, figures)

    # -- on_page_context -----------------------------------------------------------

    def add_head(self, head: Head, page: Page, *, site_url: str | None, post) -> None:
        """VideoObject JSON-LD for each video with a known date, og:video for the first."""
        found = self.pages.get(page.file.src_uri)
        if found is None or not site_url:
            return
        base = urls.site_base(site_url)
        page_url = page.canonical_url or urljoin(base, page.url)
        for number, embed in enumerate(found.embeds):
            uploaded = embed.uploaded or (post.date.isoformat() if post else None)
            thumbnail = urljoin(base, urls.resolve(embed.poster_src, page.url))
            content_url = None
            if embed.source.is_file:
                content_url = urljoin(base, urls.resolve(embed.source.href, page.url))
            if uploaded:
                description = (
                    embed.description or (post.description if post else None) or embed.poster_alt
                )
                head.jsonld.append(
                    video.video_object(
                        embed,
                        page_url=page_url,
                        thumbnail_url=thumbnail,
                        content_url=content_url,
                        description=description,
                        uploaded=uploaded,
                    )
                )
            if number == 0:
                if content_url:
                    head.property("og:video", content_url)
                    if content_url.startswith("https://"):
                        head.property("og:video:secure_url", content_url)
                    head.property("og:video:type", embed.source.media_type)
                else:
                    player = f"{page_url}#{embed.element_id}"
                    head.property("og:video", player)
                    head.property("og:video:type", "text/html")
                head.property("og:video:width", 1280)
                head.property("og:video:height", 720)


def _text(value) -> str:
    """Plain text of a page title (the network keeps titles escaped, as Markup)."""
    if value is None:
        return ""
    return (value.unescape() if isinstance(value, Markup) else str(value)).strip()


def _written(href: str, page: Page) -> list[str]:
    """What the writer may have written for a link's `href`: MkDocs rewrites a link to
    a file of the site relative to the page's URL, so also the path relative to the
    page's source (the site keeps a file at its source path)."""
    candidates = [href]
    if href and not is_external(href) and not href.startswith(("/", "#", "//")):
        path, sign, rest = urls.resolve(href, page.url).partition("?")
        path, hash_sign, fragment = path.partition("#")
        folder = posixpath.dirname(page.file.src_uri) or "."
        written = posixpath.relpath(unquote(path) or ".", folder)
        if sign:
            written += sign + rest
        elif hash_sign:
            written += hash_sign + fragment
        if written not in candidates:
            candidates.append(written)
    return candidates


def _source_text(file: File) -> str:
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError):
        return ""


def with_script(output: str, page_url: str) -> str:
    """The page with the player script before </body>, when it shows a platform video."""
    if "data-hs-video-src=" not in output:
        return output
    src = urls.relative_url(SCRIPT, page_url)
    tag = f'<script src="{src}" defer></script>'
    index = output.rfind("</body>")
    return output + tag if index < 0 else output[:index] + tag + output[index:]
