"""decimals: lost decimal points are recovered only where checks decide, and flagged otherwise."""

from pathlib import Path

import pytest

from extract import extract_text

LOST = "安阳: 标题\n\n全市常住人口５３７６万人,其中６５岁及以上人口８１１万人,占全市总人口的１５１％.投入资金７４４万元.\n"
KEPT = "安阳: 标题\n\n全市常住人口５３７．６万人,其中６５岁及以上人口８１．１万人,占全市总人口的１５．１％.投入资金７４４万元.\n"


def _by(doc, indicator):
    (r,) = [r for r in doc.records if r.indicator == indicator]
    return r


def test_lost_decimals_are_detected_and_recovered():
    doc = extract_text(LOST, "lost.txt")
    assert doc.decimals_lost
    total, elderly, share = (_by(doc, c) for c in ("population_total", "elderly_population", "elderly_share"))
    assert (total.value, elderly.value, share.value) == (5_376_000, 811_000, pytest.approx(15.1))
    for r in (total, elderly, share):
        assert "decimal_recovered" in r.flags and "ambiguous" not in r.flags
    assert share.printed == "１５１％"
    assert "15.1%" in share.steps


def test_undecidable_value_stays_as_printed_and_is_ambiguous():
    # 6821万 and 682.1万 yuan are both plausible elderly-care funds for 安阳 (1 to 200 yuan a resident).
    inv = _by(extract_text(LOST.replace("７４４万", "６８２１万"), "lost.txt"), "investment")
    assert inv.value == 68_210_000
    assert "ambiguous" in inv.flags
    assert sorted(inv.alternatives) == [6_821_000]


def test_funds_are_judged_per_resident():
    inv = _by(extract_text(LOST, "lost.txt"), "investment")  # 7.44万 or 74.4万 would be under 1 yuan a resident
    assert inv.value == 7_440_000 and "ambiguous" not in inv.flags


def test_a_clean_document_is_never_recovered():
    doc = extract_text(KEPT, "kept.txt")
    assert not doc.decimals_lost
    assert _by(doc, "elderly_share").value == pytest.approx(15.1)
    assert _by(doc, "population_total").value == 5_376_000
    assert all(not r.flags for r in doc.records)


def test_growth_above_100_percent_is_not_evidence():
    doc = extract_text("洛阳市人大常委会开展监督。助餐点数量同比增长150%,建成老年食堂８６个。", "g.txt")
    assert not doc.decimals_lost


def test_qualified_round_numbers_keep_their_reading():
    doc = extract_text("三门峡: 标题\n\n占总人口的２１９８％.交办的问题７３％以上已整改完成.\n", "q.txt")
    rate = _by(doc, "rectification_rate")
    assert (rate.value, rate.qualifier, rate.flags) == (73, "at_least", [])


def test_a_count_in_wan_qualified_after_it_may_have_lost_its_point():
    """３０余 is a round number; １２万余 may be 1.2万余, so it is not taken as printed unmarked."""
    text = LOST.replace("投入资金７４４万元", "发放调查问卷１２万余份,召开座谈会３０余场")
    doc = extract_text(text, "q.txt")
    questionnaires, symposia = _by(doc, "questionnaires"), _by(doc, "symposia")
    assert 12_000 in (questionnaires.value, *questionnaires.alternatives)
    assert "ambiguous" in questionnaires.flags or questionnaires.value == 12_000
    assert (symposia.value, symposia.flags) == (30, [])


def test_a_districts_count_and_share_must_imply_a_population_a_district_can_have():
    """162万 old at 22.8% would be 7.1 million people, more than any district holds (浦东, 5.7 million):
    no slack is added to a level's bounds, which are already the largest there are."""
    text = "市中区: 标题\n\n济南市市中区全区６０岁以上老年人口１６２万人,占常住人口的２２８％.\n"
    elderly = _by(extract_text(text, "d.txt"), "elderly_population")
    assert elderly.value == 162_000 and 1_620_000 not in elderly.alternatives


def test_population_reference_decides_the_scale():
    # 郑州 household population 929.24万: 92.924万 also fits the share, but not the city's size.
    doc = extract_text("郑州: 标题\n\n全市户籍人口达９２９２４万人,其中,６０岁及以上老人达到１６６８９万人,占比１７９６％.\n", "z.txt")
    assert _by(doc, "population_total").value == pytest.approx(9_292_400)
    assert _by(doc, "elderly_population").value == pytest.approx(1_668_900)
    assert _by(doc, "elderly_share").value == pytest.approx(17.96)


NANYANG = ("南阳: 标题\n\n截至２０２３年底,南阳市常住人口９６２９万人,６０岁及以上老年人口１９８６万人,占常住人口的２０６３％,"
           "高龄老人２１６万人.全市养老床位达到４３万张.共发现问题９８个,向市政府交办问题４２个,已整改到位３１个,整改率７３８％.\n")


def test_parts_of_the_elderly_population_decide_their_scale():
    oldest = _by(extract_text(NANYANG, "n.txt"), "oldest_old_population")
    assert (oldest.value, oldest.flags) == (pytest.approx(216_000), ["decimal_recovered"])


def test_beds_are_plausible_for_the_population():
    beds = _by(extract_text(NANYANG, "n.txt"), "care_beds")
    assert (beds.value, beds.flags) == (pytest.approx(43_000), ["decimal_recovered"])


def test_a_stated_rate_agrees_with_rectified_over_handed_over():
    rate = _by(extract_text(NANYANG, "n.txt"), "rectification_rate")
    assert (rate.value, rate.flags) == (pytest.approx(73.8), ["decimal_recovered"])


def test_elderly_without_a_total_uses_the_citys_population():
    doc = extract_text("南阳: 标题\n\n全市６０岁及以上老年人口１９８６万人,占比２０６３％.\n", "n2.txt")
    assert _by(doc, "elderly_population").value == pytest.approx(1_986_000)
    assert _by(doc, "elderly_share").value == pytest.approx(20.63)


def test_a_district_is_never_larger_than_its_city():
    # 302万 and 30.2万 both give the stated 19.5% with 59万 or 5.9万 elderly, but 鹤壁 has about 157万 people.
    doc = extract_text("鹤壁市淇滨区人大常委会开展专题调研\n\n全区户籍人口３０２万人,６０周岁以上老年人５９万人,"
                       "老龄化率１９５％.\n", "q.txt")
    total, elderly = _by(doc, "population_total"), _by(doc, "elderly_population")
    assert (total.region_code, total.value, elderly.value) == ("410611", pytest.approx(302_000), pytest.approx(59_000))
    assert "ambiguous" not in total.flags + elderly.flags


def test_relations_are_catalog_data_and_name_known_indicators():
    from extract.catalog import CATALOG, load_catalog

    rate = next(r for r in CATALOG.relations if r.result == "rectification_rate")
    assert rate.derive and rate.wholes[0] == "problems_assigned"
    text = (Path(__file__).parent.parent / "extract" / "data" / "catalog.toml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="unknown indicator 'no_such'"):
        load_catalog(text + '\n[[relation]]\nresult = "no_such"\npart = "symposia"\nwholes = ["symposia"]\n')
