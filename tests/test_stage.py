"""Plans and periods (extract/stage.py): where a text's next steps run, and which year a value is of."""

from extract import extract_text
from extract.stage import plan_sections


def test_next_steps_sections_are_a_paragraph_or_a_heading_with_its_enumerated_lines():
    text = "全市建成助餐点317个。\n下一步工作建议:\n一是新建60个。\n二是新增床位800张。\n附:数据来源市民政局。"
    starts, ends, years = plan_sections(text)
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == ["下一步工作建议:\n一是新建60个。\n二是新增床位800张。"]
    assert years == (None,)
    assert plan_sections("下一步,市政府将新建60个。\n全市建成助餐点317个。")[1] == (len("下一步,市政府将新建60个。"),)


def test_a_numbered_section_of_plans_runs_to_the_next_numbered_section_with_its_year():
    text = "一、2024年工作成效\n建成助餐点388个。\n三、2025年重点工作\n新建80个。\n新增床位1500张。\n四、存在问题\n缺口大。"
    starts, ends, years = plan_sections(text)
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == ["三、2025年重点工作\n新建80个。\n新增床位1500张。"]
    assert years == (2025,)
    assert plan_sections("二、2024年重点工作完成情况\n新建80个。")[0] == ()  # how a plan went is no plan


def test_a_series_dates_each_value_by_its_own_year():
    text = "南阳市人大常委会调研。全市老年助餐点从2021年的96个增加到2022年的163个,再到2023年底的241个。"
    periods = {r.value: r.ref_period for r in extract_text(text, "t.txt").records}
    assert periods == {96: "2021", 163: "2022", 241: "2023-12-31"}
