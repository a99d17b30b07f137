"""Share links for a post: plain links to each network's share page.

No third-party script and no tracking pixel: a reader's click opens the
network's own share dialog. The shared URL carries UTM parameters so the
traffic each spoke sends back can be counted; canonical URLs stay untagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

SHARE_NETWORKS = ("linkedin", "x", "facebook", "bluesky", "mastodon", "email")


@dataclass(frozen=True)
class ShareTarget:
    """How to share on one network: its name, icon and share URL template."""

    key: str
    name: str
    icon: str


TARGETS = {
    t.key: t
    for t in (
        ShareTarget("linkedin", "LinkedIn", "fontawesome/brands/linkedin"),
        ShareTarget("x", "X", "fontawesome/brands/x-twitter"),
        ShareTarget("facebook", "Facebook", "fontawesome/brands/facebook"),
        ShareTarget("bluesky", "Bluesky", "fontawesome/brands/bluesky"),
        ShareTarget("mastodon", "Mastodon", "fontawesome/brands/mastodon"),
        ShareTarget("email", "Email", "fontawesome/solid/envelope"),
    )
}


def tagged(url: str, *, source: str, medium: str, campaign: str) -> str:
    """`url` with utm_source, utm_medium and utm_campaign set (other parameters kept)."""
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.startswith("utm_")
    ]
    query += [("utm_source", source), ("utm_medium", medium), ("utm_campaign", campaign)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def share_url(network: str, url: str, title: str, *, mastodon_page: str | None = None) -> str:
    """The address that opens `network`'s share dialog for `url` titled `title`."""
    q = lambda value: quote(value, safe="")  # noqa: E731
    text = f"{title} {url}"
    if network == "linkedin":
        return f"https://www.linkedin.com/sharing/share-offsite/?url={q(url)}"
    if network == "x":
        return f"https://x.com/intent/post?text={q(title)}&url={q(url)}"
    if network == "facebook":
        return f"https://www.facebook.com/sharer/sharer.php?u={q(url)}"
    if network == "bluesky":
        return f"https://bsky.app/intent/compose?text={q(text)}"
    if network == "mastodon":
        if mastodon_page is None:
            raise ValueError("sharing on Mastodon needs the hub's own share page")
        return f"{mastodon_page}?text={q(text)}"
    if network == "email":
        return f"mailto:?subject={q(title)}&body={q(url)}"
    raise ValueError(f"no share link for {network!r}; use one of {', '.join(SHARE_NETWORKS)}")


def share_links(
    url: str,
    title: str,
    campaign: str,
    *,
    networks=SHARE_NETWORKS,
    utm: bool = True,
    mastodon_page: str | None = None,
) -> list[dict]:
    """One link per network, each sharing `url` tagged with that network as source."""
    links = []
    for network in networks:
        if network == "mastodon" and mastodon_page is None:
            continue
        shared = tagged(url, source=network, medium="social", campaign=campaign) if utm else url
        target = TARGETS[network]
        links.append(
            {
                "network": network,
                "name": target.name,
                "icon": target.icon,
                "href": share_url(network, shared, title, mastodon_page=mastodon_page),
                "shared": shared,
            }
        )
    return links
