"""Options of the `hubspoke/network` plugin, grouped by feature prefix."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class NetworkConfig(Config):
    enabled = c.Type(bool, default=True)

    # Where content lives: authors/ next to mkdocs.yml; blog and personas inside docs_dir.
    authors_dir = c.Type(str, default="authors")
    blog_dir = c.Type(str, default="blog")
    personas_dir = c.Type(str, default="personas")

    # Time: naive dates are read in this zone; the clock decides what is scheduled.
    timezone = c.Type(str, default="UTC")
    clock = c.Optional(c.Type(str))

    # The blog and its index pages.
    blog_title = c.Type(str, default="Blog")
    blog_per_page = c.Type(int, default=10)
    blog_url = c.Type(str, default="blog")
    blog_categories_allowed = c.ListOfItems(c.Type(str), default=[])
    post_url_format = c.Type(str, default="blog/{date:%Y/%m/%d}/{slug}")
    post_words_per_minute = c.Type(int, default=230)
    archive_url_format = c.Type(str, default="blog/archive/{key}")
    category_url_format = c.Type(str, default="blog/category/{key}")
    tag_url_format = c.Type(str, default="blog/tag/{key}")

    # Authors.
    authors_title = c.Type(str, default="Authors")
    authors_url = c.Type(str, default="authors")
    authors_url_format = c.Type(str, default="authors/{key}")
    guest_disclosure = c.Type(
        str, default="Guest author: the views expressed here are the author's own."
    )
    guest_link_rel = c.ListOfItems(c.Type(str), default=["ugc"])

    # Personas.
    personas_title = c.Type(str, default="Personas")
    personas_url = c.Type(str, default="personas")
    personas_url_format = c.Type(str, default="personas/{key}")

    # The hub home page: latest posts and entry points per persona below its text.
    home_page = c.Type(str, default="index.md")
    home_posts = c.Type(int, default=6)

    # `mkdocs serve` shows drafts and scheduled posts with a banner; `build` never does.
    drafts_on_serve = c.Type(bool, default=True)
