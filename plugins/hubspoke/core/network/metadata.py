"""Social metadata from plain data: Open Graph, Twitter/X cards and schema.org JSON-LD.

Only real schema.org types and properties are used (see SCHEMA_TYPES). URLs
passed in are absolute; the adapter decides what page gets what.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

SCHEMA = "https://schema.org"
SCHEMA_TYPES = ("Organization", "Person", "BlogPosting", "ProfilePage", "CollectionPage", "WebPage")


def open_graph(
    *,
    kind: str,
    title: str,
    url: str | None,
    site_name: str,
    description: str | None = None,
    locale: str | None = None,
    published: datetime | None = None,
    modified: datetime | None = None,
    authors: Iterable[str] = (),
    section: str | None = None,
    tags: Iterable[str] = (),
) -> list[tuple[str, str]]:
    """(property, content) pairs for og: and article: tags. `kind`: article, profile, website."""
    tags_ = [("og:type", kind), ("og:title", title), ("og:site_name", site_name)]
    if url:
        tags_.append(("og:url", url))
    if description:
        tags_.append(("og:description", description))
    if locale:
        tags_.append(("og:locale", locale))
    if kind == "article":
        if published:
            tags_.append(("article:published_time", published.isoformat()))
        if modified:
            tags_.append(("article:modified_time", modified.isoformat()))
        tags_ += [("article:author", author) for author in authors]
        if section:
            tags_.append(("article:section", section))
        tags_ += [("article:tag", tag) for tag in tags]
    return tags_


def twitter_card(
    *, title: str, description: str | None, large_image: bool, site: str | None = None
) -> list[tuple[str, str]]:
    """(name, content) pairs for the Twitter/X card."""
    tags = [("twitter:card", "summary_large_image" if large_image else "summary")]
    tags.append(("twitter:title", title))
    if description:
        tags.append(("twitter:description", description))
    if site:
        tags.append(("twitter:site", site))
    return tags


def organization(
    *, name: str, url: str | None, same_as: Iterable[str] = (), logo: str | None = None
) -> dict:
    """An Organization, with `sameAs` listing its official profiles."""
    data: dict = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    if logo:
        data["logo"] = logo
    same = [u for u in same_as if u.startswith("https://")]
    if same:
        data["sameAs"] = same
    return data


def person(
    *,
    name: str,
    url: str | None,
    job_title: str | None = None,
    works_for: str | None = None,
    same_as: Iterable[str] = (),
    image: str | None = None,
    description: str | None = None,
) -> dict:
    """A Person, with `sameAs` listing their spokes."""
    data: dict = {"@type": "Person", "name": name}
    if url:
        data["url"] = url
    if job_title:
        data["jobTitle"] = job_title
    if works_for:
        data["worksFor"] = {"@type": "Organization", "name": works_for}
    if image:
        data["image"] = image
    if description:
        data["description"] = description
    same = [u for u in same_as if u.startswith("https://")]
    if same:
        data["sameAs"] = same
    return data


def blog_posting(
    *,
    headline: str,
    url: str | None,
    published: datetime,
    modified: datetime | None,
    authors: list[dict],
    publisher: dict,
    description: str | None = None,
    image: str | None = None,
    keywords: Iterable[str] = (),
    section: str | None = None,
    words: int | None = None,
) -> dict:
    """A BlogPosting with its authors and publisher."""
    data: dict = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": headline,
        "datePublished": published.isoformat(),
        "dateModified": (modified or published).isoformat(),
        "author": authors,
        "publisher": publisher,
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    if description:
        data["description"] = description
    if image:
        data["image"] = image
    keywords = list(keywords)
    if keywords:
        data["keywords"] = keywords
    if section:
        data["articleSection"] = section
    if words:
        data["wordCount"] = words
    return data


def profile_page(*, url: str | None, person_data: dict) -> dict:
    data: dict = {"@context": SCHEMA, "@type": "ProfilePage", "mainEntity": person_data}
    if url:
        data["url"] = url
    return data


def collection_page(*, name: str, url: str | None, description: str | None = None) -> dict:
    data: dict = {"@context": SCHEMA, "@type": "CollectionPage", "name": name}
    if url:
        data["url"] = url
    if description:
        data["description"] = description
    return data


def with_context(data: dict) -> dict:
    return {"@context": SCHEMA, **data}
