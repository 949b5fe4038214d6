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
