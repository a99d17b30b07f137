"""A reader in real headless Chromium: the hub page, an author's spokes, a post."""

from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def test_reader_finds_the_hub_an_author_and_a_post(served, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served + "hub/")
    svg = page.locator("svg.hs-hub-svg")
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300
    assert svg.locator("g.hs-hub-svg__spoke").count() >= 5
    circle = svg.locator("g.hs-hub-svg__spoke circle").first.bounding_box()
    assert circle and circle["width"] > 5
    page.screenshot(path=str(ARTIFACTS / "hub-desktop.png"), full_page=True)

    page.goto(served + "authors/")
    page.get_by_role("link", name="Rachel Amsel").first.click()
    page.wait_for_url("**/authors/rachel-amsel/")
    spokes = page.get_by_role("list", name="Rachel Amsel elsewhere")
    assert spokes.get_by_role("link").count() >= 1
    assert spokes.get_by_role("link").first.get_attribute("href").startswith("https://")

    page.locator(".hs-card__title a").first.click()
    page.wait_for_load_state()
    assert "/blog/" in page.url
    assert page.locator(".hs-disclosure").is_visible()
    share = page.get_by_role("navigation", name="Share this post")
    assert "utm_source%3Dlinkedin" in share.get_by_role("link", name="LinkedIn").get_attribute(
        "href"
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "guest-post-phone.png"), full_page=True)


def test_mastodon_share_page_asks_for_the_readers_server(served, page):
    page.goto(served + "share/mastodon/?text=" + "Hello%20https%3A%2F%2Fhub.example%2Fa%2F")
    assert page.locator("#hs-mastodon-text").input_value() == "Hello https://hub.example/a/"
    page.fill("#hs-mastodon-instance", "not a server")
    page.click("button[type=submit]")
    assert page.locator("#hs-mastodon-error").is_visible()
    for typed in ("https://social.example/@me", "@me@social.example", "social.example"):
        page.goto(served + "share/mastodon/?text=Hello")
        page.fill("#hs-mastodon-instance", typed)
        page.click("button[type=submit]")
        page.wait_for_timeout(300)
        # The only request that leaves the site is the one the reader asked for.
        assert page.blocked == ["https://social.example/share?text=Hello"], typed
        page.blocked.clear()


CSP_PAGES = [
    "",
    "hub/",
    "blog/",
    "authors/lena-hoffmann/",
    "personas/plant-engineer/",
    "share/mastodon/",
]


def test_content_security_policy_holds_and_search_still_works(example, served, page):
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    post = next(example.site.glob("blog/2*/**/index.html")).parent
    for url in [*CSP_PAGES, post.relative_to(example.site).as_posix() + "/"]:
        page.goto(served + url)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert "script-src 'self'" in policy.get_attribute("content")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], url
    page.goto(served)
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    # Material's worker loads the index after the page: wait until it says it is ready.
    page.wait_for_function(
        "!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')",
        timeout=30000,
    )
    search.press_sequentially("calibration", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert page.locator(".md-search-result__item").count() > 0
    assert page.evaluate("window.__csp") == []
