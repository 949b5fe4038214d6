"""python -m extract, as scripts and users call it: exit codes, stdout/stderr, the database it leaves."""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def count(db: Path, sql: str = "SELECT count(*) FROM records") -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("news_luoyang.txt", "gbk_xinxiang.txt"):
        shutil.copy(FIXTURES / "texts" / name, folder / name)
    for name in ("empty.txt", "no_region.txt"):
        shutil.copy(FIXTURES / "bad" / name, folder / name)
    return folder


def test_bad_files_fail_alone(batch, tmp_path):
    db = tmp_path / "a.duckdb"
    run = cli(str(batch), "--db", str(db))
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt: empty file" in e for e in errors) and any("no_region.txt" in e for e in errors)
    assert "Traceback" not in run.stderr
    assert count(db, "SELECT count(DISTINCT source_file) FROM records") == 2  # the good files are stored


def test_storing_again_replaces_instead_of_adding(tmp_path):
    db = tmp_path / "a.duckdb"
    assert cli("seeds/", "--db", str(db)).returncode == 0
    first = count(db)
    again = cli("seeds/", "--db", str(db))
    assert again.returncode == 0 and "unchanged" in again.stdout
    assert count(db) == first


def test_changed_file_replaces_its_records(tmp_path):
    db = tmp_path / "a.duckdb"
    text = tmp_path / "luoyang.txt"
    text.write_text("洛阳市人大常委会召开座谈会12次。", encoding="utf-8")
    cli(str(text), "--db", str(db))
    text.write_text("洛阳市人大常委会召开座谈会15次。", encoding="utf-8")
    cli(str(text), "--db", str(db))
    assert count(db, "SELECT list(value) FROM records") == [15.0]


def test_dry_run_touches_no_database(tmp_path):
    db = tmp_path / "none.duckdb"
    run = cli("seeds/", "--dry-run", "--db", str(db))
    assert run.returncode == 0 and not db.exists()
    assert "安阳市" in run.stdout


def test_jsonl_is_only_records(tmp_path):
    run = cli("seeds/", "--dry-run", "--format", "jsonl")
    lines = run.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) > 40
    assert {"report_id", "region_code", "indicator", "value", "span_start", "flags", "primary"} <= set(records[0])


def test_csv_format(tmp_path):
    run = cli(str(FIXTURES / "texts" / "news_luoyang.txt"), "--dry-run", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows[0]["region_code"] == "410300"
    assert {r["indicator"] for r in rows} >= {"elderly_share", "meal_sites"}


def test_usage_error_is_exit_2():
    assert cli("--format", "xml", "seeds/").returncode == 2
    assert cli().returncode == 2


def test_missing_path_is_named(tmp_path):
    run = cli(str(tmp_path / "nope.txt"), "--dry-run")
    assert run.returncode == 1
    assert run.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or folder"


def test_aging_db_environment_variable(tmp_path):
    db = tmp_path / "env.duckdb"
    run = subprocess.run([sys.executable, "-m", "extract", str(FIXTURES / "texts" / "gbk_xinxiang.txt")], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "AGING_DB": str(db)})
    assert run.returncode == 0 and count(db) == 3
