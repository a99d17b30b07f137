"""Find links, images and running text in a post's Markdown, with file line numbers.

Not a Markdown renderer: a scanner good enough for editorial checks. Fenced
code blocks, inline code spans and HTML comments are blanked out first (with
their line breaks kept), so examples inside code are never reported and every
offset still maps to the right line of the file. Indented code blocks are not
recognised (list continuations look the same); use fences for code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..html import parse_attrs

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span may wrap lines but never crosses a blank line (the end of a paragraph).
_CODE_SPAN = re.compile(r"(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)

_TEXT = r"(?P<text>(?:[^\[\]\n]|\n(?!\s*\n)|\[[^\[\]]*\])*)"
_DESTINATION = r"(?:<(?P<angle>[^>\n]*)>|(?P<bare>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*))"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?"""
_INLINE_IMAGE = re.compile(r"!\[" + _TEXT + r"\]\(\s*" + _DESTINATION + _TITLE + r"\s*\)")
_INLINE_LINK = re.compile(r"(?<![!\\])\[" + _TEXT + r"\]\(\s*" + _DESTINATION + _TITLE + r"\s*\)")
_REFERENCE_IMAGE = re.compile(r"!\[" + _TEXT + r"\]\[[^\]\n]*\]")
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<url>[^\s>]+)>?", re.M)
_AUTOLINK = re.compile(r"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]+)>")
_TAG = re.compile(r"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>\s[^<>]*?)?/?>")
_URL_ATTRIBUTES = ("href", "src", "poster", "data", "cite")
_H1 = re.compile(r"^\s{0,3}#(?!#)\s+\S")


@dataclass(frozen=True)
class Reference:
    """A link or an image found in Markdown.

    `text` is the link text or the image's alt text; None for an HTML `<img>`
    without an `alt` attribute (an empty `alt=""` marks a decorative image).
    """

    kind: str
    url: str
    line: int
    text: str | None = None
    html: bool = False


def blank_code(text: str) -> str:
    """`text` with fenced code, code spans and HTML comments replaced by spaces."""
    lines = text.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None:
            if opening:
                fence = opening.group(1)[0] * len(opening.group(1))
                lines[number] = _spaces(line)
            continue
        if opening and opening.group(1).startswith(fence) and not line[opening.end() :].strip():
            fence = None
        lines[number] = _spaces(line)
    text = "\n".join(lines)
    text = _COMMENT.sub(lambda m: _spaces(m.group(0)), text)
    return _CODE_SPAN.sub(lambda m: _spaces(m.group(0)), text)


def _spaces(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


class Scanner:
    """A Markdown body and the file line its first line is on."""

    def __init__(self, body: str, first_line: int = 1):
        self.text = blank_code(body)
        self.first_line = first_line

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)

    def references(self) -> list[Reference]:
        """Every link and image, in the order they appear."""
        found = list(self._markdown()) + list(self._html())
        return sorted(found, key=lambda r: (r.line, r.kind, r.url))

    def _markdown(self) -> Iterator[Reference]:
        text = self.text
        for match in _INLINE_IMAGE.finditer(text):
            url = _destination(match)
            yield Reference("image", url, self.line_at(match.start()), _plain(match["text"]))
        for match in _REFERENCE_IMAGE.finditer(text):
            yield Reference("image", "", self.line_at(match.start()), _plain(match["text"]))
        for match in _INLINE_LINK.finditer(text):
            start = match.start("angle") if match["angle"] is not None else match.start("bare")
            yield Reference("link", _destination(match), self.line_at(start), _plain(match["text"]))
        for match in _DEFINITION.finditer(text):
            yield Reference("link", match["url"], self.line_at(match.start("url")))
        for match in _AUTOLINK.finditer(text):
            yield Reference("link", match["url"], self.line_at(match.start("url")))

    def _html(self) -> Iterator[Reference]:
        for match in _TAG.finditer(self.text):
            name = match["name"].lower()
            attrs = dict(parse_attrs(match["attrs"] or ""))
            line = self.line_at(match.start())
            for key in _URL_ATTRIBUTES:
                url = attrs.get(key)
                if url is None:
                    continue
                if name == "img" and key == "src":
                    yield Reference("image", url, line, attrs.get("alt"), html=True)
                else:
                    yield Reference("link", url, line, None, html=True)

    def phrases(self, phrases: tuple[str, ...]) -> Iterator[tuple[str, int]]:
        """(phrase, line) for each whole-word occurrence of a phrase, case-insensitive."""
        for phrase in phrases:
            for match in phrase_pattern(phrase).finditer(self.text):
                yield phrase, self.line_at(match.start())


def phrase_pattern(phrase: str) -> re.Pattern:
    """A phrase as a case-insensitive pattern: whole words, joined by any spacing,
    line break or hyphen ('world class' also finds 'World-Class')."""
    words = [re.escape(word) for word in re.split(r"[\s\-\u2010\u2011]+", phrase.strip()) if word]
    return re.compile(r"(?<!\w)" + r"[\s\-\u2010\u2011]+".join(words) + r"(?!\w)", re.I)


def heading_line(body: str, first_line: int) -> int | None:
    """The file line of the first `# Title` heading (the one that can give a post its title)."""
    for number, line in enumerate(blank_code(body).split("\n")):
        if _H1.match(line):
            return first_line + number
    return None


def _destination(match: re.Match) -> str:
    value = match["angle"] if match["angle"] is not None else match["bare"]
    return (value or "").strip()


def _plain(text: str | None) -> str:
    return " ".join((text or "").split())
