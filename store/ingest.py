"""ingest(): the one way bulletins get into the database — the command line, the dashboard's
first start and its import page all call it, and each only formats the IngestReport.

Per file: read the bytes, and if the same bytes were already read by the same rules, stop
there (no extraction); else extract and store it whole or not at all. A file that fails is one
line in the report and the rest of the batch goes on; nothing already stored is touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

import duckdb
from pydantic import BaseModel, Field

from extract.models import Document
from extract.pipeline import decode_bytes, extract_bytes, extract_parts
from extract.reading import InputError, read_bytes, shown_name
from store.connection import StorageError, connect, db_path, snapshot_mode
from store.schema import ensure_schema, needs_work
from store.writes import Staged, stage, store_documents, stored_versions, version_key

INPUT_SUFFIXES = {".txt", ".text", ".md", ".pdf", ".docx"}
# The bundled bulletins the dashboard's first start builds from: seeds/ in a checkout, installed
# as store/seeds by pip (pyproject's package-dir), found the same way in both.
def _seeds() -> Path:
    spec = importlib.util.find_spec("store.seeds")  # a folder of data, so a namespace package
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "seeds"  # a checkout that was never pip-installed


SEEDS = _seeds()
State = Literal["stored", "replaced", "unchanged", "failed", "checked"]
Progress = Callable[[int, int, str], None]


class FileResult(BaseModel):
    """What became of one file."""

    name: str  # shown_name: safe for a one-line message
    source_file: str = ""  # the name as stored (documents.source_file)
    state: State
    regions: list[str] = Field(default_factory=list)
    reports: int = 0
    records: int = 0
    flagged: int = 0
    error: str | None = None  # one line, naming the file
    error_code: str | None = None  # extract.reading.MESSAGES key, for saying it in another language
    error_params: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)


class IngestReport(BaseModel):
    db: str | None  # None for a dry run
    files: list[FileResult] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)  # kept for dry runs and previews

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.state == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, state: State) -> int:
        return sum(1 for f in self.files if f.state == state)


def collect(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileResult]]:
    """Files named, and the files (not sub-folders) of folders named, in a stable order."""
    files: list[Path] = []
    problems: list[FileResult] = []

    def fail(p: Path, code: str, **params: str) -> None:
        err = InputError(code, shown_name(p), **params)
        problems.append(FileResult(name=err.name, state="failed", error=str(err), error_code=code,
                                   error_params=params))

    for raw in paths:
        p = Path(raw)
        try:
            info = p.stat()
        except FileNotFoundError:
            fail(p, "missing_path")
            continue
        except OSError as exc:
            fail(p, "loop") if "loop" in str(exc).lower() else fail(p, "unreadable", why=str(exc.strerror))
            continue
        if not stat.S_ISDIR(info.st_mode):
            files.append(p)
            continue
        try:
            entries = sorted(os.scandir(p), key=lambda e: e.name)
        except OSError as exc:
            fail(p, "folder_unreadable", why=str(exc.strerror))
            continue
        found = []
        for entry in entries:
            try:
                if not entry.is_dir() and Path(entry.name).suffix.lower() in INPUT_SUFFIXES:
                    found.append(Path(entry.path))
            except OSError:  # a link that loops inside the folder
                fail(Path(entry.name), "loop")
        if not found:
            fail(p, "folder_empty")
        files.extend(found)
    return files, problems


def _result(doc: Document | Staged, state: State) -> FileResult:
    if isinstance(doc, Staged):
        regions, reports, records, flagged = doc.region_names, doc.reports, doc.records, doc.flagged
    else:
        regions = [r.region_name for r in doc.reports]
        reports, records, flagged = len(doc.reports), len(doc.records), sum(1 for r in doc.records if r.flags)
    warnings = []
    if not records:
        warnings.append(f"{shown_name(doc.source_file)}: no indicator found; the report is kept with no records")
    if doc.replaced_chars:
        warnings.append(f"{shown_name(doc.source_file)}: {doc.replaced_chars} undecodable characters replaced by �")
    return FileResult(
        name=shown_name(doc.source_file), source_file=doc.source_file, state=state,
        regions=list(dict.fromkeys(regions)), reports=reports, records=records, flagged=flagged, warnings=warnings,
    )


def _read(path: Path, max_bytes: int | None) -> tuple[bytes, str]:
    data = read_bytes(path, max_bytes)
    return data, hashlib.sha256(data).hexdigest()


@contextlib.contextmanager
def _one_line(name: str) -> Iterator[None]:
    """A bug must fail this one file, never the batch, never with a traceback: as an InputError."""
    try:
        yield
    except InputError:
        raise
    except Exception as exc:
        raise InputError("bug", shown_name(name), why=f"{type(exc).__name__}: {exc}") from exc


def _extract(data: bytes, name: str, sha256: str) -> Document:
    with _one_line(name):
        return extract_bytes(data, name, sha256)


def _stage_file(folder: Path, held: list[bytes], name: str, sha256: str) -> Staged:
    """A long file, extracted a piece at a time into Parquet under folder (see store.writes.Staged).
    held holds the file's bytes, let go of once decoded."""
    with _one_line(name):
        text, encoding, replaced = decode_bytes(held.pop(), name)
        return stage(folder, name, sha256, encoding, text, replaced, extract_parts(text, name, encoding=encoding))


# Files are extracted outside any connection and stored a group at a time: one transaction per
# group keeps the write fast (a commit and a derived-table refresh per group, not per file), and
# closing the connection between groups lets the dashboard's readers in. A group that fails is
# stored again one file per transaction, so one bad file never takes others with it. Each group
# costs about 0.3 s whatever its size (the commit, the derived table, DuckDB's checkpoint on close):
# 500 bulletins a group stored 1,000 in 1.4 s where groups of 100 took 4.1 s; the bytes cap keeps a
# group's documents (text and records, held until stored) to tens of megabytes.
GROUP_FILES = 500
GROUP_BYTES = 8 * 1024 * 1024
# A file larger than this is extracted a piece at a time and stored alone, its rows staged on
# disk: memory stays bounded (a 50 MB file of dense reports holds a million records).
STREAM_BYTES = 2 * 1024 * 1024


def _outcome(data: bytes, name: str, sha256: str) -> Document | InputError:
    try:
        return _extract(data, name, sha256)
    except InputError as exc:
        return exc


def _groups(files: list[Path]) -> Iterator[list[Path]]:
    group: list[Path] = []
    size = 0
    for path in files:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
        group.append(path)
        if len(group) >= GROUP_FILES or size >= GROUP_BYTES:
            yield group
            group, size = [], 0
    if group:
        yield group


def _store_group(db: str | os.PathLike | None, pending: list[tuple[int, Document | Staged, bool]],
                 results: list[FileResult | None]) -> None:
    with connect(db) as con:
        try:
            store_documents(con, [(doc, known) for _, doc, known in pending])
            failed = []
        except duckdb.Error:
            failed = pending
        else:
            for n, doc, known in pending:
                results[n] = _result(doc, "replaced" if known else "stored")
        for n, doc, known in failed:  # one at a time, so the others still land
            try:
                store_documents(con, [(doc, known)])
            except duckdb.Error as exc:
                name = shown_name(doc.source_file)
                results[n] = FileResult(name=name, source_file=doc.source_file, state="failed",
                                        error=f"{name}: not stored ({str(exc).splitlines()[0]})")
            else:
                results[n] = _result(doc, "replaced" if known else "stored")


def _failed(name: str, source_file: str, exc: InputError) -> FileResult:
    return FileResult(name=name, source_file=source_file, state="failed", error=str(exc), error_code=exc.code,
                      error_params={k: str(v) for k, v in exc.params.items()})


def ingest(paths: Iterable[str | os.PathLike], db: str | os.PathLike | None = None,
           on_progress: Progress | None = None, *, dry_run: bool = False, keep_documents: bool | None = None,
           max_bytes: int | None = None) -> IngestReport:
    """Extract the files (and the files of folders) named and store them; see the module's doc.

    dry_run touches no database. keep_documents (default: on for dry runs) returns the
    extracted documents too, for printing or previewing.
    """
    keep = dry_run if keep_documents is None else keep_documents
    files, problems = collect(paths)
    report = IngestReport(db=None if dry_run else str(db_path(db)), files=problems)
    stored: dict[str, str] = {}
    if not dry_run and files:
        with connect(db) as con:
            ensure_schema(con)
            stored = stored_versions(con)
    done = 0
    for group in _groups(files):
        results: list[FileResult | None] = []
        todo: list[tuple[int, Path, Document | InputError]] = []
        for path in group:
            if on_progress:
                on_progress(done, len(files), path.name)
            done += 1
            name = shown_name(path.name)
            try:
                data, sha = _read(path, max_bytes)
            except InputError as exc:
                results.append(_failed(name, path.name, exc))
                continue
            if not dry_run and stored.get(path.name) == version_key(sha):
                results.append(FileResult(name=name, source_file=path.name, state="unchanged"))
                continue
            if not keep and len(data) > STREAM_BYTES:
                held = [data]
                del data  # the long path lets go of the bytes once they are decoded
                results.append(_ingest_long(db, path, held, sha, stored))
                continue
            todo.append((len(results), path, _outcome(data, path.name, sha)))
            results.append(None)
        _finish(db, results, todo, report, stored, keep=keep, dry_run=dry_run)
    if not dry_run and report.count("unchanged"):
        with connect(db, read_only=True) as con:
            _describe_unchanged(con, report)
    if on_progress:
        on_progress(len(files), len(files), "")
    return report


def _finish(db: str | os.PathLike | None, results: list[FileResult | None],
            todo: list[tuple[int, Path, Document | InputError]], report: IngestReport, stored: dict[str, str], *,
            keep: bool, dry_run: bool) -> None:
    """Store one group's extracted files in one transaction and report on each."""
    pending: list[tuple[int, Document | Staged, bool]] = []
    for n, path, doc in todo:
        if isinstance(doc, InputError):
            results[n] = _failed(shown_name(path.name), path.name, doc)
            continue
        if keep:
            report.documents.append(doc)
        if dry_run:
            results[n] = _result(doc, "checked")
            continue
        known = path.name in stored
        stored[path.name] = version_key(doc.sha256)
        pending.append((n, doc, known))
    if pending:
        _store_group(db, pending, results)
    report.files.extend(r for r in results if r is not None)


def _ingest_long(db: str | os.PathLike | None, path: Path, held: list[bytes], sha: str,
                 stored: dict[str, str]) -> FileResult:
    """Stage a long file's rows on disk a piece at a time, then store them in one transaction."""
    name = shown_name(path.name)
    target = db_path(db)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=target.parent) as folder:
        try:
            staged = _stage_file(Path(folder), held, path.name, sha)
        except InputError as exc:
            return _failed(name, path.name, exc)
        results: list[FileResult | None] = [None]
        known = path.name in stored
        _store_group(db, [(0, staged, known)], results)
        if results[0] is not None and results[0].state != "failed":
            stored[path.name] = version_key(sha)
        return results[0]


def _describe_unchanged(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    """Unchanged files were not extracted again: their counts come from what is stored (one query)."""
    names = [f.source_file for f in report.files if f.state == "unchanged"]
    if not names:
        return
    rows = con.execute(
        """
        SELECT p.source_file, list(p.region_name ORDER BY p.span_start), count(DISTINCT p.report_id),
               (SELECT count(*) FROM records r WHERE r.source_file = p.source_file),
               (SELECT count(*) FROM records r WHERE r.source_file = p.source_file AND len(r.flags) > 0)
        FROM reports p WHERE list_contains(?, p.source_file) GROUP BY p.source_file
        """, [names]).fetchall()
    by_name = {row[0]: row[1:] for row in rows}
    for f in report.files:
        if f.state == "unchanged" and f.source_file in by_name:
            regions, f.reports, f.records, f.flagged = by_name[f.source_file]
            f.regions = list(dict.fromkeys(regions))


@contextlib.contextmanager
def _file_lock(target: Path) -> Iterator[None]:
    """An exclusive lock beside the database, held across processes (the dashboard's first start)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def prepare_database(db: str | os.PathLike | None, seeds: Path, on_progress: Progress | None = None) -> bool:
    """Make the database ready to read: build it from the seeds if there is none, upgrade it if
    it is of an older schema. Returns True if it built one.

    The build goes into a temporary file that is moved into place only when complete, under a
    lock: several visitors starting at once wait for one build and never see half of one.
    """
    target = db_path(db)
    if snapshot_mode():  # a shared read-only snapshot: check it, never build, upgrade or lock
        if not target.exists():
            raise StorageError(f"{target}: no database (AGING_DB_READ_ONLY needs a built snapshot)")
        with connect(target, read_only=True) as con:
            if needs_work(con):
                raise StorageError(f"{target}: an older or incomplete database; upgrade it where it is writable"
                                   " (run the dashboard or python -m extract on it once)")
        return False
    with _file_lock(target):
        if target.exists():
            with connect(target, read_only=True) as con:
                stale = needs_work(con)
            if stale:
                with connect(target) as con:
                    ensure_schema(con)
            return False
        building = target.with_name(f"{target.name}.building-{os.getpid()}")
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)
        result = ingest([seeds], building, on_progress)
        if not result.ok:
            building.unlink(missing_ok=True)
            raise StorageError(f"{target}: building from {seeds} failed: {result.failed[0].error}")
        os.replace(building, target)
        return True
