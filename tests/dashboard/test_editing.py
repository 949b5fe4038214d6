"""Import and review pages: editing off without a password, sign-in with one, decisions stored and logged."""

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import auth
from store import ingest
from store.ingest import SEEDS
from tests.dashboard.conftest import APP

PASSWORD = "correct horse battery"


@pytest.fixture
def own_db(tmp_path, monkeypatch):
    """A database of the seeds this test may change."""
    db = tmp_path / "aging.duckdb"
    assert ingest([SEEDS], db).ok
    monkeypatch.setenv("AGING_DB", str(db))
    return db


@pytest.fixture
def editor_password(monkeypatch):
    monkeypatch.setenv(auth.ENV, auth.make_hash(PASSWORD))


def page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(f"views/{name}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sign_in(at: AppTest, who: str = "王审核", password: str = PASSWORD) -> AppTest:
    at.text_input(key="w_editor_name").set_value(who)
    at.text_input(key="w_password").set_value(password)
    at.get("form_submit_button")[0].click()
    at.run()
    return at


def test_hashes_are_salted_and_checked():
    first, second = auth.make_hash(PASSWORD), auth.make_hash(PASSWORD)
    assert first != second and PASSWORD not in first
    assert auth.check(PASSWORD, first) and not auth.check("wrong", first) and not auth.check(PASSWORD, "junk")


def test_attempts_are_limited():
    session: dict = {}
    limiter = auth.Limiter()
    for _ in range(auth.MAX_FAILURES):
        assert limiter.allowed(session, now=0) == 0
        limiter.failed(session, now=0)
    assert limiter.allowed(session, now=1) > 0 and limiter.allowed(session, now=auth.LOCKOUT_SECONDS + 1) == 0


@pytest.mark.parametrize("name", ["importer", "review"])
def test_editing_is_off_without_a_password(own_db, monkeypatch, name):
    monkeypatch.delenv(auth.ENV, raising=False)
    at = page(name)
    assert any("编辑功能未开启" in i.value for i in at.info)


def test_a_wrong_password_is_refused(own_db, editor_password):
    at = sign_in(page("review"), password="guess")
    assert any("不正确" in e.value for e in at.error)


def test_a_reviewer_confirms_and_corrects_and_the_log_says_who(own_db, editor_password):
    at = sign_in(page("review"))
    assert not at.exception and any("待校核" in c.value for c in at.caption)
    with duckdb.connect(str(own_db), read_only=True) as con:
        waiting = con.execute("SELECT count(*) FROM records_effective WHERE review_state = 'unreviewed'"
                              " AND len(flags) > 0").fetchone()[0]
    at.get("form_submit_button")[0].click()  # confirm, with the default reason
    at.run()
    at.radio[0].set_value("correct")
    at.number_input[0].set_value(12345.0)
    at.text_input(key="w_reason").set_value("原文核对后更正")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    with duckdb.connect(str(own_db), read_only=True) as con:
        log = con.execute("SELECT who, action, reason FROM audit_log ORDER BY logged_at").fetchall()
        assert [(w, a) for w, a, _ in log] == [("王审核", "confirm"), ("王审核", "correct")]
        assert con.execute("SELECT count(*) FROM records_effective WHERE value = 12345 AND review_state = 'corrected'"
                           ).fetchone()[0] == 1
        left = con.execute("SELECT count(*) FROM records_effective WHERE review_state = 'unreviewed'"
                           " AND len(flags) > 0").fetchone()[0]
    assert left == waiting - 2


def test_import_asks_for_files_once_signed_in(own_db, editor_password):
    at = sign_in(page("importer"))
    # AppTest cannot hand a file to an uploader: the browser suite uploads, previews and stores.
    assert at.get("file_uploader") and any("20 MB" in c.value for c in at.caption)


@pytest.mark.parametrize(("lang", "shown"), [("zh", False), ("en", True)])
def test_the_reading_steps_are_offered_only_in_their_own_language(own_db, editor_password, lang, shown):
    # The steps are written in English; the Chinese view gives the flags' reasons in Chinese instead.
    at = page("review")
    if lang == "en":
        at.session_state["v_lang"] = "en"
        at.run()
    at = sign_in(at)
    assert not at.exception, [e.value for e in at.exception]
    labels = [e.label for e in at.expander]
    assert ("How it was read" in labels) is shown and "读取过程" not in labels
