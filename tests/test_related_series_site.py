"""Related posts and series on built sites: the example hub and a small fixture with a
series that has a draft and a scheduled part."""

from __future__ import annotations

import pytest

from .conftest import add_content_files, build_in_process, run_check, run_mkdocs

SERIES_PAGE = "blog/series/buying-a-flow-meter/"
PARTS = [
    "blog/2025/08/19/the-price-tag-is-the-smallest-number-the-total-cost-of-a-flow-meter/",
    "blog/2025/11/04/choosing-a-flow-meter-in-six-steps/",
    "blog/2026/03/17/eight-questions-to-ask-any-flow-meter-supplier-including-us/",
]


def resolve(built, page_url: str, href: str) -> str:
    """The site path a relative link on `page_url` leads to (checked to exist)."""
    from posixpath import join, normpath

    target = normpath(join(page_url, href)) + ("/" if href.endswith("/") else "")
    assert built.path(target).is_file(), f"{href} on {page_url} leads nowhere"
    return target


def post_urls(built) -> list[str]:
    return [
        str(f.parent.relative_to(built.site)) + "/"
        for f in sorted((built.site / "blog").glob("2*/**/index.html"))
    ]


# -- the example hub ------------------------------------------------------------


def test_each_part_of_the_example_series_shows_its_place_and_neighbours(example):
    for number, url in enumerate(PARTS, start=1):
        box = example.html(url).select_one("nav.hs-series")
        assert box is not None, url
        part = box.select_one(".hs-series__part")
        assert " ".join(part.get_text().split()) == f"Part {number} of 3 of Buying a flow meter"
        assert resolve(example, url, part.a["href"]) == SERIES_PAGE
        previous = box.select_one("a[rel=prev]")
        following = box.select_one("a[rel=next]")
        if number == 1:
            assert previous is None
        else:
            assert resolve(example, url, previous["href"]) == PARTS[number - 2]
        if number == 3:
            assert following is None
        else:
            assert resolve(example, url, following["href"]) == PARTS[number]
    other = "blog/2025/04/02/how-we-calibrate-10-000-flow-meters-a-year/"
    assert example.html(other).select_one("nav.hs-series") is None


def test_the_example_series_page_lists_its_parts_in_reading_order(example):
    page = example.html(SERIES_PAGE)
    assert page.h1.get_text() == "Series “Buying a flow meter”"
    links = [resolve(example, SERIES_PAGE, a["href"]) for a in page.select(".hs-compact li > a")]
    assert links == PARTS


def test_every_example_post_lists_up_to_three_published_related_posts(example):
    published = set(post_urls(example))
    assert len(published) > 10
    for url in published:
        related = example.html(url).select_one("nav.hs-related")
        assert related is not None, url
        assert related.h2.get_text() == "Related posts"
        items = related.select("li")
        assert 1 <= len(items) <= 3, url
        targets = [resolve(example, url, li.a["href"]) for li in items]
        assert url not in targets and len(set(targets)) == len(targets)
        assert set(targets) <= published, url
        for li in items:
            assert li.time["datetime"][:4] in ("2025", "2026") and li.time.get_text()
    assert not any("pressure-sensor-roadmap" in u for u in published)  # the draft


def test_the_example_ranks_related_posts_by_shared_personas_categories_and_tags(example):
    """Choosing a flow meter (plant-engineer, procurement-lead; How-to): the two other
    How-to posts for both personas come first (3 + 3 + 2), newer first."""
    url = PARTS[1]
    items = example.html(url).select("nav.hs-related li")
    titles = [li.a.get_text() for li in items]
    assert titles[:2] == [
        "Eight questions to ask any flow meter supplier (including us)",
        "Pressure transmitter accuracy specs, decoded",
    ]


# -- a small fixture ----------------------------------------------------------------


def guide(number: int, date: str, extra: str = "") -> str:
    return (
        f"---\ntitle: Guide part {number}\ndate: {date}\nauthors: [ada]\n"
        f"personas: [candidate]\ntags: [guide]\nseries: The Guide\n{extra}---\n"
        f"Part {number} of the guide.\n"
    )


GUIDE = {
    "blog/posts/guide-1.md": guide(1, "2025-04-01"),
    "blog/posts/guide-2.md": guide(2, "2025-04-08"),
    "blog/posts/guide-draft.md": guide(9, "2025-04-09", "draft: true\n"),
    "blog/posts/guide-3.md": guide(3, "2025-04-15"),
    "blog/posts/guide-future.md": guide(8, "2030-01-01"),
}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from .conftest import SITES, copy_site

    base = tmp_path_factory.mktemp("series")
    source = copy_site(SITES / "basic", base / "src")
    add_content_files(source, GUIDE)
    return build_in_process(source, base / "site")


def test_draft_and_scheduled_parts_are_neither_counted_nor_linked(small):
    urls = [u for u in post_urls(small) if "guide-part" in u]
    assert len(urls) == 3
    series_page = small.html("blog/series/the-guide/")
    assert [a.get_text() for a in series_page.select(".hs-compact li > a")] == [
        "Guide part 1",
        "Guide part 2",
        "Guide part 3",
    ]
    for url in urls:
        html = small.html(url)
        number = html.h1.get_text()[-1]
        part = html.select_one(".hs-series__part").get_text()
        assert " ".join(part.split()) == f"Part {number} of 3 of The Guide"
        related = [a.get_text() for a in html.select("nav.hs-related li a")]
        assert related and not {"Guide part 8", "Guide part 9"} & set(related)
    for file in small.site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "Guide part 9" not in text and "Guide part 8" not in text, file


def test_related_posts_zero_shows_none_and_the_series_page_moves(site_copy, tmp_path):
    source = site_copy("basic")
    add_content_files(source, GUIDE)
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "blog_per_page: 2",
            "blog_per_page: 2\n      related_posts: 0\n      series_url_format: reading/{key}",
        )
    )
    built = build_in_process(source, tmp_path / "site")
    assert not built.path("blog/series/the-guide/").exists()
    assert built.html("reading/the-guide/").h1.get_text() == "Series “The Guide”"
    for url in post_urls(built):
        assert built.html(url).select_one("nav.hs-related") is None, url
    part = built.html("blog/2025/04/08/guide-part-2/").select_one(".hs-series__part a")
    assert resolve(built, "blog/2025/04/08/guide-part-2/", part["href"]) == "reading/the-guide/"


def test_a_page_at_a_series_address_is_a_clash_naming_both_and_the_option(site_copy, tmp_path):
    source = site_copy("basic")
    add_content_files(source, {**GUIDE, "guides/the-guide.md": "# My own page\n"})
    config = source / "mkdocs.yml"
    text = config.read_text().replace(
        "blog_per_page: 2", "blog_per_page: 2\n      series_url_format: guides/{key}"
    )
    config.write_text(text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "series_url_format" in t)
    checked = run_check(source)
    built = run_mkdocs(source, tmp_path / "site")
    assert checked.returncode != 0 and built.returncode != 0
    assert not list((tmp_path / "site").rglob("*.html"))
    for out in (checked.stdout + checked.stderr, built.stderr):
        assert f"mkdocs.yml:{line}: hubspoke/network: the series page 'the-guide'" in out, out
        assert "guides/the-guide/index.html" in out, out
        assert "content/guides/the-guide.md" in out, out


def test_hubspoke_check_reports_a_series_that_is_not_text_at_its_line(site_copy):
    source = site_copy("basic")
    add_content_files(
        source,
        {
            "blog/posts/bad.md": guide(1, "2025-04-01").replace(
                "series: The Guide", "series: [The, Guide]"
            )
        },
    )
    checked = run_check(source)
    assert checked.returncode != 0
    assert "content/blog/posts/bad.md:7: field 'series': must be text, not a list" in (
        checked.stdout + checked.stderr
    )
