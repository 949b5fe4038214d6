"""城市对比: one indicator, every city that reported it, one measure at a time."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, state, ui
from dashboard.format import bulletin_label, flag_labels, value_text
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
presenter = state.presenter()
sep, semi, left_bracket, right_bracket = ui.punctuation(lang)


def name(code: str) -> str:
    ind = CATALOG.by_code[code]
    return ind.name_en if lang == "en" else ind.name_zh


def domain_name(code: str) -> str:
    d = CATALOG.domains[CATALOG.by_code[code].domain]
    return d.en if lang == "en" else d.zh


# Grouped by domain (in the catalog's domain order), each domain's indicators in catalog order.
domain_order = list(CATALOG.domains)
codes = [i.code for i in sorted(CATALOG.indicators, key=lambda i: domain_order.index(i.domain))]
current = state.get("indicator")
everyone = ui.universe()

controls = st.container() if not presenter else st.expander(t("pick_indicator", lang))
with controls:
    left, right = st.columns([2, 3])
    code = left.selectbox(t("pick_indicator", lang), codes, index=codes.index(current), key="w_indicator",
                          format_func=lambda c: f"{domain_name(c)} › {name(c)}")
    highlight = right.multiselect(
        t("pick_cities", lang), everyone["region_code"].tolist(),
        default=[c for c in (state.get("cities") or []) if c in set(everyone["region_code"])],
        format_func=dict(zip(everyone["region_code"], everyone["region_name"], strict=True)).get, key="w_cities",
        placeholder=t("choose", lang))
state.put("indicator", code)
state.put("cities", highlight)

indicator = CATALOG.by_code[code]
values = data.query("latest_values", indicator=code)
if values.empty:
    st.info(t("no_values", lang))
    ui.notes(values.assign(flags=[], qualifier=[]), ui.missing_names(values), lang)
    st.stop()

groups = ui.measure_groups(values)
labels = [ui.measure_name(key, lang) or name(code) for key, _ in groups]
choice = 0
if len(groups) > 1:
    st.warning(t("mixed_warning", lang, indicator=name(code)))
    choice = st.radio(t("measure", lang), range(len(groups)), horizontal=True, key=f"w_measure_{code}",
                      format_func=lambda n: f"{labels[n]}（{len(groups[n][1])}）")
key, part = groups[choice]

norm = "none"
if indicator.unit != "percent":
    options = ["none", "elderly", "resident"]
    norm = st.radio(t("normalise", lang), options, horizontal=True, key=f"w_norm_{code}",
                    format_func=lambda o: t(f"norm_{o}", lang))

shown = part.copy()
value_column = "value"
cannot: list[str] = []
if norm != "none":
    if norm == "elderly":
        base = data.query("elderly_population").set_index("region_code")["elderly"]
    else:
        base = data.query("reported_regions").set_index("region_code")["population_10k"].dropna() * 10_000
    shown["per"] = shown["region_code"].map(base)
    cannot = shown.loc[shown["per"].isna(), "region_name"].tolist()
    shown = shown.dropna(subset=["per"])
    shown["per10k"] = shown["value"] / shown["per"] * 10_000
    value_column = "per10k"

measure = labels[choice]
measure_text = " · ".join(x for x in (measure if measure != name(code) else "",
                                      t(f"norm_{norm}", lang) if norm != "none" else "") if x)
title = ui.chart_title(code, lang, measure_text, with_unit=norm == "none")
if shown.empty:
    st.info(t("norm_missing", lang, cities=sep.join(cannot)))
else:
    cited = charts.shortlist(shown, value_column, frozenset(highlight))
    fig = charts.bar_chart(shown, title=title, source=ui.source_line(cited, lang), unit=indicator.unit, lang=lang,
                           presenter=presenter, highlight=frozenset(highlight), value_column=value_column)
    if value_column != "value":
        fig.update_traces(text=[f"{v:.2f}" for v in shown.sort_values(value_column)[value_column]])
    ui.show_chart(fig, filename=f"{code}_{measure}", key="compare_chart")

ui.notes(part, ui.missing_names(values), lang)
if cannot:
    st.caption(t("norm_missing", lang, cities=sep.join(cannot)))
others = [g for n, g in enumerate(groups) if n != choice]
if others:
    st.caption(t("other_measures", lang, items=semi.join(
        f"{ui.measure_name(k, lang)}{'：' if lang == 'zh' else ': '}{sep.join(p['region_name'])}" for k, p in others)))

if not presenter:
    # The table is the chart's accessible twin: every number with its sentence and bulletin.
    table = pd.DataFrame({
        t("city", lang): part["region_name"],
        t("value", lang): [value_text(r.value, r.unit, r.qualifier, lang) for r in part.itertuples()],
        t("printed", lang): part["printed"],
        t("flags", lang): [sep.join(flag_labels(list(f), lang)) for f in part["flags"]],
        t("quote", lang): part["quote"],
        t("bulletin", lang): [bulletin_label(r.bulletin_issue, r.bulletin_date, r.album_no, lang)
                              for r in part.itertuples()],
    })
    st.dataframe(table, hide_index=True, width="stretch")
