"""The audio player and the video figure come from theme templates: a site's `overrides/`
replace them, and what content gives them is escaped, never evaluated (the `media` fixture)."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import SITES, Built, build_in_process, copy_site

PARTIALS = Path("overrides/hubspoke/partials")
HOSTILE = "\"><script>alert('x')</script> {{ 7*7 }}"
AUDIO_POST = "blog/posts/episode-one.md"
VIDEO_POST = "blog/posts/youtube-talk.md"
OVERRIDES = {
    # No `{% autoescape true %}` and a link from the site's root: escaping is Hubspoke's
    # (every hubspoke/ template escapes), and the root is the page's, in the page and feeds.
    "audio-player.html": (
        '<p class="site-audio"><a href="{{ base_url }}/about/">{{ player.title }}</a>, '
        "{{ player.duration }}</p>"
    ),
    # A figure of the site's own that keeps Hubspoke's click-to-load frame.
    "video-figure.html": (
        '{% autoescape true %}<div class="site-video">{{ figure.title }}'
        '{% include "hubspoke/partials/video-frame.html" %}</div>{% endautoescape %}'
    ),
}


def build(tmp_path: Path, change) -> Built:
    source = copy_site(SITES / "media", tmp_path / "src")
    change(source)
    return build_in_process(source, tmp_path / "site")


@pytest.fixture(scope="module")
def overridden(tmp_path_factory) -> Built:
    def change(source: Path) -> None:
        config = source / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
        config.write_text(
            text.replace("markdown_extensions:", "  - hubspoke/feeds\nmarkdown_extensions:")
        )
        (source / PARTIALS).mkdir(parents=True)
        for name, text in OVERRIDES.items():
            (source / PARTIALS / name).write_text(text, encoding="utf-8")

    return build(tmp_path_factory.mktemp("media-overrides"), change)


def test_a_sites_audio_player_template_replaces_hubspokes(overridden):
    soup = overridden.html("blog/2026/10/10/episode-one-engines-more/")
    mine = soup.select_one(".hs-post__body p.site-audio")
    assert mine is not None and mine.get_text() == "Episode one: <engines> & more, 0:02"
    assert mine.a["href"] == "../../../../../about/"
    assert soup.select("figure.hs-audio, .hs-audio__player, audio") == []


def test_an_override_that_links_from_the_root_leaves_no_placeholder_in_feeds(overridden):
    feed = json.loads(overridden.path("feeds/feed.json").read_text(encoding="utf-8"))
    (item,) = [i for i in feed["items"] if "episode-one" in i["url"]]
    assert 'class="site-audio"' in item["content_html"]
    assert "\ue001" not in item["content_html"] and "hubspoke-root" not in item["content_html"]
    for page in overridden.site.rglob("*.html"):
        assert "hubspoke-root" not in page.read_text(encoding="utf-8"), page


def test_a_sites_video_figure_template_replaces_hubspokes_and_keeps_its_frame(overridden):
    html = overridden.path("blog/2026/10/05/a-talk-on-video/").read_text(encoding="utf-8")
    soup = overridden.html("blog/2026/10/05/a-talk-on-video/")
    mine = soup.select_one(".hs-post__body div.site-video")
    assert mine is not None and mine.get_text(strip=True).startswith("Ada's talk <live>")
    assert soup.select("figure.hs-video, .hs-video__caption") == []
    frame = mine.select_one(".hs-video__frame")
    assert frame["data-hs-video-src"].startswith("https://www.youtube-nocookie.com/embed/")
    assert frame.select_one("button.hs-video__play")["aria-label"] == (
        "Play video (loads from youtube-nocookie.com): Ada's talk <live>"
    )
    assert "assets/hubspoke/video.js" in html  # the page still gets the player script


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Built:
    """The audio post's title and the video's (its post's, the link has none) are hostile."""

    def change(source: Path) -> None:
        posts = source / "content"
        for post, old in (
            (AUDIO_POST, '"Episode one: <engines> & more"'),
            (VIDEO_POST, '"A talk <on> video"'),
        ):
            path = posts / post
            text = path.read_text(encoding="utf-8")
            title = "'" + HOSTILE.replace("'", "''") + "'"
            text = text.replace(f"title: {old}", f"title: {title}")
            path.write_text(text.replace(' "Ada\'s talk <live>")', ")"), encoding="utf-8")

    return build(tmp_path_factory.mktemp("media-hostile"), change)


def hostile_pages(built: Built) -> dict[str, str]:
    found = {}
    for page in built.site.glob("blog/2026/10/*/*/index.html"):
        html = page.read_text(encoding="utf-8")
        title = html.split("<title>", 1)[-1].split("</title>", 1)[0]
        for kind in ("hs-audio", "hs-video"):
            # The hostile post's own page (its title is also on others: related posts).
            if f'<figure class="{kind}' in html and "7*7" in title:
                found[kind] = html
    return found


@pytest.mark.parametrize(
    ("kind", "labelled"),
    [("hs-audio", "figure.hs-audio audio"), ("hs-video", "figure.hs-video button.hs-video__play")],
)
def test_hostile_titles_are_escaped_and_not_evaluated(hostile, kind, labelled):
    html = hostile_pages(hostile)[kind]
    assert "<script>alert(" not in html
    assert "{{ 7*7 }}" in html  # shown as written, nowhere a template of its own
    soup = BeautifulSoup(html, "lxml")
    figure = soup.select_one(f"figure.{kind}")
    assert figure.find("script") is None and "49" not in str(figure)
    if kind == "hs-audio":
        assert soup.select_one(labelled)["aria-label"] == "Listen: " + HOSTILE
    else:
        assert soup.select_one(labelled)["aria-label"].endswith("): " + HOSTILE)
    if kind == "hs-video":
        frame = figure.select_one(".hs-video__frame")
        assert frame["data-hs-video-title"] == HOSTILE
        # The link has no title of its own: the caption does not repeat the post's.
        assert figure.select_one(".hs-video__title") is None
