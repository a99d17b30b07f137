"""Options of the `hubspoke/media` plugin, grouped by feature prefix."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from hubspoke.options import PathFormat, TimeZone


class ShowConfig(Config):
    """One podcast show: the channel of its feed."""

    title = c.Type(str)
    description = c.Type(str, default="")
    image = c.Optional(c.Type(str))  # artwork inside docs_dir, .jpg or .png (square, 1400px+)
    category = c.Type(str, default="Technology")  # an Apple Podcasts category
    subcategory = c.Optional(c.Type(str))
    author = c.Optional(c.Type(str))  # default: site_author, else site_name
    owner_name = c.Optional(c.Type(str))
    owner_email = c.Optional(c.Type(str))
    explicit = c.Type(bool, default=False)
    type = c.Choice(("episodic", "serial"), default="episodic")
    link = c.Optional(c.Type(str))  # the show's web page; default: the site


class MediaConfig(Config):
    enabled = c.Type(bool, default=True)

    # Video: links marked with this class become click-to-load players.
    video_class = c.Type(str, default="video")
    video_captions_language = c.Optional(c.Type(str))  # default: the theme's language

    # Podcast: shows by key; a post's `audio.show` names one (optional with one show).
    # With no show configured, one show named after the site is used.
    podcast_shows = c.DictOfItems(c.SubConfig(ShowConfig), default={})
    podcast_path = PathFormat("podcasts/{key}.xml", {"key": "sample"})

    # Events: pages in docs_dir/events_dir, an index at events_url, an .ics per event
    # and a calendar feed of upcoming events.
    events_enabled = c.Type(bool, default=True)
    events_dir = c.Type(str, default="events")
    events_url = PathFormat("events")
    events_title = c.Optional(c.Type(str))  # default: the site language's "Events"
    events_ics_path = PathFormat("events/{slug}.ics", {"slug": "sample"})
    events_calendar_path = PathFormat("events/upcoming.ics")
    events_calendar_name = c.Optional(c.Type(str))  # default: "<site_name> events", translated
    events_timezone = c.Optional(TimeZone())  # default: the network's timezone
