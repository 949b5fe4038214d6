"""Extraction and ingest throughput on a generated corpus. Run by hand: python tests/bench/bench_extract.py [N]

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

from extract import extract_file, storage  # noqa: E402
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

        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        storage.store_documents(docs, db)
        ingest_s = time.perf_counter() - start

        start = time.perf_counter()
        storage.store_documents(docs, db)  # same bytes again: every file is skipped by its hash
        again_s = time.perf_counter() - start

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this process only: nothing ran before
    rows = [
        ("files", f"{len(paths):,}"), ("corpus size", f"{size / 1e6:.2f} MB"),
        ("reports / records", f"{reports:,} / {records:,}"),
        ("extraction", f"{extract_s:.2f} s  →  {size / 1e6 / extract_s:.2f} MB/s, {reports / extract_s:,.0f} reports/s"),
        ("ingest into DuckDB", f"{ingest_s:.2f} s  →  {records / ingest_s:,.0f} records/s, {len(docs) / ingest_s:,.0f} files/s"
                               " (one transaction per file)"),
        ("re-ingest unchanged", f"{again_s:.2f} s"),
        ("peak memory (RSS)", f"{peak_mb:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
