"""The README's sample outputs, regenerated from real runs (cog-style).

    python -m tests.readme_blocks           # rewrite the blocks in README.md
    python -m tests.readme_blocks --check   # exit 1 if a block has drifted (tests/test_readme.py runs this)

A block stands between <!-- BEGIN name --> and <!-- END name --> and holds exactly what
BLOCKS[name]() returns: the command as a reader types it, then what it printed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _run(args: list[str], cwd: Path) -> str:
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if done.returncode:  # an empty block is not a sample: say why it failed instead of writing one
        raise SystemExit(f"readme_blocks: {' '.join(args)} exited {done.returncode}: "
                         f"{(done.stderr.strip().splitlines() or ['(no message)'])[-1]}")
    return done.stdout


def cli_sample() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        first = _run(["-m", "extract", str(ROOT / "seeds"), "--db", "data/aging.duckdb"], Path(tmp))
        again = _run(["-m", "extract", str(ROOT / "seeds"), "--db", "data/aging.duckdb"], Path(tmp))
    jsonl = _run(["-m", "extract", "seeds/001_03e8b5bf8b59ae31.txt", "--dry-run", "--format", "jsonl"], ROOT)
    return ("```\n$ python -m extract seeds/\n" + first + "\n$ python -m extract seeds/      # the same bytes again\n"
            + again + "\n$ python -m extract seeds/001_03e8b5bf8b59ae31.txt --dry-run --format jsonl | head -1\n"
            + jsonl.splitlines()[0] + "\n```")


def evaluation() -> str:
    out = []
    for gold, texts, more in (("tests/eval/gold.csv", "tests/eval/texts", []),
                              ("tests/eval/heldout_gold.csv", "tests/eval/heldout",
                               ["--rounds", "tests/eval/heldout_rounds.csv"])):
        out.append(f"$ python -m extract.evaluate {' '.join([gold, texts, *more])}\n"
                   + _run(["-m", "extract.evaluate", gold, texts, *more], ROOT))
    return "```\n" + "\n".join(out) + "```"


BLOCKS: dict[str, Callable[[], str]] = {"cli-sample": cli_sample, "evaluation": evaluation}


def render(text: str) -> str:
    for name, make in BLOCKS.items():
        begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
        head, found, rest = text.partition(begin)
        if not found:
            raise SystemExit(f"README.md: no {begin}")
        _, found, tail = rest.partition(end)
        if not found:
            raise SystemExit(f"README.md: no {end}")
        text = f"{head}{begin}\n{make()}\n{end}{tail}"
    return text


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print("README.md: sample outputs have drifted; run: python -m tests.readme_blocks", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
