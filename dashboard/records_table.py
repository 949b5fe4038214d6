"""The data page's table: the export's columns (codes, with names and reasons beside them) and the
screen's reading of them, built once per filters, language and database version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.format import flag_labels, flag_reasons, is_flagged, measure_label, punctuation, value_text
from dashboard.i18n import column_label, t, unit_label
from extract.catalog import CATALOG

PREVIEW_ROWS = 2_000  # the screen shows a preview; the downloads carry every filtered row
EXPORT_COLUMNS = [
    "region_name", "region_code", "indicator_name", "indicator", "value", "unit", "qualifier", "age_threshold",
    "population_base", "status", "ref_period", "printed", "quote", "flags", "flag_reasons", "alternatives",
    "confidence",
    "primary", "review_state", "original_value", "review_reason", "reviewer", "bulletin_issue", "bulletin_date",
    "album_no", "source_file", "span_start", "span_end", "steps",
]
# What a reader checks first sits left: who, what, how much (flagged or not), as printed, in which sentence.
FIRST = ["region_name", "indicator_name", "value_shown", "flags", "printed", "quote", "bulletin_issue",
         "bulletin_date"]


def with_names(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The export's columns: indicator names and each flag's reason in the page's language beside the codes."""
    semi = punctuation(lang)[1]
    names = {i.code: i.name(lang) for i in CATALOG.indicators}
    reasons = rows["flags"].map(lambda fl: semi.join(flag_reasons(list(fl), lang)) if fl is not None else "")
    return rows.assign(indicator_name=rows["indicator"].map(names), flag_reasons=reasons)[EXPORT_COLUMNS]


def on_screen(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Codes read as words, gaps blank, headers in the page's language; the export keeps the stable codes."""
    view = table.copy()
    # The number as a reader says it (≥1,300家, 929.24万人) beside the raw value the column sorts by.
    view["value_shown"] = [value_text(v, u, q, lang) + (" ⚠" if is_flagged(list(fl)) else "")
                           for v, u, q, fl in zip(*(view[c].tolist() for c in ("value", "unit", "qualifier", "flags")),
                                                  strict=True)]
    view["age_threshold"] = view["age_threshold"].map(lambda a: measure_label(a, None, None, lang))
    sep = punctuation(lang)[0]
    view["flags"] = view["flags"].map(lambda fl: sep.join(flag_labels(list(fl), lang)))
    view["alternatives"] = view["alternatives"].map(lambda al: sep.join(f"{v:g}" for v in al))
    view["qualifier"] = view["qualifier"].map(lambda q: t(f"q_{q}", lang))
    view["unit"] = view["unit"].map(lambda u: unit_label(u, lang))
    for column, prefix in (("population_base", "base_"), ("status", "status_")):
        view[column] = view[column].map(lambda v, p=prefix: t(p + v, lang) if isinstance(v, str) else "")
    for column in ("ref_period", "bulletin_issue", "bulletin_date"):
        view[column] = view[column].fillna("")
    view = view[FIRST + [c for c in view.columns if c not in FIRST]]
    view.columns = [column_label(col, lang) for col in view.columns]
    return view


@st.cache_data(show_spinner=False, max_entries=32)
def _preview(db_version: tuple[str, int, int], lang: str, filters: tuple) -> pd.DataFrame:  # keys of the cache
    rows = data.query_uncached("filtered_records", limit=PREVIEW_ROWS, **dict(filters))
    return on_screen(with_names(rows, lang), lang)


def preview(filters: dict, lang: str) -> pd.DataFrame:
    """The first PREVIEW_ROWS filtered records as the screen shows them."""
    return _preview(data.version(), lang, data.frozen(filters))


def everything(filters: dict, lang: str) -> pd.DataFrame:
    """Every filtered row in the export's columns (fetched only when a download asks: a million, maybe)."""
    return with_names(data.query("filtered_records", **filters), lang)
