"""地图: Henan's cities coloured by one indicator, drawn offline; 未报告 cities shown as such."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, state, ui
from dashboard.format import is_flagged, md, value_text
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
codes = [i.code for i in CATALOG.indicators]
# In presenter mode there are no controls: the presenter sets the view before (or in the link).
controls = ui.hidden_controls() if state.presenter() else st.container()
code = controls.selectbox(t("pick_indicator", lang), codes, index=codes.index(state.get("indicator")),
                    key=f"w_map_indicator_{lang}",
                    format_func=lambda c: CATALOG.by_code[c].name(lang))
state.put("indicator", code)
indicator = CATALOG.by_code[code]
name = indicator.name(lang)

values = ui.city_values(data.query("latest_values", indicator=code, reviewed_only=state.reviewed_only()))
cities = data.query("henan_cities")
drawn = values[values["region_code"].isin(cities["code"])]
districts = values[~values["region_code"].isin(cities["code"])]
groups = ui.measure_groups(drawn) if not drawn.empty else []
measure = ""
elsewhere = drawn.iloc[0:0]  # cities that reported this indicator under another measure
if len(groups) > 1:
    labels = [ui.measure_name(k, lang) for k, _ in groups]
    pick = controls.radio(t("measure", lang), range(len(groups)), format_func=labels.__getitem__, horizontal=True,
                    key=f"w_map_measure_{code}_{lang}",
                    index=state.get("measure") if (state.get("measure") or 0) < len(groups) else 0)
    state.put("measure", pick)
    elsewhere = drawn[~drawn["region_code"].isin(groups[pick][1]["region_code"])]
    drawn, measure = groups[pick][1], labels[pick]
elif groups:
    measure = ui.measure_name(groups[0][0], lang)

shown = {
    r.region_code: (float(r.value), value_text(r.value, r.unit, r.qualifier, lang)
                    + (" ⚠" if is_flagged(list(r.flags) if r.flags is not None else []) else ""))
    for r in drawn.itertuples()
}
# A city that gave a 60+ share is not 未报告 on the 65+ map: it says which measure it used, uncoloured.
other = {
    r.region_code: f"{ui.measure_name((r.age_threshold, r.population_base, r.status), lang)}"
                   f" {value_text(r.value, r.unit, r.qualifier, lang)}"
    for r in elsewhere.assign(**{k: elsewhere[k].astype(object).where(elsewhere[k].notna(), None)
                                 for k in ("age_threshold", "population_base", "status")}).itertuples()
}
sep, semi, left, right = ui.punctuation(lang)
title = t("map_title", lang, indicator=name + (f"{left}{measure}{right}" if measure else ""))
source = ui.source_line(drawn, lang) if len(drawn) else ""
if state.presenter():  # the credit goes into the slide's figure, which leaves its notes the room
    source = f"{source}<br>{t('map_credit', lang)}" if source else t("map_credit", lang)
fig = charts.map_figure(shown, title=title, source=source,
                        lang=lang, unit=indicator.unit, missing_label=t("not_reported", lang),
                        presenter=state.presenter(), other=other,
                        other_label=t("other_measure_short", lang))
# In presenter mode the map is a slide: its notes stand beside it, so the whole fits one screen.
chart, notes = st.columns([3, 2]) if state.presenter() else (st.container(), st.container())
with chart:
    ui.show_chart(fig, filename=f"map_{code}", key="map_chart", fixed=state.presenter())
everyone = ui.universe()  # names in the page's language
silent = everyone["region_code"].isin(cities["code"]) & ~everyone["region_code"].isin(values["region_code"])
with notes:
    ui.notes(drawn, everyone.loc[silent, "region_name"].tolist(), lang)
if len(elsewhere):
    notes.caption(md(t("other_measures", lang, items=semi.join(
        f"{r.region_name} {other[r.region_code]}" for r in elsewhere.itertuples()))))
if len(districts):
    notes.caption(md(t("map_district_note", lang, items=sep.join(
        f"{r.region_name} {value_text(r.value, r.unit, r.qualifier, lang)}" for r in districts.itertuples()))))
if not state.presenter():
    notes.caption(t("map_credit", lang))
