"""One DuckDB file, one writer or many readers: the dashboard serves and a browser reloads pages
while the command line ingests 300 bulletins; both succeed and the new data shows on the next run."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.bench.corpus import write
from tests.browser.conftest import ROOT, settle, start_server

pytestmark = pytest.mark.browser


def test_pages_keep_serving_while_the_command_line_writes(page, tmp_path, shots):
    db = tmp_path / "aging.duckdb"
    subprocess.run([sys.executable, "-m", "extract", "seeds/", "--db", str(db)], cwd=ROOT, check=True,
                   capture_output=True)
    folder = tmp_path / "batch"
    write(folder, 300)
    for url in start_server(db):
        writer = subprocess.Popen([sys.executable, "-m", "extract", str(folder), "--db", str(db)], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        loads = 0
        while writer.poll() is None or loads < 3:
            for path in ("overview", "data", "compare"):
                page.goto(f"{url}/{path}")
                settle(page, timeout=60_000)
                bad = page.query_selector_all('[data-testid="stException"], [data-testid="stAlertContentError"]')
                assert not bad, bad[0].inner_text()
                loads += 1
        assert writer.returncode == 0, writer.stderr.read()[-500:]
        page.goto(f"{url}/compare?indicator=symposia")
        settle(page)
        page.wait_for_selector(".js-plotly-plot .main-svg")
        assert "苏州市" in page.content()  # a city only the new bulletins name, now a bar of the chart
        page.screenshot(path=str(shots / "after_concurrent_ingest.png"), full_page=True)


def test_two_server_processes_share_one_read_only_snapshot(browser, tmp_path, shots):
    """The deployment for a room: several dashboard processes (behind a reverse proxy) reading one
    snapshot of the database; none of them writes it, not even a lock file beside it."""
    import hashlib
    import os
    from contextlib import ExitStack, contextmanager

    folder = tmp_path / "snapshot"
    folder.mkdir()
    db = folder / "aging.duckdb"
    subprocess.run([sys.executable, "-m", "extract", "seeds/", "--db", str(db)], cwd=ROOT, check=True,
                   capture_output=True)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    files = sorted(p.name for p in folder.iterdir())
    with ExitStack() as stack:
        urls = [stack.enter_context(contextmanager(start_server)(db, AGING_DB_READ_ONLY="1")) for _ in range(2)]
        pages = []
        for n in range(4):  # two visitors on each process, opening at once
            context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
            stack.callback(context.close)
            pg = context.new_page()
            pg.goto(f"{urls[n % 2]}/", wait_until="commit")
            pages.append(pg)
        for n, pg in enumerate(pages):
            settle(pg, timeout=60_000)
            pg.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            assert not pg.query_selector_all('[data-testid="stException"], [data-testid="stAlertContentError"]')
            pg.screenshot(path=str(shots / f"snapshot_process{n % 2 + 1}.png"))
        pages[0].goto(f"{urls[0]}/review")
        settle(pages[0])
        assert "只读数据快照" in pages[0].inner_text("body")  # editing is off on a snapshot
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == files and os.access(db, os.R_OK)

