"""A real DuckDB file built from the bundled seeds by the real pipeline, shared by the dashboard tests."""

from pathlib import Path

import pytest

from extract import extract_file, storage

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "aging.duckdb"
    storage.store_documents([extract_file(p) for p in sorted((ROOT / "seeds").glob("*.txt"))], db)
    return db


@pytest.fixture
def app_env(seeds_db, monkeypatch) -> Path:
    monkeypatch.setenv("AGING_DB", str(seeds_db))
    return seeds_db
