"""Which local files a page uses, read from its HTML with a real parser.

Every attribute that can name a file (src, srcset, href, poster, data, action,
xlink:href, style's url() ...) of every element is read, entities decoded by
the parser, URL-decoded, with query and fragment removed; site-absolute paths
are resolved against the site's own path. The publication rule uses it to keep
files that only unpublished pages use out of the site.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "poster", "data", "action", "formaction", "cite", "background",
        "longdesc", "xlink:href", "manifest", "ping", "itemid", "archive", "codebase",
    }
)  # fmt: skip
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name in URL_ATTRIBUTES:
                self.found.append(value)
            elif name in SRCSET_ATTRIBUTES:
                self.found.extend(c.split()[0] for c in value.split(",") if c.split())
            elif name == "style":
                self.found.extend(match[2] for match in _CSS_URL.finditer(value))

    handle_startendtag = handle_starttag


def urls_in(html: str) -> list[str]:
    """Every URL that an attribute of `html` names, in document order, entities decoded."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return [url.strip() for url in collector.found if url.strip()]


def local_target(url: str, base: str, *, site_path: str = "/") -> str | None:
    """The site-relative path of the local file `url` names from the folder `base`.

    `base` is a site-relative folder ("" for the root, "blog/posts/" for a page
    there). None for links to other sites, other schemes and fragments only.
    """
    if url.startswith("//") or _SCHEME.match(url):
        return None
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    if path.startswith("/"):
        prefix = "/" + site_path.strip("/") + "/" if site_path.strip("/") else "/"
        path = path[len(prefix) :] if path.startswith(prefix) else path.lstrip("/")
    else:
        path = posixpath.join(base, path)
    path = posixpath.normpath(path)
    if path in (".", "") or path.startswith("../") or path == "..":
        return None
    return path


def targets(html: str, base: str, *, site_path: str = "/") -> set[str]:
    """The site-relative paths of every local file `html` (at folder `base`) names."""
    found = set()
    for url in urls_in(html):
        target = local_target(url, base, site_path=site_path)
        if target is not None:
            found.add(target)
    return found
