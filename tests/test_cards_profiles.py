"""Index pages as a reader meets them, on the built example: post cards with a picture,
the overviews of every category and every tag, and the author page as a profile."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

import pytest


def _resolved(src: str, page_url: str) -> str:
    """The site-relative path of `src` written on the page at `page_url`."""
    return posixpath.normpath(posixpath.join(page_url, src))


def _cards(soup):
    return soup.select(".hs-listing > article.hs-card")


def test_every_card_on_the_blog_home_shows_a_decorative_picture(example):
    cards = _cards(example.html("blog/"))
    assert len(cards) == 8
    for card in cards:
        img = card.select_one(".hs-card__image img")
        assert img is not None, card.select_one(".hs-card__title").get_text(strip=True)
        # The title is the link and says it all: the picture is decorative.
        assert img["alt"] == ""
        assert img["loading"] == "lazy"
        assert (img["width"], img["height"]) == ("400", "210")
        assert card.select_one(".hs-card__title a") is not None


def test_a_card_shows_the_posts_own_image_as_a_responsive_picture(example):
    card = None
    for page in sorted((example.site / "blog" / "category").glob("*/index.html")):
        index_url = page.parent.relative_to(example.site).as_posix() + "/"
        for candidate in _cards(example.html(index_url)):
            if "the-milk-keeps-flowing" in candidate.select_one(".hs-card__title a")["href"]:
                card = candidate
    assert card is not None, "the post with an image has a card on its category's page"
    picture = card.select_one(".hs-card__image picture")
    assert picture is not None, "the images section makes it a <picture>"
    assert picture.select("source[srcset]")
    src = picture.img["src"]
    # A variant of the image its front matter names (blog/images/...).
    front = (example.source / "content" / "blog" / "posts" / "2025").glob(
        "replacing-flow-meters-in-a-running-dairy.md"
    )
    text = next(front).read_text(encoding="utf-8")
    image = re.search(r"^image:\s*(\S+)", text, re.M)[1]
    stem = posixpath.splitext(posixpath.basename(image))[0]
    assert posixpath.basename(src).startswith(stem), (src, image)


def test_a_post_without_an_image_shows_its_social_card(example):
    soup = example.html("blog/")
    found = 0
    for card in _cards(soup):
        img = card.select_one(".hs-card__image img")
        if "/cards/" not in img["src"]:
            continue
        found += 1
        post_url = _resolved(card.select_one(".hs-card__title a")["href"], "blog/") + "/"
        og = example.html(post_url).select_one('meta[property="og:image"]')["content"]
        assert urlsplit(og).path.lstrip("/") == _resolved(img["src"], "blog/")
        assert example.path(_resolved(img["src"], "blog/")).is_file()
    assert found >= 1


def test_cards_on_every_kind_of_index_page_have_pictures(example):
    for url in ("blog/category/engineering/", "authors/lena-hoffmann/", "personas/"):
        soup = example.html(url)
        cards = _cards(soup)
        if url == "personas/":
            continue
        assert cards, url
        assert all(c.select_one(".hs-card__image img") for c in cards), url


def test_the_card_image_comes_from_the_image_then_the_text_then_the_social_card():
    from hubspoke.core.network.cardimage import card_image, first_image

    body = '<p>Hi</p><img src="https://cdn.example/x.png"><p><img src="../pics/a.jpg"></p>'
    url = "blog/2026/01/02/post/"
    assert first_image(body, url) == "blog/2026/01/02/pics/a.jpg"
    chosen = card_image(
        image_url="blog/images/i.jpg", body_html=body, post_url=url, social_card="c.png"
    )
    assert chosen is not None and chosen.url == "blog/images/i.jpg"
    chosen = card_image(image_url=None, body_html=body, post_url=url, social_card="c.png")
    assert chosen is not None and chosen.url == "blog/2026/01/02/pics/a.jpg"
    only_outside = '<img src="https://cdn.example/x.png">'
    chosen = card_image(image_url=None, body_html=only_outside, post_url=url, social_card="c.png")
    assert chosen is not None and chosen.url == "c.png"  # never a request outside the site
    assert card_image(image_url=None, body_html="", post_url=url, social_card=None) is None


def _terms(soup):
    return {
        li.select_one(".hs-terms__name").get_text(strip=True): (
            li.a["href"],
            li.select_one(".hs-terms__count").get_text(strip=True),
        )
        for li in soup.select("ul.hs-terms > li")
    }


def test_the_categories_overview_lists_every_category_with_its_count(example):
    soup = example.html("blog/category/")
    assert soup.h1.get_text(strip=True) == "Categories"
    terms = _terms(soup)
    # The blog home's browse box counts the same posts per category.
    home = example.html("blog/")
    group = next(
        g for g in home.select(".hs-browse__group") if g.h2.get_text(strip=True) == "Categories"
    )
    expected = {
        li.a.get_text(strip=True): int(li.select_one(".hs-browse__count").get_text()[1:-1])
        for li in group.select(".hs-browse__links > li")
    }
    assert set(terms) == set(expected) and len(terms) == 6
    for name, (href, count) in terms.items():
        n = expected[name]
        assert count == (f"{n} post" if n == 1 else f"{n} posts")
        assert example.path(_resolved(href, "blog/category") + "/").is_file()
    assert soup.select_one(".hs-terms__other a")["href"] == "../tag/"


def test_the_tags_overview_lists_every_tag_with_its_count(example):
    soup = example.html("blog/tag/")
    assert soup.h1.get_text(strip=True) == "Tags"
    terms = _terms(soup)
    folders = sorted(p.name for p in (example.site / "blog" / "tag").iterdir() if p.is_dir())
    assert len(terms) == len(folders) > 10
    for name, (href, count) in terms.items():
        target = _resolved(href, "blog/tag") + "/"
        rows = example.html(target).select(".hs-compact > li")
        n = len(rows)
        assert count == (f"{n} post" if n == 1 else f"{n} posts"), name
    # In the sitemap like every other page.
    sitemap = (example.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/blog/tag/</loc>" in sitemap and "/blog/category/</loc>" in sitemap


@pytest.mark.parametrize("author", ["lena-hoffmann", "henrik-dahl"])
def test_the_author_page_is_a_profile(example, author):
    url = f"authors/{author}/"
    soup = example.html(url)
    header = soup.select_one("header.hs-profile")
    assert header is not None
    avatar = header.select_one("img.hs-avatar--profile")
    assert avatar is not None and avatar["width"] == avatar["height"] == "160"
    assert avatar["alt"] == ""  # the name is the heading beside it
    assert header.h1.get_text(strip=True) == soup.title.get_text().split(" - ")[0]
    assert header.select_one(".hs-profile__title").get_text(strip=True)
    badge = header.select_one(".hs-profile__badges .hs-badge").get_text(strip=True)
    guest = (example.source / "authors" / f"{author}.yml").read_text().count("role: guest")
    assert badge == ("Guest author" if guest else "Corvane Instruments team")
    assert header.select_one(".hs-profile__bio p").get_text(strip=True)
    spokes = header.select("ul.hs-spokes--icons a.hs-spoke")
    assert spokes
    for spoke in spokes:
        assert spoke.select_one(".hs-icon svg") is not None
        name = spoke.select_one(".hs-visually-hidden").get_text(strip=True)
        assert name and ":" in name, "each icon link has an accessible name"
    listed = len(_cards(soup)) + len(soup.select(".hs-compact > li"))
    count = header.select_one(".hs-profile__count").get_text(strip=True)
    assert count == (f"{listed} post" if listed == 1 else f"{listed} posts")
    feeds = [a["href"] for a in header.select(".hs-follow a")]
    assert f"../../feeds/authors/{author}.rss.xml" in feeds
    assert all(example.path(_resolved(f, url)).is_file() for f in feeds)


def test_overviews_go_to_the_folder_of_the_pages_they_list():
    from hubspoke.core.urls import folder_of_format

    assert folder_of_format("blog/tag/{key}") == "blog/tag"
    assert folder_of_format("/topics/{key}/") == "topics"
    assert folder_of_format("{key}") is None  # the site root: no folder of their own
    assert folder_of_format("blog/{key}/posts") is None
    assert folder_of_format("blog/{year}/{key}") is None


def test_a_writers_page_in_the_folder_is_the_overview_and_the_blog_home_stays(site_copy, tmp_path):
    """A page the writer put in the tags' folder (topics/) gets the list under its own
    text; categories at blog/{key} share the blog home's folder, which stays the blog home."""
    from .conftest import build_in_process

    source = site_copy("basic")
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "blog_per_page: 2",
            'blog_per_page: 2\n      category_url_format: "blog/{key}"'
            '\n      tag_url_format: "topics/{key}"',
        )
    )
    (source / "content" / "topics").mkdir(parents=True)
    (source / "content" / "topics" / "index.md").write_text(
        "# Every tag\n\nWhat we write about.\n", encoding="utf-8"
    )
    built = build_in_process(source, tmp_path / "site")
    tags = built.html("topics/")
    assert tags.h1.get_text(strip=True).startswith("Every tag")
    assert "What we write about." in tags.get_text()
    assert tags.select("ul.hs-terms > li")
    home = built.html("blog/")
    assert home.select(".hs-listing .hs-card") and not home.select(".hs-terms")
    assert not built.path("blog/category/").exists()
