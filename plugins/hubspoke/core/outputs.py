"""Every file Hubspoke generates besides pages: one table of outputs, one table of claims.

An entry of `TABLE` (an `OutputSpec`) declares one kind of output file: its name,
its URL format (a path template with one placeholder for the key), which items it
selects from the site (`select`), its writer (bytes from the site and the selected
items), its media type, and its discovery link (which pages announce it with
`<link rel="alternate">` and which show a "Follow" link). Post feeds in every
format and kind, podcast feeds per show and the calendars are entries; adding an
output is adding an entry (see `tag_feed` in the tests).

`Claims` is the one register of destination paths: every output and every generated
page claims its path there, and `collisions()` hands every clash over at once, each
naming both claimants and the option that moves one of them. The build claims every
path it knows before pages are rendered and refuses the clashes in one message, at
the end of on_files (`hubspoke.build_order`).

Where each kind is announced (decided here, once):
- post feeds: the site's feeds on every page, a feed of one author, persona or
  category on that index page (which also shows the "Follow" link);
- podcast feeds: on every episode page of the show and on the blog home (listeners
  find a show from its episodes; the blog home lists every episode);
- calendars: the calendar of one event on its page; the calendar of upcoming events
  on the events page and on every event page.

The adapter (`hubspoke.outputs`) gives the site (`OutputSite`) and writes the files.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import quote

from .feeds import writers as feed_writers
from .feeds.table import DEFAULT_PATHS as FEED_PATHS
from .feeds.table import FORMATS, KINDS, FeedKind, FeedSpec, describe, select
from .media import podcast
from .urls import format_path

Role = tuple[str, str]  # (page kind, key): ("blog", ""), ("author", "ada"), ("post", source)
EVERY_PAGE: Role = ("*", "")


class OutputSite(Protocol):
    """What the table's functions read: the site model and the writers' services."""

    network: Any  # core.network.assembly.Network
    site_name: str
    tagline: str | None
    items_limit: int
    labels: Any  # core.labels.Labels of the theme language

    def episodes(self) -> Mapping[str, Sequence[Any]]: ...  # show -> syndicated audio posts
    def built_events(self) -> Sequence[Any]: ...  # every built event (core.media.events.Event)
    def upcoming_events(self) -> Sequence[Any] | None: ...  # None: the site has no events page
    def show_title(self, key: str) -> str: ...
    def feed(self, output: Output) -> Any: ...  # the core.feeds.table.Feed of a post feed
    def show(self, output: Output) -> podcast.Show: ...
    def episode(self, post: Any) -> podcast.Episode: ...
    def calendar_entry(self, event: Any) -> Any: ...  # core.media.ical.Entry
    def calendar_name(self) -> str: ...


class PartialSite:
    """A site that offers only some outputs: the rest select nothing and have no writer.
    The adapters' sites (post feeds, podcasts, calendars) start from it."""

    def episodes(self) -> Mapping[str, Sequence[Any]]:
        return {}

    def built_events(self) -> Sequence[Any]:
        return ()

    def upcoming_events(self) -> Sequence[Any] | None:
        return None

    def _none(self, what: str) -> NotImplementedError:
        return NotImplementedError(f"{type(self).__name__} writes no {what}")

    def show_title(self, key: str) -> str:
        raise self._none("podcast")

    def feed(self, output: Output) -> Any:
        raise self._none("post feed")

    def show(self, output: Output) -> podcast.Show:
        raise self._none("podcast")

    def episode(self, post: Any) -> podcast.Episode:
        raise self._none("podcast")

    def calendar_entry(self, event: Any) -> Any:
        raise self._none("calendar")

    def calendar_name(self) -> str:
        raise self._none("calendar")


def _nowhere(site: OutputSite, output: Output) -> Iterable[Role]:
    return ()


@dataclass(frozen=True)
class OutputSpec:
    """One row of the table of outputs: a kind of generated file.

    `path` is the default URL format, `option` the option that changes it (None: fixed),
    `key` the placeholder `path` must use (None: one file). `select` maps the site to
    {key: items}; a key is written even with no items only if `select` returns it.
    `describe` gives a key's (title, description) from its items; `write` the bytes.
    Entries of one `group` (the formats of one feed kind) select and describe alike:
    a plan asks the first of them only. `announce` and `follow`
    name the pages whose head links the file and which show a "Follow" link.
    `owner` is the plugin that writes it (and whose options turn it on).
    """

    name: str
    owner: str
    path: str
    option: str | None
    key: str | None
    media_type: str
    label: str
    what: str  # how messages name one file: "the Atom feed of author '{key}'"
    select: Callable[[OutputSite], Mapping[str, tuple]]
    describe: Callable[[OutputSite, str, tuple], tuple[str, str]]
    write: Callable[[OutputSite, Output], bytes]
    announce: Callable[[OutputSite, Output], Iterable[Role]] = _nowhere
    follow: Callable[[OutputSite, Output], Iterable[Role]] = _nowhere
    feed: FeedSpec | None = None  # a post feed: its kind and format
    shown: Callable[[Output], str] | None = None  # how messages name one file, if not `what`
    same_fix: Callable[[str], str] | None = None  # the fix when two of its files clash
    values: Callable[[str, tuple], Mapping[str, str]] | None = None  # placeholders, if not key
    group: Hashable = None  # entries that select and describe alike


@dataclass(frozen=True)
class Output:
    """One file of the table: an entry for one key, where it goes, what it holds."""

    spec: OutputSpec
    key: str
    path: str
    items: tuple
    title: str
    description: str

    @property
    def href(self) -> str:
        """Site-relative URL, as templates and the `url` filter expect."""
        return quote(self.path)

    @property
    def link_title(self) -> str:
        return f"{self.title} ({self.spec.label})"

    def __str__(self) -> str:
        if self.spec.shown is not None:
            return self.spec.shown(self)
        return self.spec.what.format(key=self.key, label=self.spec.label)


def plan(
    table: Iterable[OutputSpec], site: OutputSite, paths: Mapping[str, str | None]
) -> list[Output]:
    """Every output of the entries `paths` turns on (entry name -> path format; None or
    missing: off), for every key they select, in the order of the table then of keys."""
    outputs = []
    selected: dict[Hashable, list[tuple[str, tuple, tuple[str, str]]]] = {}
    for spec in table:
        fmt = paths.get(spec.name)
        if fmt is None:
            continue
        group = spec.group if spec.group is not None else id(spec)
        if group not in selected:
            found = sorted((key, tuple(items)) for key, items in spec.select(site).items())
            selected[group] = [
                (key, items, spec.describe(site, key, items)) for key, items in found
            ]
        for key, items, (title, description) in selected[group]:
            if spec.values is not None:
                path = format_path(fmt, **spec.values(key, items))
            else:
                path = format_path(fmt, **({spec.key: key} if spec.key else {}))
            outputs.append(Output(spec, key, path, items, title, description))
    return outputs


@dataclass(frozen=True)
class Announcement:
    """Where the outputs are announced: head links and "Follow" links by page role."""

    links: Mapping[Role, tuple[Output, ...]]
    follows: Mapping[Role, tuple[Output, ...]]

    def links_on(self, roles: Iterable[Role]) -> list[Output]:
        """The outputs a page with `roles` links in its head: every-page ones first."""
        found: dict[int, Output] = {}
        for role in (EVERY_PAGE, *roles):
            for output in self.links.get(role, ()):
                found.setdefault(id(output), output)
        return list(found.values())

    def follows_on(self, roles: Iterable[Role]) -> list[Output]:
        found: dict[int, Output] = {}
        for role in roles:
            for output in self.follows.get(role, ()):
                found.setdefault(id(output), output)
        return list(found.values())


def announcement(outputs: Iterable[Output], site: OutputSite) -> Announcement:
    links: dict[Role, list[Output]] = {}
    follows: dict[Role, list[Output]] = {}
    for output in outputs:
        for role in dict.fromkeys(output.spec.announce(site, output)):
            links.setdefault(role, []).append(output)
        for role in dict.fromkeys(output.spec.follow(site, output)):
            follows.setdefault(role, []).append(output)
    return Announcement(
        {r: tuple(o) for r, o in links.items()}, {r: tuple(o) for r, o in follows.items()}
    )


# -- claims --------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """Who writes a path: how messages name them, the option that moves them, a fix."""

    who: str
    option: str | None = None
    fix: str | None = None
    token: object = None  # the file object behind a claim, when there is one
    owner: str | None = None  # the section that writes it ("hubspoke/feeds"); None: a file


@dataclass(frozen=True)
class Collision:
    path: str
    claim: Claim
    other: Claim

    @property
    def option(self) -> tuple[str | None, str | None]:
        """(owner, name) of the option that moves one of the two files, if either has one."""
        for claim in (self.claim, self.other):
            if claim.option:
                return claim.owner, claim.option
        return None, None

    @property
    def owner(self) -> str | None:
        """The section that reports the clash: the writer of either file."""
        return self.claim.owner or self.other.owner

    @property
    def message(self) -> str:
        claim = self.claim
        if claim.fix:
            fix = claim.fix
        elif claim.option:
            fix = f"change the option {claim.option} or move the other file"
        elif self.other.option:
            fix = f"change the option {self.other.option} or move the other file"
        else:
            fix = "rename or move one of them"
        return (
            f"{claim.who} would be written to '{self.path}', which {self.other.who} "
            f"already produces; {fix}"
        )


@dataclass
class Claims:
    """The one register of output paths. The first claim of a path wins; each later one
    is a collision, kept until `collisions()` hands them all over at once."""

    _by_path: dict[str, Claim] = field(default_factory=dict)
    _pending: list[Collision] = field(default_factory=list)

    def claim(
        self,
        path: str,
        who: str,
        *,
        option: str | None = None,
        fix: str | None = None,
        token: object = None,
        owner: str | None = None,
    ) -> bool:
        """Claim `path`; False (and a collision noted) when someone else has it."""
        mine = Claim(who, option, fix, token, owner)
        other = self._by_path.get(path)
        if other is None:
            self._by_path[path] = mine
            return True
        if other.who == who or (token is not None and other.token is token):
            return True
        self._pending.append(Collision(path, mine, other))
        return False

    def settle(self, path: str, token: object) -> None:
        """The claimant of `path` now exists as `token` (its file was added)."""
        claim = self._by_path[path]
        self._by_path[path] = replace(claim, token=token)

    def holder(self, path: str) -> Claim | None:
        return self._by_path.get(path)

    def collisions(self) -> list[Collision]:
        """Every collision since the last call, in the order they were found."""
        found, self._pending = self._pending, []
        return found


def claim_outputs(
    claims: Claims, outputs: Iterable[Output], paths: Mapping[str, str | None]
) -> None:
    """Claim every output's path; a clash between two files of one entry gets its fix."""
    for output in outputs:
        spec = output.spec
        holder = claims.holder(output.path)
        fix = None
        if holder is not None and isinstance(holder.token, Output) and holder.token.spec is spec:
            fix = spec.same_fix(paths[spec.name] or "") if spec.same_fix else None
        claims.claim(
            output.path,
            str(output),
            option=spec.option,
            fix=fix,
            token=output,
            owner=spec.owner,
        )


# -- the table -----------------------------------------------------------------


def post_feed(
    kind: FeedKind | str, fmt: str, path: str | None = None, keys: Iterable[str] | None = None
) -> OutputSpec:
    """The entry of the posts feed of `kind` (a FeedKind, or the name of one of KINDS)
    in format `fmt`, at `path` (default: DEFAULT_PATHS), for every key or only `keys`."""
    kind = KINDS[kind] if isinstance(kind, str) else kind
    path = path or FEED_PATHS[kind.name][fmt]
    spec = FeedSpec(kind, FORMATS[fmt], path)
    single = kind.name == "site"
    what = (
        "the {label} feed of the site" if single else f"the {{label}} feed of {kind.name} '{{key}}'"
    )
    wanted = None if keys is None else set(keys)

    def pick(site: OutputSite) -> Mapping[str, tuple]:
        found = select(site.network, [spec], site.items_limit)
        return {
            key: posts
            for (name, key), posts in found.items()
            if name == kind.name and (wanted is None or key in wanted)
        }

    def home(site: OutputSite, output: Output) -> Iterable[Role]:
        return [(kind.view, output.key)]

    return OutputSpec(
        name=f"feed.{kind.name}.{fmt}",
        owner="hubspoke/feeds",
        path=path,
        option=f"paths.{kind.name}.{fmt}" if kind.name in KINDS else None,
        key=None if single else "key",
        media_type=spec.format.media_type,
        label=spec.format.label,
        what=what,
        select=pick,
        describe=lambda site, key, items: describe(
            site.network,
            kind.name,
            key,
            site=site.site_name,
            tagline=site.tagline,
            labels=site.labels,
        ),
        write=lambda site, output: feed_writers.render(site.feed(output)),
        announce=(lambda site, output: [EVERY_PAGE]) if single else home,
        follow=home,
        feed=spec,
        group=("feed", kind.name, None if wanted is None else frozenset(wanted)),
    )


def _podcast_write(site: OutputSite, output: Output) -> bytes:
    return podcast.podcast_rss(site.show(output), [site.episode(p) for p in output.items])


PODCAST = OutputSpec(
    name="podcast",
    owner="hubspoke/media",
    path="podcasts/{key}.xml",
    option="podcast_path",
    key="key",
    media_type="application/rss+xml",
    label="Podcast",
    what="the podcast feed of show '{key}'",
    select=lambda site: {show: tuple(posts) for show, posts in site.episodes().items() if posts},
    describe=lambda site, key, items: (site.show_title(key), ""),
    write=_podcast_write,
    announce=lambda site, output: [("blog", ""), *(("post", p.source) for p in output.items)],
    same_fix=lambda fmt: "put {key} in the option podcast_path, so each show has its own feed",
)


def _event_calendar(site: OutputSite, output: Output) -> bytes:
    from .media import ical  # icalendar is large: loaded by sites with events only

    (event,) = output.items
    return ical.calendar(
        [site.calendar_entry(event)],
        name=event.title,
        description=event.description,
        labels=site.labels,
    )


def _events_calendar(site: OutputSite, output: Output) -> bytes:
    from .media import ical

    entries = [site.calendar_entry(e) for e in output.items]
    return ical.calendar(
        entries, name=site.calendar_name(), description=site.tagline, labels=site.labels
    )


EVENT_CALENDAR = OutputSpec(
    name="calendar.event",
    owner="hubspoke/media",
    path="events/{slug}.ics",
    option="events_ics_path",
    key="slug",
    media_type="text/calendar",
    label="iCalendar",
    what="the calendar file of {key}",
    select=lambda site: {e.source: (e,) for e in site.built_events()},
    describe=lambda site, key, items: (items[0].title, ""),
    values=lambda key, items: {"slug": items[0].slug},
    write=_event_calendar,
    announce=lambda site, output: [("event", e.source) for e in output.items],
    shown=lambda output: f"the calendar file of {output.items[0].shown}",
    same_fix=lambda fmt: (
        "rename one of the two event files, so their slugs differ"
        if "{slug}" in fmt
        else "put {slug} in the option events_ics_path, so each event has its own file"
    ),
)


def _upcoming(site: OutputSite) -> dict[str, tuple]:
    """One calendar of the upcoming events, even empty, once the site has an events page."""
    events = site.upcoming_events()
    return {} if events is None else {"": tuple(events)}


EVENTS_CALENDAR = OutputSpec(
    name="calendar.upcoming",
    owner="hubspoke/media",
    path="events/upcoming.ics",
    option="events_calendar_path",
    key=None,
    media_type="text/calendar",
    label="iCalendar",
    what="the calendar of upcoming events",
    select=lambda site: _upcoming(site),
    describe=lambda site, key, items: (site.calendar_name(), ""),
    write=_events_calendar,
    announce=lambda site, output: [
        ("events", ""),
        *(("event", e.source) for e in site.built_events()),
    ],
)

POST_FEEDS = tuple(post_feed(kind, fmt) for kind in KINDS for fmt in FORMATS)

TABLE: tuple[OutputSpec, ...] = (*POST_FEEDS, PODCAST, EVENT_CALENDAR, EVENTS_CALENDAR)
