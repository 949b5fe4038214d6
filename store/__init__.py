"""The one package that talks to DuckDB: schema and migrations, transactional writes, every
read query, and ingest() — the single path by which bulletins get in.

    >>> from store import ingest
    >>> report = ingest(["seeds/"], "data/aging.duckdb")
    >>> report.count("stored"), [f.error for f in report.failed]

All SQL takes its inputs as parameters or registered tables, never as built strings.
"""

from store.connection import DEFAULT_DB, StorageError, connect, db_path, snapshot_mode
from store.ingest import FileResult, IngestReport, collect, ingest, prepare_database
from store.schema import SCHEMA_VERSION, ensure_schema

__all__ = [
    "DEFAULT_DB", "SCHEMA_VERSION", "FileResult", "IngestReport", "StorageError", "collect", "connect", "db_path",
    "ensure_schema", "ingest", "prepare_database", "snapshot_mode",
]
