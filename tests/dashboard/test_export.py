"""export: CSV that Excel opens in Chinese, safe from formula injection; xlsx alike."""

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.export import filename, neutralise, to_csv_bytes, to_xlsx_bytes

FRAME = pd.DataFrame({
    "region_name": ["郑州市", "=HYPERLINK(\"http://x\")"],
    "value": [17.96, -3.0],
    "flags": [np.array(["decimal_recovered"]), np.array([], dtype=object)],
    "quote": ["+1 占比１７９６％", "@SUM(A1)"],
    "primary": [True, False],
})


def test_csv_starts_with_a_bom_and_has_no_sep_line():
    data = to_csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    assert not data[3:].startswith(b"sep=")
    assert "郑州市" in data.decode("utf-8-sig")


def test_csv_neutralises_formulas_but_keeps_numbers_numeric():
    rows = pd.read_csv(io.BytesIO(to_csv_bytes(FRAME)), encoding="utf-8-sig")
    assert rows.columns.tolist() == ["城市", "数值", "标记", "原文", "主值"]
    assert rows["城市"][1].startswith("'=")
    assert rows["原文"].tolist() == ["'+1 占比１７９６％", "'@SUM(A1)"]
    assert rows["数值"].tolist() == [17.96, -3.0]  # a negative number is a number, not a formula
    assert rows["标记"][0] == "decimal_recovered"


def test_english_headers():
    assert to_csv_bytes(FRAME, "en").decode("utf-8-sig").splitlines()[0] == "Region,Value,Flags,Quote,Primary"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_neutralise(cell):
    assert neutralise(cell) == "'" + cell


def test_xlsx_round_trip():
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(FRAME))).active
    rows = list(sheet.values)
    assert rows[0][0] == "城市"
    assert rows[2][0].startswith("'=")
    assert rows[2][1] == -3.0


def test_filename_says_what_and_when():
    name = filename(["郑州市", "老龄化率"], "csv", now=dt.datetime(2024, 12, 1, 9, 30))
    assert name == "养老指标_郑州市-老龄化率_20241201-0930.csv"
    assert filename([], "xlsx", now=dt.datetime(2024, 12, 1, 9, 30)) == "养老指标_全部_20241201-0930.xlsx"


def test_filename_in_english():
    assert filename([], "csv", now=dt.datetime(2024, 12, 1, 9, 30), lang="en") == "aging_indicators_All_20241201-0930.csv"
    assert filename(["Zhengzhou", "at least (≥)"], "csv", now=dt.datetime(2024, 12, 1, 9, 30), lang="en") == \
        "aging_indicators_Zhengzhou-at_least_(≥)_20241201-0930.csv"


def test_cells_follow_the_language_and_codes_stay_available():
    import pandas as pd

    from dashboard.export import CODES, localize, prepare

    rows = pd.DataFrame({"qualifier": ["at_least"], "unit": ["site"], "status": ["built"], "population_base": [None],
                         "flags": [["decimal_recovered", "subset"]], "primary": [True], "review_state": ["corrected"],
                         "steps": ["１５１％ → 15.1%"], "value": [73.0]})
    zh = prepare(localize(rows, "zh"), "zh")
    cells = " ".join(str(v) for v in zh.iloc[0].tolist())
    assert not any(code in cells for code in ("at_least", "site", "built", "decimal_recovered", "True", "corrected"))
    assert "是" in cells and "已更正" in cells and "steps" not in zh.columns and "读取过程" not in zh.columns
    en = prepare(localize(rows, "en"), "en")
    assert not any("\u4e00" <= ch <= "\u9fff" for col in en.columns for ch in col)
    assert "yes" in en.iloc[0].tolist() and "corrected" in en.iloc[0].tolist()
    codes = prepare(rows, CODES)
    assert list(codes.columns) == list(rows.columns) and codes["qualifier"].iloc[0] == "at_least"
