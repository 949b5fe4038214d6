"""Plotly figures. Every figure carries its title and source line inside it, so a downloaded
PNG (the modebar's camera button) still says what it shows and where the numbers came from."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from dashboard.format import is_flagged, value_text

GEOJSON = Path(__file__).resolve().parent / "henan_cities.geojson"
GREY = "#c8ccd2"
MISSING_FILL = "#eceff3"
FLAG_LINE = "#d9480f"
# One colour per Henan city, fixed here and nowhere else, so a city looks the same in every chart
# whatever is selected. A county-level report takes its city's colour.
CITY_COLORS = {
    "410100": "#1f77b4", "410200": "#ff7f0e", "410300": "#2ca02c", "410400": "#d62728", "410500": "#9467bd",
    "410600": "#8c564b", "410700": "#e377c2", "410800": "#7f7f7f", "410900": "#bcbd22", "411000": "#17becf",
    "411100": "#393b79", "411200": "#637939", "411300": "#8c6d31", "411400": "#843c39", "411500": "#7b4173",
    "411600": "#3182bd", "411700": "#e6550d", "419001": "#31a354",
}
# Hatching tells a qualified value from an exact one even in greyscale print.
PATTERNS = {"exact": "", "at_least": "/", "approx": ".", "at_most": "x"}
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


def sizes(presenter: bool) -> dict[str, int]:
    """Type sizes: presenter mode is read from the back of a room."""
    if presenter:
        return {"font": 22, "title": 30, "tick": 22, "source": 16, "bar": 54}
    return {"font": 14, "title": 18, "tick": 13, "source": 11, "bar": 30}


def config(filename: str) -> dict:
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


def _frame(fig: go.Figure, title: str, source: str, presenter: bool, height: int) -> go.Figure:
    s = sizes(presenter)
    fig.update_layout(
        title={"text": title, "font": {"size": s["title"]}, "x": 0.01, "xanchor": "left"},
        font={"size": s["font"], "family": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif",
              "color": "#111" if presenter else "#222"},
        height=height, margin={"l": 10, "r": 30, "t": 70 if presenter else 56, "b": 70 if presenter else 56},
        plot_bgcolor="white", paper_bgcolor="white", showlegend=False,
    )
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, y=0, yshift=-(58 if presenter else 46),
                       xanchor="left", yanchor="bottom", showarrow=False,
                       font={"size": s["source"], "color": "#333" if presenter else "#666"})
    return fig


def bar_chart(df: pd.DataFrame, *, title: str, source: str, unit: str, lang: str, presenter: bool = False,
              highlight: frozenset[str] = frozenset(), value_column: str = "value") -> go.Figure:
    """One bar per region, largest on top; qualifiers hatched and written (≥73%), flags outlined."""
    s = sizes(presenter)
    data = df.sort_values(value_column, ascending=True)
    labels, colors, lines, patterns, hovers = [], [], [], [], []
    for row in data.itertuples():
        flagged = is_flagged(list(row.flags) if row.flags is not None else [])
        shown = getattr(row, value_column)
        labels.append(value_text(shown, unit, row.qualifier, lang, with_unit=False) + (" ⚠" if flagged else ""))
        chosen = not highlight or row.region_code in highlight or row.region_code[:4] + "00" in highlight
        colors.append(city_color(row.region_code) if chosen else GREY)
        lines.append(FLAG_LINE if flagged else "rgba(0,0,0,0)")
        patterns.append(PATTERNS.get(row.qualifier, ""))
        hovers.append(f"<b>{row.region_name}</b><br>{value_text(row.value, row.unit, row.qualifier, lang)}"
                      f"<br>{_wrap(str(row.quote))}")
    fig = go.Figure(go.Bar(
        x=data[value_column], y=data["region_name"], orientation="h", text=labels, textposition="outside",
        cliponaxis=False, marker={"color": colors, "line": {"color": lines, "width": 3},
                                  "pattern": {"shape": patterns, "fgcolor": "white", "size": 8, "solidity": 0.35}},
        hovertext=hovers, hoverinfo="text", textfont={"size": s["font"]},
    ))
    fig.update_xaxes(showgrid=True, gridcolor="#eee", tickfont={"size": s["tick"]}, zeroline=True,
                     zerolinecolor="#999", rangemode="tozero",
                     ticksuffix="%" if unit == "percent" and value_column == "value" else "")
    fig.update_yaxes(tickfont={"size": s["tick"]}, automargin=True)
    top = float(data[value_column].max()) if len(data) else 1.0
    fig.update_xaxes(range=[0, top * 1.25 if top > 0 else 1])
    return _frame(fig, title, source, presenter, height=max(260, s["bar"] * len(data) + 150))


def _wrap(text: str, width: int = 28) -> str:
    return "<br>".join(text[i:i + width] for i in range(0, len(text), width))


@cache
def _geojson() -> dict:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [poly[0] for poly in geometry["coordinates"]]


def map_figure(values: dict[str, tuple[float, str]], *, title: str, source: str, lang: str, unit: str,
               missing_label: str, presenter: bool = False) -> go.Figure:
    """Henan's cities filled by value, drawn as plain polygons: no base map, no tile server, no CDN.

    values: city code → (value, text shown on the city). Cities not in values are 未报告.
    """
    s = sizes(presenter)
    fig = go.Figure()
    known = [v for v, _ in values.values()]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    scale = "Blues"
    for feature in _geojson()["features"]:
        code = feature["properties"]["code"]
        name = feature["properties"]["name"] if lang == "zh" else feature["properties"].get("name_en", code)
        if code in values:
            value, text = values[code]
            position = 0.15 + 0.85 * ((value - low) / (high - low) if high > low else 1.0)
            fill = sample_colorscale(scale, [position])[0]
        else:
            fill, text = MISSING_FILL, missing_label
        hover = f"<b>{name}</b><br>{text}"
        for ring in _rings(feature["geometry"]):
            xs, ys = zip(*ring, strict=True)
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
                                     line={"color": "white", "width": 1.2}, hoverinfo="text", hovertext=hover,
                                     showlegend=False))
        lon, lat = feature["properties"]["center"]
        fig.add_trace(go.Scatter(x=[lon], y=[lat], mode="text", text=[f"{name}<br>{text}"], hoverinfo="skip",
                                 textfont={"size": s["tick"] - 2, "color": "#111"}, showlegend=False))
    if known:  # a colour bar for the scale
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
                                 marker={"colorscale": [[0, sample_colorscale(scale, [0.15])[0]],
                                                        [1, sample_colorscale(scale, [1.0])[0]]],
                                         "cmin": low, "cmax": high, "color": [low], "showscale": True,
                                         "colorbar": {"title": {"text": "%" if unit == "percent" else ""},
                                                      "thickness": 14}}))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1.2)  # ~cos(34°) keeps Henan's shape
    return _frame(fig, title, source, presenter, height=760 if presenter else 620)
