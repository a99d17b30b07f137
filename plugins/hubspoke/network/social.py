"""Social metadata of each page: Open Graph, Twitter/X card and JSON-LD.

Runs after the other Hubspoke plugins added their head elements, so the
og:image of the images plugin also feeds the card type and the JSON-LD.
"""

from __future__ import annotations

from babel.core import Locale, UnknownLocaleError, get_global
from markupsafe import Markup
from mkdocs.structure.pages import Page

from hubspoke.core.network import metadata
from hubspoke.core.network.model import Author
from hubspoke.core.text import word_count
from hubspoke.head import Head
from hubspoke.site_options import theme_language

from .build import NetworkBuild
from .kinds import KINDS


class SocialMetadata:
    """Fills a page's Head from what the network knows about it."""

    def __init__(self, build: NetworkBuild):
        self.build = build
        self.presenter = build.presenter
        config = build.config
        self.site_name = config.site_name
        self.locale = og_locale(theme_language(config))
        spokes = build.company_spokes
        x = next((s for s in spokes if s.network == "x"), None)
        self.twitter_site = x.handle if x else None
        logo = build.options.hub_logo
        self.organization = metadata.organization(
            name=build.company,
            url=config.site_url,
            same_as=[s.url for s in spokes],
            logo=self.presenter.absolute(logo) if logo else None,
        )

    def fill(self, head: Head, page: Page) -> None:
        role = self.build.role_of(page)
        kind = KINDS[role.kind].social if role else "website"
        title = _text(page.title) or self.site_name
        description = _text(page.meta.get("description")) or self.build.config.site_description
        url = page.canonical_url
        image = next((m["content"] for m in head.meta if m.get("property") == "og:image"), None)

        post = self.build.post_of(page) if kind == "article" else None  # a post's role
        if post is not None:
            authors = [self.build.network.authors[a] for a in post.authors]
            pages = [self.presenter.view_url("author", a.id) for a in authors]
            author_urls = [self.presenter.absolute(u) for u in pages if u]
            og = metadata.open_graph(
                kind="article",
                title=post.title,
                url=url,
                site_name=self.site_name,
                description=post.description,
                locale=self.locale,
                published=post.date,
                modified=post.updated,
                authors=[u for u in author_urls if u],
                section=post.categories[0].name if post.categories else None,
                tags=post.tags,
            )
            rendered = self.build.rendered(post)
            head.jsonld.append(
                metadata.blog_posting(
                    headline=post.title,
                    url=url,
                    published=post.date,
                    modified=post.updated,
                    authors=[self._person(a) for a in authors],
                    publisher=self.organization,
                    description=post.description,
                    image=image,
                    keywords=post.tags,
                    section=post.categories[0].name if post.categories else None,
                    words=None if rendered is None else word_count(rendered.body),
                )
            )
            description = post.description or description
            title = post.title
        elif kind == "profile" and role is not None:
            author = self.build.network.authors[role.key]
            og = metadata.open_graph(
                kind="profile",
                title=author.name,
                url=url,
                site_name=self.site_name,
                description=description,
                locale=self.locale,
            )
            head.jsonld.append(metadata.profile_page(url=url, person_data=self._person(author)))
            title = author.name
        else:
            og = metadata.open_graph(
                kind="website",
                title=title,
                url=url,
                site_name=self.site_name,
                description=description,
                locale=self.locale,
            )
            if kind == "organization":
                head.jsonld.append(metadata.with_context(self.organization))
            elif kind == "collection" and role is not None and role.index is not None:
                head.jsonld.append(
                    metadata.collection_page(name=title, url=url, description=description)
                )
        for name, content in og:
            head.property(name, content)
        card = metadata.twitter_card(
            title=title, description=description, large_image=bool(image), site=self.twitter_site
        )
        for name, content in card:
            head.name(name, content)

    def _person(self, author: Author) -> dict:
        presenter = self.presenter
        avatar = presenter.addresses.avatars.get(author.id)
        page = presenter.view_url("author", author.id)  # None: the author has no page
        return metadata.person(
            name=author.name,
            url=presenter.absolute(page) if page else None,
            job_title=author.title,
            works_for=author.organization or self.build.company,
            same_as=[s.url for s in author.spokes],
            image=presenter.absolute(avatar) if avatar else None,
        )


def og_locale(language: str) -> str | None:
    """Open Graph wants language_TERRITORY (en_US); fill the territory in when missing."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language, "")
        locale = Locale.parse(likely) if likely else locale
    return f"{locale.language}_{locale.territory}" if locale.territory else None


def _text(value) -> str | None:
    """Plain text of a title or description (the network stores them escaped, as Markup)."""
    if value is None:
        return None
    return value.unescape() if isinstance(value, Markup) else str(value)
