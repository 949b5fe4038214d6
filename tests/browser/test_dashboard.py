"""The dashboard in a real browser: every page, charts, the CSV download, links, presenter mode, offline map."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.browser.conftest import settle

pytestmark = pytest.mark.browser
PAGES = ["overview", "compare", "city", "data", "sources", "map"]
CHART_PAGES = {"overview", "compare", "map"}


def open_page(pg, server: str, path: str) -> None:
    pg.goto(f"{server}/{path}")
    settle(pg)
    errors = pg.query_selector_all('[data-testid="stException"]')
    assert not errors, errors[0].inner_text()
    dialogs = pg.query_selector_all('[role="dialog"]')  # e.g. Streamlit's "Page not found" for a wrong path
    assert not dialogs, dialogs[0].inner_text()


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_without_errors_and_draws(page, server, shots, name):
    open_page(page, server, name)
    if name in CHART_PAGES:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
        box = page.query_selector(".js-plotly-plot").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 200
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("name", PAGES)
def test_presenter_mode(page, server, shots, name):
    open_page(page, server, f"{name}?presenter=1")
    assert not page.is_visible('[data-testid="stSidebar"]')
    # The presenter stylesheet arrives with the script's output; wait for it rather than sleep.
    page.wait_for_function(
        "() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stAppViewContainer\"]')).fontSize)"
        " >= 20", timeout=20_000)
    body_text = page.query_selector('[data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"]')
    if body_text is not None:
        assert float(body_text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 20
    if name in CHART_PAGES:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
        title = page.query_selector(".js-plotly-plot .gtitle")
        assert title is not None
        assert float(title.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 28
    page.screenshot(path=str(shots / f"{name}-presenter.png"), full_page=True)


def test_csv_download_matches_the_database(page, server, db_path):
    open_page(page, server, "data")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV（Excel 可直接打开）").click()
    download = info.value
    assert download.suggested_filename.startswith("养老指标_") and download.suggested_filename.endswith(".csv")
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "郑州市" in text and "老龄化率" in text
    with duckdb.connect(str(db_path), read_only=True) as con:
        expected = con.execute("SELECT count(*) FROM records").fetchone()[0]
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) - 1 == expected


def test_a_copied_link_restores_the_view(page, server):
    open_page(page, server, "compare?indicator=meal_sites&lang=en&cities=411200")
    page.wait_for_selector(".js-plotly-plot .gtitle", timeout=20_000)
    assert "Elderly meal-assistance sites" in page.text_content(".js-plotly-plot .gtitle")
    assert "Sanmenxia" in page.inner_text("body") or "三门峡市" in page.inner_text("body")
    assert "lang=en" in page.url and "indicator=meal_sites" in page.url
    # The view survives a page change inside the app, and the URL says so again.
    page.get_by_role("link", name="Overview").click()
    settle(page)
    assert "lang=en" in page.url
    assert "The four headline indicators" in page.inner_text("body")


def test_presenter_slides_step_forward(page, server):
    open_page(page, server, "?presenter=1")
    assert "第 1 / 4 张" in page.inner_text("body")
    page.get_by_role("button", name="下一张 ▶").click()
    settle(page)
    assert "第 2 / 4 张" in page.inner_text("body")
    assert "slide=1" in page.url


def test_presenter_keys_step_slides_as_a_clicker_does(page, server):
    open_page(page, server, "?presenter=1")
    for key, expected in [("ArrowRight", 2), ("PageDown", 3), ("PageDown", 4), ("ArrowRight", 4),
                          ("PageUp", 3), ("ArrowLeft", 2)]:
        page.keyboard.press(key)
        page.wait_for_function(f"document.body.innerText.includes('第 {expected} / 4 张')", timeout=15_000)
        settle(page)
    assert "slide=1" in page.url


def test_the_coverage_grid_opens_on_a_click_and_the_link_keeps_it(page, server):
    open_page(page, server, "overview")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    assert page.locator('[data-testid="stDataFrame"]').count() == 0  # not drawn until asked for
    page.locator('[data-testid="stMain"] [data-testid="stExpander"] summary').first.click()  # (not the sidebar's)
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=20_000)
    page.wait_for_function("location.search.includes('grid=1')", timeout=10_000)
    copied = page.url
    page.goto("about:blank")
    open_page(page, server, copied.split("/", 3)[3])
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=20_000)


def test_map_loads_nothing_from_outside(page, server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, server, "map?indicator=meal_sites")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:"))]
    assert not outside, outside
    assert "未报告" in page.inner_text("body")


def test_sources_marks_the_chosen_sentence(page, server):
    open_page(page, server, "sources")
    frame = page.frame_locator("iframe").first
    frame.locator("mark.num").first.wait_for(timeout=30_000)  # the text's frame loads after the script's run
    assert frame.locator("mark.num").count() >= 3
    assert frame.locator("#sel").count() == 1


FITS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const parts = [...main.querySelectorAll('[data-testid="stElementContainer"]')]
        .map(e => e.getBoundingClientRect()).filter(r => r.height > 0);
    return {scroll: main.scrollHeight - main.clientHeight, wide: main.scrollWidth - main.clientWidth,
            bottom: Math.max(...parts.map(r => r.bottom)) - window.innerHeight,
            right: Math.max(...parts.map(r => r.right)) - window.innerWidth};
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["720p", "1080p"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_fits_one_screen(browser, server, shots, size, lang):
    """Title, chart, source lines and notes (未报告, ⚠) of each headline slide and of the map on one
    screen, nothing to scroll."""
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    try:
        page = context.new_page()
        for slide, path in enumerate([*(f"?slide={n}&" for n in range(4)), "map?indicator=elderly_share&"]):
            open_page(page, server, f"{path}presenter=1&lang={lang}")
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
            page.screenshot(path=str(shots / f"slide{slide + 1}-{lang}-{height}p.png"))
            over = page.evaluate(FITS)
            assert max(over.values()) <= 1, (slide + 1, over)
            page.hover(".js-plotly-plot")
            assert not page.locator(".modebar-container").first.is_visible()  # no toolbar on a slide
    finally:
        context.close()


def test_presenter_enlarges_the_data_table_and_the_city_profile(page, server):
    open_page(page, server, "data?presenter=1&cities=410500")
    grid = page.wait_for_selector('[data-testid="stDataFrame"]')
    assert float(grid.evaluate("e => getComputedStyle(e).zoom")) >= 1.3
    open_page(page, server, "city?presenter=1&cities=411200")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('table.cp td')).fontSize)")
    assert size >= 20, size
