"""The package installs and runs without the checkout: build the wheel, install it into a clean
virtual environment, start `aging-dashboard` from an empty folder, open the start page in
Debian's chromium and wait for its first chart. Run by .ci/run; by hand:

    python tests/packaging/check_wheel.py
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **kwargs) -> None:
    subprocess.run(args, check=True, **kwargs)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT))
        wheel = next((tmp_path / "dist").glob("*.whl"))
        run(sys.executable, "-m", "venv", str(tmp_path / "venv"))
        pip = tmp_path / "venv" / "bin" / "pip"
        run(str(pip), "install", "-q", "--disable-pip-version-check", str(wheel))
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["AGING_DB"] = str(elsewhere / "aging.duckdb")
        server = subprocess.Popen([str(tmp_path / "venv" / "bin" / "aging-dashboard"), "--server.port", str(port)],
                                  cwd=elsewhere, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("aging-dashboard did not start:\n"
                                         + server.stdout.read().decode(errors="replace")[-2000:]) from None
                    time.sleep(0.5)
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
                page = browser.new_page()
                page.goto(url)
                page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90_000)
                errors = page.query_selector_all('[data-testid="stException"]')
                title = page.title()
                browser.close()
            if errors:
                raise SystemExit("the installed dashboard shows an error")
            if not (elsewhere / "aging.duckdb").exists():
                raise SystemExit("the first start built no database from the packaged seeds")
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"installed wheel {wheel.name} served {title!r} from an empty folder")
    print("wheel: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
