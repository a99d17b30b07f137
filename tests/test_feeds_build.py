"""Feeds across builds and options: byte-identical output, the options doing what
the README says, and clear errors (never a traceback) for what cannot work."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import FIXED_CLOCK, ROOT, add_content_files, build_in_process, run_mkdocs
from .feedcheck import BERLIN, expected_feeds, parse_json, parse_xml, source_posts
from .sitecheck import files_containing


def feed_bytes(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.glob("feeds/**/*"))
        if p.is_file() and p.name != "sitemap.xml"  # Material's requests' answer: test_outputs
    }


def test_two_builds_write_byte_identical_feeds(example, site_copy, tmp_path, monkeypatch):
    first = feed_bytes(example.site)
    clock = dt.datetime.fromisoformat(FIXED_CLOCK).replace(tzinfo=BERLIN)
    assert len(first) == 3 * len(expected_feeds(source_posts(ROOT / "content", clock)))
    source = site_copy(None)
    # Another process, another hash seed, another folder: the same bytes.
    monkeypatch.setenv("PYTHONHASHSEED", "4242")
    result = run_mkdocs(source, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    assert feed_bytes(tmp_path / "again") == first
    # A later clock that publishes nothing new changes nothing either: no "now" in feeds.
    later = build_in_process(source, tmp_path / "later", clock="2027-03-01 10:00")
    assert feed_bytes(later.site) == first


def configure(source: Path, feeds: dict | None = None, *, plugins=None, **site) -> None:
    """Set the hubspoke/feeds options (and other top-level keys) of a copied mkdocs.yml."""
    path = source / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    if feeds is not None:
        config["plugins"] = [
            {"hubspoke/feeds": feeds} if "hubspoke/feeds" in p else p for p in config["plugins"]
        ]
    if plugins is not None:
        config["plugins"] = plugins
    for key, value in site.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_options_choose_kinds_formats_paths_limit_content_and_utm(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(
        source,
        {
            "kinds": ["author", "site"],
            "formats": ["json", "rss"],
            "paths": {"author": {"rss": "authors/{key}/feed.xml"}},
            "items_limit": 1,
            "items_full_content": False,
            "utm_enabled": False,
        },
    )
    built = build_in_process(source, tmp_path / "site")
    assert built.warnings() == []
    written = sorted(p.relative_to(built.site).as_posix() for p in built.site.rglob("*.*"))
    feeds = [
        p
        for p in written
        if (p.startswith("feeds/") or p.endswith("/feed.xml")) and not p.endswith("sitemap.xml")
    ]
    assert feeds == [
        "authors/ada/feed.xml",
        "authors/gus/feed.xml",
        "feeds/authors/ada.json",
        "feeds/authors/gus.json",
        "feeds/feed.json",
        "feeds/rss.xml",
    ]
    parsed, root = parse_xml(built.site / "authors/ada/feed.xml")
    assert len(parsed.entries) == 1 and "?" not in parsed.entries[0].link
    assert root.find(".//{http://purl.org/rss/1.0/modules/content/}encoded") is None
    assert b"xml-stylesheet" not in (built.site / "feeds/rss.xml").read_bytes()
    data = parse_json(built.site / "feeds/feed.json")
    assert len(data["items"]) == 1
    item = data["items"][0]
    assert item["content_html"].startswith("<p>") and "?" not in item["url"]
    page = built.html("authors/ada/")
    follow = [(a.get_text(), a["href"]) for a in page.select(".hs-follow a")]
    assert follow == [("RSS", "feed.xml"), ("JSON Feed", "../../feeds/authors/ada.json")]
    assert built.html("personas/buyer/").select(".hs-follow a") == []


def test_utm_campaign_and_sources_are_configurable(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(
        source,
        {"kinds": ["site"], "utm_campaign": "launch", "utm_sources": {"rss": "newsreader"}},
    )
    built = build_in_process(source, tmp_path / "site")
    parsed, _ = parse_xml(built.site / "feeds/rss.xml")
    assert parsed.entries[-1].link.endswith(
        "?utm_source=newsreader&utm_medium=feed&utm_campaign=launch"
    )
    data = json.loads((built.site / "feeds/feed.json").read_text())
    assert data["items"][-1]["url"].endswith(
        "?utm_source=jsonfeed&utm_medium=feed&utm_campaign=launch"
    )


def test_serve_preview_never_syndicates_drafts(site_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("HUBSPOKE_CLOCK", FIXED_CLOCK)
    source = site_copy("feeds")
    config = load_config(str(source / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        # MkDocs keeps plugin instances across load_config() in one process: leave "build".
        config.plugins.on_startup(command="build", dirty=False)
    assert (tmp_path / "site/blog/2025/03/10/secret-draft-canarydraft/index.html").is_file()
    for canary in ("canarydraft", "canaryfuture", "canaryunlisted"):
        assert [p for p in files_containing(tmp_path / "site", canary) if "feeds/" in p] == []
    assert (tmp_path / "site/feeds/rss.xml").is_file()


def failing_build(source: Path, tmp_path: Path) -> str:
    result = run_mkdocs(source, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return result.stderr


def test_feeds_need_site_url(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(source, site_url=None)
    message = failing_build(source, tmp_path)
    assert "hubspoke/feeds: feeds need absolute links" in message
    assert "site_url" in message and "enabled: false" in message


def test_feeds_turned_off_need_nothing(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(source, {"enabled": False}, site_url=None)
    built = build_in_process(source, tmp_path / "site")
    assert not (built.site / "feeds").exists()
    assert built.html("").find("link", rel="alternate", type="application/rss+xml") is None


def test_a_feed_path_taken_by_a_content_file_is_an_error_naming_both(site_copy, tmp_path):
    source = site_copy("feeds")
    add_content_files(source, {"feeds/rss.xml": "<rss/>"})
    message = failing_build(source, tmp_path)
    assert (
        "hubspoke/feeds: the RSS feed of the site would be written to 'feeds/rss.xml', "
        "which content/feeds/rss.xml already produces; change the option paths.site.rss"
    ) in message
    assert not (tmp_path / "site/feeds").exists()


def test_a_feed_path_taken_by_a_generated_page_is_an_error_naming_both(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(source, {"paths": {"author": {"atom": "authors/{key}/index.html"}}})
    message = failing_build(source, tmp_path)
    assert "the Atom feed of author 'ada' would be written to 'authors/ada/index.html'" in message
    # The one register of output paths names the generated page itself, and every clash at once.
    assert "which the author page 'ada' already produces" in message
    assert "the Atom feed of author 'gus' would be written to 'authors/gus/index.html'" in message
    assert "paths.author.atom" in message


def test_a_content_file_on_the_stylesheet_path_is_an_error_with_the_other_clashes(
    site_copy, tmp_path
):
    source = site_copy("feeds")
    add_content_files(source, {"feeds/feed.xsl": "<x/>", "feeds/rss.xml": "<x/>"})
    message = failing_build(source, tmp_path)
    # Both clashes in one message: the stylesheet's and the feed's.
    assert (
        "the feed stylesheet would be written to 'feeds/feed.xsl', which "
        "content/feeds/feed.xsl already produces; change the option stylesheet_path"
    ) in message
    assert "the RSS feed of the site would be written to 'feeds/rss.xml'" in message
    assert not (tmp_path / "site/feeds").exists()


@pytest.mark.parametrize("written", ["/feeds/style.xsl", " feeds/style.xsl/ "])
def test_a_stylesheet_path_with_slashes_around_is_the_same_path(site_copy, tmp_path, written):
    source = site_copy("feeds")
    configure(source, {"stylesheet": True, "stylesheet_path": written})
    result = run_mkdocs(source, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/feeds/style.xsl").is_file()
    rss = (tmp_path / "site/feeds/rss.xml").read_bytes()
    assert b'<?xml-stylesheet href="style.xsl" type="text/xsl"?>' in rss


def test_a_sites_override_replaces_the_feed_stylesheet(site_copy, tmp_path):
    """The stylesheet is a theme template: overrides/hubspoke/feed.xsl wins, its texts read
    from the catalogue and escaped for XML."""
    from lxml import etree

    source = site_copy("feeds")
    configure(source, {"stylesheet": True}, theme={"name": "material", "custom_dir": "overrides"})
    (source / "overrides/hubspoke").mkdir(parents=True)
    (source / "overrides/hubspoke/feed.xsl.html").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><p class="mine">{{ hubspoke_labels.text("feed.read_on_site") }}'
        " &amp; {{ '<b>' }}</p></xsl:template></xsl:stylesheet>\n",
        encoding="utf-8",
    )
    result = run_mkdocs(source, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    transform = etree.XSLT(etree.parse(str(tmp_path / "site/feeds/feed.xsl")))
    page = transform(etree.parse(str(tmp_path / "site/feeds/rss.xml")))
    assert page.xpath("//p[@class='mine']/text()") == ["Read on the website & <b>"]
    assert not (tmp_path / "site/hubspoke").exists()  # no template is published as it is


def test_two_feeds_on_one_path_are_an_error(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(
        source,
        {
            "paths": {
                "category": {"rss": "feeds/{key}.xml"},
                "site": {"rss": "feeds/engineering.xml"},
            }
        },
    )
    message = failing_build(source, tmp_path)
    assert "the RSS feed of category 'engineering' would be written to 'feeds/engineering.xml'" in (
        message
    )
    assert "which the RSS feed of the site already produces" in message


@pytest.mark.parametrize(
    ("feeds", "expected"),
    [
        (
            {"items_limit": 0},
            "Plugin 'hubspoke/feeds' option 'items_limit': items_limit must be at least 1",
        ),
        ({"paths": {"author": {"rss": "feeds/authors.xml"}}}, "paths.author.rss must use {key}"),
        ({"utm_sources": {"opml": "x"}}, "utm_sources has unknown formats ['opml']"),
        (
            {"stylesheet_path": "../feed.xsl"},
            "Plugin 'hubspoke/feeds' option 'stylesheet_path': '../feed.xsl' has an unsafe part",
        ),
        (
            {"stylesheet_path": "feeds//feed.xsl"},
            "Plugin 'hubspoke/feeds' option 'stylesheet_path': 'feeds//feed.xsl' has an unsafe",
        ),
        ({"kinds": ["tags"]}, "Expected one of"),
    ],
)
def test_bad_options_are_reported(site_copy, tmp_path, feeds, expected):
    source = site_copy("feeds")
    configure(source, feeds)
    assert expected in failing_build(source, tmp_path)


def test_the_order_of_the_plugins_does_not_matter(site_copy, tmp_path):
    """The build order is Hubspoke's table (hubspoke.build_order), not mkdocs.yml's list."""
    source = site_copy("feeds")
    configure(source, plugins=["search", "hubspoke/feeds", "hubspoke/network"])
    result = run_mkdocs(source, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/feeds/rss.xml").is_file()


def test_feeds_need_the_network(site_copy, tmp_path):
    source = site_copy("feeds")
    configure(source, plugins=["search", "hubspoke/feeds"])
    message = failing_build(source, tmp_path)
    assert "hubspoke/feeds: add the plugin hubspoke/network to plugins in mkdocs.yml" in message
