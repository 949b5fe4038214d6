"""normalise: per-10,000 rates that keep their denominator's measure and doubts."""

import numpy as np
import pandas as pd
import pytest

from dashboard.normalise import divide_qualifier, panels, per_elderly, per_resident

VALUES = pd.DataFrame({
    "region_code": ["411200", "410100", "410811"], "region_name": ["三门峡市", "郑州市", "焦作市山阳区"],
    "value": [172.0, 32.0, 3.0], "qualifier": ["exact", "at_least", "exact"],
    "flags": [np.array([], dtype=object), np.array([], dtype=object), np.array([], dtype=object)],
})
ELDERLY = pd.DataFrame({
    "region_code": ["411200", "410100"], "elderly": [444_000.0, 1_668_900.0], "elderly_age": [60, 60],
    "elderly_base": ["resident", "household"], "elderly_qualifier": ["exact", "exact"],
    "elderly_flags": [np.array(["decimal_recovered"]), np.array([], dtype=object)], "elderly_printed": ["４４４万", "１６６８９万"],
})


@pytest.mark.parametrize(("numerator", "denominator", "quotient"), [
    ("exact", "exact", "exact"), ("at_least", "exact", "at_least"), ("exact", "at_least", "at_most"),
    ("at_most", "at_least", "at_most"), ("at_least", "at_least", "approx"), ("exact", "approx", "approx"),
])
def test_divide_qualifier(numerator, denominator, quotient):
    assert divide_qualifier(numerator, denominator) == quotient


def test_per_elderly_keeps_the_denominator_measure_and_its_flags():
    shown, cannot = per_elderly(VALUES, ELDERLY)
    assert cannot == ["焦作市山阳区"]
    rows = shown.set_index("region_code")
    assert rows.loc["411200", "per10k"] == pytest.approx(172 / 44.4)
    assert rows.loc["411200", "flags"] == ["decimal_recovered"]  # a doubtful count makes a doubtful rate
    assert rows.loc["410100", "qualifier"] == "at_least"
    keys = [key for key, _ in panels(shown)]
    assert sorted(keys) == [(60, "household"), (60, "resident")]  # never one ranking


def test_per_resident_names_regions_without_a_population():
    shown, cannot = per_resident(VALUES, pd.Series({"411200": 202.0, "410100": 1300.8}))
    assert cannot == ["焦作市山阳区"]
    assert shown.set_index("region_code").loc["411200", "per10k"] == pytest.approx(172 / 202)
    assert [key for key, _ in panels(shown)] == [(None, "resident")]
