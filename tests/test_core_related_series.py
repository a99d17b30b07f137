"""Related posts and series, ranked and ordered on plain data (no MkDocs, no site)."""

from datetime import UTC, datetime

import pytest

from hubspoke.core.content import loaders
from hubspoke.core.errors import ContentError
from hubspoke.core.network.assembly import Network, Settings, check_references
from hubspoke.core.network.model import Author, Category, Persona
from hubspoke.core.network.related import Weights, related_posts
from hubspoke.core.network.series import build_series, places

from .factories import post

CLOCK = datetime(2026, 1, 1, tzinfo=UTC)
NEWS = Category("news", "News")
HOWTO = Category("how-to", "How-to")
AUTHORS = {"ada": Author("ada", "Ada", "expert", "Engineer", "Bio", "authors/ada.yml")}
PERSONAS = {
    "buyer": Persona("buyer", "Buyer", "Buys", "personas/buyer.md"),
    "candidate": Persona("candidate", "Candidate", "Joins", "personas/candidate.md"),
}


def titles(posts):
    return [p.title for p in posts]


# -- related posts -----------------------------------------------------------------


def test_a_shared_persona_outweighs_a_shared_category_which_outweighs_a_tag():
    me = post(1, personas=("buyer",), categories=(NEWS,), tags=("flow",))
    by_persona = post(2, title="Persona", personas=("buyer",))
    by_category = post(3, title="Category", categories=(NEWS,))
    by_tag = post(4, title="Tag", tags=("Flow",))  # tags meet by slug, as their pages do
    unrelated = post(5, title="Nothing", categories=(HOWTO,), tags=("other",))
    everything = [me, by_persona, by_category, by_tag, unrelated]
    found = related_posts(everything, everything, limit=3)
    assert titles(found[me.source]) == ["Persona", "Category", "Tag"]
    assert titles(related_posts([me], everything, limit=2)[me.source]) == ["Persona", "Category"]


def test_scores_add_up_over_every_shared_key():
    me = post(1, personas=("buyer",), categories=(NEWS,), tags=("a", "b"))
    one_persona = post(2, title="Persona", personas=("buyer",))  # 3
    category_and_two_tags = post(3, title="Three keys", categories=(NEWS,), tags=("a", "b"))  # 4
    found = related_posts([me], [me, one_persona, category_and_two_tags], limit=3)
    assert titles(found[me.source]) == ["Three keys", "Persona"]
    heavy_tags = Weights(persona=1, category=1, tag=5)
    found = related_posts(
        [me], [me, one_persona, category_and_two_tags], limit=3, weights=heavy_tags
    )
    assert titles(found[me.source]) == ["Three keys", "Persona"]
    found = related_posts(
        [me], [me, one_persona, category_and_two_tags], limit=3, weights=Weights(9, 1, 1)
    )
    assert titles(found[me.source]) == ["Persona", "Three keys"]


def test_ties_go_to_the_newer_post_then_to_the_title():
    me = post(1, categories=(NEWS,))
    older = post(2, title="A older", categories=(NEWS,))
    newer = post(9, title="Z newer", categories=(NEWS,))
    same_day_b = post(5, title="Beta", categories=(NEWS,))
    same_day_a = post(5, title="Alpha", source="blog/other.md", categories=(NEWS,))
    everything = [me, older, same_day_b, newer, same_day_a]
    assert titles(related_posts([me], everything, limit=4)[me.source]) == [
        "Z newer",
        "Alpha",
        "Beta",
        "A older",
    ]
    assert related_posts([me], list(reversed(everything)), limit=4) == related_posts(
        [me], everything, limit=4
    )


def test_a_post_is_never_related_to_itself_and_zero_turns_it_off():
    me = post(1, personas=("buyer",))
    twin = post(2, personas=("buyer",))
    assert related_posts([me], [me, twin], limit=3)[me.source] == (twin,)
    assert related_posts([twin], [twin], limit=3)[twin.source] == ()
    assert related_posts([me], [me, twin], limit=0) == {}


def test_a_crowded_key_is_looked_at_only_near_the_post_in_date_order():
    """A category every post shares: only the `window` nearest in date are scored, so a
    large site costs n x keys x window; a rare tag still finds a post far away."""
    crowd = [post(n, categories=(NEWS,)) for n in range(1, 200)]
    me = crowd[100] = post(101, categories=(NEWS,), personas=("buyer",))
    far = post(400, title="Far but rare", categories=(NEWS,), personas=("buyer",))
    found = related_posts([me], [*crowd, far], limit=10, window=2)[me.source]
    assert titles(found) == ["Far but rare", "Post 103", "Post 102", "Post 100", "Post 99"]


# -- series ------------------------------------------------------------------------


def test_a_series_is_read_in_date_order_and_same_day_parts_by_title():
    third = post(30, title="Third", series="Flow meters")
    first = post(10, title="First", series="Flow meters")
    second_b = post(20, title="B same day", series="Flow meters")
    second_a = post(20, title="A same day", source="blog/a.md", series="flow meters")
    other = post(15, title="Other", series="Pressure")
    alone = post(16, title="Alone")
    series = build_series([third, other, second_b, alone, first, second_a])
    assert list(series) == ["flow-meters", "pressure"]
    flow = series["flow-meters"]
    assert flow.name == "Flow meters"  # as its first part writes it
    assert titles(flow.posts) == ["First", "A same day", "B same day", "Third"]
    place = places(series.values())
    assert alone.source not in place
    middle = place[second_a.source]
    assert (middle.number, middle.count) == (2, 4)
    assert middle.previous == first and middle.next == second_b
    assert place[first.source].previous is None and place[third.source].next is None
    assert (place[other.source].number, place[other.source].count) == (1, 1)


def test_draft_scheduled_and_unlisted_posts_are_never_related_nor_parts_of_a_series():
    posts = [
        post(1, title="One", personas=("buyer",), series="Guide"),
        post(2, title="Draft", personas=("buyer",), series="Guide", draft=True),
        post(3, title="Two", personas=("buyer",), series="Guide"),
        post(
            4,
            title="Future",
            personas=("buyer",),
            series="Guide",
            date=datetime(2027, 1, 1, tzinfo=UTC),
        ),
        post(5, title="Unlisted", personas=("buyer",), series="Guide", unlisted=True),
        post(6, title="Three", personas=("buyer",), series="Guide"),
    ]
    network = Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, preview=True))
    hidden = {"Draft", "Future", "Unlisted"}
    for one in network.built:  # a preview builds drafts and scheduled posts too
        assert not hidden & set(titles(network.related(one))), one.title
        assert one not in network.related(one)
    assert titles(network.series["guide"].posts) == ["One", "Two", "Three"]
    draft = next(p for p in posts if p.title == "Draft")
    assert network.place_in_series(draft) is None
    assert titles(network.related(draft)) == ["Three", "Two", "One"]  # a draft sees the rest
    two = network.place_in_series(posts[2])
    assert two is not None and (two.number, two.count) == (2, 3)
    assert two.previous == posts[0] and two.next == posts[5]


def test_each_series_gets_one_compact_page_of_its_parts_in_reading_order():
    posts = [post(3, title="Last", series="Guide"), post(1, title="First", series="Guide")]
    posts.append(post(2, title="Plain"))
    network = Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK))
    pages = [p for p in network.index_pages() if p.kind == "series"]
    assert [(p.key, p.path, p.title, p.compact) for p in pages] == [
        ("guide", "blog/series/guide", "Series “Guide”", True)
    ]
    assert titles(pages[0].posts) == ["First", "Last"]
    moved = Settings(clock=CLOCK, paths={**network.settings.paths, "series": "reading/{key}"})
    assert [p.path for p in Network(AUTHORS, PERSONAS, posts, moved).series_pages()] == [
        "reading/guide"
    ]
    assert Network(AUTHORS, PERSONAS, posts[2:], Settings(clock=CLOCK)).series_pages() == []


def test_related_posts_follow_the_settings_count():
    posts = [post(n, personas=("buyer",)) for n in range(1, 8)]
    assert len(Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK)).related(posts[0])) == 3
    five = Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, related=5))
    assert len(five.related(posts[0])) == 5
    assert (
        Network(AUTHORS, PERSONAS, posts, Settings(clock=CLOCK, related=0)).related(posts[0]) == ()
    )


@pytest.mark.parametrize(("first", "second"), [("Flow meters", "Flow & meters")])
def test_two_spellings_of_one_series_are_an_error_naming_both_files(first, second):
    posts = [
        post(1, series=first, lines={"series": 6}),
        post(2, series=second, lines={"series": 7}),
    ]
    shown = {p.source: f"content/{p.source}" for p in posts}
    found = [str(p) for p in check_references(posts, AUTHORS, PERSONAS, shown=shown)]
    assert len(found) == 1, found
    assert found[0].startswith("content/blog/p2.md:7: field 'series'")
    assert "'Flow & meters' and 'Flow meters' (in content/blog/p1.md)" in found[0]


# -- the series field ---------------------------------------------------------------


def read(front: str):
    text = f"---\ntitle: T\ndate: 2025-01-01\nauthors: [ada]\n{front}\n---\nBody\n"
    return loaders.read_post(
        "blog/p.md", "content/blog/p.md", text.encode(), timezone=UTC, url_format="blog/{slug}"
    )


def test_the_series_is_read_as_written_without_surrounding_spaces():
    assert read("series: '  Flow meters '").series == "Flow meters"
    assert read("tags: [x]").series is None


@pytest.mark.parametrize(
    ("front", "words"),
    [
        ("series: [Flow, Pressure]", "must be text, not a list"),
        ("series: 3", "must be text, not 3"),
        ("series:", "must be text, not empty"),
        ("series: ''", "must not be empty"),
        ("series: '   '", "has the wrong form"),
        ("series: '!!!'", "series '!!!' has no letters or digits"),
    ],
)
def test_a_bad_series_names_the_file_line_and_problem(front, words):
    with pytest.raises(ContentError) as caught:
        read(front)
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 1, found
    assert found[0].startswith("content/blog/p.md:5: field 'series'"), found
    assert words in found[0], found
