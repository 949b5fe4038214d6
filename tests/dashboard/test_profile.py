"""dashboard.profile: the city profile's tables, the sentence marked and every bulletin text escaped."""

import pytest

import store
from dashboard.profile import highlight, sections, source_link
from store import queries


def test_the_number_is_marked_in_its_sentence_and_markup_stays_text():
    assert highlight("建成助餐点216个", "216") == "建成助餐点<mark>216</mark>个"
    marked = highlight("<a href='x'>点击</a>共12家", "12")
    assert "<a" not in marked and "&lt;a href=&#x27;x&#x27;&gt;" in marked and "<mark>12</mark>" in marked
    assert highlight("没有这个数", "99") == "没有这个数"


def test_a_source_link_is_escaped_and_keeps_the_language():
    link = source_link("410100", "a'b<c>.txt", "meal_sites", 12, "en")
    assert "<c>" not in link and "lang=en" in link and "rec=meal_sites%4012" in link


@pytest.fixture(scope="module")
def records(seeds_db):
    with store.connect(seeds_db, read_only=True) as con:
        return queries.region_records(con, "410800")  # 焦作: its district's values are a drill-down


def test_a_city_with_a_district_shows_the_district_after_its_own_domains(records):
    parts = sections(records, "410800", "zh")
    kinds = [county for _, county, _ in parts]
    assert kinds == sorted(kinds) and kinds[-1]  # own domains first, then the district
    assert parts[-1][0] == "焦作市山阳区" or "山阳区" in parts[-1][0]
    assert all(html.startswith("<table class='cp'>") and "<style>" not in html for _, _, html in parts)  # styled once
