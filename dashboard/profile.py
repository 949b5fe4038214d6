"""The city profile's tables: each value with its measure, flags, sentence (its number marked) and
bulletin, by domain, then each county's or district's, as HTML built once per city, language and
database version. Bulletin text is escaped before it is marked: data, never markup."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.format import (
    bulletin_label,
    flag_labels,
    flag_reasons,
    is_flagged,
    measure_label,
    punctuation,
    value_text,
)
from dashboard.i18n import t
from extract.catalog import CATALOG

# The tables' look, put on the page once (views/city.py), not once per table.
STYLE = (
    "<style>.cp{width:100%;border-collapse:collapse;table-layout:fixed}"
    ".cp td{border-bottom:1px solid #e5e5e5;padding:6px 8px;vertical-align:top}"
    ".cp td.num{font-size:1.15em}.cp tr.secondary{color:#666}"
    ".badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;background:#fff4e6;"
    "color:#d9480f;font-size:.8em;border:1px solid #d9480f}mark{background:#fff3a3}</style>"
)
# Fixed columns, so the tables of successive domains line up under each other.
COLUMNS = ("<colgroup><col style='width:20%'><col style='width:20%'><col style='width:42%'>"
           "<col style='width:18%'></colgroup>")


def highlight(quote: str, printed: str) -> str:
    """The quote with its number marked, escaped for HTML."""
    q, p = html.escape(quote), html.escape(printed)
    return q.replace(p, f"<mark>{p}</mark>", 1) if p and p in q else q


def source_link(code: str, source_file: str, indicator: str, span_start: int, lang: str) -> str:
    """A link that opens 原文 at this value's sentence (a new run reads the view from the URL)."""
    params = {"cities": code, "doc": source_file, "rec": state.record_id(indicator, span_start)}
    if lang != "zh":
        params["lang"] = lang
    href = html.escape("sources?" + urlencode(params), quote=True)
    return f"<a class='src' href='{href}'>{html.escape(t('open_source', lang))}</a>"


def row_html(r, code: str, lang: str) -> str:
    """One value: name and measure, the number with its badges and reasons, the sentence, the bulletin."""
    ind = CATALOG.by_code[r.indicator]
    flags = list(r.flags) if r.flags is not None else []
    badges = "".join(f"<span class='badge'>⚠ {html.escape(label)}</span>" for label in flag_labels(flags, lang))
    measure = measure_label(r.age_threshold, r.population_base, r.status, lang)
    role = t("primary_badge", lang) if r.primary else t("secondary_badge", lang)
    if r.review_state == "corrected":
        badges += "<span class='badge'>✎ " + html.escape(t("corrected_from", lang, value=value_text(
            r.original_value, r.unit, "exact", lang))) + "</span>"
    elif r.review_state != "unreviewed":
        badges += f"<span class='badge'>{html.escape(t('rs_' + r.review_state, lang))}</span>"
    note = ""
    if is_flagged(flags):
        semi = punctuation(lang)[1]
        note = "<br><small>" + html.escape(semi.join(flag_reasons(flags, lang)) + semi
                                           + t("flag_explain", lang, printed=r.printed))
        if len(r.alternatives):
            alts = "、".join(value_text(v, r.unit, "exact", lang) for v in r.alternatives)
            note += "；" + html.escape(t("alternatives", lang, values=alts))
        note += "</small>"
    return (
        f"<tr class='{'primary' if r.primary else 'secondary'}'>"
        f"<td><b>{html.escape(ind.name(lang))}</b>"
        f"<br><small>{html.escape(measure)} {html.escape(role)}</small></td>"
        f"<td class='num'>{html.escape(value_text(r.value, r.unit, r.qualifier, lang))}{badges}{note}</td>"
        f"<td>{highlight(str(r.quote), str(r.printed))}</td>"
        f"<td><small>{html.escape(bulletin_label(r.bulletin_issue, r.bulletin_date, r.album_no, lang))}"
        f"<br>{html.escape(str(r.source_file))}"
        f"<br>{source_link(code, r.source_file, r.indicator, r.span_start, lang)}</small></td></tr>"
    )


def sections(records: pd.DataFrame, code: str, lang: str) -> list[tuple[str, bool, str]]:
    """(heading, is a county's, table HTML): the city's own values by domain, then each county's or
    district's (the drill-down); empty domains are left out."""
    out = []
    own = records[~records["drill_down"]]
    for domain_code, domain in CATALOG.domains.items():
        part = own[own["domain"] == domain_code]
        if len(part):
            out.append((domain.name(lang), False, _table(part, code, lang)))
    for _, part in records[records["drill_down"]].groupby("region_code", sort=True):
        out.append((part["region_name"].iloc[0], True, _table(part, code, lang)))  # named in the page's language
    return out


def _table(part: pd.DataFrame, code: str, lang: str) -> str:
    return f"<table class='cp'>{COLUMNS}{''.join(row_html(r, code, lang) for r in part.itertuples())}</table>"


@st.cache_data(show_spinner=False, max_entries=64)
def _profile(db_version: tuple[str, int, int], code: str, lang: str) -> tuple[list, list[str]]:  # cache keys
    records = data.query_uncached("region_records", region_code=code)
    reported = set(records["indicator"])
    return sections(records, code, lang), [i.name(lang) for i in CATALOG.indicators if i.code not in reported]


def profile(code: str, lang: str) -> tuple[list[tuple[str, bool, str]], list[str]]:
    """The city's sections, and the names of the indicators it did not report."""
    return _profile(data.version(), code, lang)
