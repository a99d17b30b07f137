"""Text and URLs made safe for feeds: XML-valid characters, absolute links, UTM tags.

Feeds leave the site: every URL in them must be absolute, and every string must
be text an XML 1.0 document may hold, whatever a contributor pasted into a post.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .. import html, urls

# Characters XML 1.0 allows, minus the C0/C1 control characters, DEL and the
# non-characters U+FDD0..U+FDEF: everything else (emoji, right-to-left text and
# its direction marks) is kept as written.
_NOT_IN_FEEDS = re.compile(
    "[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAKS = re.compile(r"[\t\n\r ]+")


def clean_text(value: str | None) -> str:
    """`value` without control characters or characters XML cannot hold."""
    if not value:
        return ""
    return _NOT_IN_FEEDS.sub("", value.replace("\r\n", "\n"))


def clean_line(value: str | None) -> str:
    """A one-line text (a title, a name): cleaned, with runs of whitespace as one space."""
    return _LINE_BREAKS.sub(" ", clean_text(value)).strip()


def absolute_url(url: str, page_url: str, site_url: str) -> str:
    """Absolute URL of `url` as written on the page at site-relative `page_url`.

    URLs with a scheme (https:, mailto:, data:...) and protocol-relative ones stay
    as they are; `#anchor` points into the page; `/path` is from the host's root.
    """
    url = url.strip()
    if html.is_external(url):
        return url
    return urljoin(urls.site_base(site_url), urls.resolve(url, page_url))


def absolute_html(fragment: str, page_url: str, site_url: str) -> str:
    """The HTML fragment with every href, src, srcset... made absolute."""
    return html.rewrite_urls(fragment, lambda url: absolute_url(url, page_url, site_url))


def without_page_furniture(fragment: str) -> str:
    """Drop what only makes sense on the page: heading "¶" permalinks, `<!-- more -->`."""
    return html.MORE.sub("", html.drop_headerlinks(fragment))


def with_query(url: str, params: Mapping[str, str]) -> str:
    """`url` with `params` added to its query; parameters already there win."""
    if not params:
        return url
    parts = urlsplit(url)
    present = {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    extra = urlencode([(k, v) for k, v in params.items() if k not in present and v])
    if not extra:
        return url
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urlunsplit(parts._replace(query=query))
