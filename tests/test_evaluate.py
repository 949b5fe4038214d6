"""extract.evaluate: the scorer, the PDF damage it applies, and the own corpus it is run on."""

import subprocess
import sys
from pathlib import Path

import pytest

from extract import extract_text
from extract.evaluate import Gold, damage, read_gold, run, score

EVAL = Path(__file__).parent / "eval"
CORPORA = [("dev", EVAL / "gold.csv", EVAL / "texts"), ("held out", EVAL / "heldout_gold.csv", EVAL / "heldout")]


def test_damage_is_what_pdf_conversion_does():
    text = "许昌市常住人口437.6万人。建成助餐点216个。\n" + "这是很长的一段正文" * 10
    hurt = damage(text)
    assert "４３７６万" in hurt and "437.6" not in hurt and "." in hurt and "。" not in hurt
    assert max(len(line) for line in hurt.splitlines()) <= 29 and "\n\n" in hurt


def test_score_counts_hits_traps_and_unlisted_values():
    doc = extract_text("南阳市人大常委会召开座谈会12次。今年要建成老年助餐点220个。", "t.txt")
    gold = [Gold("t.txt", "411300", "symposia", 12, "exact", None, None, None, True, "plain"),
            Gold("t.txt", "411300", "meal_sites", 220, "exact", None, None, None, True, "stage")]
    s = score(gold, doc.records)
    assert (s.found["plain"], s.wanted["plain"]) == (1, 1)
    # The plan is primary in the 'planned' measure; the gold asks for it with any status, so it is found.
    assert s.found["stage"] == 1 and sum(s.wrong.values()) == 0
    trap = [Gold("t.txt", "411300", "symposia", 12, "exact", None, None, None, False, "thing")]
    assert score(trap, doc.records).wrong["thing"] == 1  # a value that must not be primary, and is


@pytest.mark.parametrize(("name", "gold", "texts"), CORPORA, ids=[c[0] for c in CORPORA])
def test_own_corpus_meets_the_bar(name, gold, texts):
    rows = read_gold(gold)
    files = sorted(texts.glob("*.txt"))
    published, damaged = run(rows, files, False), run(rows, files, True)
    assert published.recall >= 0.90 and damaged.recall >= 0.85, (published.missed, damaged.missed)
    # A wrong value may be shown only flagged (⚠, with its reason), never as if it were sure.
    assert published.wrong_unflagged == 0 and damaged.wrong_unflagged == 0, (published.wrong_records,
                                                                            damaged.wrong_records)
    assert sum(published.wrong.values()) == 0


def test_corpus_size():
    rows = [r for _, gold, _ in CORPORA for r in read_gold(gold)]
    texts = [t for _, _, folder in CORPORA for t in folder.glob("*.txt")]
    assert len(texts) >= 40 and len(rows) >= 200
    assert {r.cls for r in rows} >= {"place", "stage", "thing", "qualifier", "multi"}


def test_rounds_are_scored_on_their_own_texts_beside_their_first_score(tmp_path):
    rounds = tmp_path / "rounds.csv"
    rounds.write_text("round,first_file,last_file,first_published,first_damaged,first_wrong,first_wrong_damaged\n"
                      "1,h01,h02,50.0,40.0,3,4\n", encoding="utf-8")
    run_ = subprocess.run([sys.executable, "-m", "extract.evaluate", str(EVAL / "heldout_gold.csv"),
                           str(EVAL / "heldout"), "--rounds", str(rounds)], capture_output=True, text=True, timeout=300)
    line = next(x for x in run_.stdout.splitlines() if x.startswith("h01–h02"))
    assert "50.0% / 40.0%" in line and "3 / 4" in line
    # Only the gold rows of the texts given are scored: two texts alone are not held to the whole table.
    two = sorted((EVAL / "heldout").glob("h0[12]*.txt"))
    alone = subprocess.run([sys.executable, "-m", "extract.evaluate", str(EVAL / "heldout_gold.csv"), *map(str, two)],
                           capture_output=True, text=True, timeout=300)
    published_now = line.split()[7]  # h01–h02, first 50.0% / 40.0%, wrong 3 / 4, then now: published / damaged
    assert alone.stdout.startswith("2 texts")
    assert published_now in next(x for x in alone.stdout.splitlines() if x.startswith("as published"))


def test_command_line_prints_the_table():
    run_ = subprocess.run([sys.executable, "-m", "extract.evaluate", str(EVAL / "heldout_gold.csv"),
                           str(EVAL / "heldout")], capture_output=True, text=True, timeout=120)
    assert run_.returncode == 0
    assert "as published" in run_.stdout and "PDF-damaged" in run_.stdout and "recall" in run_.stdout
