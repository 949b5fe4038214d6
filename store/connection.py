"""Opening the DuckDB file: which file, and waiting out another process's lock.

DuckDB lets one process write or many read, never both, so nothing keeps a connection open:
each unit of work opens, works and closes, and a call that meets another writer's lock waits
and tries again for a while before it gives up with a clear one-line message.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

DEFAULT_DB = Path("data/aging.duckdb")


class StorageError(Exception):
    """A database problem worth one line to the user (locked, unreadable, not ours)."""


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the argument, else $AGING_DB, else data/aging.duckdb."""
    return Path(path or os.environ.get("AGING_DB") or DEFAULT_DB)


def snapshot_mode() -> bool:
    """$AGING_DB_READ_ONLY=1: the file is a read-only snapshot that several dashboard processes
    share (see the README, Deployment): nothing may write it, not even a lock beside it."""
    return os.environ.get("AGING_DB_READ_ONLY", "").lower() in ("1", "true", "yes")


def _waitable(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    # Another process's lock, or (inside one process) a connection opened with the other
    # read-only setting: both go away when that unit of work closes its connection.
    return "lock" in text or "different configuration" in text


@contextlib.contextmanager
def connect(path: str | os.PathLike | None = None, *, read_only: bool = False,
            wait_seconds: float = 30.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database for one unit of work and close it afterwards."""
    target = db_path(path)
    if read_only and not target.exists():
        raise StorageError(f"{target}: no database yet (run: python -m extract seeds/)")
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    # Inside one process (the dashboard: two editors storing at once) writers take turns here;
    # between processes DuckDB's file lock does the same.
    if not read_only and not _WRITERS.acquire(timeout=wait_seconds):
        raise StorageError(f"{target}: another writer in this process did not finish in {wait_seconds:g} s")
    try:
        with _open(target, read_only, deadline) as con:
            yield con
    finally:
        if not read_only:
            _WRITERS.release()


_WRITERS = threading.RLock()


@contextlib.contextmanager
def _open(target: Path, read_only: bool, deadline: float) -> Iterator[duckdb.DuckDBPyConnection]:
    while True:
        try:
            con = duckdb.connect(str(target), read_only=read_only)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _waitable(exc) or time.monotonic() > deadline:
                raise StorageError(f"{target}: {str(exc).splitlines()[0]}") from exc
            time.sleep(0.05)
        except duckdb.Error as exc:
            raise StorageError(f"{target}: not a readable DuckDB file ({str(exc).splitlines()[0]})") from exc
    try:
        yield con
    finally:
        con.close()
