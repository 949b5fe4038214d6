"""A batch killed with SIGKILL at three moments: the database opens, holds no half-stored report,
and a rerun ends with exactly the counts of one clean ingest."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

import store
from extract import extract_file
from store import SCHEMA_VERSION
from store.schema import version
from tests.bench.corpus import write

ROOT = Path(__file__).resolve().parents[2]


def _counts(db) -> tuple[int, int, int, int]:
    with store.connect(db, read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "reports", "records", "latest_primary"))


def _stored_whole(db, folder: Path) -> int:
    """Every stored file holds exactly what a dry run of it yields; returns how many are stored."""
    with store.connect(db, read_only=True) as con:
        if version(con) == 0:
            return 0  # killed before the schema's transaction committed: an empty file, made whole on the rerun
        assert version(con) == SCHEMA_VERSION
        stored = con.execute("SELECT source_file, count(*) FROM records GROUP BY ALL").fetchall()
        reports = dict(con.execute("SELECT source_file, count(*) FROM reports GROUP BY ALL").fetchall())
        latest = con.execute("SELECT count(*) FROM latest_primary").fetchone()[0]
        expected_latest = con.execute(f"SELECT count(*) FROM ({store.queries.LATEST_PRIMARY_SQL})").fetchone()[0]
    assert latest == expected_latest  # the charts' table matches what is stored, even after a kill
    for name, n in stored:
        doc = extract_file(folder / name)
        assert (n, reports[name]) == (len(doc.records), len(doc.reports)), name
    return len(reports)


def _wait_for_some_stored(db: Path, proc: subprocess.Popen) -> None:
    """Until the batch has stored some files (it closes the database between groups, so a reader
    gets in), or it has finished."""
    while proc.poll() is None:
        try:
            with store.connect(db, read_only=True, wait_seconds=0) as con:
                if con.execute("SELECT count(*) FROM documents").fetchone()[0]:
                    return
        except (store.StorageError, duckdb.Error):
            pass  # not made yet, or the batch holds it
        time.sleep(0.05)


def _cli(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extract", str(folder), "--db", str(db)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_sigkill_at_three_moments_loses_nothing_and_leaves_nothing_half_stored(tmp_path):
    folder = tmp_path / "batch"
    write(folder, 1000)
    clean = tmp_path / "clean.duckdb"
    start = time.perf_counter()
    assert _cli(folder, clean).wait(timeout=120) == 0
    whole = time.perf_counter() - start  # the kills fall at fractions of one clean run, whatever this machine's speed
    db = tmp_path / "killed.duckdb"
    seen = []
    for fraction in (None, 0.35, 0.35):  # each run resumes from what the one before stored
        proc = _cli(folder, db)
        if fraction is None:  # right after a group is stored, while the next one is being read
            _wait_for_some_stored(db, proc)
        else:
            time.sleep(whole * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            seen.append(_stored_whole(db, folder))
    assert any(0 < n < 1000 for n in seen), seen  # a kill fell inside the batch, after some files were stored
    rerun = subprocess.run([sys.executable, "-m", "extract", str(folder), "--db", str(db)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr[-500:]
    assert _counts(db) == _counts(clean)
