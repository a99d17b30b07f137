"""Details of the example hub a reader notices on guest posts: one term for a guest, the
disclosure's sentence said once."""

import re

from hubspoke.core.labels import ENGLISH

# The sentence of the guest disclosure, in any of the ways a post could also write it.
OWN_VIEWS = re.compile(r"views(?: expressed here)? are the author[’']s own", re.IGNORECASE)


def _pages(example):
    """The URL of every page of the built site."""
    for path in sorted(example.site.rglob("index.html")):
        yield path.relative_to(example.site).parent.as_posix()


def _guest_posts(example):
    found = []
    for url in _pages(example):
        soup = example.html(url + "/")
        if soup.select_one(".hs-disclosure"):
            found.append((url, soup))
    return found


def test_every_guest_post_says_the_views_are_the_authors_own_exactly_once(example):
    posts = _guest_posts(example)
    assert len(posts) >= 2  # the example has guest posts by two guests
    for url, soup in posts:
        text = soup.select_one("article, .md-content").get_text(" ")
        assert len(OWN_VIEWS.findall(text)) == 1, url


def test_guests_are_called_by_one_term_on_every_page(example):
    """Byline, author card, author page: one label, `author.guest`."""
    term = ENGLISH.text("author.guest")
    seen: dict[str, set[str]] = {}
    places = {"byline": ".hs-meta", "card": ".hs-author", "profile": ".hs-profile"}
    for url in _pages(example):
        soup = example.html(url + "/")
        for place, scope in places.items():
            for badge in soup.select(f"{scope} .hs-badge--guest"):
                seen.setdefault(badge.get_text(strip=True), set()).add(place)
    assert set(seen) == {term}, seen
    assert seen[term] == set(places)
    overview = example.html("authors/")
    headings = [h.get_text(strip=True) for h in overview.select("h2")]
    assert ENGLISH.text("authors.guests") in headings
    assert ENGLISH.text("authors.guests").lower().startswith(term.lower())
