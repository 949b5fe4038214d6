"""One large bulletin through the command line: time and peak memory. Run by hand:

    python tests/bench/bench_large_file.py [MB]

The file repeats generated city reports up to the size asked (default 50 MB); the limit on file
size (AGING_MAX_FILE_MB, 20 by default) is raised for the run. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.corpus import report  # noqa: E402


def main(mb: float = 50) -> None:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        with big.open("w", encoding="utf-8") as f:
            written = 0
            n = 0
            while written < mb * 1e6:
                text = report(n, rng) + "\n"
                f.write(text)
                written += len(text.encode())
                n += 1
        env = {**os.environ, "AGING_MAX_FILE_MB": str(mb * 1.2)}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "extract", str(big), "--db", str(Path(tmp) / "big.duckdb")],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-200:]
    print(f"file               {written / 1e6:.1f} MB, {n:,} reports")
    print(f"python -m extract  {seconds:.1f} s, exit {done.returncode}")
    print(f"peak memory (RSS)  {peak:.0f} MB")
    print(f"last line          {last}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 50)
