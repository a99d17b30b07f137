"""What the insights page template shows: the report's figures, charts and data tables.

Figures come from the same `Report` as `hubspoke report`. Titles of drafts are
shown only where the network lists drafts (the `mkdocs serve` preview): a
public build never names an unpublished post, it only counts them.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from markupsafe import Markup

from hubspoke.core.editorial import charts
from hubspoke.core.editorial.report import Report, iso, runway_dict
from hubspoke.core.editorial.runway import AHEAD_DAYS, RATE_DAYS, RECENT_DAYS
from hubspoke.outputs import register_files

if TYPE_CHECKING:
    from hubspoke.network.build import NetworkBuild


def insights_context(report: Report, build: NetworkBuild, title: str = "Content insights") -> dict:
    network = build.network
    persona_series = [(p.id, p.name) for p in report.personas]
    clock = report.clock
    listed_drafts = {p.source for p in network.posts if network.visibility(p).listed}

    def linked(rows, kind):
        return [{**runway_dict(r), "url": build.view_url(kind, r.id)} for r in rows]

    months_svg = charts.stacked_bars(
        [(m.key, m.label) for m in report.months],
        persona_series,
        {m.key: m.personas for m in report.months},
        posts={m.key: m.posts for m in report.months},
        title="Published posts per month, per persona",
        desc=_months_desc(report),
    )
    columns = [(c.id, c.name) for c in report.categories]
    coverage_svg = charts.heatmap(
        persona_series,
        columns,
        report.coverage,
        title="Coverage: published posts per persona and category",
        desc=_coverage_desc(report),
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
        title="Author activity",
        desc=_timeline_desc(timeline_rows, report),
    )
    return {
        "title": title,
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
            "columns": [name for _, name in persona_series],
            "rows": [
                {
                    "label": m.label,
                    "counts": [m.personas.get(pid, 0) for pid, _ in persona_series],
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
        "timeline_range": f"{report.timeline_start:%Y-%m-%d} to {report.timeline_end:%Y-%m-%d}",
    }


def _months_desc(report: Report) -> str:
    if not report.months:
        return "No months to show."
    first, last = report.months[0].label, report.months[-1].label
    total = sum(m.posts for m in report.months)
    busiest = max(report.months, key=lambda m: (m.posts, m.key))
    return (
        f"Stacked bars, one per month from {first} to {last}: {total} posts published, "
        f"the most in {busiest.label} ({busiest.posts}). Each bar is split by persona; "
        "a post written for two personas counts once for each. The table below has the numbers."
    )


def _coverage_desc(report: Report) -> str:
    gaps = [
        f"{p.name} in {c.name}"
        for p in report.personas
        for c in report.categories
        if not report.coverage.get((p.id, c.id))
    ]
    text = (
        f"A grid of {len(report.personas)} personas by {len(report.categories)} categories; "
        "each cell shows how many published posts serve that persona in that category."
    )
    return text + (f" {len(gaps)} combinations have no post yet." if gaps else "")


def _timeline_desc(rows, report: Report) -> str:
    active = [name for name, marks in rows if marks]
    return (
        f"One row per author from {report.timeline_start:%Y-%m-%d} to "
        f"{report.timeline_end:%Y-%m-%d}, with a filled dot for each published post and a ring "
        f"for each scheduled one. {len(active)} of {len(rows)} authors have a post in this period."
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
