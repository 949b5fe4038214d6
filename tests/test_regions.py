"""regions: names to GB/T 2260 codes, for Henan and beyond."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.regions import REGIONS, short_name


@pytest.mark.parametrize(
    ("name", "code"),
    [("安阳", "410500"), ("安阳市", "410500"), ("焦作", "410800"), ("济源", "419001"), ("济源示范区", "419001"),
     ("三门峡", "411200"), ("河南", "410000"), ("山阳区", "410811"), ("林州市", "410581"), ("滑县", "410526"),
     ("苏州", "320500"), ("长垣", "410783"), ("郑州市金水区", "410105"), ("新乡市长垣市", "410783"), ("济南市", "370100"), ("北京市", "110000"), ("不是地名", None)],
)
def test_resolve(name, code):
    assert REGIONS.resolve(name) == code


def test_same_name_prefers_the_hinted_place():
    # 鼓楼区 exists in Nanjing, Xuzhou, Fuzhou and Kaifeng.
    assert REGIONS.resolve("鼓楼区", ("320100",)) == "320106"
    assert REGIONS.resolve("鼓楼区", ("410000",)).startswith("4102")


def test_display_name_joins_city_and_district():
    assert REGIONS.display_name("410811") == "焦作市山阳区"
    assert REGIONS.display_name("419001") == "济源市"
    assert REGIONS.display_name("410100") == "郑州市"


def test_find_all_prefers_the_longest_name():
    found = REGIONS.find_all("焦作市山阳区人大常委会,其中林州市建成")
    assert [code for _, _, code in found] == ["410800", "410811", "410581"]


def test_a_name_that_is_also_a_word_needs_its_city_before_it():
    # 城区 is 阳泉's and 晋城's district, and any city's urban area.
    assert REGIONS.find_all("其中城区18个、乡村46个") == []
    assert REGIONS.find_all("阳泉市城区建成")[-1][2] == "140302"
    assert REGIONS.find_all("晋城城区")[-1][2] == "140502"
    assert REGIONS.resolve("城区") is None and REGIONS.resolve("阳泉市城区") == "140302"


def test_an_autonomous_prefecture_by_its_common_name():
    assert REGIONS.find_all("延边州老龄化率")[0][2] == "222400" and REGIONS.resolve("恩施州") == "422800"


def test_main_region_of_a_news_text():
    text = "本报讯 近日,新乡市人大常委会组织调研组赴长垣市、辉县市调研养老服务。新乡市共有养老机构120家。"
    assert REGIONS.main_region(text) == "410700"


def test_short_names():
    assert short_name("安阳市") == "安阳"
    assert short_name("河南省") == "河南"
    assert short_name("新疆维吾尔自治区") == "新疆"
    assert short_name("广西壮族自治区") == "广西"
    assert short_name("延边朝鲜族自治州") == "延边"


def test_henan_cities_have_populations():
    cities = [r for r in REGIONS.all() if r.population_10k]
    assert len(cities) == 18
    assert REGIONS["410500"].population_10k == pytest.approx(537.6)


def _scan_by_hand(text: str) -> tuple[tuple[int, int, str], ...]:
    """The rule _scan implements, written the slow and obvious way: at each place a name ends (left to
    right), the longest name ending there that does not overlap the one taken before."""
    names = [n for n in REGIONS._by_name if len(n) >= 2]
    found, taken_until = [], -1
    for end in range(1, len(text) + 1):
        for name in sorted((n for n in names if text.endswith(n, 0, end)), key=len, reverse=True):
            if end - len(name) > taken_until:
                found.append((end - len(name), end, name))
                taken_until = end - 1
                break
    return tuple(found)


NAME_PIECES = ["郑州市", "金水区", "郑州", "州市", "安阳市", "林州市", "河南省", "新乡市长垣市", "长垣", "市", "区",
               "县", "滑县", "鼓楼区", "的", "人大", "开封市鼓楼区", "省", "济源示范区",
               # (names whose last character ends few names, looked for with the characters before it)
               "常委会", "管委会", "乌拉盖管理区管委会", "大柴旦行政委员会", "委员会", "西沙群岛", "群岛", "锡林郭勒盟", "盟"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12).map("".join))
def test_scan_finds_what_the_rule_says(text):
    assert REGIONS._scan(text) == _scan_by_hand(text)


@pytest.mark.parametrize(("code", "english"), [
    ("410100", "Zhengzhou"), ("410811", "Shanyang District, Jiaozuo"), ("419001", "Jiyuan"), ("410000", "Henan"),
    # Beyond Henan a city names its province: 苏州 and 宿州 are both Suzhou.
    ("320500", "Suzhou, Jiangsu"), ("341300", "Suzhou, Anhui"), ("110105", "Chaoyang District, Beijing"),
    ("222400", "Yanbian Chaoxian Autonomous Prefecture, Jilin"), ("150000", "Inner Mongolia"),
    ("100000", "China"), ("999999", None),
])
def test_english_names_say_a_districts_city(code, english):
    assert REGIONS.english_name(code) == english


def test_every_division_has_an_english_name_and_no_two_places_share_one():
    han = re.compile(r"[\u4e00-\u9fff]")
    names = {code: REGIONS.english_name(code) for code in REGIONS._by_code}
    assert not [(code, name) for code, name in names.items() if not name or han.search(name)]
    assert len(set(names.values())) == len(names)
