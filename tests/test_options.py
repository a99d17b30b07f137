"""Options are checked by their MkDocs option types: MkDocs names the plugin and the option."""

from __future__ import annotations

import pytest

from hubspoke.editorial.config import EditorialConfig
from hubspoke.feeds.config import FeedsConfig
from hubspoke.images.config import ImagesConfig
from hubspoke.media.config import MediaConfig
from hubspoke.network.config import NetworkConfig
from hubspoke.options import option_error, option_line

from .conftest import run_check, run_mkdocs

CASES = [
    (NetworkConfig, {"blog_rows_per_page": 0}, "blog_rows_per_page must be at least 1, not 0"),
    (NetworkConfig, {"timezone": "Mars/Base"}, "unknown time zone 'Mars/Base'"),
    (NetworkConfig, {"tag_url_format": "tags/{slug}"}, "tag_url_format must use {key} once"),
    (NetworkConfig, {"authors_url_format": "a/{key}/{key}"}, "must use {key} once"),
    (NetworkConfig, {"blog_url": "blog/{key}"}, "blog_url uses unknown ['key']"),
    (
        NetworkConfig,
        {"post_url_format": "../{slug}"},
        "'../{slug}' filled with sample values: '../sample' has an unsafe part '..'",
    ),
    (ImagesConfig, {"quality_avif_speed": 11}, "quality_avif_speed must be from 0 to 10"),
    (ImagesConfig, {"variants_widths": []}, "variants_widths must list widths in pixels"),
    (ImagesConfig, {"variants_avatar_widths": [0]}, "must list widths in pixels"),
    (ImagesConfig, {"workers": -1}, "workers must be at least 0"),
    (ImagesConfig, {"max_pixels": 0}, "max_pixels must be at least 1"),
    (ImagesConfig, {"infographic_ratio": 0}, "infographic_ratio must be a positive number"),
    (FeedsConfig, {"utm_sources": {"opml": "x"}}, "utm_sources has unknown formats ['opml']"),
    (FeedsConfig, {"paths": {"site": {"rss": "a.xml", "atom": "a.xml"}}}, "the same path"),
    (MediaConfig, {"events_timezone": "Mars/Base"}, "unknown time zone 'Mars/Base'"),
    (MediaConfig, {"events_ics_path": "events/{key}.ics"}, "events_ics_path uses unknown"),
    (MediaConfig, {"podcast_path": "/../{key}.xml"}, "has an unsafe part"),
    (EditorialConfig, {"insights_months": 0}, "insights_months must be from 1 to 120"),
    (
        EditorialConfig,
        {"policy_title_max_length": -1},
        "policy_title_max_length must be at least 0",
    ),
    (EditorialConfig, {"policy_link_schemes": ["h t"]}, "'h t' is not a URL scheme like https"),
    (
        EditorialConfig,
        {"policy_required_fields": ["descripton"]},
        "'descripton' is not a post field; did you mean 'description'?",
    ),
]


@pytest.mark.parametrize(("schema", "options", "words"), CASES)
def test_a_wrong_option_is_refused_by_its_type(schema, options, words):
    config = schema()
    config.load_dict(options)
    errors, _ = config.validate()
    assert [key for key, _ in errors] == list(options)
    assert words in str(errors[0][1])


@pytest.mark.parametrize(
    "schema", [NetworkConfig, ImagesConfig, FeedsConfig, MediaConfig, EditorialConfig]
)
def test_the_defaults_are_valid(schema):
    config = schema()
    config.load_dict({})
    assert config.validate() == ([], [])


def test_guest_sanitize_is_deprecated_with_a_warning_naming_what_to_do():
    config = NetworkConfig()
    config.load_dict({"guest_sanitize": False})
    errors, warnings = config.validate()
    assert errors == []
    [(key, message)] = warnings
    assert key == "guest_sanitize"
    assert "'guest_sanitize' no longer does anything" in message
    assert "trusted_html" in message
    config = NetworkConfig()
    config.load_dict({"guest_sanitize": True})
    assert config.validate() == ([], [])  # true is what the pages get anyway


def test_option_error_words_plugin_option_problem_and_fix():
    error = option_error("hubspoke/media", "podcast_path", "two shows share a path", "use {key}")
    assert str(error) == "hubspoke/media: podcast_path: two shows share a path; use {key}"
    assert str(option_error("hubspoke/feeds", None, "no site_url")) == "hubspoke/feeds: no site_url"


def test_the_build_and_check_name_the_plugin_and_the_option(site_copy, tmp_path):
    source = site_copy("basic")
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "blog_per_page: 2", "blog_per_page: 2\n      blog_rows_per_page: -3"
        ),
        encoding="utf-8",
    )
    words = "Plugin 'hubspoke/network' option 'blog_rows_per_page': blog_rows_per_page must be"
    built = run_mkdocs(source, tmp_path / "site")
    assert built.returncode != 0
    assert "Traceback" not in built.stderr
    assert words in built.stderr
    checked = run_check(source)
    assert checked.returncode != 0
    assert "Traceback" not in checked.stdout + checked.stderr
    assert words in checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("written", "line"),
    [
        (
            "plugins:\n  - search\n  - hubspoke/media:\n      podcast_path: a/{key}.xml\n",
            4,
        ),
        ("plugins:\n  search: {}\n  hubspoke/media:\n    podcast_path: a/{key}.xml\n", 4),
        ("plugins:\n  - hubspoke/media\n", None),  # the default: set nowhere
        ("plugins: [", None),  # not YAML: no line rather than an error
    ],
)
def test_option_line_finds_an_option_in_either_form_of_plugins(tmp_path, written, line):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n" + written, encoding="utf-8")
    found = option_line(str(config), "hubspoke/media", "podcast_path")
    assert found == (None if line is None else line + 1)
