"""rules + catalog: one sentence → the indicator and attributes it states. Every catalog code has a row."""

from pathlib import Path

import pytest

from extract import extract_text
from extract.catalog import CATALOG
from extract.normalize import normalize
from extract.numbers import find_mentions
from extract.pipeline import decode_bytes
from extract.rules import _cue_matches, _match, frames

CITY = "洛阳市人大常委会开展养老服务联动监督。"

# (sentence, indicator, value, extra attributes that must hold)
CASES = [
    ("截至2023年底,全市常住人口707.9万人,其中60岁及以上人口150.2万人,占总人口的21.2%。",
     "elderly_share", 21.2, {"age_threshold": 60, "population_base": "resident", "ref_period": "2023-12-31"}),
    ("全市户籍人口800万人,65周岁以上老年人口96万人。", "elderly_population", 960_000,
     {"age_threshold": 65, "population_base": "household"}),
    ("全市户籍人口800万人。", "population_total", 8_000_000, {"population_base": "household"}),
    ("全市老龄化率达到19.8%。", "elderly_share", 19.8, {"age_threshold": None}),
    ("全市80岁以上高龄老人约12万人。", "oldest_old_population", 120_000, {"qualifier": "approx"}),
    ("失能半失能老人3.5万人。", "disabled_elderly", 35_000, {}),
    ("检查组实地查看养老机构45家。", "facilities_inspected", 45, {}),
    ("调研组实地查看了12家养老服务中心。", "facilities_inspected", 12, {}),
    ("全市已建成老年食堂86个。", "meal_sites", 86, {"status": "built"}),
    ("投入使用老年助餐点120个。", "meal_sites", 120, {"status": "operating"}),
    ("计划新建助餐点位50个。", "meal_sites", 50, {"status": "planned"}),
    ("全市选定老年助餐服务点位155个。", "meal_sites", 155, {"status": "selected"}),
    ("交办问题整改率达到85%。", "rectification_rate", 85, {}),
    ("交办的问题90%以上已整改到位。", "rectification_rate", 90, {"qualifier": "at_least"}),
    ("成立3个执法检查组。", "supervision_groups", 3, {}),
    ("组成五个专题调研组。", "supervision_groups", 5, {}),
    ("听取市民政局等15个部门工作汇报。", "departments_briefed", 15, {}),
    ("走访老年人320人。", "elderly_visited", 320, {}),
    ("召开座谈会12场。", "symposia", 12, {}),
    ("组织召开8次座谈会。", "symposia", 8, {}),
    ("发放调查问卷2000余份。", "questionnaires", 2000, {"qualifier": "at_least"}),
    ("邀请120人次人大代表参与。", "deputies_participating", 120, {}),
    ("组织30名市人大代表视察。", "deputies_participating", 30, {}),
    ("收集意见建议58条。", "suggestions", 58, {}),
    ("提出改进建议20条。", "suggestions", 20, {}),
    ("形成调研报告6篇。", "research_reports", 6, {}),
    ("共发现问题42个。", "problems_found", 42, {}),
    ("查摆出养老服务设施不足等问题18项。", "problems_found", 18, {}),
    ("向市政府交办问题15个。", "problems_assigned", 15, {}),
    ("已整改问题9个。", "problems_rectified", 9, {}),
    ("其中7项已整改到位。", "problems_rectified", 7, {}),
    ("全市共有养老机构260家。", "care_institutions", 260, {}),
    ("全市养老床位3.2万张。", "care_beds", 32_000, {}),
    ("完成适老化改造1500户。", "aging_friendly_renovations", 1500, {}),
    ("投入资金2.5亿元。", "investment", 250_000_000, {}),
    ("农村养老服务设施覆盖率达到65%。", "rural_facility_coverage", 65, {}),
    # other ways the same things are written
    ("召开各类座谈会、推进会30余场。", "symposia", 30, {"qualifier": "at_least"}),
    ("各级人大代表2300余人次参与监督。", "deputies_participating", 2300, {"qualifier": "at_least"}),
    ("先后深入56家养老机构实地查看。", "facilities_inspected", 56, {}),
    ("全市老年人口186.5万人,占常住人口的19.6%。", "elderly_share", 19.6, {"population_base": "resident"}),
    ("60周岁以上人口占比达到20.5%。", "elderly_share", 20.5, {"age_threshold": 60}),
    ("问题整改完成率达92%。", "rectification_rate", 92, {}),
    ("目前已整改完成23个,正在整改9个。", "problems_rectified", 23, {}),
    ("建成社区老年食堂(助餐点)235个。", "meal_sites", 235, {"status": "built"}),
    ("全市养老床位达到1.2万张。", "care_beds", 12_000, {}),
    ("争取中央和省级资金1.5亿元。", "investment", 150_000_000, {}),
    # A problem list the place drew up itself is what it found; it is the hand-over's only where 交办 is said.
    ("梳理形成问题清单共12项。", "problems_found", 12, {}),
    ("向市政府交办问题清单共9项。", "problems_assigned", 9, {}),
    ("听取市政府及民政、发改等15个部门的专题汇报。", "departments_briefed", 15, {}),
    ("走访慰问老年人200余人。", "elderly_visited", 200, {"qualifier": "at_least"}),
    ("市人大常委会抽样调研35家养老机构。", "facilities_inspected", 35, {}),
    ("全市现有各类260家养老服务机构。", "care_institutions", 260, {}),
    ("全市现有养老床位1200张。", "care_beds", 1200, {}),
    ("实地调研6个街道、3个养老服务中心。", "facilities_inspected", 3, {}),
    ("调研组分成4个组开展调研。", "supervision_groups", 4, {}),
    ("对能立即整改的问题已整改到位12个。", "problems_rectified", 12, {}),
    ("全市建成长者饭堂45个。", "meal_sites", 45, {"status": "built"}),
    ("深入全市28个养老机构开展检查。", "facilities_inspected", 28, {}),
    ("发现问题隐患56处。", "problems_found", 56, {}),
    ("老年人口占总人口的比例为21.3%。", "elderly_share", 21.3, {}),
]


@pytest.mark.parametrize(("sentence", "indicator", "value", "attrs"), CASES, ids=[c[0][:16] for c in CASES])
def test_sentence(sentence, indicator, value, attrs):
    doc = extract_text(CITY + sentence, "case.txt")
    hits = [r for r in doc.records if r.indicator == indicator and r.value == pytest.approx(value)]
    assert hits, [(r.indicator, r.value) for r in doc.records]
    r = hits[0]
    assert r.region_code == "410300"
    for key, want in attrs.items():
        assert getattr(r, key) == want, key
    assert not r.flags or r.flags == ["derived"]  # a text with decimals is never "recovered"


def test_every_catalog_indicator_has_a_case():
    assert {c[1] for c in CASES} == {i.code for i in CATALOG.indicators}


@pytest.mark.parametrize(
    "sentence",
    ["2024年3月21日召开第104次会议。", "由2-3人组成小分队。", "与去年相比上升2.5个百分点。", "专题调研细化为8个方面61个要点。",
     "关系千家万户。", "建立了“1+4+N”政策体系。"],
)
def test_not_indicator_values(sentence):
    doc = extract_text(CITY + sentence + "收集意见建议5条。", "case.txt")
    assert [(r.indicator, r.value) for r in doc.records] == [("suggestions", 5)]


def test_clause_naming_a_county_moves_the_number_there():
    doc = extract_text("安阳市人大常委会开展联动监督。全市建成老年助餐点200个,其中林州市建成老年助餐点30个。", "c.txt")
    got = {(r.region_code, r.value) for r in doc.records if r.indicator == "meal_sites"}
    assert got == {("410500", 200), ("410581", 30)}


def test_province_handover_is_not_the_citys_primary():
    doc = extract_text(CITY + "针对省人大常委会交办的2项问题和市人大常委会交办的11项问题,开展跟踪督办。", "c.txt")
    primary = [r for r in doc.records if r.indicator == "problems_assigned" and r.primary]
    assert [r.value for r in primary] == [11]


def test_from_to_change_keeps_the_new_value_primary():
    doc = extract_text(CITY + "农村养老服务设施覆盖率从去年的22.6%提升至40%以上。", "c.txt")
    primary = [r for r in doc.records if r.indicator == "rural_facility_coverage" and r.primary]
    assert [(r.value, r.qualifier) for r in primary] == [(40, "at_least")]


def test_parts_joined_in_one_clause_add_up():
    doc = extract_text(CITY + "组成3个专题调研组和2个执法检查组,深入8个县区开展监督。", "c.txt")
    groups = [r for r in doc.records if r.indicator == "supervision_groups"]
    (total,) = [r for r in groups if r.primary]
    assert (total.value, total.flags, total.printed) == (5, ["derived"], "3+2")
    assert sorted(r.value for r in groups if not r.primary) == [2, 3]


def test_derived_rectification_rate():
    doc = extract_text(CITY + "查找出问题30余个,督办完成阶段性整改14个。", "c.txt")
    (rate,) = [r for r in doc.records if r.indicator == "rectification_rate"]
    assert rate.value == pytest.approx(46.7)
    assert rate.qualifier == "at_most"
    assert "derived" in rate.flags


def test_derived_rate_is_over_the_problems_handed_over():
    doc = extract_text(CITY + "发现问题57个,交办问题清单共26项.目前已整改到位19项。", "c.txt")
    (rate,) = [r for r in doc.records if r.indicator == "rectification_rate"]
    assert rate.value == pytest.approx(73.1)
    assert "problems_assigned" in rate.steps


def test_stated_rate_wins_over_derivation():
    doc = extract_text(CITY + "发现问题40个,已整改问题20个,整改率50%。", "c.txt")
    rates = [r for r in doc.records if r.indicator == "rectification_rate"]
    assert [(r.value, r.flags) for r in rates] == [(50, [])]


def test_this_year_takes_the_bulletins_year():
    text = "(２０２４年　第３期)\n\n河南省人大社会建设委员会 ２０２４年３月１日\n\n洛阳: 标题\n\n今年以来,全市建成老年食堂86个.去年建成老年助餐点40个.\n"
    doc = extract_text(text, "y.txt")
    got = {(r.value, r.ref_period) for r in doc.records if r.indicator == "meal_sites"}
    assert got == {(86, None), (40, "2023")}  # 今年以来 is a span, not a period


WORDS = CATALOG.words.res


def _plain_match(left, right, context, clause_left, m):
    """The first indicator (catalog order) any of whose cues fits, cue by cue: the better tier wins, at
    the same tier the cue that raises a doubt, else the first; then exclusions and subsets."""
    for ind in CATALOG.by_counter.get(m.counter, ()):
        best = None
        for cue in ind.cues:
            hit = _cue_matches(cue, left, right, context, WORDS)
            if hit and (best is None or (cue.tier, not cue.flags) < (best[0].tier, not best[0].flags)):
                best = (cue, hit if not isinstance(hit, bool) else None)
        if best is None or any(rx.search(clause_left) for rx in ind.exclude_res):
            continue
        flags, why = tuple(best[0].flags), best[0].why
        for cue in ind.subsets:
            if _cue_matches(cue, left, right, context, WORDS):
                flags, why = (*flags, *cue.flags), cue.why
                break
        return ind.code, best[0].tier, best[1] and best[1].span(), flags, why
    return None


def test_matching_is_the_plain_cue_by_cue_rule():
    """rules._match skips cues that cannot win and inlines the checks; it finds what trying every cue finds,
    for every number of the seeds and the evaluation corpus."""
    root = Path(__file__).parent
    paths = [*(root.parent / "seeds").glob("*.txt"), *(root / "eval" / "texts").glob("*.txt")]
    compared = 0
    for path in paths:
        text = normalize(decode_bytes(path.read_bytes(), path.name)[0]).text
        for f in frames(text, find_mentions(text)):
            hit = _match(f.left, f.right, f.context, f.clause_left, f.m, CATALOG)
            got = hit and (hit.indicator.code, hit.tier, hit.before and hit.before.span(), hit.flags, hit.why)
            assert got == _plain_match(f.left, f.right, f.context, f.clause_left, f.m), (path.name, f.left)
            compared += hit is not None
    assert compared > 200  # numbers that fit an indicator, each compared on all its fields


def test_shared_subsets_are_one_cue_named_by_each_indicator_after_its_own():
    from pathlib import Path

    from extract.catalog import CATALOG, load_catalog

    increase = CATALOG.shared_subsets["increase"]
    for code in ("meal_sites", "care_institutions", "care_beds"):
        own = CATALOG.by_code[code].subsets
        assert increase in own and own.index(increase) == len(own) - len(CATALOG.by_code[code].shared_subsets)
    assert CATALOG.by_code["care_beds"].subsets[0].why.startswith("nursing beds")
    text = (Path(__file__).parent.parent / "extract" / "data" / "catalog.toml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="unknown shared subsets"):
        load_catalog(text.replace('shared_subsets = ["reached", "group", "change"]', 'shared_subsets = ["no_such"]', 1))


def test_the_rules_read_the_word_lists_of_the_catalog_they_are_given():
    """A catalog is data: the negation and change words come from the one passed, not the default."""
    from extract.catalog import load_catalog
    from extract.rules import ReportContext, candidate, match

    text = (Path(__file__).parent.parent / "extract" / "data" / "catalog.toml").read_text(encoding="utf-8")
    sentence = "全市尚有5个乡镇未设老年助餐点。"
    (f,) = frames(sentence, find_mentions(sentence))
    assert match(sentence, f.m, CATALOG, f) is None  # 未: a count of towns that lack a canteen
    no_negation = load_catalog(text.replace("negation = '未|没有|尚无'", "negation = '没有|尚无'", 1))
    assert match(sentence, f.m, no_negation, f).indicator.code == "meal_sites"

    changed = "全市老年助餐点从2020年40个增加到86个。"
    second = frames(changed, find_mentions(changed))[-1]
    ctx = ReportContext(region="410300", regions_in_text=[], may_override=lambda _: False, is_province=False)
    assert candidate(second, ctx, CATALOG).ref_period is None  # 2020 is the 40's year, not the 86's
    no_change = load_catalog(text.replace("change_from = '(从|由)", "change_from = '(自)", 1))
    hit = match(changed, second.m, CATALOG, second)  # read as it is, so only the period's rule differs
    assert candidate(second, ctx, no_change, hit).ref_period == "2020"
