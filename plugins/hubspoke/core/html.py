"""Rewrite rendered HTML fragments: URLs, link relations, excerpts.

Works on the start tags of Markdown output with a tokenizer that respects
quoted attribute values; text is never touched, so escaped code stays as is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

MORE = re.compile(r"<!--\s*more\s*-->", re.I)

_START_TAG = re.compile(
    r"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\s+[^\s\"'>/=]+"
    r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(?P<close>/?)>"
)
_ATTR = re.compile(
    r"(?P<name>[^\s\"'>/=]+)(?:\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`]+)))?"
)
_RAW_TEXT = re.compile(r"<(script|style|textarea)\b.*?</\1\s*>", re.S | re.I)
URL_ATTRIBUTES = ("href", "src", "poster", "data", "action", "cite")


_ID_BEFORE = re.compile(r"\sid\s*=\s*[\"']?$", re.I)


def has_id(page_html: str, anchor: str) -> bool:
    """Whether an element of the page has id `anchor`.

    Finds the anchor text first (a plain substring search) and only then looks
    for `id=` just before it: a pattern that starts with `\\b` is tried at every
    position of a 50 KB page.
    """
    if not anchor:
        return False
    start = page_html.find(anchor)
    while start != -1:
        end = start + len(anchor)
        if (
            end < len(page_html)
            and page_html[end] in "\"' \t\n\r\f>"
            and _ID_BEFORE.search(page_html, max(0, start - 40), start)
        ):
            return True
        start = page_html.find(anchor, start + 1)
    return False


def parse_attrs(text: str) -> list[tuple[str, str | None]]:
    """Attributes of a start tag as (name, unescaped value or None)."""
    found = []
    for match in _ATTR.finditer(text):
        value = match["dq"] if match["dq"] is not None else match["sq"]
        if value is None:
            value = match["bare"]
        found.append((match["name"].lower(), None if value is None else html.unescape(value)))
    return found


def render_tag(name: str, attrs: list[tuple[str, str | None]], close: str = "") -> str:
    parts = [name]
    for key, value in attrs:
        parts.append(key if value is None else f'{key}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" /" if close else "") + ">"


def rewrite_tags(fragment: str, rewrite: Callable[[str, list], list | None]) -> str:
    """Apply `rewrite(tag_name, attrs)` to every start tag outside script/style.

    `rewrite` returns new attributes, or None to leave the tag byte-for-byte.
    """

    def one(match: re.Match) -> str:
        name = match["name"].lower()
        new = rewrite(name, parse_attrs(match["attrs"]))
        return match.group(0) if new is None else render_tag(match["name"], new, match["close"])

    out, last = [], 0
    for raw in _RAW_TEXT.finditer(fragment):
        out.append(_START_TAG.sub(one, fragment[last : raw.start()]))
        out.append(raw.group(0))
        last = raw.end()
    out.append(_START_TAG.sub(one, fragment[last:]))
    return "".join(out)


def rewrite_urls(fragment: str, convert: Callable[[str], str]) -> str:
    """Pass every URL in href/src/poster/srcset attributes through `convert`."""

    def rewrite(_name, attrs):
        changed = False
        result = []
        for key, value in attrs:
            if value is not None and key in URL_ATTRIBUTES:
                new = convert(value)
            elif value is not None and key == "srcset":
                new = _rewrite_srcset(value, convert)
            else:
                new = value
            changed |= new != value
            result.append((key, new))
        return result if changed else None

    return rewrite_tags(fragment, rewrite)


_URL_VALUE = re.compile(
    r"\s(?P<name>href|srcset|src|poster|data|action|cite)\s*=\s*"
    r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`]+))",
    re.I,
)


def link_values(fragment: str):
    """Every URL in href/src/poster/srcset attributes of start tags outside script and
    style, unescaped: what `rewrite_urls` would see, read without rebuilding any tag."""
    for part in _RAW_TEXT.split(fragment)[::2]:
        for tag in _START_TAG.finditer(part):
            for match in _URL_VALUE.finditer(tag["attrs"]):
                value = match["dq"] if match["dq"] is not None else match["sq"]
                value = html.unescape(match["bare"] if value is None else value)
                if match["name"].lower() == "srcset":
                    yield from (c.split()[0] for c in value.split(",") if c.strip())
                else:
                    yield value


def _rewrite_srcset(value: str, convert: Callable[[str], str]) -> str:
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(None, 1)
        if parts:
            parts[0] = convert(parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def is_external(url: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", url)) and not url.startswith("#")


def add_link_rel(fragment: str, values: tuple[str, ...]) -> str:
    """Add rel values (e.g. ugc) to every link that leaves the site."""

    def rewrite(name, attrs):
        if name != "a":
            return None
        href = next((v for k, v in attrs if k == "href"), None)
        if not href or not is_external(href):
            return None
        rel = next((v for k, v in attrs if k == "rel"), None) or ""
        words = rel.split()
        merged = " ".join(words + [v for v in values if v not in words])
        return [(k, v) for k, v in attrs if k != "rel"] + [("rel", merged)]

    return rewrite_tags(fragment, rewrite)


HEADERLINK = re.compile(r"<a\b[^>]*\bclass=\"headerlink\"[^>]*>.*?</a>", re.S | re.I)
_LEADING_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.S | re.I)
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.S | re.I)


def split_title(content: str) -> tuple[str | None, str]:
    """(the leading <h1> element, the rest) of a rendered page."""
    match = _LEADING_H1.match(content)
    if not match:
        return None, content
    return match.group(0).strip(), content[match.end() :]


def excerpt(content: str) -> tuple[str, bool]:
    """The part of rendered post HTML shown in listings, and whether there is more.

    Up to the `<!-- more -->` marker when present, else the first paragraph.
    The leading title and heading permalinks are dropped, and `id`s removed
    so that many excerpts can share one page.
    """
    _, body = split_title(content)
    marker = MORE.search(body)
    if marker:
        part, more = body[: marker.start()], True
    else:
        first = _FIRST_PARAGRAPH.search(body)
        part = first.group(0) if first else ""
        more = bool(first) and len(body.strip()) > len(part)
    part = HEADERLINK.sub("", part)

    def drop_ids(_name, attrs):
        if any(k == "id" for k, _ in attrs):
            return [(k, v) for k, v in attrs if k != "id"]
        return None

    return rewrite_tags(part, drop_ids).strip(), more
