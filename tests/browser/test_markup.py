"""Text from a bulletin is data, never markup: a report whose sentences hold a markdown link, an
HTML link and an SVG link is shown on every page, and no page has a live element from it."""

from __future__ import annotations

import pytest

from store import ingest
from tests.browser.conftest import settle, start_server

pytestmark = pytest.mark.browser
HOSTILE = (
    "洛阳: 监督推动养老服务\n\n"
    "[点击查看](//evil/md)召开座谈会12次,<a href=\"//evil/html\">走访</a>老年人300人,"
    "<svg><a href=\"//evil/svg\"><text>x</text></a></svg>收集意见建议58条。"
    "其中,[镇](//evil/town)城关镇已建成助餐点5个。\n\n(洛阳市人大常委会供稿)\n"
)
PAGES = ["overview", "compare?indicator=symposia", "compare?indicator=elderly_visited", "city?cities=410300",
         "data", "sources?cities=410300&doc=hostile.txt&rec={rec}", "map?indicator=symposia"]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "aging.duckdb"
    report = ingest([folder / "hostile.txt"], db, keep_documents=True)
    assert report.count("stored") == 1
    symposia = next(r for r in report.documents[0].records if r.indicator == "symposia")
    for url in start_server(db):
        yield url, f"symposia@{symposia.span_start}"  # the record chosen on the Sources page


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_makes_bulletin_text_live(page, hostile_server, shots, path, lang):
    url, rec = hostile_server
    sep = "&" if "?" in path else "?"
    page.goto(f"{url}/{path.format(rec=rec)}{sep}lang={lang}")
    settle(page)
    assert not page.query_selector_all('[data-testid="stException"]')
    live = page.query_selector_all("[href*='evil'], [src*='evil'], [xlink\\:href*='evil']")
    assert not live, [el.evaluate("e => e.outerHTML") for el in live]
    # Inside the page's own frames too (components).
    for frame in page.frames:
        assert not frame.query_selector_all("[href*='evil']")
    page.screenshot(path=str(shots / f"hostile_{path.split('?')[0]}_{lang}.png"), full_page=True)


def test_the_sources_page_shows_the_markup_as_written(page, hostile_server):
    url, rec = hostile_server
    page.goto(f"{url}/sources?cities=410300&doc=hostile.txt&rec={rec}")
    settle(page)
    assert page.get_by_text("[点击查看](//evil/md)召开座谈会12次").count() >= 1
