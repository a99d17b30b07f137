"""Which local files a page's HTML names: a real parser over every URL attribute."""

import pytest

from hubspoke.core.content.references import local_target, targets, urls_in


def test_every_url_attribute_is_read_with_entities_decoded():
    html = (
        '<img src="a b.png" srcset="s-1.png 1x, s-2.png 2x"><a href="doc&#46;pdf">d</a>'
        '<video poster="p.jpg"><track src="t.vtt"></video><object data="o.pdf"></object>'
        '<form action="f.txt"><button formaction="g.txt"></button></form>'
        '<div style="background: url(\'bg.png\')"></div><svg><use xlink:href="i.svg#x"/></svg>'
    )
    assert urls_in(html) == [
        "a b.png", "s-1.png", "s-2.png", "doc.pdf", "p.jpg", "t.vtt", "o.pdf", "f.txt",
        "g.txt", "bg.png", "i.svg#x",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("url", "base", "site_path", "expected"),
    [
        ("x(1).png", "blog/posts/", "/", "blog/posts/x(1).png"),
        ("x.png?v=1#top", "blog/posts/", "/", "blog/posts/x.png"),
        ("a%20b.png", "blog/", "/", "blog/a b.png"),
        ("../img/c.png", "blog/posts/", "/", "blog/img/c.png"),
        ("/blog/d.png", "blog/posts/", "/", "blog/d.png"),
        ("/hub/blog/d.png", "", "/hub/", "blog/d.png"),
        ("https://example.com/e.png", "", "/", None),
        ("//cdn.example.com/e.png", "", "/", None),
        ("data:image/png;base64,AAAA", "", "/", None),
        ("#section", "blog/", "/", None),
        ("../../../../etc/passwd", "blog/", "/", None),
    ],
)
def test_local_targets_resolve_as_a_browser_would(url, base, site_path, expected):
    assert local_target(url, base, site_path=site_path) == expected


def test_targets_of_a_page_are_site_relative_paths():
    html = '<p><img src="../shared.png"><a href="https://x.example/">x</a></p>'
    assert targets(html, "blog/2025/post/") == {"blog/2025/shared.png"}
