"""Which feeds the network has and what goes in each, from one table of specs.

A feed is a *kind* (the whole site, one author, one persona, one category) in a
*format* (RSS 2.0, Atom 1.0, JSON Feed 1.1). `feed_specs` builds the table of
the selected kinds x formats, each with the path format of its file; `select`
picks every feed's posts with the publication rule; `feed_item` turns a post
into plain entry data and `Feed` holds one feed, ready for a writer
(`hubspoke.core.feeds.writers`).
"""

from __future__ import annotations

import html as html_lib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import quote

from .. import text
from ..labels import ENGLISH, Labels
from ..network.assembly import Network, view_specs
from ..network.model import Post
from ..urls import PathFormatError, format_path, placeholders, site_base
from .text import (
    absolute_html,
    absolute_url,
    clean_line,
    clean_text,
    with_query,
    without_page_furniture,
)

_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?)])")


@dataclass(frozen=True)
class FeedFormat:
    """A feed format: its media type, how links name it, its UTM source."""

    name: str
    label: str
    media_type: str
    utm_source: str


@dataclass(frozen=True)
class FeedKind:
    """What a feed follows: `view` is the network index whose page it belongs to."""

    name: str
    view: str
    title: str


FORMATS: dict[str, FeedFormat] = {
    "rss": FeedFormat("rss", "RSS", "application/rss+xml", "rss"),
    "atom": FeedFormat("atom", "Atom", "application/atom+xml", "atom"),
    "json": FeedFormat("json", "JSON Feed", "application/feed+json", "jsonfeed"),
}

KINDS: dict[str, FeedKind] = {
    "site": FeedKind("site", "blog", "{site}"),
    "author": FeedKind("author", "author", "{name} – {site}"),
    "persona": FeedKind("persona", "persona", "{name} – {site}"),
    "category": FeedKind("category", "category", "{name} – {site}"),
}

# Where each feed is written, relative to the site root: kind -> format -> path format.
DEFAULT_PATHS: dict[str, dict[str, str]] = {
    "site": {"rss": "feeds/rss.xml", "atom": "feeds/atom.xml", "json": "feeds/feed.json"},
    "author": {
        "rss": "feeds/authors/{key}.rss.xml",
        "atom": "feeds/authors/{key}.atom.xml",
        "json": "feeds/authors/{key}.json",
    },
    "persona": {
        "rss": "feeds/personas/{key}.rss.xml",
        "atom": "feeds/personas/{key}.atom.xml",
        "json": "feeds/personas/{key}.json",
    },
    "category": {
        "rss": "feeds/categories/{key}.rss.xml",
        "atom": "feeds/categories/{key}.atom.xml",
        "json": "feeds/categories/{key}.json",
    },
}


class FeedConfigError(ValueError):
    """A feed option that cannot work: unknown kind or format, a bad path format."""


@dataclass(frozen=True)
class FeedSpec:
    """One row of the table: a kind in a format, written at `path` ({key} filled)."""

    kind: FeedKind
    format: FeedFormat
    path: str

    def path_for(self, key: str) -> str:
        return format_path(self.path, key=key)


def feed_specs(
    kinds: Iterable[str] = tuple(KINDS),
    formats: Iterable[str] = tuple(FORMATS),
    paths: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[FeedSpec, ...]:
    """The table of feeds to write: every selected kind in every selected format.

    `paths` overrides entries of DEFAULT_PATHS (kind -> format -> path format).
    Rows come in the order of KINDS and FORMATS, whatever the order asked for.
    """
    kinds, formats, paths = list(kinds), list(formats), dict(paths or {})
    _known("kind", kinds, KINDS)
    _known("format", formats, FORMATS)
    _known("kind in paths", paths, KINDS)
    for kind, overrides in paths.items():
        _known(f"format in paths.{kind}", overrides, FORMATS)
    specs: list[FeedSpec] = []
    seen: dict[str, str] = {}
    for kind in (k for k in KINDS if k in kinds):
        for name in (f for f in FORMATS if f in formats):
            path = {**DEFAULT_PATHS[kind], **paths.get(kind, {})}[name]
            option = f"paths.{kind}.{name}"
            _check_path(option, path, needs_key=kind != "site")
            shape = path.replace("{key}", "\0")
            if shape in seen:
                raise FeedConfigError(f"{option} and {seen[shape]} are the same path {path!r}")
            seen[shape] = option
            specs.append(FeedSpec(KINDS[kind], FORMATS[name], path))
    return tuple(specs)


def _known(what: str, given: Iterable[str], known: Mapping[str, object]) -> None:
    unknown = [name for name in given if name not in known]
    if unknown:
        raise FeedConfigError(
            f"unknown feed {what} {', '.join(map(repr, unknown))}; use {', '.join(known)}"
        )


def _check_path(option: str, path: str, *, needs_key: bool) -> None:
    try:
        used = placeholders(path)
        expected = {"key"} if needs_key else set()
        if used != expected:
            rule = "must use {key}" if needs_key else "takes no placeholder"
            raise FeedConfigError(f"{option} {rule}: {path!r}")
        format_path(path, key="sample")
    except PathFormatError as error:
        raise FeedConfigError(f"{option}: {error}") from None


# -- what goes in each feed ----------------------------------------------------


def select(
    network: Network, specs: Iterable[FeedSpec], limit: int
) -> dict[tuple[str, str], tuple[Post, ...]]:
    """The newest `limit` syndicated posts of every feed, by (kind, key).

    Only posts the publication rule syndicates count; a key without such a post
    has no feed. Posts are newest first, ties broken by source path.
    """
    keys_of = {view.kind: view.keys for view in view_specs(network.settings.paths)}
    posts = sorted(network.syndicated, key=lambda p: (p.date, p.source), reverse=True)
    found: dict[tuple[str, str], tuple[Post, ...]] = {}
    for kind in dict.fromkeys(spec.kind for spec in specs):
        buckets: dict[str, list[Post]] = defaultdict(list)
        for post in posts:
            for key in dict.fromkeys(keys_of[kind.view](post)):
                if len(buckets[key]) < limit:
                    buckets[key].append(post)
        for key in sorted(buckets):
            found[(kind.name, key)] = tuple(buckets[key])
    return found


def describe(
    network: Network,
    kind: str,
    key: str,
    *,
    site: str,
    tagline: str | None,
    labels: Labels = ENGLISH,
):
    """(title, description) of the feed of `kind`/`key`, from the network's names."""
    if kind == "site":
        latest = labels.text("feed.site_description", site=clean_line(site))
        return clean_line(site), clean_line(tagline) or latest
    if kind == "author":
        author = network.authors[key]
        name = author.name
        about = ", ".join(x for x in (author.title, author.organization) if x)
        description = labels.text("feed.author_description", name=name, about=about)
    elif kind == "persona":
        name = network.personas[key].name
        description = network.personas[key].summary
    elif kind == "tag":
        name = network.tags().get(key, key)
        description = labels.text("feed.tag_description", name=name, site=site)
    else:
        category = network.categories().get(key)
        name = category.name if category else key
        description = labels.text("feed.category_description", name=name, site=site)
    title = clean_line(KINDS.get(kind, KINDS["category"]).title.format(site=site, name=name))
    return title, clean_line(description) or title  # RSS needs a description


# -- entries -------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """An author as feeds show them: a name, a profile page, a picture; never an email."""

    name: str
    url: str | None = None
    avatar: str | None = None


@dataclass(frozen=True)
class Media:
    """A file attached to an entry (the post's image): absolute URL, bytes, media type."""

    url: str
    length: int
    type: str


@dataclass(frozen=True)
class FeedItem:
    """One post as every feed format shows it; all text cleaned, all URLs absolute.

    `id` is the post's permalink on this site (stable across builds); `url` is
    where readers go: the permalink, or the `canonical_url` a post declares.
    """

    id: str
    url: str
    title: str
    published: datetime
    updated: datetime
    authors: tuple[Person, ...]
    categories: tuple[str, ...]
    summary_html: str
    summary_text: str
    content_html: str | None = None
    image: Media | None = None

    @property
    def on_site(self) -> bool:
        """Whether the link stays on this site (only such links get UTM tags)."""
        return self.url == self.id


def feed_item(
    post: Post,
    *,
    page_url: str,
    site_url: str,
    body_html: str,
    excerpt_html: str,
    authors: Sequence[Person],
    image: Media | None = None,
    disclosure: str | None = None,
    full_content: bool = True,
) -> FeedItem:
    """The entry of `post`, whose page is at site-relative `page_url`.

    `body_html` and `excerpt_html` are the rendered post, with URLs relative to
    its page. A guest post's `disclosure` opens the text the feed carries.
    """
    permalink = absolute_url(page_url, "", site_url)
    summary = _html(excerpt_html, page_url, site_url)
    if not summary and post.description:
        summary = f"<p>{html_lib.escape(clean_line(post.description), quote=False)}</p>"
    note = (
        f"<p><em>{html_lib.escape(clean_line(disclosure), quote=False)}</em></p>\n"
        if disclosure
        else ""
    )
    content = note + _html(body_html, page_url, site_url) if full_content else None
    if note and not full_content:
        summary = note + summary
    return FeedItem(
        id=permalink,
        url=post.canonical_url or permalink,
        title=post.title,
        published=post.date,
        updated=max(post.updated or post.date, post.date),
        authors=tuple(authors),
        categories=tuple(c.name for c in post.categories),
        summary_html=summary,
        summary_text=clean_line(post.description) or _plain(summary),
        content_html=content,
        image=image,
    )


def _plain(fragment: str) -> str:
    """One line of text from HTML, without the spaces tags leave before punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", clean_line(text.plain_text(fragment)))


def _html(fragment: str, page_url: str, site_url: str) -> str:
    return absolute_html(without_page_furniture(fragment), page_url, site_url).strip()


def utm_params(
    fmt: FeedFormat, *, medium: str = "feed", campaign: str | None = None, source: str = ""
) -> dict[str, str]:
    """UTM parameters for links from a feed in `fmt` (utm_source=rss, atom or jsonfeed)."""
    params = {"utm_source": source or fmt.utm_source, "utm_medium": medium}
    if campaign:
        params["utm_campaign"] = campaign
    return params


# -- feeds ---------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    """One feed file: what it is, where it goes, its entries newest first."""

    spec: FeedSpec
    key: str
    path: str
    url: str
    title: str
    description: str
    home_url: str
    items: tuple[FeedItem, ...]
    language: str | None = None
    utm: Mapping[str, str] = field(default_factory=dict)
    stylesheet: str | None = None

    @property
    def updated(self) -> datetime:
        """The newest date among the entries: the feed changes when they do, not each build."""
        return max(item.updated for item in self.items)

    def link(self, item: FeedItem) -> str:
        """Where the entry sends readers, tagged with UTM parameters when it is on this site."""
        return with_query(item.url, self.utm) if item.on_site else item.url


def cleaned(feed: Feed) -> Feed:
    """The feed with every text fit for XML, whoever built it: writers start here."""
    return replace(
        feed,
        url=clean_line(feed.url),
        title=clean_line(feed.title),
        description=clean_line(feed.description),
        home_url=clean_line(feed.home_url),
        items=tuple(_cleaned(item) for item in feed.items),
    )


def _cleaned(item: FeedItem) -> FeedItem:
    image = item.image
    return replace(
        item,
        id=clean_line(item.id),
        url=clean_line(item.url),
        title=clean_line(item.title),
        authors=tuple(
            Person(clean_line(p.name), clean_line(p.url) or None, clean_line(p.avatar) or None)
            for p in item.authors
        ),
        categories=tuple(clean_line(name) for name in item.categories),
        summary_html=clean_text(item.summary_html),
        summary_text=clean_line(item.summary_text),
        content_html=clean_text(item.content_html) or None,
        image=replace(image, url=clean_line(image.url), type=clean_line(image.type))
        if image
        else None,
    )


def file_url(path: str, site_url: str) -> str:
    """Absolute URL of the site file at `path` (percent-encoded)."""
    return site_base(site_url) + quote(path)
