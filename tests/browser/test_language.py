"""One language per view: every page, in each language, shows no word of the other — outside the
bulletins' own text (quotes, titles, file names), which is data and stays as printed."""

from __future__ import annotations

import re

import duckdb
import pytest

from tests.browser.conftest import settle
from tests.browser.test_dashboard import open_page

pytestmark = pytest.mark.browser
PAGES = ["", "compare", "city", "data", "sources", "map", "import", "review"]
OPEN = {"": "grid=1&"}  # the overview with its coverage grid open: every word of it is checked too
HAN = re.compile(r"[\u3400-\u9fff]+")
# Words a Chinese view may hold: file formats and codes people type, not English sentences.
FILE_NAME = re.compile(r"[\w.-]+\.(txt|csv|json|geojson|pdf|docx|duckdb|xlsx|png)\b")
CODES = {"CSV", "Excel", "PNG", "PDF", "Word", "txt", "pdf", "docx", "UTC", "URL", "README", "AGING", "EDITOR",
         "PASSWORD", "HASH", "DB", "MB", "duckdb", "xlsx", "csv", "Streamlit", "GeoJSON", "Plotly", "MIT", "OSM", "GB", "T",
         # sources and licences, named as they name themselves
         "Apache", "ECharts", "GeoNames", "CC", "BY", "WTFPL", "NBS"}


@pytest.fixture(scope="module")
def originals(db_path) -> list[str]:
    """Everything a page may show as the bulletin printed it, longest first."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "SELECT quote FROM records UNION SELECT printed FROM records UNION SELECT title FROM reports"
            " UNION SELECT source_file FROM documents UNION SELECT text FROM reports").fetchall()
    return sorted({r[0] for r in rows if r[0]}, key=len, reverse=True)


def _visible(page) -> str:
    """Text drawn on the page, chart labels included (tooltips and data grids are checked elsewhere).
    Left out: icon ligatures (keyboard_arrow_down is a glyph, not a word) and Streamlit's own
    skip link, which appears only on keyboard focus."""
    return page.evaluate("""() => {
        const hidden = [...document.querySelectorAll('[data-testid="stIconMaterial"], a[href="#main"], a')]
            .filter(e => e.matches('[data-testid="stIconMaterial"]') || e.textContent === 'Skip to main content');
        hidden.forEach(e => { e.dataset.was = e.style.display; e.style.display = 'none'; });
        const parts = [document.body.innerText];
        hidden.forEach(e => { e.style.display = e.dataset.was; });
        document.querySelectorAll('svg text').forEach(t => parts.push(t.textContent));
        return parts.join('\\n');
    }""")


def _outside_quotes(text: str, originals: list[str]) -> str:
    for original in originals:
        if len(original) >= 2 and original in text:
            text = text.replace(original, " ")
    return text


def _shown(page, server, path: str, lang: str, originals: list[str], shots) -> str:
    """The page's text in one language, with the bulletins' own words and the language switch taken out."""
    open_page(page, server, f"{path}?{OPEN.get(path, '')}lang={lang}")
    page.wait_for_timeout(1500)
    settle(page)
    page.screenshot(path=str(shots / f"{path or 'overview'}-{lang}.png"), full_page=True)
    text = _outside_quotes(_visible(page), originals)
    return text.replace("语言 / Language", "").replace("中文", "").replace("English", "")


@pytest.mark.parametrize("path", PAGES)
def test_english_view_has_no_chinese_outside_quotes(page, server, originals, shots, path):
    found = HAN.findall(_shown(page, server, path, "en", originals, shots))
    assert not found, (path, found[:20])


@pytest.mark.parametrize("path", PAGES)
def test_chinese_view_has_no_english_words_outside_codes(page, server, originals, shots, path):
    shown = FILE_NAME.sub(" ", _shown(page, server, path, "zh", originals, shots))
    words = [w for w in re.findall(r"[A-Za-z]{2,}", shown) if w not in CODES]
    assert not words, (path, sorted(set(words))[:30])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_at_1080p(browser, server, shots, lang):
    """Screenshots of every page on a 1920×1080 screen, in each language (1280×720 ones are above)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    try:
        page = context.new_page()
        for path in PAGES:
            open_page(page, server, f"{path}?{OPEN.get(path, '')}lang={lang}")
            page.screenshot(path=str(shots / f"{path or 'overview'}-{lang}-1080p.png"), full_page=True)
    finally:
        context.close()
