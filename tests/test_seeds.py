"""The five bundled bulletins against ../shared/spec/seeds_expected.csv, and grounding of every record."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from extract import extract_file
from extract.models import NOT_PRIMARY

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPECTED = Path(__file__).parent / "fixtures" / "seeds_expected.csv"


@pytest.fixture(scope="module")
def docs():
    return [extract_file(p) for p in SEEDS]


@pytest.fixture(scope="module")
def records(docs):
    return [r for d in docs for r in d.records]


def _expected():
    with EXPECTED.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _expected(), ids=lambda r: f"{r['region_name']}-{r['indicator']}-{r['value']}")
def test_expected_row_is_produced(row, records):
    want = float(row["value"])
    hits = [r for r in records if r.source_file == row["file"] and r.region_code == row["region_code"]
            and r.indicator == row["indicator"] and abs(r.value - want) <= 0.005 * want]
    assert hits, f"missing: {row['quote']}"
    r = hits[0]
    assert r.qualifier == row["qualifier"]
    assert r.printed == row["printed"]
    for key in ("age_threshold", "population_base", "ref_period"):
        if row[key]:
            assert str(getattr(r, key)) == row[key], key
    if row["primary"] == "1":
        assert r.primary
        rivals = [x for x in records if x.primary and x.report_id == r.report_id and x.region_code == r.region_code
                  and x.attribute_key() == r.attribute_key() and x is not r]
        assert not rivals, "another primary contradicts the expected one"
    else:
        assert not r.primary


def test_every_span_points_at_its_printed_number(docs):
    for d in docs:
        for r in d.records:
            if "derived" in r.flags:
                continue
            assert re.sub(r"\s|—\d+—|—[０-９]+—", "", d.text[r.span_start:r.span_end]) == r.printed


def test_one_primary_per_group_unless_every_value_is_in_doubt(records):
    primaries = Counter((r.report_id, r.region_code, *r.attribute_key()) for r in records if r.primary)
    eligible = {(r.report_id, r.region_code, *r.attribute_key()) for r in records if not NOT_PRIMARY & set(r.flags)}
    assert set(primaries) == eligible and set(primaries.values()) == {1}
    assert not any(r.primary and NOT_PRIMARY & set(r.flags) for r in records)


def test_reports_and_regions(docs):
    got = [(d.source_file[:3], r.region_code) for d in docs for r in d.reports]
    assert got == [("000", "410500"), ("000", "410811"), ("001", "411200"), ("002", "410100"),
                   ("003", "419001"), ("004", "411100")]
    assert [r.bulletin_date for r in docs[2].reports] == ["2024-05-20"]
    assert docs[3].reports[0].bulletin_issue == "2024年第60期"


def test_percentages_are_shares(records):
    assert all(r.value <= 100 for r in records if r.unit == "percent")


def test_every_quote_is_located_around_its_number(docs):
    for d in docs:
        for r in d.records:
            assert r.quote_start is not None and r.quote_start <= r.span_start < r.span_end <= r.quote_end
            if "derived" not in r.flags:
                located = "".join(d.text[r.quote_start:r.quote_end].split())
                assert "".join(r.quote.split()) in located or located in "".join(r.quote.split())
