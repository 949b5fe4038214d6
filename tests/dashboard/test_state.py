"""dashboard.state.parse: every URL parameter read one way; anything else falls back, never raises."""

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.i18n import LANGS
from dashboard.state import DEFAULT_INDICATOR, parse
from extract.catalog import CATALOG

KEYS = ["lang", "presenter", "reviewed", "indicator", "cities", "counties", "slide", "doc", "rec", "other",
        "domains", "indicators", "qualifiers", "flags", "files", "primary", "cells", "measure", "per", "grid"]


def test_known_values_are_kept():
    view = parse({"lang": "en", "presenter": "1", "indicator": "meal_sites", "cities": "410100,411200",
                  "slide": "2", "rec": "meal_sites@1234", "doc": "002_x.txt"})
    assert view["lang"] == "en" and view["presenter"] and view["indicator"] == "meal_sites"
    assert view["cities"] == ["410100", "411200"] and view["slide"] == 2 and view["rec"] == "meal_sites@1234"


def test_lookalike_digits_fall_back():
    assert parse({"slide": "²"})["slide"] == 0 and parse({"slide": "٣"})["slide"] == 0
    assert parse({"cities": "４１０１００,410100"})["cities"] == ["410100"]


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), st.text(max_size=40)))
def test_any_parameters_give_a_view_the_pages_can_show(params):
    view = parse(params)
    assert (view["lang"] in LANGS and view["indicator"] in CATALOG.by_code) or view["indicator"] == DEFAULT_INDICATOR
    assert isinstance(view["slide"], int) and 0 <= view["slide"] <= 999
    assert all(len(c) == 6 and c.isascii() and c.isdigit() for c in view["cities"] + view["counties"])
    assert set(view["indicators"]) <= set(CATALOG.by_code) and set(view["flags"]) <= set(CATALOG.flags)
    assert set(view["qualifiers"]) <= {"exact", "at_least", "approx", "at_most"} and view["cells"] in ("words", "codes")
    assert all(f.isprintable() and "|" not in f for f in view["files"])
    assert isinstance(view["grid"], bool) and isinstance(view["presenter"], bool)


def test_data_filters_round_trip():
    view = parse({"domains": "supervision,nope", "indicators": "meal_sites,meal_sites,x", "qualifiers": "at_least",
                  "flags": "subset", "files": "a b.txt|甲.txt", "primary": "1", "cells": "codes"})
    assert view["domains"] == (["supervision"] if "supervision" in CATALOG.domains else [])
    assert view["indicators"] == ["meal_sites"] and view["qualifiers"] == ["at_least"] and view["flags"] == ["subset"]
    assert view["files"] == ["a b.txt", "甲.txt"] and view["primary"] and view["cells"] == "codes"
