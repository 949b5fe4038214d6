"""python -m extract PATH [PATH ...] [--db FILE] [--dry-run] [--format table|jsonl|csv]

Exit status: 0 every file went in; 1 some file failed (each failure one line on stderr, the
others still processed and stored); 2 usage error. Only records go to stdout with --format
jsonl; progress and diagnostics go to stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from tqdm import tqdm

from extract import storage
from extract.catalog import CATALOG
from extract.models import Document, Record
from extract.pipeline import InputError, extract_file

INPUT_SUFFIXES = {".txt", ".text", ".md", ".pdf", ".docx"}
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIELDS = list(Record.model_fields)


def collect(paths: Iterable[str]) -> tuple[list[Path], list[str]]:
    """Files named, and the files (not sub-folders) of folders named, in a stable order."""
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                problems.append(f"{p}: folder holds no .txt files")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    return files, problems


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(_width(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(_pad(str(h), w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(str(c), w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def _shown(r: Record) -> str:
    sign = {"at_least": "≥", "at_most": "≤", "approx": "≈"}.get(r.qualifier, "")
    unit = "%" if r.unit == "percent" else ""
    return f"{sign}{r.value:,.15g}{unit}"


def print_records(docs: list[Document], fmt: str, out=sys.stdout) -> None:
    records = [r for d in docs for r in d.records]
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r.model_dump(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=FIELDS)
        w.writeheader()
        for r in records:
            row = r.model_dump()
            row["flags"] = ";".join(r.flags)
            row["alternatives"] = ";".join(f"{v:g}" for v in r.alternatives)
            w.writerow(row)
        out.write(buf.getvalue())
    else:
        rows = [[r.source_file[:24], r.region_name, CATALOG.by_code[r.indicator].name_zh, _shown(r), r.printed,
                 ",".join(r.flags), "*" if r.primary else ""] for r in records]
        out.write(table(rows, ["file", "region", "indicator", "value", "printed", "flags", "primary"]) + "\n")


def summary(docs: list[Document], unchanged: set[str]) -> str:
    rows = []
    for d in docs:
        regions = ", ".join(dict.fromkeys(r.region_name for r in d.reports))
        state = "unchanged" if d.source_file in unchanged else "stored"
        flagged = sum(1 for r in d.records if r.flags)
        rows.append([d.source_file, regions, len(d.reports), len(d.records), flagged, state])
    return table(rows, ["file", "regions", "reports", "records", "flagged", "state"])


def run(paths: list[str], db: Path | None, dry_run: bool, fmt: str,
        on_progress: Callable[[int, int, str], None] | None = None, err=sys.stderr) -> int:
    files, problems = collect(paths)
    for p in problems:
        print(f"error: {p}", file=err)
    docs: list[Document] = []
    unchanged: set[str] = set()
    failed = len(problems)
    bar = tqdm(files, desc="extract", unit="file", file=err, disable=len(files) < 2 or not err.isatty())
    for n, path in enumerate(bar):
        if on_progress:
            on_progress(n, len(files), path.name)
        try:
            doc = extract_file(path)
        except InputError as exc:
            failed += 1
            bar.write(f"error: {exc}", file=err)
            continue
        except Exception as exc:  # a bug must not stop the batch or show a traceback
            failed += 1
            bar.write(f"error: {path.name}: could not be extracted ({type(exc).__name__}: {exc}); "
                      "please report this file", file=err)
            continue
        if not doc.records:
            bar.write(f"warning: {path.name}: no indicator found; the report is kept with no records", file=err)
        if not dry_run:
            try:
                unchanged.update(storage.store_documents([doc], db))
            except storage.StorageError as exc:
                failed += 1
                bar.write(f"error: {path.name}: not stored: {exc}", file=err)
                continue
        docs.append(doc)
    if on_progress:
        on_progress(len(files), len(files), "")
    if dry_run:
        if fmt != "table" or any(d.records for d in docs):
            print_records(docs, fmt)
    elif docs:
        print(summary(docs, unchanged))
        print(f"\n{sum(len(d.records) for d in docs)} records in {storage.db_path(db)}")
    return 1 if failed else 0


def build_from_seeds(db_path: Path, on_progress: Callable[[int, int, str], None] | None = None) -> None:
    """Build the database from the bundled seeds (the dashboard's first start)."""
    with open(os.devnull, "w") as quiet:
        code = run([str(SEEDS)], db_path, False, "table", on_progress, err=quiet)
    if code:
        raise storage.StorageError(f"{db_path}: building from {SEEDS} failed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract indicator records from bulletins and store them in DuckDB.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="bulletin files (.txt) or folders of them")
    parser.add_argument("--db", type=Path, default=None,
                        help="DuckDB file (default: $AGING_DB, else data/aging.duckdb)")
    parser.add_argument("--dry-run", action="store_true", help="touch no database; print the records")
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                        help="how --dry-run prints records (default: table)")
    args = parser.parse_args(argv)
    try:
        return run(args.paths, args.db, args.dry_run, args.format)
    except storage.StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; files stored so far are kept", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (head, less) went away: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
