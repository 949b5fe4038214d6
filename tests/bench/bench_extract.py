"""Extraction and ingest throughput on a generated corpus, through the same store.ingest() the
command line and the dashboard call. Run by hand: python tests/bench/bench_extract.py [N]

Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extract import extract_file  # noqa: E402
from store import ingest  # noqa: E402
from tests.bench.corpus import write, write_bulletins  # noqa: E402

CORPORA = {
    "bulletins": (write_bulletins, "bulletins of 2-3 city reports, a number every ~56 characters (the seeds: 114-225)"),
    "dense": (write, "figure-packed reports, a number every ~14 characters (a worst case)"),
}


def run(corpus: str, count: int) -> list[tuple[str, str]]:
    make, about = CORPORA[corpus]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = make(folder, count)
        size = sum(p.stat().st_size for p in paths)

        start = time.perf_counter()
        docs = [extract_file(p) for p in paths]
        extract_s = time.perf_counter() - start
        reports = sum(len(d.reports) for d in docs)
        records = sum(len(d.records) for d in docs)
        del docs

        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        first = ingest([folder], db)  # what python -m extract and the import page run
        ingest_s = time.perf_counter() - start
        assert first.count("stored") == count, first.failed[:3]

        start = time.perf_counter()
        again = ingest([folder], db)  # same bytes again: every file is skipped by its hash
        again_s = time.perf_counter() - start
        assert again.count("unchanged") == count
    mb = size / 1e6
    return [
        (f"[{corpus}]", about),
        ("files", f"{len(paths):,}, {mb:.2f} MB (UTF-8), {reports:,} reports, {records:,} records"),
        ("extraction, one core", f"{extract_s:.2f} s  →  {mb / extract_s:.2f} MB/s, {count / extract_s:,.0f} files/s"),
        ("ingest() new", f"{ingest_s:.2f} s  →  {mb / ingest_s:.2f} MB/s, {count / ingest_s:,.0f} files/s, "
                                      f"{records / ingest_s:,.0f} records/s (extracted and stored)"),
        ("ingest() unchanged", f"{again_s:.2f} s  →  {count / again_s:,.0f} files/s"),
    ]


def main(count: int = 1000) -> None:
    rows = [*run("bulletins", count), ("", ""), *run("dense", count)]
    rows.append(("peak memory (RSS)", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
                                     ))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}".rstrip())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
