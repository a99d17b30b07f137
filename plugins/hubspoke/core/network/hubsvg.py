"""The hub-and-spoke picture: the company in the centre, one spoke per network.

Laid out at build time, sized by how many profiles we have on each network; the theme's
hubspoke/partials/hub-picture.html draws it as inline SVG, with a title and the
description (`describe`) for screen readers. Each spoke carries its network's icon and
its name; the counts are in the description, each spoke's tooltip and the hub page's
table, since a second line of text under every spoke could only be legible on a phone by
crowding its neighbours.

Text sizes are in the picture's own units (the viewBox is `size` wide): the picture
shrinks to the column, so a label's size on screen is its size here times the column's
width over `size`. `LABEL_SIZE` keeps a label at 11 px or more in a 330 px column (a
360 px phone), the narrowest the theme lays the page out at.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..labels import ENGLISH, Labels
from .spokes import GENERIC_ICON

LABEL_SIZE = 22  # a spoke's name, in picture units (see the module's docstring)
HUB_LABEL_SIZE = 24  # the company's name in the hub
ICON_SHARE = 1.1  # an icon's width, as a share of its circle's radius


@dataclass(frozen=True)
class SpokeCount:
    """How present we are on one network."""

    network: str
    name: str
    company: int
    experts: int
    icon: str = GENERIC_ICON  # one of the theme's icons, e.g. fontawesome/brands/linkedin

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
    """One network's spoke: a line from the hub to its circle, its icon in the circle, its
    name below the circle (above it for the spokes at the top)."""

    count: SpokeCount
    x: float
    y: float
    radius: float
    stroke_width: float
    label_y: float  # the name's baseline
    icon_size: float  # the icon's square, centred on the circle

    @property
    def icon_x(self) -> float:
        return self.x - self.icon_size / 2

    @property
    def icon_y(self) -> float:
        return self.y - self.icon_size / 2


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
    label_size: float = LABEL_SIZE
    hub_label_size: float = HUB_LABEL_SIZE


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
        below = math.sin(angle) >= -0.2
        label_y = y + radius + LABEL_SIZE * 1.1 if below else y - radius - LABEL_SIZE * 0.4
        stroke = 1.5 + 4 * count.total / biggest
        spokes.append(
            SpokePlace(count, x, y, radius, stroke, label_y, icon_size=radius * ICON_SHARE)
        )
    lines = _lines(company)
    step = HUB_LABEL_SIZE * 1.2
    first_y = centre + HUB_LABEL_SIZE * 0.35 - step / 2 * (len(lines) - 1)
    return HubPicture(
        company=company,
        size=size,
        centre=centre,
        radius=size * 0.15,
        spokes=tuple(spokes),
        name_lines=tuple((line, first_y + step * i) for i, line in enumerate(lines)),
        id_prefix=id_prefix,
    )


def _ordered(counts: list[SpokeCount]) -> list[SpokeCount]:
    """Biggest presence first, then by name: the same order in picture and words."""
    return sorted(counts, key=lambda c: (-c.total, c.name.lower()))


def _lines(name: str, width: int = 11, most: int = 3) -> list[str]:
    """The company name broken into at most `most` short lines that fit the hub circle
    at `HUB_LABEL_SIZE` (a longer line is cut with an ellipsis)."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[: most - 1] + [" ".join(lines[most - 1 :])]
    return [line if len(line) <= width + 2 else line[: width + 1] + "…" for line in lines] or [""]
