"""The hub-and-spoke picture: the company in the centre, one spoke per network.

Drawn at build time as inline SVG, sized by how many profiles we have on
each network, with a title and description for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..labels import ENGLISH, Labels


@dataclass(frozen=True)
class SpokeCount:
    """How present we are on one network."""

    network: str
    name: str
    company: int
    experts: int

    @property
    def total(self) -> int:
        return self.company + self.experts


def _label(count: SpokeCount, labels: Labels = ENGLISH) -> str:
    parts = []
    if count.company:
        parts.append(labels.text("hub.count_official", count=count.company))
    if count.experts:
        parts.append(labels.text("hub.count_experts", count=count.experts))
    return ", ".join(parts) or labels.text("hub.no_profiles")


def describe(company: str, counts: list[SpokeCount], labels: Labels = ENGLISH) -> str:
    """The picture in words, for its <desc> and for anyone who cannot see it."""
    if not counts:
        return labels.text("hub.picture_none", company=company)
    counts = _ordered(counts)
    items = "; ".join(f"{c.name}: {_label(c, labels)}" for c in counts)
    return labels.text("hub.picture_description", company=company, items=items)


def hub_svg(
    company: str,
    counts: list[SpokeCount],
    *,
    size: int = 640,
    id_prefix: str = "hs-hub",
    labels: Labels = ENGLISH,
) -> str:
    """Inline SVG markup of the hub and its spokes (text escaped, stable output)."""
    counts = _ordered(counts)
    centre = size / 2
    hub_radius = size * 0.15
    reach = size * 0.36
    biggest = max((c.total for c in counts), default=1) or 1
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    out = [
        f'<svg class="hs-hub-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'role="img" aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(labels.text("hub.picture_title", company=company))}</title>',
        f'<desc id="{desc_id}">{escape(describe(company, counts, labels))}</desc>',
    ]
    for index, count in enumerate(counts):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(counts), 1)
        x = centre + reach * math.cos(angle)
        y = centre + reach * math.sin(angle)
        radius = size * (0.035 + 0.045 * math.sqrt(count.total / biggest))
        width = 1.5 + 4 * count.total / biggest
        anchor = "middle"
        label_y = y + radius + 16 if math.sin(angle) >= -0.2 else y - radius - 22
        out.append(
            f'<g class="hs-hub-svg__spoke" data-network={quoteattr(count.network)}>'
            f'<line x1="{centre:.1f}" y1="{centre:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke-width="{width:.1f}"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>'
            f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">{escape(count.name)}</text>'
            f'<text class="hs-hub-svg__count" x="{x:.1f}" y="{label_y + 15:.1f}" '
            f'text-anchor="{anchor}">{escape(_label(count, labels))}</text>'
            "</g>"
        )
    lines = _lines(company)
    first_y = centre + 5 - 9 * (len(lines) - 1)
    label = "".join(
        f'<tspan x="{centre:.1f}" y="{first_y + 18 * i:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    out.append(
        f'<g class="hs-hub-svg__hub"><circle cx="{centre:.1f}" cy="{centre:.1f}" r="{hub_radius:.1f}"/>'
        f'<text text-anchor="middle">{label}</text></g>'
    )
    out.append("</svg>")
    return "".join(out)


def _ordered(counts: list[SpokeCount]) -> list[SpokeCount]:
    """Biggest presence first, then by name: the same order in picture and words."""
    return sorted(counts, key=lambda c: (-c.total, c.name.lower()))


def _lines(name: str, width: int = 12, most: int = 3) -> list[str]:
    """The company name broken into at most `most` short lines for the hub circle."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[: most - 1] + [" ".join(lines[most - 1 :])]
    return [line if len(line) <= width + 6 else line[: width + 5] + "…" for line in lines] or [""]
