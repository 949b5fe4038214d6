"""store.review: decisions lie over extracted records everywhere, survive re-reading, and are logged."""

import duckdb
import pytest
from pydantic import ValidationError

import store
from store import ingest
from store.review import Changes, Decision, decide, history, orphaned, queue, unreviewed_count

TEXT = ("许昌市人大常委会开展联动监督,召开座谈会9次,收集意见建议87条。"
        "全市已建成老年助餐点216个。其中,城关镇已建成助餐点12个。")


def _db(tmp_path, text=TEXT):
    path = tmp_path / "xuchang.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "a.duckdb"
    assert ingest([path], db).ok
    return db, path


def _one(db, sql, params=()):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchone()


def _key(db, indicator, value):
    return _one(db, "SELECT record_key FROM records WHERE indicator = ? AND value = ?", [indicator, value])[0]


def test_the_queue_puts_doubtful_values_first(tmp_path):
    db, _ = _db(tmp_path)
    with store.connect(db, read_only=True) as con:
        q = queue(con)
        assert q["value"].tolist()[0] == 12 and "subset" in q["flags"].iloc[0]
        assert unreviewed_count(con) == len(q)


def test_a_correction_shows_everywhere_and_is_logged(tmp_path):
    db, _ = _db(tmp_path)
    key = _key(db, "symposia", 9)
    with store.connect(db) as con:
        decide(con, Decision(record_key=key, action="correct", changes=Changes(value=19), reason="原文为19次",
                             reviewer="王审核"))
    assert _one(db, "SELECT value, review_state, original_value FROM records_effective WHERE record_key = ?",
                [key]) == (19, "corrected", 9)
    assert _one(db, "SELECT value FROM latest_primary WHERE indicator = 'symposia'") == (19,)
    assert _one(db, "SELECT value FROM records WHERE record_key = ?", [key]) == (9,)  # extraction untouched
    with store.connect(db, read_only=True) as con:
        log = history(con, key)
    assert log["who"].tolist() == ["王审核"] and '"value":19' in log["new"].iloc[0].replace(" ", "")


def test_a_rejected_value_leaves_the_charts(tmp_path):
    db, _ = _db(tmp_path)
    key = _key(db, "meal_sites", 216)
    with store.connect(db) as con:
        decide(con, Decision(record_key=key, action="reject", reason="不是本市数字", reviewer="李"))
    assert _one(db, "SELECT count(*) FROM latest_primary WHERE indicator = 'meal_sites'") == (0,)


def test_decisions_survive_newer_rules_and_a_new_version_where_the_sentence_stands(tmp_path):
    db, path = _db(tmp_path)
    key = _key(db, "symposia", 9)
    with store.connect(db) as con:
        decide(con, Decision(record_key=key, action="correct", changes=Changes(value=19), reason="r", reviewer="w"))
        con.execute("UPDATE documents SET extractor_version = 'older rules'")
    assert ingest([path], db).count("replaced") == 1  # re-read by the current rules
    assert _one(db, "SELECT value FROM latest_primary WHERE indicator = 'symposia'") == (19,)
    path.write_text(TEXT + "走访老年人412人。", encoding="utf-8")  # a new version, same sentence
    ingest([path], db)
    assert _one(db, "SELECT value FROM latest_primary WHERE indicator = 'symposia'") == (19,)
    assert _one(db, "SELECT count(*) FROM document_history") == (1,)  # the old version is kept
    path.write_text(TEXT.replace("召开座谈会9次", "召开座谈会11次"), encoding="utf-8")  # the sentence is gone
    ingest([path], db)
    with store.connect(db, read_only=True) as con:
        assert orphaned(con)["record_key"].tolist() == [key]  # back to the reviewer


def test_bad_decisions_are_refused(tmp_path):
    db, _ = _db(tmp_path)
    key = _key(db, "symposia", 9)
    with pytest.raises(ValidationError):
        Changes(indicator="no_such_thing")
    with pytest.raises(ValidationError):
        Decision(record_key=key, action="correct", reason="", reviewer="w")
    with store.connect(db) as con:
        with pytest.raises(ValueError, match="must change"):
            decide(con, Decision(record_key=key, action="correct", reason="r", reviewer="w"))
        with pytest.raises(ValueError, match="unknown region"):
            decide(con, Decision(record_key=key, action="correct", changes=Changes(region_code="999999"), reason="r",
                                 reviewer="w"))


def test_a_refused_decision_says_why_as_a_code(tmp_path):
    from store.review import ReviewError

    db, _ = _db(tmp_path)
    key = _key(db, "symposia", 9)
    with store.connect(db) as con:
        with pytest.raises(ReviewError) as refused:
            decide(con, Decision(record_key=key, action="correct", changes=Changes(region_code="999999"), reason="r",
                                 reviewer="w"))
        assert (refused.value.code, refused.value.params) == ("unknown_region", {"code": "999999"})
        with pytest.raises(ReviewError) as refused:
            decide(con, Decision(record_key="no-such-key", action="confirm", reason="r", reviewer="w"))
        assert refused.value.code == "gone"


def _decided_mismatches(db) -> int:
    """Records whose decided flag disagrees with corrections (records_effective trusts the flag)."""
    return _one(db, "SELECT count(*) FROM records r WHERE r.decided <> EXISTS "
                    "(SELECT 1 FROM corrections c WHERE c.record_key = r.record_key)")[0]


def test_the_decided_flag_mirrors_corrections_through_every_write(tmp_path):
    db, path = _db(tmp_path)
    key = _key(db, "symposia", 9)
    with store.connect(db) as con:
        decide(con, Decision(record_key=key, action="correct", changes=Changes(value=19), reason="r", reviewer="w"))
    assert _one(db, "SELECT count(*) FILTER (decided) FROM records") == (1,) and _decided_mismatches(db) == 0
    with store.connect(db) as con:
        con.execute("UPDATE documents SET extractor_version = 'older rules'")
    ingest([path], db)  # re-read: the records are written again, the decision must find its record
    assert _decided_mismatches(db) == 0 and _one(db, "SELECT count(*) FILTER (decided) FROM records") == (1,)
    path.write_text(TEXT + "走访老年人412人。", encoding="utf-8")
    ingest([path], db)
    assert _decided_mismatches(db) == 0
    assert _one(db, "SELECT value, review_state FROM records_effective WHERE record_key = ?", [key]) == (19, "corrected")


def test_a_moved_record_is_found_under_its_new_place_and_not_its_old(tmp_path):
    """A filter on the corrected column reaches the decided rows too (the view's second branch)."""
    db, _ = _db(tmp_path)
    key = _key(db, "meal_sites", 216)
    with store.connect(db) as con:
        decide(con, Decision(record_key=key, action="correct", changes=Changes(region_code="411002"),
                             reason="r", reviewer="w"))
    assert _one(db, "SELECT count(*) FROM records_effective WHERE region_code = '411002'") == (1,)
    assert _one(db, "SELECT count(*) FROM records_effective WHERE region_code = '411000' AND record_key = ?",
                [key]) == (0,)
    assert _one(db, "SELECT count(*) FROM records_effective") == _one(db, "SELECT count(*) FROM records")
