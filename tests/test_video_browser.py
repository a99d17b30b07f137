"""A reader in headless Chromium presses play: only then is the video platform asked for
anything (that request is blocked here, and recorded)."""

from urllib.parse import urlsplit

import pytest

from .conftest import SITES, build_in_process, copy_site
from .gates.browser import chromium
from .gates.server import serve

YOUTUBE_POST = "blog/2026/10/05/a-talk-on-video/"
VIMEO_POST = "blog/2026/10/06/a-guest-s-vimeo-video/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    base = tmp_path_factory.mktemp("media-browser")
    built = build_in_process(copy_site(SITES / "media", base / "src"), base / "site")
    with serve(built.site) as url:
        yield url


@pytest.fixture
def page():
    """A Chromium tab that may only reach 127.0.0.1 (outside requests are blocked and
    recorded in `page.blocked`), recording script errors and CSP violations too."""
    with chromium() as browser:
        page = browser.page()
        page.blocked = browser.blocked
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.add_init_script(
            "window.__csp = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        yield page


def test_pressing_play_loads_the_privacy_enhanced_player_and_nothing_before(served, page):
    page.goto(served + YOUTUBE_POST, wait_until="networkidle")
    assert page.locator("iframe").count() == 0
    assert page.blocked == [], "nothing may leave the site before the reader presses play"
    play = page.get_by_role(
        "button", name="Play video (loads from youtube-nocookie.com): Ada's talk <live>"
    )
    assert play.is_visible()
    play.click()
    frame = page.locator("figure.hs-video iframe")
    frame.wait_for(state="attached", timeout=10_000)
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/Kv3pTz8qLmA?autoplay=1&start=90"
    )
    assert frame.get_attribute("title") == "Ada's talk <live>"
    assert "autoplay" in frame.get_attribute("allow")
    page.wait_for_timeout(500)
    hosts = {urlsplit(url).hostname for url in page.blocked}
    assert hosts == {"www.youtube-nocookie.com"}, page.blocked
    assert page.locator("button.hs-video__play").count() == 0
    assert page.evaluate("window.__csp") == []
    assert page.errors == []


def test_the_keyboard_plays_a_guest_vimeo_video(served, page):
    page.goto(served + VIMEO_POST, wait_until="networkidle")
    assert page.blocked == []
    play = page.locator("button.hs-video__play")
    play.focus()
    page.keyboard.press("Enter")
    page.locator("figure.hs-video iframe").wait_for(state="attached", timeout=10_000)
    page.wait_for_timeout(500)
    assert {urlsplit(url).hostname for url in page.blocked} == {"player.vimeo.com"}
    assert page.blocked[0].startswith("https://player.vimeo.com/video/76979871?dnt=1")
    assert page.evaluate("window.__csp") == []
    assert page.errors == []


def test_the_play_button_is_a_large_bar_that_leaves_the_poster_in_view(served, page):
    """The poster (often a title card) is not covered: the button sits under it, at least
    44 px high, says where the player loads from and names the video it plays."""
    for size in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
        page.set_viewport_size(size)
        page.goto(served + YOUTUBE_POST, wait_until="networkidle")
        poster = page.locator(".hs-video__frame img").bounding_box()
        play = page.get_by_role(
            "button",
            name="Play video (loads from youtube-nocookie.com): Ada's talk <live>",
            exact=True,
        )
        box = play.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
        assert box["y"] >= poster["y"] + poster["height"] - 1, (box, poster)
        assert abs(poster["width"] / poster["height"] - 16 / 9) < 0.02, poster  # not squashed
        assert box["x"] <= poster["x"] + 1  # its text starts at the left
        assert play.inner_text().split() == [
            "Play",
            "video",
            "(loads",
            "from",
            "youtube-nocookie.com)",
        ]
    page.locator(".hs-video__frame img").click()  # the poster plays it too
    page.locator("figure.hs-video iframe").wait_for(state="attached", timeout=10_000)
    assert page.errors == []


def test_a_caption_says_only_what_the_writer_said_of_the_video(served, page):
    """The guest's Vimeo link has no title: the caption does not repeat the post's title or
    text; Ada's link has one, and her caption shows it with the duration and links."""
    page.goto(served + VIMEO_POST, wait_until="networkidle")
    heading = page.locator("h1").first.inner_text()
    first = page.locator(".hs-post__body > p").first.inner_text()
    caption = page.locator("figure.hs-video figcaption")
    shown = caption.inner_text() if caption.count() else ""
    assert heading not in shown and first not in shown, shown
    assert page.get_by_role(
        "button", name="Play video (loads from player.vimeo.com): A guest's Vimeo video"
    ).is_visible()
    page.goto(served + YOUTUBE_POST, wait_until="networkidle")
    caption = page.locator("figure.hs-video figcaption")
    assert caption.locator(".hs-video__title").inner_text() == "Ada's talk <live>"
    expected = "Ada's talk <live> (3:40) Transcript · Captions (WebVTT)"
    assert caption.inner_text().split() == expected.split()
