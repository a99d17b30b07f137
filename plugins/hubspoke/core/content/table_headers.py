"""Tables whose first column names the rows get row headers, so every cell has a header.

Writers often leave the top-left cell of a comparison table empty:

    |                 | Ultrasonic | Radar |
    | --------------- | ---------- | ----- |
    | Alarms per month| 37         | 3     |

Markdown makes the first column data cells under an empty column header, so a screen
reader announces "37" with no idea of what was counted (axe-core: td-has-header,
critical). When the top-left header is empty, the first cell of each body row becomes a
row header (`<th scope="row">`) and the empty corner a plain cell; everything else stays
as written. A Python-Markdown tree processor, run after the tables extension.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def _is_empty(cell: ET.Element) -> bool:
    return len(cell) == 0 and not (cell.text or "").strip()


def give_row_headers(table: ET.Element) -> bool:
    """Turn the first column of `table` into row headers when its corner cell is empty;
    True if it did."""
    head_row = table.find("thead/tr")
    body = table.find("tbody")
    if head_row is None or body is None or len(head_row) < 2:
        return False
    corner = head_row[0]
    if corner.tag != "th" or not _is_empty(corner):
        return False
    rows = [row for row in body.findall("tr") if len(row) and row[0].tag == "td"]
    if not rows:
        return False
    corner.tag = "td"
    for row in rows:
        row[0].tag = "th"
        row[0].set("scope", "row")
    return True


class _RowHeaders(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            give_row_headers(table)


class TableHeadersExtension(Extension):
    """Registered by the network section for every page of the site."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After the tables block processor made the table (block processing runs before
        # tree processors); before inline processing, which does not touch the tags.
        md.treeprocessors.register(_RowHeaders(md), "hubspoke_row_headers", 25)


def makeExtension(**kwargs) -> TableHeadersExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown loads an extension named by its module path through this."""
    return TableHeadersExtension(**kwargs)
