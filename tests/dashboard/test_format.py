"""format: what a committee member reads on screen."""

import math

import pandas as pd
import pytest

from dashboard.format import bulletin_label, measure_label, value_text


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "lang", "shown"),
    [
        (73, "percent", "at_least", "zh", "≥73%"),
        (21.98, "percent", "exact", "zh", "21.98%"),
        (5_376_000, "person", "exact", "zh", "537.6万人"),
        (7_440_000, "yuan", "exact", "zh", "744万元"),
        (250_000_000, "yuan", "exact", "zh", "2.5亿元"),
        (200_000, "person", "approx", "zh", "≈20万人"),
        (1300, "institution", "at_least", "zh", "≥1,300家"),
        (30, "item", "at_most", "zh", "≤30个"),
        (5_376_000, "person", "exact", "en", "5,376,000 persons"),
        (None, "person", "exact", "zh", "未报告"),
        (math.nan, "percent", "exact", "zh", "未报告"),
        (pd.NA, "percent", "exact", "en", "Not reported"),
    ],
)
def test_value_text(value, unit, qualifier, lang, shown):
    assert value_text(value, unit, qualifier, lang) == shown


def test_zero_is_a_value_not_a_gap():
    assert value_text(0, "site", "exact", "zh") == "0个"


def test_measure_label():
    assert measure_label(60, "household", None, "zh") == "60岁及以上 · 户籍人口"
    assert measure_label(65, "resident", None, "en") == "aged 65+ · resident population"
    assert measure_label(None, None, "operating", "zh") == "已投入使用"
    assert measure_label(pd.NA, None, None, "zh") == ""


def test_bulletin_label_falls_back_to_the_album():
    assert bulletin_label("2024年第14期", "2024-05-20", 14, "zh") == "2024年第14期 2024-05-20"
    assert bulletin_label(None, None, 53, "zh") == "联动监督专辑（53）"
    assert bulletin_label(None, None, None, "zh") == "—"
