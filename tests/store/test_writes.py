"""store: a real DuckDB file; one transaction per document; re-ingesting replaces."""

import duckdb
import pytest

import store
from extract import extract_text
from store import queries
from store.schema import ensure_schema
from store.writes import store_document, stored_versions, version_key

TEXT = "洛阳市人大常委会开展联动监督,召开座谈会12次,收集意见建议58条。"


def put(db, doc) -> bool:
    """Store doc as ingest does; False when the same bytes were already stored under its name."""
    with store.connect(db) as con:
        ensure_schema(con)
        known = stored_versions(con)
        if known.get(doc.source_file) == version_key(doc.sha256):
            return False
        store_document(con, doc, known=doc.source_file in known)
    return True


def _count(db, sql="SELECT count(*) FROM records"):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_store_and_read_back(tmp_path):
    db = tmp_path / "a.duckdb"
    doc = extract_text(TEXT, "luoyang.txt")
    assert put(db, doc)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute('SELECT indicator, value, flags, "primary" FROM records ORDER BY indicator').fetchall()
        assert rows == [("suggestions", 58.0, [], True), ("symposia", 12.0, [], True)]
        (text,) = con.execute("SELECT text FROM documents").fetchone()
        assert text == TEXT
        assert con.execute("SELECT count(*) FROM indicators").fetchone()[0] >= 24
        assert con.execute("SELECT name FROM regions WHERE code = '410811'").fetchone()[0] == "山阳区"


def test_same_bytes_again_is_a_no_op_and_changed_bytes_replace(tmp_path):
    db = tmp_path / "a.duckdb"
    put(db, extract_text(TEXT, "luoyang.txt"))
    assert not put(db, extract_text(TEXT, "luoyang.txt"))
    assert _count(db) == 2
    put(db, extract_text(TEXT.replace("58", "60"), "luoyang.txt"))
    assert _count(db) == 2
    assert _count(db, "SELECT max(value) FROM records WHERE indicator = 'suggestions'") == 60


def test_a_failing_document_leaves_what_was_stored(tmp_path):
    db = tmp_path / "a.duckdb"
    good = extract_text(TEXT, "good.txt")
    put(db, good)
    bad = extract_text(TEXT.replace("12", "13"), "good.txt")
    # A record that breaks a NOT NULL column makes the insert fail inside the transaction.
    broken = bad.model_copy(update={"reports": [bad.reports[0].model_copy(update={"title": None})]})
    with pytest.raises(duckdb.Error):
        put(db, broken)
    assert _count(db, "SELECT max(value) FROM records WHERE indicator = 'symposia'") == 12


def test_read_only_without_database_is_a_clear_error(tmp_path):
    with pytest.raises(store.StorageError, match="no database yet"), store.connect(
        tmp_path / "none.duckdb", read_only=True
    ):
        pass


def test_not_a_duckdb_file(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(store.StorageError, match=r"junk\.duckdb"), store.connect(junk, read_only=True):
        pass


def test_aging_db_names_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("AGING_DB", str(tmp_path / "env.duckdb"))
    assert store.db_path() == tmp_path / "env.duckdb"
    assert store.db_path(tmp_path / "x.duckdb") == tmp_path / "x.duckdb"


def test_latest_primary_keeps_the_newest_bulletin_per_city(tmp_path):
    db = tmp_path / "a.duckdb"
    old = "(２０２４年　第３期)\n\n河南省人大社会建设委员会 ２０２４年３月１日\n\n洛阳: 标题\n\n召开座谈会１２次.\n"
    new = "(２０２４年　第９期)\n\n河南省人大社会建设委员会 ２０２４年９月１日\n\n洛阳: 标题\n\n召开座谈会２０次.\n"
    put(db, extract_text(old, "old.txt"))
    put(db, extract_text(new, "new.txt"))
    with store.connect(db, read_only=True) as con:
        shown = queries.latest_values(con, "symposia")
        assert shown["value"].tolist() == [20.0]
        assert shown["bulletin_date"].tolist() == ["2024-09-01"]
        assert con.execute("SELECT count(*) FROM records WHERE indicator = 'symposia'").fetchone()[0] == 2


def test_a_reader_waits_for_a_writer_in_another_process(tmp_path):
    import subprocess
    import sys
    import time

    db = tmp_path / "locked.duckdb"
    put(db, extract_text(TEXT, "luoyang.txt"))
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, time, sys; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(1.5)"
    ), str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    start = time.monotonic()
    with store.connect(db, read_only=True, wait_seconds=20) as con:  # python -m extract writing, say
        assert con.execute("SELECT count(*) FROM records").fetchone()[0] == 2
    assert time.monotonic() - start > 0.5
    holder.wait(timeout=10)
