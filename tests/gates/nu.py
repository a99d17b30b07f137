"""The Nu HTML Checker (vnu.jar) over every page of a built site, in one Java run."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import tools

# Messages caused by Material for MkDocs' own templates, each filtered by its exact text
# and only on the markup Material writes (the extract), so the same mistake in our
# templates is still reported.
MATERIAL_MESSAGES = {
    # base.html writes its hidden state toggles as
    # <input class="md-toggle" type="checkbox" ... autocomplete="off"> (so that Firefox does
    # not restore a toggle's state on reload). base.html is the theme's skeleton: a site that
    # copies it into overrides/ would stop following Material's updates.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”.": 'class="md-toggle"',
    # partials/nav-item.html sets `tabindex = "0" if not is_section`, which renders
    # tabindex="" on the label of a section that has an index page (navigation.indexes).
    # Browsers ignore the empty value; the macro file is too large to copy for one attribute.
    "Bad value “” for attribute “tabindex” on element “label”: "
    "The empty string is not a valid integer.": 'class="md-nav__link',
}


@dataclass
class Message:
    page: str
    line: int | None
    kind: str
    text: str
    extract: str

    def __str__(self):
        return f"{self.page}:{self.line}: {self.kind}: {self.text}\n    {self.extract.strip()!r}"


def is_material(message: Message) -> bool:
    marker = MATERIAL_MESSAGES.get(message.text)
    return marker is not None and marker in message.extract


def check(site: Path) -> list[Message]:
    """Every message of the checker on the site's HTML pages (errors and warnings)."""
    completed = subprocess.run(
        [
            tools.java(),
            "-jar",
            str(tools.vnu_jar()),
            "--format",
            "json",
            "--skip-non-html",
            "--exit-zero-always",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    messages = []
    for item in json.loads(completed.stderr)["messages"]:
        url = item.get("url", "")
        page = url.split(site.as_posix(), 1)[-1].lstrip("/") if url else "?"
        kind = item["type"] if item["type"] != "info" else item.get("subType", "info")
        messages.append(
            Message(page, item.get("lastLine"), kind, item["message"], item.get("extract", ""))
        )
    return messages
