"""Accept an SVG only if all it can do is draw: no script, no events, no outside world.

An SVG opened directly (a link to the file) runs its scripts in the site's
origin, so the build refuses any SVG with a `script` or `foreignObject`
element, an event handler attribute (`onload=...`), a `javascript:` URL, or a
reference outside the file (href, `url(...)`, `@import`, a stylesheet
processing instruction). It is parsed with expat: entity declarations (the
"billion laughs" attack) and external entities are refused before expansion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.parsers import expat

_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler"}
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_SAFE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp|avif)[;,]", re.I)
_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


class SvgProblem(Exception):
    """Why an SVG file cannot be published, phrased for an editor."""


@dataclass(frozen=True)
class SvgInfo:
    """An SVG judged safe, with its intrinsic size when it states one."""

    width: float | None
    height: float | None


def check_svg(data: bytes) -> SvgInfo:
    """Parse the SVG in `data`; raise SvgProblem naming the first unsafe thing found."""
    state = _Walk()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_entity(*_args):
        raise SvgProblem(
            "declares XML entities, which Hubspoke does not expand: "
            "export the SVG without a DOCTYPE (e.g. 'Plain SVG' or SVG 1.1 without DTD)"
        )

    def instruction(target, text):
        if target.lower() == "xml-stylesheet":
            raise SvgProblem("loads a stylesheet from outside the file (xml-stylesheet)")

    def start(name, attributes):
        local = name.rsplit(" ", 1)[-1]
        if state.root is None:
            if local != "svg":
                raise SvgProblem(f"is not an SVG image (its root element is <{local}>)")
            state.root = attributes
        if local.lower() in _FORBIDDEN_ELEMENTS:
            raise SvgProblem(f"contains a <{local}> element, which can run code")
        if local == "style":
            state.style += 1
        for attribute, value in attributes.items():
            _check_attribute(local, attribute.rsplit(" ", 1)[-1], value)

    def end(name):
        if name.rsplit(" ", 1)[-1] == "style":
            state.style -= 1

    def text(data):
        if state.style:
            _check_css(data, "a <style> element")

    parser.EntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_entity
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise SvgProblem(f"is not well-formed XML (line {error.lineno}): {error}") from None
    if state.root is None:
        raise SvgProblem("is empty or not an SVG image")
    return _size(state.root)


def _check_attribute(element: str, name: str, value: str) -> None:
    lowered = name.lower()
    if lowered.startswith("on"):
        raise SvgProblem(f"has an event handler attribute {name}= on <{element}>, which runs code")
    if "javascript:" in re.sub(r"\s+", "", value).lower():
        raise SvgProblem(f"has a javascript: URL in {name}= on <{element}>")
    if lowered in ("href", "src") and not _internal(value):
        raise SvgProblem(
            f"refers to {value.strip()[:80]!r} outside the file ({name}= on <{element}>): "
            "embed the resource or remove the reference"
        )
    if element in ("set", "animate") and lowered == "attributename" and value.endswith("href"):
        raise SvgProblem(f"animates a link target (<{element} attributeName={value!r}>)")
    _check_css(value, f"{name}= on <{element}>")


def _check_css(css: str, where: str) -> None:
    if "@import" in css.lower():
        raise SvgProblem(f"imports a stylesheet from outside the file ({where})")
    for match in _URL.finditer(css):
        if not _internal(match.group(2)):
            raise SvgProblem(
                f"refers to {match.group(2).strip()[:80]!r} outside the file ({where})"
            )


def _internal(value: str) -> bool:
    value = value.strip()
    return value == "" or value.startswith("#") or bool(_SAFE_DATA.match(value))


@dataclass
class _Walk:
    """What the parser has seen so far: the root element's attributes, <style> depth."""

    root: dict[str, str] | None = None
    style: int = 0


def _size(root: dict) -> SvgInfo:
    attributes = {k.rsplit(" ", 1)[-1]: v for k, v in root.items()}
    width = _length(attributes.get("width"))
    height = _length(attributes.get("height"))
    if width is None or height is None:
        box = attributes.get("viewBox", "").replace(",", " ").split()
        if len(box) == 4:
            try:
                box_w, box_h = float(box[2]), float(box[3])
            except ValueError:
                box_w = box_h = 0
            if box_w > 0 and box_h > 0:
                if width is not None:
                    height = width * box_h / box_w
                elif height is not None:
                    width = height * box_w / box_h
                else:
                    width, height = box_w, box_h
    return SvgInfo(width, height)


def _length(value: str | None) -> float | None:
    match = _NUMBER.match(value or "")
    return float(match.group(1)) if match and float(match.group(1)) > 0 else None
