"""A real DuckDB file built from the bundled seeds by the real ingest path, shared by the dashboard tests."""

from pathlib import Path

import pytest

from store import ingest
from store.ingest import SEEDS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "aging.duckdb"
    assert ingest([SEEDS], db).ok
    return db


@pytest.fixture
def app_env(seeds_db, monkeypatch) -> Path:
    monkeypatch.setenv("AGING_DB", str(seeds_db))
    return seeds_db
