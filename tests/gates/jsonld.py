"""Schema.org JSON-LD of the built pages, judged against the types and properties we allow.

The allow-list is the contract with search engines: a new type or property is added here on
purpose (checked against https://schema.org/<Type>), never by accident.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org"}

THING = {"@type", "@id", "name", "url", "description", "image", "sameAs", "identifier"}
CREATIVE_WORK = THING | {
    "headline",
    "author",
    "publisher",
    "creator",
    "contributor",
    "editor",
    "datePublished",
    "dateModified",
    "dateCreated",
    "inLanguage",
    "keywords",
    "about",
    "audience",
    "isPartOf",
    "hasPart",
    "mainEntityOfPage",
    "thumbnailUrl",
    "copyrightHolder",
    "copyrightYear",
    "license",
    "isAccessibleForFree",
    "associatedMedia",
    "video",
    "audio",
    "timeRequired",
}
MEDIA_OBJECT = CREATIVE_WORK | {
    "contentUrl",
    "embedUrl",
    "encodingFormat",
    "width",
    "height",
    "duration",
    "uploadDate",
    "caption",
    "transcript",
    "creditText",
    "copyrightNotice",
    "acquireLicensePage",
    "representativeOfPage",
}
WEB_PAGE = CREATIVE_WORK | {"mainEntity", "breadcrumb", "primaryImageOfPage", "lastReviewed"}

ALLOWED: dict[str, set[str]] = {
    "Organization": THING
    | {
        "legalName",
        "alternateName",
        "logo",
        "email",
        "telephone",
        "address",
        "contactPoint",
        "foundingDate",
        "knowsAbout",
        "areaServed",
        "parentOrganization",
        "subOrganization",
        "department",
        "brand",
    },
    "Person": THING
    | {
        "givenName",
        "familyName",
        "alternateName",
        "jobTitle",
        "worksFor",
        "affiliation",
        "knowsAbout",
        "email",
    },
    "BlogPosting": CREATIVE_WORK | {"articleSection", "articleBody", "wordCount", "speakable"},
    "Blog": CREATIVE_WORK | {"blogPost"},
    "WebSite": CREATIVE_WORK | {"potentialAction", "alternateName"},
    "WebPage": WEB_PAGE,
    "ProfilePage": WEB_PAGE,
    "CollectionPage": WEB_PAGE,
    "AboutPage": WEB_PAGE,
    "ImageObject": MEDIA_OBJECT,
    "VideoObject": MEDIA_OBJECT,
    "AudioObject": MEDIA_OBJECT,
    "PodcastSeries": CREATIVE_WORK | {"webFeed"},
    "PodcastEpisode": CREATIVE_WORK | {"partOfSeries", "episodeNumber"},
    "Event": THING
    | {
        "startDate",
        "endDate",
        "duration",
        "eventStatus",
        "eventAttendanceMode",
        "location",
        "organizer",
        "performer",
        "offers",
        "inLanguage",
        "isAccessibleForFree",
        "audience",
        "about",
    },
    "Place": THING | {"address"},
    "VirtualLocation": THING,
    "PostalAddress": {
        "@type",
        "streetAddress",
        "postalCode",
        "addressLocality",
        "addressRegion",
        "addressCountry",
    },
    "ContactPoint": {"@type", "contactType", "email", "telephone", "url", "availableLanguage"},
    "Audience": THING | {"audienceType"},
    "Offer": THING | {"price", "priceCurrency", "availability", "validFrom"},
    "BreadcrumbList": {"@type", "itemListElement"},
    "ItemList": THING | {"itemListElement", "numberOfItems", "itemListOrder"},
    "ListItem": {"@type", "position", "name", "item", "url"},
    "SearchAction": {"@type", "target", "query-input"},
    "EntryPoint": {"@type", "urlTemplate"},
}

# Properties whose values are URLs (strings): they must be absolute http(s) URLs.
URL_PROPERTIES = {"@id", "url", "sameAs", "image", "logo", "contentUrl", "embedUrl", "thumbnailUrl"}


def blocks(html: str) -> Iterator[str]:
    """The text of every <script type="application/ld+json"> of a page."""
    soup = BeautifulSoup(html, "lxml")
    for script in soup.find_all("script", type="application/ld+json"):
        yield script.string or ""


def problems(data, where: str) -> list[str]:
    """What is wrong with one parsed JSON-LD block (a top-level object or a list of them)."""
    found: list[str] = []
    tops = data if isinstance(data, list) else [data]
    for top in tops:
        if not isinstance(top, dict):
            found.append(f"{where}: a JSON-LD block must hold objects, not {top!r}")
            continue
        if top.get("@context") not in CONTEXTS:
            found.append(
                f"{where}: @context must be https://schema.org, not {top.get('@context')!r}"
            )
        _check(top, where, found, top=True)
    return found


def _check(node: dict, where: str, found: list[str], top: bool = False) -> None:
    kind = node.get("@type")
    if not isinstance(kind, str):
        found.append(f"{where}: every object needs one @type (got {kind!r}): {node}")
        return
    allowed = ALLOWED.get(kind)
    if allowed is None:
        found.append(f"{where}: type {kind!r} is not in the allow-list")
        return
    for key, value in node.items():
        if key == "@context" and top:
            continue
        if key not in allowed:
            found.append(f"{where}: {kind}.{key} is not in the allow-list")
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                _check(item, f"{where} {kind}.{key}", found)
            elif key in URL_PROPERTIES and not _absolute(item):
                found.append(f"{where}: {kind}.{key} must be an absolute URL, not {item!r}")


def _absolute(value) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
