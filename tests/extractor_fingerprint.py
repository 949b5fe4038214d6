"""What the extractor yields for the repository's texts, as one digest beside EXTRACTOR_VERSION.

    python -m tests.extractor_fingerprint           # record the digest (after bumping the version)
    python -m tests.extractor_fingerprint --check   # exit 1 if the output changed under the same version

A stored database re-reads a file only when the extractor's version changes (store/writes.py), so
rules that change what a file yields without a bump leave old records in every database. The
digest covers every report and record of the seeds and the evaluation texts.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from extract.pipeline import EXTRACTOR_VERSION, extract_file
from extract.reading import InputError

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "eval" / "extractor_fingerprint.txt"
FOLDERS = ("seeds", "tests/eval/texts", "tests/eval/heldout")


def digest() -> str:
    h = hashlib.sha256()
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*.txt")):
            h.update(f"{folder}/{path.name}\n".encode())
            try:
                doc = extract_file(path)
            except InputError as exc:
                h.update(f"error {exc}\n".encode())
                continue
            for item in (*doc.reports, *doc.records):
                h.update(item.model_dump_json().encode() + b"\n")
    return h.hexdigest()


def current() -> str:
    return f"{EXTRACTOR_VERSION} {digest()}\n"


def check() -> str | None:
    """None if the recorded line is today's; otherwise what to do about it."""
    recorded = RECORDED.read_text(encoding="utf-8") if RECORDED.exists() else ""
    now = current()
    if recorded == now:
        return None
    if recorded.split(" ")[0] == EXTRACTOR_VERSION:
        return (f"the extractor's output changed but EXTRACTOR_VERSION ({EXTRACTOR_VERSION}) did not: bump it in "
                "extract/pipeline.py, then run python -m tests.extractor_fingerprint")
    return "EXTRACTOR_VERSION changed: run python -m tests.extractor_fingerprint"


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        problem = check()
        if problem:
            raise SystemExit(problem)
    else:
        RECORDED.write_text(current(), encoding="utf-8")
