"""Events during one build: read, publish by the rule, index page, .ics files, page context.

Event pages are read and checked against the network (speakers are authors, personas
its personas, recordings its posts) by the one reader, `core.sources.load_site`, in
on_config; here they are published by the rule: pages the rule keeps out are removed; the
index, one .ics per built event and the calendar feed of upcoming events are
added as generated files.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from hubspoke.core import outputs as core_outputs
from hubspoke.core import urls
from hubspoke.core.media import events as core_events
from hubspoke.core.network import metadata
from hubspoke.core.network.publication import State, Visibility
from hubspoke.core.urls import format_path, site_base
from hubspoke.head import Head
from hubspoke.network import sitemap
from hubspoke.network.sitefiles import listed_file
from hubspoke.outputs import OutputRun, register_files
from hubspoke.site_options import theme_language

if TYPE_CHECKING:
    from hubspoke.core.media import ical
    from hubspoke.network.build import NetworkBuild

from hubspoke.network.sitefiles import generated_page

from .config import MediaConfig
from .labels import Labels

EVENT_TEMPLATE = "hubspoke/event.html"
INDEX_TEMPLATE = "hubspoke/events.html"
MEDIA = "hubspoke/media"
# How many upcoming events the home page shows.
HOME_EVENTS = 3


class EventSite(core_outputs.PartialSite):
    """The site as the table of outputs reads it for calendars (`OutputSite`)."""

    def __init__(self, pages: EventPages):
        self.pages = pages
        self.network = pages.build.network
        self.labels = pages.build.labels
        self.site_name = pages.config.site_name
        self.tagline = pages.config.site_description
        self.items_limit = 0

    def built_events(self) -> list[core_events.Event]:
        """Every event whose page is built, by source path."""
        return [self.pages.events[s] for s in sorted(self.pages.page_urls)]

    def upcoming_events(self) -> list[core_events.Event] | None:
        """The syndicated upcoming events (None: the site has no events page)."""
        pages = self.pages
        if pages.index_src is None:
            return None
        return [e for e in pages.upcoming() if pages.seen[e.source].syndicated]

    def calendar_entry(self, event: core_events.Event) -> ical.Entry:
        return self.pages._entry(event)

    def calendar_name(self) -> str:
        return self.pages.calendar_name()


class EventPages:
    """Every event of one build, and the pages and files made from them."""

    def __init__(
        self, options: MediaConfig, config: MkDocsConfig, labels: Labels, tz: tzinfo | None
    ):
        self.options = options
        self.config = config
        self.labels = labels
        self.tz = tz
        self.base = site_base(config.site_url)
        self.host = urlsplit(config.site_url or "").hostname or ""
        self.events: dict[str, core_events.Event] = {}
        self.seen: dict[str, Visibility] = {}
        self.page_urls: dict[str, str] = {}
        self.ics_urls: dict[str, str] = {}
        self.index_src: str | None = None
        self.index_url: str | None = None
        self.calendar_url: str | None = None
        self._build: NetworkBuild | None = None  # set by read (on_files)
        self.run: OutputRun | None = None  # the calendars, from the table of outputs
        try:
            self.locale = Locale.parse(theme_language(config).replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse("en")

    @property
    def build(self) -> NetworkBuild:
        """The network's build, whose posts, authors and pages events link to."""
        if self._build is None:
            raise RuntimeError("EventPages.build is set by read (on_files)")
        return self._build

    # -- on_files (after the network) ---------------------------------------------

    def read(self, files: Files, build: NetworkBuild) -> None:
        """The event pages the one reader read in on_config (it reported their problems):
        those MkDocs lists whose speakers, personas and recording exist."""
        self._build = build
        network = build.network
        listed = {f.src_uri for f in files.documentation_pages()}
        posts = {p.source for p in network.posts}

        def whole(event: core_events.Event) -> bool:
            return (
                event.source in listed
                and all(s in network.authors for s in event.speakers)
                and all(p in network.personas for p in event.personas)
                and (not event.recording or event.recording in posts)
            )

        self.events = {e.source: e for e in build.loaded.events if whole(e)}

    def place(self, files: Files) -> None:
        """Apply the publication rule; add the index, the .ics files and the calendar feed."""
        settings = self.build.network.settings
        for source, event in sorted(self.events.items()):
            file = listed_file(files, source)
            seen = core_events.visibility(
                event, settings.clock, preview=settings.preview, labels=settings.labels
            )
            self.seen[source] = seen
            if not seen.built:
                files.remove(file)
                continue
            preview_only = seen.state in (State.DRAFT, State.SCHEDULED)
            file.inclusion = InclusionLevel.DRAFT if preview_only else InclusionLevel.NOT_IN_NAV
            self.page_urls[source] = file.url
        if not self._add_index(files):
            return  # a site without events and without a place for them in the nav
        index_src = self.index_src or ""  # set by _add_index
        for source in self.page_urls:
            self.build.nav_homes[source] = index_src  # its section in the nav
        site = EventSite(self)
        paths = {
            core_outputs.EVENT_CALENDAR.name: self.options.events_ics_path,
            core_outputs.EVENTS_CALENDAR.name: self.options.events_calendar_path,
        }
        self.run = OutputRun(MEDIA, site, paths)
        self.run.plan(files, self.build.claims, self.config)
        for output in self.run.outputs:
            if output.spec is core_outputs.EVENT_CALENDAR:
                self.ics_urls[output.key] = output.path
            else:
                self.calendar_url = output.path

    # -- on_env ---------------------------------------------------------------------

    def write(self, files: Files) -> None:
        """Write the calendars the one way outputs are written (`hubspoke.outputs`)."""
        if self.run is not None:
            self.run.write(self.run.render(), files, self.build.claims, self.config)

    def calendar_name(self) -> str:
        return self.build.labels.option(
            self.options.events_calendar_name, "event.calendar_name", site=self.config.site_name
        )

    @property
    def title(self) -> str:
        """The events index's title: `events_title` as set, else the site language's."""
        return self.build.labels.option(self.options.events_title, "page.events")

    def _add_index(self, files: Files) -> bool:
        """The events index: the writer's page if there is one, else a generated one
        (none when there are no events and the nav does not name the page)."""
        path = format_path(self.options.events_url)
        for candidate in urls.source_candidates(path):
            found = files.get_file_from_path(candidate)
            if found is not None and found.is_documentation_page():
                self.index_src, self.index_url = found.src_uri, found.url
                return True
        src = urls.generated_source(path, section_index=True)
        named = self.config.nav is not None and _mentions(self.config.nav, src)
        if not self.events and not named:
            return False
        file = generated_page(
            self.config,
            path,
            title=self.title,
            template=INDEX_TEMPLATE,
            in_nav=self.config.nav is None or named,
            section_index=True,
        )
        claims = self.build.claims
        register_files(claims, files, self.config)
        claims.claim(
            file.dest_uri, "the events index", option="events_url", token=file, owner=MEDIA
        )
        files.append(file)
        self.index_src, self.index_url = src, file.url
        return True

    def _entry(self, event: core_events.Event) -> ical.Entry:
        from hubspoke.core.media import ical

        network = self.build.network
        recording = self._recording(event)
        return ical.Entry(
            event=event,
            url=self.absolute(self.page_urls[event.source]),
            uid=ical.uid(event.slug, self.host),
            speakers=tuple(network.authors[s].name for s in event.speakers),
            recording=self.absolute(recording[1]) if recording else None,
        )

    def listed(self) -> list[core_events.Event]:
        return [e for s, e in sorted(self.events.items()) if s in self.seen and self.seen[s].listed]

    def upcoming(self) -> list[core_events.Event]:
        return core_events.split(self.listed(), self.build.network.settings.clock)[0]

    def absolute(self, url: str) -> str:
        return urljoin(self.base, url) if self.base else url

    def _recording(self, event: core_events.Event) -> tuple[str, str] | None:
        """(title, site-relative URL) of the event's recording, once its post is built."""
        if not event.recording:
            return None
        network = self.build.network
        post = self.build.posts_by_source.get(event.recording)
        if post is None or not network.visibility(post).built:
            return None
        return post.title, self.build.post_url(post)

    # -- on_page_markdown ---------------------------------------------------------

    def prepare_page(self, page: Page) -> None:
        """Template, escaped title and description, and search/sitemap exclusion."""
        src = page.file.src_uri
        meta = page.meta
        if src == self.index_src:
            meta.setdefault("template", INDEX_TEMPLATE)
            meta.setdefault("title", self.title)
            return
        event = self.events.get(src)
        if event is None:
            return
        meta.setdefault("template", EVENT_TEMPLATE)
        meta[sitemap.LASTMOD] = sitemap.lastmod(event.announce)
        meta["title"] = escape(event.title)
        if event.description:
            meta["description"] = escape(event.description)
        if not self.seen[src].indexed:
            meta["search"] = {**(meta.get("search") or {}), "exclude": True}
            meta["hubspoke_noindex"] = True

    # -- on_page_context ------------------------------------------------------------

    def context_for(self, page: Page) -> dict | None:
        src = page.file.src_uri
        if src == self.index_src:
            upcoming, past = core_events.split(self.listed(), self.build.network.settings.clock)
            return {
                "role": "events",
                "upcoming": [self.card(e) for e in upcoming],
                "past": [self.card(e) for e in past],
                "calendar": self.calendar_url,
            }
        role = self.build.role_of(page)
        if role is not None and role.kind == "home":
            return self.home_context()
        event = self.events.get(src)
        if event is None or src not in self.page_urls:
            return None
        seen = self.seen[src]
        return {
            "role": "event",
            "event": self.card(event),
            "banner": seen.banner,
            "noindex": not seen.indexed,
            "events_url": self.index_url,
        }

    def home_context(self) -> dict:
        """The next few events for the home page (none upcoming: the home shows none)."""
        return {
            "role": "home",
            "upcoming": [self.card(e) for e in self.upcoming()[:HOME_EVENTS]],
            "events_url": self.index_url,
        }

    def card(self, event: core_events.Event) -> dict:
        """An event as templates show it; URLs are site-relative."""
        network = self.build.network
        past = event.is_past(network.settings.clock)
        recording = self._recording(event) if past else None
        return {
            "title": event.title,
            "url": self.page_urls[event.source],
            "kind": event.kind_label(network.settings.labels),
            "when": self.when(event),
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "description": event.description,
            "place": event.place.lines() if event.place else [],
            "online": event.online if not past else None,
            "is_online": bool(event.online),
            "registration": event.registration
            if not past and event.status == "scheduled"
            else None,
            "speakers": [
                {"name": network.authors[s].name, "url": self.build.view_url("author", s)}
                for s in event.speakers
            ],
            "personas": [
                {"name": network.personas[p].name, "url": self.build.view_url("persona", p)}
                for p in event.personas
            ],
            "ics": self.ics_urls.get(event.source),
            "recording": {"title": recording[0], "url": recording[1]} if recording else None,
            "status": None
            if event.status == "scheduled"
            else network.settings.labels.text(f"event.status.{event.status}"),
            "past": past,
        }

    def when(self, event: core_events.Event) -> Markup:
        """'Wednesday, 20 January 2027, 09:30–16:00 CET' in the event's own time zone."""
        start, end = event.start, event.end
        day = format_date(start, "full", locale=self.locale)
        begins = _time(start, self.locale)
        if start.date() == end.date():
            text = f"{day}, {begins}–{_time(end, self.locale)} {start.tzname()}"
        else:
            other = format_date(end, "full", locale=self.locale)
            text = f"{day}, {begins} – {other}, {_time(end, self.locale)} {end.tzname()}"
        return Markup("{}").format(text)

    def add_head(self, head: Head, page: Page) -> None:
        if self.run is not None:
            src = page.file.src_uri
            role = ("events", "") if src == self.index_src else ("event", src)
            self.run.announce(head, [role])
        event = self.events.get(page.file.src_uri)
        if event is None or page.file.src_uri not in self.page_urls:
            return
        build, network = self.build, self.build.network
        company = self.config.site_author or self.config.site_name
        performers = []
        for speaker in event.speakers:
            author = network.authors[speaker]
            url = build.view_url("author", speaker)
            performers.append(
                metadata.person(
                    name=author.name,
                    url=self.absolute(url) if url and self.base else None,
                    job_title=author.title,
                    works_for=author.organization or company,
                )
            )
        organizer = metadata.organization(name=company, url=self.config.site_url)
        head.jsonld.append(
            core_events.event_jsonld(
                event,
                url=page.canonical_url or (self.absolute(page.url) if self.base else None),
                organizer=organizer,
                performers=performers,
                audiences=[network.personas[p].name for p in event.personas],
            )
        )


def _time(value: datetime, locale: Locale) -> str:
    return format_time(value, "short", tzinfo=value.tzinfo, locale=locale)


def _mentions(nav, src: str) -> bool:
    """Whether the nav configuration names the page `src`."""
    if isinstance(nav, str):
        return nav.strip("/") == src
    if isinstance(nav, dict):
        return any(_mentions(v, src) for v in nav.values())
    if isinstance(nav, list):
        return any(_mentions(v, src) for v in nav)
    return False
