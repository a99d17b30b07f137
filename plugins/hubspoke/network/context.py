"""Template context for Hubspoke pages: plain dicts the templates read.

Every URL handed to templates is site-relative (as MkDocs' `url` filter
expects); excerpts are rewritten to be correct from the page showing them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

import markdown
from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup

from hubspoke.core import html, urls
from hubspoke.core.content.sanitize import Policy, expert_policy, guest_policy, sanitize
from hubspoke.core.labels import ENGLISH, Labels
from hubspoke.core.network import sharing
from hubspoke.core.network.assembly import Network
from hubspoke.core.network.cardimage import CardImage, card_image
from hubspoke.core.network.hubsvg import SpokeCount, describe, hub_picture
from hubspoke.core.network.indexes import IndexPage
from hubspoke.core.network.model import Author, Persona, Post
from hubspoke.core.network.spokes import Spoke
from hubspoke.core.text import slugify
from hubspoke.fragments import Fragments, root_url

from .addresses import Addresses
from .rendered import RenderedPost

# The guest disclosure's icon, one of the theme's bundled SVGs (inlined, never fetched).
DISCLOSURE_ICON = "material/account-edit-outline"


@dataclass
class Presenter:
    """Turns model objects into what templates show, for one build."""

    network: Network
    locale: str
    guest_disclosure: str
    guest_link_rel: tuple[str, ...]
    guest_policy: Policy = field(default_factory=guest_policy)
    expert_policy: Policy = field(default_factory=expert_policy)
    company: str = ""
    company_spokes: list[Spoke] = field(default_factory=list)
    site_url: str | None = None
    share_networks: tuple[str, ...] = ()
    share_utm: bool = True
    labels: Labels = ENGLISH
    addresses: Addresses = field(default_factory=lambda: Addresses(view_formats={}))
    fragments: Fragments | None = None
    rendered: dict[str, RenderedPost] = field(default_factory=dict)
    browse: dict[str, list[dict]] = field(default_factory=dict)
    terms: dict[str, list[dict]] = field(default_factory=dict)
    # Each post's social card, filled by the images section in on_env (`Hub.social_cards`).
    social_cards: Mapping[str, str] = field(default_factory=dict)
    _bios: dict[str, str] = field(default_factory=dict)
    _author_cards: dict[str, dict] = field(default_factory=dict)
    _counts: Counter | None = None
    _html: dict[tuple[str, str], Markup] = field(default_factory=dict)
    _locale: Locale | None = None

    def __post_init__(self):
        try:
            self._locale = Locale.parse(self.locale.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self._locale = Locale.parse("en")

    # -- small pieces -------------------------------------------------------

    def date(self, value: datetime | None) -> dict | None:
        if value is None:
            return None
        return {"iso": value.isoformat(), "text": format_date(value, "long", locale=self._locale)}

    def view_url(self, kind: str, key: str) -> str | None:
        return self.addresses.view(kind, key)

    def author_link(self, author_id: str) -> dict:
        author = self.network.authors[author_id]
        return {
            "id": author.id,
            "name": author.name,
            "url": self.view_url("author", author.id),
            "avatar": self.addresses.avatars.get(author.id),
            "initials": _initials(author.name),
            "guest": author.is_guest,
        }

    def bio_html(self, author: Author) -> str:
        if author.id not in self._bios:
            rendered = markdown.markdown(author.bio, extensions=["attr_list", "smarty"])
            policy = self.guest_policy if author.is_guest else self.expert_policy
            rendered = sanitize(rendered, policy)
            if author.is_guest:
                rendered = html.add_link_rel(rendered, self.guest_link_rel)
            self._bios[author.id] = Markup(rendered)
        return self._bios[author.id]

    def author_card(self, author: Author) -> dict:
        """An author as cards and profiles show them; made once per build (read-only)."""
        if author.id not in self._author_cards:
            self._author_cards[author.id] = self._author_card(author)
        return self._author_cards[author.id]

    def _author_card(self, author: Author) -> dict:
        link = self.author_link(author.id)
        link.update(
            {
                "title": author.title,
                "organization": author.organization,
                "role": author.role,
                "active": author.active,
                "bio": self.bio_html(author),
                "topics": list(author.topics),
                "spokes": [self.spoke(s) for s in author.spokes],
            }
        )
        return link

    # -- posts in listings --------------------------------------------------

    def card(self, post: Post, page_url: str | None) -> dict:
        """A post as listings show it; `page_url` None writes URLs from the placeholder root."""
        rendered = self.rendered.get(post.source)
        post_url = self.addresses.posts[post.source]
        excerpt = ""
        if rendered:
            excerpt = Markup(_rebase(rendered.excerpt, post_url, page_url))
        if not excerpt and post.description:
            excerpt = Markup("<p>{}</p>").format(post.description)
        visibility = self.network.visibility(post)
        return {
            "title": post.title,
            "url": post_url,
            "date": self.date(post.date),
            "updated": self.date(post.updated),
            "authors": [self.author_link(a) for a in post.authors],
            "categories": [
                {"name": c.name, "url": self.view_url("category", c.slug)} for c in post.categories
            ],
            "minutes": rendered.minutes if rendered else post.readtime,
            "excerpt": excerpt,
            "more": bool(rendered and rendered.more) or not excerpt,
            "pin": post.pin,
            "state": None if visibility.indexed else visibility.state.value,
            "image": self.card_image(post),
        }

    def card_image(self, post: Post) -> CardImage | None:
        """The picture of a post's card: its image, its first image or its social card."""
        rendered = self.rendered.get(post.source)
        return card_image(
            image_url=self.addresses.post_images.get(post.source),
            body_html=rendered.body if rendered else None,
            post_url=self.addresses.posts[post.source],
            social_card=self.social_cards.get(post.source),
        )

    def pagination(self, index: IndexPage) -> dict | None:
        if index.count <= 1:
            return None
        return {
            "number": index.number,
            "count": index.count,
            "previous": self.addresses.pages.get(index.previous) if index.previous else None,
            "next": self.addresses.pages.get(index.next) if index.next else None,
            "pages": [
                {
                    "number": n,
                    "url": self.addresses.pages[index.pages[n - 1]],
                    "current": n == index.number,
                }
                if n
                else {"gap": True}
                for n in page_window(index.number, index.count)
            ],
        }

    def listing(self, index: IndexPage, page_url: str) -> dict:
        items = [self.item_html(p, compact=index.compact) for p in index.posts]
        return {
            "kind": index.kind,
            "key": index.key,
            "name": index.name,
            "total": index.total,
            "compact": index.compact,
            "entries": items,
            "pagination": self.pagination(index),
        }

    def item_html(self, post: Post, *, compact: bool = False) -> Markup:
        """The post's card (or compact row), rendered once for every listing it is on."""
        key = ("row" if compact else "card", post.source)
        if key not in self._html:
            if compact:
                html = self._render("hubspoke/partials/post-row.html", card=self.row(post))
            else:
                html = self._render("hubspoke/partials/post-card.html", card=self.card(post, None))
            self._html[key] = html
        return self._html[key]

    def _render(self, template: str, **context) -> Markup:
        if self.fragments is None:
            raise RuntimeError("Presenter.fragments is set in on_env, before pages are rendered")
        return self.fragments.render(template, **context)

    def author_card_html(self, author: Author) -> Markup:
        """An author's card, rendered once for all their posts."""
        key = ("author", author.id)
        if key not in self._html:
            self._html[key] = self._render(
                "hubspoke/partials/author-card.html", person=self.author_card(author)
            )
        return self._html[key]

    def row(self, post: Post) -> dict:
        """A post in a compact listing: title, date and authors."""
        visibility = self.network.visibility(post)
        return {
            "title": post.title,
            "url": self.addresses.posts[post.source],
            "date": self.date(post.date),
            "authors": [self.author_link(a) for a in post.authors],
            "state": None if visibility.indexed else visibility.state.value,
        }

    # -- whole pages --------------------------------------------------------

    def post_page(self, post: Post) -> dict:
        rendered = self.rendered.get(post.source)
        visibility = self.network.visibility(post)
        guest = any(self.network.authors[a].is_guest for a in post.authors)
        card = self.card(post, self.addresses.posts[post.source])
        return {
            "role": "post",
            "post": card,
            "title_html": Markup(rendered.title_html) if rendered and rendered.title_html else None,
            "body": Markup(rendered.body if rendered else ""),
            "authors": [self.author_card(self.network.authors[a]) for a in post.authors],
            "authors_html": [self.author_card_html(self.network.authors[a]) for a in post.authors],
            "personas": [
                {"name": self.network.personas[p].name, "url": self.view_url("persona", p)}
                for p in post.personas
            ],
            "tags": [{"name": t, "url": self.view_url("tag", slugify(t))} for t in post.tags],
            "guest": guest,
            "disclosure": self.guest_disclosure if guest else None,
            "disclosure_icon": self.icon(DISCLOSURE_ICON) if guest else None,
            "banner": visibility.banner,
            "noindex": not visibility.indexed,
            "share": self.share_links(post, self.addresses.posts[post.source])
            if visibility.indexed
            else [],
            "series": self.series_box(post),
            "related": [self.link(p) for p in self.network.related(post)],
        }

    def link(self, post: Post) -> dict:
        """A post as a link shows it: title, date and URL (related posts, series parts)."""
        return {
            "title": post.title,
            "url": self.addresses.posts[post.source],
            "date": self.date(post.date),
        }

    def series_box(self, post: Post) -> dict | None:
        """ "Part N of M" of the post's series, its page and the parts before and after."""
        place = self.network.place_in_series(post)
        if place is None:
            return None
        return {
            "name": place.series.name,
            "url": self.view_url("series", place.series.slug),
            "number": place.number,
            "count": place.count,
            "previous": self.link(place.previous) if place.previous else None,
            "next": self.link(place.next) if place.next else None,
        }

    def absolute(self, url: str) -> str | None:
        """Absolute URL of a site-relative one, when the site has a site_url."""
        if not self.site_url:
            return None
        return urljoin(urls.site_base(self.site_url), url)

    def share_links(self, post: Post, page_url: str) -> list[dict]:
        """Share links for a post, each tagged with its network (none without site_url)."""
        url = self.absolute(self.addresses.posts[post.source])
        if not url or not self.share_networks:
            return []
        mastodon = None
        if self.addresses.mastodon_share:
            mastodon = urls.relative_url(self.addresses.mastodon_share, page_url)
        links = sharing.share_links(
            url,
            post.title,
            post.slug,
            networks=self.share_networks,
            utm=self.share_utm,
            mastodon_page=mastodon,
        )
        for link in links:
            link["icon_svg"] = self.icon(link["icon"])
            if link["network"] == "email":
                link["name"] = self.labels.text("share.email")
        return links

    def icon(self, name: str) -> Markup:
        return self.fragments.icon(name) if self.fragments else Markup("")

    def spoke(self, spoke: Spoke) -> dict:
        view = spoke_view(spoke)
        view["icon_svg"] = self.icon(spoke.icon)
        view["name"] = self.network_name(spoke)
        return view

    def network_name(self, spoke: Spoke) -> str:
        return network_name(spoke, self.labels)

    def hub_page(self) -> dict:
        """Every official profile, and how many experts are on each network."""
        experts: dict[str, int] = {}
        names: dict[str, str] = {}
        icons: dict[str, str] = {}
        for author in self.network.authors.values():
            if author.role != "expert" or not author.active:
                continue
            for network in {s.network for s in author.spokes}:
                experts[network] = experts.get(network, 0) + 1
            names.update({s.network: self.network_name(s) for s in author.spokes})
            icons.update({s.network: s.icon for s in author.spokes})
        company: dict[str, int] = {}
        for spoke in self.company_spokes:
            company[spoke.network] = company.get(spoke.network, 0) + 1
            names[spoke.network] = self.network_name(spoke)
            icons[spoke.network] = spoke.icon
        counts = [
            SpokeCount(n, names[n], company.get(n, 0), experts.get(n, 0), icons[n])
            for n in sorted(set(company) | set(experts))
        ]
        description = describe(self.company, counts, self.labels)
        return {
            "role": "hub",
            "company": self.company,
            "spokes": [self.spoke(s) for s in self.company_spokes],
            "counts": sorted(counts, key=lambda c: (-c.total, c.name.lower())),
            "picture": self._render(
                "hubspoke/partials/hub-picture.html",
                hub=hub_picture(self.company, counts),
                icons={c.network: self.icon(c.icon) for c in counts},
                description=description,
            ),
            "description": description,
        }

    def set_browse(self, categories: list[IndexPage], years: list[IndexPage]) -> None:
        """The categories (by name) and years (newest first) the blog home links to."""
        categories = sorted(categories, key=lambda i: i.name.lower())
        years = sorted(years, key=lambda i: i.key, reverse=True)
        self.browse = {
            kind: [
                {"name": i.name, "url": self.addresses.pages[i.path], "count": i.total}
                for i in found
            ]
            for kind, found in (("categories", categories), ("years", years))
        }

    def set_terms(self, categories: list[IndexPage], tags: list[IndexPage]) -> None:
        """Every category and every tag (by name), for their overview pages."""
        self.terms = {
            kind: [
                {"name": i.name, "url": self.addresses.pages[i.path], "count": i.total}
                for i in sorted(found, key=lambda i: (i.name.lower(), i.key))
            ]
            for kind, found in (("category", categories), ("tag", tags))
        }

    def terms_page(self, kind: str) -> dict:
        """The overview of every category or every tag (`kind`), with post counts, and a
        link to the other overview."""
        other = "tag" if kind == "category" else "category"
        return {
            "role": "categories" if kind == "category" else "tags",
            "kind": kind,
            "terms": self.terms.get(kind, []),
            "other_url": self.addresses.overviews.get(other),
            "other_kind": other,
        }

    def index_page(self, index: IndexPage, page_url: str) -> dict:
        context = {"role": index.kind, "listing": self.listing(index, page_url)}
        if index.kind == "blog" and index.number == 1:
            context["browse"] = self.browse
            context["browse_all"] = {
                kind: self.addresses.overviews[kind]
                for kind in ("category", "tag")
                if kind in self.addresses.overviews
            }
        if index.kind == "author":
            context["author"] = self.author_card(self.network.authors[index.key])
            context["company"] = self.company
        if index.kind == "persona":
            persona = self.network.personas[index.key]
            context["persona"] = self.persona_card(persona)
        return context

    def persona_card(self, persona: Persona) -> dict:
        return {
            "id": persona.id,
            "name": persona.name,
            "summary": persona.summary,
            "function": persona.function,
            "url": self.view_url("persona", persona.id),
            "count": self._persona_counts().get(persona.id, 0),
        }

    def _persona_counts(self) -> dict[str, int]:
        """Listed posts per persona, counted in one pass (persona cards are on many pages)."""
        if self._counts is None:
            self._counts = Counter(p for post in self.network.listed for p in set(post.personas))
        return self._counts

    def authors_page(self) -> dict:
        authors = sorted(self.network.authors.values(), key=lambda a: (not a.active, a.name))
        counts = {a: 0 for a in self.network.authors}
        for post in self.network.listed:
            for author_id in post.authors:
                counts[author_id] += 1
        cards = []
        for author in authors:
            cards.append({**self.author_card(author), "count": counts[author.id]})
        return {
            "role": "authors",
            "experts": [c for c in cards if c["role"] == "expert"],
            "guests": [c for c in cards if c["role"] == "guest"],
        }

    def personas_page(self) -> dict:
        personas = sorted(self.network.personas.values(), key=lambda p: p.name)
        return {"role": "personas", "personas": [self.persona_card(p) for p in personas]}

    def home_page(self, page_url: str, count: int, hub_path: str | None = None) -> dict:
        """The hub at a glance: the company and its profiles, the latest posts, the
        personas. Each part is empty when the site has none, and its block is left out."""
        latest = self.network.listed[:count]
        context = self.personas_page()
        context.update(
            {
                "role": "home",
                "company": self.company,
                "spokes": [self.spoke(s) for s in self.company_spokes],
                "hub_url": self.addresses.pages.get(hub_path) if hub_path else None,
                "latest": [self.item_html(p) for p in latest],
                "blog_url": self.view_url("blog", ""),
            }
        )
        return context

    def not_found_page(self, count: int) -> dict:
        """What the 404 page offers instead: the latest posts and the blog. The posts are
        compact rows: the page is rendered outside the images section's reach (no
        responsive pictures), and a reader who is lost wants titles to choose from. They are
        written from the placeholder root, placed once the page's base path is known."""
        return {
            "role": "404",
            "latest": [self.item_html(p, compact=True) for p in self.network.listed[:count]],
            "blog_url": self.view_url("blog", ""),
        }


def network_name(spoke: Spoke, labels: Labels) -> str:
    """A network's name; e-mail is a word of the reader's language, the others brands."""
    return labels.text("share.email") if spoke.network == "email" else spoke.name


def spoke_view(spoke: Spoke) -> dict:
    """A profile as templates show it; rel="me" where the network verifies with it."""
    rel = "me noopener" if spoke.rel_me else "noopener"
    return {
        "network": spoke.network,
        "name": spoke.name,
        "icon": spoke.icon,
        "url": spoke.url,
        "handle": spoke.handle,
        "rel": rel,
        "purpose": spoke.purpose,
        "team": spoke.team,
    }


def _rebase(fragment: str, post_url: str, page_url: str | None) -> str:
    """Make URLs written relative to the post page correct on `page_url`
    (or, when None, from the placeholder root of fragments)."""
    if post_url == page_url:
        return fragment

    def convert(url: str) -> str:
        if html.is_external(url) or url.startswith("/"):
            return url
        target = urls.resolve(url, post_url)
        return root_url(target) if page_url is None else urls.relative_url(target, page_url)

    return html.rewrite_urls(fragment, convert)


def _initials(name: str) -> str:
    parts = [p for p in name.split() if p[:1].isalpha()]
    letters = (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")) if parts else "?"
    return letters.upper()


def page_window(current: int, count: int, around: int = 2) -> list[int]:
    """Page numbers to link: the first, the last and `around` either side of the current
    one, with 0 where numbers are left out. A fixed size, so a thousand pages of an
    index do not each carry a thousand links."""
    shown = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    window: list[int] = []
    for number in shown:
        if window and number - window[-1] == 2:
            window.append(number - 1)  # a gap of one page: show it rather than "…"
        elif window and number - window[-1] > 2:
            window.append(0)
        window.append(number)
    return window
