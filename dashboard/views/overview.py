"""总览: the four headline indicators across cities, and which city reported what."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, state, ui
from dashboard import headline as headlines
from dashboard.i18n import t
from extract.catalog import CATALOG

lang = state.lang()
presenter = state.presenter()
headline = CATALOG.headline()
MATRIX_ROWS = 100


def headline_chart(code: str, key: str, *, slide: bool = False) -> None:
    """One headline indicator: its chart, then who did not report and what is flagged. On a slide the
    notes stand beside the chart and the chart's height is capped, so the whole slide fits 1280×720."""
    view = headlines.headline(code, lang=lang, presenter=presenter, slide=slide,
                              highlight=frozenset(state.get("cities") or []), reviewed_only=state.reviewed_only())
    if view.fig is None:
        st.subheader(view.title)
        st.info(view.notes[0])
        return
    chart, notes = st.columns([7, 3]) if slide else (st.container(), st.container())
    with chart:
        ui.show_chart(view.fig, filename=f"{code}", key=key)
    with notes:
        ui.show_notes(view.notes)
        ui.reference_note(list(view.references), lang)


def coverage_grid() -> None:
    """Which city reported what: a ✓ or 未报告 for every city and indicator."""
    st.caption(t("coverage_help", lang))
    summary = data.query("coverage_summary")
    names = {i.code: i.name(lang) for i in CATALOG.indicators}
    many = bool(len(summary)) and int(summary["regions"].iloc[0]) > MATRIX_ROWS
    if many:  # thousands of regions: first say, per indicator, how many reported
        st.dataframe(pd.DataFrame({
            t("indicator", lang): summary["indicator"].map(names),
            t("reported_n", lang): summary["reported"],
            t("not_reported", lang): summary["regions"] - summary["reported"],
        }), hide_index=True, width="stretch")
        st.caption(t("matrix_first", lang, n=MATRIX_ROWS))
    cov = data.query("coverage", max_regions=MATRIX_ROWS if many else None)
    if not many:  # Henan's cities with no bulletin yet are rows of 未报告: the gap is the point
        silent = ui.universe()
        silent = silent[~silent["region_code"].isin(cov["region_code"])]
        cov = pd.concat([cov, silent.merge(pd.DataFrame({"indicator": [i.code for i in CATALOG.indicators]}),
                                           how="cross").assign(n=0)])
    if not cov.empty:
        cov["label"] = cov["n"].map(lambda n: "✓" if n else t("not_reported", lang))
        order = cov.sort_values("region_code")["region_name"].drop_duplicates()
        matrix = cov.pivot(index="region_name", columns="indicator", values="label").loc[order]
        matrix = matrix[[i.code for i in CATALOG.indicators if i.code in matrix.columns]]
        matrix.columns = [names[c] for c in matrix.columns]
        matrix.index.name = t("city", lang)

        def shade(cell: str) -> str:
            return "background-color: #e7f5e9; color: #1b5e20" if cell == "✓" else "color: #9a6700"

        st.dataframe(pd.DataFrame(matrix).style.map(shade), width="stretch")


if presenter:
    # Slides: one headline chart at a time, previous / next.
    slide = min(int(state.get("slide") or 0), len(headline) - 1)
    left, middle, right = st.columns([1, 4, 1], vertical_alignment="center")
    if left.button(t("prev", lang), disabled=slide == 0, key="prev_slide"):
        state.put("slide", slide - 1)
        st.rerun()
    middle.markdown(f"<div style='text-align:center'>{t('slide', lang, n=slide + 1, total=len(headline))}</div>",
                    unsafe_allow_html=True)
    if right.button(t("next", lang), disabled=slide == len(headline) - 1, key="next_slide"):
        state.put("slide", slide + 1)
        st.rerun()
    headline_chart(headline[slide].code, key=f"slide_{slide}", slide=True)
    ui.slide_keys()
else:
    st.title(t("overview_title", lang))
    if waiting := data.query("unreviewed"):
        st.caption(t("unreviewed_note", lang, n=waiting))
    rows = [headline[:2], headline[2:]]
    for n, row in enumerate(rows):
        for column, ind in zip(st.columns(len(row)), row, strict=True):
            with column:
                headline_chart(ind.code, key=f"headline_{n}_{ind.code}")

    # Drawn only when opened: the grid is the page's heaviest element for the server and the
    # browser, and a room opening the link first wants the charts.
    st.session_state["w_grid"] = bool(state.get("grid"))
    grid = st.expander(t("coverage_title", lang), key="w_grid",
                       on_change=lambda: state.put("grid", bool(st.session_state.get("w_grid"))))
    if grid.open:
        with grid:
            coverage_grid()
