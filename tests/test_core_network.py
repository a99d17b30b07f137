"""Which posts belong where, checked on plain data without building a site."""

from datetime import UTC, datetime, timedelta

import pytest

from hubspoke.core.network.assembly import Network, Settings, check_references
from hubspoke.core.network.indexes import paginate
from hubspoke.core.network.model import Author, Category, Persona

from .factories import post

CLOCK = datetime(2026, 1, 1, tzinfo=UTC)
AUTHORS = {
    "ada": Author("ada", "Ada", "expert", "Engineer", "Bio", "authors/ada.yml"),
    "gus": Author("gus", "Gus", "guest", "Analyst", "Bio", "authors/gus.yml", organization="R"),
    "quiet": Author("quiet", "Quiet", "expert", "Engineer", "Bio", "authors/quiet.yml"),
}
PERSONAS = {
    "buyer": Persona("buyer", "Buyer", "Buys", "personas/buyer.md"),
    "candidate": Persona("candidate", "Candidate", "Joins", "personas/candidate.md"),
    "journalist": Persona("journalist", "Journalist", "Writes", "personas/journalist.md"),
}


@pytest.fixture
def network():
    posts = [
        post(1, personas=("buyer",), categories=(Category("news", "News"),)),
        post(2, authors=("ada", "gus"), personas=("buyer", "candidate")),
        post(3, authors=("gus",), personas=("candidate",), categories=(Category("news", "News"),)),
        post(4, personas=("buyer",), draft=True),
        post(5, personas=("buyer",), date=datetime(2027, 1, 1, tzinfo=UTC)),
        post(6, personas=("buyer",), unlisted=True, categories=(Category("secret", "Secret"),)),
        post(7, personas=("candidate",), date=datetime(2024, 5, 1, tzinfo=UTC)),
    ]
    return Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, per_page=2))


def slugs(posts):
    return [p.slug for p in posts]


def test_persona_membership(network):
    assert slugs(network.posts_for("persona", "buyer")) == ["p2", "p1"]
    assert slugs(network.posts_for("persona", "candidate")) == ["p3", "p2", "p7"]
    assert network.posts_for("persona", "journalist") == []


def test_author_membership_counts_co_authors(network):
    assert slugs(network.posts_for("author", "gus")) == ["p3", "p2"]
    assert slugs(network.posts_for("author", "ada")) == ["p2", "p1", "p7"]


def test_categories_come_from_listed_posts_only(network):
    assert list(network.categories()) == ["news"]


def test_index_pages_cover_every_author_and_persona_and_paginate(network):
    pages = network.index_pages()
    by = {(p.kind, p.key, p.number): p for p in pages}
    assert by[("author", "quiet", 1)].posts == ()
    assert by[("persona", "journalist", 1)].total == 0
    blog = [p for p in pages if p.kind == "blog"]
    assert [p.path for p in blog] == ["blog", "blog/page/2"]
    assert slugs(blog[0].posts) == ["p3", "p2"] and slugs(blog[1].posts) == ["p1", "p7"]
    assert blog[0].next == "blog/page/2" and blog[1].previous == "blog"
    assert {p.key for p in pages if p.kind == "archive"} == {"2024", "2025"}
    for page in pages:
        for member in page.posts:
            assert not (member.draft or member.unlisted or member.date > CLOCK)


def test_pinned_posts_come_first_on_the_blog_home_only():
    posts = [post(1, pin=True), post(2), post(3)]
    network = Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, per_page=10))
    pages = {p.kind: p for p in network.index_pages() if p.number == 1 and p.key in ("", "2025")}
    assert slugs(pages["blog"].posts) == ["p1", "p3", "p2"]
    assert slugs(pages["archive"].posts) == ["p3", "p2", "p1"]


def test_paginate_keeps_one_empty_page():
    assert paginate([], 5) == [()]
    assert [len(c) for c in paginate([post(i) for i in range(7)], 3)] == [3, 3, 1]


def test_later_pages_list_older_posts_as_compact_rows():
    posts = [post(i) for i in range(1, 26)]
    assert [len(c) for c in paginate(posts, 3, 10)] == [3, 10, 10, 2]
    network = Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, per_page=3, rows_per_page=10))
    blog = [p for p in network.index_pages() if p.kind == "blog"]
    assert [(len(p.posts), p.compact) for p in blog] == [
        (3, False),
        (10, True),
        (10, True),
        (2, True),
    ]
    assert [p.posts[0].slug for p in blog] == ["p25", "p22", "p12", "p2"]
    assert {p.compact for p in network.index_pages() if p.kind in ("archive", "tag")} <= {True}


def test_index_pages_grow_with_posts_over_rows_per_page():
    """2,000 posts by one author in one persona: 1 card page + 20 row pages per view."""
    posts = [post(i, personas=("buyer",), date=CLOCK - timedelta(hours=i + 1)) for i in range(2000)]
    network = Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, per_page=10))
    count = {}
    for page in network.index_pages():
        count[page.kind, page.key] = count.get((page.kind, page.key), 0) + 1
    assert count["blog", ""] == count["author", "ada"] == count["persona", "buyer"] == 21


def test_reference_problems_name_the_file_and_suggest_fixes():
    bad = [
        post(1, authors=("adaa",), lines={"authors": 4}),
        post(2, personas=("buyers",)),
        post(3, reviewer="nobody"),
        post(4, path="blog/p1"),
        post(5, image="../../../etc/passwd"),
        post(6, image="missing.png"),
        post(7, authors=()),
    ]
    shown = {p.source: f"content/{p.source}" for p in bad}
    found = [str(p) for p in check_references(bad, AUTHORS, PERSONAS, shown=shown, files=set())]
    assert (
        "content/blog/p1.md:4: field 'authors': unknown author id 'adaa': did you mean 'ada'?"
        in found
    )
    assert any(
        "p2.md" in p and "unknown persona id 'buyers'" in p and "'buyer'" in p for p in found
    )
    assert any("p3.md" in p and "'reviewer'" in p for p in found)
    assert any("p4.md" in p and "same URL 'blog/p1/' as content/blog/p1.md" in p for p in found)
    assert any("p5.md" in p and "outside the content folder" in p for p in found)
    assert any("p6.md" in p and "not found" in p for p in found)
    assert any("p7.md" in p and "'authors': is missing" in p for p in found)


def test_categories_allowed():
    found = check_references(
        [post(1, categories=(Category("gossip", "Gossip"),))],
        AUTHORS,
        PERSONAS,
        shown={},
        categories_allowed=["News", "How-to"],
    )
    assert "not an allowed category" in found[0].message


def test_archive_and_tag_indexes_are_one_compact_page(network):
    pages = [p for p in network.index_pages() if p.kind in ("archive", "tag")]
    assert pages and all(p.compact and p.count == 1 for p in pages)
    archive_2025 = next(p for p in pages if p.kind == "archive" and p.key == "2025")
    assert slugs(archive_2025.posts) == ["p3", "p2", "p1"]


def test_different_names_sharing_a_page_are_reported():
    posts = [
        post(1, tags=("C++",), categories=(Category("how-to", "How-to"),)),
        post(2, tags=("C", "c++"), categories=(Category("how-to", "how to"),)),
    ]
    shown = {p.source: f"content/{p.source}" for p in posts}
    found = [str(p) for p in check_references(posts, AUTHORS, PERSONAS, shown=shown)]
    assert len(found) == 1, found
    assert "content/blog/p2.md" in found[0] and "field 'tags'" in found[0]
    assert "'C' and 'C++' (in content/blog/p1.md) would share the page 'c'" in found[0]


@pytest.mark.parametrize(
    ("current", "count", "expected"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, 0, 10]),
        (5, 10, [1, 2, 3, 4, 5, 6, 7, 0, 10]),
        (10, 10, [1, 0, 8, 9, 10]),
        (500, 1000, [1, 0, 498, 499, 500, 501, 502, 0, 1000]),
    ],
)
def test_page_links_are_a_window_not_every_page(current, count, expected):
    from hubspoke.network.context import page_window

    assert page_window(current, count) == expected
