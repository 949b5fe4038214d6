"""charts: figures that cite themselves, read in 万, and keep cities' colours."""

import numpy as np
import pandas as pd
import pytest

from dashboard.charts import CITY_COLORS, GREY, bar_chart, city_color, faceted_bars, map_figure, nice_ticks, wrap_source


def frame(**overrides) -> pd.DataFrame:
    base = {
        "region_code": ["410500", "411200"], "region_name": ["安阳市", "三门峡市"],
        "value": [5_376_000.0, 2_020_000.0], "unit": ["person", "person"], "qualifier": ["exact", "at_least"],
        "flags": [np.array(["decimal_recovered"]), np.array([], dtype=object)], "quote": ["全市常住人口５３７６万人", "２０２万"],
        "printed": ["５３７６万", "２０２万"],
    }
    return pd.DataFrame({**base, **overrides})


def test_wrap_source_keeps_every_line_within_the_width():
    source = "Source: Sanmenxia Linked-supervision album no. 53 (figures for 2023-12-31)<br>郑州市 2024年第14期 2024-05-20"
    wrapped = wrap_source(source, 40).split("<br>")
    assert len(wrapped) == 3
    assert all(sum(2 if ord(c) > 0x2E80 else 1 for c in line) <= 40 for line in wrapped)
    assert "".join(wrapped).replace("　", "").replace(" ", "") == source.replace("<br>", "").replace(" ", "")


@pytest.mark.parametrize(("top", "ticks"), [
    (225, [0, 50, 100, 150, 200, 250]),
    (6_720_000, [0, 2_000_000, 4_000_000, 6_000_000, 8_000_000]),
    (0, [0.0]),
])
def test_nice_ticks(top, ticks):
    assert nice_ticks(top) == ticks


def test_bar_chart_reads_in_wan_and_draws_qualifiers_and_flags():
    fig = bar_chart(frame(), title="总人口（人）", source="来源：测试", unit="person", lang="zh")
    assert list(fig.layout.xaxis.ticktext[:3]) == ["0", "200万", "400万"]
    bar = fig.data[0]
    labels = dict(zip(bar.y, bar.text, strict=True))
    assert labels == {"安阳市": "537.6万 ⚠", "三门峡市": "≥202万"}
    patterns = dict(zip(bar.y, bar.marker.pattern.shape, strict=True))
    assert patterns["三门峡市"] == "/" and patterns["安阳市"] == ""
    assert any("来源：测试" in a.text for a in fig.layout.annotations)  # the PNG carries its source


def test_highlight_one_grey_the_rest_with_fixed_colours():
    fig = bar_chart(frame(), title="t", source="s", unit="person", lang="zh", highlight=frozenset({"411200"}))
    colours = dict(zip(fig.data[0].y, fig.data[0].marker.color, strict=True))
    assert colours == {"三门峡市": CITY_COLORS["411200"], "安阳市": GREY}
    assert city_color("410811") == CITY_COLORS["410800"]  # a district wears its city's colour


def test_presenter_sizes_read_from_the_back_of_the_room():
    fig = bar_chart(frame(), title="t", source="s", unit="person", lang="zh", presenter=True)
    assert fig.layout.title.font.size >= 28
    assert fig.layout.font.size >= 20 and fig.layout.xaxis.tickfont.size >= 20


def test_map_draws_polygons_without_a_geo_base_map():
    fig = map_figure({"411200": (21.98, "21.98%")}, title="t", source="s", lang="zh", unit="percent",
                     missing_label="未报告", other={"410100": "60岁及以上 · 户籍人口 17.96%"}, other_label="其他口径")
    assert {trace.type for trace in fig.data} == {"scatter"}  # no geo/choropleth trace, so nothing fetched
    assert "geo" not in fig.to_dict()["layout"] or not fig.layout.geo.to_plotly_json()
    labels = next(tr.text for tr in fig.data if tr.mode == "text")
    assert sum("未报告" in x for x in labels) == 16
    assert any("其他口径" in x for x in labels) and any("21.98%" in x for x in labels)
    # On a slide the grey cities are only named, and the legend says what grey means.
    slide = map_figure({"411200": (21.98, "21.98%")}, title="t", source="s", lang="zh", unit="percent",
                       missing_label="未报告", presenter=True)
    labels = next(tr.text for tr in slide.data if tr.mode == "text")
    assert sum("未报告" in x for x in labels) == 0 and any("未报告" in a.text for a in slide.layout.annotations)


def test_a_map_is_built_once_per_view():
    args = {"title": "t", "source": "s", "unit": "percent", "missing_label": "未报告"}
    first = map_figure({"411200": (21.98, "21.98%")}, lang="zh", **args)
    assert map_figure({"411200": (21.98, "21.98%")}, lang="zh", **args) is first  # a rerun reuses it
    assert map_figure({"411200": (21.98, "21.98%")}, lang="en", **args) is not first
    assert map_figure({"411200": (22.5, "22.5%")}, lang="zh", **args) is not first


def test_a_bar_chart_is_built_once_per_content():
    df = pd.DataFrame({"region_code": ["410100", "411200"], "region_name": ["郑州市", "三门峡市"],
                       "value": [18.0, 21.98], "unit": ["percent"] * 2, "qualifier": ["exact", "at_least"],
                       "flags": [[], ["decimal_recovered"]], "printed": ["18%", "２１９８％"],
                       "quote": ["…", "…"], "bulletin_issue": ["2024年第1期"] * 2, "bulletin_date": [None] * 2})
    args = {"title": "t", "source": "s", "unit": "percent", "lang": "zh"}
    first = faceted_bars([("", df)], **args)
    assert faceted_bars([("", df.copy())], **args) is first  # the same cells: the same figure
    assert faceted_bars([("", df)], **{**args, "lang": "en"}) is not first
    changed = df.assign(flags=[[], []])  # a reviewer cleared a flag: the figure must show it
    assert faceted_bars([("", changed)], **args) is not first
