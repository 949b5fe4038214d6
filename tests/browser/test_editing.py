"""Staff's path in a real browser: sign in, upload → preview → store, review → correct (keyboard only), export."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time

import pytest

import store
from dashboard import auth
from store.review import queue as review_queue
from tests.browser.conftest import ROOT, settle, start_server
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
PASSWORD = "a long editor password"


@pytest.fixture(scope="module")
def editing_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("editing") / "aging.duckdb"
    subprocess.run([sys.executable, "-m", "extract", "seeds/", "--db", str(db)], cwd=ROOT, check=True,
                   capture_output=True)
    for url in start_server(db, AGING_EDITOR_PASSWORD_HASH=auth.make_hash(PASSWORD)):
        yield url, db


def sign_in(pg, url: str, path: str, who: str = "赵校核") -> None:
    pg.goto(f"{url}/{path}")
    settle(pg)
    pg.get_by_label("姓名（记入审计日志）").fill(who)
    pg.get_by_label("编辑密码").fill(PASSWORD)
    pg.get_by_role("button", name="登录").click()
    settle(pg)
    pg.wait_for_selector(f"text=当前编辑：{who}")


def _wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the page did not save in time"
        time.sleep(0.2)


REASON_FOCUSED = "() => document.activeElement?.getAttribute('aria-label') === '理由（必填，回车保存）'"


def count(db, sql: str) -> int:
    with store.connect(db, read_only=True) as con:  # waits out the server's write, as the dashboard does
        return con.execute(sql).fetchone()[0]


def test_upload_preview_store_review_correct_export(page, editing_server, shots):
    url, db = editing_server
    sign_in(page, url, "import")
    page.locator("input[type=file]").set_input_files([
        str(FIXTURES / "formats" / "bulletin_shangqiu.pdf"), str(FIXTURES / "formats" / "encrypted.pdf"),
        str(ROOT / "tests" / "eval" / "heldout" / "h01_xian_bulletin.txt")])
    settle(page)
    page.wait_for_selector("text=预览：3 个文件")
    assert page.is_visible("text=PDF 设有密码")  # the bad file says why, in the page's language
    page.screenshot(path=str(shots / "import_preview.png"), full_page=True)
    assert count(db, "SELECT count(*) FROM documents WHERE source_file = 'bulletin_shangqiu.pdf'") == 0
    page.get_by_role("button", name="存入数据库").click()
    settle(page)
    page.wait_for_selector("text=已存入 2 个")
    page.screenshot(path=str(shots / "import_stored.png"), full_page=True)
    assert count(db, "SELECT count(*) FROM documents WHERE source_file IN "
                     "('bulletin_shangqiu.pdf', 'h01_xian_bulletin.txt')") == 2
    assert count(db, "SELECT count(*) FROM audit_log WHERE who = '赵校核' AND action LIKE 'import:%'") == 2

    sign_in(page, url, "review")
    page.wait_for_selector("text=待校核")
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    before = count(db, "SELECT count(*) FROM corrections")
    for n in range(3):  # the reason field has the focus: Enter confirms and brings the next record
        page.wait_for_function(REASON_FOCUSED, timeout=15_000)  # what a reviewer sees before pressing Enter
        page.keyboard.press("Enter")
        _wait_for(lambda n=n: count(db, "SELECT count(*) FROM corrections") == before + n + 1)
        settle(page)
    # A correction from the keyboard: the decision radio, then the value, then the reason.
    with store.connect(db, read_only=True) as con:
        key = review_queue(con, limit=1)["record_key"].iloc[0]
    page.get_by_text("更正", exact=True).click()
    page.get_by_label("数值", exact=True).fill("4321")
    page.get_by_label("理由（必填，回车保存）").fill("核对原文后更正")
    page.keyboard.press("Enter")
    settle(page)
    assert count(db, f"SELECT value FROM records_effective WHERE record_key = '{key}'") == 4321
    assert count(db, "SELECT count(*) FROM audit_log WHERE who = '赵校核' AND action = 'correct'") == 1
    page.screenshot(path=str(shots / "review_after.png"), full_page=True)

    # The export carries the corrected value, its original and who decided.
    page.goto(f"{url}/data")
    settle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))
    corrected = [r for r in rows if r.get("校核状态") == "已更正"]  # cells in the page's language
    assert corrected and corrected[0]["数值"] == "4321.0" and corrected[0]["校核人"] == "赵校核"


def test_two_editors_store_at_once(browser, editing_server, shots):
    url, db = editing_server
    pages = []
    for name, files in (("甲", ["h02_chinese_numerals.txt", "h03_growth_not_value.txt"]),
                        ("乙", ["h04_counties_respectively.txt", "h05_province_and_city_shares.txt"])):
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
        pg = context.new_page()
        sign_in(pg, url, "import", who=f"编辑{name}")
        pg.locator("input[type=file]").set_input_files([str(ROOT / "tests" / "eval" / "heldout" / f) for f in files])
        settle(pg)
        pg.wait_for_selector("text=预览：2 个文件")
        pages.append(pg)
    for pg in pages:  # both press 存入数据库 before either has finished
        pg.get_by_role("button", name="存入数据库").click(no_wait_after=True)
    for n, pg in enumerate(pages):
        pg.wait_for_selector("text=已存入 2 个", timeout=60_000)
        assert not pg.query_selector_all('[data-testid="stException"]')
        pg.screenshot(path=str(shots / f"two_editors_{n}.png"))
        pg.context.close()
    assert count(db, "SELECT count(*) FROM documents WHERE source_file IN ('h02_chinese_numerals.txt', "
                     "'h03_growth_not_value.txt', 'h04_counties_respectively.txt', "
                     "'h05_province_and_city_shares.txt')") == 4
    assert count(db, "SELECT count(DISTINCT who) FROM audit_log WHERE who IN ('编辑甲', '编辑乙')") == 2
