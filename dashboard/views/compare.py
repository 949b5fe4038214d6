"""城市对比: one indicator, every city that reported it, one measure at a time."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, normalise, state, ui
from dashboard.format import bulletin_label, flag_labels, is_flagged, md, measure_label, value_text
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
presenter = state.presenter()
sep, semi, _, _ = ui.punctuation(lang)


def name(code: str) -> str:
    return CATALOG.by_code[code].name(lang)


def domain_name(code: str) -> str:
    d = CATALOG.domains[CATALOG.by_code[code].domain]
    return d.name(lang)


# Grouped by domain (in the catalog's domain order), each domain's indicators in catalog order.
domain_order = list(CATALOG.domains)
codes = [i.code for i in sorted(CATALOG.indicators, key=lambda i: domain_order.index(i.domain))]
current = state.get("indicator")
everyone = ui.universe()

controls = st.container() if not presenter else ui.hidden_controls()
with controls:
    left, right = st.columns([2, 3])
    code = left.selectbox(t("pick_indicator", lang), codes, index=codes.index(current), key=f"w_indicator_{lang}",
                          format_func=lambda c: f"{domain_name(c)} › {name(c)}")
    highlight = right.multiselect(
        t("pick_cities", lang), everyone["region_code"].tolist(),
        default=[c for c in (state.get("cities") or []) if c in set(everyone["region_code"])],
        format_func=dict(zip(everyone["region_code"], everyone["region_name"], strict=True)).get,
        key=f"w_cities_{lang}", placeholder=t("choose", lang))
state.put("indicator", code)
state.put("cities", highlight)

indicator = CATALOG.by_code[code]
everything = data.query("latest_values", indicator=code, reviewed_only=state.reviewed_only())
values = ui.city_values(everything)
if values.empty:
    st.info(t("no_values", lang))
    ui.notes(values.assign(flags=[], qualifier=[]), ui.missing_names(values), lang)
    st.stop()

groups = ui.measure_groups(values)
labels = [ui.measure_name(key, lang) or name(code) for key, _ in groups]
choice = 0
if len(groups) > 1:
    st.warning(t("mixed_warning", lang, indicator=name(code)))
    # Widgets are keyed by language, so a switch draws them anew in the new language; their choice
    # comes from the view (and the URL), so it is kept.
    wanted = state.get("measure") if (state.get("measure") or 0) < len(groups) else 0
    choice = st.radio(t("measure", lang), range(len(groups)), horizontal=True, key=f"w_measure_{code}_{lang}",
                      index=wanted,
                      format_func=lambda n: f"{labels[n]}（{len(groups[n][1])}）")
state.put("measure", choice)
key, part = groups[choice]

norm = "none"
if indicator.unit != "percent":
    options = ["none", "elderly", "resident"]
    norm = st.radio(t("normalise", lang), options, horizontal=True, key=f"w_norm_{code}_{lang}",
                    index=options.index(state.get("per")) if state.get("per") in options else 0,
                    format_func=lambda o: t(f"norm_{o}", lang))

state.put("per", norm)
value_column = "value"
cannot: list[str] = []
source_extra = ""
if norm == "none":
    shown = part.copy()
    panels = [("", shown)]
    per_text = ""
else:
    value_column = "per10k"
    if norm == "elderly":
        shown, cannot = normalise.per_elderly(part, data.query("elderly_population"))
    else:
        population = data.query("reported_regions").set_index("region_code")["population_10k"].dropna()
        shown, cannot = normalise.per_resident(part, population)
        source_extra = "<br>" + t("population_source", lang)
    # One panel per denominator measure: per 60+ residents and per 65+ hukou holders are not one ranking.
    groups_by_base = normalise.panels(shown)
    labels_by_base = [t(f"norm_{norm}_measure", lang, measure=measure_label(age, base, None, lang))
                      for (age, base), _ in groups_by_base]
    panels = list(zip(labels_by_base, [g for _, g in groups_by_base], strict=True))
    per_text = labels_by_base[0] if len(panels) == 1 else t(f"norm_{norm}", lang)
    if len(panels) == 1:
        panels = [("", panels[0][1])]

measure = labels[choice]
measure_text = " · ".join(x for x in (measure if measure != name(code) else "", per_text) if x)
title = ui.chart_title(code, lang, measure_text, with_unit=norm == "none")
if shown.empty:
    st.info(t("norm_missing", lang, cities=sep.join(cannot)))
else:
    cited = pd.concat([charts.shortlist(g, value_column, frozenset(highlight)) for _, g in panels])
    references = [ui.reference_lines(everything, key, lang) if norm == "none" else [] for _ in panels]
    fig = charts.faceted_bars(panels, title=title, source=ui.source_line(cited, lang) + source_extra,
                              unit=indicator.unit, lang=lang, presenter=presenter, highlight=frozenset(highlight),
                              value_column=value_column, references=references)
    ui.show_chart(fig, filename=f"{code}_{measure}", key="compare_chart")

ui.notes(part, ui.missing_names(values), lang)
if norm == "none":
    ui.reference_note(ui.reference_lines(everything, key, lang), lang)
if cannot:
    st.caption(md(t("norm_missing", lang, cities=sep.join(cannot))))
if norm == "elderly" and len(shown):
    doubtful = shown[shown["elderly_flags"].map(lambda f: is_flagged(list(f)))]
    if len(doubtful):
        st.caption(md(t("denominator_flagged", lang, items=semi.join(
            ui.flag_item(r.region_name, value_text(r.elderly, "person", r.elderly_qualifier, lang),
                         list(r.elderly_flags), r.elderly_printed, lang) for r in doubtful.itertuples()))))
others = [g for n, g in enumerate(groups) if n != choice]
if others:
    st.caption(md(t("other_measures", lang, items=semi.join(
        f"{ui.measure_name(k, lang)}{'：' if lang == 'zh' else ': '}{sep.join(p['region_name'])}" for k, p in others))))

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

# Counties and districts: their own chart, on request, never bars in the city ranking.
parents = data.query("county_cities", indicator=code, reviewed_only=state.reviewed_only())
if parents and not presenter:
    city_names = dict(zip(everyone["region_code"], everyone["region_name"], strict=True))
    chosen = st.multiselect(t("show_counties", lang), parents, format_func=lambda c: city_names.get(c, c),
                            default=[c for c in (state.get("counties") or []) if c in parents],
                            key=f"w_counties_{lang}", placeholder=t("choose", lang))
    state.put("counties", chosen)
    counties = data.query("latest_values", indicator=code, reviewed_only=state.reviewed_only(),
                          counties_of=chosen) if chosen else None
    for city in chosen:
        mine = counties[counties["city_code"] == city]
        city_name = city_names.get(city, city)
        label = t("counties_title", lang, city=city_name, indicator=name(code))
        for ckey, cpart in ui.measure_groups(mine):
            fig = charts.bar_chart(cpart, title=" · ".join(x for x in (label, ui.measure_name(ckey, lang)) if x),
                                   source=ui.source_line(cpart, lang), unit=indicator.unit, lang=lang,
                                   highlight=frozenset())
            ui.show_chart(fig, filename=f"{code}_{city}_counties", key=f"counties_{city}_{ckey}")
