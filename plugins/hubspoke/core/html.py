"""Rewrite rendered HTML fragments: URLs, link relations, excerpts.

Start tags are found with one regular expression (a parser would double the
time of a 10,000-post build): it reads quoted attribute values whole and steps
over comments, CDATA sections and the content of script, style and textarea,
so text is never touched and escaped code stays as is. It is held against
`html.parser` by the property tests in tests/test_html_tokenizer.py (same tags,
same attribute values, text untouched); `has_id` uses the parser itself. The
cuts made with it (title, excerpt, permalinks, text) are held by tests/test_properties_html.py.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

MORE = re.compile(r"<!--\s*more\s*-->", re.I)

# The attributes of a start tag: quoted values may hold any character but their quote.
ATTRS = r"(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*"
# What a tokenizer steps over whole: comments, CDATA, raw text elements (with their tags).
SKIPPED = (
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>"
    rf"|<(?P<raw>script|style|textarea)(?={ATTRS}\s*/?>).*?</(?P=raw)\s*>"
)
# Any start tag, read whole so that a "<" or "<!--" in an attribute value starts nothing.
OTHER_TAG = rf"<[a-zA-Z][a-zA-Z0-9-]*{ATTRS}\s*/?>"


def tag_pattern(names: str = r"[a-zA-Z][a-zA-Z0-9-]*") -> re.Pattern:
    """A tokenizer for the start tags whose name matches `names`: a match is either
    something stepped over (group `name` None) or a start tag (`name`, `attrs`, `close`).
    Every alternative starts with "<", so the engine jumps from "<" to "<"."""
    return re.compile(
        rf"{SKIPPED}|<(?P<name>{names})(?P<attrs>{ATTRS})\s*(?P<close>/?)>|{OTHER_TAG}",
        re.S | re.I,
    )


_TOKEN = tag_pattern()
_ATTR = re.compile(
    r"(?P<name>[^\s\"'>/=]+)(?:\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`]+)))?"
)


def start_tags(fragment: str, pattern: re.Pattern = _TOKEN) -> Iterator[re.Match]:
    """The start tags of `fragment` outside comments, CDATA, script, style and textarea."""
    for match in pattern.finditer(fragment):
        if match["name"] is not None:
            yield match


URL_ATTRIBUTES = ("href", "src", "poster", "data", "action", "cite")


class _Ids(HTMLParser):
    # typeshed declares this Final, but html.parser reads it from the instance to choose
    # the elements whose text is not markup, and extending it is how a parser adds one.
    CDATA_CONTENT_ELEMENTS = ("script", "style", "textarea")  # type: ignore[misc]

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        # A raw text element's own id counts; what is inside it is text, never a tag.
        self.found.update(v for k, v in attrs if k == "id" and v)

    handle_startendtag = handle_starttag


@functools.lru_cache(maxsize=4)
def ids(page_html: str) -> frozenset[str]:
    """Every element id of `page_html`, read with `html.parser`, once per text: the
    checks of the anchors of one step (a page's images, its videos) share one parse."""
    parser = _Ids()
    parser.feed(page_html)
    parser.close()
    return frozenset(parser.found)


def has_id(page_html: str, anchor: str) -> bool:
    """Whether an element of the page has id `anchor`. A page that does not name it, even
    escaped, is not parsed (most pages with an infographic have no `text-version`)."""
    if not anchor or (anchor not in page_html and anchor not in _unescaped(page_html)):
        return False
    return anchor in ids(page_html)


@functools.lru_cache(maxsize=4)
def _unescaped(page_html: str) -> str:
    return html.unescape(page_html)


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
    """Apply `rewrite(tag_name, attrs)` to every start tag `start_tags` finds.

    `rewrite` returns new attributes, or None to leave the tag byte-for-byte.
    """
    out, last = [], 0
    for match in start_tags(fragment):
        new = rewrite(match["name"].lower(), parse_attrs(match["attrs"]))
        if new is not None:
            out.append(fragment[last : match.start()])
            out.append(render_tag(match["name"], new, match["close"]))
            last = match.end()
    out.append(fragment[last:])
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


_URL_NAME = re.compile(r"(?:href|srcset|src|poster|data|action|cite)\s*=", re.I)


def link_values(fragment: str):
    """Every URL in href/src/poster/srcset attributes of start tags outside script and
    style, unescaped: what `rewrite_urls` would see, read without rebuilding any tag."""
    for tag in start_tags(fragment):
        if not _URL_NAME.search(tag["attrs"]):
            continue
        for key, value in parse_attrs(tag["attrs"]):
            if value is None:
                continue
            if key == "srcset":
                yield from (c.split()[0] for c in value.split(",") if c.strip())
            elif key in URL_ATTRIBUTES:
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


# Every token of a fragment: what is stepped over, a start tag, or an end tag (`end`).
_ELEMENT = re.compile(
    rf"{SKIPPED}|<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>{ATTRS})\s*(?P<close>/?)>"
    r"|</(?P<end>[a-zA-Z][a-zA-Z0-9-]*)[^>]*>",
    re.S | re.I,
)
# For text: also declarations, processing instructions and tags too broken to read whole.
_MARKUP = re.compile(rf"{_ELEMENT.pattern}|<[!?][^>]*>|</?[a-zA-Z][^>]*>", re.S | re.I)
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_LEADING_H1 = re.compile(rf"\s*<h1{ATTRS}\s*>", re.I)
_PARAGRAPH = tag_pattern("p")
_LINK = tag_pattern("a")


def element_end(fragment: str, name: str, pos: int) -> int | None:
    """The offset just past the end tag that closes the `name` element whose start tag
    ends at `pos` (`name` elements inside counted), or None when it is never closed."""
    depth = 1
    for token in _ELEMENT.finditer(fragment, pos):
        if (token["name"] or "").lower() == name and not token["close"]:
            depth += 1
        elif (token["end"] or "").lower() == name:
            depth -= 1
            if not depth:
                return token.end()
    return None


def closed(fragment: str) -> str:
    """The fragment with an end tag added for every element still open at its end."""
    open_names: list[str] = []
    for token in _ELEMENT.finditer(fragment):
        name, end = (token["name"] or "").lower(), (token["end"] or "").lower()
        if name and not token["close"] and name not in VOID_ELEMENTS:
            open_names.append(name)
        elif end in open_names:
            del open_names[len(open_names) - 1 - open_names[::-1].index(end) :]
    return fragment + "".join(f"</{name}>" for name in reversed(open_names))


def more_marker(fragment: str) -> re.Match | None:
    """The first `<!-- more -->` comment (not one written inside an attribute value,
    a script or another comment)."""
    if not MORE.search(fragment):
        return None
    return next((t for t in _ELEMENT.finditer(fragment) if MORE.fullmatch(t[0])), None)


def without_tags(fragment: str, dropped: tuple[str, ...] = ()) -> str:
    """The fragment with every tag, comment, CDATA section, script, style and textarea
    replaced by a space, and so is every element named in `dropped`, with its content."""
    if not dropped or not re.search(rf"<(?:{'|'.join(dropped)})\b", fragment, re.I):
        return _MARKUP.sub(" ", fragment)  # the same, in one pass, when nothing is dropped
    out: list[str] = []
    pos = 0
    while token := _MARKUP.search(fragment, pos):
        end = token.end()
        name = (token["name"] or "").lower()
        if name in dropped and not token["close"]:
            end = element_end(fragment, name, end) or len(fragment)
        out += (fragment[pos : token.start()], " ")
        pos = end
    out.append(fragment[pos:])
    return "".join(out)


def drop_headerlinks(fragment: str) -> str:
    """The fragment without its heading permalinks (`<a class="headerlink" ...>...</a>`)."""
    if "headerlink" not in fragment:
        return fragment
    out, pos = [], 0
    for tag in start_tags(fragment, _LINK):
        classes = next((v for k, v in parse_attrs(tag["attrs"]) if k == "class"), None)
        if tag.start() < pos or "headerlink" not in (classes or "").split():
            continue
        end = element_end(fragment, "a", tag.end())
        if end is not None:
            out.append(fragment[pos : tag.start()])
            pos = end
    out.append(fragment[pos:])
    return "".join(out)


def split_title(content: str) -> tuple[str | None, str]:
    """(the leading <h1> element, the rest) of a rendered page."""
    start = _LEADING_H1.match(content)
    end = element_end(content, "h1", start.end()) if start else None
    if end is None:
        return None, content
    return content[:end].strip(), content[end:].lstrip()


def _first_paragraph(body: str) -> str:
    for tag in start_tags(body, _PARAGRAPH):
        end = element_end(body, "p", tag.end())
        return body[tag.start() : end] if end else ""
    return ""


def excerpt(content: str) -> tuple[str, bool]:
    """The part of rendered post HTML shown in listings, and whether there is more.

    Up to the `<!-- more -->` marker when present, else the first paragraph.
    The leading title and heading permalinks are dropped, and `id`s removed
    so that many excerpts can share one page.
    """
    _, body = split_title(content)
    marker = more_marker(body)
    if marker:
        part, more = closed(body[: marker.start()]), True
    else:
        part = _first_paragraph(body)
        more = bool(part) and len(body.strip()) > len(part)
    part = drop_headerlinks(part)

    def drop_ids(_name, attrs):
        if any(k == "id" for k, _ in attrs):
            return [(k, v) for k, v in attrs if k != "id"]
        return None

    return rewrite_tags(part, drop_ids).strip(), more
