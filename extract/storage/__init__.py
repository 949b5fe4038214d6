"""The one place that talks to DuckDB: schema, writes, and (in queries.py) every read.

The extraction modules never import this package; the command line and the dashboard do.
All SQL takes its inputs as parameters or as registered DataFrames, never as built strings.

DuckDB lets one process write or many read, never both, so nothing here keeps a connection
open: each call opens, works, and closes, and a call that meets another process's lock waits
and tries again for a few seconds before it gives up with a clear message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from extract.catalog import CATALOG
from extract.models import Document
from extract.pipeline import EXTRACTOR_VERSION
from extract.regions import REGIONS

DEFAULT_DB = Path("data/aging.duckdb")
SCHEMA_VERSION = 1



class StorageError(Exception):
    """A database problem worth one line to the user (locked, unreadable, not ours)."""


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the argument, else $AGING_DB, else data/aging.duckdb."""
    return Path(path or os.environ.get("AGING_DB") or DEFAULT_DB)


@contextlib.contextmanager
def connect(path: str | os.PathLike | None = None, *, read_only: bool = False,
            wait_seconds: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database for one unit of work and close it afterwards."""
    target = db_path(path)
    if read_only and not target.exists():
        raise StorageError(f"{target}: no database yet (run: python -m extract seeds/)")
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(target), read_only=read_only)
            break
        except duckdb.IOException as exc:
            # Another process holds the write lock (python -m extract, or a second dashboard
            # that is building the database): wait for it rather than fail a page render.
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise StorageError(f"{target}: {str(exc).splitlines()[0]}") from exc
            time.sleep(0.2)
        except duckdb.Error as exc:
            raise StorageError(f"{target}: not a readable DuckDB file ({str(exc).splitlines()[0]})") from exc
    try:
        yield con
    finally:
        con.close()


def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(resources.files("extract.storage").joinpath("schema.sql").read_text(encoding="utf-8"))
    # Catalog and regions are reference data shipped with the code: refresh them on every
    # write so a catalog entry added in code shows up in the database the next time it is built.
    catalog = pd.DataFrame(
        [
            {"code": i.code, "name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit,
             "domain": i.domain, "headline": i.headline, "sort_key": n}
            for n, i in enumerate(CATALOG.indicators)
        ]
    )
    regions = pd.DataFrame(
        [
            {"code": r.code, "name": r.name, "level": r.level, "parent": r.parent or None,
             "name_en": r.name_en, "population_10k": r.population_10k}
            for r in REGIONS.all()
        ]
    )
    for table, frame in (("indicators", catalog), ("regions", regions)):
        con.register("reference_rows", frame)
        try:
            con.execute(f"DELETE FROM {table}")  # table names are constants, never input
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM reference_rows")
        finally:
            con.unregister("reference_rows")


def stored_hash(con: duckdb.DuckDBPyConnection, source_file: str) -> str | None:
    """The stored file's hash, qualified by the rules that read it: new rules re-read old files."""
    row = con.execute(
        "SELECT sha256 || '@' || coalesce(extractor_version, '') FROM documents WHERE source_file = ?", [source_file]
    ).fetchone()
    return row[0] if row else None


RECORD_SCHEMA = pa.schema([
    ("report_id", pa.string()), ("source_file", pa.string()), ("bulletin_issue", pa.string()),
    ("bulletin_date", pa.string()), ("region_code", pa.string()), ("region_name", pa.string()),
    ("indicator", pa.string()), ("value", pa.float64()), ("unit", pa.string()), ("qualifier", pa.string()),
    ("age_threshold", pa.int32()), ("population_base", pa.string()), ("status", pa.string()),
    ("ref_period", pa.string()), ("printed", pa.string()), ("quote", pa.string()), ("span_start", pa.int32()),
    ("span_end", pa.int32()), ("flags", pa.list_(pa.string())), ("confidence", pa.float64()), ("primary", pa.bool_()),
    ("alternatives", pa.list_(pa.float64())), ("steps", pa.string()), ("quote_start", pa.int32()),
    ("quote_end", pa.int32()),
])
REPORT_SCHEMA = pa.schema([
    ("report_id", pa.string()), ("source_file", pa.string()), ("bulletin_issue", pa.string()),
    ("bulletin_date", pa.string()), ("album_no", pa.int32()), ("region_code", pa.string()),
    ("region_name", pa.string()), ("title", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32()),
    ("text", pa.string()),
])


def records_frame(doc: Document) -> pa.Table:
    # Arrow, not pandas: DuckDB scans it without conversion, which is most of a small file's ingest cost.
    return pa.Table.from_pylist([r.model_dump() for r in doc.records], schema=RECORD_SCHEMA)


def reports_frame(doc: Document) -> pa.Table:
    return pa.Table.from_pylist([r.model_dump() for r in doc.reports], schema=REPORT_SCHEMA)


def _replace_document(con: duckdb.DuckDBPyConnection, doc: Document, *, known: bool) -> None:
    if known:  # a new file has nothing to replace; the deletes are most of a small file's cost
        con.execute("DELETE FROM records WHERE source_file = ?", [doc.source_file])
        con.execute("DELETE FROM reports WHERE source_file = ?", [doc.source_file])
        con.execute("DELETE FROM documents WHERE source_file = ?", [doc.source_file])
    con.execute(
        "INSERT INTO documents (source_file, sha256, encoding, decimals_lost, text, ingested_at, extractor_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [doc.source_file, doc.sha256, doc.encoding, doc.decimals_lost, doc.text,
         dt.datetime.now(dt.UTC).replace(tzinfo=None), EXTRACTOR_VERSION],
    )
    reports = reports_frame(doc)
    records = records_frame(doc)
    con.register("new_reports", reports)
    con.register("new_records", records)
    try:
        con.execute("INSERT INTO reports BY NAME SELECT * FROM new_reports")
        if len(records):
            con.execute("INSERT INTO records BY NAME SELECT * FROM new_records")
    finally:
        con.unregister("new_reports")
        con.unregister("new_records")


def store_documents(docs: list[Document], path: str | os.PathLike | None = None) -> list[str]:
    """Store each document in its own transaction; return the names that were unchanged.

    A document that fails rolls back alone: what was stored before it, and after it, stays.
    """
    unchanged: list[str] = []
    with connect(path) as con:
        _ensure_schema(con)
        for doc in docs:
            previous = stored_hash(con, doc.source_file)
            if previous == f"{doc.sha256}@{EXTRACTOR_VERSION}":
                unchanged.append(doc.source_file)
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                _replace_document(con, doc, known=previous is not None)
            except Exception:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        if len(unchanged) < len(docs):
            refresh_derived(con)
    return unchanged


def refresh_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild latest_primary (what charts show: each region's newest primary values) after a write."""
    from extract.storage.queries import LATEST_PRIMARY_SQL

    con.execute(f"CREATE OR REPLACE TABLE latest_primary AS {LATEST_PRIMARY_SQL}")


def store_document(doc: Document, path: str | os.PathLike | None = None) -> bool:
    """Store one document; False when the same bytes were already stored under that name."""
    return not store_documents([doc], path)


def bulk_append(con: duckdb.DuckDBPyConnection, reports: pd.DataFrame, records: pd.DataFrame) -> None:
    """Append prepared frames in one go (benchmarks and generated databases)."""
    con.register("bulk_reports", reports)
    con.register("bulk_records", records)
    try:
        con.execute("INSERT INTO reports BY NAME SELECT * FROM bulk_reports")
        con.execute("INSERT INTO records BY NAME SELECT * FROM bulk_records")
    finally:
        con.unregister("bulk_reports")
        con.unregister("bulk_records")
    refresh_derived(con)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    _ensure_schema(con)
