"""The kinds of page the network owns, in one table: what each kind gets at every step.

A page's kind comes from its role (`PageRole.kind`, found by source path). Every step
that treats kinds differently reads its row here instead of testing the kind's name:
the template a page gets when it names none, its title and description, whether it is
left out of search and search engines, whether its HTML is sanitised as a guest's, the
template context, the social metadata (Open Graph type and JSON-LD), which social
card it shows, and the overview whose nav section it belongs to. A new kind of page is
a new row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from mkdocs.structure.pages import Page

from hubspoke.core.network.assembly import Network
from hubspoke.core.network.model import Post

from .config import NetworkConfig
from .context import Presenter
from .sitefiles import PageRole


class NetworkBuild(Protocol):
    """What the rows read of the network's build (`build.NetworkBuild`), all read-only."""

    @property
    def options(self) -> NetworkConfig: ...
    @property
    def network(self) -> Network: ...
    @property
    def presenter(self) -> Presenter: ...
    @property
    def posts_by_source(self) -> dict[str, Post]: ...

    def has_guest(self, post: Post) -> bool: ...


# Where a page gets its default template, title and description from, and its context.
Describe = Callable[[NetworkBuild, PageRole], tuple[object | None, object | None]]
# A page's template context: None for a page at an index path without its index.
Context = Callable[[NetworkBuild, PageRole, Page], dict | None]


def _never(build: NetworkBuild, key: str) -> bool:
    return False


def _post_by_guest(build: NetworkBuild, key: str) -> bool:
    return build.has_guest(build.posts_by_source[key])


def _author_is_guest(build: NetworkBuild, key: str) -> bool:
    author = build.network.authors.get(key)
    return author is None or author.is_guest


def _post_text(build: NetworkBuild, role: PageRole):
    post = build.posts_by_source[role.key]
    return post.title, post.description


def _persona_text(build: NetworkBuild, role: PageRole):
    persona = build.network.personas[role.key]
    return persona.name, persona.summary


def _index(build: NetworkBuild, role: PageRole, page: Page) -> dict | None:
    if role.index is None:  # every role of these kinds is an index page's
        return None
    return build.presenter.index_page(role.index, page.url)


@dataclass(frozen=True)
class PageKind:
    name: str
    context: Context
    # The template of a page that names none; "index" takes the index page's own.
    template: str | None = None
    # The page's own title and description, over what its front matter says (always
    # for posts, whose title the schema holds; else only where the page has none).
    describe: Describe | None = None
    describe_wins: bool = False
    # Only with an index (the writer's page at an index path), as for personas.
    only_with_index: bool = False
    searchable: bool = True
    # Left out of search engines when the publication rule says not indexed (posts).
    noindex_unless_indexed: bool = False
    guest: Callable[[NetworkBuild, str], bool] = _never
    # Social metadata: "article", "profile", "organization", "collection" or "website".
    social: str = "website"
    # Which social card: "post" and "author" have their own, else the site's.
    card: str = "site"
    # The page whose nav section the page belongs to (its tab is active on it): the
    # first page of that kind ("blog", "authors", "personas"); None: found by its URL.
    home: str | None = None


KINDS: dict[str, PageKind] = {
    kind.name: kind
    for kind in (
        PageKind(
            "post",
            context=lambda b, r, p: b.presenter.post_page(b.posts_by_source[r.key]),
            template="hubspoke/post.html",
            describe=_post_text,
            describe_wins=True,
            noindex_unless_indexed=True,
            guest=_post_by_guest,
            social="article",
            card="post",
            home="blog",
        ),
        PageKind(
            "home",
            context=lambda b, r, p: b.presenter.home_page(
                p.url, b.options.home_posts, hub_path=b.options.hub_url
            ),
            template="hubspoke/home.html",
            social="organization",
        ),
        PageKind(
            "share",
            context=lambda b, r, p: {"role": "share", "noindex": True},
            searchable=False,
        ),
        PageKind("blog", context=_index, home="blog", template="index", social="collection"),
        PageKind("archive", context=_index, home="blog", social="collection"),
        PageKind("category", context=_index, home="blog", social="collection"),
        PageKind("tag", context=_index, home="blog", social="collection"),
        PageKind("series", context=_index, home="blog", social="collection"),
        PageKind(
            "author",
            context=_index,
            guest=_author_is_guest,
            social="profile",
            card="author",
            home="authors",
        ),
        PageKind(
            "persona",
            context=_index,
            template="hubspoke/persona.html",
            describe=_persona_text,
            only_with_index=True,
            social="collection",
            home="personas",
        ),
        PageKind(
            "authors",
            context=lambda b, r, p: b.presenter.authors_page(),
            template="hubspoke/authors.html",
        ),
        PageKind(
            "personas",
            context=lambda b, r, p: b.presenter.personas_page(),
            template="hubspoke/personas.html",
        ),
        PageKind(
            "categories",
            context=lambda b, r, p: b.presenter.terms_page("category"),
            template="hubspoke/terms.html",
            social="collection",
        ),
        PageKind(
            "tags",
            context=lambda b, r, p: b.presenter.terms_page("tag"),
            template="hubspoke/terms.html",
            social="collection",
        ),
        PageKind(
            "hub",
            context=lambda b, r, p: b.presenter.hub_page(),
            template="hubspoke/hub.html",
            social="organization",
        ),
    )
}
