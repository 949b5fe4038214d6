"""Numbers in tables (extract/tables.py): which heading, caption or row label names a cell's thing."""

from extract import extract_text
from extract.numbers import find_mentions
from extract.tables import _column_heading, _stacked, _table_top, as_percent


def test_a_cells_heading_is_the_top_line_of_its_run_and_the_caption_the_line_above():
    text = "鹤壁市各县区老年助餐点建设情况\n县区\t已建成(个)\n\n淇县\t41\n"
    pos = text.index("41")
    heading, caption = _table_top(text, pos)
    assert (heading, caption) == ("县区\t已建成(个)", "鹤壁市各县区老年助餐点建设情况")
    assert _column_heading(heading, text, pos) == "已建成(个)"


def test_a_heading_line_with_figures_other_than_years_is_a_row():
    text = "指标\t2022年\t2023年\n助餐点(个)\t1120\t1286\n"
    assert _column_heading("指标\t2022年\t2023年", text, text.index("1286")) == "2023年"
    assert _column_heading("甲\t12\t13", text, text.index("1286")) is None


def test_a_bare_number_under_a_percent_column_is_a_share_at_the_same_place():
    m = find_mentions("县区\t覆盖率(%)\n清丰县\t85.1\n")[0]
    share = as_percent(m)
    assert (share.percent, share.value, share.start, share.counter_end) == (True, 85.1, m.start, m.end)


def test_a_row_label_names_the_thing_and_the_column_the_year():
    text = "南阳市人大常委会调研。\n指标\t2022年\t2023年\n老年助餐点(个)\t1120\t1286\n"
    records = {(r.value, r.ref_period) for r in extract_text(text, "t.txt").records if r.indicator == "meal_sites"}
    assert records == {(1120, "2022"), (1286, "2023")}


def test_a_paragraph_of_prose_above_a_table_is_no_caption():
    text = ("郏县人大常委会视察。\n视察了解到,全县共有养老机构17家。各乡镇设施建设情况如下:\n"
            "乡镇\t互助幸福院(所)\t老年助餐点(个)\n城关镇\t6\t4\n合计\t22\t9\n")
    assert _table_top(text, text.index("22"))[1] == ""
    records = {(r.indicator, r.value) for r in extract_text(text, "t.txt").records}
    assert ("facilities_inspected", 22) not in records and ("meal_sites", 9) in records


def test_a_heading_of_two_rows_names_each_column_from_the_bottom_row_up():
    # (normalised lines lose the top row's empty cells at its end, and a lower row's at its start)
    assert _stacked(["县(市、区)\t老年助餐点(个)\t\t养老床位(张)", "已建成\t在建\t总数\t护理型"], 5).split("\t") == [
        "县(市、区)", "已建成老年助餐点(个)", "在建老年助餐点(个)", "总数养老床位(张)", "护理型养老床位(张)"]
    text = ("周口市人大常委会调研。\n县(市、区)\t老年助餐点(个)\t\t养老床位(张)\t\n\t已建成\t在建\t总数\t护理型\n"
            "项城市\t86\t12\t3260\t1710\n合计\t229\t36\t8610\t4190\n")
    primary = {(r.region_name, r.indicator, r.value, r.status) for r in extract_text(text, "t.txt").records if r.primary}
    assert primary == {("周口市项城市", "meal_sites", 86, "built"), ("周口市项城市", "care_beds", 3260, None),
                       ("周口市", "meal_sites", 229, "built"), ("周口市", "care_beds", 8610, None)}
