"""城市档案: everything one city reported, by domain, each value with its sentence and bulletin."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from dashboard import data, state
from dashboard.format import (
    bulletin_label,
    flag_labels,
    flag_reasons,
    is_flagged,
    md,
    measure_label,
    punctuation,
    value_text,
)
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
regions = data.query("profile_regions")
codes = regions["region_code"].tolist()
names = dict(zip(codes, regions["region_name"], strict=True))
wanted = next((c for c in (state.get("cities") or []) if c in names), codes[0] if codes else None)
if wanted is None:
    st.info(t("no_data", lang))
    st.stop()

code = st.selectbox(t("pick_city", lang), codes, index=codes.index(wanted), format_func=names.get, key=f"w_city_{lang}")
if code != wanted:
    state.put("cities", [code])
records = data.query("region_records", region_code=code)
st.title(t("city_title", lang, city=names[code]))


def source_link(r) -> str:
    """A link that opens 原文 at this value's sentence (a new run reads the view from the URL)."""
    params = {"cities": code, "doc": r.source_file, "rec": state.record_id(r.indicator, r.span_start)}
    if lang != "zh":
        params["lang"] = lang
    href = html.escape("sources?" + urlencode(params), quote=True)
    return f"<a class='src' href='{href}'>{html.escape(t('open_source', lang))}</a>"


def highlight(quote: str, printed: str) -> str:
    """The quote with its number marked, escaped for HTML."""
    q, p = html.escape(quote), html.escape(printed)
    return q.replace(p, f"<mark>{p}</mark>", 1) if p and p in q else q


def sections():
    """The city's own values by domain, then each county's or district's (the drill-down)."""
    own = records[~records["drill_down"]]
    for domain_code, domain in CATALOG.domains.items():
        yield domain.name(lang), own[own["domain"] == domain_code]
    below = records[records["drill_down"]]
    if len(below):
        st.header(t("drill_down", lang))
        for _, part in below.groupby("region_code", sort=True):
            yield part["region_name"].iloc[0], part  # already in the page's language (data.query)


for heading, part in sections():
    if part.empty:
        continue
    st.subheader(md(heading))
    rows = []
    for r in part.itertuples():
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
        rows.append(
            f"<tr class='{'primary' if r.primary else 'secondary'}'>"
            f"<td><b>{html.escape(ind.name(lang))}</b>"
            f"<br><small>{html.escape(measure)} {html.escape(role)}</small></td>"
            f"<td class='num'>{html.escape(value_text(r.value, r.unit, r.qualifier, lang))}{badges}{note}</td>"
            f"<td>{highlight(str(r.quote), str(r.printed))}</td>"
            f"<td><small>{html.escape(bulletin_label(r.bulletin_issue, r.bulletin_date, r.album_no, lang))}"
            f"<br>{html.escape(str(r.source_file))}<br>{source_link(r)}</small></td></tr>"
        )
    st.html(
        "<style>.cp{width:100%;border-collapse:collapse;table-layout:fixed}"
        ".cp td{border-bottom:1px solid #e5e5e5;padding:6px 8px;vertical-align:top}"
        ".cp td.num{font-size:1.15em}.cp tr.secondary{color:#666}"
        ".badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;background:#fff4e6;"
        "color:#d9480f;font-size:.8em;border:1px solid #d9480f}mark{background:#fff3a3}</style>"
        # Fixed columns, so the tables of successive domains line up under each other.
        "<table class='cp'><colgroup><col style='width:20%'><col style='width:20%'><col style='width:42%'>"
        f"<col style='width:18%'></colgroup>{''.join(rows)}</table>"
    )

missing = [i for i in CATALOG.indicators if i.code not in set(records["indicator"])]
if missing:
    sep = "、" if lang == "zh" else ", "
    st.caption(t("not_reported_list", lang, cities="") + sep.join(
        i.name(lang) for i in missing))
