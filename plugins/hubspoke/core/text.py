"""Small text helpers: slugs, titles from Markdown, word counts and reading time."""

from __future__ import annotations

import html
import math
import re
import unicodedata

from .html import without_tags

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX_H1 = re.compile(r"^\s{0,3}#(?!#)\s+(.+?)\s*#*\s*$")
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
_INLINE_MARKUP = re.compile(r"[*_`]|!?\[([^\]]*)\]\([^)]*\)")
# Left out of plain text with their content (scripts and styles are left out anyway).
_SKIPPED_ELEMENTS = ("pre", "svg")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def slugify(text: str) -> str:
    """'Über 10,000 meters!' -> 'uber-10-000-meters'; keeps letters of other scripts."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if slug:
        return slug
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-_")


def extract_title(markdown: str) -> str | None:
    """The text of the first level-1 ATX heading outside code fences, if any."""
    fence = None
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)[0] * 3
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        if fence:
            continue
        heading = _ATX_H1.match(line)
        if heading:
            title = _ATTR_LIST.sub("", heading.group(1))
            title = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", title)
            return title.strip() or None
    return None


def plain_text(fragment: str) -> str:
    """Visible text of an HTML fragment (code, scripts and SVG left out)."""
    return html.unescape(without_tags(fragment, _SKIPPED_ELEMENTS))


def word_count(fragment: str) -> int:
    """Number of words of running text in an HTML fragment."""
    return len(_WORD.findall(plain_text(fragment)))


def reading_time(fragment: str, words_per_minute: int = 230) -> int:
    """Minutes to read an HTML fragment, at least one."""
    return max(1, math.ceil(word_count(fragment) / words_per_minute))
