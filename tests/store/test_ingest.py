"""store.ingest: one path in for every caller; bad files fail alone with one line; nothing stored is lost."""

import multiprocessing
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

import store
from store import ingest
from store.ingest import SEEDS
from tests.conftest import FIXTURES

LUOYANG = "洛阳市人大常委会开展联动监督,召开座谈会12次,收集意见建议58条。"


def _count(db, sql="SELECT count(*) FROM records"):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_new_then_unchanged_then_changed(tmp_path):
    db = tmp_path / "a.duckdb"
    first = ingest([SEEDS], db)
    assert first.ok and first.count("stored") == 5
    records = _count(db)
    again = ingest([SEEDS], db)
    assert again.count("unchanged") == 5 and _count(db) == records
    assert [f.records for f in again.files] == [f.records for f in first.files]  # told from what is stored
    assert [f.regions for f in again.files] == [f.regions for f in first.files]


def test_dry_run_keeps_documents_and_touches_nothing(tmp_path):
    db = tmp_path / "none.duckdb"
    report = ingest([SEEDS], db, dry_run=True)
    assert report.count("checked") == 5 and len(report.documents) == 5 and not db.exists()


def test_latest_primary_follows_every_write(tmp_path):
    db = tmp_path / "a.duckdb"
    text = tmp_path / "luoyang.txt"
    text.write_text(LUOYANG, encoding="utf-8")
    ingest([text], db)
    text.write_text(LUOYANG.replace("12次", "15次"), encoding="utf-8")
    assert ingest([text], db).count("replaced") == 1
    assert _count(db, "SELECT list(value) FROM latest_primary WHERE indicator = 'symposia'") == [15.0]


def test_progress_is_reported(tmp_path):
    seen = []
    ingest([SEEDS], tmp_path / "a.duckdb", lambda n, total, name: seen.append((n, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


def _bad_batch(folder):
    """Every kind of bad input this machine can make, beside two good files."""
    folder.mkdir()
    for name in ("empty.txt", "logo.png", "no_region.txt"):
        shutil.copy(FIXTURES / "bad" / name, folder / name)
    (folder / "whitespace.txt").write_text(" \n\t\n　\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    shutil.copy(FIXTURES / "bad" / "logo.png", folder / "picture.txt")  # a PNG under a text name
    (folder / "nul.txt").write_bytes(LUOYANG.encode() + b"\x00\x00" + LUOYANG.encode())
    (folder / "page.txt").write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    (folder / "one line.txt").write_text("数" * 5_000_000, encoding="utf-8")  # 15 MB on one line, no number
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "line\nbreak.txt").write_text("no Chinese at all", encoding="utf-8")
    (folder / "旧版.doc.txt").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600)
    with (folder / "huge.txt").open("wb") as f:  # 50 MB, refused by its size before a byte is read
        f.truncate(50 * 1024 * 1024)
    for name in ("encrypted.pdf", "corrupt.docx"):
        shutil.copy(FIXTURES / "formats" / name, folder / name)
    # Good ones, among them names with spaces and Chinese, UTF-16 and a damaged byte.
    (folder / "洛阳 简报.txt").write_text(LUOYANG, encoding="utf-8")
    (folder / "utf16.txt").write_text(LUOYANG.replace("洛阳", "开封"), encoding="utf-16")
    (folder / "damaged.txt").write_bytes(LUOYANG.replace("洛阳", "新乡").encode()[:-4] + b"\xff\xfe" + "。".encode())
    (folder / "gbk.txt").write_bytes(LUOYANG.replace("洛阳", "安阳").encode("gb18030"))
    (folder / "truncated.txt").write_bytes(LUOYANG.replace("洛阳", "鹤壁").encode()[:-1])  # cut inside 。
    return folder


def test_a_batch_of_bad_input_fails_file_by_file(tmp_path):
    db = tmp_path / "a.duckdb"
    run = subprocess.run([sys.executable, "-m", "extract", str(_bad_batch(tmp_path / "batch")), "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    # One line for each bad file, and it names the file.
    for name, why in [("empty.txt", "empty file"), ("whitespace.txt", "empty file"), ("binary.txt", "binary"),
                      ("picture.txt", "an image"), ("nul.txt", "binary"),
                      ("page.txt", "no Chinese"), ("loop.txt", "loops"), ("pipe.txt", "not a regular file"),
                      ("line\\nbreak.txt", "no Chinese"), ("旧版.doc.txt", ".doc"), ("no_region.txt", "no region"),
                      ("one line.txt", "no region"), ("huge.txt", "over the 20 MB limit"),
                      ("encrypted.pdf", "password-protected"), ("corrupt.docx", "not a readable Word file")]:
        hits = [e for e in errors if f"error: {name}:" in e]
        assert len(hits) == 1, (name, errors)
        assert why in hits[0], hits[0]
    assert len(errors) == 15  # logo.png is not a bulletin's name: the folder scan passes it over
    # Every good file landed; the damaged one says what was replaced.
    assert _count(db, "SELECT count(DISTINCT source_file) FROM records") == 5
    assert _count(db, "SELECT replaced_chars FROM documents WHERE source_file = 'damaged.txt'") == 3
    assert "damaged.txt: 3 undecodable characters replaced" in run.stderr


def _as_nobody(args: list[str], out) -> None:
    import io

    from extract.cli import run

    os.setgid(65534)
    os.setuid(65534)
    err = io.StringIO()
    code = run(args[:-1], args[-1], False, "table", err=err)
    out.put((code, err.getvalue()))


def test_an_unreadable_folder_and_file_fail_alone(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to an unprivileged user")
    # Root reads everything, so a forked child turns into nobody and ingests, as the CLI does.
    top = tmp_path / "open"
    top.mkdir()
    top.chmod(0o777)
    for folder in (tmp_path, *tmp_path.parents):
        if folder != folder.parent and folder.stat().st_mode & 0o005 != 0o005:
            folder.chmod(folder.stat().st_mode | 0o005)
    (top / "good.txt").write_text(LUOYANG, encoding="utf-8")
    (top / "secret.txt").write_text(LUOYANG, encoding="utf-8")
    (top / "secret.txt").chmod(0o000)
    locked = top / "locked"
    locked.mkdir(mode=0o700)
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    child = ctx.Process(target=_as_nobody, args=([str(top / "good.txt"), str(top / "secret.txt"), str(locked),
                                                   str(top / "a.duckdb")], out))
    child.start()
    code, stderr = out.get(timeout=60)
    child.join(timeout=10)
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert code == 1 and "Traceback" not in stderr, stderr
    assert any("secret.txt: cannot read" in e for e in errors), errors
    assert any("locked: cannot read the folder" in e for e in errors), errors
    assert _count(top / "a.duckdb") == 2


def _start(db: str, seeds: str) -> str:
    try:
        return "built" if store.prepare_database(db, seeds) else "found"
    except Exception as exc:  # the test reports it
        return f"{type(exc).__name__}: {exc}"


def test_three_first_starts_at_once_build_one_whole_database(tmp_path):
    for attempt in range(3):
        db = tmp_path / f"a{attempt}.duckdb"
        with multiprocessing.get_context("spawn").Pool(3) as pool:
            outcomes = pool.starmap(_start, [(str(db), str(SEEDS))] * 3)
        assert sorted(outcomes) == ["built", "found", "found"], outcomes
        assert _count(db, "SELECT count(*) FROM documents") == 5
        assert not list(tmp_path.glob("*.building-*"))


def test_a_long_file_is_staged_on_disk_and_stored_whole(tmp_path, monkeypatch):
    import random

    from extract import pipeline
    from tests.bench.corpus import bulletin

    ingest_module = sys.modules["store.ingest"]
    rng = random.Random(5)
    volume = tmp_path / "in" / "volume.txt"
    volume.parent.mkdir()
    volume.write_text("\n".join(bulletin(n, rng) for n in range(30)), encoding="utf-8")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 20_000)
    expected = ingest([volume], tmp_path / "whole.duckdb")  # under the threshold: extracted in memory
    monkeypatch.setattr(ingest_module, "STREAM_BYTES", 10_000)
    staged = ingest([volume], tmp_path / "staged.duckdb")
    assert staged.ok and staged.files[0].records == expected.files[0].records > 100
    assert staged.files[0].regions == expected.files[0].regions
    sql = "SELECT list((span_start, indicator, value, record_key, \"primary\") ORDER BY ALL) FROM records"
    assert _count(tmp_path / "staged.duckdb", sql) == _count(tmp_path / "whole.duckdb", sql)
    for table in ("latest_primary", "reports", "documents"):
        assert _count(tmp_path / "staged.duckdb", f"SELECT count(*) FROM {table}") == \
            _count(tmp_path / "whole.duckdb", f"SELECT count(*) FROM {table}")
    text = _count(tmp_path / "staged.duckdb", "SELECT text FROM documents")
    assert text == volume.read_text(encoding="utf-8") == _count(tmp_path / "whole.duckdb", "SELECT text FROM documents")
    assert not list(tmp_path.glob(".staging-*")) and not list((tmp_path).rglob("*.parquet"))
    assert ingest([volume], tmp_path / "staged.duckdb").count("unchanged") == 1


def test_a_read_only_snapshot_is_checked_never_built_or_locked(tmp_path, monkeypatch):
    monkeypatch.setenv("AGING_DB_READ_ONLY", "1")
    with pytest.raises(store.StorageError, match="needs a built snapshot"):
        store.prepare_database(tmp_path / "none.duckdb", SEEDS)
    assert not list(tmp_path.iterdir())  # nothing built, no lock file
    monkeypatch.delenv("AGING_DB_READ_ONLY")
    db = tmp_path / "snap" / "aging.duckdb"
    assert store.prepare_database(db, SEEDS)
    files = sorted(p.name for p in db.parent.iterdir())
    monkeypatch.setenv("AGING_DB_READ_ONLY", "1")
    assert store.prepare_database(db, SEEDS) is False
    assert sorted(p.name for p in db.parent.iterdir()) == files
