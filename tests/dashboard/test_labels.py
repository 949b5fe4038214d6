"""dashboard.labels: map labels never overlap, and stay where they are when nothing is in the way."""

import random

from dashboard.labels import Box, place


def _boxes(anchors, sizes, spots):
    return [Box(x, y, w, h) for (x, y), (w, h) in zip(spots, sizes, strict=True)]


def test_labels_alone_stay_on_their_anchor():
    anchors = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)]
    assert place(anchors, [(1.0, 0.5)] * 3, step=0.2) == anchors


def test_crowded_labels_never_overlap():
    rng = random.Random(4)
    anchors = [(rng.uniform(0, 5), rng.uniform(0, 5)) for _ in range(18)]  # Henan's 18 cities, squeezed
    sizes = [(rng.uniform(0.6, 1.4), 0.5) for _ in anchors]
    spots = place(anchors, sizes, step=0.2)
    boxes = _boxes(anchors, sizes, spots)
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            assert not a.overlaps(b), (a, b)


def test_two_cities_side_by_side_are_pulled_apart():
    spots = place([(0.0, 0.0), (0.3, 0.0)], [(1.0, 0.4), (1.0, 0.4)], step=0.1)
    assert spots[0] != spots[1]
    assert not Box(*spots[0], 1.0, 0.4).overlaps(Box(*spots[1], 1.0, 0.4))
