"""segment: bulletin header and city reports."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import extract_text
from extract.normalize import normalize
from extract.regions import REGIONS
from extract.segment import split, split_bulletins

# A paragraph long enough that normalisation does not take a short test text for a hard-wrapped one.
BODY = "人大常委会组织市县乡三级人大代表参与监督，实地察看养老服务场所，推动解决了一批群众急难愁盼问题，监督取得明显成效。"
BULLETIN = """河南省人大社会建设委员会

简　　报

(２０２４年　第６０期)

　河南省人大社会建设委员会 ２０２４年１１月２８日

“积极应对人口老龄化　加快发展养老服务”联动监督专辑 (五十九)

开封: 监督推动养老服务

提质增效

开封市人大常委会组织开展联动监督,共召开座谈会１２次.

(开封市人大社会建设委员会供稿)

焦作: 真监督解决真问题

焦作市山阳区人大常委会坚持问题导向,收集意见建议６６条.

(焦作山阳区人大常委会供稿)

　报:全国人大社会建设委员会

　发:省人大常委会副秘书长
"""


def _split(text):
    n = normalize(text)
    return n, split(n.text, lambda name: REGIONS.resolve(name) is not None)


def test_header():
    _, (header, _) = _split(BULLETIN)
    assert header.issue == "2024年第60期"
    assert header.date == "2024-11-28"
    assert header.album_no == 59


def test_reports_are_split_at_headings_and_end_at_contributor_lines():
    n, (_, segments) = _split(BULLETIN)
    assert [s.heading_name for s in segments] == ["开封", "焦作"]
    assert segments[0].title == "监督推动养老服务 提质增效"
    assert segments[1].contributor == "焦作山阳区人大常委会"
    assert n.text[segments[0].start:segments[0].end].endswith("(开封市人大社会建设委员会供稿)")
    assert "报:" not in n.text[segments[1].start:segments[1].end]


def test_a_bullet_before_a_heading_still_opens_a_report_however_long_the_heading():
    text = ("河南人大简报\n\n◆ 洛阳:聚焦一餐热饭 推动助餐服务扩面提质\n\n洛阳市人大常委会组织4个检查组深入各县区\n\n"
            "(洛阳市人大常委会供稿)\n\n◆ 鹤壁:以小切口推动养老服务大民生\n\n鹤壁市人大常委会召开座谈会6次。\n\n"
            "(鹤壁市人大常委会供稿)\n")
    _, (_, segments) = _split(text)
    assert [s.heading_name for s in segments] == ["洛阳", "鹤壁"]
    assert segments[1].title == "以小切口推动养老服务大民生"


def test_a_place_before_a_dash_or_in_brackets_opens_a_report():
    dashed = ("联动监督简报\n\n平顶山——“三级联动”织密养老服务网\n\n平顶山市人大常委会组成8个监督组。\n\n"
              "安阳——问题清单推动整改见效\n\n安阳市人大常委会交办问题29个。\n")
    _, (_, segments) = _split(dashed)
    assert [(s.heading_name, s.title) for s in segments] == [("平顶山", "“三级联动”织密养老服务网"),
                                                             ("安阳", "问题清单推动整改见效")]
    bracketed = ("各地动态\n\n【开封】开封市人大常委会组织5个调研组,梳理问题38个。\n\n"
                 "【商丘】商丘市人大常委会暗访养老机构23家。\n\n【人大动态】会议听取汇报。\n")
    _, (_, segments) = _split(bracketed)
    assert [(s.heading_name, s.inline) for s in segments] == [("开封", True), ("商丘", True)]
    assert segments[0].title == "开封市人大常委会组织5个调研组,梳理问题38个"


def test_a_numbered_heading_and_a_name_set_apart_by_a_space_open_reports():
    text = (f"通报\n\n一、郑州市：坚持上下联动\n\n郑州市{BODY}\n\n（二）许昌：聚焦问题整改\n\n许昌市{BODY}\n\n"
            f"鹤　壁：小切口推动大民生\n\n鹤壁市{BODY}\n\n一、基本情况\n\n全市{BODY}\n")
    _, (_, segments) = _split(text)
    assert [(s.heading_name, s.title) for s in segments] == [
        ("郑州市", "坚持上下联动"), ("许昌", "聚焦问题整改"), ("鹤壁", "小切口推动大民生")]


def test_a_wechat_numbered_heading_and_a_body_named_heading_open_reports():
    text = (f"速览\n\n01｜南阳：“三张清单”抓整改\n\n南阳市{BODY}\n\n三门峡市人大常委会：以“小切口”推动“大民生”\n\n"
            f"三门峡市{BODY}\n")
    _, (_, segments) = _split(text)
    assert [(s.heading_name, s.title) for s in segments] == [("南阳", "“三张清单”抓整改"),
                                                             ("三门峡市", "以“小切口”推动“大民生”")]


def test_a_title_signed_with_its_body_and_a_name_alone_on_its_line_open_reports():
    text = (f"专辑\n\n河南省人大社会建设委员会　　2024年12月10日\n\n坚持“三个聚焦”　推动养老服务提质增效\n——濮阳市人大常委会\n\n"
            f"濮阳市{BODY}\n\n（濮阳市人大常委会供稿）\n\n洛阳市\n\n洛阳市{BODY}\n")
    _, (_, segments) = _split(text)
    assert [(s.heading_name, s.title) for s in segments] == [("濮阳市", "坚持“三个聚焦” 推动养老服务提质增效"),
                                                             ("洛阳市", "洛阳市")]


def test_one_name_alone_on_a_line_is_a_masthead_not_a_heading():
    _, (_, segments) = _split("河南省人大常委会\n\n郑州市持续推进老年助餐服务\n\n本报讯 郑州市人大常委会开展监督。")
    assert [s.heading_name for s in segments] == [None]


def test_a_bare_issue_line_dates_its_bulletin_and_opens_the_next_in_a_volume():
    one = "河南人大简报\n{issue}\n河南省人大常委会办公厅　　{date}\n\n{city}: 标题\n\n{city}市召开座谈会3次。\n\n"
    text = (one.format(issue="2024年第14期", date="2024年5月20日", city="郑州")
            + one.format(issue="第15期", date="2024年6月3日", city="开封"))
    assert len(split_bulletins(normalize(text).text)) == 2
    reports = extract_text(text, "volume.txt").reports
    assert [(r.region_name, r.bulletin_issue, r.bulletin_date) for r in reports] == [
        ("郑州市", "2024年第14期", "2024-05-20"), ("开封市", "2024年第15期", "2024-06-03")]


def test_reports_told_apart_only_by_contributor_lines_are_split_there():
    text = ("工作交流\n\n许昌市人大常委会实地察看助餐点46个。\n\n（许昌市人大常委会供稿）\n\n"
            "漯河市人大常委会梳理问题32个。\n\n（漯河市人大常委会供稿）\n")
    _, (_, segments) = _split(text)
    assert [s.contributor for s in segments] == ["许昌市人大常委会", "漯河市人大常委会"]
    assert [r.region_name for r in extract_text(text, "t.txt").reports] == ["许昌市", "漯河市"]


def test_paragraphs_labelled_with_cities_open_reports_but_a_citys_county_labels_do_not():
    body = "人大常委会组织代表参与监督,全市已建成老年助餐点"
    digest = f"通报\n\n南阳市:南阳市{body}436个。\n\n信阳市:信阳市{body}389个。\n"
    assert [r.region_name for r in extract_text(digest, "t.txt").reports] == ["南阳市", "信阳市"]
    city = "洛阳市人大常委会开展监督。\n\n栾川县:建成乡村幸福院42个。\n\n嵩县:建成乡村幸福院36个。\n"
    assert [r.region_name for r in extract_text(city, "t.txt").reports] == ["洛阳市"]


def test_paragraphs_opening_with_a_bullet_and_a_city_set_apart_by_a_space_are_its_reports():
    """▲开封市　市人大常委会…: the full-width space after the bullet's city labels the paragraph, as a colon would
    (each city's inspection and opinions had gone to the province whose digest it was)."""
    digest = ("工作动态\n（第5期）\n河南省人大常委会办公厅    2024年7月2日\n\n"
              "▲开封市　市人大常委会组织调研组实地查看养老机构26家。\n\n"
              "▲洛阳市　市人大常委会召开座谈会4场,收集意见建议57条。\n")
    records = extract_text(digest, "t.txt").records
    assert [r.region_name for r in extract_text(digest, "t.txt").reports] == ["开封市", "洛阳市"]
    assert {(r.region_name, r.indicator) for r in records} == {
        ("开封市", "facilities_inspected"), ("洛阳市", "symposia"), ("洛阳市", "suggestions")}
    # (one such paragraph is no digest: its city still heads the sentence, whose figures it takes)
    one = "工作动态\n\n河南省人大常委会办公厅\n\n▲开封市　市人大常委会组织调研组,实地查看养老机构26家。\n"
    assert {(r.region_name, r.value) for r in extract_text(one, "t.txt").records} == {("开封市", 26)}


@pytest.mark.parametrize("opens", [
    "**{city}市**　市人大常委会",  # bold, as a web page copied as Markdown has it
    "在{city},市人大常委会",
    "({n}){city}市。市人大常委会",
    "〔{city}〕市人大常委会",
    "[{city}]市人大常委会",
    "【{city}】市人大常委会",
    "{city}市:市人大常委会",
])
def test_a_digests_city_paragraphs_however_labelled_are_the_cities_reports(opens):
    first = opens.format(city="开封", n="一") + "组织调研组实地查看养老机构26家。"
    second = opens.format(city="洛阳", n="二") + "召开座谈会4场,收集意见建议57条。"
    digest = f"工作动态\n（第5期）\n河南省人大常委会办公厅    2024年7月2日\n\n{first}\n\n{second}\n"
    records = extract_text(digest, "t.txt").records
    assert {(r.region_name, r.value, r.primary) for r in records} == {
        ("开封市", 26, True), ("洛阳市", 4, True), ("洛阳市", 57, True)}


def test_paragraphs_opening_with_two_cities_bodies_are_their_reports_but_one_citys_are_one_report():
    digest = ("简讯\n\n▲焦作市人大常委会组成4个调研组。全市已建成老年助餐点268个。\n\n"
              "▲新乡市人大常委会组织代表312人次参与监督。全市农村养老服务设施覆盖率达到81.9%。\n")
    records = extract_text(digest, "t.txt").records
    assert {(r.region_name, r.indicator) for r in records if r.indicator != "supervision_groups"} == {
        ("焦作市", "meal_sites"), ("新乡市", "deputies_participating"), ("新乡市", "rural_facility_coverage")}
    one = "浙江省湖州市人大常委会开展监督\n\n湖州市人大常委会对全市养老服务开展专项监督。全市老龄化率达到27.4%。\n"
    assert len(extract_text(one, "t.txt").reports) == 1


def test_a_digests_own_figures_above_its_cities_paragraphs_are_the_provinces():
    text = ("联动监督工作动态\n\n省人大常委会执法检查组分赴各地开展检查,全省已建成老年助餐点1.26万个。\n\n"
            "郑州市人大常委会组成5个调研组。全市已建成老年助餐点1924个。\n\n"
            "洛阳市人大常委会组织代表96人次参与监督。全市农村养老服务设施覆盖率达到74.1%。\n")
    meals = {(r.region_name, r.value) for r in extract_text(text, "t.txt").records if r.indicator == "meal_sites"}
    assert meals == {("河南省", 12600), ("郑州市", 1924)}


def test_a_slogan_with_a_colon_is_not_a_heading():
    _, (_, segments) = _split("洛阳市人大常委会开展监督。\n\n总体要求: 坚持问题导向\n\n召开座谈会3次。")
    assert [s.heading_name for s in segments] == [None]


def test_a_web_page_copied_whole_is_its_article_without_the_links_after_it():
    text = ("首页 > 人大新闻 > 工作动态\n\n焦作市人大常委会开展专项视察\n\n发布时间:2024-09-12 来源:焦作人大\n\n"
            "全市已建成老年助餐点412个。\n\n分享到:\n上一篇:焦作市新建老年助餐点120个\n")
    n, (_, segments) = _split(text)
    assert len(segments) == 1 and segments[0].title == "焦作市人大常委会开展专项视察"
    body = n.text[segments[0].start:segments[0].end]
    assert "412个" in body and "120个" not in body


def test_a_wechat_post_copied_whole_is_its_article_without_its_earlier_posts():
    text = ("原创 漯河人大 漯河人大 2024年10月15日 18:02 河南\n\n点击蓝字 关注我们\n\n【联动监督】漯河:助餐服务暖心\n\n"
            "全市已建成老年助餐点186个。\n\n往期推荐\n● 召陵区人大:建成助餐点31个\n\nEND\n")
    n, (_, segments) = _split(text)
    assert len(segments) == 1 and segments[0].title == "【联动监督】漯河:助餐服务暖心"
    assert "31个" not in n.text[segments[0].start:segments[0].end]


def test_text_without_structure_is_one_report():
    _, (header, segments) = _split("本报讯 近日,洛阳市人大常委会召开座谈会3次。")
    assert len(segments) == 1 and header.issue is None





_LINES = st.sampled_from(["安阳: 标题", "(2024年 第3期)", "“联动监督”专辑 (十二)", "正文一句。", "(安阳市人大常委会供稿)",
                          "报:全国人大", "", "短行"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_LINES, max_size=30).map("\n".join), st.text(max_size=300)))
def test_splitting_never_raises_and_covers_the_text(text):
    parts = split_bulletins(text)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a < b or (a == b == 0) for a, b in parts) and all(b == c for (_, b), (c, _) in itertools.pairwise(parts))
    for a, b in parts:
        _, segments = split(text[a:b], lambda name: True)
        assert all(0 <= s.start <= s.end <= b - a for s in segments)
