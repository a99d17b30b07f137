"""The home page shows the hub at a glance, the 404 page helps a reader on, and the example
has a dark scheme: read from the built HTML of the example hub and of the basic site."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from .conftest import ROOT, SITES, build_in_process, copy_site


def _resolves(built, href: str, base: str = "/") -> bool:
    """A root-relative link of a page served at any depth is a file of the build."""
    path = urlsplit(href).path
    assert path.startswith(base), f"{href} does not start at the site's base path {base}"
    return built.path(path[len(base) :]).is_file()


# -- the home page ---------------------------------------------------------------------


def test_home_hero_has_the_title_company_description_and_profiles(example):
    home = example.html("")
    hero = home.select_one("article .hs-hero")
    assert hero is not None
    assert hero.select_one("h1").get_text(strip=True) == "Corvane Hub"
    assert hero.select_one(".hs-hero__company").get_text(strip=True) == "Corvane Instruments"
    assert "flow, pressure and level" in hero.select_one(".hs-hero__description").get_text()
    spokes = yaml_load((ROOT / "spokes.yml").read_bytes())["spokes"]
    icons = hero.select("ul.hs-hero__spokes a.hs-hero__spoke")
    assert [a["href"] for a in icons] == [s["url"] for s in spokes]
    for icon in icons:
        assert icon.select_one("svg") is not None
        name = icon.select_one(".hs-visually-hidden").get_text(strip=True)
        assert name and icon["title"], icon  # an icon link still says where it leads
    assert hero.select_one(".hs-hero__more a")["href"] == "hub/"
    assert len(home.select("article h1")) == 1


def test_home_keeps_its_markdown_and_shows_latest_personas_and_next_events(example):
    home = example.html("")
    article = home.select_one("article")
    assert "About 650 of us design, build, calibrate" in article.get_text()
    cards = article.select(".hs-home-latest .hs-listing--grid > .hs-card")
    assert 3 <= len(cards) <= 6
    assert article.select_one(".hs-home-personas .hs-grid--personas a") is not None
    events = article.select(".hs-home-events .hs-home-event")
    assert 1 <= len(events) <= 3
    for event in events:
        href = event.select_one(".hs-home-event__title a")["href"]
        assert example.path(href).is_file(), href
        assert event.select_one("time[datetime]") is not None
    assert article.select_one(".hs-home-events .hs-home__more a")["href"] == "events/"
    # In the order of the brief: hero, the page's text, posts, personas, events.
    order = [
        s.get("class")[0] for s in article.select("header.hs-hero, section[class^='hs-home-']")
    ]
    assert order == ["hs-hero", "hs-home-latest", "hs-home-personas", "hs-home-events"]


def test_a_site_without_events_or_profiles_has_no_such_blocks(basic):
    """The basic site lists no media section and has no spokes.yml."""
    home = basic.html("")
    assert home.select_one(".hs-hero h1") is not None
    assert home.select_one(".hs-hero__spokes") is None
    assert home.select_one(".hs-hero__more") is None
    assert home.select_one(".hs-home-events") is None
    assert home.select(".hs-home-latest .hs-card")


# -- the 404 page ------------------------------------------------------------------------


def test_404_page_offers_search_home_blog_and_latest_posts(example):
    page = example.html("404.html")
    box = page.select_one("article .hs-notfound")
    assert box is not None
    assert box.select_one("h1").get_text(strip=True) == "Page not found"
    assert box.select_one("label[for='__search']") is not None
    assert page.select_one("input#__search") is not None  # the toggle the label opens
    cards = box.select(".hs-notfound__latest li > a")
    assert 3 <= len(cards) <= 6
    links = [a["href"] for a in page.select("article a[href]")]
    assert "/" in links and "/blog/" in links
    for href in links:
        if href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        assert _resolves(example, href), href
    assert "\ue001" not in example.path("404.html").read_text(encoding="utf-8")


def test_404_page_has_the_sites_content_security_policy(example):
    page = example.html("404.html")
    assert page.select_one("meta[http-equiv='Content-Security-Policy']") is not None


def test_404_links_start_at_the_base_path_of_site_url(tmp_path):
    source = copy_site(SITES / "basic", tmp_path / "src")
    built = build_in_process(source, tmp_path / "site", site_url="https://example.org/docs/")
    page = built.html("404.html")
    links = [a["href"] for a in page.select("article a[href]")]
    assert "/docs/" in links and "/docs/blog/" in links
    cards = page.select(".hs-notfound__latest li > a")
    assert cards
    for href in links:
        if not href.startswith(("http:", "https:", "mailto:", "#")):
            assert _resolves(built, href, base="/docs/"), href


# -- the example's colour schemes ----------------------------------------------------------


def test_example_has_a_light_and_a_dark_scheme_with_a_toggle(example):
    config = yaml_load((ROOT / "mkdocs.yml").read_bytes())
    palette = config["theme"]["palette"]
    assert [p["scheme"] for p in palette] == ["default", "slate"]
    assert [p["media"] for p in palette] == [
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    ]
    assert all(p["toggle"]["name"] for p in palette)
    home = example.html("")
    toggles = home.select("form[data-md-component='palette'] input[name='__palette']")
    assert [t["data-md-color-scheme"] for t in toggles] == ["default", "slate"]


def test_stylesheet_colours_follow_the_scheme():
    """No colour of Hubspoke's rules is written as a literal: each is a custom property,
    Material's or one set per scheme at the top of the stylesheet."""
    css = (ROOT / "plugins/hubspoke/network/assets/hubspoke.css").read_text(encoding="utf-8")
    rules = css.split('[data-md-color-scheme="slate"] {', 1)[1].split("}", 1)[1]
    assert "#" not in "".join(
        line.split(":", 1)[1]
        for line in rules.splitlines()
        if line.strip().startswith(("color:", "background:", "border"))
    )
