"""The content report: runway per persona and category, author activity, old drafts.

One `Report` feeds every output: the `hubspoke report` table, JSON and CSV,
and the insights page with its charts. Only published posts (listed, not
unlisted) count as published: an unlisted page does not reach a persona.
Scheduled posts are those with a future date; drafts never count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from fractions import Fraction

from ..network.assembly import Network
from ..network.model import Post
from ..network.publication import State
from ..text import slugify
from .runway import AHEAD_DAYS, RATE_DAYS, RECENT_DAYS, in_last, in_next, runway_days


@dataclass(frozen=True)
class ReportSettings:
    """The report's thresholds: when an author is dormant, a draft old, how far charts go back."""

    dormant_days: int = 90
    draft_days: int = 30
    months: int = 12


@dataclass(frozen=True)
class Runway:
    """The figures of one persona or category."""

    id: str
    name: str
    published_30: int
    published_90: int
    scheduled_30: int
    scheduled: int
    runway_days: int
    last_post: date | None
    next_post: date | None

    @property
    def nothing_scheduled(self) -> bool:
        return self.scheduled == 0


@dataclass(frozen=True)
class AuthorActivity:
    """One author's last and next post, and whether they have gone quiet.

    Dormant: an active expert with no published post in the last `dormant_days`
    days and none scheduled in the next `dormant_days` days (guests are invited
    post by post, so no pace is expected of them). `no_spokes`: an
    active author who lists no social profile, so the hub has no spoke through
    which their posts travel (the way this report reads "spokes unused").
    """

    id: str
    name: str
    role: str
    active: bool
    published_30: int
    published_90: int
    published: int
    scheduled: int
    last_post: date | None
    next_post: date | None
    days_since_last: int | None
    dormant: bool
    spokes: tuple[str, ...]

    @property
    def no_spokes(self) -> bool:
        return self.active and not self.spokes


@dataclass(frozen=True)
class Draft:
    """A draft post and how long ago its date was."""

    source: str
    path: str
    title: str
    authors: tuple[str, ...]
    date: date
    age_days: int
    stale: bool


@dataclass(frozen=True)
class Month:
    """Published posts of one calendar month, per persona.

    `personas` counts a post once for each of its personas (what `hubspoke report`
    lists), so it can add up to more than `posts`. `shares` splits each post equally
    between its personas, and `without_persona` counts the posts of no known
    persona: together they add up to `posts` exactly, which is what a stacked bar of
    the month needs to be as tall as the month's posts.
    """

    key: str  # 2026-10 (the insights page names it in the site language)
    posts: int
    personas: dict[str, int]
    shares: dict[str, Fraction] = field(default_factory=dict)
    without_persona: int = 0


@dataclass(frozen=True)
class Mark:
    """One post on an author's timeline."""

    date: date
    scheduled: bool


@dataclass
class Report:
    """Every figure of the content report, as of one clock."""

    clock: datetime
    settings: ReportSettings
    personas: list[Runway]
    categories: list[Runway]
    authors: list[AuthorActivity]
    drafts: list[Draft]
    months: list[Month]
    coverage: dict[tuple[str, str], int]
    timeline_start: date  # the first charted month to the end of the look-ahead
    timeline_end: date
    timeline: dict[str, list[Mark]] = field(default_factory=dict)

    @property
    def nothing_scheduled(self) -> list[Runway]:
        return [p for p in self.personas if p.nothing_scheduled]

    @property
    def dormant(self) -> list[AuthorActivity]:
        return [a for a in self.authors if a.dormant]

    @property
    def without_spokes(self) -> list[AuthorActivity]:
        return [a for a in self.authors if a.no_spokes]

    @property
    def stale_drafts(self) -> list[Draft]:
        return [d for d in self.drafts if d.stale]

    def short_runways(self, days: int) -> list[Runway]:
        """Personas whose runway is shorter than `days`."""
        return [p for p in self.personas if p.runway_days < days]

    def as_dict(self) -> dict:
        """The report as JSON-ready data (dates as ISO text)."""
        return {
            "clock": self.clock.isoformat(),
            "windows": {
                "recent_days": RECENT_DAYS,
                "rate_days": RATE_DAYS,
                "ahead_days": AHEAD_DAYS,
                "dormant_days": self.settings.dormant_days,
                "draft_days": self.settings.draft_days,
            },
            "personas": [runway_dict(r) for r in self.personas],
            "categories": [runway_dict(r) for r in self.categories],
            "authors": [_author_dict(a) for a in self.authors],
            "drafts": [_draft_dict(d) for d in self.drafts],
            "months": [
                {"month": m.key, "posts": m.posts, "personas": dict(m.personas)}
                for m in self.months
            ],
            "coverage": [
                {"persona": p, "category": c, "posts": n}
                for (p, c), n in sorted(self.coverage.items())
            ],
            "summary": {
                "nothing_scheduled": [p.id for p in self.nothing_scheduled],
                "dormant_authors": [a.id for a in self.dormant],
                "authors_without_spokes": [a.id for a in self.without_spokes],
                "stale_drafts": [d.path for d in self.stale_drafts],
                "shortest_runway": _shortest(self.personas),
            },
        }


def build_report(
    network: Network,
    tz: tzinfo,
    settings: ReportSettings = ReportSettings(),
    *,
    shown: Mapping[str, str] | None = None,
    categories_allowed: Iterable[str] = (),
) -> Report:
    """The report for `network` as of its clock; local dates in the site's zone `tz`."""
    clock = network.settings.clock.astimezone(tz)
    shown = shown or {}
    states = {p.source: network.visibility(p).state for p in network.posts}
    published = [p for p in network.posts if states[p.source] is State.PUBLISHED]
    scheduled = [p for p in network.posts if states[p.source] is State.SCHEDULED]

    personas = sorted(network.personas.values(), key=lambda p: (p.name.lower(), p.id))
    persona_rows = [
        _runway(
            p.id, p.name, published, scheduled, clock, tz, lambda post, k=p.id: k in post.personas
        )
        for p in personas
    ]
    categories: dict[str, str] = {slugify(name): name for name in categories_allowed}
    for post in reversed(published + scheduled):
        for category in post.categories:
            categories.setdefault(category.slug, category.name)
    category_rows = [
        _runway(
            slug,
            name,
            published,
            scheduled,
            clock,
            tz,
            lambda post, k=slug: any(c.slug == k for c in post.categories),
        )
        for slug, name in sorted(categories.items(), key=lambda item: item[1].lower())
    ]

    authors = [
        _author(a, published, scheduled, clock, tz, settings)
        for a in sorted(network.authors.values(), key=lambda a: (a.name.lower(), a.id))
    ]
    drafts = [
        _draft(p, shown.get(p.source, p.source), clock, tz, settings)
        for p in sorted(network.posts, key=lambda p: (p.date, p.source))
        if states[p.source] is State.DRAFT
    ]
    months = count_months(published, [p.id for p in personas], clock, tz, settings.months)
    coverage = Counter(
        (persona, category.slug)
        for post in published
        for persona in dict.fromkeys(post.personas)
        for category in post.categories
        if persona in network.personas
    )
    for persona in personas:
        for slug in categories:
            coverage.setdefault((persona.id, slug), 0)
    first = months[0].key if months else f"{clock:%Y-%m}"
    report = Report(
        clock,
        settings,
        persona_rows,
        category_rows,
        authors,
        drafts,
        months,
        dict(coverage),
        timeline_start=date(int(first[:4]), int(first[5:7]), 1),
        timeline_end=clock.date() + timedelta(days=AHEAD_DAYS),
    )
    _timeline(report, published, scheduled, tz)
    return report


def _local(value: datetime, tz: tzinfo) -> date:
    return value.astimezone(tz).date()


def _runway(key, name, published, scheduled, clock, tz, belongs) -> Runway:
    mine = [p.date for p in published if belongs(p)]
    queued = [p.date for p in scheduled if belongs(p)]
    return Runway(
        id=key,
        name=name,
        published_30=in_last(mine, clock, RECENT_DAYS),
        published_90=in_last(mine, clock, RATE_DAYS),
        scheduled_30=in_next(queued, clock, AHEAD_DAYS),
        scheduled=len(queued),
        runway_days=runway_days(mine, queued, clock, RATE_DAYS),
        last_post=_local(max(mine), tz) if mine else None,
        next_post=_local(min(queued), tz) if queued else None,
    )


def _author(author, published, scheduled, clock, tz, settings: ReportSettings) -> AuthorActivity:
    mine = [p.date for p in published if author.id in p.authors]
    queued = [p.date for p in scheduled if author.id in p.authors]
    last = max(mine) if mine else None
    since = (clock.date() - _local(last, tz)).days if last else None
    quiet_before = since is None or since > settings.dormant_days
    quiet_ahead = in_next(queued, clock, settings.dormant_days) == 0
    dormant = author.active and not author.is_guest and quiet_before and quiet_ahead
    return AuthorActivity(
        id=author.id,
        name=author.name,
        role=author.role,
        active=author.active,
        published_30=in_last(mine, clock, RECENT_DAYS),
        published_90=in_last(mine, clock, RATE_DAYS),
        published=len(mine),
        scheduled=len(queued),
        last_post=_local(last, tz) if last else None,
        next_post=_local(min(queued), tz) if queued else None,
        days_since_last=since,
        dormant=dormant,
        spokes=tuple(spoke.network for spoke in author.spokes),
    )


def _draft(post: Post, path: str, clock, tz, settings: ReportSettings) -> Draft:
    age = (clock.date() - _local(post.date, tz)).days
    return Draft(
        source=post.source,
        path=path,
        title=post.title,
        authors=post.authors,
        date=_local(post.date, tz),
        age_days=age,
        stale=age > settings.draft_days,
    )


def month_keys(clock: datetime, count: int) -> list[tuple[int, int]]:
    """(year, month) of the `count` calendar months up to and including the clock's."""
    year, month = clock.year, clock.month
    keys = []
    for _ in range(count):
        keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(keys))


def count_months(
    published: Iterable[Post], persona_ids: list[str], clock: datetime, tz: tzinfo, count: int
) -> list[Month]:
    """The `count` calendar months up to the clock's (local to `tz`), each with its
    published posts, posts per persona and each post's equal share per persona."""
    keys = month_keys(clock, count)
    buckets: dict[tuple[int, int], Counter] = defaultdict(Counter)
    shares: dict[tuple[int, int], dict[str, Fraction]] = defaultdict(dict)
    totals: Counter = Counter()
    alone: Counter = Counter()
    known = set(persona_ids)
    for post in published:
        local = post.date.astimezone(tz)
        key = (local.year, local.month)
        totals[key] += 1
        mine = [p for p in dict.fromkeys(post.personas) if p in known]
        if not mine:
            alone[key] += 1
        for persona in mine:
            buckets[key][persona] += 1
            shares[key][persona] = shares[key].get(persona, Fraction(0)) + Fraction(1, len(mine))
    return [
        Month(
            key=f"{y:04d}-{m:02d}",
            posts=totals[(y, m)],
            personas={p: buckets[(y, m)][p] for p in persona_ids},
            shares={p: shares[(y, m)].get(p, Fraction(0)) for p in persona_ids},
            without_persona=alone[(y, m)],
        )
        for y, m in keys
    ]


def _timeline(report: Report, published, scheduled, tz) -> None:
    """Each author's posts from the first charted month to the end of the look-ahead."""
    start, end = report.timeline_start, report.timeline_end
    queued = {p.source for p in scheduled}
    for author in report.authors:
        marks = [
            Mark(_local(p.date, tz), p.source in queued)
            for p in sorted(published + scheduled, key=lambda p: (p.date, p.source))
            if author.id in p.authors and start <= _local(p.date, tz) <= end
        ]
        report.timeline[author.id] = marks


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def runway_dict(row: Runway) -> dict:
    """A runway row as plain JSON-ready data (the report's JSON and the insights page)."""
    return {
        "id": row.id,
        "name": row.name,
        "published_30": row.published_30,
        "published_90": row.published_90,
        "scheduled_30": row.scheduled_30,
        "scheduled": row.scheduled,
        "runway_days": row.runway_days,
        "last_post": iso(row.last_post),
        "next_post": iso(row.next_post),
        "nothing_scheduled": row.nothing_scheduled,
    }


def _author_dict(row: AuthorActivity) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "role": row.role,
        "active": row.active,
        "published_30": row.published_30,
        "published_90": row.published_90,
        "published": row.published,
        "scheduled": row.scheduled,
        "last_post": iso(row.last_post),
        "next_post": iso(row.next_post),
        "days_since_last": row.days_since_last,
        "dormant": row.dormant,
        "spokes": list(row.spokes),
        "no_spokes": row.no_spokes,
    }


def _draft_dict(row: Draft) -> dict:
    return {
        "path": row.path,
        "title": row.title,
        "authors": list(row.authors),
        "date": row.date.isoformat(),
        "age_days": row.age_days,
        "stale": row.stale,
    }


def _shortest(rows: list[Runway]) -> dict | None:
    if not rows:
        return None
    row = min(rows, key=lambda r: (r.runway_days, r.name.lower()))
    return {"id": row.id, "runway_days": row.runway_days}
