"""Write a `Feed` as RSS 2.0 or Atom 1.0 (with feedgen) or JSON Feed 1.1 (with json).

Output is deterministic: entries in the order given, the feed's dates taken from
its entries (feedgen's defaults of "now" are always overridden), the generator
named without a version that could change between machines.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .table import Feed, FeedItem, cleaned

GENERATOR = "Hubspoke"
RSS_DOCS = "https://www.rssboard.org/rss-specification"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def rss(feed: Feed) -> bytes:
    """RSS 2.0: one description per item (the excerpt), the full text in content:encoded."""
    feed = cleaned(feed)
    generator = _generator(feed)
    generator.load_extension("dc", atom=False, rss=True)
    generator.docs(RSS_DOCS)
    for item in feed.items:
        entry = _entry(generator, item)
        entry.link(href=feed.link(item), rel="alternate")
        if item.image:
            entry.enclosure(item.image.url, str(item.image.length), item.image.type)
        for person in item.authors:
            entry.dc.dc_creator(person.name)
    return _xml(generator.rss_str(pretty=True), feed)


def atom(feed: Feed) -> bytes:
    """Atom 1.0: summary and content apart, authors with their profile page."""
    feed = cleaned(feed)
    generator = _generator(feed)
    generator.register_extension("links", BaseExtension, _AtomLinks, atom=True, rss=False)
    generator.id(feed.url)
    for item in feed.items:
        entry = _entry(generator, item)
        # A link without rel is the entry's alternate (RFC 4287, 4.2.7.2).
        entry.link(href=feed.link(item))
        if item.image:
            image = item.image
            entry.links.add(rel="enclosure", href=image.url, type=image.type, length=image.length)
        for person in item.authors:
            entry.author({"name": person.name, **({"uri": person.url} if person.url else {})})
    return _xml(generator.atom_str(pretty=True), feed)


class _AtomLinks(BaseEntryExtension):
    """Atom entry links with all their attributes: feedgen 1.0 writes only the href
    of an entry's links, so an enclosure would read as a second alternate link."""

    def __init__(self):
        self.links: list[dict[str, str]] = []

    def add(self, **attributes) -> None:
        self.links.append({k: str(v) for k, v in attributes.items() if v is not None})

    def extend_atom(self, entry):
        for attributes in self.links:
            xml_elem("link", entry, **attributes)
        return entry


def _generator(feed: Feed) -> FeedGenerator:
    generator = FeedGenerator()
    generator.load_extension("media")
    generator.title(feed.title)
    generator.description(feed.description)
    # feedgen uses the last link as the RSS channel link: the page, after the feed itself.
    generator.link(href=feed.url, rel="self", type=feed.spec.format.media_type)
    generator.link(href=feed.home_url, rel="alternate", type="text/html")
    if feed.language:
        generator.language(feed.language)
    generator.generator(GENERATOR)
    generator.updated(feed.updated)
    return generator


def _entry(generator: FeedGenerator, item: FeedItem):
    entry = generator.add_entry(order="append")
    entry.guid(item.id, permalink=True)
    entry.title(item.title)
    entry.published(item.published)
    entry.updated(item.updated)
    for name in item.categories:
        entry.category(term=name)
    if item.summary_html:
        entry.summary(item.summary_html, type="html")
    if item.content_html:
        entry.content(item.content_html, type="html")
    if item.image:
        image = item.image
        entry.media.content(
            url=image.url, fileSize=str(image.length), type=image.type, medium="image", group=None
        )
    return entry


def _xml(document: bytes, feed: Feed) -> bytes:
    """The document with the browser stylesheet declared, if the feed has one."""
    if not feed.stylesheet:
        return document
    declaration, _, rest = document.partition(b"\n")
    href = feed.stylesheet.replace("&", "&amp;").replace('"', "&quot;")
    instruction = f'<?xml-stylesheet href="{href}" type="text/xsl"?>'.encode()
    return declaration + b"\n" + instruction + b"\n" + rest


def json_feed(feed: Feed) -> bytes:
    """JSON Feed 1.1, keys in the order the specification lists them."""
    feed = cleaned(feed)
    data: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.url,
        "description": feed.description,
    }
    if feed.language:
        data["language"] = feed.language
    data["items"] = [_json_item(feed, item) for item in feed.items]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _json_item(feed: Feed, item: FeedItem) -> dict:
    entry: dict[str, object] = {
        "id": item.id,
        "url": feed.link(item),
        "title": item.title,
        "content_html": item.content_html or item.summary_html,
    }
    if item.summary_text:
        entry["summary"] = item.summary_text
    if item.image:
        entry["image"] = item.image.url
    entry["date_published"] = item.published.isoformat()
    entry["date_modified"] = item.updated.isoformat()
    entry["authors"] = [
        {k: v for k, v in (("name", p.name), ("url", p.url), ("avatar", p.avatar)) if v}
        for p in item.authors
    ]
    if item.categories:
        entry["tags"] = list(item.categories)
    if item.image:
        entry["attachments"] = [
            {
                "url": item.image.url,
                "mime_type": item.image.type,
                "size_in_bytes": item.image.length,
            }
        ]
    return entry


WRITERS: dict[str, Callable[[Feed], bytes]] = {"rss": rss, "atom": atom, "json": json_feed}


def render(feed: Feed) -> bytes:
    """The bytes of `feed` in its spec's format."""
    return WRITERS[feed.spec.format.name](feed)
