"""Grow the navigation: the blog becomes a section with its archive and
categories, the personas overview a section with every persona.

Posts, author pages and later pages of an index stay out of the navigation
(a nav with thousands of entries costs time on every page), yet each belongs
to a section of it: `placements` finds, for every page outside the nav, the
section (or top-level page) it hangs under, so that MkDocs marks it and its tab
active on the page and the sidebar shows it. `shows_only` tells where the
primary sidebar would list nothing but the page itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
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


def placements(nav: Navigation, files: Files, homes: Mapping[str, str]) -> dict[str, StructureItem]:
    """For every documentation page outside the nav, the nav item it hangs under.

    Its home is the nav page `homes` names for its source path (a post's is the blog
    home, an author's the authors overview, an event's the events index), else the nav
    page whose folder holds the page's URL, the deepest one (never the site's home page,
    whose folder holds everything). It hangs under the home's section; a home at the
    top level is no section's, and stands in as the parent itself: MkDocs marks a page's
    parent active with the page (`Page.active`), and a top-level page's tab and sidebar
    entry show its own flag. Wrapping such a page in a section of its own would do the
    same on wide screens, but open the phone's drawer on a panel with nothing in it.
    """
    in_nav = {page.file.src_uri: page for page in nav.pages}
    folders = sorted(
        ((folder, page) for page in nav.pages if (folder := _folder(page.url))),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    found: dict[str, StructureItem] = {}
    for file in files.documentation_pages():
        if file.src_uri in in_nav:
            continue
        home = in_nav.get(homes.get(file.src_uri, ""))
        if home is None:
            home = next((page for folder, page in folders if file.url.startswith(folder)), None)
        if home is not None:
            found[file.src_uri] = home.parent or home
    return found


def _folder(url: str) -> str:
    """The URL folder a nav page is the index of ("blog/" for blog/ and blog/index.html);
    empty for the site's root and for a page that is no folder's index."""
    if url.endswith("/"):
        return url
    if url.endswith("/index.html"):
        return url[: -len("index.html")]
    return ""


def shows_only(page: Page) -> bool:
    """Whether the primary sidebar, lifted by navigation tabs to the page's top-level
    section, would list nothing but the page itself: a top-level page, a page outside
    the nav under no section, or a section whose only page is this one."""
    top: StructureItem = page
    while top.parent is not None:
        top = top.parent
    if not isinstance(top, Section):
        return top is page
    pages = _pages_of(top)
    return len(pages) == 1 and pages[0] is page


def _pages_of(section: Section) -> list[StructureItem]:
    found: list[StructureItem] = []
    for child in section.children:
        if isinstance(child, Section):
            found.extend(_pages_of(child))
        elif child.is_page:
            found.append(child)
    return found
