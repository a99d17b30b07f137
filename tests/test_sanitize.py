"""The two sanitiser profiles (unit) and real builds: no contributor content runs
script or steers the theme, whoever wrote it and whatever page it is on."""

from __future__ import annotations

import base64
import hashlib

import pytest

from hubspoke.core.content.sanitize import expert_policy, guest_policy, reserved_id, sanitize
from hubspoke.core.html import add_link_rel

from .conftest import build_in_process

PROFILES = {"guest": guest_policy(), "expert": expert_policy()}

# (payload, text that must not survive)
PAYLOADS = [
    ("<script>alert(1)</script>", "alert(1)"),
    ('<img src="x.png" onerror="alert(1)">', "onerror"),
    ('<svg onload="alert(1)"></svg>', "onload"),
    ('<a href="javascript:alert(1)">j</a>', "javascript:"),
    ('<a href=" java\tscript:alert(1)">j</a>', "script:"),
    ('<a href="vbscript:msgbox(1)">v</a>', "vbscript:"),
    ('<a href="data:text/html,<script>x</script>">d</a>', "data:"),
    ('<img srcset="a.png 1x, data:image/svg+xml,x 2x">', "data:"),
    ('<form action="javascript:alert(1)"><button formaction="javascript:x">b</button></form>', "javascript:"),
    ('<svg><use xlink:href="data:image/svg+xml,x" href="https://evil.example/s.svg#a"></use></svg>', "evil.example"),
    ('<p style="background-image:url(https://evil.example/t)">s</p>', "evil.example"),
    ('<p style="position:fixed;top:0;left:0">s</p>', "fixed"),
    ("<style>body{display:none}</style>", "display:none"),
    ('<base href="https://evil.example/">', "evil.example"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "evil.example"),
    ('<link rel="stylesheet" href="https://evil.example/s.css">', "evil.example"),
    ('<object data="https://evil.example/x.swf"></object>', "evil.example"),
    ('<embed src="https://evil.example/x.swf">', "evil.example"),
    ('<iframe src="https://evil.example/frame"></iframe>', "evil.example"),
    ('<p id="__config">{"base": "https://evil.example"}</p>', 'id="__config"'),
    ('<input id="__search" name="__search">', '"__search"'),
    ('<div data-md-component="search">x</div>', "data-md-component"),
    ('<div data-md-color-scheme="slate">x</div>', "data-md-color"),
]  # fmt: skip


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("payload", "bad"), PAYLOADS)
def test_no_profile_keeps_script_or_theme_hooks(profile, payload, bad):
    assert bad not in sanitize(payload, PROFILES[profile])


@pytest.mark.parametrize("profile", PROFILES)
def test_reserved_ids_are_renamed_with_the_links_to_them(profile):
    clean = sanitize(
        '<h2 id="__config">T</h2><a href="#__config">to</a><label for="__toc">l</label>'
        '<table><tr><td headers="__a ok">c</td></tr></table>',
        PROFILES[profile],
    )
    assert 'id="content-__config"' in clean and 'href="#content-__config"' in clean
    assert 'for="content-__toc"' in clean and 'headers="content-__a ok"' in clean


def test_extension_ids_that_material_reads_in_content_are_kept():
    for value in ("__codelineno-0-3", "__span-1-2", "__tabbed_1_2", "__tabbed_1"):
        assert not reserved_id(value)
    for value in ("__config", "__search", "__palette_0", "__nav_1_2", "__codelineno"):
        assert reserved_id(value)


def test_experts_keep_more_than_guests():
    html = (
        '<form action="/subscribe" method="post"><input name="email" placeholder="you">'
        '<button type="submit">Go</button></form>'
        '<p style="color:red;text-align:center">s</p><div data-tabs="1:2">t</div>'
        '<iframe src="https://player.vimeo.com/video/1"></iframe>'
        "<details><summary>More</summary>x</details>"
    )
    expert, guest = sanitize(html, PROFILES["expert"]), sanitize(html, PROFILES["guest"])
    for kept in ('action="/subscribe"', 'style="color:red;text-align:center"', "data-tabs",
                 "player.vimeo.com", "<details>", "<button"):  # fmt: skip
        assert kept in expert
    for dropped in ("<form", "style=", "data-tabs", "<button"):
        assert dropped not in guest
    assert "player.vimeo.com" in guest and "<details>" in guest


# -- real builds --------------------------------------------------------------

EXPERT_PAYLOAD = """
Expert text.

<script>alert("expert-script")</script>
<img src="x.png" alt="x" onerror="alert('expert-img')">
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<input id="__search" type="checkbox">
<div data-md-component="search">widget</div>
"""


def _post(source, name, authors, body, date="2025-04-02"):
    (source / "content/blog/posts" / name).write_text(
        f"---\ntitle: {name[:-3]}\ndate: {date}\nauthors: [{authors}]\n---\n{body}\n"
    )


def _article(built, url):
    return built.html(url).select_one("article.md-content__inner")


def _theme_config_is_the_themes(soup):
    configs = soup.select("#__config")
    assert len(configs) == 1 and configs[0].name == "script"


@pytest.fixture
def hostile(site_copy, tmp_path):
    source = site_copy("basic")
    _post(source, "guest-config.md", "gus", "Guest text.\n{: #__config }\n\n## __config\n")
    _post(source, "expert-raw.md", "ada", EXPERT_PAYLOAD, date="2025-04-03")
    _post(
        source,
        "posing.md",
        "ada",
        '<script>alert("posing")</script>\n\nText.\n{: #__config }',
        date="2025-04-04",
    )
    (source / "content/about.md").write_text(
        '# About\n\n<script>alert("about")</script>\n\nText {: #__drawer }\n'
    )
    (source / "content/landing").mkdir()
    (source / "content/landing/index.md").write_text(
        '# Landing\n\n<script src="https://cdn.example/widget.js"></script>\n'
    )
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      blog_per_page: 2\n",
            '      blog_per_page: 2\n      trusted_html: ["landing/*"]\n',
        )
    )
    return build_in_process(source, tmp_path / "site")


def test_guest_attr_list_cannot_become_the_theme_config(hostile):
    page = hostile.html("blog/2025/04/02/guest-config/")
    _theme_config_is_the_themes(page)
    article = page.select_one("article.md-content__inner")
    assert article.select_one('[id="content-__config"]') is not None
    heading = article.find("h2")
    assert heading["id"] == "content-__config_1"  # the toc numbers the second __config
    assert heading.select_one("a.headerlink")["href"] == "#content-__config_1"
    toc = page.select('nav.md-nav--secondary a[href*="__config"]')
    assert [a["href"] for a in toc] == ["#content-__config_1"]


def test_expert_post_runs_no_script_and_steers_nothing(hostile):
    page = hostile.html("blog/2025/04/03/expert-raw/")
    article = page.select_one("article.md-content__inner")
    text = str(article)
    for bad in ("expert-script", "onerror", "<base", "<meta", "evil.example", "data-md-component"):
        assert bad not in text, bad
    assert article.select_one('[id="__search"]') is None
    assert article.select_one('[id="content-__search"]') is not None
    assert "widget" in article.get_text()
    assert len(page.select('[id="__search"]')) == 1  # the theme's own toggle


def test_a_guest_listing_only_an_expert_is_still_sanitised(hostile):
    page = hostile.html("blog/2025/04/04/posing/")
    assert 'alert("posing")' not in str(page.select_one("article.md-content__inner"))
    _theme_config_is_the_themes(page)


def test_an_ordinary_page_is_sanitised(hostile):
    page = hostile.html("about/")
    assert 'alert("about")' not in str(page)
    assert len(page.select('[id="__drawer"]')) == 1


def test_a_trusted_page_keeps_its_script(hostile):
    article = _article(hostile, "landing/")
    assert article.select_one('script[src="https://cdn.example/widget.js"]') is not None


def test_guest_sanitize_false_no_longer_loosens(site_copy, tmp_path):
    source = site_copy("basic")
    _post(source, "guest-raw.md", "gus", '<script>alert("guest")</script>')
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      blog_per_page: 2\n", "      blog_per_page: 2\n      guest_sanitize: false\n"
        )
    )
    with pytest.raises(Exception):  # noqa: B017 - strict mode aborts on the warning
        build_in_process(source, tmp_path / "site")


def test_a_trusted_pages_inline_script_is_allowed_by_the_csp_others_are_not(site_copy, tmp_path):
    """With csp: true, a page mkdocs.yml trusts keeps a working inline script (its hash is
    in that page's policy); the same script in an ordinary page is neither kept nor allowed."""
    source = site_copy("basic")
    script = 'document.title = "trusted";'
    (source / "content/landing").mkdir()
    (source / "content/landing/index.md").write_text(
        f"# Landing\n\n<script>{script}</script>\n", encoding="utf-8"
    )
    (source / "content/about.md").write_text(
        f"# About\n\n<script>{script}</script>\n", encoding="utf-8"
    )
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      blog_per_page: 2\n",
            '      blog_per_page: 2\n      csp: true\n      trusted_html: ["landing/*"]\n',
        )
    )
    built = build_in_process(source, tmp_path / "site")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()

    def policy(url):
        page = built.html(url)
        return page, page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]

    landing, allowed = policy("landing/")
    assert script in str(landing.select_one("article.md-content__inner"))
    assert f"'sha256-{digest}'" in allowed
    about, other = policy("about/")
    assert script not in str(about)
    assert f"'sha256-{digest}'" not in other


def test_links_into_the_site_follow_renamed_ids_links_elsewhere_do_not():
    html = sanitize(
        '<p><a href="../first/#__x">a</a> <a href="#__y">b</a> '
        '<a href="https://elsewhere.example/#__z">c</a> <a href="x/#plain">d</a></p>',
        expert_policy(()),
    )
    assert 'href="../first/#content-__x"' in html
    assert 'href="#content-__y"' in html
    assert 'href="https://elsewhere.example/#__z"' in html
    assert 'href="x/#plain"' in html


@pytest.mark.parametrize("profile", [guest_policy(), expert_policy()])
def test_a_kept_frame_keeps_nothing_written_inside_it(profile):
    """Browsers show nothing of a frame's content, and nh3 keeps it as written: a comment
    opened there would hide the links after it from the tokenizer (no rel=ugc on them)."""
    vimeo = "https://player.vimeo.com/video/1"
    written = (
        f'<iframe src="{vimeo}"><!--</iframe><p><a href="https://spam.example/">x</a></p>'
        f'<iframe src="{vimeo}">--></iframe>'
    )
    cleaned = sanitize(written, profile)
    assert cleaned.count("<iframe") == 2
    assert "<!--" not in cleaned and "-->" not in cleaned
    assert f'<iframe src="{vimeo}"></iframe>' in cleaned
    assert 'rel="ugc"' in add_link_rel(cleaned, ("ugc",))
