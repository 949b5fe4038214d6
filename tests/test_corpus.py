"""Texts written for the tests in styles other than the seeds, and bad input: the rules must not be fitted to
the seeds' wording. A table in the style of price-parser: fixture → what a correct extraction contains."""

import pytest

from extract import InputError, extract_file
from tests.conftest import FIXTURES

# (fixture, region_code, indicator, value, {attribute: expected}) — grouped by where the text came from.
OWN_TEXTS = [
    # a news article: ASCII digits, decimals kept, no bulletin structure
    ("news_luoyang.txt", "410300", "population_total", 7_079_000, {"population_base": "resident", "ref_period": "2023-12-31"}),
    ("news_luoyang.txt", "410300", "elderly_share", 21.37, {"age_threshold": 60, "population_base": "resident"}),
    ("news_luoyang.txt", "410300", "facilities_inspected", 58, {}),
    ("news_luoyang.txt", "410300", "elderly_visited", 1200, {"qualifier": "at_least"}),
    ("news_luoyang.txt", "410300", "rectification_rate", 75, {"flags": []}),  # stated, so not derived
    ("news_luoyang.txt", "410300", "meal_sites", 326, {"status": "operating"}),
    ("news_luoyang.txt", "410300", "investment", 185_000_000, {}),
    ("news_luoyang.txt", "410307", "meal_sites", 41, {}),  # 其中偃师区…: the county's own number
    # the bulletins' layout with full-width digits that kept their decimal points
    ("bulletin_kaifeng_kept.txt", "410200", "population_total", 4_714_000, {"flags": []}),
    ("bulletin_kaifeng_kept.txt", "410200", "elderly_share", 21.76, {"flags": [], "age_threshold": 60}),
    ("bulletin_kaifeng_kept.txt", "410200", "questionnaires", 3200, {"qualifier": "at_least"}),
    # lost decimal points, decided by population and share
    ("bulletin_pingdingshan_lost.txt", "410400", "elderly_population", 918_000, {"flags": ["decimal_recovered"]}),
    ("bulletin_pingdingshan_lost.txt", "410400", "elderly_share", 18.65, {"printed": "１８６５％"}),
    ("bulletin_pingdingshan_lost.txt", "410400", "population_total", 4_920_000, {"flags": []}),
    ("bulletin_pingdingshan_lost.txt", "410400", "rectification_rate", 75, {"flags": ["derived"]}),
    # county-level clauses inside a city's report
    ("county_clauses_anyang.txt", "410500", "meal_sites", 210, {}),
    ("county_clauses_anyang.txt", "410581", "meal_sites", 32, {}),
    ("county_clauses_anyang.txt", "410526", "elderly_share", 22.5, {"age_threshold": None}),
    # another province
    ("other_province_suzhou.txt", "320500", "elderly_share", 25.6, {"population_base": "household"}),
    ("other_province_suzhou.txt", "320500", "departments_briefed", 9, {}),
    # encodings
    ("gbk_xinxiang.txt", "410700", "facilities_inspected", 32, {}),
    ("bom_hebi.txt", "410600", "questionnaires", 10_000, {"qualifier": "at_least", "printed": "一万余"}),
    ("bom_hebi.txt", "410600", "deputies_participating", 100, {"qualifier": "at_least"}),
]

# Regressions: each row a bug that was found, so it stays fixed.
BUGS_FOUND = [
    # a number at the very end of a text was dropped ("" counted as a formula sign)
    ("bom_hebi.txt", "410600", "supervision_groups", 3, {}),
]


@pytest.mark.parametrize(("fixture", "region", "indicator", "value", "attrs"), OWN_TEXTS + BUGS_FOUND,
                         ids=[f"{r[0]}-{r[2]}-{r[3]}" for r in OWN_TEXTS + BUGS_FOUND])
def test_fixture_row(fixture, region, indicator, value, attrs):
    doc = extract_file(FIXTURES / "texts" / fixture)
    hits = [r for r in doc.records if r.region_code == region and r.indicator == indicator
            and r.value == pytest.approx(value, rel=0.005)]
    assert hits, sorted((r.region_code, r.indicator, r.value) for r in doc.records)
    r = hits[0]
    for key, want in attrs.items():
        assert getattr(r, key) == want, key


@pytest.mark.parametrize("fixture", sorted(p.name for p in (FIXTURES / "texts").glob("*.txt")))
def test_invariants(fixture):
    doc = extract_file(FIXTURES / "texts" / fixture)
    assert doc.records
    for r in doc.records:
        if "derived" not in r.flags:
            assert "".join(doc.text[r.span_start:r.span_end].split()) == r.printed
        assert r.value >= 0
        if r.unit == "percent":
            assert r.value <= 100
        assert r.printed not in ("2023", "２０２３", "2024", "２０２４")  # a year is never a value
    if "kept" in fixture or "news" in fixture:
        assert not doc.decimals_lost


@pytest.mark.parametrize(
    ("fixture", "message"),
    [("empty.txt", "empty.txt: empty file"), ("logo.png", "logo.png: an image, not a text"),
     ("no_region.txt", "no_region.txt: no region found")],
)
def test_bad_input_is_one_line_naming_the_file(fixture, message):
    with pytest.raises(InputError) as err:
        extract_file(FIXTURES / "bad" / fixture)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
