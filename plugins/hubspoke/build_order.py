"""The order of the whole build, in one table: from mkdocs.yml to the last file written.

MkDocs calls each event's handlers from the highest priority to the lowest, across
all plugins; the priority decides where a step runs relative to the theme's and other
plugins' handlers too. Every handler of a Hubspoke section takes its priority from
this table (`@step`), so the table is the build: read it top to bottom. Within one
event, the rows run in the order written (a test holds the priorities to it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class Step:
    event: str  # the MkDocs event, without `on_`
    section: str  # hubspoke/<section>
    handler: str  # the method of the section's plugin class
    priority: int
    does: str


BUILD: tuple[Step, ...] = (
    Step("startup", "network", "on_startup", 0, "remember build or serve (drafts preview)"),
    Step("startup", "editorial", "on_startup", -1, "remember build or serve (insights page)"),
    # Configuration: the network reads the whole repository once, before MkDocs walks it.
    Step(
        "config",
        "network",
        "on_config",
        10,
        "check options; intake and the one reader: authors, posts, personas, events, audio "
        "fields, spokes, every Markdown page -> the site model (Hub.site)",
    ),
    Step("config", "media", "on_config", 0, "video settings; take audio fields and events"),
    Step("config", "images", "on_config", -1, "encoder settings, cache folder"),
    Step("config", "feeds", "on_config", -2, "the feed table from the options"),
    Step("config", "editorial", "on_config", -3, "policy options; templates"),
    # Files: before other plugins look at files, so they never see unpublished posts.
    Step(
        "files",
        "network",
        "_place_files",
        50,
        "publication rule; posts moved to their URLs; index, overview and share pages; avatars",
    ),
    Step("files", "media", "on_files", 40, "audio files and podcast plans; event pages, .ics"),
    Step("files", "editorial", "on_files", 0, "policy problems as warnings; the insights page"),
    Step("files", "feeds", "on_files", -5, "post feeds selected and their paths claimed"),
    Step("files", "images", "on_files", -10, "every image's header; variant names refused"),
    Step(
        "files",
        "network",
        "_refuse_clashes",
        -100,
        "every clash of the paths claimed so far (pages, avatars, feeds, calendars, the "
        "insights page) and the site's files, in one message",
    ),
    Step(
        "nav",
        "network",
        "on_nav",
        0,
        "personas (and blog sections) into the nav; the nav section of every page outside it",
    ),
    Step("page_read_source", "network", "on_page_read_source", 0, "the reader's text, not re-read"),
    # Each page: Markdown, then HTML.
    Step(
        "page_markdown",
        "network",
        "on_page_markdown",
        0,
        "template, title, description; a page outside the nav hung under its section",
    ),
    Step("page_markdown", "media", "on_page_markdown", -1, "event pages' template and title"),
    Step("page_markdown", "editorial", "on_page_markdown", -2, "the insights page's title"),
    Step("page_content", "media", "_mark_videos", 110, "video links marked as written"),
    Step("page_content", "network", "_sanitize_content", 100, "contributor HTML sanitised"),
    Step("page_content", "media", "_place_media", 90, "video players and audio players placed"),
    Step("page_content", "images", "on_page_content", 0, "images each page shows noted"),
    Step("page_content", "network", "_keep_content", -50, "the post's final HTML kept once"),
    # Once every page is rendered to HTML, before templates.
    Step("env", "network", "on_env", 0, "unpublished posts' files pruned; fragments; metadata"),
    Step("env", "media", "on_env", -1, "podcast feeds written"),
    Step("env", "images", "on_env", -50, "images and social cards encoded and published"),
    Step("env", "feeds", "on_env", -100, "post feeds rendered and written (every file known)"),
    # Theme templates (404.html, sitemap.xml), rendered before the pages are.
    Step("template_context", "network", "on_template_context", 0, "the 404 page's latest posts"),
    Step("post_template", "network", "on_post_template", 0, "the 404 page's cards placed"),
    Step("page_context", "media", "on_page_context", 0, "video and audio head, event context"),
    Step("page_context", "images", "on_page_context", -1, "og:image of the page's card"),
    Step("page_context", "feeds", "on_page_context", -2, "feed discovery and Follow links"),
    Step("page_context", "editorial", "on_page_context", -3, "the insights page's figures"),
    Step(
        "page_context",
        "network",
        "on_page_context",
        -100,
        "template context; social metadata; a sidebar showing the page alone hidden",
    ),
    Step("post_page", "media", "on_post_page", 0, "the video script on pages with a player"),
    Step("post_page", "network", "on_post_page", -100, "fragments placed; CSP hashes"),
    Step("post_page", "images", "on_post_page", -110, "<img> into <picture> in the final HTML"),
    Step("serve", "network", "on_serve", 0, "watch the authors folder"),
    Step("post_build", "network", "on_post_build", 0, "sitemap.xml.gz; post counts"),
    Step("post_build", "feeds", "on_post_build", -1, "feed counts"),
    Step("post_build", "editorial", "on_post_build", -2, "where the insights page is"),
)

_BY_HANDLER = {(s.section, s.handler): s for s in BUILD}

F = TypeVar("F", bound=Callable)


def step(section: str) -> Callable[[F], F]:
    """Give a section's handler the priority its row of BUILD says."""

    def mark(handler: F) -> F:
        row = _BY_HANDLER[(section, handler.__name__)]
        handler.mkdocs_priority = row.priority  # type: ignore[attr-defined]
        return handler

    return mark
