"""城市档案: everything one city reported, by domain, each value with its sentence and bulletin."""

from __future__ import annotations

import streamlit as st

from dashboard import data, profile, state
from dashboard.format import md
from dashboard.i18n import t

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
st.title(t("city_title", lang, city=names[code]))
tables, missing = profile.profile(code, lang)
st.html(profile.STYLE)
drilled = False
for heading, county, table in tables:
    if county and not drilled:
        st.header(t("drill_down", lang))
        drilled = True
    st.subheader(md(heading))
    st.html(table)

if missing:
    sep = "、" if lang == "zh" else ", "
    st.caption(t("not_reported_list", lang, cities="") + sep.join(missing))
