"""Sanitise HTML written by guest authors, with nh3 (the Ammonia sanitiser).

Experts may write raw HTML; guests are outsiders, so their posts and bios
keep only an allow-list: no script, no event handlers, no `javascript:` or
`data:` URLs, no iframe except a video player from an allowed host. The
classes and ids of Markdown extensions (admonitions, code highlighting,
footnotes, tables, details) survive, so a guest post still reads as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3

from .html import MORE

EXTRA_TAGS = {
    "iframe", "picture", "source", "figure", "figcaption", "section", "input", "label",
    "svg", "path", "use", "audio", "video", "track",
}  # fmt: skip
GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "role", "aria-hidden", "aria-label"}
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "src"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "align", "scope", "headers"},
    "ol": {"start", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "code": {"data-lang"},
    "svg": {"viewbox", "width", "height", "xmlns"},
    "path": {"d"},
    "audio": {"src", "controls", "preload"},
    "video": {"src", "controls", "preload", "poster", "width", "height"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "abbr": {"title"},
}
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "cite"}
_MORE_TOKEN = "\ue000hubspoke-more\ue000"
_EMPTY_FRAME = re.compile(r"<iframe\b(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S)
DEFAULT_IFRAME_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")


@dataclass(frozen=True)
class Policy:
    """What guest HTML may contain."""

    extra_tags: frozenset[str] = frozenset()
    iframe_hosts: tuple[str, ...] = DEFAULT_IFRAME_HOSTS
    url_schemes: frozenset[str] = field(
        default_factory=lambda: frozenset({"https", "http", "mailto"})
    )


def sanitize(fragment: str, policy: Policy = Policy()) -> str:
    """The fragment with everything outside the allow-list removed."""
    tags = set(nh3.ALLOWED_TAGS) | EXTRA_TAGS | set(policy.extra_tags)
    attributes = {tag: set(attrs) for tag, attrs in TAG_ATTRIBUTES.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            return (
                value if parts.scheme == "https" and parts.hostname in policy.iframe_hosts else None
            )
        if attribute in URL_ATTRIBUTES and value.strip().lower().startswith(
            ("javascript:", "data:", "vbscript:")
        ):
            return None
        return value

    marked = MORE.sub(_MORE_TOKEN, fragment)
    cleaned = nh3.clean(
        marked,
        tags=tags,
        clean_content_tags={"script", "style"},
        attributes=attributes,
        attribute_filter=keep,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(policy.url_schemes),
    )
    # A frame whose source was refused goes altogether (nh3 leaves it empty).
    cleaned = _EMPTY_FRAME.sub("", cleaned)
    return cleaned.replace(_MORE_TOKEN, "<!-- more -->")
