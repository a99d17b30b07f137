"""What Hubspoke plugins add to a page's <head> and to its "follow" links.

Each plugin adds to the same `Head` in `on_page_context`; the template
`hubspoke/partials/head.html` (included by Hubspoke's `main.html`) renders it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

CONTEXT_KEY = "hubspoke_head"


@dataclass
class Head:
    """Elements for one page's <head>, plus feeds a reader can follow from the page."""

    links: list[dict] = field(default_factory=list)
    meta: list[dict] = field(default_factory=list)
    jsonld: list[dict] = field(default_factory=list)
    follow: list[dict] = field(default_factory=list)

    def link(self, rel: str, href: str, **attributes: str) -> None:
        """A <link>: e.g. link('alternate', url, type='application/rss+xml', title='...')."""
        self.links.append({"rel": rel, "href": href, **attributes})

    def property(self, name: str, content) -> None:
        """An Open Graph style <meta property=... content=...>."""
        if content not in (None, ""):
            self.meta.append({"property": name, "content": str(content)})

    def name(self, name: str, content) -> None:
        """A <meta name=... content=...> (Twitter/X card tags and the like)."""
        if content not in (None, ""):
            self.meta.append({"name": name, "content": str(content)})

    def jsonld_scripts(self) -> list[str]:
        """Each JSON-LD object as text safe inside <script>: no '<', '>' or '&' left."""
        return [script_json(item) for item in self.jsonld]


def script_json(data) -> str:
    """JSON that cannot end its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def head_of(context) -> Head:
    """The page's Head, created on first use."""
    head = context.get(CONTEXT_KEY)
    if head is None:
        head = Head()
        context[CONTEXT_KEY] = head
    return head
