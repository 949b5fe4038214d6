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
from pathlib import Path

from tqdm import tqdm

from extract.catalog import CATALOG
from extract.models import Document, Record
from store import IngestReport, StorageError, ingest

FIELDS = list(Record.model_fields)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(_width(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(_pad(str(h), w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(str(c), w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


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


def summary(report: IngestReport) -> str:
    rows = [[f.name, ", ".join(f.regions), f.reports, f.records, f.flagged, f.state]
            for f in report.files if f.state != "failed"]
    return table(rows, ["file", "regions", "reports", "records", "flagged", "state"])


def run(paths: list[str], db: Path | None, dry_run: bool, fmt: str, err=sys.stderr) -> int:
    """Ingest the paths and print what happened: the CLI only formats store.ingest's report."""
    bar = tqdm(desc="extract", unit="file", file=err, disable=not err.isatty())

    def progress(n: int, total: int, _name: str) -> None:
        bar.total = total
        bar.n = n
        bar.refresh()

    report = ingest(paths, db, progress, dry_run=dry_run)
    bar.close()
    for f in report.files:
        if f.error:
            print(f"error: {f.error}", file=err)
        for warning in f.warnings:
            print(f"warning: {warning}", file=err)
    if dry_run:
        if fmt != "table" or any(d.records for d in report.documents):
            print_records(report.documents, fmt)
    elif any(f.state != "failed" for f in report.files):
        print(summary(report))
        total = sum(f.records for f in report.files)
        print(f"\n{total} records from these files in {report.db}")
    return 0 if report.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract indicator records from bulletins and store them in DuckDB.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="bulletin files (.txt, .pdf, .docx) or folders of them")
    parser.add_argument("--db", type=Path, default=None,
                        help="DuckDB file (default: $AGING_DB, else data/aging.duckdb)")
    parser.add_argument("--dry-run", action="store_true", help="touch no database; print the records")
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                        help="how --dry-run prints records (default: table)")
    args = parser.parse_args(argv)
    try:
        return run(args.paths, args.db, args.dry_run, args.format)
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; files stored so far are kept", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (head, less) went away: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
