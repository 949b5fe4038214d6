"""The schema's version, creating it, upgrading an older database in place, and reference data.

Version 1 is the first release (no meta table). Each migration takes a database from one
version to the next inside one transaction, so an interrupted upgrade leaves the old version.
Reference tables (the indicator catalog, the regions) are shipped with the code and rewritten
only when their content changes, not on every write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from importlib import resources

import duckdb
import pandas as pd

from extract.catalog import CATALOG
from extract.regions import REGIONS
from store.connection import StorageError

SCHEMA_VERSION = 5


def _schema_sql() -> str:
    return resources.files("store").joinpath("schema.sql").read_text(encoding="utf-8")


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def version(con: duckdb.DuckDBPyConnection) -> int:
    """0 for an empty file, 1 for a first-release database, else what meta says."""
    tables = _tables(con)
    if "meta" in tables:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row:
            return int(row[0])
    return 1 if "documents" in tables else 0


def _v1_to_v2(con: duckdb.DuckDBPyConnection) -> None:
    # Columns some first-release databases already gained one by one.
    con.execute("ALTER TABLE documents ADD COLUMN IF NOT EXISTS extractor_version VARCHAR")
    con.execute("ALTER TABLE documents ADD COLUMN IF NOT EXISTS replaced_chars INTEGER DEFAULT 0")
    con.execute("ALTER TABLE records ADD COLUMN IF NOT EXISTS quote_start INTEGER")
    con.execute("ALTER TABLE records ADD COLUMN IF NOT EXISTS quote_end INTEGER")


def _v2_to_v3(con: duckdb.DuckDBPyConnection) -> None:
    """latest_primary gains scope and city_code; it is rebuilt after every migration."""


def _v3_to_v4(con: duckdb.DuckDBPyConnection) -> None:
    """Corrections need an anchor on every record; the tables for them come from schema.sql."""
    from store.writes import RECORD_KEY_SQL

    con.execute("ALTER TABLE records ADD COLUMN IF NOT EXISTS record_key VARCHAR")
    con.execute(f"UPDATE records SET record_key = {RECORD_KEY_SQL}")


def _v4_to_v5(con: duckdb.DuckDBPyConnection) -> None:
    """records.decided marks the records a reviewer decided on, so that records_effective lays
    decisions over those few rows instead of joining a million (store.writes.mark_decided)."""
    from store.writes import mark_decided

    # DuckDB alters no table that a view or an index depends on; schema.sql and ensure_schema
    # create them again after the migrations.
    con.execute("DROP VIEW IF EXISTS records_effective")
    con.execute("DROP INDEX IF EXISTS records_by_indicator")
    con.execute("DROP INDEX IF EXISTS records_by_file")
    con.execute("ALTER TABLE records ADD COLUMN decided BOOLEAN NOT NULL DEFAULT false")
    if "corrections" in _tables(con):  # an older database reaches here with none yet
        mark_decided(con)


# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}

# Each record with the latest reviewer's decision laid over it: what every page and export reads.
# Two branches, because a decision can move a record to another place or indicator: a filter on
# region_code cannot reach the table through the decided rows' coalesce, but it reaches the
# undecided ones (nearly all of them), and the decided ones are few (records.decided).
_OVERLAID = ("value", "region_code", "region_name", "indicator", "qualifier", "age_threshold", "population_base",
             "status", '"primary"')
EFFECTIVE_VIEW_SQL = f"""
CREATE OR REPLACE VIEW records_effective AS
SELECT r.* EXCLUDE (decided, {', '.join(_OVERLAID)}),
       NULL::VARCHAR AS review_reason, NULL::VARCHAR AS reviewer, NULL::TIMESTAMP AS decided_at,
       {', '.join('r.' + c for c in _OVERLAID)}, 'unreviewed' AS review_state,
       r.value AS original_value, r.region_code AS original_region_code, r.indicator AS original_indicator,
       r.qualifier AS original_qualifier
FROM records r WHERE NOT r.decided
UNION ALL BY NAME
SELECT d.* EXCLUDE (decided, action, changes, {', '.join(_OVERLAID)}),
       coalesce(TRY_CAST(json_extract_string(d.changes, '$.value') AS DOUBLE), d.value) AS value,
       coalesce(json_extract_string(d.changes, '$.region_code'), d.region_code) AS region_code,
       CASE WHEN json_extract_string(d.changes, '$.region_code') IS NULL THEN d.region_name
            ELSE (SELECT g.name FROM regions g WHERE g.code = json_extract_string(d.changes, '$.region_code'))
       END AS region_name,
       coalesce(json_extract_string(d.changes, '$.indicator'), d.indicator) AS indicator,
       coalesce(json_extract_string(d.changes, '$.qualifier'), d.qualifier) AS qualifier,
       coalesce(TRY_CAST(json_extract_string(d.changes, '$.age_threshold') AS INTEGER), d.age_threshold)
           AS age_threshold,
       coalesce(json_extract_string(d.changes, '$.population_base'), d.population_base) AS population_base,
       coalesce(json_extract_string(d.changes, '$.status'), d.status) AS status,
       CASE WHEN d.action = 'reject' THEN false
            ELSE coalesce(TRY_CAST(json_extract_string(d.changes, '$.primary') AS BOOLEAN), d."primary") END
           AS "primary",
       CASE d.action WHEN 'confirm' THEN 'confirmed' WHEN 'correct' THEN 'corrected' WHEN 'reject' THEN 'rejected'
            ELSE 'unreviewed' END AS review_state,
       d.value AS original_value, d.region_code AS original_region_code, d.indicator AS original_indicator,
       d.qualifier AS original_qualifier
FROM (
    SELECT r.*, l.action, l.changes, l.reason AS review_reason, l.reviewer, l.decided_at
    FROM (SELECT * FROM records WHERE decided) r
    JOIN (SELECT * FROM corrections QUALIFY row_number() OVER (PARTITION BY record_key ORDER BY id DESC) = 1) l
        USING (record_key)
) d
"""


@cache
def reference_hash() -> str:
    """What the shipped reference data is: a change to the catalog or the regions rewrites them."""
    blob = json.dumps([[i.model_dump(exclude={"cues"}) for i in CATALOG.indicators],
                       [(r.code, r.name, r.parent, r.name_en, r.population_10k) for r in REGIONS.all()]],
                      ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _write_reference(con: duckdb.DuckDBPyConnection) -> None:
    catalog = pd.DataFrame([
        {"code": i.code, "name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit,
         "domain": i.domain, "headline": i.headline, "sort_key": n}
        for n, i in enumerate(CATALOG.indicators)
    ])
    regions = pd.DataFrame([
        {"code": r.code, "name": r.name, "level": r.level, "parent": r.parent or None,
         "name_en": r.name_en, "population_10k": r.population_10k}
        for r in REGIONS.all()
    ])
    for table, frame in (("indicators", catalog), ("regions", regions)):
        con.register("reference_rows", frame)
        try:
            con.execute(f"DELETE FROM {table}")  # table names are the constants above, never input
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM reference_rows")
        finally:
            con.unregister("reference_rows")
    _set(con, "reference_hash", reference_hash())


def _set(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def needs_work(con: duckdb.DuckDBPyConnection) -> bool:
    """Would ensure_schema change anything? (A read-only opener asks before it asks for a write.)"""
    v = version(con)
    return v != SCHEMA_VERSION or _meta(con, "reference_hash") != reference_hash()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create, upgrade and refresh reference data as needed, each in one transaction."""
    from store.writes import rebuild_derived

    current = version(con)
    if current > SCHEMA_VERSION:
        raise StorageError(f"the database has schema version {current}, newer than this program's "
                           f"{SCHEMA_VERSION}: update the program")
    if current == SCHEMA_VERSION and _meta(con, "reference_hash") == reference_hash():
        return
    con.execute("BEGIN TRANSACTION")
    try:
        if current == 0:
            con.execute(_schema_sql())
        else:
            con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
            for step in range(current, SCHEMA_VERSION):
                MIGRATIONS[step](con)
            con.execute(_schema_sql())  # tables and indexes a migration did not need to touch
        con.execute(EFFECTIVE_VIEW_SQL)
        _set(con, "schema_version", str(SCHEMA_VERSION))
        _write_reference(con)
        rebuild_derived(con)
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
