"""What the network keeps of each rendered post: its HTML, excerpt and reading time."""

from __future__ import annotations

from dataclasses import dataclass

from hubspoke.core import html, text


@dataclass(frozen=True)
class RenderedPost:
    """A post converted once; listings reuse the excerpt, never convert again."""

    url: str
    title_html: str | None
    body: str
    excerpt: str
    more: bool
    minutes: int


def rendered_post(
    content: str, url: str, *, readtime: int | None, words_per_minute: int
) -> RenderedPost:
    """Split rendered post HTML into the parts pages and listings show."""
    title_html, body = html.split_title(content)
    excerpt, more = html.excerpt(content)
    minutes = readtime or text.reading_time(body, words_per_minute)
    return RenderedPost(url, title_html, body, excerpt, more, minutes)
