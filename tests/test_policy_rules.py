"""The policy's building blocks without a site: the Markdown scanner, phrases, link
schemes, option checks, and the scaffold's YAML round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import yaml

from hubspoke.core.content.mdscan import Scanner, blank_code, heading_line, phrase_pattern
from hubspoke.core.editorial import scaffold
from hubspoke.core.editorial.policy import Policy, link_scheme_problems

BODY = """Intro [a link](https://x.org "title") and [other](../2025/x.md#part).

![alt text](img.png) ![](empty.png)
[![badge](badge.svg)](http://insecure.example)

```python
[not a link](http://code.example) ![](code.png)
```

`[span](http://span.example)` <http://auto.example> <!-- [c](http://comment.example) -->

[ref]: http://ref.example "Title"
[^1]: A footnote.

<img src="a.png"> <img src="b.png" alt=""> <a href='http://html.example'>x</a>
A link [over two
lines](http://multi.example) ends here.
"""


def refs():
    return [(r.kind, r.url, r.line, r.text) for r in Scanner(BODY, 10).references()]


def test_scanner_finds_links_and_images_with_their_file_lines():
    assert refs() == [
        ("link", "../2025/x.md#part", 10, "other"),
        ("link", "https://x.org", 10, "a link"),
        ("image", "empty.png", 12, ""),
        ("image", "img.png", 12, "alt text"),
        ("image", "badge.svg", 13, "badge"),
        ("link", "http://insecure.example", 13, "![badge](badge.svg)"),
        ("link", "http://auto.example", 19, None),
        ("link", "http://ref.example", 21, None),
        ("image", "a.png", 24, None),
        ("image", "b.png", 24, ""),
        ("link", "http://html.example", 24, None),
        ("link", "http://multi.example", 26, "over two lines"),
    ]


def test_code_and_comments_are_blanked_but_lines_kept():
    blanked = blank_code(BODY)
    assert blanked.count("\n") == BODY.count("\n")
    for hidden in ("code.example", "span.example", "comment.example"):
        assert hidden not in blanked


def test_heading_line_skips_code():
    assert heading_line("```\n# not a title\n```\n\n# The title\n", 7) == 11


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("world-class", "A World Class team", True),
        ("world class", "a world-\nclass team", True),
        ("synergy", "synergy.", True),
        ("synergy", "synergyst", False),
        ("best in class", "the best-in-class meter", True),
    ],
)
def test_banned_phrases_are_whole_words_any_case_any_spacing(phrase, text, found):
    assert bool(phrase_pattern(phrase).search(text)) is found


def test_link_schemes_suggest_the_https_address():
    references = Scanner(
        "[a](http://x.org/p) [b](HTTPS://y.org) [c](javascript:alert(1))"
    ).references()
    problems = link_scheme_problems(references, ("https", "mailto"))
    assert problems == [
        (1, "link 'http://x.org/p' uses http: use https://x.org/p"),
        (1, "link 'javascript:alert(1)' uses javascript: only https, mailto links are allowed"),
    ]


def test_policy_options_are_checked_against_the_post_schema():
    problems = Policy(
        required_fields=("descripton", "personas"), title_max_length=-1, link_schemes=("h t",)
    ).option_problems()
    assert problems[0] == (
        "policy_required_fields: 'descripton' is not a post field; did you mean 'description'?"
    )
    assert len(problems) == 3
    assert Policy().option_problems() == []


@pytest.mark.parametrize(
    "value",
    ["Plain title", "Meters: a fresh look", "2026", "yes", "# hash", "'quoted'", "- dash", "Tomás"],
)
def test_scaffold_scalars_read_back_unchanged(value):
    assert yaml.safe_load(f"key: {scaffold.scalar(value)}  # note") == {"key": value}


def test_scaffold_post_reads_back_with_every_value():
    new = scaffold.NewPost(
        title='Choosing "the" meter: #1 guide',
        date=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        authors=("ada", "2024"),
        personas=("buyer",),
        categories=("How-to, advanced",),
        description="It: works",
    )
    text = scaffold.post_text(new)
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    assert meta["title"] == 'Choosing "the" meter: #1 guide'
    assert meta["date"] == "2026-12-01 09:30"
    assert meta["authors"] == ["ada", "2024"]
    assert meta["categories"] == ["How-to, advanced"]
    assert meta["description"] == "It: works"
    assert meta["slug"] == "choosing-the-meter-1-guide" and meta["draft"] is True
    assert scaffold.post_path(new) == "posts/2026/choosing-the-meter-1-guide.md"
    assert scaffold.relative_images("blog", "posts/2026/x.md") == "../../images"


def test_a_stray_backtick_hides_nothing_beyond_its_paragraph():
    text = "It`s a stray tick.\n\n[a](http://x.org) and `[b](http://code.example)`\n"
    assert [r.url for r in Scanner(text).references()] == ["http://x.org"]
