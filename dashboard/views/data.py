"""数据表: filter the records, see them, take them away as CSV (Excel-safe) or .xlsx."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, records_table, state
from dashboard.export import CODES, filename, localize, to_csv_bytes, to_xlsx_bytes
from dashboard.format import SIGNS
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
choose = t("choose", lang)
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header
MAX_FILE_OPTIONS = 1_000

regions = data.query("region_names")
# Every bulletin as a filter option only while that list stays short (the query itself is slow at tens of thousands).
documents_total = data.query("document_count")
documents = data.query("documents") if documents_total <= MAX_FILE_OPTIONS else None
region_names = dict(zip(regions["region_code"], regions["region_name"], strict=True))
indicator_names = {i.code: i.name(lang) for i in CATALOG.indicators}
domain_names = {k: d.name(lang) for k, d in CATALOG.domains.items()}


def chosen(column, label: str, options: list[str], name: str, placeholder: str = choose, **kw) -> list[str]:
    """A filter whose choice lives in the view (and so in the link); its key follows the language,
    so a switch redraws it in the new language with the same choice."""
    default = [x for x in (state.get(name) or []) if x in options]
    value = column.multiselect(label, options, default=default, key=f"w_f_{name}_{lang}", placeholder=placeholder,
                               **kw)
    state.put(name, value)
    return value


with st.expander(t("filters", lang), expanded=True):
    a, b, c = st.columns(3)
    cities = chosen(a, t("cities", lang), list(region_names), "cities", format_func=region_names.get)
    domains = chosen(b, t("domain", lang), list(domain_names), "domains", format_func=domain_names.get)
    shown_indicators = [i.code for i in CATALOG.indicators if not domains or i.domain in domains]
    indicators = chosen(c, t("indicator", lang), shown_indicators, "indicators", format_func=indicator_names.get)
    d, e, f, g = st.columns([1, 1, 2, 1])
    qualifiers = chosen(d, t("qualifier", lang), list(SIGNS), "qualifiers", format_func=lambda q: t(f"q_{q}", lang))
    flags = chosen(e, t("flags", lang), list(CATALOG.flags), "flags", format_func=lambda x: t(f"flag_{x}", lang))
    # Bulletins of the chosen cities; with no city chosen, all of them only while that list stays short.
    if cities:
        docs = pd.concat([data.query("documents", region_code=c) for c in cities]).drop_duplicates("source_file")
        doc_regions = dict(zip(docs["source_file"], docs["regions"], strict=True))
    elif documents is not None:
        doc_regions = dict(zip(documents["source_file"], documents["regions"], strict=True))
    else:
        doc_regions = {}
    files = chosen(f, t("bulletin", lang), list(doc_regions), "files",
                   placeholder=choose if doc_regions or not documents_total else t("pick_city_first", lang),
                   format_func=lambda s: f"{s} · {doc_regions[s]}")
    primary_only = g.toggle(t("primary_only", lang), key=f"w_f_primary_{lang}", value=bool(state.get("primary")))
    state.put("primary", primary_only)

filters = {"regions": cities, "domains": domains, "indicators_": indicators, "qualifiers": qualifiers, "flags": flags,
           "files": files, "primary_only": primary_only}
total = data.query("count_filtered", **filters)
more = "" if total <= records_table.PREVIEW_ROWS else t("preview_note", lang, n=f"{records_table.PREVIEW_ROWS:,}")
st.caption(t("rows", lang, n=f"{total:,}") + more)

# One language per view: headers and cells follow the page; analysts may take stable codes instead.
cells = st.radio(t("export_cells", lang), ["words", CODES], horizontal=True, key=f"w_export_cells_{lang}",
                 index=1 if state.get("cells") == CODES else 0, format_func=lambda x: t(f"cells_{x}", lang))
state.put("cells", cells)
label_parts = [region_names[c] for c in cities] + [indicator_names[i] for i in indicators] + \
    [domain_names[d] for d in domains] + [t(f"flag_{x}", lang) for x in flags] + \
    [t(f"q_{q}", lang) for q in qualifiers] + files + ([t("primary_only", lang)] if primary_only else [])


def everything():
    """All filtered rows, fetched only when a download button is pressed (they can be a million)."""
    rows = records_table.everything(filters, lang)
    return rows if cells == CODES else localize(rows, lang)


header_lang = CODES if cells == CODES else lang


left, right = st.columns(2)
left.download_button(t("download_csv", lang), lambda: to_csv_bytes(everything(), header_lang),
                     file_name=filename(label_parts, "csv", lang=lang), mime="text/csv", key="download_csv",
                     width="stretch", on_click="ignore")
right.download_button(t("download_xlsx", lang), lambda: to_xlsx_bytes(everything(), header_lang),
                      file_name=filename(label_parts, "xlsx", lang=lang), key="download_xlsx", width="stretch",
                      on_click="ignore", disabled=total >= XLSX_MAX_ROWS,
                      help=t("xlsx_too_big", lang) if total >= XLSX_MAX_ROWS else None,
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

st.dataframe(records_table.preview(filters, lang), hide_index=True, width="stretch", height=560)
