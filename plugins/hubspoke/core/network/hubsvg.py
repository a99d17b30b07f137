"""The hub-and-spoke picture: the company in the centre, one spoke per network.

Laid out at build time, sized by how many profiles we have on each network; the theme's
hubspoke/partials/hub-picture.html draws it as inline SVG, with a title and the
description (`describe`) for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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

    @property
    def facts(self) -> tuple[tuple[str, int], ...]:
        """What the spoke's label says, as (label key, count); none: `hub.no_profiles`."""
        found = (("hub.count_official", self.company), ("hub.count_experts", self.experts))
        return tuple((key, number) for key, number in found if number)


def _label(count: SpokeCount, labels: Labels = ENGLISH) -> str:
    parts = [labels.text(key, count=number) for key, number in count.facts]
    return ", ".join(parts) or labels.text("hub.no_profiles")


def describe(company: str, counts: list[SpokeCount], labels: Labels = ENGLISH) -> str:
    """The picture in words, for its <desc> and for anyone who cannot see it."""
    if not counts:
        return labels.text("hub.picture_none", company=company)
    counts = _ordered(counts)
    items = "; ".join(f"{c.name}: {_label(c, labels)}" for c in counts)
    return labels.text("hub.picture_description", company=company, items=items)


@dataclass(frozen=True)
class SpokePlace:
    """One network's spoke: a line from the hub to its circle, its name and counts below
    the circle (above it for the spokes at the top)."""

    count: SpokeCount
    x: float
    y: float
    radius: float
    stroke_width: float
    label_y: float  # the name's baseline; the counts' is 15 below


@dataclass(frozen=True)
class HubPicture:
    """The geometry of the hub picture, drawn as SVG by hubspoke/partials/hub-picture.html."""

    company: str
    size: int  # of the square viewBox
    centre: float
    radius: float  # of the hub's circle
    spokes: tuple[SpokePlace, ...]  # biggest presence first
    name_lines: tuple[tuple[str, float], ...]  # the company's name in the hub: (line, y)
    id_prefix: str  # of the title's and description's ids


def hub_picture(
    company: str, counts: list[SpokeCount], *, size: int = 640, id_prefix: str = "hs-hub"
) -> HubPicture:
    """The hub and its spokes, sized by presence (a stable layout: same counts, same picture)."""
    counts = _ordered(counts)
    centre = size / 2
    reach = size * 0.36
    biggest = max((c.total for c in counts), default=1) or 1
    spokes = []
    for index, count in enumerate(counts):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(counts), 1)
        x = centre + reach * math.cos(angle)
        y = centre + reach * math.sin(angle)
        radius = size * (0.035 + 0.045 * math.sqrt(count.total / biggest))
        label_y = y + radius + 16 if math.sin(angle) >= -0.2 else y - radius - 22
        spokes.append(SpokePlace(count, x, y, radius, 1.5 + 4 * count.total / biggest, label_y))
    lines = _lines(company)
    first_y = centre + 5 - 9 * (len(lines) - 1)
    return HubPicture(
        company=company,
        size=size,
        centre=centre,
        radius=size * 0.15,
        spokes=tuple(spokes),
        name_lines=tuple((line, first_y + 18 * i) for i, line in enumerate(lines)),
        id_prefix=id_prefix,
    )


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
