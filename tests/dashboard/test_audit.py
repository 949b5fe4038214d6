"""dashboard.audit: the review page's history and returned decisions read as words in the page's
language, never as JSON or column names."""

import json
import re

import pandas as pd
import pytest

from dashboard import audit

BEFORE = {"indicator": "meal_sites", "region_code": "410500", "value": 20.0, "qualifier": "exact",
          "age_threshold": None, "population_base": None, "status": "operating", "primary": True,
          "review_state": "unreviewed"}
AFTER = {**BEFORE, "value": 25.0, "qualifier": "at_least", "region_code": "410522", "review_state": "corrected"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_changes_read_as_words_in_chinese():
    text = audit.changes_text(json.dumps(BEFORE), json.dumps(AFTER), "zh")
    assert "20 → 25" in text and "确切 → 不少于（≥）" in text and "安阳市 → " in text
    assert "{" not in text and "qualifier" not in text and "at_least" not in text


def test_changes_read_as_words_in_english():
    text = audit.changes_text(json.dumps(BEFORE), json.dumps(AFTER), "en")
    assert "20 → 25" in text and "exact → at least (≥)" in text and "Anyang" in text
    assert not HAN.search(text), text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_and_returned_decisions_have_no_raw_codes(lang):
    log = pd.DataFrame({"logged_at": [pd.Timestamp("2026-11-25 10:00:00")], "who": ["王芳"], "action": ["correct"],
                        "old": [json.dumps(BEFORE)], "new": [json.dumps(AFTER)], "reason": ["核对原文"]})
    table = audit.history_table(log, lang)
    orphans = pd.DataFrame({"source_file": ["a.txt"], "action": ["reject"], "changes": ["{}"], "reason": ["x"],
                            "reviewer": ["王芳"], "decided_at": [pd.Timestamp("2026-11-25 10:00:00")]})
    returned = audit.orphans_table(orphans, lang)
    for frame in (table, returned):
        headers = " ".join(frame.columns)
        assert not re.search(r"\b(logged_at|who|old|new|decided_at|changes|reviewer)\b", headers), headers
        assert (HAN.search(headers) is not None) == (lang == "zh"), headers
    assert table.iloc[0, 2] == ("更正" if lang == "zh" else "Correct")
    assert returned.iloc[0, 1] == ("剔除" if lang == "zh" else "Reject")


def test_an_import_entry_and_unreadable_snapshots_still_read():
    assert audit.action_label("import:stored", "zh") == "导入（已存入）"
    assert audit.action_label("import:stored", "en") == "import (stored)"
    assert audit.changes_text("not json", None, "zh") == "—"
    assert audit.set_text('{"value": 3, "primary": false}', "en") == "Value: 3; Primary: no"
    assert audit.set_text('{"value": 3, "primary": false}', "zh") == "数值：3；主值：否"


def test_a_district_is_named_with_its_city_as_everywhere_else():
    from dashboard.audit import field_value

    assert field_value("region_code", "410811", "en") == "Shanyang District, Jiaozuo"
