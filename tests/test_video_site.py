"""Video embeds in a built site (the `media` fixture): nothing from the video platform
before the reader presses play, read back with an HTML parser and a JSON parser."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from hubspoke.core.media.video import PLATFORM_HOSTS

from .conftest import SITES, build_in_process, copy_site

YOUTUBE_POST = "blog/2026/10/05/a-talk-on-video/"
VIMEO_POST = "blog/2026/10/06/a-guest-s-vimeo-video/"
FILE_POST = "blog/2026/10/07/a-video-of-our-own/"
SITE_URL = "https://media.example.org/"
HOST_URL = re.compile(
    r"(?:https?:)?//(?:[a-z0-9-]+\.)*(?:youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|"
    r"vimeo\.com|vimeocdn\.com)",
    re.I,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("media-video")
    return build_in_process(copy_site(SITES / "media", base / "src"), base / "site")


def test_fixture_builds_strict_without_warnings(built):
    assert built.warnings() == []


def host_urls_outside_the_player(html: str) -> list[str]:
    """Every video-platform URL in the page, except in the click-to-load element's data
    attribute and in the Content-Security-Policy that allows those frames."""
    soup = BeautifulSoup(html, "lxml")
    for frame in soup.select("[data-hs-video-src]"):
        del frame["data-hs-video-src"]
    for meta in soup.select('meta[http-equiv="Content-Security-Policy"]'):
        meta.decompose()
    return HOST_URL.findall(str(soup))


@pytest.mark.parametrize("page", [YOUTUBE_POST, VIMEO_POST])
def test_platform_video_pages_name_the_host_only_in_the_player_data(built, page):
    html = built.path(page).read_text(encoding="utf-8")
    assert HOST_URL.search(html), "the page should carry the player address"
    assert host_urls_outside_the_player(html) == []
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("iframe") is None
    assert not soup.select("link[rel~=preconnect], link[rel~=dns-prefetch]")
    frames = soup.select("figure.hs-video [data-hs-video-src]")
    assert len(frames) == 1
    src = urlsplit(frames[0]["data-hs-video-src"])
    assert src.scheme == "https" and src.hostname in (
        "www.youtube-nocookie.com",
        "player.vimeo.com",
    )
    for tag, attribute in (
        ("img", "src"),
        ("source", "srcset"),
        ("script", "src"),
        ("link", "href"),
    ):
        for element in soup.find_all(tag):
            value = element.get(attribute) or ""
            assert urlsplit(value).hostname not in PLATFORM_HOSTS, (tag, value)


def test_youtube_player_is_privacy_enhanced_with_start_time(built):
    soup = built.html(YOUTUBE_POST)
    frame = soup.select_one("[data-hs-video-src]")
    assert frame["data-hs-video-src"] == (
        "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1&start=90"
    )
    assert frame["data-hs-video-title"] == "Ada's talk <live>"
    poster = frame.find("img")
    assert poster["alt"] == "Ada at the lectern, pointing at a diagram of an engine"
    assert urlsplit(urljoin("http://site/" + YOUTUBE_POST, poster["src"])).path == (
        "/blog/media/poster.jpg"
    )
    button = frame.find("button")
    assert button["type"] == "button"
    # Its name is what it shows, then which video: it starts with its visible label.
    assert button["aria-label"] == "Play video (loads from youtube-nocookie.com): Ada's talk <live>"
    assert button["aria-label"].startswith(button.get_text(" ", strip=True))


def test_captions_and_transcript_are_linked_and_resolve(built):
    soup = built.html(YOUTUBE_POST)
    caption = soup.select_one("figure.hs-video figcaption")
    links = {a.get_text(): a["href"] for a in caption.find_all("a")}
    assert links["Transcript"] == "#transcript"
    assert soup.find(id="transcript").name == "h2"
    captions = urljoin("http://site/" + YOUTUBE_POST, links["Captions (WebVTT)"])
    assert (built.site / urlsplit(captions).path.lstrip("/")).read_text().startswith("WEBVTT")
    assert "(3:40)" in caption.get_text()


def test_the_player_script_is_ours_and_only_on_pages_with_a_platform_video(built):
    soup = built.html(YOUTUBE_POST)
    scripts = [s["src"] for s in soup.find_all("script", src=True) if "video.js" in s["src"]]
    assert len(scripts) == 1
    target = urlsplit(urljoin("http://site/" + YOUTUBE_POST, scripts[0])).path.lstrip("/")
    script = (built.site / target).read_text()
    assert "data-hs-video-src" in script and "youtube-nocookie.com" in script
    for page in ("", FILE_POST, "blog/2026/10/10/episode-one-engines-more/"):
        assert "video.js" not in built.path(page).read_text(encoding="utf-8"), page


def test_the_content_security_policy_allows_the_players_and_no_inline_script(built):
    soup = built.html(YOUTUBE_POST)
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in policy
    assert "script-src 'self'" in policy
    inline = [
        s
        for s in soup.find_all("script")
        if not s.get("src") and s.get("type") != "application/ld+json"
    ]
    assert all("hs-video" not in (s.string or "") for s in inline)


def jsonld(built, page) -> list[dict]:
    return [
        json.loads(s.string)
        for s in built.html(page).find_all("script", type="application/ld+json")
    ]


def test_video_posts_carry_video_object_and_og_video(built):
    video = next(d for d in jsonld(built, YOUTUBE_POST) if d["@type"] == "VideoObject")
    page_url = SITE_URL + YOUTUBE_POST
    assert video == {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": "Ada's talk <live>",
        "description": "The recording of Ada's talk & its transcript.",
        "thumbnailUrl": [SITE_URL + "blog/media/poster.jpg"],
        "uploadDate": "2026-10-05T10:00:00+02:00",
        "embedUrl": page_url + "#video-youtube-Kv3pTz8qLmA",
        "duration": "PT3M40S",
    }
    assert built.html(YOUTUBE_POST).find(id="video-youtube-Kv3pTz8qLmA").name == "figure"
    meta = {
        m["property"]: m["content"]
        for m in built.html(YOUTUBE_POST).find_all("meta", property=re.compile("^og:video"))
    }
    assert meta == {
        "og:video": page_url + "#video-youtube-Kv3pTz8qLmA",
        "og:video:type": "text/html",
        "og:video:width": "1280",
        "og:video:height": "720",
    }


def test_a_guest_post_keeps_its_vimeo_player_through_the_sanitiser(built):
    soup = built.html(VIMEO_POST)
    assert soup.select_one(".hs-disclosure") is not None
    frame = soup.select_one("[data-hs-video-src]")
    assert frame["data-hs-video-src"] == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
    assert soup.select_one("button.hs-video__play") is not None
    play = soup.select_one("button.hs-video__play")
    assert "(loads from player.vimeo.com)" in play.get_text()


def test_a_local_video_is_a_plain_video_element_with_captions(built):
    soup = built.html(FILE_POST)
    player = soup.select_one("figure.hs-video video")
    assert player["preload"] == "none" and player.has_attr("controls")
    source = player.find("source")
    assert source["type"] == "video/mp4"
    track = player.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "en"
    for value in (source["src"], track["src"], player["poster"]):
        target = urlsplit(urljoin("http://site/" + FILE_POST, value)).path.lstrip("/")
        assert (built.site / target).is_file(), value
    video = next(d for d in jsonld(built, FILE_POST) if d["@type"] == "VideoObject")
    assert video["contentUrl"] == SITE_URL + "blog/media/demo.mp4"
    assert video["uploadDate"] == "2026-10-01" and "embedUrl" not in video
    og = built.html(FILE_POST).find("meta", property="og:video:type")
    assert og["content"] == "video/mp4"


def test_listings_show_no_host_url_outside_players(built):
    for page in ("", "blog/", "personas/buyer/", "authors/gus/"):
        html = built.path(page).read_text(encoding="utf-8")
        assert host_urls_outside_the_player(html) == [], page
