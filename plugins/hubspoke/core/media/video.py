"""Video embeds that load nothing from the video platform until the reader presses play.

A writer links a poster image to the video and marks the link with a class:

    [![What the poster shows](../../images/poster.jpg)](https://www.youtube.com/watch?v=ID "Title"){ .video }

Without Hubspoke this is a linked image; with it, the link becomes a figure with
the poster and a play button. The privacy-enhanced player address sits in one data
attribute of the figure, and a small self-hosted script turns it into an iframe on
click. Local .mp4/.webm files become a plain `<video>` element.

Marked links are found with `core/html.py`'s start-tag tokenizer (for `<a>` only), held
against `html.parser` by tests/test_html_tokenizer.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from ..html import ATTRS, is_external, parse_attrs, start_tags, tag_pattern

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# Every host a page of ours could name for these platforms (tests look for them).
PLATFORM_HOSTS = YOUTUBE_HOSTS | VIMEO_HOSTS | {"i.ytimg.com", "i.vimeocdn.com"}
EMBED_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
FILE_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm"}
PROVIDERS = {"youtube": "YouTube", "vimeo": "Vimeo", "file": "this site"}

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_START_TAG_A = tag_pattern("a")
_END_A = re.compile(r"</a\s*>", re.I)
_IMG = re.compile(rf"\s*<img(?P<attrs>{ATTRS})\s*/?>\s*", re.I)
_P_BEFORE = re.compile(r"<p>\s*$")
_P_AFTER = re.compile(r"\s*</p>")
_TIME = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")
_CLOCK = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d)$")
MARKER = "\ue010"  # private use: a page's text has none (media/videos.py checks)
TOKEN = MARKER + "hubspoke-video-{}" + MARKER
_TOKEN = re.compile(r"<p>\s*\ue010hubspoke-video-(\d+)\ue010\s*</p>")


class VideoError(ValueError):
    """A video link Hubspoke cannot embed; `field` names what to fix."""

    def __init__(self, message: str, field: str = "video"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class VideoSource:
    """Where a video plays: a platform's privacy-enhanced player or a local file."""

    provider: str  # youtube, vimeo or file
    href: str
    video_id: str = ""
    embed_url: str = ""
    media_type: str = ""

    @property
    def name(self) -> str:
        return PROVIDERS[self.provider]

    @property
    def is_file(self) -> bool:
        return self.provider == "file"


@dataclass
class VideoLink:
    """A marked link found in a page's HTML: its attributes and its poster <img>."""

    start: int
    end: int
    attrs: dict[str, str]
    poster: dict[str, str] | None
    standalone: bool


@dataclass
class VideoEmbed:
    """Everything one embed shows, with URLs already relative to the page."""

    source: VideoSource
    title: str  # names the player (button, iframe, JSON-LD): the link's, else the page's
    poster_src: str
    poster_alt: str
    element_id: str
    captions: str | None = None
    captions_lang: str = "en"
    transcript: str | None = None
    duration: int | None = None
    description: str | None = None
    uploaded: str | None = None
    # What the figure's caption says of the video: only what the writer said of it (the
    # link's title), never the page's title or text, which the page already shows.
    caption: str | None = None
    extra: dict = field(default_factory=dict)


def parse_source(href: str) -> VideoSource:
    """The video a link points to; anything but YouTube, Vimeo or a local file is an error."""
    href = href.strip()
    if not is_external(href):
        path = href.split("#")[0].split("?")[0]
        suffix = path[path.rfind(".") :].lower() if "." in path else ""
        if suffix not in FILE_TYPES:
            raise VideoError(
                f"'{href}' is not a video: link a YouTube or Vimeo address, "
                "or a local .mp4 or .webm file"
            )
        return VideoSource("file", href, media_type=FILE_TYPES[suffix])
    parts = urlsplit(href)
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS or host in VIMEO_HOSTS:
        if parts.scheme != "https":
            raise VideoError(f"'{href}' must start with https://")
        return _youtube(href, parts) if host in YOUTUBE_HOSTS else _vimeo(href, parts)
    raise VideoError(
        f"'{host or href}' is not a video host Hubspoke can embed without tracking: "
        "use YouTube or Vimeo, or a local .mp4 or .webm file"
    )


def _youtube(href: str, parts) -> VideoSource:
    query = parse_qs(parts.query)
    segments = [s for s in parts.path.split("/") if s]
    if (parts.hostname or "").endswith("youtu.be"):
        video_id = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        video_id = (query.get("v") or [""])[0]
    elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
        video_id = segments[1]
    else:
        video_id = ""
    if not _YOUTUBE_ID.match(video_id):
        raise VideoError(
            f"'{href}' names no YouTube video: use https://www.youtube.com/watch?v=<11-character id>"
        )
    params = {"autoplay": "1"}
    start = _seconds((query.get("t") or query.get("start") or [""])[0])
    if start:
        params["start"] = str(start)
    embed = f"https://www.youtube-nocookie.com/embed/{video_id}?{urlencode(params)}"
    return VideoSource("youtube", href, video_id, embed)


def _vimeo(href: str, parts) -> VideoSource:
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    if (parts.hostname or "") == "player.vimeo.com":
        segments = segments[1:] if segments[:1] == ["video"] else []
    video_id = segments[0] if segments else ""
    if not video_id.isdigit():
        raise VideoError(f"'{href}' names no Vimeo video: use https://vimeo.com/<number>")
    params = {"dnt": "1", "autoplay": "1"}
    private = (query.get("h") or [segments[1] if len(segments) > 1 else ""])[0]
    if private:
        if not re.match(r"^[0-9a-f]+$", private):
            raise VideoError(f"'{href}' has an unreadable private-link hash")
        params["h"] = private
    embed = f"https://player.vimeo.com/video/{video_id}?{urlencode(params)}"
    start = _seconds(parts.fragment.removeprefix("t=")) if parts.fragment else None
    if start:
        embed += f"#t={start}s"
    return VideoSource("vimeo", href, video_id, embed)


def _seconds(value: str) -> int | None:
    """Seconds from a start time such as 90, 90s or 1m30s (None when absent or unreadable)."""
    match = _TIME.match(value.strip()) if value else None
    if not match or not any(match.groupdict().values()):
        return None
    h, m, s = (int(match[k] or 0) for k in ("h", "m", "s"))
    return h * 3600 + m * 60 + s


def parse_duration(value) -> int:
    """Seconds from '3:40', '01:03:40' or a number of seconds; raises ValueError."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    text = str(value).strip()
    if text.isdigit() and int(text) > 0:
        return int(text)
    match = _CLOCK.match(text)
    if not match:
        raise ValueError(f"{value!r} is not a duration like 3:40 or 01:03:40")
    return int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"])


def iso_duration(seconds: int) -> str:
    """ISO 8601 duration, as schema.org wants it: PT1H3M40S."""
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return (
        "PT"
        + (f"{h}H" if h else "")
        + (f"{m}M" if m else "")
        + (f"{s}S" if s or not (h or m) else "")
    )


def clock_duration(seconds: int) -> str:
    """3:40 or 1:03:40."""
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# -- finding marked links in HTML ------------------------------------------------


def find_links(content: str, class_name: str = "video") -> list[VideoLink]:
    """Every <a> with the class `class_name`, with the <img> it holds (if it holds one)."""
    found: list[VideoLink] = []
    if class_name not in content:
        return found
    for match in start_tags(content, _START_TAG_A):
        attrs = {k: v or "" for k, v in parse_attrs(match["attrs"])}
        if class_name not in attrs.get("class", "").split():
            continue
        end = _END_A.search(content, match.end())
        if end is None:
            continue
        inner = content[match.end() : end.start()]
        image = _IMG.fullmatch(inner)
        poster = {k: v or "" for k, v in parse_attrs(image["attrs"])} if image else None
        before = _P_BEFORE.search(content, 0, match.start())
        after = _P_AFTER.match(content, end.end())
        if before is not None and after is not None:  # the link is a paragraph of its own
            standalone, start, stop = True, before.start(), after.end()
        else:
            standalone, start, stop = False, match.start(), end.end()
        found.append(VideoLink(start, stop, attrs, poster, standalone))
    return found


def mark(content: str, links: list[VideoLink]) -> str:
    """The content with each link replaced by a placeholder paragraph (numbered in order)."""
    out, last = [], 0
    for number, link in enumerate(links):
        out.append(content[last : link.start])
        out.append(f"<p>{TOKEN.format(number)}</p>")
        last = link.end
    out.append(content[last:])
    return "".join(out)


def place(content: str, figures: Sequence[str]) -> str:
    """Swap each placeholder for its figure."""
    return _TOKEN.sub(lambda m: figures[int(m.group(1))], content)


# -- the figure -----------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """What one video's figure shows, as plain data: the theme template
    `hubspoke/partials/video-figure.html` writes it, with the texts of the site's language."""

    id: str  # page-unique
    title: str  # names the player; not shown
    caption: str | None  # the video's own title, when the writer gave one
    description: str | None  # the video's own description, likewise
    is_file: bool  # a local file plays in <video>; a platform's player loads on click
    src: str  # the file, or the platform's privacy-enhanced player address
    media_type: str  # a file's
    provider: str  # who plays it: YouTube, Vimeo
    host: str  # where the player loads from, as the play button says: youtube-nocookie.com
    poster_src: str
    poster_alt: str
    duration: str | None  # 3:40
    transcript: str | None
    captions: str | None  # a WebVTT file
    captions_lang: str


def figure(embed: VideoEmbed) -> Figure:
    """The figure of one embed: poster and play button, or a <video> for a local file."""
    source = embed.source
    return Figure(
        id=embed.element_id,
        title=embed.title,
        caption=embed.caption,
        description=embed.description,
        is_file=source.is_file,
        src=source.href if source.is_file else source.embed_url,
        media_type=source.media_type,
        provider=source.name,
        host=_shown_host(source),
        poster_src=embed.poster_src,
        poster_alt=embed.poster_alt,
        duration=clock_duration(embed.duration) if embed.duration else None,
        transcript=embed.transcript,
        captions=embed.captions,
        captions_lang=embed.captions_lang,
    )


def _shown_host(source: VideoSource) -> str:
    """The host a platform's player loads from, as a reader knows it (no www.)."""
    if source.is_file:
        return ""
    return (urlsplit(source.embed_url).hostname or "").removeprefix("www.")


def element_id(source: VideoSource, taken: set[str]) -> str:
    """A page-unique id for a video's figure."""
    if source.is_file:
        stem = source.href.split("#")[0].split("?")[0].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        base = "video-" + (re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-") or "file")
    else:
        base = f"video-{source.provider}-{re.sub(r'[^A-Za-z0-9_-]', '', source.video_id)}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def video_object(
    embed: VideoEmbed,
    *,
    page_url: str,
    thumbnail_url: str,
    content_url: str | None,
    description: str,
    uploaded: str,
) -> dict:
    """schema.org VideoObject. A platform video's embedUrl is this page's own click-to-load
    player (`page_url#id`), so the page names the platform nowhere but in the player."""
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": embed.title,
        "description": description,
        "thumbnailUrl": [thumbnail_url],
        "uploadDate": uploaded,
    }
    if content_url:
        data["contentUrl"] = content_url
    else:
        data["embedUrl"] = f"{page_url}#{embed.element_id}"
    if embed.source.is_file:
        data["encodingFormat"] = embed.source.media_type
    if embed.duration:
        data["duration"] = iso_duration(embed.duration)
    return data


def find_from(
    text: str, needles, start: int = 0, *, marked: str = ""
) -> tuple[int | None, int, str | None]:
    """(1-based line, end offset, needle) of the first of `needles` found at or after
    `start` in `text`, trying each needle in turn, and preferring an occurrence whose
    line goes on to hold `marked` (the link's class); then anywhere in `text`; else
    (None, start, None). Links are searched in order, each after the one before."""
    for begin in (start, 0) if start else (0,):
        for wanted in (True, False) if marked else (False,):
            for needle in needles:
                index = text.find(needle, begin) if needle else -1
                while wanted and index >= 0:
                    stop = text.find("\n", index)
                    if marked in text[index + len(needle) : stop if stop >= 0 else len(text)]:
                        break
                    index = text.find(needle, index + 1)
                if index >= 0:
                    return text.count("\n", 0, index) + 1, index + len(needle), needle
    return None, start, None


def line_of(text: str, needle: str, default: int | None = None) -> int | None:
    """1-based line of the first occurrence of `needle` in `text`."""
    index = text.find(needle) if needle else -1
    return default if index < 0 else text.count("\n", 0, index) + 1
