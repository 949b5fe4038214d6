"""Score extraction against a gold table: python -m extract.evaluate GOLD.csv PATH [PATH ...]

Each text is read twice: as published, and with the damage PDF conversion does to bulletins
(full-width digits, decimal points lost, hard wraps with blank lines, page footers). For each
form it prints recall (gold primary values found as the chart's value), precision (primary
values that are right) and the count of wrong primary values, each by class of phenomenon.

Gold rows (CSV): file, region_code, region_name, indicator, value, qualifier, age_threshold,
population_base, status, primary, class. primary 1: the value a chart must show for that place;
primary 0: a value that must never be the chart's (a target, a subset, another place's).
A blank attribute in a gold row matches any. Every primary value the extractor offers that no
gold row lists counts as wrong: the gold lists every figure a careful reader finds.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extract.models import NOT_PRIMARY, Record
from extract.normalize import table_lines
from extract.pipeline import extract_text
from extract.reading import InputError

FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")
WRAP = 29


def damage(text: str) -> str:
    """What PDF conversion did to the seeds: decimals lost, full-width digits, 。 as '.', wrapped
    at a fixed width with blank lines between, a page footer every 20 lines."""
    text = re.sub(r"(?<=\d)\.(?=\d)", "", text).translate(FULL).replace("。", ".")
    lines: list[str] = []
    paragraphs = text.split("\n")
    table = table_lines(paragraphs)  # (a table's rows are laid out, not wrapped)
    for n, paragraph in enumerate(paragraphs):
        if len(paragraph) <= WRAP or re.match(r"^\S{2,12}: ", paragraph) or "\t" in paragraph or n in table:
            lines.append(paragraph)
        else:
            lines += textwrap.wrap(paragraph, WRAP)
    out = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % 20 == 0:
            out.append(f"—{str(n // 20 + 1).translate(FULL)}—")
    return "\n\n".join(out) + "\n"


@dataclass(frozen=True)
class Gold:
    file: str
    region_code: str
    indicator: str
    value: float
    qualifier: str
    age_threshold: int | None
    population_base: str | None
    status: str | None
    primary: bool
    cls: str

    def fits(self, r: Record, *, with_value: bool = True) -> bool:
        if (r.source_file, r.region_code, r.indicator) != (self.file, self.region_code, self.indicator):
            return False
        for want, got in ((self.age_threshold, r.age_threshold), (self.population_base, r.population_base),
                          (self.status, r.status)):
            if want is not None and want != got:
                return False
        if not with_value:
            return True
        return abs(r.value - self.value) <= 1e-6 * max(1.0, abs(self.value)) and r.qualifier == self.qualifier


def read_gold(path: Path) -> list[Gold]:
    with open(path, encoding="utf-8") as f:
        return [Gold(row["file"], row["region_code"], row["indicator"], float(row["value"]), row["qualifier"],
                     int(row["age_threshold"]) if row["age_threshold"] else None, row["population_base"] or None,
                     row["status"] or None, row["primary"] == "1", row["class"]) for row in csv.DictReader(f)]


@dataclass
class Score:
    found: Counter  # class → gold primary values found
    wanted: Counter  # class → gold primary values
    wrong: Counter  # class (of the gold row it contradicts, or "unlisted") → wrong primary values
    wrong_unflagged: int
    primaries: int
    missed: list[Gold]
    wrong_records: list[tuple[str, Record]]

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.wanted.values()))

    @property
    def precision(self) -> float:
        return (self.primaries - sum(self.wrong.values())) / max(1, self.primaries)


def score(gold: list[Gold], records: list[Record]) -> Score:
    s = Score(Counter(), Counter(), Counter(), 0, 0, [], [])
    files = {g.file for g in gold}
    positives = [g for g in gold if g.primary]
    for g in positives:
        s.wanted[g.cls] += 1
        if any(r.primary and g.fits(r) for r in records):
            s.found[g.cls] += 1
        else:
            s.missed.append(g)
    for r in records:
        if not r.primary or r.source_file not in files:
            continue
        s.primaries += 1
        if any(g.fits(r) for g in positives):
            continue
        # Which phenomenon it got wrong: a trap row it fell into, a right place with a wrong value, or none.
        trap = next((g for g in gold if not g.primary and g.fits(r)), None) \
            or next((g for g in positives if g.fits(r, with_value=False)), None)
        cls = trap.cls if trap else "unlisted"
        s.wrong[cls] += 1
        s.wrong_records.append((cls, r))
        if not set(r.flags) - {"range"}:
            s.wrong_unflagged += 1
    return s


def extract_all(paths: list[Path], damaged: bool) -> list[Record]:
    """The records of every text, as published or with the PDF damage; a text naming no place gives none."""
    records: list[Record] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            records += extract_text(damage(text) if damaged else text, path.name).records
        except InputError:
            continue
    assert all(not (r.primary and NOT_PRIMARY & set(r.flags)) for r in records)
    return records


def run(gold: list[Gold], paths: list[Path], damaged: bool) -> Score:
    return score(gold, extract_all(paths, damaged))


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    return out


def report(gold: list[Gold], published: Score, damaged: Score) -> str:
    classes = sorted({g.cls for g in gold} | set(published.wrong) | set(damaged.wrong))
    lines = [f"{'class':<12} {'recall':>16} {'recall damaged':>16} {'wrong':>6} {'wrong dmg':>9}"]
    for cls in classes:
        def r(s: Score, c: str = cls) -> str:
            return f"{s.found[c]}/{s.wanted[c]}" if s.wanted[c] else "-"
        lines.append(f"{cls:<12} {r(published):>16} {r(damaged):>16} {published.wrong[cls]:>6} {damaged.wrong[cls]:>9}")
    lines.append("")
    for name, s in (("as published", published), ("PDF-damaged", damaged)):
        lines.append(f"{name:<13} recall {s.recall:6.1%}  precision {s.precision:6.1%}  "
                     f"wrong primary values {sum(s.wrong.values())} ({s.wrong_unflagged} unflagged) "
                     f"of {s.primaries}")
    return "\n".join(lines)


def _number(name: str) -> int:
    """h07_luohe.txt → 7: texts are numbered in the order they were written."""
    found = re.match(r"[a-z]*(\d+)", name)
    return int(found.group(1)) if found else -1


def rounds_report(gold: list[Gold], published: list[Record], damaged: list[Record], rounds_csv: Path) -> str:
    """Each round's score now beside its first (taken once, before any rule was changed for it), from the
    records already extracted for the whole table."""
    lines = [f"{'round':<12} {'first':>17} {'wrong first':>12} {'now':>17} {'wrong now':>10}"]
    with open(rounds_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            first, last = _number(row["first_file"]), _number(row["last_file"])
            rows = [g for g in gold if first <= _number(g.file) <= last]
            pub = score(rows, [r for r in published if first <= _number(r.source_file) <= last])
            dmg = score(rows, [r for r in damaged if first <= _number(r.source_file) <= last])
            lines.append(
                f"{row['first_file'] + '–' + row['last_file']:<12} "
                f"{row['first_published'] + '% / ' + row['first_damaged'] + '%':>17} "
                f"{row['first_wrong'] + ' / ' + row['first_wrong_damaged']:>12} "
                f"{f'{pub.recall:.1%} / {dmg.recall:.1%}':>17} "
                f"{f'{sum(pub.wrong.values())} / {sum(dmg.wrong.values())}':>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="texts, or folders of .txt texts")
    parser.add_argument("--details", action="store_true", help="list every miss and wrong value")
    parser.add_argument("--rounds", type=Path, metavar="CSV",
                        help="also score each round of texts (first_file..last_file) beside its first score")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    files = _files(args.paths)
    gold = [g for g in gold if g.file in {f.name for f in files}]  # score only the texts given
    published_records, damaged_records = extract_all(files, False), extract_all(files, True)
    published, damaged = score(gold, published_records), score(gold, damaged_records)
    print(f"{len(files)} texts, {len(gold)} gold rows ({sum(g.primary for g in gold)} primary)\n")
    print(report(gold, published, damaged))
    if args.rounds:
        print("\n" + rounds_report(gold, published_records, damaged_records, args.rounds))
    if args.details:
        for name, s in (("as published", published), ("PDF-damaged", damaged)):
            print(f"\n{name}:")
            for g in s.missed:
                print(f"  missed  [{g.cls}] {g.file} {g.region_code} {g.indicator} {g.value:g} {g.qualifier}")
            for cls, r in s.wrong_records:
                print(f"  wrong   [{cls}] {r.source_file} {r.region_name} {r.indicator} {r.value:g} {r.qualifier} "
                      f"{r.flags} «{r.quote[:40]}»")
    return 0


if __name__ == "__main__":
    sys.exit(main())
