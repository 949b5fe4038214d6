"""What the extractor yields for the repository's texts, as one digest beside EXTRACTOR_VERSION.

    python -m tests.extractor_fingerprint           # record the digest (after bumping the version)
    python -m tests.extractor_fingerprint --check   # exit 1 if the output changed under the same version

A stored database re-reads a file only when the extractor's version changes (store/writes.py), so
rules that change what a file yields without a bump leave old records in every database. Each
text's digest covers every report and record it yields; a text added needs only the digests
recorded again, a text whose output changed needs the version bumped too.
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


def digests() -> dict[str, str]:
    """Each text's digest of what it yields, by its path in the repository."""
    out = {}
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*.txt")):
            h = hashlib.sha256()
            try:
                doc = extract_file(path)
            except InputError as exc:
                h.update(f"error {exc}\n".encode())
            else:
                for item in (*doc.reports, *doc.records):
                    h.update(item.model_dump_json().encode() + b"\n")
            out[f"{folder}/{path.name}"] = h.hexdigest()[:16]
    return out


def current() -> str:
    return EXTRACTOR_VERSION + "\n" + "".join(f"{name} {d}\n" for name, d in digests().items())


def check() -> str | None:
    """None if the recorded digests are today's; otherwise what to do about it."""
    lines = RECORDED.read_text(encoding="utf-8").splitlines() if RECORDED.exists() else [""]
    version, recorded = lines[0], dict(line.split(" ", 1) for line in lines[1:])
    now = digests()
    if version == EXTRACTOR_VERSION and recorded == now:
        return None
    changed = sorted(name for name in recorded.keys() & now.keys() if recorded[name] != now[name])
    if version == EXTRACTOR_VERSION and changed:
        return (f"what {len(changed)} texts yield changed (first: {changed[0]}) but EXTRACTOR_VERSION "
                f"({EXTRACTOR_VERSION}) did not: bump it in extract/pipeline.py, then run "
                "python -m tests.extractor_fingerprint")
    return "texts were added or removed, or the version changed: run python -m tests.extractor_fingerprint"


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        problem = check()
        if problem:
            raise SystemExit(problem)
    else:
        RECORDED.write_text(current(), encoding="utf-8")
