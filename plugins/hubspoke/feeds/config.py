"""Options of the `hubspoke/feeds` plugin, grouped by feature prefix."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from hubspoke.core.feeds.table import FORMATS, KINDS, FeedConfigError, feed_specs
from hubspoke.options import AtLeast, KeysOf, PathFormat


class FeedPaths(c.DictOfItems):
    """kind -> format -> path format, checked against the feed table once the kinds and
    formats are known (each path is one of the feeds to write)."""

    def __init__(self):
        super().__init__(c.DictOfItems(c.Type(str)), default={})

    def post_validation(self, config, key_name):
        try:
            feed_specs(config.kinds, config.formats, config[key_name])
        except FeedConfigError as error:
            raise ValidationError(str(error)) from None


class FeedsConfig(Config):
    enabled = c.Type(bool, default=True)

    # Which feeds: every kind in every format, each written at a path format
    # (kind -> format -> path, e.g. {author: {rss: "feeds/authors/{key}.xml"}}).
    kinds = c.ListOfItems(c.Choice(tuple(KINDS)), default=list(KINDS))
    formats = c.ListOfItems(c.Choice(tuple(FORMATS)), default=list(FORMATS))
    paths = FeedPaths()

    # Entries: how many per feed, and whether they carry the whole post or the excerpt.
    items_limit = AtLeast(1, default=20)
    items_full_content = c.Type(bool, default=True)

    # UTM parameters on links to the site's own posts (utm_source per format).
    utm_enabled = c.Type(bool, default=True)
    utm_medium = c.Type(str, default="feed")
    utm_campaign = c.Optional(c.Type(str))
    utm_sources = KeysOf(FORMATS, c.Type(str), noun="formats")

    # Discovery: <link rel="alternate"> in every page's <head>, "Follow" links on
    # author, persona, category and blog pages.
    discovery_links = c.Type(bool, default=True)
    discovery_follow = c.Type(bool, default=True)

    # An XSLT stylesheet so that an RSS or Atom feed opened in a browser reads as a page.
    # Off by default: browsers are dropping XSLT, and with it a feed's bytes are not what
    # a browser (or a test driving one) shows.
    stylesheet = c.Type(bool, default=False)
    stylesheet_path = PathFormat("feeds/feed.xsl")
