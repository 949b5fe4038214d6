"""Server-side render time of every dashboard page, on the seeds and on a generated database of
about 1,000,000 records. Run by hand: python tests/bench/bench_dashboard.py

Each database is measured in its own process (so peak memory is that database's), with
Streamlit's AppTest running the real app script; the time is taken inside the script run (from
the first line of app.py to its last), so AppTest's own start-up is not counted. 'cold' is the
median of three first renders after the query cache is cleared (every query hits DuckDB), 'warm'
the median of the renders after them (queries cached, everything else done again).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "compare", "city", "data", "sources", "map"]
COLD_MS, WARM_MS, TARGET_MB = 300, 150, 500  # issue 6: every page, on the million-record database


def measure(db: str) -> dict:
    """Runs inside the child process."""
    os.environ["AGING_DB"] = db
    sys.path.insert(0, str(ROOT))
    import streamlit as st
    from streamlit.runtime.scriptrunner import script_cache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    # A server compiles each page script once per process; AppTest would compile it on every run.
    shared = script_cache.ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared

    def render(page: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
        if page != "overview":
            at.switch_page(f"views/{page}.py")
        at.run()
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].value}")
        return at

    for page in PAGES:  # warm-up: a server imports plotly, pandas' Styler … once, not per render
        render(page)
    out = {}
    for page in PAGES:
        cold, warm = [], []
        for _ in range(3):  # one run varies by ±15% here: the median of three of each
            st.cache_data.clear()
            cold.append(render(page).session_state["_render_ms"])  # measured inside the script run
            warm += [render(page).session_state["_render_ms"] for _ in range(2)]
        out[page] = {"cold": statistics.median(cold), "warm": statistics.median(warm)}
    out["peak_mb"] = peak_rss_mb()
    return out


def peak_rss_mb() -> float:
    """This process's own peak (VmHWM): ru_maxrss would carry the parent's peak across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(db: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", str(db)], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.bench.gen_db import build

    with tempfile.TemporaryDirectory() as tmp:
        seeds_db = Path(tmp) / "seeds.duckdb"
        subprocess.run([sys.executable, "-m", "extract", "seeds/", "--db", str(seeds_db)], cwd=ROOT, check=True,
                       capture_output=True)
        big_db = Path(tmp) / "big.duckdb"
        start = time.perf_counter()
        count = build(big_db)
        print(f"generated {count:,} records in {time.perf_counter() - start:.1f} s "
              f"({big_db.stat().st_size / 1e6:.0f} MB on disk)\n")
        results = {"seeds": run_child(seeds_db), f"{count / 1e6:.2f}M records": run_child(big_db)}

    names = list(results)
    print(f"{'page':<10}" + "".join(f"{n + ' cold':>24}{n + ' warm':>24}" for n in names) + "   (ms)")
    for page in PAGES:
        cells = "".join(f"{results[n][page]['cold']:>24.0f}{results[n][page]['warm']:>24.0f}" for n in names)
        print(f"{page:<10}{cells}")
    print(f"{'peak RSS':<10}" + "".join(f"{results[n]['peak_mb']:>24.0f}{'MB':>24}" for n in names))
    cold = max(results[n][p]["cold"] for n in names for p in PAGES)
    warm = max(results[n][p]["warm"] for n in names for p in PAGES)
    print(f"\ntarget: every page cold ≤ {COLD_MS} ms and warm ≤ {WARM_MS} ms, process under {TARGET_MB} MB; "
          f"slowest cold {cold:.0f} ms, slowest warm {warm:.0f} ms, "
          f"largest peak {max(r['peak_mb'] for r in results.values()):.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
    else:
        main()
