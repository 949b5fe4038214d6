"""dashboard.records_table: the export's columns and the screen's reading of the same rows."""

import pytest

import store
from dashboard.i18n import column_label
from dashboard.records_table import EXPORT_COLUMNS, on_screen, with_names
from store import queries


@pytest.fixture(scope="module")
def rows(seeds_db):
    with store.connect(seeds_db, read_only=True) as con:
        return queries.filtered_records(con)


def test_the_export_keeps_codes_and_puts_names_beside_them(rows):
    out = with_names(rows, "en")
    assert list(out.columns) == EXPORT_COLUMNS
    assert set(out["qualifier"]) <= {"exact", "at_least", "approx", "at_most"}  # codes stay codes
    flagged = out[out["flags"].map(len) > 0]
    assert len(flagged) and (flagged["flag_reasons"] != "").all()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_screen_reads_codes_as_words_and_marks_doubt(rows, lang):
    view = on_screen(with_names(rows, lang), lang)
    assert list(view.columns[:3]) == [column_label(c, lang) for c in ("region_name", "indicator_name", "value_shown")]
    shown = view[column_label("value_shown", lang)]
    assert shown.str.contains("⚠").sum() == sum(1 for fl in rows["flags"] if len(fl))
    qualifiers = set(view[column_label("qualifier", lang)])
    assert not qualifiers & {"at_least", "approx", "at_most"}  # ("exact" is also the English word)
    at_least = rows["qualifier"] == "at_least"
    assert at_least.any() and shown[at_least.to_numpy()].str.startswith("≥").all()
