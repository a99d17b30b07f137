"""Podcast feeds: RSS 2.0 with the iTunes namespace, written by feedgen's podcast extension.

A show is configured once (title, description, artwork, category, owner); its
episodes are the syndicated posts that carry `audio`. Each episode's enclosure
gives the published file's URL, its exact length in bytes and its media type.
Output is deterministic: episodes newest first, the feed's date is its newest episode's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator

from ..feeds.text import clean_line, clean_text

GENERATOR = "Hubspoke"


@dataclass(frozen=True)
class Show:
    """One podcast, as configured."""

    key: str
    title: str
    description: str
    feed_url: str
    link: str
    author: str
    category: str
    subcategory: str | None = None
    image_url: str | None = None
    owner_name: str | None = None
    owner_email: str | None = None
    explicit: bool = False
    language: str | None = None
    kind: str = "episodic"
    copyright: str | None = None


@dataclass(frozen=True)
class Episode:
    """One audio post, with absolute URLs and the published file's length."""

    url: str
    title: str
    description: str
    published: datetime
    authors: tuple[str, ...]
    audio_url: str
    length: int
    media_type: str
    duration: str  # HH:MM:SS
    explicit: bool
    episode: int | None = None
    season: int | None = None
    episode_type: str = "full"


def podcast_rss(show: Show, episodes: Sequence[Episode]) -> bytes:
    """The show's feed, episodes newest first."""
    episodes = sorted(episodes, key=lambda e: (e.published, e.url), reverse=True)
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.title(clean_line(show.title))
    fg.description(clean_text(show.description) or clean_line(show.title))
    fg.link(href=show.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.link, rel="alternate", type="text/html")
    if show.language:
        fg.language(show.language)
    if show.copyright:
        fg.copyright(clean_line(show.copyright))
    fg.generator(GENERATOR)
    if episodes:
        fg.updated(episodes[0].published)
    if show.image_url:
        fg.image(url=show.image_url, title=clean_line(show.title), link=show.link)
        fg.podcast.itunes_image(show.image_url)
    fg.podcast.itunes_author(clean_line(show.author))
    category = {"cat": show.category}
    if show.subcategory:
        category["sub"] = show.subcategory
    fg.podcast.itunes_category(category)
    fg.podcast.itunes_explicit("yes" if show.explicit else "no")
    if show.owner_name and show.owner_email:
        fg.podcast.itunes_owner(name=clean_line(show.owner_name), email=show.owner_email)
    fg.podcast.itunes_summary(clean_text(show.description) or clean_line(show.title))
    fg.podcast.itunes_type(show.kind)
    for item in episodes:
        entry = fg.add_entry(order="append")
        entry.guid(item.url, permalink=True)
        entry.title(clean_line(item.title))
        entry.link(href=item.url)
        entry.description(clean_text(item.description) or clean_line(item.title))
        entry.published(item.published)
        entry.enclosure(item.audio_url, str(item.length), item.media_type)
        names = ", ".join(clean_line(a) for a in item.authors)
        if names:
            entry.podcast.itunes_author(names)
        entry.podcast.itunes_duration(item.duration)
        entry.podcast.itunes_explicit("yes" if item.explicit else "no")
        entry.podcast.itunes_episode_type(item.episode_type)
        if item.episode:
            entry.podcast.itunes_episode(item.episode)
        if item.season:
            entry.podcast.itunes_season(item.season)
        entry.podcast.itunes_summary(clean_text(item.description) or clean_line(item.title))
    return fg.rss_str(pretty=True)
