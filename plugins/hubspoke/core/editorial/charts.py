"""Charts for the insights page, drawn at build time as accessible inline SVG.

Built with ElementTree, so every label is escaped and the markup is
well-formed XML; the same input gives byte-identical output. Each chart has
a <title> and <desc> (named by aria-labelledby), a <title> tooltip on every
mark, a colour-blind-safe palette, and text in `currentColor` so that it
follows the theme's light or dark scheme. The page shows a data table next
to each chart for anyone who cannot see it. No script, no web font. Every word a
chart writes (tooltips, month names, "today") is in the language of its `labels`.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction

from babel.dates import get_month_names
from babel.numbers import format_decimal

from ..labels import Labels

SVG_NS = "http://www.w3.org/2000/svg"
# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
HEAT = "#0072B2"
FONT_SIZE = 12
# Charts are drawn at their size in CSS pixels and never scaled down (a narrow screen
# scrolls the chart inside its own box instead), so their text stays FONT_SIZE px.
# WIDTH fits the text column of Material at a desktop width.
WIDTH = 640.0
CHAR_WIDTH = 6.6


def month_name(labels: Labels, month: int) -> str:
    """The short name of a month (1-12) in the labels' language: Oct, Okt., oct."""
    return get_month_names("abbreviated", "stand-alone", labels.locale)[month]


def month_label(labels: Labels, key: str) -> str:
    """A report month's key (2026-10) as a chart and its table name it: Oct 2026."""
    year, month = key.split("-")
    return f"{month_name(labels, int(month))} {year}"


def _tip(labels: Labels, name: str, value: str) -> str:
    return labels.text("chart.tip", name=name, value=value)


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _n(value: float) -> str:
    """A coordinate with at most one decimal, so output is stable and short."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(width: float, height: float, prefix: str, title: str, desc: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": "hs-chart",
            "viewBox": f"0 0 {_n(width)} {_n(height)}",
            "width": _n(width),
            "height": _n(height),
            "role": "img",
            "aria-labelledby": f"{prefix}-title {prefix}-desc",
            "font-size": str(FONT_SIZE),
        },
    )
    ET.SubElement(svg, "title", {"id": f"{prefix}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{prefix}-desc"}).text = desc
    return svg


def _text(parent, x, y, text, anchor="start", **attrs) -> ET.Element:
    element = ET.SubElement(
        parent,
        "text",
        {"x": _n(x), "y": _n(y), "text-anchor": anchor, "fill": "currentColor", **attrs},
    )
    element.text = text
    return element


def _line(parent, x1, y1, x2, y2, **attrs) -> ET.Element:
    base = {"x1": _n(x1), "y1": _n(y1), "x2": _n(x2), "y2": _n(y2), "stroke": "currentColor"}
    return ET.SubElement(parent, "line", {**base, **attrs})


def _render(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)


def _step(largest: int) -> int:
    """A tick step that gives at most about five gridlines."""
    if largest <= 5:
        return 1
    raw = largest / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    for nice in (1, 2, 5, 10):
        if raw <= nice * magnitude:
            return int(nice * magnitude)
    return int(10 * magnitude)


def _legend(svg, series: Sequence[tuple[str, str]], x0: float, y0: float, width: float) -> float:
    """Colour swatches with names, wrapped to `width`; returns the height used."""
    x, y = x0, y0
    group = ET.SubElement(svg, "g", {"class": "hs-legend"})
    for index, (_, name) in enumerate(series):
        item_width = 22 + len(name) * CHAR_WIDTH + 16
        if x > x0 and x + item_width > x0 + width:
            x, y = x0, y + 20
        ET.SubElement(
            group,
            "rect",
            {"x": _n(x), "y": _n(y - 10), "width": "12", "height": "12", "fill": colour(index)},
        )
        _text(group, x + 18, y, name)
        x += item_width
    return y - y0 + 20


def amount(labels: Labels, value: float | Fraction) -> str:
    """A count or a share of posts in the labels' language: 2, 0.5 (0,5 in German)."""
    if value == int(value):
        return str(int(value))
    return format_decimal(float(value), "0.##", locale=labels.locale)


def stacked_bars(
    months: Sequence[str],
    series: Sequence[tuple[str, str]],
    counts: Mapping[str, Mapping[str, float | Fraction]],
    *,
    labels: Labels,
    title: str,
    desc: str,
    prefix: str = "hs-months",
) -> str:
    """One bar per month (`months`: keys such as 2026-10), stacked by series (id, name).

    `counts[month_key][series_id]` is the height of each segment. A bar is as tall as
    the sum of its segments and that sum is written above it, so the counts must add up
    to the month's total: a post of two personas is given as half a post to each.
    """
    width, left, right, top, plot_height = WIDTH, 40.0, 12.0, 24.0, 200.0
    totals = [sum(counts.get(key, {}).get(s, 0) for s, _ in series) for key in months]
    largest = math.ceil(max(totals, default=0))
    step = _step(largest)
    ceiling = max(step, math.ceil(largest / step) * step)
    plot_width = width - left - right
    slot = plot_width / max(len(months), 1)
    scale = plot_height / ceiling
    baseline = top + plot_height

    legend_height = _legend_height(series, plot_width)
    height = baseline + 40 + legend_height
    svg = _svg(width, height, prefix, title, desc)
    axis = ET.SubElement(svg, "g", {"class": "hs-axis", "aria-hidden": "true"})
    for value in range(0, ceiling + 1, step):
        y = baseline - value * scale
        _line(axis, left, y, width - right, y, **{"stroke-opacity": "0.15"})
        _text(axis, left - 6, y + 4, str(value), "end")

    bars = ET.SubElement(svg, "g", {"class": "hs-bars"})
    for index, (key, total) in enumerate(zip(months, totals, strict=True)):
        x = left + index * slot + slot * 0.15
        centre = left + index * slot + slot / 2
        bar = ET.SubElement(bars, "g", {"class": "hs-bar", "data-month": key})
        parts = [
            f"{name} {amount(labels, counts[key][s])}"
            for s, name in series
            if counts.get(key, {}).get(s)
        ]
        whole = total == int(total)
        posts = labels.text("count.posts", count=int(total)) if whole else amount(labels, total)
        tip = _tip(labels, month_label(labels, key), posts)
        ET.SubElement(bar, "title").text = tip + (" — " + ", ".join(parts) if parts else "")
        y = baseline
        for number, (series_id, _) in enumerate(series):
            share = counts.get(key, {}).get(series_id, 0)
            if not share:
                continue
            h = float(share) * scale
            y -= h
            ET.SubElement(
                bar,
                "rect",
                {
                    "class": "hs-segment",
                    "x": _n(x),
                    "y": _n(y),
                    "width": _n(slot * 0.7),
                    "height": _n(h),
                    "fill": colour(number),
                    "stroke": "#fff",
                    "stroke-width": "0.5",
                },
            )
        _text(bar, centre, y - 5, amount(labels, total), "middle", **{"class": "hs-total"})
        year, month = key.split("-")
        name = month_name(labels, int(month))
        _text(bar, centre, baseline + 16, name, "middle", **{"aria-hidden": "true"})
        if index == 0 or month == "01":
            _text(bar, centre, baseline + 30, year, "middle", **{"aria-hidden": "true"})
    _line(axis, left, baseline, width - right, baseline)
    _legend(svg, series, left, baseline + 56, plot_width)
    return _render(svg)


def _legend_height(series: Sequence[tuple[str, str]], width: float) -> float:
    rows, x = 1, 0.0
    for _, name in series:
        item = 22 + len(name) * CHAR_WIDTH + 16
        if x and x + item > width:
            rows, x = rows + 1, 0.0
        x += item
    return rows * 20 if series else 0


def heatmap(
    rows: Sequence[tuple[str, str]],
    columns: Sequence[tuple[str, str]],
    counts: Mapping[tuple[str, str], int],
    *,
    labels: Labels,
    title: str,
    desc: str,
    prefix: str = "hs-coverage",
) -> str:
    """A grid of rows (id, name) x columns (id, name); each cell shows and shades its count."""
    cell_w, cell_h = 72.0, 32.0
    label_w = max((len(name) for _, name in rows), default=4) * CHAR_WIDTH + 16
    longest = max((len(name) for _, name in columns), default=4) * CHAR_WIDTH
    # Column names are turned 35 degrees: sin and cos of that give the room they need.
    head_h = longest * 0.58 + 24
    width = label_w + cell_w * max(len(columns), 1) + max(longest * 0.82 - cell_w / 2, 0) + 12
    height = head_h + cell_h * max(len(rows), 1) + 8
    svg = _svg(width, height, prefix, title, desc)
    largest = max(counts.values(), default=0) or 1

    head = ET.SubElement(svg, "g", {"class": "hs-columns", "aria-hidden": "true"})
    for index, (_, name) in enumerate(columns):
        x = label_w + index * cell_w + cell_w / 2
        _text(head, x, head_h - 8, name, "start", transform=f"rotate(-35 {_n(x)} {_n(head_h - 8)})")

    grid = ET.SubElement(svg, "g", {"class": "hs-cells"})
    for r, (row_id, row_name) in enumerate(rows):
        y = head_h + r * cell_h
        _text(grid, label_w - 8, y + cell_h / 2 + 4, row_name, "end", **{"aria-hidden": "true"})
        for c, (column_id, column_name) in enumerate(columns):
            value = counts.get((row_id, column_id), 0)
            x = label_w + c * cell_w
            cell = ET.SubElement(grid, "g", {"class": "hs-cell"})
            ET.SubElement(cell, "title").text = _tip(
                labels, f"{row_name}, {column_name}", labels.text("count.posts", count=value)
            )
            strength = value / largest
            attrs = {
                "x": _n(x + 1),
                "y": _n(y + 1),
                "width": _n(cell_w - 2),
                "height": _n(cell_h - 2),
                "rx": "3",
            }
            if value:
                attrs.update({"fill": HEAT, "fill-opacity": f"{0.15 + 0.85 * strength:.2f}"})
            else:
                attrs.update({"fill": "none", "stroke": "currentColor", "stroke-opacity": "0.2"})
            ET.SubElement(cell, "rect", attrs)
            ink = {"fill": "#fff"} if strength > 0.55 else {}
            label = _text(cell, x + cell_w / 2, y + cell_h / 2 + 4, str(value), "middle")
            label.attrib.update(ink)
    return _render(svg)


def timeline(
    rows: Sequence[tuple[str, Sequence[tuple[date, bool]]]],
    start: date,
    end: date,
    today: date,
    *,
    labels: Labels,
    title: str,
    desc: str,
    prefix: str = "hs-timeline",
) -> str:
    """One row per author (name, [(date, scheduled?)]), posts as dots from `start` to `end`.

    Published posts are filled dots, scheduled ones rings; a dashed line marks `today`.
    """
    label_w = max((len(name) for name, _ in rows), default=4) * CHAR_WIDTH + 16
    width, right, top, row_h = WIDTH, 16.0, 24.0, 26.0
    plot_w = width - label_w - right
    span = max((end - start).days, 1)
    height = top + row_h * max(len(rows), 1) + 40
    svg = _svg(width, height, prefix, title, desc)

    def x_of(day: date) -> float:
        return label_w + plot_w * (day - start).days / span

    axis = ET.SubElement(svg, "g", {"class": "hs-axis", "aria-hidden": "true"})
    bottom = top + row_h * max(len(rows), 1)
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        first = date(year, month, 1)
        if first >= start:
            x = x_of(first)
            _line(axis, x, top - 6, x, bottom, **{"stroke-opacity": "0.12"})
            _text(axis, x + 3, bottom + 16, month_name(labels, month))
            if month == 1 or first == start:
                _text(axis, x + 3, bottom + 30, str(year))
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    now = x_of(today)
    _line(axis, now, top - 12, now, bottom, **{"stroke-dasharray": "4 3"})
    _text(axis, now, top - 14, labels.text("chart.today"), "middle")

    group = ET.SubElement(svg, "g", {"class": "hs-rows"})
    for index, (name, marks) in enumerate(rows):
        y = top + index * row_h + row_h / 2
        row = ET.SubElement(group, "g", {"class": "hs-row"})
        ET.SubElement(row, "title").text = _tip(labels, name, _marks_text(marks, labels))
        _text(row, label_w - 8, y + 4, name, "end")
        _line(row, label_w, y, width - right, y, **{"stroke-opacity": "0.25"})
        for day, scheduled in marks:
            dot = {"cx": _n(x_of(day)), "cy": _n(y), "r": "5", "class": "hs-mark"}
            if scheduled:
                dot.update({"fill": "none", "stroke": colour(0), "stroke-width": "2"})
            else:
                dot.update({"fill": colour(0)})
            mark = ET.SubElement(row, "circle", dot)
            state = labels.text("chart.state_scheduled" if scheduled else "chart.state_published")
            ET.SubElement(mark, "title").text = _tip(labels, name, f"{day.isoformat()} ({state})")
    return _render(svg)


def _marks_text(marks: Sequence[tuple[date, bool]], labels: Labels) -> str:
    if not marks:
        return labels.text("chart.no_posts")
    published = sum(1 for _, scheduled in marks if not scheduled)
    scheduled = len(marks) - published
    text = labels.text("chart.published", count=published)
    return text + (", " + labels.text("chart.scheduled", count=scheduled) if scheduled else "")
