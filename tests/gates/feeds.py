"""Every feed of a built site, found by content (not by name), and judged by a parser.

RSS, Atom and RDF feeds are read by feedparser (its released versions do not read JSON
Feed); JSON Feeds are checked against a JSON Schema of the JSON Feed 1.1 specification.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import feedparser
import jsonschema
from lxml import etree

XML_ROOTS = {"rss", "feed", "RDF"}

# JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): what a reader relies on.
JSON_FEED_SCHEMA = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"enum": ["https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"]},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "icon": {"type": "string", "pattern": "^https?://"},
        "favicon": {"type": "string", "pattern": "^https?://"},
        "language": {"type": "string"},
        "authors": {"type": "array", "items": {"$ref": "#/$defs/author"}},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "external_url": {"type": "string", "pattern": "^https?://"},
                    "title": {"type": "string"},
                    "content_html": {"type": "string"},
                    "content_text": {"type": "string"},
                    "summary": {"type": "string"},
                    "image": {"type": "string", "pattern": "^https?://"},
                    "banner_image": {"type": "string", "pattern": "^https?://"},
                    "date_published": {"type": "string", "format": "date-time"},
                    "date_modified": {"type": "string", "format": "date-time"},
                    "authors": {"type": "array", "items": {"$ref": "#/$defs/author"}},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                    "attachments": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["url", "mime_type"],
                            "properties": {
                                "url": {"type": "string", "pattern": "^https?://"},
                                "mime_type": {"type": "string", "minLength": 3},
                                "size_in_bytes": {"type": "integer", "minimum": 0},
                                "duration_in_seconds": {"type": "number", "minimum": 0},
                            },
                        },
                    },
                },
            },
        },
    },
    "$defs": {
        "author": {
            "type": "object",
            "anyOf": [{"required": ["name"]}, {"required": ["url"]}],
            "properties": {
                "name": {"type": "string"},
                "url": {"type": "string", "pattern": "^https?://"},
                "avatar": {"type": "string", "pattern": "^https?://"},
            },
        }
    },
}


@dataclass
class Feed:
    path: Path
    kind: str  # "xml" or "json"


def find(site: Path) -> list[Feed]:
    """Every file of the site that is a feed, whatever its name."""
    feeds = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".xml", ".rss", ".atom") and path.is_file():
            try:
                root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
            except etree.XMLSyntaxError:
                feeds.append(Feed(path, "xml"))  # looks like a feed file: let the parser judge
                continue
            if etree.QName(root).localname in XML_ROOTS:
                feeds.append(Feed(path, "xml"))
        elif path.suffix == ".json" and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                continue
            version = data.get("version") if isinstance(data, dict) else None
            if isinstance(version, str) and version.startswith("https://jsonfeed.org/version/"):
                feeds.append(Feed(path, "json"))
    return feeds


def problems(feed: Feed) -> list[str]:
    """Why a feed reader would stumble on this feed (empty when it reads it cleanly)."""
    if feed.kind == "json":
        data = json.loads(feed.path.read_text(encoding="utf-8"))
        checker = jsonschema.Draft202012Validator(
            JSON_FEED_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        return [
            f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in checker.iter_errors(data)
        ]
    parsed = feedparser.parse(feed.path.read_bytes())
    found = []
    if parsed.bozo:
        found.append(f"not well-formed: {parsed.get('bozo_exception')}")
    if not parsed.get("version"):
        found.append("feedparser does not recognise it as RSS or Atom")
    if not parsed.feed.get("title"):
        found.append("the feed has no title")
    for number, entry in enumerate(parsed.entries, 1):
        if not entry.get("link"):
            found.append(f"entry {number} has no link")
    return found
