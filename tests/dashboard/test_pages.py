"""Every page, the language switch and presenter mode, run by Streamlit's AppTest on a real database."""

import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from store import ingest
from store.ingest import SEEDS
from tests.dashboard.conftest import APP

PAGES = ["overview", "compare", "city", "data", "sources", "map"]


def run(page: str = "overview", **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"views/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def captions(at: AppTest) -> list[str]:
    """Captions as a reader sees them: bulletin text in them is markdown-escaped (\\% → %)."""
    return [re.sub(r"\\(.)", r"\1", c.value) for c in at.caption]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + captions(at) + [t.value for t in at.title]
    parts += [s.value for s in at.subheader] + [w.value for w in at.warning] + [i.value for i in at.info]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))  # as a reader sees markdown


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(app_env, page):
    run(page)


def test_overview_shows_headlines_and_coverage(app_env):
    at = run()
    assert at.title[0].value == "四项核心指标"
    assert len(at.get("plotly_chart")) == 4
    shown = texts(at)
    assert "未报告" in shown and "开封市" in shown  # a city without a bulletin is named, not drawn as zero
    assert not at.dataframe  # the coverage grid is drawn when opened, not on every visit


def test_the_coverage_grid_opens_and_stays_open_in_the_link(app_env):
    at = run(grid="1")
    matrix = at.dataframe[0].value
    assert "开封市" in matrix.index and set(matrix.loc["开封市"]) == {"未报告"}
    assert at.query_params["grid"] == "1"


def test_english_switch(app_env):
    at = run(lang="en")
    assert at.title[0].value == "The four headline indicators"
    assert "Not reported" in texts(at)


def _sidebar_link(at: AppTest, label: str) -> dict[str, str]:
    """The query parameters of the sidebar link with that label (what following it asks for)."""
    link = next(e.proto for e in at.sidebar.get("page_link") if e.proto.label == label)
    return dict(parse_qsl(link.query_string))


def _follow(at: AppTest, params: dict[str, str]) -> None:
    """What following a sidebar link to the page it is on does: a run whose URL holds only its parameters,
    in the same session."""
    for key in list(at.query_params):
        del at.query_params[key]
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_language_link_in_the_sidebar_keeps_the_view(app_env):
    at = run("compare", indicator="meal_sites", cities="411200")
    params = _sidebar_link(at, "English")
    assert params == {"lang": "en", "switch": "1"}
    _follow(at, params)
    assert at.query_params["lang"] == "en" and at.query_params["cities"] == "411200"
    assert at.query_params["indicator"] == "meal_sites" and "switch" not in at.query_params
    assert _sidebar_link(at, "中文") == {"lang": "zh", "switch": "1"}
    _follow(at, _sidebar_link(at, "中文"))
    assert "lang" not in at.query_params and at.query_params["cities"] == "411200"


def test_the_sidebar_draws_no_widget_until_asked(app_env):
    """Links, not widgets: each kind of widget costs every visitor's browser its code (see draw_sidebar)."""
    at = run()
    assert not at.sidebar.get("button_group") and not at.sidebar.get("toggle") and not at.sidebar.get("radio")
    _follow(at, _sidebar_link(at, "演示模式"))
    assert at.query_params["presenter"] == "1" and len(at.get("plotly_chart")) == 1


def test_reviewed_only_section_opens_by_itself_while_it_filters(app_env):
    at = run(reviewed="1")
    assert [tg.value for tg in at.sidebar.get("toggle")] == [True]


def test_presenter_mode_steps_through_slides(app_env):
    at = run(presenter="1")
    assert len(at.get("plotly_chart")) == 1
    assert "第 1 / 4 张" in texts(at)
    next_button = next(b for b in at.button if b.key == "next_slide")
    next_button.click().run()
    assert "第 2 / 4 张" in texts(at)
    assert at.query_params["slide"] == "1" and at.query_params["presenter"] == "1"


def test_presenter_exit(app_env):
    at = run(presenter="1")
    next(b for b in at.button if b.key == "exit_presenter").click().run()
    assert "presenter" not in at.query_params
    assert len(at.get("plotly_chart")) == 4


def test_compare_keeps_measures_apart_and_lists_missing_cities(app_env):
    at = run("compare")
    assert any("不同口径" in w.value for w in at.warning)  # 60+ 常住, 60+ 户籍, 65+ 常住
    radio = at.radio[0]
    assert len(radio.options) == 3
    shown = texts(at)
    assert "未报告" in shown and "济源市" in shown


def test_compare_indicator_from_the_url(app_env):
    at = run("compare", indicator="meal_sites", cities="411200")
    assert at.selectbox[0].value == "meal_sites"
    assert at.multiselect[0].value == ["411200"]


def test_compare_normalises_per_elderly(app_env):
    at = run("compare", indicator="supervision_groups")
    at.radio(key="w_norm_supervision_groups_zh").set_value("elderly").run()
    assert not at.exception
    assert any("缺少人口数" in c and "济源市" in c for c in captions(at))  # 济源 gave no elderly count


def test_a_district_is_not_ranked_among_cities_but_can_be_shown_apart(app_env):
    at = run("compare", indicator="facilities_inspected")
    assert not at.exception
    chart = at.get("plotly_chart")[0].proto.spec
    assert "三门峡市" in chart and "山阳区" not in chart  # 焦作市山阳区's figure is a district's
    at.multiselect(key="w_counties_zh").set_value(["410800"]).run()
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    assert len(charts) == 2 and "山阳区" in charts[1] and "三门峡市" not in charts[1]


def test_city_profile_lists_its_districts_below_it(app_env):
    at = run("city", cities="410800")
    assert not at.exception
    assert any("所辖县" in h.value for h in at.header)


def test_city_profile_shows_quotes_and_bulletins(app_env):
    at = run("city", cities="410100")
    assert at.title[0].value.startswith("郑州市")
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "<mark>１３００余</mark>" in html and "2024年第14期" in html
    assert "小数点已复原" in html  # flagged values say so, with what was printed


def test_data_page_filters(app_env, seeds_db):
    at = run("data")
    total = int(next(c for c in captions(at) if "条记录" in c).split()[1])
    at.multiselect(key="w_f_cities_zh").set_value(["410500"]).run()
    filtered = int(next(c for c in captions(at) if "条记录" in c).split()[1])
    assert 0 < filtered < total
    assert at.query_params["cities"] == "410500"


def test_sources_page_marks_numbers(app_env):
    at = run("sources")
    frames = at.get("iframe")
    assert frames and "<mark class='num" in frames[0].proto.srcdoc


def test_bulletin_choices_name_their_cities_in_the_views_language(app_env):
    """Zhengzhou bulletin no. 14 … · Zhengzhou · file: the cities a file reports on, in English too."""
    at = run("sources", lang="en", cities="410100")
    labels = at.selectbox(key="w_doc").options  # (as shown)
    assert labels and all("Zhengzhou" in label for label in labels)
    assert not [label for label in labels if re.search(r"[\u4e00-\u9fff]", label)], labels
    assert all("郑州市" in label for label in run("sources", cities="410100").selectbox(key="w_doc").options)


def test_first_start_builds_the_database(tmp_path, monkeypatch):
    db = tmp_path / "fresh.duckdb"
    monkeypatch.setenv("AGING_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert db.exists()
    assert at.title[0].value == "四项核心指标"


def test_unreadable_database_is_one_clear_error(tmp_path, monkeypatch):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 100)
    monkeypatch.setenv("AGING_DB", str(junk))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("junk.duckdb" in e.value for e in at.error)


def test_english_uses_english_city_names(app_env):
    at = run("compare", lang="en", indicator="facilities_inspected")
    shown = texts(at)
    assert "Kaifeng" in shown and "开封市" not in shown  # the 未报告 list speaks English too


def test_english_district_names_are_translated_once(app_env):
    at = run("city", lang="en", cities="410800")  # 山阳区 under Jiaozuo's profile
    shown = texts(at)
    assert "Shanyang District, Jiaozuo" in shown  # from the reference table of English county names
    assert "Jiaozuo Jiaozuo" not in shown and "山阳区" not in shown


def test_notes_name_the_qualified_values(app_env):
    at = run()
    qualified = [c for c in captions(at) if c.startswith("非确切值")]
    assert any("三门峡市 ≥73%" in q for q in qualified), qualified


def test_english_notes_use_english_punctuation(app_env):
    at = run(lang="en")
    flagged = next(c for c in captions(at) if c.startswith("⚠"))
    assert "printed as" in flagged
    assert "（" not in flagged and "；" not in flagged


def test_map_tells_another_measure_from_not_reported(app_env):
    # Zhengzhou gives a 60+ share of the household population, so on the resident-population map
    # it is "reported under another measure", not 未报告.
    at = run("map", indicator="elderly_share")
    missing = next(c for c in captions(at) if c.startswith("未报告"))
    other = next(c for c in captions(at) if c.startswith("以其他口径报告"))
    assert "郑州市" in other and "郑州市" not in missing
    assert "开封市" in missing
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels = "".join(str(tr.get("text")) for tr in figure["data"] if tr.get("mode") == "text")
    assert "其他口径" in labels and "未报告" in labels


def test_city_profile_links_each_value_to_its_sentence(app_env, seeds_db):
    at = run("city", cities="410500")
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    with duckdb.connect(str(seeds_db), read_only=True) as con:
        span = con.execute("SELECT span_start FROM records WHERE region_code = '410500' "
                           "AND indicator = 'population_total'").fetchone()[0]
    assert f"sources?cities=410500&amp;doc=000_8ba39b8154fd7929.txt&amp;rec=population_total%40{span}" in html


def test_sources_opens_at_the_record_in_the_url(app_env, seeds_db):
    with duckdb.connect(str(seeds_db), read_only=True) as con:
        (span,) = con.execute(
            "SELECT span_start FROM records WHERE region_code = '410500' "
            "AND indicator = 'rectification_rate'").fetchone()
    rec = f"rectification_rate@{span}"
    at = run("sources", cities="410500", doc="000_8ba39b8154fd7929.txt", rec=rec)
    assert "问题整改率" in at.selectbox(key="w_rec_000_8ba39b8154fd7929.txt").format_func(
        at.selectbox(key="w_rec_000_8ba39b8154fd7929.txt").value)
    assert at.query_params["rec"] == rec
    srcdoc = at.get("iframe")[0].proto.srcdoc
    assert "<span id='sel' class='sel'>" in srcdoc  # the derived rate's sentence is marked, though its number is not


def test_data_table_reads_values_as_people_say_them(app_env):
    at = run("data")
    table = at.dataframe[0].value
    shown = table["数值（读作）"].tolist()
    assert "929.24万人 ⚠" in shown  # 万, and the flag travels with the number
    assert table["数值"].dtype.kind == "f"  # the raw number stays beside it


def test_per_elderly_draws_one_panel_per_denominator_measure(app_env):
    at = run("compare", indicator="facilities_inspected")
    at.radio(key="w_norm_facilities_inspected_zh").set_value("elderly").run()
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = [tr for tr in figure["data"] if tr["type"] == "bar"]
    assert len(bars) == 2  # 60+ residents (Sanmenxia) and 60+ hukou holders (Zhengzhou) apart
    panel_titles = " ".join(a["text"] for a in figure["layout"]["annotations"])
    assert "60岁及以上 · 常住人口" in panel_titles and "60岁及以上 · 户籍人口" in panel_titles
    assert any(c.startswith("换算所用的老年人口带标记") for c in captions(at))


def test_switching_language_keeps_every_choice_and_speaks_the_new_language(app_env):
    at = run("compare", indicator="elderly_share", cities="411200")
    at.radio(key="w_measure_elderly_share_zh").set_value(1).run()
    chosen = at.radio(key="w_measure_elderly_share_zh").value
    at.session_state["v_lang"] = "en"
    at.run()
    assert not at.exception
    assert at.radio(key="w_measure_elderly_share_en").value == chosen  # the measure chosen in Chinese
    assert at.multiselect(key="w_cities_en").value == ["411200"]
    assert at.selectbox(key="w_indicator_en").value == "elderly_share"
    label = at.selectbox(key="w_indicator_en").format_func("elderly_share")
    assert "Elderly share" in label and not any("\u4e00" <= ch <= "\u9fff" for ch in label)


def test_measure_and_per_population_are_in_the_link(app_env):
    at = run("compare", indicator="meal_sites", per="elderly", measure="1")
    assert at.radio(key="w_norm_meal_sites_zh").value == "elderly"
    assert at.query_params["per"] == ["elderly"] or at.query_params["per"] == "elderly"


def test_a_city_of_another_province_reads_in_english(tmp_path, monkeypatch):
    """苏州市 in an English ranking is "Suzhou, Jiangsu": no Chinese name in an English view, and not
    mistaken for Anhui's 宿州 (also Suzhou)."""
    db = tmp_path / "aging.duckdb"
    assert ingest([SEEDS, Path(__file__).parents[1] / "fixtures" / "texts" / "other_province_suzhou.txt"], db).ok
    monkeypatch.setenv("AGING_DB", str(db))
    at = run("compare", indicator="symposia", lang="en")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    cities = [label for trace in figure["data"] for label in trace.get("y") or []]
    assert "Suzhou, Jiangsu" in cities
    assert not [c for c in cities if re.search(r"[\u4e00-\u9fff]", str(c))]
