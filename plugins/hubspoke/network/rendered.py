"""What the network keeps of each rendered post: its HTML, excerpt and reading time."""

from __future__ import annotations

from dataclasses import dataclass

from hubspoke.core import html, text


@dataclass(frozen=True)
class RenderedPost:
    """A post converted once; listings reuse the excerpt, never convert again.

    The HTML is the page's own content string (shared, not copied: a site's posts
    are tens of megabytes); `body` is the part after the leading title.
    """

    url: str
    title_html: str | None
    content: str
    body_start: int
    excerpt: str
    more: bool
    minutes: int

    @property
    def body(self) -> str:
        return self.content[self.body_start :] if self.body_start else self.content


def rendered_post(
    content: str, url: str, *, readtime: int | None, words_per_minute: int
) -> RenderedPost:
    """Split rendered post HTML into the parts pages and listings show."""
    title_html, body = html.split_title(content)
    excerpt, more = html.excerpt(content)
    minutes = readtime or text.reading_time(body, words_per_minute)
    start = len(content) - len(body)
    return RenderedPost(url, title_html, content, start, excerpt, more, minutes)
