"""dashboard.data: a run's queries share one read-only connection, and none outlives the run."""

import shutil

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import store
from store import connection
from tests.dashboard.conftest import APP


@pytest.fixture
def own_copy(seeds_db, tmp_path, monkeypatch):
    db = tmp_path / "aging.duckdb"
    shutil.copy(seeds_db, db)
    monkeypatch.setenv("AGING_DB", str(db))
    return db


def test_a_cold_page_opens_the_database_once_and_closes_it(own_copy, monkeypatch):
    opened = []
    real_open = connection._open

    def counting_open(target, read_only, deadline):
        opened.append(read_only)
        return real_open(target, read_only, deadline)

    AppTest.from_file(APP, default_timeout=60).run()  # the first run checks (and may upgrade) the file
    monkeypatch.setattr(connection, "_open", counting_open)
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception
    assert opened == [True]  # several queries missed the cache; one connection served them all
    # Nothing is left open: a writer in this process gets the file without waiting.
    with store.connect(own_copy, wait_seconds=0) as con:
        con.execute("CHECKPOINT")


@pytest.mark.parametrize(("code", "chinese", "english"), [
    ("410100", "郑州市", "Zhengzhou"),
    ("410811", "焦作市山阳区", "Shanyang District, Jiaozuo"),
    ("410700", "新乡市小冀镇", "Xiaoji Town, Xinxiang"),  # a town with no code of its own, under its city
    ("411400", "商丘市文化路社区", "Wenhualu Community, Shangqiu"),
    ("411000", "许昌市市区", "Xuchang urban area"),
    ("999999", "某地", "Moudi"),  # a code nothing knows: the name as it sounds, never Chinese in an English view
])
def test_every_place_has_an_english_name(code, chinese, english):
    from dashboard.data import english_name

    assert english_name(code, chinese) == english


def test_a_query_outside_a_page_run_keeps_no_connection(own_copy):
    """A download's rows are made when its button is pressed, outside the page's run: nothing would
    close a kept connection there, and every later write would wait on it."""
    import threading

    from dashboard import data

    st.cache_data.clear()
    queried, written = threading.Event(), threading.Event()

    def server_thread():  # like the server's, it lives on after the query
        data.query("document_count")
        queried.set()
        written.wait(10)

    worker = threading.Thread(target=server_thread)
    worker.start()
    try:
        assert queried.wait(10)
        with store.connect(own_copy, wait_seconds=0) as con:
            con.execute("CHECKPOINT")
    finally:
        written.set()
        worker.join()
