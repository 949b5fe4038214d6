-- The DuckDB schema at SCHEMA_VERSION (store/schema.py). Analysts query these tables directly
-- (interface.md), so columns are only ever added, never renamed; a database written by an
-- older version is upgraded in place by store/schema.py's migrations. Spans index into
-- documents.text (Python str offsets).

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,              -- schema_version, reference_hash
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    source_file   VARCHAR PRIMARY KEY,   -- file name as given on the command line (no folder)
    sha256        VARCHAR NOT NULL,      -- of the raw bytes: re-ingesting the same bytes is a no-op
    encoding      VARCHAR NOT NULL,
    decimals_lost BOOLEAN NOT NULL,      -- the file lost its decimal points (PDF conversion)
    text          VARCHAR NOT NULL,      -- the decoded original text that spans point into
    ingested_at   TIMESTAMP NOT NULL,
    extractor_version VARCHAR,           -- the rules that read it: newer rules re-read the file
    replaced_chars INTEGER NOT NULL DEFAULT 0  -- undecodable bytes replaced by U+FFFD
);

CREATE TABLE IF NOT EXISTS reports (
    report_id      VARCHAR PRIMARY KEY,
    source_file    VARCHAR NOT NULL,
    bulletin_issue VARCHAR,
    bulletin_date  VARCHAR,
    album_no       INTEGER,
    region_code    VARCHAR NOT NULL,
    region_name    VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    text           VARCHAR NOT NULL       -- the report's original characters
);

CREATE TABLE IF NOT EXISTS records (
    report_id       VARCHAR NOT NULL,
    source_file     VARCHAR NOT NULL,
    bulletin_issue  VARCHAR,
    bulletin_date   VARCHAR,
    region_code     VARCHAR NOT NULL,
    region_name     VARCHAR NOT NULL,
    indicator       VARCHAR NOT NULL,
    value           DOUBLE NOT NULL,
    unit            VARCHAR NOT NULL,
    qualifier       VARCHAR NOT NULL,
    age_threshold   INTEGER,
    population_base VARCHAR,
    status          VARCHAR,
    ref_period      VARCHAR,
    printed         VARCHAR NOT NULL,
    quote           VARCHAR NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    flags           VARCHAR[] NOT NULL,
    confidence      DOUBLE NOT NULL,
    "primary"       BOOLEAN NOT NULL,
    alternatives    DOUBLE[] NOT NULL,
    steps           VARCHAR NOT NULL,
    quote_start     INTEGER,             -- the quote's place in documents.text
    quote_end       INTEGER,
    record_key      VARCHAR,             -- the anchor corrections attach to (store.writes.RECORD_KEY_SQL)
    decided         BOOLEAN NOT NULL DEFAULT false  -- corrections holds a decision on it (store.writes.mark_decided)
);

CREATE INDEX IF NOT EXISTS records_by_indicator ON records (indicator, region_code);
CREATE INDEX IF NOT EXISTS records_by_file ON records (source_file);

-- Reviewers' decisions: never an overwrite of what was extracted (store/review.py).
CREATE SEQUENCE IF NOT EXISTS corrections_id;
CREATE TABLE IF NOT EXISTS corrections (
    id          BIGINT PRIMARY KEY DEFAULT nextval('corrections_id'),
    record_key  VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,       -- confirm, correct, reject
    changes     VARCHAR NOT NULL,       -- JSON of the fields set: value, region_code, indicator, …
    reason      VARCHAR NOT NULL,
    reviewer    VARCHAR NOT NULL,
    decided_at  TIMESTAMP NOT NULL
);

-- Who changed what, when, from what to what, and why.
CREATE TABLE IF NOT EXISTS audit_log (
    logged_at   TIMESTAMP NOT NULL,
    who         VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    source_file VARCHAR,
    record_key  VARCHAR,
    old         VARCHAR,                -- JSON
    new         VARCHAR,                -- JSON
    reason      VARCHAR
);

-- Earlier versions of a file, kept when a new version of the same bulletin replaces them.
CREATE TABLE IF NOT EXISTS document_history (
    source_file       VARCHAR NOT NULL,
    sha256            VARCHAR NOT NULL,
    extractor_version VARCHAR,
    ingested_at       TIMESTAMP NOT NULL,
    replaced_at       TIMESTAMP NOT NULL,
    text              VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS indicators (
    code      VARCHAR PRIMARY KEY,
    name_zh   VARCHAR NOT NULL,
    name_en   VARCHAR NOT NULL,
    unit      VARCHAR NOT NULL,
    domain    VARCHAR NOT NULL,
    headline  INTEGER,                  -- position on the overview page, NULL if not headline
    sort_key  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS regions (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,        -- province, prefecture, county
    parent      VARCHAR,
    name_en     VARCHAR,
    population_10k DOUBLE             -- 2023 resident population (万人), Henan cities only
);

-- latest_primary (derived; every write updates it in the same transaction, see store/writes.py):
-- for each region, indicator and attributes, the primary record of the newest bulletin — what
-- the charts show. Created from store/queries.py's LATEST_PRIMARY_SQL.
