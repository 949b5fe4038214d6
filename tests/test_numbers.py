"""numbers.find_mentions: an exhaustive table of how numbers are written, in the price-parser style."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.numbers import find_mentions, number_pattern, parse_cn

# (normalised text, expected [(printed, value, counter, qualifier)]) — one row per way of writing.
CASES = [
    # plain and scaled
    ("建成助餐点180个", [("180", 180, "个", "exact")]),
    ("常住人口5376万人", [("5376万", 53_760_000, "人", "exact")]),
    ("常住人口537.6万人", [("537.6万", 5_376_000, "人", "exact")]),
    ("投入744万元", [("744万", 7_440_000, "元", "exact")]),
    ("总投资1.2亿元", [("1.2亿", 120_000_000, "元", "exact")]),
    ("共1,300家", [("1,300", 1300, "家", "exact")]),
    ("常住人口202万,", [("202万", 2_020_000, "", "exact")]),
    # round figures in words: 上万 is at least ten thousand; 数十, 几百 give no number (总数一万余 does)
    ("走访老年人上万人次", [("万", 10_000, "人次", "at_least")]),
    ("服务老年人近万人次", [("近万", 10_000, "人次", "approx")]),
    ("召开座谈会数十场", []),
    ("走访几百人", []),
    ("答卷总数一万余份", [("一万余", 10_000, "份", "at_least")]),
    # percentages
    ("占总人口的15.1%", [("15.1%", 15.1, "%", "exact")]),
    ("已整改完成73%以上", [("73%以上", 73, "%", "at_least")]),
    # qualifiers
    ("重点问题30余个", [("30余", 30, "个", "at_least")]),
    ("建立银发顾问点400多个", [("400多", 400, "个", "at_least")]),
    ("超过200人次", [("超过200", 200, "人次", "at_least")]),
    ("逾50家", [("逾50", 50, "家", "at_least")]),
    ("高龄老人约20万人", [("约20万", 200_000, "人", "approx")]),
    ("近30个", [("近30", 30, "个", "approx")]),
    ("覆盖50%左右", [("50%左右", 50, "%", "approx")]),
    ("不到10家", [("不到10", 10, "家", "at_most")]),
    ("不足5%", [("不足5%", 5, "%", "at_most")]),
    ("不少于10个", [("不少于10", 10, "个", "at_least")]),
    ("不低于60%", [("不低于60%", 60, "%", "at_least")]),
    ("至少建成2所", [("2", 2, "所", "exact")]),  # 至少 before a verb: a target's word, not the number's
    ("至少2所", [("至少2", 2, "所", "at_least")]),
    # shares in tenths (成)
    ("占常住人口的近三成", [("近三成", 30, "%", "approx")]),
    ("覆盖率达到七成以上", [("七成以上", 70, "%", "at_least")]),
    ("运营率不足四成", [("不足四成", 40, "%", "at_most")]),
    ("占比达3成", [("3成", 30, "%", "exact")]),
    ("一成不变", []),
    # shares spelt out
    ("占常住人口的百分之二十四点三", [("百分之二十四点三", 24.3, "%", "exact")]),
    ("老年人口一百五十六点三万人", [("一百五十六点三万", 1_563_000, "人", "exact")]),
    ("约百分之十五", [("约百分之十五", 15, "%", "approx")]),
    ("百分之五十以上", [("百分之五十以上", 50, "%", "at_least")]),
    ("长者饭堂56间", [("56", 56, "间", "exact")]),
    ("在七百间社区食堂", []),  # a place's name
    # ratios and times
    ("按1:4配置", []),
    ("14:30召开", []),
    ("三成员单位", []),
    ("九成新", []),
    # after the measure word, as before it (the printed number stays the digits)
    ("3个以下", [("3", 3, "个", "at_most")]),
    ("助餐点200个以上", [("200", 200, "个", "at_least")]),
    ("老年人500人左右", [("500", 500, "人", "approx")]),
    ("老年人500人,老年人多为独居", [("500", 500, "人", "exact")]),
    ("1万余人", [("1万余", 10_000, "人", "at_least")]),
    ("30余万人", [("30余万", 300_000, "人", "at_least")]),
    # Chinese numerals
    ("答卷总数一万余份", [("一万余", 10_000, "份", "at_least")]),
    ("邀请人大代表百余人次", [("百余", 100, "人次", "at_least")]),
    ("组成三个检查组", [("三", 3, "个", "exact")]),
    ("两个月", [("两", 2, "个", "exact")]),
    ("十二个小组", [("十二", 12, "个", "exact")]),
    # ranges
    ("由2-3人组成", [("2-3", 2, "人", "at_least")]),
    ("由2~3人组成", [("2~3", 2, "人", "at_least")]),
    # not values
    ("2023年底", []),
    ("3月21日召开", []),
    ("第104次会议", []),
    ("第十七次会议", []),
    ("2024年第14期", []),
    ("65岁及以上", []),
    ("上升2.58个百分点", []),
    ("“1+4+N”政策", []),
    ("关系千家万户", []),
    ("一是高位谋划", []),
    ("一批问题", []),
    ("9个方面", []),
    ("四个类型", []),
    ("十一届人大", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_mentions(text, expected):
    got = [(m.printed, m.value, m.counter, m.qualifier) for m in find_mentions(text)]
    assert [(p, pytest.approx(v), c, q) for p, v, c, q in got] == [
        (p, pytest.approx(v), c, q) for p, v, c, q in expected
    ]


@pytest.mark.parametrize(("text", "value", "high"), [
    ("全省建成助餐点1.38万个", 13800, None), ("床位1.86万张", 18600, None), ("投入2.36亿元", 236_000_000, None),
    ("老年人口1.15-1.35万人", 11500, 13500), ("占比3.5-4.25%", 3.5, 4.25), ("1.005亿元", 100_500_000, None),
])
def test_scaled_values_are_the_printed_decimals_exactly(text, value, high):
    """No float residue (13799.999999999998 for 1.38万): the value is stored, exported and compared as printed."""
    (m,) = find_mentions(text)
    assert (m.value, m.range_high) == (value, high)


def test_range_keeps_upper_bound():
    (m,) = find_mentions("由2-3人组成")
    assert m.range_high == 3


@pytest.mark.parametrize(
    ("text", "can_lose"),
    [("5376万人", True), ("151%", True), ("744万元", True), ("172家", False), ("537.6万人", False),
     ("一万余份", False), ("30余个", False)],
)
def test_which_numbers_can_have_lost_a_decimal_point(text, can_lose):
    (m,) = find_mentions(text)
    assert m.can_lose_decimal is can_lose


@pytest.mark.parametrize(("text", "value"), [("一万", 10000), ("百", 100), ("两", 2), ("十二", 12), ("一千三百", 1300)])
def test_parse_cn(text, value):
    assert parse_cn(text) == value


def test_parse_cn_rejects_what_is_not_a_numeral():
    assert parse_cn("是") is None
    assert parse_cn("十十") is None


# Property: whatever the text, finding numbers never raises and every mention is where it says.


_ALPHABET = st.sampled_from(list("0123456789.,%-~至到余多万亿千百十一二两三四五六七八九零个人次家余以上左右约近超过不到第年月日岁 。,;"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.text(alphabet=_ALPHABET, max_size=80)))
def test_finding_numbers_never_raises_and_spans_hold_the_printed_text(text):
    for m in find_mentions(text):
        assert text[m.start:m.end] == m.printed and m.value >= 0


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%-至余多万亿千百十一二两三四五六七八九零个人次家以上左右下内约超第年是批线方面, 。")),
               max_size=40))
def test_the_numeral_lookahead_only_skips_what_would_be_dropped(text):
    """The lookahead after a Chinese numeral is a shortcut: the mentions are those found without it."""
    assert find_mentions(text) == find_mentions(text, number_pattern(None))
