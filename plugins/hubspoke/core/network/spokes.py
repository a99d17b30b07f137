"""Spokes: the company's and the authors' social profiles, checked per network.

A table of known networks gives each its display name, icon (from the icons
Material for MkDocs ships), the shape a profile URL must have, how its handle
reads, and whether the network verifies profiles through `rel="me"` links.
Unknown networks are allowed with a generic icon; only https (or mailto for
email) URLs ever pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

GENERIC_ICON = "fontawesome/solid/link"


@dataclass(frozen=True)
class NetworkKind:
    """What Hubspoke knows about one social network."""

    key: str
    name: str
    icon: str
    pattern: re.Pattern | None
    example: str
    handle: Callable[[re.Match | None, str], str]
    rel_me: bool = False


def _at(group: str = "user") -> Callable[[re.Match | None, str], str]:
    return lambda m, url: f"@{m[group]}" if m else url


def _plain(group: str = "user") -> Callable[[re.Match | None, str], str]:
    return lambda m, url: m[group] if m else url


def _host(_m, url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or url).removeprefix("www.") + parts.path.rstrip("/")


def _mastodon(m, url: str) -> str:
    return f"@{m['user']}@{m['host']}" if m else url


def _email(_m, url: str) -> str:
    return unquote(url.removeprefix("mailto:").split("?")[0])


_USER = r"(?P<user>[A-Za-z0-9_.-]+)"

NETWORKS: dict[str, NetworkKind] = {
    n.key: n
    for n in (
        NetworkKind(
            "linkedin",
            "LinkedIn",
            "fontawesome/brands/linkedin",
            re.compile(
                r"^https://([a-z]{2,3}\.)?linkedin\.com/(in|company|showcase)/(?P<user>[^/?#]+)/?$"
            ),
            "https://www.linkedin.com/in/jane-doe",
            _plain(),
        ),
        NetworkKind(
            "x",
            "X",
            "fontawesome/brands/x-twitter",
            re.compile(rf"^https://(www\.)?(x|twitter)\.com/{_USER}/?$"),
            "https://x.com/janedoe",
            _at(),
        ),
        NetworkKind(
            "mastodon",
            "Mastodon",
            "fontawesome/brands/mastodon",
            re.compile(rf"^https://(?P<host>[a-z0-9.-]+\.[a-z]{{2,}})/@{_USER}/?$"),
            "https://mastodon.social/@janedoe",
            _mastodon,
            rel_me=True,
        ),
        NetworkKind(
            "bluesky",
            "Bluesky",
            "fontawesome/brands/bluesky",
            re.compile(r"^https://bsky\.app/profile/(?P<user>[A-Za-z0-9.:-]+)/?$"),
            "https://bsky.app/profile/janedoe.bsky.social",
            _at(),
        ),
        NetworkKind(
            "facebook",
            "Facebook",
            "fontawesome/brands/facebook",
            re.compile(rf"^https://(www\.|m\.)?facebook\.com/{_USER}/?$"),
            "https://www.facebook.com/corvane",
            _plain(),
        ),
        NetworkKind(
            "instagram",
            "Instagram",
            "fontawesome/brands/instagram",
            re.compile(rf"^https://(www\.)?instagram\.com/{_USER}/?$"),
            "https://www.instagram.com/corvane",
            _at(),
        ),
        NetworkKind(
            "youtube",
            "YouTube",
            "fontawesome/brands/youtube",
            re.compile(
                r"^https://(www\.)?youtube\.com/(@(?P<user>[A-Za-z0-9_.-]+)|(c|channel|user)/[A-Za-z0-9_-]+)/?$"
            ),
            "https://www.youtube.com/@corvane",
            lambda m, url: f"@{m['user']}" if m and m["user"] else _host(m, url),
        ),
        NetworkKind(
            "github",
            "GitHub",
            "fontawesome/brands/github",
            re.compile(r"^https://github\.com/(?P<user>[A-Za-z0-9-]+)/?$"),
            "https://github.com/janedoe",
            _plain(),
            rel_me=True,
        ),
        NetworkKind(
            "tiktok",
            "TikTok",
            "fontawesome/brands/tiktok",
            re.compile(rf"^https://(www\.)?tiktok\.com/@{_USER}/?$"),
            "https://www.tiktok.com/@corvane",
            _at(),
        ),
        NetworkKind(
            "threads",
            "Threads",
            "fontawesome/brands/threads",
            re.compile(rf"^https://(www\.)?threads\.(net|com)/@{_USER}/?$"),
            "https://www.threads.net/@corvane",
            _at(),
            rel_me=True,
        ),
        NetworkKind(
            "medium",
            "Medium",
            "fontawesome/brands/medium",
            re.compile(
                rf"^https://((www\.)?medium\.com/@{_USER}|(?P<sub>[a-z0-9-]+)\.medium\.com)/?$"
            ),
            "https://medium.com/@janedoe",
            lambda m, url: (f"@{m['user']}" if m["user"] else m["sub"]) if m else url,
        ),
        NetworkKind(
            "website",
            "Website",
            "fontawesome/solid/globe",
            None,
            "https://example.com/",
            _host,
            rel_me=True,
        ),
        NetworkKind(
            "email",
            "Email",
            "fontawesome/solid/envelope",
            re.compile(r"^mailto:[^\s@/?]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(\?.*)?$"),
            "mailto:press@example.com",
            _email,
        ),
        NetworkKind(
            "rss",
            "RSS",
            "fontawesome/solid/square-rss",
            None,
            "https://example.com/feed.xml",
            _host,
        ),
    )
}

_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?([/?#][^\s\"<>\\^`{|}]*)?$")


@dataclass(frozen=True)
class Spoke:
    """One checked profile: where it is and how to show it."""

    network: str
    url: str
    name: str
    icon: str
    handle: str
    rel_me: bool
    purpose: str | None = None
    team: str | None = None


class SpokeError(ValueError):
    """A profile URL that is unsafe or does not fit its network."""


def kind_of(network: str) -> NetworkKind | None:
    return NETWORKS.get(network.lower())


def check(network: str, url: str, *, handle: str | None = None, purpose=None, team=None) -> Spoke:
    """A `Spoke` for `url` on `network`, or `SpokeError` saying what is wrong."""
    url = url.strip()
    kind = kind_of(network)
    if kind is not None and kind.key == "email":
        if kind.pattern is None or not kind.pattern.match(url):
            raise SpokeError(f"must be an email link like {kind.example}, not {url!r}")
    else:
        if not _HTTPS.match(url):
            if url.lower().startswith("http://"):
                raise SpokeError(f"must use https://, not http:// ({url!r})")
            raise SpokeError(f"must be an https:// address, not {url!r}")
        if kind is not None and kind.pattern is not None and not kind.pattern.match(url):
            raise SpokeError(f"is not a {kind.name} profile address like {kind.example}: {url!r}")
    match = kind.pattern.match(url) if kind and kind.pattern else None
    return Spoke(
        network=kind.key if kind else network,
        url=url,
        name=kind.name if kind else network.replace("-", " ").title(),
        icon=kind.icon if kind else GENERIC_ICON,
        handle=handle or (kind.handle(match, url) if kind else _host(None, url)),
        rel_me=kind.rel_me if kind else False,
        purpose=purpose,
        team=team,
    )
