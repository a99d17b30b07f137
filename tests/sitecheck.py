"""Checks of a built site that several tests share: links resolve, text is absent."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup


def local_targets(site: Path, page: Path, soup: BeautifulSoup):
    """(attribute value, file it points to) for every local link and image on a page."""
    base = "http://site/" + page.relative_to(site).as_posix()
    for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
        for element in soup.find_all(tag):
            value = element.get(attr)
            if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            absolute = urlsplit(urljoin(base, value))
            if absolute.netloc != "site":
                continue
            path = unquote(absolute.path).lstrip("/")
            target = site / path
            if path == "" or path.endswith("/"):
                target = target / "index.html"
            yield value, target


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for value, target in local_targets(site, page, soup):
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {value}")
    return broken


def files_containing(site: Path, needle: str) -> list[str]:
    """Every output file (any type, names included) that mentions `needle`."""
    found = []
    needle_bytes = needle.encode()
    for file in sorted(site.rglob("*")):
        if (
            needle in file.relative_to(site).as_posix()
            or file.is_file()
            and needle_bytes in file.read_bytes()
        ):
            found.append(file.relative_to(site).as_posix())
    return found


def listed_titles(soup: BeautifulSoup) -> list[str]:
    """Titles of the post cards on a listing page, in order."""
    return [a.get_text(strip=True) for a in soup.select(".hs-card__title a, .hs-compact > li > a")]


def all_listing_titles(built, first_url: str) -> list[str]:
    """Titles on every page of a paginated listing, following its 'next' links."""
    titles, url = [], first_url
    while url is not None:
        soup = built.html(url)
        titles += listed_titles(soup)
        step = soup.select_one(".hs-pagination a[rel=next]")
        url = urlsplit(urljoin("http://site/" + url, step["href"])).path[1:] if step else None
    return titles
