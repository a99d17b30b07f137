"""Property-based tests (Hypothesis): arbitrary text never breaks a parser and
never leaves a page, a JSON-LD block or an SVG unescaped."""

import json
import xml.etree.ElementTree as ET
from datetime import UTC

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubspoke.core.content import loaders
from hubspoke.core.content.sanitize import sanitize
from hubspoke.core.content.yamlfile import TextFileError
from hubspoke.core.errors import ContentError
from hubspoke.core.html import add_link_rel, excerpt, link_values, rewrite_urls
from hubspoke.core.network import spokes
from hubspoke.core.network.hubsvg import SpokeCount
from hubspoke.head import script_json

from .templates import hub_picture_html

FORMAT = "blog/{date:%Y/%m/%d}/{slug}"
SETTINGS = settings(max_examples=300, deadline=None)

# Text as editors and attackers write it: any character, plus markup-looking pieces.
nasty = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "&",
                '"',
                "'",
                "</script>",
                "<!--",
                "]]>",
                "\x00",
                "\u202e",
                "\ufeff",
                "{",
                ":",
                "#",
                "\t",
                "\n",
                "é",
                "😀",
            ]
        )
        | st.text(max_size=5)
    ).map("".join),
)
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | nasty,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(nasty, inner, max_size=3),
    max_leaves=8,
)
FIELDS = [
    "title",
    "date",
    "authors",
    "categories",
    "tags",
    "personas",
    "slug",
    "draft",
    "readtime",
    "image",
    "updated",
    "canonical_url",
]


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_a_post_give_a_post_or_a_clear_problem(data):
    try:
        loaders.read_post("blog/p.md", "content/blog/p.md", data, timezone=UTC, url_format=FORMAT)
    except (ContentError, TextFileError) as error:
        assert "content/blog/p.md" in str(error)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS) | nasty, yaml_values, max_size=8), nasty)
def test_any_front_matter_gives_a_post_or_a_clear_problem(front, body):
    try:
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    except yaml.YAMLError:
        return
    try:
        post = loaders.read_post(
            "blog/p.md",
            "content/blog/p.md",
            text.encode("utf-8", "surrogatepass"),
            timezone=UTC,
            url_format=FORMAT,
        )
    except (ContentError, TextFileError) as error:
        assert all(
            p.path == "content/blog/p.md"
            for p in (error.problems if isinstance(error, ContentError) else [error.problem])
        )
        return
    assert post.path.startswith("blog/") and ".." not in post.path.split("/")
    assert post.date.tzinfo is not None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(
            ["name", "role", "title", "bio", "organization", "avatar", "topics", "spokes", "active"]
        )
        | nasty,
        yaml_values,
        max_size=8,
    )
)
def test_any_author_file_gives_an_author_or_a_clear_problem(tmp_path, data):
    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    try:
        author = loaders.read_author(
            "x", "authors/x.yml", text.encode("utf-8", "surrogatepass"), tmp_path
        )
    except (ContentError, TextFileError) as error:
        assert "authors/x.yml" in str(error)
        return
    for spoke in author.spokes:
        assert spoke.url.startswith(("https://", "mailto:"))


@SETTINGS
@given(st.sampled_from([*spokes.NETWORKS, "other"]), nasty)
def test_spokes_only_ever_accept_safe_urls(network, url):
    try:
        spoke = spokes.check(network, url)
    except spokes.SpokeError:
        return
    assert spoke.url.startswith(("https://", "mailto:"))
    assert not any(c in spoke.url for c in '"<> \t\n')


@SETTINGS
@given(yaml_values)
def test_jsonld_text_round_trips_and_cannot_close_its_script(data):
    text = script_json(data)
    assert json.loads(text) == data
    assert "<" not in text and ">" not in text and "&" not in text


xml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@SETTINGS
@given(xml_text, st.lists(st.tuples(xml_text, st.integers(0, 9), st.integers(0, 9)), max_size=6))
def test_hub_picture_is_always_valid_svg_with_its_text(company, rows):
    counts = [SpokeCount(f"n{i}", name, a, b) for i, (name, a, b) in enumerate(rows)]
    root = ET.fromstring(hub_picture_html(company, counts))
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert titles[0].startswith(company)
    labels = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text}
    assert {c.name for c in counts if c.name} <= labels


fragments = st.lists(
    st.sampled_from(
        ['<a href="x">', "</a>", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<p>", "</p>",
         '<a href="javascript:alert(1)">j</a>', "<!-- more -->", "<svg onload=alert(1)>", "<iframe src=//evil.example>",
         '<div onclick="alert(1)">', "&", "<", "text"]
    )
    | nasty
).map("".join)  # fmt: skip


@SETTINGS
@given(fragments)
def test_sanitised_html_runs_no_script(fragment):
    clean = sanitize(fragment)
    lowered = clean.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert " onerror=" not in lowered and " onclick=" not in lowered and " onload=" not in lowered
    assert "evil.example" not in lowered


@SETTINGS
@given(fragments)
def test_rewriting_html_never_raises_and_keeps_text(fragment):
    rewritten = rewrite_urls(fragment, lambda u: "../" + u)
    assert rewritten.count("text") == fragment.count("text")
    add_link_rel(fragment, ("ugc",))
    excerpt(fragment)


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            ['<a href="a.png">', "<A HREF='B.png'>", "<img src=c.png srcset=\"d.png 1x, e.png 2x\">",
             '<video poster="f&amp;g.png">', "<script>x='<img src=\"h.png\">'</script>", "İ", "</a>",
             "<p>", "text", '<a title="x" href = "i.png">', "=", '"']
        )
        | nasty
    ).map("".join)
)  # fmt: skip
def test_the_fast_url_scan_finds_every_url_the_tag_rewriter_sees(fragment):
    """link_values (read-only, used on every page) sees exactly the URLs rewrite_urls sees."""
    seen = []
    rewrite_urls(fragment, lambda u: seen.append(u) or u)
    assert set(seen) == set(link_values(fragment))


def test_the_url_scan_ignores_urls_written_as_text():
    """A published page that shows `<img src="...">` as code must not keep a draft's file."""
    fragment = '<p>Write <code>&lt;img src="../media/teaser.png"&gt;</code> or href=x</p>'
    assert list(link_values(fragment)) == []
    assert list(link_values('<IMG SRC="a.png" srcset="b.png 1x, c.png 2x">')) == [
        "a.png",
        "b.png",
        "c.png",
    ]
