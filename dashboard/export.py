"""CSV and Excel exports that open correctly in Excel on a Chinese Windows machine.

- UTF-8 with a BOM, and no `sep=` line (it makes Excel ignore the BOM);
- text cells and headers that begin with = + - @, tab or CR are prefixed with ' so Excel never
  runs them as formulas (OWASP CSV injection); numeric columns stay numeric;
- bytes are built here, never by df.to_csv() without a path (which ignores `encoding`).
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd

from dashboard.i18n import column_label, t

BOM = "\ufeff"
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_DANGEROUS):
        return "'" + cell
    return cell


def _cell(value: object) -> object:
    # DuckDB list columns (flags, alternatives) arrive as arrays: one cell, joined with ';'.
    if isinstance(value, list | tuple) or (hasattr(value, "tolist") and not isinstance(value, str)):
        value = ";".join(f"{x:g}" if isinstance(x, float) else str(x) for x in list(value))
    return neutralise(value)


CODES = "codes"  # the export's other form: stable field names and codes, for analysts


def localize(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Cells in the page's language: 至少/at least for at_least, 是/yes for True, flags by name."""
    from dashboard.format import flag_labels, punctuation
    from dashboard.i18n import unit_label

    out = df.copy()
    words = {"qualifier": lambda v: t(f"q_{v}", lang), "unit": lambda v: unit_label(v, lang),
             "status": lambda v: t(f"status_{v}", lang), "population_base": lambda v: t(f"base_{v}", lang),
             "review_state": lambda v: t(f"rs_{v}", lang)}
    for column, word in words.items():
        if column in out.columns:
            out[column] = out[column].map(lambda v, w=word: w(v) if isinstance(v, str) and v else "")
    if "flags" in out.columns:
        semi = punctuation(lang)[1]
        out["flags"] = out["flags"].map(lambda fl: semi.join(flag_labels(list(fl), lang)) if fl is not None else "")
    if "primary" in out.columns:
        out["primary"] = out["primary"].map(lambda v: t("yes_word", lang) if v else t("no_word", lang))
    if "steps" in out.columns and lang != "en":
        out = out.drop(columns=["steps"])  # the reading steps are written in English only
    return out


def prepare(df: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Lists joined, text cells neutralised, headers translated; numbers untouched."""
    out = df.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(_cell)
    out.columns = [neutralise(c if lang == CODES else column_label(c, lang)) for c in out.columns]
    return out


def to_csv_bytes(df: pd.DataFrame, lang: str = "zh") -> bytes:
    buffer = io.StringIO()
    prepare(df, lang).to_csv(buffer, index=False, lineterminator="\r\n")
    return (BOM + buffer.getvalue()).encode("utf-8")


def to_xlsx_bytes(df: pd.DataFrame, lang: str = "zh", sheet: str = "records") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xl:
        prepare(df, lang).to_excel(xl, index=False, sheet_name=sheet)
    return buffer.getvalue()


def filename(parts: list[str], ext: str, now: dt.datetime | None = None, lang: str = "zh") -> str:
    """养老指标_郑州市-老龄化率_20241201-0930.csv: what was filtered, and when."""
    now = now or dt.datetime.now()
    label = "-".join(p for p in parts if p)[:80] or t("all", lang)
    label = re.sub(r'[\\/:*?"<>|\s]+', "_", label)
    return f"{t('export_prefix', lang)}_{label}_{now:%Y%m%d-%H%M}.{ext}"
