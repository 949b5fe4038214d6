"""Time from navigation to the first chart, the dashboard's start page against a bare Streamlit
page with one Plotly chart, started the same way and measured side by side in one run; then a
room: 10 browser sessions opening each at the same moment (three rooms each; * the median of
their worst visitors). Run by hand:

    python tests/bench/bench_first_chart.py [ROUNDS]

Each visit is a fresh browser context (no cache, a new Streamlit session) against a warm server
on the seeds database; the servers' peak memory (VmHWM) is reported, and the CPU time one visit
costs the whole machine (browser and server): a room of visitors on a small machine is that times
ten, so it says what a room's worst visitor waits for. Prints figures; asserts nothing.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port  # noqa: E402

BARE_APP = '''
import plotly.graph_objects as go
import streamlit as st

st.title("Bare page")
fig = go.Figure(go.Bar(x=[21.98, 17.96, 15.1], y=["A", "B", "C"], orientation="h"))
st.plotly_chart(fig, width="stretch")
'''
CHART = ".js-plotly-plot .main-svg"
ROOM = 10
ROOMS = 3
SETTLE = 1.0  # seconds after the first chart during which a visit's CPU is still counted


def _serve(app: Path, cwd: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=cwd, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"{app}: the server did not start")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _busy_seconds() -> float:
    """CPU time the whole machine has spent on anything but idling (every process: browsers, servers)."""
    ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


async def _visit(browser, url: str) -> float:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(url)
        await page.wait_for_selector(CHART, timeout=180_000)
        return time.perf_counter() - start
    finally:
        await context.close()


async def _measure(urls: dict[str, str], rounds: int) -> dict[str, dict[str, float]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for url in urls.values():  # warm: imports and caches happen once per server, not per visitor
            await _visit(browser, url)
        alone: dict[str, list[float]] = {name: [] for name in urls}
        cpu: dict[str, list[float]] = {name: [] for name in urls}
        for _ in range(rounds):  # side by side, alternating, so a busy moment hits both
            for name, url in urls.items():
                before = _busy_seconds()
                alone[name].append(await _visit(browser, url))
                await asyncio.sleep(SETTLE)  # what the page does after its first chart counts too
                cpu[name].append(_busy_seconds() - before)
        # A room's worst visitor varies by tens of seconds between rooms: three rooms each, alternating.
        rooms: dict[str, list[float]] = {name: [] for name in urls}
        for _ in range(ROOMS):
            for name, url in urls.items():
                times = await asyncio.gather(*(_visit(browser, url) for _ in range(ROOM)))
                rooms[name].append(max(times))
        await browser.close()
    return {name: {"alone": statistics.median(alone[name]), "room": statistics.median(rooms[name]),
                   "cpu": statistics.median(cpu[name])} for name in urls}


def main(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "aging.duckdb"
        subprocess.run([sys.executable, "-m", "extract", "seeds/", "--db", str(db)], cwd=ROOT, check=True,
                       capture_output=True)
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        servers = {"bare Streamlit + Plotly": _serve(bare, Path(tmp), {}),
                   "dashboard start page": _serve(ROOT / "dashboard" / "app.py", ROOT, {"AGING_DB": str(db)})}
        try:
            result = asyncio.run(_measure({name: url for name, (_, url) in servers.items()}, rounds))
            peaks = {name: _peak_mb(proc.pid) for name, (proc, _) in servers.items()}
        finally:
            for proc, _ in servers.values():
                proc.terminate()
                proc.wait(timeout=20)
    bare_name, app_name = list(servers)
    print(f"{'':26}{'alone (median of ' + str(rounds) + ')':>22}{'room of ' + str(ROOM) + ', worst*':>20}"
          f"{'CPU a visit†':>14}{'server peak':>14}")
    for name in servers:
        print(f"{name:26}{result[name]['alone']:>20.2f} s{result[name]['room']:>18.2f} s"
              f"{result[name]['cpu']:>12.2f} s{peaks[name]:>11.0f} MB")
    ratios = [result[app_name][k] / result[bare_name][k] for k in ("alone", "room", "cpu")]
    print(f"{'ratio':26}{ratios[0]:>21.2f}×{ratios[1]:>19.2f}×{ratios[2]:>13.2f}×")
    print(f"† the whole machine's CPU time (browser and server) for one visit alone, to {SETTLE:g} s after "
          "its first chart")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
