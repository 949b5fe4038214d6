"""The dashboard's door to the database: cached calls of store.queries.

Results are cached per database version (file size and modification time), so a page rerun
costs no query, and `python -m extract` writing new records shows up on the next rerun. DuckDB
allows one writer or many readers, never both: a page run's queries share one read-only
connection (opening a million-record file costs about 30 ms), closed when the run ends
(one_reader) and before the run writes (writing, ingest), so no connection outlives a run.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

import store
from dashboard import state
from dashboard.format import punctuation
from dashboard.i18n import place_part_en
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


_RUN = threading.local()  # a script run is one thread: its reader is that thread's


@contextlib.contextmanager
def one_reader() -> Iterator[None]:
    """The page's run (app.py): its queries share one reader, closed when the run ends. Outside
    it (a download's data, made when the button is pressed) every query opens and closes its own,
    since nothing would close a kept one."""
    _RUN.active = True
    try:
        yield
    finally:
        _RUN.active = False
        release()


@contextlib.contextmanager
def _reader(path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """This run's read-only connection to path, opened on its first query; outside a run, one for this call."""
    if not getattr(_RUN, "active", False):
        with store.connect(path, read_only=True) as con:
            yield con
        return
    if getattr(_RUN, "path", None) != path:
        release()
        stack = contextlib.ExitStack()
        _RUN.con = stack.enter_context(store.connect(path, read_only=True))
        _RUN.stack, _RUN.path = stack, path
    yield _RUN.con


def release() -> None:
    """Close this run's reader, if any (before a write, and when the run ends)."""
    stack = getattr(_RUN, "stack", None)
    _RUN.stack = _RUN.con = _RUN.path = None
    if stack is not None:
        stack.close()


@contextlib.contextmanager
def writing() -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection: this run's reader closes first, or the writer would wait on it."""
    release()
    with store.connect(db_file()) as con:
        yield con


def ingest(paths: list[Path]) -> store.IngestReport:
    """store.ingest into the dashboard's database, after this run's reader is closed."""
    release()
    return store.ingest(paths, db_file())


@st.cache_data(show_spinner=False, max_entries=256)
def _run(name: str, db_version: tuple[str, int, int], kwargs: tuple) -> object:
    args = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs}
    with _reader(db_version[0]) as con:
        return getattr(queries, name)(con, **args)


def frozen(kwargs: dict) -> tuple:
    """Keyword arguments as a cache key (lists become tuples)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))


def query(name: str, **kwargs) -> pd.DataFrame:
    """Call queries.<name>(con, **kwargs) through the cache; region names in the page's language."""
    return _in_language(_run(name, version(), frozen(kwargs)))


def query_uncached(name: str, **kwargs) -> pd.DataFrame:
    """query() for a caller that caches what it makes of the result (storing both would cost twice)."""
    with _reader(version()[0]) as con:
        return _in_language(getattr(queries, name)(con, **kwargs))


def _in_language(result: object) -> object:
    if not isinstance(result, pd.DataFrame):
        return result
    lang = state.lang()
    name = english_name if lang == "en" else (lambda code, chinese: chinese)
    if "region_name" in result.columns and lang == "en":
        result = result.assign(region_name=[name(c, n) for c, n in
                                            zip(result["region_code"], result["region_name"], strict=True)])
    if "region_pairs" in result.columns:  # a file's regions, listed in code order
        sep = punctuation(lang)[0]
        result = result.assign(regions=[sep.join(name(c, n) for c, n in sorted(map(tuple, pairs)))
                                        for pairs in result["region_pairs"]])
    return result


def english_name(code: str, chinese: str) -> str:
    """Zhengzhou for 郑州市; "Shanyang District, Jiaozuo" for 焦作市山阳区; "Xiaoji Town, Xinxiang" for a
    town stored under its city (新乡市小冀镇); for a code no table knows, the name as it sounds (pinyin)."""
    official = REGIONS.english_name(code)
    if official is None:
        return place_part_en(chinese)
    own = REGIONS.display_name(code)
    below = chinese[len(own):] if chinese.startswith(own) else ""
    if not below:
        return official
    part = place_part_en(below)
    return f"{official} {part}" if part[:1].islower() else f"{part}, {official}"  # Xuchang urban area


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
