"""Options of the `hubspoke/network` plugin, grouped by feature prefix."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from hubspoke.core.media.video import EMBED_HOSTS
from hubspoke.core.network.sharing import SHARE_NETWORKS
from hubspoke.core.urls import sample_post_values
from hubspoke.options import AtLeast, Ignored, PathFormat, TimeZone

KEY = {"key": "sample"}


class NetworkConfig(Config):
    enabled = c.Type(bool, default=True)

    # Where content lives: authors/ next to mkdocs.yml; blog and personas inside docs_dir.
    authors_dir = c.Type(str, default="authors")
    blog_dir = c.Type(str, default="blog")
    personas_dir = c.Type(str, default="personas")

    # What the content folder may carry besides Markdown, images, audio, video, captions,
    # PDF, fonts, text and archives: docs-relative path patterns (fnmatch) where any type,
    # HTML, JavaScript, CSS, JSON, XML and SVG included, may be published.
    content_files_allowed = c.ListOfItems(c.Type(str), default=[])
    # Symbolic links in content/, authors/ and overrides/: refused, or allowed when they
    # resolve inside the repository.
    content_symlinks = c.Choice(("refuse", "inside"), default="refuse")

    # The blog and its index pages.
    # Titles and texts readers see: unset, each reads the site language's text.
    blog_title = c.Optional(c.Type(str))
    blog_per_page = AtLeast(1, default=10)  # posts shown as cards on an index's first page
    blog_rows_per_page = AtLeast(1, default=100)  # older posts listed per later page
    blog_url = PathFormat("blog")
    blog_categories_allowed = c.ListOfItems(c.Type(str), default=[])
    # Years and categories as nav sections under the blog (the blog home lists them anyway).
    # Off by default: each nav entry is rendered on every page, a cost on large sites.
    nav_blog_sections = c.Type(bool, default=False)
    post_url_format = PathFormat("blog/{date:%Y/%m/%d}/{slug}", sample_post_values())
    # Each tag and category of a post makes pages and feeds: a bound per post.
    post_tags_max = c.Type(int, default=20)
    post_categories_max = c.Type(int, default=10)
    # Post front-matter fields besides those Hubspoke, Material and MkDocs read (for a
    # site's own templates); any other field is reported, with a "did you mean".
    post_fields_allowed = c.ListOfItems(c.Type(str), default=[])
    post_words_per_minute = c.Type(int, default=230)
    archive_url_format = PathFormat("blog/archive/{key}", KEY, every=True)
    category_url_format = PathFormat("blog/category/{key}", KEY, every=True)
    tag_url_format = PathFormat("blog/tag/{key}", KEY, every=True)
    # Posts that name the same `series:` get a page listing them in order, and each of
    # them "Part N of M" with links to the parts before and after.
    series_url_format = PathFormat("blog/series/{key}", KEY, every=True)
    # Under each post, up to this many published posts sharing its personas, categories
    # and tags; 0 shows none.
    related_posts = AtLeast(0, default=3)

    # Time (after the URL formats: MkDocs reports the first wrong option of a plugin): naive dates are read in this zone; the clock decides what is scheduled.
    timezone = TimeZone(default="UTC")
    clock = c.Optional(c.Type(str))

    # Authors.
    authors_title = c.Optional(c.Type(str))
    authors_url = PathFormat("authors")
    authors_url_format = PathFormat("authors/{key}", KEY, every=True)
    guest_disclosure = c.Optional(c.Type(str))
    guest_link_rel = c.ListOfItems(c.Type(str), default=["ugc"])
    # Kept so old configs load, with a warning: every page is now sanitised by role
    # (hubspoke/core/content/sanitize.py), whatever this says.
    guest_sanitize = Ignored(
        "The option '{}' no longer does anything: guest HTML always goes through the guest "
        "profile. Remove it; list pages that need script under trusted_html",
        c.Type(bool, default=True),
        default=True,
        warn_on=False,
    )
    guest_iframe_hosts = c.ListOfItems(c.Type(str), default=list(EMBED_HOSTS))

    # Docs-relative source paths (fnmatch patterns, `*` crosses folders) whose pages keep their
    # HTML as written, script included; never a post with a guest author.
    trusted_html = c.ListOfItems(c.Type(str), default=[])

    # Personas.
    personas_title = c.Optional(c.Type(str))
    personas_url = PathFormat("personas")
    personas_url_format = PathFormat("personas/{key}", KEY, every=True)

    # The hub home page: latest posts and entry points per persona below its text.
    home_page = c.Type(str, default="index.md")
    home_posts = c.Type(int, default=6)

    # The hub: the company's official profiles (spokes) and the page that lists them.
    hub_spokes_file = c.Optional(c.Type(str))  # default: spokes.yml next to mkdocs.yml, if present
    hub_url = PathFormat("hub")
    hub_title = c.Optional(c.Type(str))
    hub_logo = c.Optional(c.Type(str))  # a site-relative image, used as the Organization logo
    hub_footer_social = c.Type(bool, default=True)  # fill Material's extra.social when unset

    # Share links on posts (plain links, no third-party script) and their UTM tags.
    share_networks = c.ListOfItems(c.Choice(SHARE_NETWORKS), default=list(SHARE_NETWORKS))
    share_utm = c.Type(bool, default=True)
    share_url = PathFormat("share/mastodon")

    # Open Graph, Twitter/X cards and schema.org JSON-LD on every page.
    social_metadata = c.Type(bool, default=True)

    # A Content-Security-Policy <meta> on every page: scripts only from the site
    # (the theme's inline scripts by hash), frames only from guest_iframe_hosts.
    csp = c.Type(bool, default=False)

    # `mkdocs serve` shows drafts and scheduled posts with a banner; `build` never does.
    drafts_on_serve = c.Type(bool, default=True)
