"""Writes: one document per transaction, with the tables derived from it updated in that same
transaction, so a process killed at any moment leaves either the old state or the new one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extract.models import Document, Part, Record, Report
from extract.pipeline import EXTRACTOR_VERSION
from store.queries import LATEST_PRIMARY_FOR_REGIONS_SQL, LATEST_PRIMARY_SQL

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


# A record's anchor for corrections: its file, sentence, printed number and indicator as extracted.
# The same sentence read again (newer rules, a new version of the bulletin) gives the same key.
RECORD_KEY_SQL = ("md5(source_file || chr(0) || quote || chr(0) || printed || chr(0) || indicator"
                  " || chr(0) || region_code)")


def mark_decided(con: duckdb.DuckDBPyConnection, files: list[str] | None = None) -> None:
    """Set records.decided where corrections holds a decision (for these files' records, or all).
    Every write of records or corrections calls it, so the flag always mirrors corrections."""
    con.execute("UPDATE records SET decided = true WHERE (? IS NULL OR list_contains(?, source_file))"
                " AND NOT decided AND record_key IN (SELECT record_key FROM corrections)", [files, files])


def version_key(sha256: str) -> str:
    """What makes a stored file current: its bytes and the rules that read them."""
    return f"{sha256}@{EXTRACTOR_VERSION}"


def stored_versions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """source_file → version_key of what is stored, read once per batch."""
    rows = con.execute("SELECT source_file, sha256 || '@' || coalesce(extractor_version, '') FROM documents")
    return dict(rows.fetchall())


def refresh_derived(con: duckdb.DuckDBPyConnection, regions: list[str]) -> None:
    """Recompute latest_primary for these regions only (its rows are partitioned by region)."""
    if not regions:
        return
    con.execute("DELETE FROM latest_primary WHERE list_contains(?, region_code)", [regions])
    con.execute(f"INSERT INTO latest_primary {LATEST_PRIMARY_FOR_REGIONS_SQL}", [regions])


def rebuild_derived(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE OR REPLACE TABLE latest_primary AS {LATEST_PRIMARY_SQL}")


DOCUMENT_SCHEMA = pa.schema([
    ("source_file", pa.string()), ("sha256", pa.string()), ("encoding", pa.string()), ("decimals_lost", pa.bool_()),
    ("text", pa.string()), ("ingested_at", pa.timestamp("us")), ("extractor_version", pa.string()),
    ("replaced_chars", pa.int32()),
])


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, extra: str = "") -> None:
    if not len(rows):
        return
    con.register("new_rows", rows)
    try:
        # table and extra are the constants below, never input
        con.execute(f"INSERT INTO {table} BY NAME SELECT *{extra} FROM new_rows")
    finally:
        con.unregister("new_rows")


STAGED_MEMORY_MB = 192


@dataclass
class Staged:
    """A long file extracted a piece at a time into Parquet files beside the database, so that
    neither extraction nor storing ever holds all of its records in memory."""

    source_file: str
    sha256: str
    encoding: str
    replaced_chars: int
    folder: Path
    decimals_lost: bool = False
    reports: int = 0
    records: int = 0
    flagged: int = 0
    regions: list[str] = field(default_factory=list)  # region_code of its records
    region_names: list[str] = field(default_factory=list)  # of its reports, in order

    @property
    def text_path(self) -> Path:
        return self.folder / "text.txt"

    @property
    def reports_path(self) -> Path:
        return self.folder / "reports.parquet"

    @property
    def records_path(self) -> Path:
        return self.folder / "records.parquet"


def stage(folder: Path, source_file: str, sha256: str, encoding: str, text: str, replaced_chars: int,
          parts: Iterable[Part]) -> Staged:
    """Write the text, then each extracted piece's rows to Parquet as it comes; returns what was written."""
    staged = Staged(source_file, sha256, encoding, replaced_chars, folder)
    with staged.text_path.open("w", encoding="utf-8", newline="") as f:  # newline="": every character as read
        f.write(text)
    regions: set[str] = set()
    with pq.ParquetWriter(staged.reports_path, REPORT_SCHEMA) as reports, \
            pq.ParquetWriter(staged.records_path, RECORD_SCHEMA) as records:
        for part in parts:
            reports.write_table(_report_rows(part.reports))
            records.write_table(_record_rows(part.records))
            staged.decimals_lost |= part.decimals_lost
            staged.reports += len(part.reports)
            staged.records += len(part.records)
            staged.flagged += sum(1 for r in part.records if r.flags)
            regions.update(r.region_code for r in part.records)
            staged.region_names.extend(r.region_name for r in part.reports)
    staged.regions = sorted(regions)
    return staged


def _report_rows(reports: list[Report]) -> pa.Table:
    # Arrow, not pandas: DuckDB scans it without conversion.
    return pa.Table.from_pylist([r.model_dump() for r in reports], schema=REPORT_SCHEMA)


def _record_rows(records: list[Record]) -> pa.Table:
    return pa.Table.from_pylist([r.model_dump() for r in records], schema=RECORD_SCHEMA)


def store_documents(con: duckdb.DuckDBPyConnection, docs: list[tuple[Document | Staged, bool]]) -> None:
    """Replace what is stored under each document's name, all in one transaction with the derived
    table: each (document, known) pair is stored whole, or (on any error) none of them is."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    known = [doc.source_file for doc, was_known in docs if was_known]
    whole = [d for d, _ in docs if isinstance(d, Document)]
    staged = [d for d, _ in docs if isinstance(d, Staged)]
    documents = pa.Table.from_pylist([
        {"source_file": d.source_file, "sha256": d.sha256, "encoding": d.encoding, "decimals_lost": d.decimals_lost,
         "text": d.text, "ingested_at": now, "extractor_version": EXTRACTOR_VERSION,
         "replaced_chars": d.replaced_chars} for d in whole], schema=DOCUMENT_SCHEMA)
    names = pa.table({"source_file": [d.source_file for d, _ in docs], "sha256": [d.sha256 for d, _ in docs]})
    reports = _report_rows([r for d in whole for r in d.reports])
    records = _record_rows([r for d in whole for r in d.records])
    if staged:  # a million rows at once: DuckDB spills to disk rather than growing past this
        con.execute(f"SET memory_limit = '{STAGED_MEMORY_MB}MB'")
    con.execute("BEGIN TRANSACTION")
    con.register("new_rows_docs", names)
    try:
        regions = {r.region_code for d in whole for r in d.records} | {c for d in staged for c in d.regions}
        if known:
            rows = con.execute("SELECT DISTINCT region_code FROM records_effective WHERE list_contains(?, source_file)",
                               [known])
            regions |= {r[0] for r in rows.fetchall()}
            # A new version of a bulletin (other bytes) replaces the old one's records; the old text stays here.
            con.execute("INSERT INTO document_history SELECT d.source_file, d.sha256, d.extractor_version,"
                        " d.ingested_at, ?, d.text FROM documents d JOIN new_rows_docs n USING (source_file)"
                        " WHERE d.sha256 <> n.sha256", [now])
            for table in ("records", "reports", "documents"):  # constants, never input
                con.execute(f"DELETE FROM {table} WHERE list_contains(?, source_file)", [known])
        _insert(con, "documents", documents)
        _insert(con, "reports", reports)
        _insert(con, "records", records, f", {RECORD_KEY_SQL} AS record_key")
        for d in staged:  # DuckDB reads the pieces from disk: never all in memory at once
            con.execute("INSERT INTO documents BY NAME SELECT ? AS source_file, ? AS sha256, ? AS encoding,"
                        " ? AS decimals_lost, content AS text, ? AS ingested_at, ? AS extractor_version,"
                        " ? AS replaced_chars FROM read_text(?)",
                        [d.source_file, d.sha256, d.encoding, d.decimals_lost, now, EXTRACTOR_VERSION,
                         d.replaced_chars, str(d.text_path)])
            con.execute("INSERT INTO reports BY NAME SELECT * FROM read_parquet(?)", [str(d.reports_path)])
            con.execute(f"INSERT INTO records BY NAME SELECT *, {RECORD_KEY_SQL} AS record_key FROM read_parquet(?)",
                        [str(d.records_path)])
        mark_decided(con, [d.source_file for d, _ in docs])
        # A decision on a record may have moved it to another place: that place's chart changes too.
        moved = con.execute("SELECT DISTINCT region_code FROM records_effective WHERE list_contains(?, source_file)",
                            [[d.source_file for d, _ in docs]]).fetchall()
        refresh_derived(con, sorted(regions | {r[0] for r in moved}))
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("new_rows_docs")
    con.execute("COMMIT")


def store_document(con: duckdb.DuckDBPyConnection, doc: Document, *, known: bool) -> None:
    """Replace what is stored under doc.source_file with doc, in one transaction."""
    store_documents(con, [(doc, known)])


def bulk_append(con: duckdb.DuckDBPyConnection, reports: pd.DataFrame, records: pd.DataFrame) -> None:
    """Append prepared frames in one go (generated benchmark databases)."""
    con.register("bulk_reports", reports)
    con.register("bulk_records", records)
    try:
        con.execute("INSERT INTO reports BY NAME SELECT * FROM bulk_reports")
        con.execute(f"INSERT INTO records BY NAME SELECT *, {RECORD_KEY_SQL} AS record_key FROM bulk_records")
    finally:
        con.unregister("bulk_reports")
        con.unregister("bulk_records")
    mark_decided(con)
    rebuild_derived(con)
