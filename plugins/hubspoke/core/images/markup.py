"""Turn `<img>` elements that show a processed image into responsive `<picture>`s.

Works on finished page HTML: `<img>` start tags are found with a tokenizer
that respects quoted attribute values and skips script, style, textarea,
inline SVG and `<picture>` elements an author wrote. Only images the lookup
knows are changed; every attribute the author gave (alt, class, title, id,
width...) is kept. Infographics become a figure: a top preview linking to the
full-size image, a link to the text version, and the whole image on demand
(a `<div>` holding a `<figure>` and a `<details>`: a figcaption must end its figure).
The markup itself is the theme's (`hubspoke/partials/picture.html` and `infographic.html`,
which a site overrides): this module gives what they show as views (`PictureView`,
`InfographicView`) to the `ImageMarkup` it is handed. An SVG stays the author's own
`<img>`, with its display size added.

The tokenizer is a regular expression built from `core/html.py`'s pieces (a parser on
every page would cost too much); the property tests in tests/test_html_tokenizer.py hold
it against `html.parser`: it finds exactly the `<img>`s the parser finds outside comments,
CDATA, raw text and the skipped elements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..html import ATTRS, OTHER_TAG, SKIPPED, parse_attrs, render_tag

INFOGRAPHIC_CLASS = "infographic"
TEXT_ATTRIBUTE = "data-text-version"

# Comments, CDATA, raw text and the elements whose images are not ours: inline SVG,
# templates and <picture>s an author wrote.
_SKIP = SKIPPED + rf"|<(?P<skip>template|picture|svg)(?={ATTRS}\s*/?>).*?</(?P=skip)\s*>"
# An <img>, with the <p> around it when it stands alone. Every alternative starts with a
# literal "<": the regex engine then jumps from "<" to "<" instead of trying every
# position, which is 20 times faster on a whole page.
_IMG = re.compile(
    rf"{_SKIP}|<(?:(?P<open>p>\s*)<)?img(?P<attrs>{ATTRS})\s*/?>(?P<close>\s*</p>)?"
    rf"|{OTHER_TAG}",
    re.I | re.S,
)
_PLAIN_IMG = re.compile(rf"{_SKIP}|<img(?P<attrs>{ATTRS})\s*/?>|{OTHER_TAG}", re.I | re.S)


@dataclass(frozen=True)
class Variant:
    url: str  # site-relative
    width: int


@dataclass(frozen=True)
class Rendition:
    """One picture at several widths: modern formats first, then the fallback."""

    width: int
    height: int
    sources: tuple[tuple[str, tuple[Variant, ...]], ...]  # (mime type, variants)
    fallback: tuple[Variant, ...]


@dataclass(frozen=True)
class ImageView:
    """What a page may show of one source image."""

    original_url: str
    full: Rendition
    preview: Rendition | None = None
    infographic: bool = False  # tall enough to be one wherever it is shown
    original_size: tuple[int, int] | None = None  # of the full-size (cleaned) original


@dataclass(frozen=True)
class SvgView:
    width: float | None
    height: float | None


@dataclass(frozen=True)
class ImgTag:
    """An `<img>` found in content: its src, alt, classes and attributes."""

    src: str
    alt: str | None
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str | None], ...]

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)


def find_images(fragment: str) -> list[ImgTag]:
    """Every `<img>` with a src in an HTML fragment, in document order."""
    found = []
    for match in _PLAIN_IMG.finditer(fragment):
        if match["attrs"] is not None:
            attrs = tuple(parse_attrs(match["attrs"]))
            values = dict(attrs)
            src = values.get("src")
            if src:
                classes = tuple((values.get("class") or "").split())
                found.append(ImgTag(src, values.get("alt"), classes, attrs))
    return found


@dataclass(frozen=True)
class Source:
    """One `<source>` of a picture: a modern format at every width."""

    type: str  # mime type
    srcset: str
    sizes: str


@dataclass(frozen=True)
class PictureView:
    """A `<picture>`: its sources, then the `<img>`'s attributes (the author's, in their
    order, with the fallback's src, srcset, sizes and the display size)."""

    sources: tuple[Source, ...]
    img: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class InfographicView:
    """A tall image: its top (`preview`) links to the full-size original. Alone in its
    paragraph (`block`), it is a figure with links to the original and the text version
    and, when the preview is a crop, the whole image on demand (`whole`)."""

    href: str  # the full-size original, from the page
    width: int  # of the original
    height: int
    preview: PictureView
    block: bool
    text_href: str | None = None
    whole: PictureView | None = None


class ImageMarkup(Protocol):
    """Writes the views as HTML (the images section renders the theme's templates)."""

    def picture(self, view: PictureView) -> str: ...

    def infographic(self, view: InfographicView) -> str: ...


@dataclass
class PageImages:
    """How to rewrite the images of one page."""

    lookup: Callable[[str], ImageView | SvgView | None]  # src as written -> view
    relative: Callable[[str], str]  # site-relative URL -> URL from this page
    sizes: str
    markup: ImageMarkup
    eager_src: str | None = None  # src of the page's first content image (not lazy)
    text_anchor: Callable[[ImgTag], str | None] = lambda _img: None
    # Pictures already written, shared by every page of a build. Only for a `relative`
    # that gives the same URL on every page (from a placeholder root the caller replaces).
    memo: dict | None = None


def rewrite_page(page_html: str, page: PageImages) -> str:
    """The page with each known raster `<img>` as a `<picture>` (or an infographic figure)."""
    eager = {"pending": page.eager_src}

    def one(match: re.Match) -> str:
        if match["attrs"] is None:  # something stepped over
            return match.group(0)
        attrs = parse_attrs(match["attrs"])
        values = dict(attrs)
        src = values.get("src")
        view = page.lookup(src) if src else None
        if src is None or view is None:
            return match.group(0)
        opening = "<" + match["open"] if match["open"] else ""
        closing = match["close"] or ""
        if isinstance(view, SvgView):
            return opening + _svg_img(attrs, view) + closing
        first = eager["pending"] is not None and src == eager["pending"]
        if first:
            eager["pending"] = None
        tag = ImgTag(
            src, values.get("alt"), tuple((values.get("class") or "").split()), tuple(attrs)
        )
        # A decorative image (alt="", such as a post card's picture) is never made a link
        # to its full size: a link needs a name, and the image has none to give.
        decorative = tag.alt is not None and not tag.alt.strip()
        infographic = INFOGRAPHIC_CLASS in tag.classes or (view.infographic and not decorative)
        if not infographic:
            if page.memo is None:
                return opening + _picture(view.full, attrs, page, eager=first) + closing
            plain = (id(view), tuple(a for a in attrs if a[0] != "src"), opening, closing, first)
            if plain not in page.memo:
                page.memo[plain] = opening + _picture(view.full, attrs, page, eager=first) + closing
            return page.memo[plain]
        alone = bool(opening and closing)
        anchor = page.text_anchor(tag) if alone else None
        key = (id(view), tuple(a for a in attrs if a[0] != "src"), opening, closing, first, anchor)
        if page.memo is not None and key in page.memo:
            return page.memo[key]
        figure = page.markup.infographic(
            infographic_view(view, tag, page, eager=first, block=alone, anchor=anchor)
        )
        figure = figure if alone else opening + figure + closing
        if page.memo is not None:
            page.memo[key] = figure
        return figure

    return _IMG.sub(one, page_html)


def _picture(
    rendition: Rendition, attrs: list[tuple[str, str | None]], page: PageImages, *, eager: bool
) -> str:
    return page.markup.picture(picture_view(rendition, attrs, page, eager=eager))


def picture_view(
    rendition: Rendition,
    attrs: list[tuple[str, str | None]],
    page: PageImages,
    *,
    eager: bool = False,
    lazy: bool | None = None,
) -> PictureView:
    """One `<source>` per modern format, then the `<img>` with the fallback."""
    values = dict(attrs)
    width, height = _display_size(values, rendition)
    sizes = f"{values['width']}px" if _number(values.get("width")) else page.sizes
    sources = tuple(
        Source(mime, _srcset(variants, page), sizes) for mime, variants in rendition.sources
    )
    largest = rendition.fallback[-1]
    new = {
        "src": page.relative(largest.url),
        "srcset": _srcset(rendition.fallback, page),
        "sizes": sizes,
        "width": str(width),
        "height": str(height),
    }
    if lazy is None:
        lazy = not eager
    if lazy:
        new.setdefault("loading", values.get("loading") or "lazy")
        new.setdefault("decoding", values.get("decoding") or "async")
    drop = {"loading", "decoding"} if not lazy else set()
    merged: list[tuple[str, str | None]] = []
    for key, value in attrs:
        if key == TEXT_ATTRIBUTE or key in drop:
            continue
        merged.append((key, new.pop(key) if key in new else value))
    merged.extend(new.items())
    if "alt" not in values:
        merged.append(("alt", ""))
    return PictureView(sources, tuple(merged))


def infographic_view(
    view: ImageView, tag: ImgTag, page: PageImages, *, eager: bool, block: bool, anchor: str | None
) -> InfographicView:
    preview = view.preview or view.full
    attrs = [(k, v) for k, v in tag.attrs if k not in ("width", "height")]
    width, height = view.original_size or (view.full.width, view.full.height)
    whole = None
    if block and view.preview:
        whole = picture_view(view.full, attrs, page, lazy=True)
    return InfographicView(
        href=page.relative(view.original_url),
        width=width,
        height=height,
        preview=picture_view(preview, attrs, page, eager=eager),
        block=block,
        text_href=anchor if block else None,
        whole=whole,
    )


def _svg_img(attrs: list[tuple[str, str | None]], view: SvgView) -> str:
    values = dict(attrs)
    merged = list(attrs)
    if view.width and view.height and not (values.get("width") and values.get("height")):
        width, height = _display_size(values, view)
        merged = [(k, v) for k, v in attrs if k not in ("width", "height")]
        merged += [("width", str(width)), ("height", str(height))]
    return render_tag("img", merged)


def _display_size(values: dict, intrinsic) -> tuple[int, int]:
    """width and height attributes: the author's, else the image's, keeping the ratio."""
    width, height = _number(values.get("width")), _number(values.get("height"))
    ratio = intrinsic.height / intrinsic.width
    if width and height:
        return width, height
    if width:
        return width, max(1, round(width * ratio))
    if height:
        return max(1, round(height / ratio)), height
    return round(intrinsic.width), round(intrinsic.height)


def _number(value: str | None) -> int | None:
    if value and value.strip().isdigit() and int(value) > 0:
        return int(value)
    return None


def _srcset(variants: tuple[Variant, ...], page: PageImages) -> str:
    return ", ".join(f"{page.relative(v.url)} {v.width}w" for v in variants)
