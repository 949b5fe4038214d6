"""A generated database of about a million records: every county-level region of China × the
indicator catalog × 15 years, with the schema and ingest path the real one uses."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extract.catalog import CATALOG  # noqa: E402
from extract.regions import REGIONS  # noqa: E402
from store.schema import ensure_schema  # noqa: E402
from store.writes import bulk_append  # noqa: E402

YEARS = range(2010, 2025)
QUALIFIERS = np.array(["exact"] * 16 + ["at_least"] * 2 + ["approx", "at_most"])


def build(path: Path, seed: int = 11) -> int:
    """Write the database at path (replacing it); return the number of records."""
    rng = np.random.default_rng(seed)
    counties = [r for r in REGIONS.all() if r.level == "county"]
    codes = np.array([r.code for r in counties])
    names = np.array([REGIONS.display_name(r.code) for r in counties])
    years = np.array(list(YEARS))

    region_idx = np.repeat(np.arange(len(codes)), len(years))
    year_col = np.tile(years, len(codes))
    report_ids = np.char.add(np.char.add("g", codes[region_idx]), year_col.astype(str))
    files = np.char.add(np.char.add("gen_", report_ids), ".txt")
    dates = np.char.add(year_col.astype(str), "-06-30")
    text = "生成的报告正文，用于基准测试。"
    reports = pd.DataFrame({
        "report_id": report_ids, "source_file": files, "bulletin_issue": np.char.add(year_col.astype(str), "年第1期"),
        "bulletin_date": dates, "album_no": 1, "region_code": codes[region_idx], "region_name": names[region_idx],
        "title": "基准测试报告", "span_start": 0, "span_end": len(text), "text": text,
    })

    indicators = CATALOG.indicators
    n_rep, n_ind = len(reports), len(indicators)
    rep = np.repeat(np.arange(n_rep), n_ind)
    ind = np.tile(np.arange(n_ind), n_rep)
    units = np.array([i.unit for i in indicators])
    codes_ind = np.array([i.code for i in indicators])
    percent = units[ind] == "percent"
    values = np.where(percent, rng.uniform(5, 95, len(rep)).round(1), rng.integers(1, 5000, len(rep)).astype(float))
    ages = np.where(np.isin(codes_ind[ind], ["elderly_share", "elderly_population"]), 60, -1)
    flags_pool = [[], [], [], [], [], [], [], [], ["ambiguous"], ["decimal_recovered"], ["derived"]]
    flag_pick = rng.integers(0, len(flags_pool), len(rep))
    printed = values.astype(str)
    records = pd.DataFrame({
        "report_id": report_ids[rep], "source_file": files[rep], "bulletin_issue": reports["bulletin_issue"].to_numpy()[rep],
        "bulletin_date": dates[rep], "region_code": codes[region_idx][rep], "region_name": names[region_idx][rep],
        "indicator": codes_ind[ind], "value": values, "unit": units[ind],
        "qualifier": QUALIFIERS[rng.integers(0, len(QUALIFIERS), len(rep))],
        "age_threshold": pd.array(np.where(ages > 0, ages, 0), dtype="Int32").astype("Int32"),
        "population_base": np.where(ages > 0, "resident", None),
        "status": np.where(codes_ind[ind] == "meal_sites", "built", None),
        "ref_period": year_col[region_idx][rep].astype(str), "printed": printed, "quote": printed,
        "span_start": 0, "span_end": 1, "flags": [flags_pool[k] for k in flag_pick], "confidence": 0.9,
        "primary": True, "alternatives": [[] for _ in range(len(rep))], "steps": "",
    })
    records.loc[ages <= 0, "age_threshold"] = pd.NA

    path.unlink(missing_ok=True)
    with duckdb.connect(str(path)) as con:
        ensure_schema(con)
        bulk_append(con, reports, records)
        con.register("docs", pd.DataFrame({"source_file": files, "sha256": report_ids, "encoding": "utf-8",
                                           "decimals_lost": False, "text": text,
                                           "ingested_at": pd.Timestamp("2024-12-01")}))
        con.execute("INSERT INTO documents BY NAME SELECT * FROM docs")
        return con.execute("SELECT count(*) FROM records").fetchone()[0]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/aging-1m.duckdb")
    print(f"{build(target):,} records in {target}")
