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
from tests.bench.corpus import write  # noqa: E402


def main(count: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = write(folder, count)
        size = sum(p.stat().st_size for p in paths)

        start = time.perf_counter()
        docs = [extract_file(p) for p in paths]
        extract_s = time.perf_counter() - start
        reports = sum(len(d.reports) for d in docs)
        records = sum(len(d.records) for d in docs)
        del docs

        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        first = ingest([folder], db)
        ingest_s = time.perf_counter() - start
        assert first.count("stored") == count, first.failed[:3]

        start = time.perf_counter()
        again = ingest([folder], db)  # same bytes again: every file is skipped by its hash
        again_s = time.perf_counter() - start
        assert again.count("unchanged") == count

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this process only: nothing ran before
    rows = [
        ("files", f"{len(paths):,}"), ("corpus size", f"{size / 1e6:.2f} MB (UTF-8)"),
        ("reports / records", f"{reports:,} / {records:,}"),
        ("extraction only", f"{extract_s:.2f} s  →  {size / 1e6 / extract_s:.2f} MB/s, "
                            f"{reports / extract_s:,.0f} reports/s (one core)"),
        ("ingest() new files", f"{ingest_s:.2f} s  →  {count / ingest_s:,.0f} files/s, "
                               f"{records / ingest_s:,.0f} records/s (a transaction per group of files)"),
        ("ingest() unchanged", f"{again_s:.2f} s  →  {count / again_s:,.0f} files/s"),
        ("peak memory (RSS)", f"{peak_mb:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
