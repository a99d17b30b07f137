"""Layout a reader sees in real headless Chromium, at a phone's and a desktop's width."""

import pytest

from .gates.browser import chromium

SMALL_PHONE = {"width": 360, "height": 740}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
WIDTHS = pytest.mark.parametrize(
    "viewport", [SMALL_PHONE, PHONE, DESKTOP], ids=["360", "390", "1366"]
)


@WIDTHS
def test_the_hub_page_does_not_scroll_sideways(served, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(served + "hub/")
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page is {width} px wide"
    # Each table scrolls inside its own box instead, which fits the screen.
    tables = page.locator(".md-content table").all()
    assert len(tables) == 2
    for table in tables:
        right = table.evaluate(
            "t => t.closest('.md-typeset__scrollwrap').getBoundingClientRect().right"
        )
        assert right <= viewport["width"] + 0.5


@WIDTHS
def test_author_avatars_keep_their_size_and_shape(served, page, example, viewport):
    page.set_viewport_size(viewport)
    post = next(
        p
        for p in sorted(example.site.glob("blog/2*/**/index.html"))
        if 'class="hs-avatar' in p.read_text(encoding="utf-8")
    )
    page.goto(served + post.parent.relative_to(example.site).as_posix() + "/")
    avatars = page.locator(".hs-author img.hs-avatar, .hs-author .hs-avatar")
    assert avatars.count() >= 1
    for avatar in avatars.all():
        avatar.scroll_into_view_if_needed()
        box = avatar.bounding_box()
        assert box is not None
        assert abs(box["width"] - box["height"]) < 1, box
        assert 39 <= box["width"] <= 41, box  # its width and height attributes: 40


@pytest.mark.parametrize("url", ["", "blog/", "authors/lena-hoffmann/", "events/", "a post"])
def test_no_request_of_a_page_fails(served, example, url):
    """Material's script asks for a sitemap.xml next to every <link rel="alternate"> (it
    looks for translations): next to each feed and calendar there is one to answer it."""
    if url == "a post":  # an episode: it links its show's podcast feed too
        found = next(
            p
            for p in sorted(example.site.glob("blog/2*/**/index.html"))
            if 'class="hs-audio' in p.read_text(encoding="utf-8")
        )
        url = found.parent.relative_to(example.site).as_posix() + "/"
    with chromium() as browser:
        page = browser.page()
        page.goto(served + url)
        page.wait_for_load_state("networkidle")
        assert browser.failed == []
        assert browser.console_errors == []
