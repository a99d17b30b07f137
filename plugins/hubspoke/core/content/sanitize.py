"""Sanitise contributor HTML with nh3 (the Ammonia sanitiser), one profile per role.

Who is trusted for what:

- Nobody who writes a page in the content runs script or steers the theme. Every
  Markdown page (posts, ordinary pages, personas, author profiles and bios, events)
  goes through a profile; no profile keeps `<script>`, `<style>`, `<base>`, `<meta>`,
  `<link>`, `<object>`/`<embed>`, event handlers, `javascript:`/`data:`/`vbscript:`
  URLs (also in srcset, action, formaction), `data-md-*` attributes, or an id or
  name the theme's scripts look up (see `reserved_id`): such an id is renamed to
  `content-<id>`, and so are the `href="#..."`, `for` and `headers` that point at it.
- Guests (outsiders whose pull requests are merged after reading the prose) get
  GUEST: Markdown's own output, pictures, audio, video and frames from the allowed
  video hosts. No style attribute.
- Experts, and every page that is not a post, get EXPERT: GUEST plus forms, more
  table and media attributes, and a `style` attribute limited to box and text
  properties (no position, no `url()`, no escapes: nothing that reaches outside
  the element or the site).
- Only the site's maintainers, through mkdocs.yml (the network option
  `trusted_html`, source path patterns), can let a page keep its HTML as written.
  A post with a guest author is never exempt. The build cannot know who wrote a
  file, so nothing a contributor writes (front matter, authors) loosens a profile.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3

from ..html import MORE, parse_attrs, tag_pattern
from ..media.video import EMBED_HOSTS

_GUEST_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "iframe", "picture", "source", "figure", "figcaption", "section", "input", "label",
    "svg", "path", "use", "audio", "video", "track",
}  # fmt: skip
_EXPERT_TAGS = _GUEST_TAGS | {
    "form", "fieldset", "legend", "button", "select", "option", "optgroup", "textarea",
    "output", "meter", "progress", "datalist", "main", "header", "footer", "nav", "aside",
    "article", "mark", "wbr", "caption", "colgroup", "col",
}  # fmt: skip
# Never kept, whatever a profile lists: they run script, load code, or change the page.
FORBIDDEN_TAGS = frozenset(
    {"script", "style", "base", "meta", "link", "object", "embed", "applet", "frame",
     "frameset", "noscript", "template", "portal", "math", "foreignobject", "animate", "set"}
)  # fmt: skip
GLOBAL_ATTRIBUTES = frozenset(
    {"class", "id", "title", "lang", "dir", "role", "aria-hidden", "aria-label"}
)
_GUEST_ATTRIBUTES = {
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
_EXPERT_MORE = {
    "*": {"style", "hidden", "tabindex"},
    "div": {"data-tabs"},  # pymdownx.tabbed
    "form": {"action", "method", "name", "autocomplete"},
    "input": {"value", "placeholder", "required", "min", "max", "step", "size", "maxlength",
              "pattern", "autocomplete", "readonly", "multiple", "accept"},
    "button": {"type", "name", "value", "disabled", "formaction", "formmethod"},
    "select": {"name", "multiple", "required", "disabled", "size"},
    "option": {"value", "selected", "disabled", "label"},
    "optgroup": {"label", "disabled"},
    "textarea": {"name", "rows", "cols", "placeholder", "required", "readonly", "maxlength"},
    "fieldset": {"disabled", "name"},
    "output": {"for", "name"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "progress": {"value", "max"},
    "iframe": {"referrerpolicy", "sandbox"},
    "video": {"loop", "muted", "playsinline", "autoplay"},
    "audio": {"loop", "muted"},
    "col": {"span"},
    "colgroup": {"span"},
    "table": {"summary"},
    "a": {"target", "download"},
}  # fmt: skip
_EXPERT_STYLE = frozenset(
    {"color", "background-color", "text-align", "vertical-align", "font-weight", "font-style",
     "font-size", "font-variant", "text-decoration", "text-transform", "letter-spacing",
     "line-height", "white-space", "word-break", "width", "height", "min-width", "max-width",
     "min-height", "max-height", "margin", "margin-top", "margin-right", "margin-bottom",
     "margin-left", "padding", "padding-top", "padding-right", "padding-bottom",
     "padding-left", "border", "border-top", "border-right", "border-bottom", "border-left",
     "border-color", "border-style", "border-width", "border-radius", "border-collapse",
     "display", "float", "clear", "list-style-type", "opacity", "gap", "aspect-ratio"}
)  # fmt: skip
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "cite", "action", "formaction"})
ID_REFERENCES = frozenset({"for", "headers"})  # attributes that name ids, space-separated
RENAMED_PREFIX = "content-"
# Ids that Markdown extensions write and Material reads only inside the content
# (code line anchors, line spans, content tabs): kept, so those features work.
_EXTENSION_ID = re.compile(r"__(codelineno-\d+-\d+|span-\d+-\d+|tabbed_\d+(_\d+)?)")
_STYLE_ESCAPES = re.compile(r"url\s*\(|image|expression|@import|\\|/\*|binding|behavio", re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_MORE_TOKEN = "\ue000hubspoke-more\ue000"
_FRAME = tag_pattern("iframe")
_FRAME_END = re.compile(r"</iframe\s*>", re.I)  # a frame's content is text: the first ends it
DEFAULT_IFRAME_HOSTS = EMBED_HOSTS  # the hosts of our own video players


@dataclass(frozen=True)
class Policy:
    """What one role's HTML may contain. `Policy()` is the guest profile."""

    tags: frozenset[str] = _GUEST_TAGS
    attributes: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: {t: frozenset(a) for t, a in _GUEST_ATTRIBUTES.items()}
    )
    style_properties: frozenset[str] = frozenset()  # empty: no style attribute
    iframe_hosts: tuple[str, ...] = DEFAULT_IFRAME_HOSTS
    url_schemes: frozenset[str] = field(
        default_factory=lambda: frozenset({"https", "http", "mailto"})
    )


def guest_policy(iframe_hosts: tuple[str, ...] = DEFAULT_IFRAME_HOSTS) -> Policy:
    return Policy(iframe_hosts=tuple(iframe_hosts))


def expert_policy(iframe_hosts: tuple[str, ...] = DEFAULT_IFRAME_HOSTS) -> Policy:
    attributes = {t: set(a) for t, a in _GUEST_ATTRIBUTES.items()}
    for tag, extra in _EXPERT_MORE.items():
        attributes.setdefault(tag, set()).update(extra)
    return Policy(
        tags=_EXPERT_TAGS,
        attributes={t: frozenset(a) for t, a in attributes.items()},
        style_properties=_EXPERT_STYLE,
        iframe_hosts=tuple(iframe_hosts),
    )


def reserved_id(value: str) -> bool:
    """An id or name the theme's scripts may look up: Material's own all start with
    `__` (`__config`, `__search`, `__drawer`, `__palette_0`, `__nav_1`...)."""
    return value.startswith("__") and not _EXTENSION_ID.fullmatch(value)


def _renamed_fragment(url: str) -> str:
    """A link into this site follows the ids the sanitiser renames: `#__x` and
    `other/#__x` become `…#content-__x`; a link to another site is left alone."""
    base, hash_, fragment = url.partition("#")
    if not hash_ or not fragment.startswith("__"):
        return url
    parts = urlsplit(base)
    if parts.scheme or parts.netloc:
        return url
    return f"{base}#{safe_id(fragment)}"


def safe_id(value: str) -> str:
    return RENAMED_PREFIX + value if reserved_id(value) else value


def _safe_url(value: str, schemes: frozenset[str]) -> bool:
    # Browsers drop tabs and newlines anywhere in a URL, and spaces around it.
    scheme = _SCHEME.match(_CONTROL.sub("", value).lower())
    return scheme is None or scheme[1] in schemes


def _safe_srcset(value: str, schemes: frozenset[str]) -> bool:
    return all(_safe_url(c.strip().split(" ")[0], schemes) for c in value.split(",") if c.strip())


def sanitize(fragment: str, policy: Policy = Policy()) -> str:
    """The fragment with everything outside the profile removed, reserved ids renamed."""
    tags = set(policy.tags) - FORBIDDEN_TAGS
    attributes = {tag: set(attrs) for tag, attrs in policy.attributes.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES) | attributes.get("*", set())
    if not policy.style_properties:
        attributes["*"].discard("style")
    schemes = policy.url_schemes

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute.startswith(("on", "data-md-")):
            return None
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            return (
                value if parts.scheme == "https" and parts.hostname in policy.iframe_hosts else None
            )
        if attribute == "srcset":
            return value if _safe_srcset(value, schemes) else None
        if attribute in URL_ATTRIBUTES:
            if not _safe_url(value, schemes):
                return None
            return _renamed_fragment(value)
        if attribute in ("id", "name"):
            return safe_id(value)
        if attribute in ID_REFERENCES:
            return " ".join(safe_id(part) for part in value.split())
        if attribute == "style" and _STYLE_ESCAPES.search(value):
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
        url_schemes=set(schemes),
        filter_style_properties=set(policy.style_properties) or None,
    )
    return _without_empty_frames(cleaned).replace(_MORE_TOKEN, "<!-- more -->")


def _without_empty_frames(cleaned: str) -> str:
    """A frame whose source was refused goes altogether (nh3 leaves it without `src`); a
    kept frame keeps its start tag and nothing of its content. Browsers never show what is
    written inside an iframe, and nh3 keeps it as written, raw text that every later
    reader of the page's HTML (link relations, excerpts, plain text, CSP) would take for
    markup: `<!--` in it would hide the guest's links that follow from them all."""
    out, pos = [], 0
    while token := _FRAME.search(cleaned, pos):
        start, end = token.start(), token.end()
        if token["name"] is not None:
            close = _FRAME_END.search(cleaned, end)
            end = close.end() if close else len(cleaned)
            out.append(cleaned[pos:start])
            if any(name == "src" for name, _ in parse_attrs(token["attrs"])):
                out.append(cleaned[start : token.end()] + "</iframe>")
            pos = end
            continue
        out.append(cleaned[pos:end])
        pos = end
    out.append(cleaned[pos:])
    return "".join(out)
