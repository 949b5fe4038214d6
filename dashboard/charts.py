"""Plotly figures. Every figure carries its title and source line inside it, so a downloaded
PNG (the modebar's camera button) still says what it shows and where the numbers came from."""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale
from plotly.subplots import make_subplots

from dashboard import labels
from dashboard.format import SIGNS, is_flagged, number, per_number, plot_text, value_text
from dashboard.i18n import t

GEOJSON = Path(__file__).resolve().parent / "henan_cities.geojson"
GREY = "#c8ccd2"
MISSING_FILL = "#eceff3"
OTHER_FILL = "#f4efe6"  # reported under another measure: neither a value on this scale nor 未报告
SCALE, SCALE_LOW, SCALE_HIGH = "Blues", 0.15, 0.7  # light enough that black labels stay readable
FLAG_LINE = "#d9480f"
# One colour per Henan city, fixed here and nowhere else, so a city looks the same in every chart
# whatever is selected. A county-level report takes its city's colour.
CITY_COLORS = {
    "410100": "#1f77b4", "410200": "#ff7f0e", "410300": "#2ca02c", "410400": "#d62728", "410500": "#9467bd",
    "410600": "#8c564b", "410700": "#e377c2", "410800": "#5254a3", "410900": "#bcbd22", "411000": "#17becf",
    "411100": "#393b79", "411200": "#637939", "411300": "#8c6d31", "411400": "#843c39", "411500": "#7b4173",
    "411600": "#3182bd", "411700": "#e6550d", "419001": "#31a354",
}
# Hatching tells a qualified value from an exact one even in greyscale print.
PATTERNS = {"exact": "", "at_least": "/", "approx": ".", "at_most": "x"}
MAX_BARS = 30  # past this a bar chart is a texture, not a comparison: the table lists the rest
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


def city_color(code: str) -> str:
    if code in CITY_COLORS:
        return CITY_COLORS[code]
    city = code[:4] + "00"
    if city in CITY_COLORS:
        return CITY_COLORS[city]
    palette = list(CITY_COLORS.values())
    return palette[int(code) % len(palette)]


# A slide's plot area (title and bars; the source lines come on top): with the slide controls, it
# leaves a 1280×720 screen room for nothing to scroll.
SLIDE_PLOT_HEIGHT = 440


def sizes(presenter: bool) -> dict[str, int]:
    """Type sizes: presenter mode is read from the back of a room."""
    if presenter:
        return {"font": 22, "title": 30, "tick": 22, "source": 16, "bar": 54}
    return {"font": 14, "title": 18, "tick": 13, "source": 11, "bar": 30}


def config(filename: str) -> dict:
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


def _units(text: str) -> int:
    """Width in half-characters: a CJK character is about twice a Latin letter."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def wrap_source(source: str, width: int) -> str:
    """Break each line of a source note to `width` half-characters, at a space or 、 where one is near.

    Plotly never wraps an annotation, and one that runs past the figure's edge is cut off in the
    PNG too: the citation must fit.
    """
    out: list[str] = []
    for line in source.split("<br>"):
        while _units(line) > width:
            cut, used = 0, 0
            for n, ch in enumerate(line):
                used += 2 if ord(ch) > 0x2E80 else 1
                if used > width:
                    break
                cut = n + 1
            soft = max(line.rfind(" ", 0, cut), line.rfind("、", 0, cut), line.rfind("，", 0, cut))
            if soft > cut // 2:
                cut = soft + 1
            out.append(line[:cut].rstrip())
            line = "　" + line[cut:].lstrip()  # continuation lines indented, so each bulletin stays one item
        out.append(line)
    return "<br>".join(out)


def _frame(fig: go.Figure, title: str, source: str, presenter: bool, height: int,
           source_width: int = 110) -> go.Figure:
    s = sizes(presenter)
    source = wrap_source(source, source_width)
    lines = source.count("<br>") + 1
    bottom = (70 if presenter else 56) + (lines - 1) * int(s["source"] * 1.5)
    top = (70 if presenter else 56) + title.count("<br>") * int(s["title"] * 1.3)
    fig.update_layout(
        title={"text": title, "font": {"size": s["title"]}, "x": 0.01, "xanchor": "left"},
        font={"size": s["font"], "family": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif",
              "color": "#111" if presenter else "#222"},
        height=height + bottom + top - (70 if presenter else 56),
        margin={"l": 10, "r": 30, "t": top, "b": bottom},
        plot_bgcolor="white", paper_bgcolor="white", showlegend=False,
    )
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, y=0, yshift=-bottom + 4,
                       xanchor="left", yanchor="bottom", showarrow=False, align="left",
                       font={"size": s["source"], "color": "#333" if presenter else "#666"})
    return fig


def _bar_trace(data: pd.DataFrame, *, unit: str, lang: str, presenter: bool, highlight: frozenset[str],
               value_column: str) -> go.Bar:
    s = sizes(presenter)
    labels, colors, lines, patterns, hovers = [], [], [], [], []
    for row in data.itertuples():
        flagged = is_flagged(list(row.flags) if row.flags is not None else [])
        shown = getattr(row, value_column)
        text = value_text(shown, unit, row.qualifier, lang, with_unit=False) if value_column == "value" \
            else SIGNS.get(row.qualifier, "") + per_number(shown)
        corrected = getattr(row, "review_state", None) == "corrected"
        original = value_text(row.original_value, row.unit, "exact", lang) if corrected else ""
        labels.append(text + (" ⚠" if flagged else "") + (" ✎" if corrected else ""))
        chosen = not highlight or row.region_code in highlight or row.region_code[:4] + "00" in highlight
        colors.append(city_color(row.region_code) if chosen else GREY)
        lines.append(FLAG_LINE if flagged else "rgba(0,0,0,0)")
        patterns.append(PATTERNS.get(row.qualifier, ""))
        # Bulletin text is data: escaped, so a tag in a quote is shown as written, never followed.
        hovers.append(f"<b>{plot_text(row.region_name)}</b>"
                      f"<br>{value_text(row.value, row.unit, row.qualifier, lang)}"
                      f"<br>{'<br>'.join(plot_text(part) for part in _chunks(str(row.quote)))}"
                      + (f"<br>✎ {t('corrected_from', lang, value=original)}" if corrected else ""))
    return go.Bar(
        x=data[value_column], y=data["region_name"].map(plot_text), orientation="h", text=labels,
        textposition="outside",
        cliponaxis=False, marker={"color": colors, "line": {"color": lines, "width": 3},
                                  "pattern": {"shape": patterns, "fgcolor": "white", "size": 8, "solidity": 0.35}},
        hovertext=hovers, hoverinfo="text", textfont={"size": s["font"]},
    )


def shortlist(df: pd.DataFrame, value_column: str = "value", keep: frozenset[str] = frozenset()) -> pd.DataFrame:
    """The MAX_BARS largest values, plus any region the user highlighted."""
    if len(df) <= MAX_BARS:
        return df
    top = df.nlargest(MAX_BARS, value_column)
    extra = df[df["region_code"].isin(keep) & ~df.index.isin(top.index)]
    return pd.concat([top, extra])


def bar_chart(df: pd.DataFrame, *, title: str, source: str, unit: str, lang: str, presenter: bool = False,
              highlight: frozenset[str] = frozenset(), value_column: str = "value",
              source_width: int = 110) -> go.Figure:
    """One bar per region, largest on top; qualifiers hatched and written (≥73%), flags outlined."""
    return faceted_bars([("", df)], title=title, source=source, unit=unit, lang=lang, presenter=presenter,
                        highlight=highlight, value_column=value_column, source_width=source_width)


def nice_ticks(top: float, most: int = 6) -> list[float]:
    """0, step, 2·step … past top, with step 1, 2 or 5 × 10ⁿ: round numbers a reader can say aloud."""
    if top <= 0:
        return [0.0]
    magnitude = 10 ** math.floor(math.log10(top / most))
    step = next(m * magnitude for m in (1, 2, 5, 10) if top / (m * magnitude) <= most)
    return [n * step for n in range(int(top // step) + 2)]


# Figures already built, by what they were built from, shared by every session of this server process:
# Plotly validates every property it is given, which costs more than the queries behind a chart, and a
# room of visitors opening one link asks for the same figures. A figure is never changed once made.
_FIGURES: OrderedDict[tuple, go.Figure] = OrderedDict()
_FIGURES_LOCK = threading.Lock()
FIGURES_KEPT = 256


def _memo(key: tuple, build: Callable[[], go.Figure]) -> go.Figure:
    with _FIGURES_LOCK:
        if key in _FIGURES:
            _FIGURES.move_to_end(key)
            return _FIGURES[key]
    fig = build()
    with _FIGURES_LOCK:
        _FIGURES[key] = fig
        while len(_FIGURES) > FIGURES_KEPT:
            _FIGURES.popitem(last=False)
    return fig


def _content_key(value: object) -> object:
    """A hashable stand-in for what a figure is built from: a table by a digest of every cell."""
    if isinstance(value, pd.DataFrame):
        # As text, since cells may hold lists (flags); the index too, as a chart may read it.
        return ("frame", hashlib.blake2b(value.to_csv().encode(), digest_size=16).hexdigest())
    if isinstance(value, list | tuple):
        return tuple(_content_key(v) for v in value)
    if isinstance(value, frozenset | set):
        return frozenset(value)
    return value


def faceted_bars(groups: list[tuple[str, pd.DataFrame]], **kwargs) -> go.Figure:
    """One panel per measure (60岁+·常住, 65岁+·常住 …): values of different measures are never one ranking.

    references[n] are labelled lines on panel n (the province's or the nation's figure of the same
    measure): a yardstick beside the cities, never a bar among them. Built once per content: see _memo."""
    key = ("faceted_bars", _content_key(groups), tuple(sorted((k, _content_key(v)) for k, v in kwargs.items())))
    return _memo(key, lambda: _faceted_bars(groups, **kwargs))


def _faceted_bars(groups: list[tuple[str, pd.DataFrame]], *, title: str, source: str, unit: str, lang: str,
                  presenter: bool = False, highlight: frozenset[str] = frozenset(),
                  value_column: str = "value", source_width: int = 110,
                  references: list[list[tuple[str, float]]] | None = None,
                  max_height: int | None = None) -> go.Figure:
    s = sizes(presenter)
    groups = [(label, shortlist(df, value_column, highlight)) for label, df in groups]
    counts = [max(len(df), 1) for _, df in groups]
    if len(groups) > 1:
        spacing = min(0.3, 90 / (s["bar"] * sum(counts) + 90 * len(groups)))
        fig = make_subplots(rows=len(groups), cols=1, row_heights=counts, vertical_spacing=spacing, shared_xaxes=True,
                            subplot_titles=[label for label, _ in groups])
    else:
        fig = go.Figure()  # make_subplots costs a third of a simple chart's render
    references = references or [[] for _ in groups]
    top = max([float(df[value_column].max()) for _, df in groups if len(df)]
              + [v for refs in references for _, v in refs] or [1.0])
    for n, (_, df) in enumerate(groups, start=1):
        data = df.sort_values(value_column, ascending=True)
        trace = _bar_trace(data, unit=unit, lang=lang, presenter=presenter, highlight=highlight,
                           value_column=value_column)
        if len(groups) > 1:
            fig.add_trace(trace, row=n, col=1)
        else:
            fig.add_trace(trace)
        for label, value in references[n - 1]:
            where = {"row": n, "col": 1} if len(groups) > 1 else {}
            fig.add_vline(x=value, line={"dash": "dash", "color": "#555", "width": 2}, annotation_text=label,
                          annotation_position="top", annotation_font={"size": s["source"] + 1}, **where)
    ink = "#111" if presenter else "#444"
    fig.update_xaxes(showgrid=True, gridcolor="#eee", tickfont={"size": s["tick"], "color": ink}, zeroline=True,
                     zerolinecolor="#999", range=[0, top * 1.25 if top > 0 else 1],
                     ticksuffix="%" if unit == "percent" and value_column == "value" else "")
    if value_column == "value" and unit != "percent" and top >= 10_000:
        # Plotly would write 2M or 2G; readers count in 万 and 亿 (in English: 2,000,000).
        ticks = nice_ticks(top * 1.25)
        fig.update_xaxes(tickvals=ticks, ticktext=[number(v, unit, lang) for v in ticks])
    fig.update_yaxes(tickfont={"size": s["tick"], "color": ink}, automargin=True)
    fig.update_annotations(font={"size": s["font"]}, xanchor="left", x=0)  # the panel titles
    height = s["bar"] * sum(counts) + 150 + 60 * (len(groups) - 1)
    if max_height:
        height = min(height, max_height)
    return _frame(fig, title, source, presenter, height=max(260, height), source_width=source_width)


def _chunks(text: str, width: int = 28) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def _wrap(text: str, width: int = 28) -> str:
    return "<br>".join(_chunks(text, width))


@cache
def _geojson() -> dict:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [poly[0] for poly in geometry["coordinates"]]


@cache
def _extent() -> tuple[float, float]:
    """Henan's width and height in degrees (longitude, latitude)."""
    points = [pt for f in _geojson()["features"] for ring in _rings(f["geometry"]) for pt in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return max(lons) - min(lons), max(lats) - min(lats)


MAP_SLIDE_WIDTH = 700  # a presenter's map, beside its notes
MAP_ASPECT = 1.2  # a degree of latitude drawn 1.2 times as long as one of longitude


def map_figure(values: dict[str, tuple[float, str]], *, title: str, source: str, lang: str, unit: str,
               missing_label: str, presenter: bool = False, other: dict[str, str] | None = None,
               other_label: str = "") -> go.Figure:
    """The map for these values, built once per view (see _memo): Plotly validates each of its ~60
    traces, which costs about 0.2 s."""
    key = ("map", tuple(sorted(values.items())), title, source, lang, unit, missing_label, presenter,
           tuple(sorted((other or {}).items())), other_label)
    return _memo(key, lambda: _draw_map(values, title=title, source=source, lang=lang, unit=unit,
                                        missing_label=missing_label, presenter=presenter, other=other or {},
                                        other_label=other_label))


def _draw_map(values: dict[str, tuple[float, str]], *, title: str, source: str, lang: str, unit: str,
              missing_label: str, presenter: bool = False, other: dict[str, str] | None = None,
              other_label: str = "") -> go.Figure:
    """Henan's cities filled by value, drawn as plain polygons: no base map, no tile server, no CDN.

    values: city code → (value, text shown on the city). other: city code → text, for cities that
    reported the indicator under another measure (drawn hatched, off the colour scale, labelled
    other_label on the map and the full text on hover). The rest are 未报告.
    """
    other = other or {}
    s = sizes(presenter)
    fig = go.Figure()
    known = [v for v, _ in values.values()]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    if high <= low:
        low, high = low * 0.9, high * 1.1 or 1.0
    label_x, label_y, label_text, label_color = [], [], [], []
    for feature in _geojson()["features"]:
        code = feature["properties"]["code"]
        name = feature["properties"]["name"] if lang == "zh" else feature["properties"].get("name_en", code)
        if code in values:
            value, text = values[code]
            fill = sample_colorscale(SCALE, [SCALE_LOW + (SCALE_HIGH - SCALE_LOW) * (value - low) / (high - low)])[0]
            label_color.append("#000")
        elif code in other:
            fill, text = OTHER_FILL, other[code]
            label_color.append("#555")
        else:
            fill, text = MISSING_FILL, missing_label
            label_color.append("#777")
        # On a slide a city with no value is grey and only named (the legend and the notes beside the
        # map say 未报告): eighteen two-line labels do not fit a slide's map.
        short = other_label if code in other and other_label else text if code in values or not presenter else ""
        pattern = {"shape": "/", "fgcolor": "#b9b0a0", "size": 8, "solidity": 0.15} if code in other else None
        for ring in _rings(feature["geometry"]):
            # As arrays, Plotly sends the coordinates as typed binary: no per-point copy and walk on
            # every run (those took 170 ms of the map page's render), and less for the browser to parse.
            xs, ys = np.asarray(ring, dtype=float).T
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
                                     fillpattern=pattern, line={"color": "white", "width": 1.2}, hoverinfo="text",
                                     hovertext=f"<b>{name}</b><br>{text}", showlegend=False))
        lon, lat = feature["properties"]["center"]
        label_x.append(lon)
        label_y.append(lat)
        label_text.append(f"<b>{name}</b><br>{short}" if short else f"<b>{name}</b>")
    # Labels after every polygon, so no city's fill covers a neighbour's name; none covers another:
    # a label that would moves to the nearest free spot, with a leader line to its city.
    font = 16 if presenter else s["tick"] - 2
    height, width = (440, MAP_SLIDE_WIDTH) if presenter else (620, 900)  # a normal page's width: about
    lon_span, lat_span = _extent()
    # Map units per pixel: the map fills whichever of its plot's height or width binds first.
    deg_y = max(lat_span / (height - 200), lon_span / (width - 140) / MAP_ASPECT)
    deg_x = deg_y * MAP_ASPECT
    boxes = [(max(_units(line) for line in text.replace("<b>", "").replace("</b>", "").split("<br>"))
              * font * 0.55 * deg_x, (text.count("<br>") + 1) * font * 1.3 * deg_y) for text in label_text]
    spots = labels.place(list(zip(label_x, label_y, strict=True)), boxes, step=font * deg_y)
    for (x0, y0), (x1, y1) in zip(zip(label_x, label_y, strict=True), spots, strict=True):
        if (x0, y0) != (x1, y1):
            fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                     line={"color": "#444", "width": 1}))
    fig.add_trace(go.Scatter(x=[x for x, _ in spots], y=[y for _, y in spots], mode="text", text=label_text,
                             hoverinfo="skip", textfont={"size": font, "color": label_color}, showlegend=False))
    if known:  # a colour bar for the scale
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
                                 marker={"colorscale": [[0, sample_colorscale(SCALE, [SCALE_LOW])[0]],
                                                        [1, sample_colorscale(SCALE, [SCALE_HIGH])[0]]],
                                         "cmin": low, "cmax": high, "color": [low], "showscale": True,
                                         "colorbar": {"title": {"text": "%" if unit == "percent" else ""},
                                                      "thickness": 14}}))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=MAP_ASPECT)  # ~1/cos(34°) keeps Henan's shape
    if presenter:  # the legend for grey; a fixed width, at which a long title wraps rather than runs off
        fig.add_annotation(text=f"<span style='color:{MISSING_FILL}'>■</span> {missing_label}", xref="paper",
                           yref="paper", x=1, y=0, xanchor="right", yanchor="bottom", showarrow=False,
                           font={"size": s["source"] + 2, "color": "#555"})
        fig.update_layout(width=MAP_SLIDE_WIDTH)
        title = wrap_source(title, MAP_SLIDE_WIDTH // (s["title"] // 2))
    return _frame(fig, title, source, presenter, height=height,
                  source_width=int((MAP_SLIDE_WIDTH - 60) / (s["source"] * 0.6)) if presenter else 110)
