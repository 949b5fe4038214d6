"""store.schema: a fresh file gets the current schema; a first-release file is upgraded in place."""

import duckdb
import pytest

import store
from store import SCHEMA_VERSION, ingest
from store.schema import ensure_schema, needs_work, version
from tests.conftest import FIXTURES

LUOYANG = "洛阳市人大常委会开展联动监督,召开座谈会12次,收集意见建议58条。"


def test_a_fresh_file_gets_the_current_version(tmp_path):
    db = tmp_path / "a.duckdb"
    with store.connect(db) as con:
        assert version(con) == 0
        ensure_schema(con)
        assert version(con) == SCHEMA_VERSION
        assert not needs_work(con)
        assert con.execute("SELECT count(*) FROM latest_primary").fetchone()[0] == 0


def test_a_first_release_database_is_upgraded_in_place(tmp_path):
    db = tmp_path / "v1.duckdb"
    with duckdb.connect(str(db)) as con:  # exactly what the first release wrote
        con.execute((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
        con.execute("INSERT INTO documents (source_file, sha256, encoding, decimals_lost, text, ingested_at) "
                    "VALUES ('old.txt', 'x', 'utf-8', false, ?, now())", [LUOYANG])
        con.execute("INSERT INTO reports VALUES ('r1', 'old.txt', NULL, NULL, NULL, '410300', '洛阳市', 't', 0, 10, ?)",
                    [LUOYANG])
        con.execute("INSERT INTO records (report_id, source_file, region_code, region_name, indicator, value, unit,"
                    " qualifier, printed, quote, span_start, span_end, flags, confidence, \"primary\", alternatives,"
                    " steps) VALUES ('r1', 'old.txt', '410300', '洛阳市', 'symposia', 12, 'meeting', 'exact', '12',"
                    " '召开座谈会12次', 20, 22, [], 0.9, true, [], '')")
        assert version(con) == 1
    with store.connect(db, read_only=True) as con:
        assert needs_work(con)
    assert not store.prepare_database(db, FIXTURES)  # upgrades; builds nothing
    with store.connect(db, read_only=True) as con:
        assert version(con) == SCHEMA_VERSION
        assert con.execute("SELECT replaced_chars FROM documents").fetchone()[0] == 0
        # The charts' table is built from what the old file held.
        assert con.execute("SELECT value FROM latest_primary WHERE indicator = 'symposia'").fetchone()[0] == 12
    # And it takes new files as usual.
    (tmp_path / "new.txt").write_text(LUOYANG.replace("洛阳", "开封"), encoding="utf-8")
    assert ingest([tmp_path / "new.txt"], db).count("stored") == 1


def test_a_database_from_a_newer_program_is_refused(tmp_path):
    db = tmp_path / "future.duckdb"
    with store.connect(db) as con:
        ensure_schema(con)
        con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with store.connect(db) as con, pytest.raises(store.StorageError, match="newer than this program"):
        ensure_schema(con)


def test_a_version_4_database_keeps_its_decisions(tmp_path):
    """Version 5 marks decided records (records.decided); the decisions show as before."""
    from store.review import Changes, Decision, decide

    db = tmp_path / "v4.duckdb"
    (tmp_path / "a.txt").write_text(LUOYANG, encoding="utf-8")
    ingest([tmp_path / "a.txt"], db)
    with store.connect(db) as con:
        key = con.execute("SELECT record_key FROM records WHERE indicator = 'symposia'").fetchone()[0]
        decide(con, Decision(record_key=key, action="correct", changes=Changes(value=13), reason="r", reviewer="w"))
    with duckdb.connect(str(db)) as con:  # back to what version 4 wrote: no decided column
        con.execute("DROP VIEW records_effective")
        for index in ("records_by_indicator", "records_by_file"):
            con.execute(f"DROP INDEX {index}")
        con.execute("ALTER TABLE records DROP COLUMN decided")
        con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    assert not store.prepare_database(db, FIXTURES)
    with store.connect(db, read_only=True) as con:
        assert version(con) == SCHEMA_VERSION
        assert con.execute("SELECT value, review_state FROM records_effective WHERE record_key = ?",
                           [key]).fetchone() == (13, "corrected")
        assert con.execute("SELECT value FROM latest_primary WHERE indicator = 'symposia'").fetchone()[0] == 13
