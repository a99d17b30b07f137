"""The content report as text: a readable table, JSON and CSV.

JSON is `Report.as_dict()`. CSV is one table with a `section` column
(persona, category, author, draft) so that a spreadsheet can filter it;
cells that do not apply to a section are empty.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from .report import Report, Runway
from .runway import AHEAD_DAYS, RATE_DAYS, RECENT_DAYS

Style = Callable[[str, str], str]
NONE = "-"

CSV_FIELDS = (
    "section",
    "id",
    "name",
    "role",
    "active",
    "published_30",
    "published_90",
    "published",
    "scheduled_30",
    "scheduled",
    "runway_days",
    "last_post",
    "next_post",
    "days_since_last",
    "nothing_scheduled",
    "dormant",
    "spokes",
    "no_spokes",
    "path",
    "title",
    "authors",
    "date",
    "age_days",
    "stale",
)


def plain(text: str, _kind: str) -> str:
    return text


def to_json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"


def to_csv(report: Report) -> str:
    data = report.as_dict()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for section, rows in (
        ("persona", data["personas"]),
        ("category", data["categories"]),
        ("author", data["authors"]),
        ("draft", data["drafts"]),
    ):
        for row in rows:
            writer.writerow({"section": section, **{k: _cell(v) for k, v in row.items()}})
    return out.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def to_table(report: Report, style: Style = plain, *, fail_under: int | None = None) -> str:
    """The report as aligned text for a terminal; `style(text, kind)` may colour it."""
    s = report.settings
    lines = [
        style(f"Content runway as of {report.clock:%Y-%m-%d %H:%M %Z}", "heading"),
        f"Published in the last {RECENT_DAYS} and {RATE_DAYS} days, scheduled in the next "
        f"{AHEAD_DAYS} days and in total.",
        f"Runway: days until the queue falls behind the pace of the last {RATE_DAYS} days.",
        "",
    ]
    threshold = fail_under if fail_under is not None else 1
    for title, rows in (("Personas", report.personas), ("Categories", report.categories)):
        lines += _runway_table(title, rows, style, threshold)
        if title == "Personas":
            empty = ", ".join(r.name for r in report.nothing_scheduled)
            lines.append(
                "Nothing scheduled: " + (style(empty, "warn") if empty else style("none", "good"))
            )
        lines.append("")

    headers = ("Authors", "Role", "Last 90", "Total", "Last post", "Days", "Next post", "Spokes")
    author_rows: list[tuple[str, ...]] = []
    kinds: list[str] = []
    for a in report.authors:
        status = "former" if not a.active else "dormant" if a.dormant else ""
        if a.no_spokes:
            status = (status + ", no spokes").lstrip(", ")
        author_rows.append(
            (
                a.name,
                a.role,
                str(a.published_90),
                str(a.published),
                _date(a.last_post),
                NONE if a.days_since_last is None else str(a.days_since_last),
                _date(a.next_post),
                str(len(a.spokes)),
                status,
            )
        )
        kinds.append("warn" if a.dormant or a.no_spokes else "dim" if not a.active else "")
    lines += _table((*headers, "Status"), author_rows, "llrrlrlrl", style, kinds)
    dormant = ", ".join(a.name for a in report.dormant)
    lines.append(
        f"Dormant (nothing published in {s.dormant_days} days and nothing scheduled in the next "
        f"{s.dormant_days}): " + (style(dormant, "warn") if dormant else style("none", "good"))
    )
    bare = ", ".join(a.name for a in report.without_spokes)
    lines.append(
        "Without spokes (no social profile listed): "
        + (style(bare, "warn") if bare else style("none", "good"))
    )
    lines.append("")

    stale = len(report.stale_drafts)
    count = f"{len(report.drafts)} draft{'s' if len(report.drafts) != 1 else ''}"
    older = (
        f"{stale} older than {s.draft_days} days"
        if stale
        else f"none older than {s.draft_days} days"
    )
    lines.append(style(f"Drafts ({count}, {older})", "heading"))
    for d in report.drafts:
        text = f"  {d.date.isoformat()}  {d.age_days:>4} days  {d.path}  {d.title}"
        lines.append(style(text, "warn") if d.stale else text)
    return "\n".join(lines).rstrip() + "\n"


def _runway_table(title: str, rows: Sequence[Runway], style: Style, threshold: int) -> list[str]:
    headers = (
        title,
        "Last 30",
        "Last 90",
        "Next 30",
        "Scheduled",
        "Runway",
        "Last post",
        "Next post",
    )
    body, kinds = [], []
    for r in rows:
        body.append(
            (
                r.name,
                str(r.published_30),
                str(r.published_90),
                str(r.scheduled_30),
                str(r.scheduled),
                f"{r.runway_days} d",
                _date(r.last_post),
                _date(r.next_post),
            )
        )
        kinds.append("bad" if r.runway_days < threshold else "")
    return _table(headers, body, "lrrrrrll", style, kinds)


def _table(headers, rows, aligns: str, style: Style, kinds: Sequence[str]) -> list[str]:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells) -> str:
        parts = [
            cell.rjust(width) if align == "r" else cell.ljust(width)
            for cell, width, align in zip(cells, widths, aligns, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [style(line(headers), "heading")]
    for row, kind in zip(rows, kinds, strict=True):
        out.append(style(line(row), kind) if kind else line(row))
    if not rows:
        out.append(style("  (none)", "dim"))
    return out


def _date(value) -> str:
    return value.isoformat() if value else NONE
