"""What the insights page template shows: the report's figures, charts and data tables.

Figures come from the same `Report` as `hubspoke report`. Titles of drafts are
shown only where the network lists drafts (the `mkdocs serve` preview): a
public build never names an unpublished post, it only counts them. The page is a
page of the site: its words, charts and month names follow the site's language
(`hubspoke report` in the terminal stays English, like every CLI message).
"""

from __future__ import annotations

from dataclasses import asdict
from fractions import Fraction
from typing import TYPE_CHECKING

from markupsafe import Markup

from hubspoke.core.editorial import charts
from hubspoke.core.editorial.report import Report, iso, runway_dict
from hubspoke.core.editorial.runway import AHEAD_DAYS, RATE_DAYS, RECENT_DAYS
from hubspoke.core.labels import Labels
from hubspoke.outputs import register_files

if TYPE_CHECKING:
    from hubspoke.network.build import NetworkBuild


def insights_title(labels: Labels, option: str | None) -> str:
    """The page's title: `insights_title` as set, else the site language's."""
    return labels.option(option, "page.insights")


def insights_context(report: Report, build: NetworkBuild, title: str | None = None) -> dict:
    network = build.network
    labels = network.settings.labels
    persona_series = [(p.id, p.name) for p in report.personas]
    clock = report.clock
    listed_drafts = {p.source for p in network.posts if network.visibility(p).listed}

    def linked(rows, kind):
        return [{**runway_dict(r), "url": build.view_url(kind, r.id)} for r in rows]

    month_series, month_counts = _month_stacks(report, persona_series, labels)
    months_svg = charts.stacked_bars(
        [m.key for m in report.months],
        month_series,
        month_counts,
        labels=labels,
        title=labels.text("chart.months"),
        desc=_months_desc(report, labels),
    )
    columns = [(c.id, c.name) for c in report.categories]
    coverage_svg = charts.heatmap(
        persona_series,
        columns,
        report.coverage,
        labels=labels,
        title=labels.text("chart.coverage"),
        desc=_coverage_desc(report, labels),
    )
    names = {a.id: a.name for a in report.authors}
    timeline_rows = [
        (names[a.id], [(m.date, m.scheduled) for m in report.timeline.get(a.id, [])])
        for a in report.authors
        if a.active or report.timeline.get(a.id)
    ]
    timeline_svg = charts.timeline(
        timeline_rows,
        report.timeline_start,
        report.timeline_end,
        clock.date(),
        labels=labels,
        title=labels.text("chart.timeline"),
        desc=_timeline_desc(timeline_rows, report, labels),
    )
    return {
        "title": insights_title(labels, title),
        "clock": f"{clock:%Y-%m-%d %H:%M %Z}",
        "windows": {
            "recent": RECENT_DAYS,
            "rate": RATE_DAYS,
            "ahead": AHEAD_DAYS,
            "dormant": report.settings.dormant_days,
            "drafts": report.settings.draft_days,
            "months": report.settings.months,
        },
        "personas": linked(report.personas, "persona"),
        "categories": linked(report.categories, "category"),
        "authors": [
            {
                **asdict(a),
                "url": build.view_url("author", a.id),
                "last_post": iso(a.last_post),
                "next_post": iso(a.next_post),
                "no_spokes": a.no_spokes,
            }
            for a in report.authors
        ],
        "nothing_scheduled": [p.name for p in report.nothing_scheduled],
        "dormant": [a.name for a in report.dormant],
        "without_spokes": [a.name for a in report.without_spokes],
        "drafts": {
            "count": len(report.drafts),
            "stale": len(report.stale_drafts),
            "listed": [
                {"title": d.title, "path": d.path, "age": d.age_days, "stale": d.stale}
                for d in report.drafts
                if d.source in listed_drafts
            ],
        },
        "charts": {
            "months": Markup(months_svg),
            "coverage": Markup(coverage_svg),
            "timeline": Markup(timeline_svg),
        },
        "month_table": {
            "columns": [name for _, name in month_series],
            "rows": [
                {
                    "label": charts.month_label(labels, m.key),
                    "counts": [
                        charts.amount(labels, month_counts[m.key].get(sid, 0))
                        for sid, _ in month_series
                    ],
                    "posts": m.posts,
                }
                for m in report.months
            ],
        },
        "coverage_table": {
            "columns": [name for _, name in columns],
            "rows": [
                {"name": name, "counts": [report.coverage.get((pid, cid), 0) for cid, _ in columns]}
                for pid, name in persona_series
            ],
        },
        "timeline_table": [
            {
                "name": name,
                "published": sum(1 for _, scheduled in marks if not scheduled),
                "scheduled": sum(1 for _, scheduled in marks if scheduled),
            }
            for name, marks in timeline_rows
        ],
        "timeline_range": {
            "start": f"{report.timeline_start:%Y-%m-%d}",
            "end": f"{report.timeline_end:%Y-%m-%d}",
        },
    }


# The stack of the posts of no known persona: no persona id is empty.
WITHOUT_PERSONA = ""


def _month_stacks(report: Report, persona_series, labels: Labels):
    """The months chart's series and counts: each persona's share of the month's posts
    (a post of two personas is half a post to each) and, when a month has any, the
    posts of no persona, so that every bar adds up to the month's published posts."""
    series = list(persona_series)
    counts = {
        m.key: {**m.shares, WITHOUT_PERSONA: Fraction(m.without_persona)} for m in report.months
    }
    if any(m.without_persona for m in report.months):
        series.append((WITHOUT_PERSONA, labels.text("chart.without_persona")))
    return series, counts


def _months_desc(report: Report, labels: Labels) -> str:
    if not report.months:
        return labels.text("chart.months_none")
    busiest = max(report.months, key=lambda m: (m.posts, m.key))
    return labels.text(
        "chart.months_desc",
        first=charts.month_label(labels, report.months[0].key),
        last=charts.month_label(labels, report.months[-1].key),
        total=sum(m.posts for m in report.months),
        busiest=charts.month_label(labels, busiest.key),
        most=busiest.posts,
    )


def _coverage_desc(report: Report, labels: Labels) -> str:
    gaps = sum(
        1
        for p in report.personas
        for c in report.categories
        if not report.coverage.get((p.id, c.id))
    )
    text = labels.text(
        "chart.coverage_desc", personas=len(report.personas), categories=len(report.categories)
    )
    return text + (" " + labels.text("chart.coverage_gaps", count=gaps) if gaps else "")


def _timeline_desc(rows, report: Report, labels: Labels) -> str:
    return labels.text(
        "chart.timeline_desc",
        start=f"{report.timeline_start:%Y-%m-%d}",
        end=f"{report.timeline_end:%Y-%m-%d}",
        active=sum(1 for _, marks in rows if marks),
        total=len(rows),
    )


def claim_page(network_build: NetworkBuild, files, config, page) -> None:
    """Claim the insights page's path in the one register of output paths (a clash names
    both and the option insights_url)."""
    claims = network_build.claims
    register_files(claims, files, config)
    claims.claim(
        page.dest_uri,
        "the insights page",
        option="insights_url",
        token=page,
        owner="hubspoke/editorial",
    )
