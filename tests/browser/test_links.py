"""Every view in its link: change the controls, copy the address, open it in a fresh browser — the
same screen comes back."""

from __future__ import annotations

import pytest

from tests.browser.conftest import settle
from tests.browser.test_dashboard import open_page

pytestmark = pytest.mark.browser


def _main_text(page) -> str:
    return page.inner_text('[data-testid="stMain"]')


def _reopened(browser, url: str) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
    try:
        fresh = context.new_page()
        fresh.goto(url)
        settle(fresh)
        fresh.wait_for_timeout(800)
        return _main_text(fresh), fresh.url
    finally:
        context.close()


def test_data_filters_come_back_from_a_copied_link(page, server, browser):
    open_page(page, server, "data?cities=410500,411200&qualifiers=exact,approx&flags=decimal_recovered")
    page.get_by_text("只看主值").click()
    settle(page)
    page.get_by_text("代码（供分析使用）").click()
    settle(page)
    url = page.url
    for part in ("cities=410500", "qualifiers=exact", "flags=decimal_recovered", "primary=1", "cells=codes"):
        assert part in url, url
    before = _main_text(page)
    assert "安阳市" in before and "三门峡市" in before and "小数点已复原" in before
    after, reopened = _reopened(browser, url)
    assert after == before and reopened == url


def test_english_data_filters_keep_their_choice_across_the_switch(page, server, browser):
    open_page(page, server, "data?cities=410500&indicators=meal_sites,elderly_share&lang=en")
    text = _main_text(page)
    assert "Anyang" in text and "meal-assistance sites" in text
    after, _ = _reopened(browser, page.url)
    assert after == text


def test_compare_per_population_and_cities_come_back_from_a_copied_link(page, server, browser):
    open_page(page, server, "compare?indicator=meal_sites&cities=410100")
    page.get_by_text("每万名老年人", exact=True).click()
    settle(page)
    assert "per=elderly" in page.url and "indicator=meal_sites" in page.url and "cities=410100" in page.url
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    before = _main_text(page)
    after, reopened = _reopened(browser, page.url)
    assert after == before and reopened == page.url


def test_the_sidebar_language_link_switches_in_place_and_keeps_every_choice(page, server):
    """The language is a link (no widget code to load for a room opening the page): following it redraws the
    page in English in the same tab, with the indicator, cities and per-population choice kept, and back."""
    open_page(page, server, "compare?indicator=meal_sites&cities=410100&per=elderly")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="English").click()
    page.wait_for_function("location.search.includes('lang=en')", timeout=15_000)
    settle(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    assert len(page.context.pages) == 1  # the same tab
    for part in ("indicator=meal_sites", "cities=410100", "per=elderly"):
        assert part in page.url, page.url
    assert "switch" not in page.url
    assert "Zhengzhou" in _main_text(page) and "郑州" not in _main_text(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="中文").click()
    page.wait_for_function("!location.search.includes('lang=en')", timeout=15_000)
    settle(page)
    assert "郑州市" in _main_text(page) and "cities=410100" in page.url
