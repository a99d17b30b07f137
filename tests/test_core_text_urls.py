"""Slugs, titles, reading time, URL formats and HTML rewriting."""

import pytest

from hubspoke.core import html, text, urls


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("How we calibrate 10,000 flow meters", "how-we-calibrate-10-000-flow-meters"),
        ("Über Sensoren & Co.", "uber-sensoren-co"),
        ("  --Edge--  ", "edge"),
        ("日本語のタイトル", "日本語のタイトル"),
    ],
)
def test_slugify(title, slug):
    assert text.slugify(title) == slug


def test_title_from_first_h1_outside_code():
    body = "```\n# not a title\n```\n\n# The *real* title { #anchor }\n\n# Second"
    assert text.extract_title(body) == "The real title"
    assert text.extract_title("## only h2\n") is None


def test_reading_time_counts_words_not_markup_or_code():
    words = " ".join(["word"] * 460)
    assert text.reading_time(f"<p>{words}</p>", 230) == 2
    assert text.reading_time(f"<p>{words}</p><pre>{words * 10}</pre>", 230) == 2
    assert text.reading_time("<p></p>", 230) == 1


def test_post_url_format():
    from datetime import datetime

    path = urls.format_path("blog/{date:%Y/%m}/{slug}/", date=datetime(2025, 4, 2), slug="x")
    assert path == "blog/2025/04/x"


@pytest.mark.parametrize("bad", ["../etc", "blog/../../x", "blog/.hidden", "a//b", "a/b c"])
def test_unsafe_paths_are_refused(bad):
    with pytest.raises(urls.PathFormatError):
        urls.clean_path(bad)


def test_unknown_placeholder_is_refused():
    with pytest.raises(urls.PathFormatError, match="unknown placeholder"):
        urls.format_path("blog/{title}", slug="x")


def test_page_url_and_dest_follow_use_directory_urls():
    assert urls.page_url("authors/ada", True) == "authors/ada/"
    assert urls.page_url("authors/ada", False) == "authors/ada.html"
    assert urls.page_dest("authors/ada", True) == "authors/ada/index.html"
    assert urls.page_dest("authors/ada", False) == "authors/ada.html"
    assert urls.generated_source("blog", section_index=True) == "blog/index.md"
    assert urls.generated_source("blog/page/2") == "blog/page/2.md"


@pytest.mark.parametrize(
    ("target", "base", "expected"),
    [
        ("blog/2025/x/", "blog/page/2/", "../../2025/x/"),
        ("blog/2025/x/#fn:1", "blog/", "2025/x/#fn:1"),
        ("authors/ada/", "", "authors/ada/"),
        ("", "blog/", "../"),
        ("img/a.png", "blog/x.html", "../img/a.png"),
    ],
)
def test_relative_url(target, base, expected):
    assert urls.relative_url(target, base) == expected


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("../second/", "blog/2025/first/", "blog/2025/second/"),
        ("#fn:1", "blog/first/", "blog/first/#fn:1"),
        ("img.png", "", "img.png"),
        ("https://x.example/", "blog/", "https://x.example/"),
    ],
)
def test_resolve(url, base, expected):
    assert urls.resolve(url, base) == expected


def test_rewrite_urls_touches_attributes_not_text():
    fragment = (
        '<p>Use <code>href="x"</code> &lt;a href="y"&gt; '
        '<a href=\'a.html\' title="t>x">a</a> <img src="i.png" srcset="i.png 1x, j.png 2x"></p>'
    )
    out = html.rewrite_urls(fragment, lambda u: "../" + u)
    assert '<code>href="x"</code>' in out
    assert '&lt;a href="y"&gt;' in out
    assert 'href="../a.html"' in out and 'title="t&gt;x"' in out
    assert 'srcset="../i.png 1x, ../j.png 2x"' in out


def test_add_link_rel_only_to_links_leaving_the_site():
    fragment = (
        '<a href="https://x.example">x</a> <a href="../local/">l</a> '
        '<a href="https://y.example" rel="nofollow">y</a>'
    )
    out = html.add_link_rel(fragment, ("ugc",))
    assert '<a href="https://x.example" rel="ugc">' in out
    assert '<a href="../local/">' in out
    assert 'rel="nofollow ugc"' in out


def test_excerpt_stops_at_more_marker_and_drops_title_ids_and_permalinks():
    content = (
        '<h1 id="t">Title</h1><p id="intro">Intro<sup id="fnref:1">1</sup></p>'
        '<h2 id="h">Head<a class="headerlink" href="#h">¶</a></h2>'
        "<!-- more --><p>Rest</p>"
    )
    part, more = html.excerpt(content)
    assert more
    assert "Title" not in part and "Rest" not in part
    assert 'id="' not in part and "headerlink" not in part
    assert "Intro" in part and "Head" in part


def test_excerpt_without_marker_is_the_first_paragraph():
    part, more = html.excerpt("<p>One</p><p>Two</p>")
    assert part == "<p>One</p>" and more
    part, more = html.excerpt("<p>Only</p>")
    assert part == "<p>Only</p>" and not more
