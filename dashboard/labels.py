"""Map labels that never overlap: each label starts on its city's centre; one that would cover a
label already placed moves outward, ring by ring, to the nearest free spot, and the map draws a
leader line back to the centre. Plain geometry on boxes in map units, so it is tested without a
browser."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    x: float  # centre
    y: float
    w: float
    h: float

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (abs(self.x - other.x) * 2 < self.w + other.w + gap
                and abs(self.y - other.y) * 2 < self.h + other.h + gap)


def place(anchors: list[tuple[float, float]], sizes: list[tuple[float, float]], *, step: float,
          rings: int = 12, directions: int = 16) -> list[tuple[float, float]]:
    """Where each label's centre goes. anchors are the cities' centres, sizes the labels' (w, h) in
    the same units; larger labels are placed first, then each one as near its anchor as it can be."""
    placed: list[Box] = []
    where: list[tuple[float, float]] = [(0.0, 0.0)] * len(anchors)
    order = sorted(range(len(anchors)), key=lambda n: -(sizes[n][0] * sizes[n][1]))
    for n in order:
        (x, y), (w, h) = anchors[n], sizes[n]
        turns = [2 * math.pi * k / directions for k in range(directions)]
        candidates = [(x, y)] + [(x + r * step * math.cos(a), y + r * step * math.sin(a))
                                 for r in range(1, rings + 1) for a in turns]
        for cx, cy in candidates:
            box = Box(cx, cy, w, h)
            if not any(box.overlaps(other, gap=step / 4) for other in placed):
                break
        placed.append(box)
        where[n] = (box.x, box.y)
    return where
