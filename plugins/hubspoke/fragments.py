"""Theme templates rendered outside a page template: post cards, players, pictures, icons.

Every piece of markup Hubspoke adds to a page comes from a template of the theme's
folders, where a site's `overrides/` win: the cards of index pages, and the audio
player, video figure, `<picture>` and hub picture placed into a page's HTML in
on_page_content, before MkDocs hands its Jinja environment to plugins (on_env).
So the Hub makes the theme's environment itself, at first use (`Hub.fragments`).

A post's card appears on the blog home, its archive, category, tag, author
and persona pages; rendering the same partial again for each would cost a
template render per appearance. A fragment is rendered once with URLs
written from a placeholder site root; `place()` swaps the placeholder for the
page's own path to the root when the page is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from hubspoke.core import labels, urls
from hubspoke.site_options import theme_language

ROOT = "\ue001hubspoke-root\ue001"


def use_theme_files(config, templates: Path, *stylesheets: Path) -> None:
    """A section's template folder into the theme's, right after the site's overrides and
    before the theme's own (a site overrides ours as it overrides Material's); its CSS into
    Hubspoke's one stylesheet (`hubspoke.stylesheet`)."""
    from hubspoke import stylesheet

    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(templates))
    for part in stylesheets:
        stylesheet.use(config, part)


def escapes(name: str | None) -> bool:
    """Hubspoke's templates (and a site's overrides of them) escape what they print, even
    an override that leaves out `{% autoescape true %}`: they print content's text."""
    return name is not None and name.startswith("hubspoke/")


class Fragments:
    """Renders theme templates (overrides win, as everywhere) outside of a page.

    The audio player and the video figure are rendered in on_page_content, before
    on_env: a site's override of them sees what MkDocs and the theme give (`url`) and
    Hubspoke's `hubspoke_labels`, not the globals other plugins add in on_env. Cards and
    pictures are rendered after on_env and see those too (`adopt`).
    """

    def __init__(self, env: Environment, config):
        self.env = env
        env.autoescape = escapes
        # Every Hubspoke template reads its texts from the catalogue of the theme's language.
        env.globals["hubspoke_labels"] = labels.for_language(theme_language(config, default=None))
        self.config = config
        self._icons: dict[str, Markup] = {}

    def adopt(self, env: Environment) -> None:
        """Share with MkDocs' environment (on_env): page templates get Hubspoke's globals
        (`hubspoke_labels`); ours get the globals and filters other plugins gave it, for
        the cards of index pages that a site's overrides draw with them. (MkDocs'
        environment escapes hubspoke/ templates too: the network sets it in on_env.)"""
        env.globals["hubspoke_labels"] = self.env.globals["hubspoke_labels"]
        for name, value in env.globals.items():
            self.env.globals.setdefault(name, value)
        for name, value in env.filters.items():
            self.env.filters.setdefault(name, value)

    def render(self, template: str, **context) -> Markup:
        return self.renderer(template)(**context)

    def render_into(self, page_url: str, template: str, **context) -> str:
        """Markup placed into a page's HTML before it is written (a player, a figure):
        plain text (str + Markup would escape the page) with URLs from the placeholder
        root already made relative to the page, since the post's HTML is kept for feeds
        and listings before the page is written."""
        return place(str(self.render(template, **context)), page_url)

    def renderer(self, template: str) -> Callable[..., Markup]:
        """`render` for one template, looked up once: for markup rendered many times a
        build (a `<picture>` per image)."""
        compiled = self.env.get_template(template)
        base = {"config": self.config, "page": None, "base_url": ROOT}
        return lambda **context: Markup(compiled.render({**base, **context}))

    def icon(self, name: str) -> Markup:
        """The SVG of one of the theme's icons (e.g. fontawesome/brands/mastodon)."""
        if name not in self._icons:
            loader = self.env.loader
            if loader is None:
                raise RuntimeError("the theme's Jinja environment has no template loader")
            source, _, _ = loader.get_source(self.env, f".icons/{name}.svg")
            self._icons[name] = Markup(source)
        return self._icons[name]


def root_url(url: str) -> str:
    """`url` (site-relative) written from the placeholder root."""
    return f"{ROOT}/{url}"


def place(output: str, page_url: str) -> str:
    """A page's output with every placeholder root made relative to the page."""
    if ROOT not in output:
        return output
    root = urls.relative_url("", page_url).rstrip("/") or "."
    return output.replace(ROOT, root)


def place_from(output: str, base_path: str) -> str:
    """An error page's output with every placeholder root made the site's base path
    (`/` or `/docs/`): the page is served at any depth, so its links start at `/`."""
    return output.replace(ROOT, base_path.rstrip("/"))
