"""地图: Henan's cities coloured by one indicator, drawn offline; 未报告 cities shown as such."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, state, ui
from dashboard.format import value_text
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
codes = [i.code for i in CATALOG.indicators]
code = st.selectbox(t("pick_indicator", lang), codes, index=codes.index(state.get("indicator")), key="w_map_indicator",
                    format_func=lambda c: CATALOG.by_code[c].name_en if lang == "en" else CATALOG.by_code[c].name_zh)
state.put("indicator", code)
indicator = CATALOG.by_code[code]
name = indicator.name_en if lang == "en" else indicator.name_zh

values = data.query("latest_values", indicator=code)
cities = data.query("henan_cities")
drawn = values[values["region_code"].isin(cities["code"])]
districts = values[~values["region_code"].isin(cities["code"])]
groups = ui.measure_groups(drawn) if not drawn.empty else []
measure = ""
if len(groups) > 1:
    labels = [ui.measure_name(k, lang) for k, _ in groups]
    pick = st.radio(t("measure", lang), range(len(groups)), format_func=labels.__getitem__, horizontal=True,
                    key=f"w_map_measure_{code}")
    drawn, measure = groups[pick][1], labels[pick]
elif groups:
    measure = ui.measure_name(groups[0][0], lang)

shown = {
    r.region_code: (float(r.value), value_text(r.value, r.unit, r.qualifier, lang) + (" ⚠" if r.flags is not None
                                                                                        and len(r.flags) else ""))
    for r in drawn.itertuples()
}
title = t("map_title", lang, indicator=name + (f"（{measure}）" if measure else ""))
fig = charts.map_figure(shown, title=title, source=ui.source_line(drawn, lang) if len(drawn) else "",
                        lang=lang, unit=indicator.unit, missing_label=t("not_reported", lang),
                        presenter=state.presenter())
ui.show_chart(fig, filename=f"map_{code}", key="map_chart")
missing = cities.loc[~cities["code"].isin(drawn["region_code"]), "name"].tolist()
if missing:
    st.caption(t("not_reported_list", lang, cities="、".join(missing)))
if len(districts):
    st.caption(t("map_district_note", lang, items="、".join(
        f"{r.region_name} {value_text(r.value, r.unit, r.qualifier, lang)}" for r in districts.itertuples())))
st.caption(t("map_credit", lang))
