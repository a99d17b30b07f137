"""Build the `basic` fixture hub and read its output with an HTML parser."""

import gzip
import json
import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import FIXED_CLOCK, build_in_process
from .sitecheck import all_listing_titles, broken_links, files_containing, listed_titles

PUBLISHED = ["Third post, Material style", "Second post", "First post"]


def test_builds_strict_without_warnings(basic):
    assert basic.warnings() == []


def test_blog_home_lists_published_posts_newest_first_over_pages(basic):
    assert all_listing_titles(basic, "blog/") == PUBLISHED
    assert len(listed_titles(basic.html("blog/"))) == 2


def test_later_index_pages_list_older_posts_as_compact_rows(basic):
    first, second = basic.html("blog/"), basic.html("blog/page/2/")
    assert len(first.select(".hs-listing .hs-card")) == 2 and not first.select(".hs-compact")
    assert not second.select(".hs-card")
    assert [a.get_text(strip=True) for a in second.select(".hs-compact > li > a")] == ["First post"]
    assert second.select_one(".hs-pagination a[rel=prev]")


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        ("authors/ada/", ["Second post", "First post"]),
        ("authors/gus/", ["Third post, Material style", "Second post"]),
        ("personas/buyer/", ["Second post", "First post"]),
        ("personas/candidate/", ["Third post, Material style", "Second post"]),
        ("blog/category/industry-insights/", ["Third post, Material style", "Second post"]),
        ("blog/category/engineering/", ["First post"]),
        ("blog/tag/sensors/", ["First post"]),
    ],
)
def test_each_index_lists_exactly_its_published_posts(basic, url, titles):
    assert all_listing_titles(basic, url) == titles


def test_personas_overview_counts_each_personas_published_posts(basic):
    counts = {
        item.select_one(".hs-grid__name").get_text(strip=True): item.select_one(
            ".hs-grid__count"
        ).get_text(strip=True)
        for item in basic.html("personas/").select(".hs-grid--personas > li")
    }
    assert counts["Buyer"] == "2 posts" and counts["Candidate"] == "2 posts"


def test_persona_page_keeps_its_own_text_above_the_index(basic):
    soup = basic.html("personas/buyer/")
    text = soup.select_one("article.md-content__inner").get_text(" ", strip=True)
    assert text.index("Buyers want facts.") < text.index("Second post")
    assert soup.h1.get_text(strip=True) == "Buyer"


def test_author_page_shows_profile(basic):
    soup = basic.html("authors/ada/")
    assert soup.h1.get_text(strip=True) == "Ada Expert"
    assert "Engineer, Example Corp" in soup.select_one(".hs-profile__title").get_text()
    assert soup.select_one(".hs-badge--expert")
    assert soup.select_one(".hs-profile__bio strong").get_text() == "sensors"
    spoke = soup.select_one(".hs-spokes a")
    assert spoke["href"] == "https://social.example/@ada" and "me" in spoke["rel"]


def test_authors_overview_separates_experts_and_guests(basic):
    soup = basic.html("authors/")
    headings = [h.get_text(strip=True) for h in soup.select("article h2")]
    assert headings == ["Our experts", "Guest authors"]
    names = [a.get_text(strip=True) for a in soup.select(".hs-grid__name a")]
    assert names == ["Ada Expert", "Gus Guest"]


def test_unpublished_posts_reach_no_output_file(basic):
    for canary in ("canarydraft", "canaryfuture"):
        assert files_containing(basic.site, canary) == []


def test_unlisted_post_is_reachable_with_noindex_and_listed_nowhere(basic):
    assert files_containing(basic.site, "canaryunlisted") == [
        "blog/2025/01/20/canaryunlisted",
        "blog/2025/01/20/canaryunlisted/index.html",
    ]
    soup = basic.html("blog/2025/01/20/canaryunlisted/")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert files_containing(basic.site, "canarycat") == [
        "blog/2025/01/20/canaryunlisted/index.html"
    ]


def test_sitemap_and_search_index_leave_out_unlisted(basic):
    sitemap = (basic.site / "sitemap.xml").read_text()
    assert "first-post" in sitemap and "canaryunlisted" not in sitemap
    assert (
        "canaryunlisted"
        not in gzip.decompress((basic.site / "sitemap.xml.gz").read_bytes()).decode()
    )
    locations = {doc["location"] for doc in basic.search_index()["docs"]}
    assert any(loc.startswith("blog/2025/01/10/first-post/") for loc in locations)
    assert not any("canary" in loc for loc in locations)


def test_material_style_post_takes_its_title_from_the_heading(basic):
    soup = basic.html("blog/2025/03/01/third-post-material-style/")
    assert [h.get_text(strip=True) for h in soup.select("article h1")] == [
        "Third post, Material style¶"
    ]
    assert soup.select_one(".hs-meta time")["datetime"] == "2025-03-01T00:00:00+01:00"


def test_guest_post_has_disclosure_and_ugc_links(basic):
    soup = basic.html("blog/2025/02/10/second-post/")
    assert "views expressed" in soup.select_one(".hs-disclosure").get_text()
    link = soup.select_one(".hs-post__body a[href='https://example.org/report']")
    assert "ugc" in link["rel"]
    expert = basic.html("blog/2025/01/10/first-post/")
    assert expert.select_one(".hs-disclosure") is None


def test_post_byline(basic):
    soup = basic.html("blog/2025/02/10/second-post/")
    byline = soup.select_one(".hs-post__header")
    assert [a.get_text() for a in byline.select(".hs-meta__authors a")] == [
        "Ada Expert",
        "Gus Guest",
    ]
    assert "1 min read" in byline.get_text()
    assert [a.get_text() for a in byline.select(".hs-meta--personas a")] == ["Buyer", "Candidate"]
    assert [h.get_text(strip=True) for h in soup.select(".hs-author__name a")] == [
        "Ada Expert",
        "Gus Guest",
    ]


def test_excerpt_stops_at_marker_and_links_still_work(basic):
    soup = basic.html("blog/")
    cards = {
        c.select_one(".hs-card__title").get_text(strip=True): c for c in soup.select(".hs-card")
    }
    third = cards["Third post, Material style"].select_one(".hs-card__excerpt").get_text()
    assert "Intro of the third post." in third and "The rest." not in third


def test_no_broken_local_links_or_images(basic):
    assert broken_links(basic.site) == []


def nav_labels(soup) -> str:
    nav = soup.select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link, label.md-nav__link")]
    return " | ".join(labels)


def test_navigation_has_personas_but_no_posts_years_or_categories(basic):
    joined = nav_labels(basic.html(""))
    for expected in ("Blog", "Buyer", "Candidate"):
        assert expected in joined
    for absent in ("Archive", "2025", "Categories", "Engineering", *PUBLISHED):
        assert absent not in joined


def test_blog_home_links_every_category_and_year_with_counts(basic):
    browse = basic.html("blog/").select_one("nav.hs-browse")
    links = {a.get_text(strip=True): a["href"] for a in browse.select("a")}
    assert links == {
        "Engineering": "category/engineering/",
        "Industry insights": "category/industry-insights/",
        "2025": "archive/2025/",
        # and the overviews of every category and tag, which nothing else links to
        "All categories": "category/",
        "All tags": "tag/",
    }
    assert basic.path("blog/category/").is_file() and basic.path("blog/tag/").is_file()
    assert "(2)" in browse.get_text() and "(3)" in browse.get_text()
    assert not basic.html("blog/page/2/").select(".hs-browse")


def test_nav_blog_sections_put_years_and_categories_in_the_nav(site_copy, tmp_path):
    source = site_copy("basic")
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "blog_per_page: 2", "blog_per_page: 2\n      nav_blog_sections: true"
        )
    )
    built = build_in_process(source, tmp_path / "site")
    joined = nav_labels(built.html(""))
    for expected in ("Archive", "2025", "Categories", "Engineering", "Buyer", "Candidate"):
        assert expected in joined
    for post_title in PUBLISHED:
        assert post_title not in joined


def test_generated_url_colliding_with_a_real_page_fails(site_copy, tmp_path):
    source = site_copy("basic")
    (source / "content" / "blog" / "category").mkdir(parents=True)
    (source / "content" / "blog" / "category" / "engineering.md").write_text("# Mine\n")
    with pytest.raises(SystemExit):
        build_in_process(source, tmp_path / "site")


def test_without_directory_urls_links_still_resolve(site_copy, tmp_path):
    source = site_copy("basic")
    built = build_in_process(source, tmp_path / "site", use_directory_urls=False)
    assert built.warnings() == []
    assert (built.site / "blog/2025/01/10/first-post.html").is_file()
    assert broken_links(built.site) == []


def test_serve_preview_shows_drafts_with_a_banner(site_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("HUBSPOKE_CLOCK", FIXED_CLOCK)
    source = site_copy("basic")
    config = load_config(str(source / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_startup(command="build", dirty=False)
    page = (tmp_path / "site/blog/2025/03/10/secret-draft-canarydraft/index.html").read_text()
    assert "Draft preview" in page
    assert 'name="robots" content="noindex"' in page
    listing = (tmp_path / "site/personas/buyer/index.html").read_text()
    assert "canarydraft" in listing and re.search(r"hs-badge--state\">\s*Draft", listing)
    rows = (tmp_path / "site/blog/archive/2025/index.html").read_text()  # compact rows
    assert "canarydraft" in rows and re.search(r"hs-badge--state\">\s*Draft", rows)
    sitemap = (tmp_path / "site/sitemap.xml").read_text()
    assert "canary" not in sitemap


def test_images_used_only_by_unpublished_posts_are_not_copied(basic):
    assert files_containing(basic.site, "canarydraft") == []
    assert (basic.site / "blog/posts/shared-chart.png").is_file()


HOSTILE = 'Quotes "q" & <b>bold</b> </script><script>alert(1)</script> ‮rtl'


def test_hostile_text_in_titles_and_names_is_escaped(site_copy, tmp_path):
    source = site_copy("basic")
    (source / "content/blog/posts/hostile.md").write_text(
        f"---\ntitle: '{HOSTILE}'\ndate: 2025-04-01\nauthors: [ada]\npersonas: [buyer]\n"
        f"categories: ['<i>Cat</i>']\ntags: ['<img src=x onerror=alert(2)>']\n"
        f"description: '<script>alert(3)</script>'\nslug: hostile\n---\nBody.\n"
    )
    author = (source / "authors/ada.yml").read_text()
    (source / "authors/ada.yml").write_text(
        author.replace("Ada Expert", "Ada <img src=x onerror=alert(4)>")
    )
    built = build_in_process(source, tmp_path / "site")
    for page in built.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(), "lxml")
        assert not soup.find_all(attrs={"onerror": True}), page
        assert not soup.find_all("i"), page
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)
            else:
                assert "alert(" not in (script.string or ""), page
    post = built.html("blog/2025/04/01/hostile/")
    assert post.h1.get_text() == HOSTILE
    assert post.title.get_text() == f"{HOSTILE} - Basic Hub"
    assert (
        post.find("meta", attrs={"name": "description"})["content"] == "<script>alert(3)</script>"
    )
    category = built.html("blog/category/i-cat-i/")
    assert category.title.get_text() == "<i>Cat</i> - Basic Hub"
    browse = [a.get_text(" ", strip=True) for a in built.html("blog/").select(".hs-browse a")]
    assert "<i>Cat</i>" in browse
    assert post.select_one(".hs-meta__authors a").get_text() == "Ada <img src=x onerror=alert(4)>"
    listing = built.html("personas/buyer/")
    assert HOSTILE in listed_titles(listing)


GUEST_HTML = """
Guest text with <b>bold</b>.

<script>alert("guest")</script>
<img src="x.png" alt="x" onerror="alert('img')">
<a href="javascript:alert('link')">click</a>
<iframe src="https://evil.example/frame"></iframe>
<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk"></iframe>
<div onclick="alert('div')" class="admonition note"><p>Kept</p></div>
"""


def test_guest_html_is_sanitised_and_expert_html_runs_no_script(site_copy, tmp_path):
    source = site_copy("basic")
    posts = source / "content/blog/posts"
    (posts / "guest.md").write_text(
        "---\ntitle: Guest raw\ndate: 2025-04-02\nauthors: [gus]\n---\n" + GUEST_HTML
    )
    (posts / "expert.md").write_text(
        "---\ntitle: Expert raw\ndate: 2025-04-03\nauthors: [ada]\n---\n"
        '<div class="widget" onclick="track()">Expert widget</div>\n'
    )
    bio = (source / "authors/gus.yml").read_text()
    (source / "authors/gus.yml").write_text(
        bio.replace(
            "bio: Gus watches the market.", "bio: Gus <script>alert('bio')</script> watches."
        )
    )
    built = build_in_process(source, tmp_path / "site")
    for page in built.site.rglob("*.html"):
        text = page.read_text()
        for bad in (
            'alert("guest")',
            "alert('img')",
            "javascript:alert",
            "evil.example",
            "alert('div')",
            "alert('bio')",
        ):
            assert bad not in text, (page, bad)
    guest = built.html("blog/2025/04/02/guest-raw/")
    body = guest.select_one(".hs-post__body")
    assert body.find("b").get_text() == "bold"
    assert body.select_one("div.admonition.note").get_text(strip=True) == "Kept"
    assert body.find("iframe")["src"] == "https://www.youtube-nocookie.com/embed/abc"
    expert = built.html("blog/2025/04/03/expert-raw/")
    assert expert.select_one("div.widget").get_text() == "Expert widget"
    assert not expert.select_one("div.widget").has_attr("onclick")


def test_draft_files_named_any_way_stay_unpublished(site_copy, tmp_path):
    """Reference-style links, <paths with spaces>, attributes and front matter: a draft's
    files are not copied; a published page merely naming the file does not keep it."""
    from PIL import Image

    source = site_copy("basic")
    posts = source / "content/blog/posts"
    for name in ("canaryref.png", "canary spaced.png", "canaryattr.png"):
        Image.new("RGB", (8, 8), (10, 20, 30)).save(posts / name)
    (posts / "secret.md").write_text(
        "---\ntitle: Secret\ndate: 2025-03-12\nauthors: [ada]\ndraft: true\n---\n"
        "![ref][r]\n\n![spaced](<canary spaced.png>)\n\n"
        '<img src="canaryattr.png" alt="attr">\n\n[r]: canaryref.png\n'
    )
    (posts / "mention.md").write_text(
        "---\ntitle: Mention\ndate: 2025-03-13\nauthors: [ada]\n---\n"
        "Our file naming: canaryref.png is a name, not a link.\n"
    )
    built = build_in_process(source, tmp_path / "site")
    assert not list(built.site.rglob("canary*.png"))
