"""The overview's headline charts and their notes, built once per view and database version.

The start page is what a whole room opens at once. Its four charts depend only on the indicator,
the language, presenter mode and slide, the highlighted cities, the reviewed-only switch and the
database's version, so they are built once per server process for all those visitors: building
them (pandas filtering, Plotly's validation of every property) cost about half of the page's run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, data, ui
from dashboard.i18n import t
from extract.catalog import CATALOG


@dataclass(frozen=True)
class Headline:
    title: str  # shown as a heading when there is no chart
    fig: go.Figure | None  # None: no city reported the indicator
    notes: tuple[str, ...]  # 未报告, ⚠ and qualified values, as ui.notes writes them
    references: tuple[tuple[str, float], ...]  # the province's and the nation's lines


def headline(code: str, *, lang: str, presenter: bool, slide: bool, highlight: frozenset[str],
             reviewed_only: bool) -> Headline:
    return _build(code, lang, presenter, slide, highlight, reviewed_only, data.version())


@lru_cache(maxsize=128)
def _build(code: str, lang: str, presenter: bool, slide: bool, highlight: frozenset[str], reviewed_only: bool,
           db_version: tuple) -> Headline:  # db_version: part of the key, so new data means new charts
    every = data.query("headline_values", codes=[i.code for i in CATALOG.headline()],  # one query for the four
                       reviewed_only=reviewed_only)
    everything = every[every["indicator"] == code]
    values = ui.city_values(everything)
    if values.empty:
        return Headline(CATALOG.by_code[code].name(lang), None, (t("no_values", lang),), ())
    groups = ui.measure_groups(values)
    measure = ui.measure_name(groups[0][0], lang) if len(groups) == 1 else ""
    title = ui.chart_title(code, lang, measure)
    panels = [(ui.measure_name(key, lang), part) for key, part in groups] if len(groups) > 1 else [("", values)]
    cited = pd.concat([charts.shortlist(part) for _, part in panels])  # the PNG cites what it shows
    references = [ui.reference_lines(everything, key, lang) for key, _ in groups]
    fig = charts.faceted_bars(panels, title=title, source=ui.source_line(cited, lang), references=references,
                              unit=CATALOG.by_code[code].unit, lang=lang, presenter=presenter, highlight=highlight,
                              source_width=88 if slide else 110 if presenter else 62,  # the chart's width
                              max_height=charts.SLIDE_PLOT_HEIGHT if slide else None)
    notes = ui.note_lines(values, ui.missing_names(values), lang)
    return Headline(title, fig, tuple(notes), tuple(line for lines in references for line in lines))
