"""Options of the `hubspoke/feeds` plugin, grouped by feature prefix."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from hubspoke.core.feeds.table import FORMATS, KINDS


class FeedsConfig(Config):
    enabled = c.Type(bool, default=True)

    # Which feeds: every kind in every format, each written at a path format
    # (kind -> format -> path, e.g. {author: {rss: "feeds/authors/{key}.xml"}}).
    kinds = c.ListOfItems(c.Choice(tuple(KINDS)), default=list(KINDS))
    formats = c.ListOfItems(c.Choice(tuple(FORMATS)), default=list(FORMATS))
    paths = c.DictOfItems(c.DictOfItems(c.Type(str)), default={})

    # Entries: how many per feed, and whether they carry the whole post or the excerpt.
    items_limit = c.Type(int, default=20)
    items_full_content = c.Type(bool, default=True)

    # UTM parameters on links to the site's own posts (utm_source per format).
    utm_enabled = c.Type(bool, default=True)
    utm_medium = c.Type(str, default="feed")
    utm_campaign = c.Optional(c.Type(str))
    utm_sources = c.DictOfItems(c.Type(str), default={})

    # Discovery: <link rel="alternate"> in every page's <head>, "Follow" links on
    # author, persona, category and blog pages.
    discovery_links = c.Type(bool, default=True)
    discovery_follow = c.Type(bool, default=True)

    # An XSLT stylesheet so that an RSS or Atom feed opened in a browser reads as a page.
    # Off by default: browsers are dropping XSLT, and with it a feed's bytes are not what
    # a browser (or a test driving one) shows.
    stylesheet = c.Type(bool, default=False)
    stylesheet_path = c.Type(str, default="feeds/feed.xsl")
