"""The table of known networks, share links and UTM tags, the hub picture."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from hubspoke.core.labels import for_language
from hubspoke.core.network import spokes
from hubspoke.core.network.hubsvg import SpokeCount, describe, hub_picture
from hubspoke.core.network.sharing import share_links, tagged

from .templates import hub_picture_html

SUPPORTED = [
    "linkedin",
    "x",
    "mastodon",
    "bluesky",
    "facebook",
    "instagram",
    "youtube",
    "github",
    "tiktok",
    "threads",
    "medium",
    "website",
    "email",
    "rss",
]


@pytest.mark.parametrize(
    ("network", "url", "handle", "rel_me"),
    [
        ("linkedin", "https://www.linkedin.com/in/lena-hoffmann", "lena-hoffmann", False),
        ("linkedin", "https://www.linkedin.com/company/corvane/", "corvane", False),
        ("x", "https://x.com/corvane", "@corvane", False),
        ("x", "https://twitter.com/corvane", "@corvane", False),
        ("mastodon", "https://fosstodon.org/@lena", "@lena@fosstodon.org", True),
        ("bluesky", "https://bsky.app/profile/lena.bsky.social", "@lena.bsky.social", False),
        ("facebook", "https://www.facebook.com/corvane", "corvane", False),
        ("instagram", "https://www.instagram.com/corvane/", "@corvane", False),
        ("youtube", "https://www.youtube.com/@corvane", "@corvane", False),
        ("github", "https://github.com/lena", "lena", True),
        ("tiktok", "https://www.tiktok.com/@corvane", "@corvane", False),
        ("threads", "https://www.threads.net/@corvane", "@corvane", True),
        ("medium", "https://medium.com/@lena", "@lena", False),
        ("website", "https://example.org/lena/", "example.org/lena", True),
        ("email", "mailto:press@corvane.example", "press@corvane.example", False),
        ("rss", "https://example.org/feed.xml", "example.org/feed.xml", False),
        ("peertube", "https://video.example.org/a/lena", "video.example.org/a/lena", False),
    ],
)
def test_known_networks_check_and_name_profiles(network, url, handle, rel_me):
    spoke = spokes.check(network, url)
    assert spoke.handle == handle
    assert spoke.rel_me is rel_me
    expected_icon = spokes.GENERIC_ICON if network == "peertube" else spokes.NETWORKS[network].icon
    assert spoke.icon == expected_icon


def test_every_supported_network_has_an_icon_material_ships():
    from pathlib import Path

    import material

    icons = Path(material.__file__).parent / "templates" / ".icons"
    assert set(SUPPORTED) <= set(spokes.NETWORKS)
    for kind in spokes.NETWORKS.values():
        assert (icons / f"{kind.icon}.svg").is_file(), kind.icon
    assert (icons / f"{spokes.GENERIC_ICON}.svg").is_file()


@pytest.mark.parametrize(
    ("network", "url", "words"),
    [
        ("linkedin", "https://evil.example/in/lena", "not a LinkedIn profile"),
        ("linkedin", "https://linkedin.com.evil.example/in/lena", "not a LinkedIn profile"),
        ("mastodon", "https://fosstodon.org/lena", "not a Mastodon profile"),
        ("x", "javascript:alert(1)", "https://"),
        ("website", "data:text/html,<script>alert(1)</script>", "https://"),
        ("website", "http://example.org", "https://, not http://"),
        ("website", "https://", "https://"),
        ("website", "https://exa mple.org", "https://"),
        ("email", "mailto:nobody", "email link"),
        ("email", "https://example.org", "email link"),
        ("github", "https://github.com/lena/repo", "not a GitHub profile"),
        ("peertube", "vbscript:msgbox", "https://"),
    ],
)
def test_unsafe_or_misshapen_profiles_are_refused(network, url, words):
    with pytest.raises(spokes.SpokeError, match=words.replace("(", r"\(")):
        spokes.check(network, url)


def test_utm_tags_replace_old_ones_and_keep_other_parameters():
    url = tagged(
        "https://hub.example/p/?lang=de&utm_source=old", source="x", medium="social", campaign="p"
    )
    query = parse_qs(urlsplit(url).query)
    assert query == {
        "lang": ["de"],
        "utm_source": ["x"],
        "utm_medium": ["social"],
        "utm_campaign": ["p"],
    }


def test_share_links_encode_the_tagged_url():
    links = {
        link["network"]: link
        for link in share_links(
            "https://hub.example/blog/a/", 'Q&A: "flow" <meters>', "a", mastodon_page="../share/"
        )
    }
    assert set(links) == {"linkedin", "x", "facebook", "bluesky", "mastodon", "email"}
    linkedin = parse_qs(urlsplit(links["linkedin"]["href"]).query)["url"][0]
    assert parse_qs(urlsplit(linkedin).query)["utm_source"] == ["linkedin"]
    x = parse_qs(urlsplit(links["x"]["href"]).query)
    assert x["text"] == ['Q&A: "flow" <meters>']
    assert "utm_source=x" in x["url"][0]
    assert links["mastodon"]["href"].startswith("../share/?text=")
    assert "utm_source%3Dmastodon" in links["mastodon"]["href"]
    assert unquote(links["email"]["href"]).startswith('mailto:?subject=Q&A: "flow" <meters>')
    for link in links.values():
        assert "<" not in link["href"] and " " not in link["href"]


def test_share_links_without_utm_and_without_mastodon_page():
    links = share_links("https://hub.example/a/", "T", "a", utm=False)
    assert "mastodon" not in {link["network"] for link in links}
    assert all(link["shared"] == "https://hub.example/a/" for link in links)


def test_hub_picture_has_one_spoke_per_network_and_escapes_text():
    counts = [
        SpokeCount("linkedin", "LinkedIn", 2, 5),
        SpokeCount("x", "X", 1, 0),
        SpokeCount("odd", "<Odd & Co>", 0, 1),
    ]
    svg = hub_picture_html('Corvane "Instruments" & <Sons>', counts)
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert len(root.findall("svg:g[@class='hs-hub-svg__spoke']", ns)) == 3
    assert root.find("svg:title", ns).text.startswith('Corvane "Instruments" & <Sons>')
    assert "LinkedIn: 2 official, 5 experts" in root.find("svg:desc", ns).text
    assert root.get("role") == "img"
    assert hub_picture_html("C", counts) == hub_picture_html("C", list(reversed(counts)))


HOSTILE = '"><script>alert(1)</script> {{ 7*7 }} &amp;'


@pytest.mark.parametrize("language", ["en", "de"])
def test_hub_picture_text_is_escaped_once_never_evaluated_and_in_the_sites_language(language):
    counts = [SpokeCount('x"><b>', HOSTILE, 1, 2)]
    svg = hub_picture_html(HOSTILE, counts, language)
    assert "<script>" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    labels = for_language(language)
    assert root.find("svg:title", ns).text == labels.text("hub.picture_title", company=HOSTILE)
    assert root.find("svg:desc", ns).text == describe(HOSTILE, counts, labels)
    spoke = root.find("svg:g[@class='hs-hub-svg__spoke']", ns)
    assert spoke.get("data-network") == 'x"><b>'
    count = ", ".join(
        (labels.text("hub.count_official", count=1), labels.text("hub.count_experts", count=2))
    )
    assert [t.text for t in spoke.findall("svg:text", ns)] == [HOSTILE]
    assert spoke.find("svg:title", ns).text == f"{HOSTILE}: {count}"
    tspans = root.findall("svg:g[@class='hs-hub-svg__hub']/svg:text/svg:tspan", ns)
    assert [t.text for t in tspans] == [line for line, _ in hub_picture(HOSTILE, counts).name_lines]
