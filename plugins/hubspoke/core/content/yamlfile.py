"""Read YAML data files and Markdown front matter, keeping line numbers.

Dates stay strings here (they are parsed with a time zone later), duplicate
keys are reported instead of silently overwritten, and every failure becomes
a `Problem` naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent

from ..errors import Problem

MAX_TEXT_BYTES = 2 * 1024 * 1024

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


# libyaml's parser when PyYAML has it (about ten times faster), else the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Every file of a guest's pull request is untrusted: no anchors or aliases (a
# 500-byte "billion laughs" grows to gigabytes), no deep nesting (recursion),
# no tags beyond the plain types (tags build other objects), no giant numbers.
MAX_DEPTH = 50
MAX_NUMBER_LENGTH = 32
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


class RefusedYAML(yaml.MarkedYAMLError):
    """Valid YAML that Hubspoke does not read; `problem` says why and what to write instead."""

    def __init__(self, message: str, mark):
        super().__init__(problem=message, problem_mark=mark)


class _SafeComposer(Composer):
    """PyYAML's composer, refusing anchors, aliases, unusual tags and deep nesting.

    It checks each event before building its node, so nothing big is ever built.
    It also runs on libyaml's events: one check for the C and the Python parser.
    """

    # Set by the loader class `_loader_class` makes; peek_event comes from its parser.
    depth: int
    anchor: Any
    peek_event: Callable[[], Any]

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise RefusedYAML(
                f"YAML aliases (*{event.anchor}) are not allowed: write the value out",
                event.start_mark,
            )
        if event.anchor is not None and self.anchor is None:
            self.anchor = event  # refused once the document is read, unless an alias comes first
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in PLAIN_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise RefusedYAML(
                f"YAML tag {shown} is not allowed: write a plain value (text, number, list)",
                event.start_mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise RefusedYAML(
                    f"is nested more than {MAX_DEPTH} levels deep: flatten the data",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_document(self):
        node = super().compose_document()
        if self.anchor is not None:
            raise RefusedYAML(
                f"YAML anchors (&{self.anchor.anchor}) are not allowed: write the value out",
                self.anchor.start_mark,
            )
        return node


def _loader_class(base: type[Any]) -> type[Any]:
    """A safe loader on `base` that keeps timestamps as text (parsed with a time zone later)."""

    def __init__(self, stream):
        base.__init__(self, stream)
        Composer.__init__(self)
        self.depth = 0
        self.anchor = None

    loader: type[Any] = type("_Loader", (_SafeComposer, base), {"__init__": __init__})
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)
    return loader


def _bounded_int(loader, node):
    # int() refuses over 4,300 digits with a ValueError; '1:2:3:...' (base 60) is quadratic.
    if len(node.value) > MAX_NUMBER_LENGTH:
        raise RefusedYAML(
            f"number of {len(node.value):,} characters is too long: "
            f"at most {MAX_NUMBER_LENGTH} (put quotes around it if it is text)",
            node.start_mark,
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_Loader = _loader_class(_Base)


@dataclass
class Document:
    """A parsed YAML mapping and the line (1-based, in the file) of each top-level key."""

    data: dict
    lines: dict[str, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, key: str | None) -> int:
        if key is None:
            return self.first_line
        return self.lines.get(key, self.first_line)


class TextFileError(Exception):
    """A file that cannot be read as text or YAML; carries the problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text of a file (a BOM is allowed), or a problem that says how to fix it."""
    if len(raw) > MAX_TEXT_BYTES:
        raise TextFileError(
            Problem(
                path,
                None,
                None,
                f"file is larger than the limit for text files; the limit is {MAX_TEXT_BYTES:,} bytes",
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextFileError(
            Problem(
                path,
                raw[: error.start].count(b"\n") + 1,
                None,
                "is not UTF-8 text: save the file with UTF-8 encoding",
            )
        ) from None
    if "\x00" in text:
        raise TextFileError(Problem(path, None, None, "contains NUL bytes: is it a text file?"))
    return newlines(text)


def newlines(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line ends as LF, as Python and MkDocs read text."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_mapping(path: str, text: str, *, first_line: int = 1) -> Document:
    """Parse YAML text that must be a mapping; report errors at file lines.

    The text is parsed once: the node tree gives the key lines, then the data.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise TextFileError(_yaml_problem(path, error, first_line, text)) from None
    except yaml.YAMLError as error:
        raise TextFileError(
            Problem(path, first_line, None, f"is not valid YAML: {error}")
        ) from None
    if node is None:
        return Document({}, {}, first_line)
    if not isinstance(node, yaml.MappingNode):
        raise TextFileError(
            Problem(
                path,
                _line(text, node.start_mark) + first_line,
                None,
                "must be a YAML mapping of 'field: value' lines",
            )
        )
    lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        line = _line(text, key_node.start_mark) + first_line
        if key in lines:
            raise TextFileError(
                Problem(path, line, key, f"appears twice (first on line {lines[key]}); keep one")
            )
        lines[key] = line
    try:
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise TextFileError(_yaml_problem(path, error, first_line, text)) from None
    if any(not isinstance(key, str) for key in data):
        bad = next(key for key in data if not isinstance(key, str))
        raise TextFileError(Problem(path, first_line, None, f"field name {bad!r} is not text"))
    return Document(data, lines, first_line)


def _yaml_problem(path: str, error: yaml.MarkedYAMLError, first_line: int, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    lines = text.split("\n")  # only LF ends a line, as for MkDocs (not U+2028, FF…)
    index = _line(text, mark) if mark else 0
    at = lines[index] if index < len(lines) else ""
    line = index + first_line
    if isinstance(error, RefusedYAML):
        return Problem(path, line, None, error.problem or "")
    if "maximum nesting depth" in (error.problem or ""):  # libyaml's own bound
        return Problem(
            path, line, None, f"is nested more than {MAX_DEPTH} levels deep: flatten the data"
        )
    what = error.problem or error.context or "unreadable"
    hint = ""
    if "\t" in at or "tab character" in what:
        hint = " (indent with spaces, not tabs)"
    elif "mapping values are not allowed" in what:
        hint = " (put quotes around a value that contains ': ')"
    return Problem(path, line, None, f"is not valid YAML: {what}{hint}")


def _line(text: str, mark) -> int:
    """0-based line of a YAML mark, counting LF only: YAML also breaks lines at U+2028,
    U+2029 and U+0085, which editors and MkDocs show inside a line."""
    return text.count("\n", 0, mark.index) if mark.index is not None else mark.line


def split_front_matter(path: str, text: str) -> tuple[Document, str, int]:
    """Split Markdown into (front matter, body, line number where the body starts)."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---") and text.split("\n", 1)[0].strip() == "---":
            raise TextFileError(
                Problem(path, 1, None, "front matter is not closed: add a line '---' after it")
            )
        return Document({}, {}, 1), text, 1
    document = parse_mapping(path, match.group(1) or "", first_line=2)
    body = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1
    return document, body, body_line


def item_lines(text: str, key: str) -> list[int]:
    """File lines (1-based) of the items of the top-level sequence `key`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    for key_node, value in node.value:
        if getattr(key_node, "value", None) == key and isinstance(value, yaml.SequenceNode):
            return [_line(text, item.start_mark) + 1 for item in value.value]
    return []
