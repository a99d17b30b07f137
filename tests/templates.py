"""Hubspoke's partials rendered as a build renders them (`hubspoke.fragments.Fragments`),
for tests of core views without a site: the sections' template folders, the labels of
one language."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from hubspoke.core.labels import for_language
from hubspoke.core.network.hubsvg import SpokeCount, describe, hub_picture
from hubspoke.fragments import Fragments
from hubspoke.images.pictures import TemplateMarkup

PLUGINS = Path(__file__).resolve().parent.parent / "plugins" / "hubspoke"
FOLDERS = [
    str(PLUGINS / section / "templates") for section in ("network", "images", "media", "feeds")
]


def fragments(language: str = "en") -> Fragments:
    env = Environment(loader=FileSystemLoader(FOLDERS), auto_reload=False)
    return Fragments(env, SimpleNamespace(theme={"language": language}))


def image_markup(language: str = "en") -> TemplateMarkup:
    return TemplateMarkup(fragments(language).renderer)


def hub_picture_html(company: str, counts: list[SpokeCount], language: str = "en") -> Markup:
    """The hub page's SVG, as the network section renders it."""
    return fragments(language).render(
        "hubspoke/partials/hub-picture.html",
        hub=hub_picture(company, counts),
        description=describe(company, counts, for_language(language)),
    )
