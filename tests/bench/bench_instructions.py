"""Instructions the extractor executes on 40 files of the bulletin corpus, counted by valgrind's
callgrind: a figure that, unlike wall-clock time on a shared machine, does not move when a
neighbour is busy, so a 5% change to the extractor shows. Run by hand (about a minute):

    python tests/bench/bench_instructions.py [FILES]

The count is of the same extract_bytes() that extract_file() and store.ingest() run, taken as the
difference between a run that extracts the files and one that only prepares them. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKLOAD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from extract.pipeline import extract_bytes
from tests.bench.corpus import write_bulletins
datas = [p.read_bytes() for p in write_bulletins(Path({folder!r}), {files})]
extract_bytes(datas[0], "warm.txt")  # imports and first-use caches, in both runs
if sys.argv[1] == "extract":
    for n, data in enumerate(datas):
        extract_bytes(data, f"{{n}}.txt")
"""


def _count(script: Path, mode: str, out: Path) -> int:
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                          os.path.realpath(sys.executable), str(script), mode],
                         capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main(files: int = 40) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "workload.py"
        script.write_text(WORKLOAD.format(root=str(ROOT), folder=str(Path(tmp) / "corpus"), files=files))
        with ThreadPoolExecutor(2) as pool:  # both runs at once: a core each
            prepared, extracted = pool.map(lambda mode: _count(script, mode, Path(tmp) / f"{mode}.out"),
                                           ["prepare", "extract"])
        size = sum(p.stat().st_size for p in (Path(tmp) / "corpus").iterdir())
    loop = extracted - prepared
    print(f"files        {files}, {size / 1e6:.2f} MB (UTF-8) of the bulletin corpus")
    print(f"extraction   {loop / 1e6:,.0f} million instructions, {loop / size:,.0f} per byte")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
