"""The documentation keeps up with the code: docs/options.md lists exactly the options of
every plugin (read from their Config classes at run time), with their defaults, and every
relative link in README.md and docs/ leads to a file, and a heading, that exists."""

from __future__ import annotations

import re
import tomllib
from importlib import import_module

import pytest
import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from hubspoke.editorial.config import EditorialConfig
from hubspoke.feeds.config import FeedsConfig
from hubspoke.images.config import ImagesConfig
from hubspoke.media.config import MediaConfig
from hubspoke.network.config import NetworkConfig

from .conftest import ROOT

OPTIONS = ROOT / "docs" / "options.md"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Each plugin's section in docs/options.md is the heading "## `<plugin name>`".
PLUGINS: dict[str, type[Config]] = {
    "hubspoke/network": NetworkConfig,
    "hubspoke/media": MediaConfig,
    "hubspoke/images": ImagesConfig,
    "hubspoke/feeds": FeedsConfig,
    "hubspoke/editorial": EditorialConfig,
}
OPTION_TABLE = ["option", "default", "what it does"]
REQUIRED = object()  # the default column says "required": the option has no default


# -- reading Markdown ------------------------------------------------------------------


def without_fences(text: str) -> list[str]:
    """The lines of `text`, with fenced code blocks blanked (their lines are kept, empty)."""
    lines, fence = [], None
    for line in text.splitlines():
        marker = re.match(r"\s*(```+|~~~+)", line)
        if fence is None and marker:
            fence = marker[1]
            line = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            line = ""
        lines.append(line)
    return lines


def cells(row: str) -> list[str]:
    """The cells of a table row; a `|` inside backticks or escaped as `\\|` stays in its cell."""
    found, cell, in_code = [], "", False
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and body[index + 1 : index + 2] == "|":
            cell += "|"
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            found.append(cell.strip())
            cell = ""
        else:
            cell += char
        index += 1
    if cell.strip():
        found.append(cell.strip())
    return found


def heading(line: str) -> str | None:
    match = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
    return match[1] if match else None


def option_tables(text: str) -> dict[str, list[list[str]]]:
    """Every `| option | default | what it does |` table's rows, keyed by the text of the
    nearest heading above it, backticks removed (e.g. "hubspoke/network")."""
    tables: dict[str, list[list[str]]] = {}
    section, rows, in_table = "", None, False
    for line in [*without_fences(text), ""]:
        if line.lstrip().startswith("|"):
            row = cells(line)
            if not in_table:
                in_table = True
                rows = None
                if [cell.lower() for cell in row] == OPTION_TABLE:
                    assert section not in tables, f"two option tables under {section!r}"
                    rows = tables[section] = []
            elif rows is not None and not re.fullmatch(r"[\s|:-]+", line):
                rows.append(row)
            continue
        in_table = False
        title = heading(line)
        if title is not None:
            section = title.replace("`", "").strip()
    return tables


def slug(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title)  # a link keeps its text
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for line in without_fences(text):
        title = heading(line)
        if title is None:
            continue
        base = slug(title)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(text: str) -> list[tuple[int, str]]:
    """(line number, target) of every Markdown link and image outside code."""
    found = []
    for number, line in enumerate(without_fences(text), start=1):
        prose = re.sub(r"(`+).*?\1", "", line)  # code spans show examples, not links
        for match in re.finditer(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)", prose):
            found.append((number, match[1]))
    return found


# -- what the docs say about options ---------------------------------------------------


def documented(section: str) -> dict[str, str]:
    """Option name -> default cell, for the option table under `section` of options.md."""
    tables = option_tables(OPTIONS.read_text(encoding="utf-8"))
    assert section in tables, f"docs/options.md has no option table under the heading {section!r}"
    found: dict[str, str] = {}
    for row in tables[section]:
        assert len(row) == 3, f"docs/options.md, {section}: a row needs 3 cells: {row}"
        name = re.fullmatch(r"`([A-Za-z_][A-Za-z0-9_]*)`", row[0])
        assert name, f"docs/options.md, {section}: write the option name in backticks: {row[0]!r}"
        assert name[1] not in found, f"docs/options.md, {section}: {name[1]} is listed twice"
        found[name[1]] = row[1]
    return found


def default_of(cell: str):
    """The value a default cell stands for: `yaml value`, *none* or required."""
    if cell == "required":
        return REQUIRED
    if cell == "*none*":
        return None
    code = re.fullmatch(r"`([^`]*)`", cell)
    assert code, f"a default is `a YAML value`, *none* or required, not {cell!r}"
    return yaml.safe_load(code[1])


def expected_default(option: c.BaseConfigOption):
    if option.default is None and not isinstance(option, c.Optional):
        return REQUIRED
    return option.default


def sections() -> list[tuple[str, type[Config]]]:
    """(heading, Config class) for each plugin, and for each option made of sub-options
    (e.g. podcast_shows: one entry per show), whose heading names that option."""
    found = []
    for name, config in PLUGINS.items():
        found.append((name, config))
        for option_name, option in config._schema:
            inner = getattr(option, "option_type", option)
            if isinstance(inner, c.SubConfig):
                found.append((f"{option_name} entries", inner.config_class))
    return found


# -- the tests -------------------------------------------------------------------------


def test_every_plugin_of_the_package_has_a_section():
    """A new plugin (an entry point in pyproject.toml) needs its own section in options.md."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = project["project"]["entry-points"]["mkdocs.plugins"]
    assert set(entry_points) == set(PLUGINS)
    for name, target in entry_points.items():
        module, _, attribute = target.partition(":")
        assert getattr(import_module(module), attribute).config_class is PLUGINS[name]


@pytest.mark.parametrize(
    "section,config", [pytest.param(s, config, id=s) for s, config in sections()]
)
def test_options_md_lists_exactly_the_options_with_their_defaults(section, config):
    docs = documented(section)
    schema = dict(config._schema)
    missing = [name for name in schema if name not in docs]
    unknown = [name for name in docs if name not in schema]
    assert not missing, f"docs/options.md, {section}: add a row for {missing}"
    assert not unknown, f"docs/options.md, {section}: {unknown} are not options of {section}"
    wrong = {
        name: (docs[name], expected_default(option))
        for name, option in schema.items()
        if default_of(docs[name]) != expected_default(option)
    }
    assert not wrong, f"docs/options.md, {section}: defaults (documented, actual): {wrong}"


def test_options_md_lists_the_options_in_the_order_of_the_code():
    """The tables follow the Config classes, grouped by feature as the code groups them."""
    for section, config in sections():
        listed, order = list(documented(section)), [name for name, _ in config._schema]
        if set(listed) != set(order):
            continue  # a missing or unknown row: the test above names it
        moved = next(
            (i for i, (a, b) in enumerate(zip(listed, order, strict=True)) if a != b), None
        )
        assert moved is None, (
            f"docs/options.md, {section}: {listed[moved]} is listed where {order[moved]} "
            "belongs; list the options in the order of the code"
        )


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_relative_links_lead_to_files_and_headings_that_exist(page):
    text = page.read_text(encoding="utf-8")
    broken = []
    for number, target in links(text):
        if not target or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
            continue  # an address on the web (https:, mailto:), not a file of the repository
        path, _, anchor = target.partition("#")
        where = (page.parent / path).resolve() if path else page
        if not where.is_relative_to(ROOT) or not where.exists():
            broken.append(f"{number}: {target}: no such file")
        elif (
            anchor
            and where.suffix == ".md"
            and anchor not in anchors(where.read_text(encoding="utf-8"))
        ):
            broken.append(f"{number}: {target}: no heading with the anchor #{anchor}")
    assert not broken, f"{page.relative_to(ROOT)}:\n" + "\n".join(broken)


def test_the_parsers_read_what_they_should():
    """The small Markdown readers above, on a sample with the traps they must avoid."""
    sample = (
        "## `hubspoke/x`\n\n| option | default | what it does |\n| --- | --- | --- |\n"
        "| `a` | `[1, 2]` | one `a|b` \\| two |\n| `b` | *none* | see [c](c.md#d) |\n\n"
        "```yaml\n| `z` | 1 | in a fence |\n# not a heading\n```\n"
        "## Other, things `code`\n\n| x | y |\n| --- | --- |\n| `q` | 1 |\n"
        "Write `[e](missing.md)` to link.\n## Other, things `code`\n"
    )
    assert option_tables(sample) == {
        "hubspoke/x": [["`a`", "`[1, 2]`", "one `a|b` | two"], ["`b`", "*none*", "see [c](c.md#d)"]]
    }
    assert links(sample) == [(6, "c.md#d")]
    assert anchors(sample) == {"hubspokex", "other-things-code", "other-things-code-1"}
    assert default_of("`[1, 2]`") == [1, 2] and default_of("*none*") is None


def test_the_build_command_tells_how_to_read_the_site_through_a_server():
    """The site's links are folder URLs: a site opened as a file shows folder listings."""
    script = (ROOT / "tools" / "site.sh").read_text(encoding="utf-8")
    said = " ".join(line for line in script.splitlines() if line.lstrip().startswith("echo"))
    assert "open site/index.html" not in said
    assert "--serve" in said and "http.server --directory site" in said
