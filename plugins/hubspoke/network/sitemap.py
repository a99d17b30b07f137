"""Sitemap dates from the content, never from the day of the build.

MkDocs gives every page the build day as `update_date`, so sitemap.xml (and the
time stamp in sitemap.xml.gz) changed daily. A page's `<lastmod>` is its own date
(a post's `updated`, else its `date`; an event's announcement) and a page without
one has none. The template reads `page.meta[LASTMOD]`.
"""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

LASTMOD = "hubspoke_lastmod"


def lastmod(when: datetime | None) -> str | None:
    """The W3C date a sitemap shows for a page dated `when` (None: no date)."""
    return when.date().isoformat() if when else None


def post_date(post) -> datetime | None:
    """A post's own date: when it was last updated, else when it was published."""
    return (post.updated or post.date) if post is not None else None


def regzip(site_dir: str) -> None:
    """sitemap.xml.gz again, with no time stamp in its header (MkDocs writes the build day)."""
    xml = Path(site_dir) / "sitemap.xml"
    if xml.is_file():
        with (
            open(f"{xml}.gz", "wb") as out,
            gzip.GzipFile(fileobj=out, filename=f"{xml}.gz", mode="wb", mtime=0) as gz,
        ):
            gz.write(xml.read_bytes())
