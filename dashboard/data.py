"""The dashboard's door to the database: cached calls of store.queries.

Results are cached per database version (file size and modification time), so a page rerun
costs no query, and `python -m extract` writing new records shows up on the next rerun. No
connection is kept between calls: DuckDB allows one writer or many readers, never both.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

import store
from dashboard import state
from extract.regions import REGIONS
from store import queries


def db_file() -> Path:
    return store.db_path()


def version() -> tuple[str, int, int]:
    path = db_file()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (str(path), 0, 0)
    return (str(path), stat.st_mtime_ns, stat.st_size)


@st.cache_data(show_spinner=False, max_entries=256)
def _run(name: str, db_version: tuple[str, int, int], kwargs: tuple) -> object:
    args = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs}
    with store.connect(db_version[0], read_only=True) as con:
        return getattr(queries, name)(con, **args)


def query(name: str, **kwargs) -> pd.DataFrame:
    """Call queries.<name>(con, **kwargs) through the cache; region names in the page's language."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    result = _run(name, version(), frozen)
    if isinstance(result, pd.DataFrame) and "region_name" in result.columns and state.lang() == "en":
        result = result.assign(region_name=[english_name(c, n) for c, n in
                                            zip(result["region_code"], result["region_name"], strict=True)])
    return result


def english_name(code: str, chinese: str) -> str:
    """Zhengzhou for 郑州市; "Shanyang District, Jiaozuo" for 焦作市山阳区; else the Chinese as written."""
    return REGIONS.english_name(code) or chinese


@st.cache_data(show_spinner=False, max_entries=8)
def _universe(db_version: tuple[str, int, int], lang: str) -> pd.DataFrame:  # lang: part of the cache key
    # The raw (Chinese) names: query() would already translate them, and translating twice
    # turns 焦作市山阳区 into "Jiaozuo Jiaozuo 山阳区".
    henan = _run("henan_cities", db_version, ()).rename(columns={"code": "region_code", "name": "region_name"})
    reported = _run("reported_regions", db_version, ())
    reported = reported[reported["scope"] == "city"][["region_code", "region_name"]]  # counties are not cities
    both = pd.concat([reported, henan[["region_code", "region_name"]]]).drop_duplicates("region_code")
    if lang == "en":
        pairs = zip(both["region_code"], both["region_name"], strict=True)
        both["region_name"] = [english_name(code, name) for code, name in pairs]
    return both.sort_values("region_code").reset_index(drop=True)


def universe() -> pd.DataFrame:
    """Henan's 18 cities and every other city with a report: who a city chart must account for."""
    return _universe(version(), state.lang())
