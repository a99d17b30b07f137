"""Grow the navigation: the blog becomes a section with its archive and
categories, the personas overview a section with every persona.

Posts, author pages and later pages of an index stay out of the navigation
(a nav with thousands of entries costs time on every page).
"""

from __future__ import annotations

from mkdocs.structure import StructureItem
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

Group = tuple[str | None, list[File]]


def expand(nav: Navigation, overview: File | None, title: str, groups: list[Group]) -> None:
    """Turn the nav entry of `overview` into a section holding it and `groups`.

    A group with a title becomes a sub-section; one without adds its pages
    directly. Pages already somewhere in the nav are not added twice.
    """
    if overview is None or overview.page is None:
        return
    found = _find(nav.items, overview.page)
    if found is None:
        return
    siblings, index = found
    present = {id(p) for p in nav.pages}
    children: list[StructureItem] = []
    for heading, files in groups:
        pages: list[StructureItem] = [
            f.page for f in files if f.page is not None and id(f.page) not in present
        ]
        if not pages:
            continue
        if heading:
            children.append(Section(heading, pages))
        else:
            children.extend(pages)
    if not children:
        return
    page = overview.page
    parent = page.parent
    if parent is not None and parent.children and parent.children[0] is page:
        parent.children.extend(children)
    else:
        siblings[index] = Section(page.title or title, [page, *children])
    _relink(nav)


def _find(items: list, page: Page) -> tuple[list, int] | None:
    for position, item in enumerate(items):
        if item is page:
            return items, position
        if item.is_section:
            found = _find(item.children, page)
            if found:
                return found
    return None


def _relink(nav: Navigation) -> None:
    """Recompute parents, the flat page list and previous/next links."""
    pages: list[Page] = []

    def walk(items, parent):
        for item in items:
            item.parent = parent
            if item.is_section:
                walk(item.children, item)
            elif item.is_page:
                pages.append(item)

    walk(nav.items, None)
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    nav.pages = pages
