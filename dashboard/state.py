"""The view lives in the URL, so a copied link reopens the same view.

Read once from st.query_params when a session starts, kept in session state (which survives
page changes, while Streamlit clears query parameters on navigation), and written back to the
URL on every run. Widgets use their own keys ("w_…") and copy into these canonical values,
because Streamlit forgets a widget's key on any run where the widget is not drawn.
"""

from __future__ import annotations

import re

import streamlit as st

from dashboard.i18n import LANGS
from extract.catalog import CATALOG

DEFAULT_INDICATOR = "elderly_share"
_LOADED = "_view_loaded"


CODE_RE = re.compile(r"[0-9]{6}")
SLIDE_RE = re.compile(r"[0-9]{1,3}")
REC_RE = re.compile(r"[a-z_]{1,40}@[0-9]{1,9}")
TRUE = ("1", "true", "yes")
PER = ("none", "elderly", "resident")  # compare's per-population choice


def _codes(raw: str | None) -> list[str]:
    return [c for c in (raw or "").split(",")[:50] if CODE_RE.fullmatch(c)]


def _among(raw: str | None, allowed) -> list[str]:
    """A comma list of known codes (indicators, flags …): unknown ones are dropped, order and no repeats kept."""
    return list(dict.fromkeys(c for c in (raw or "").split(",")[:50] if c in allowed))


def _names(raw: str | None) -> list[str]:
    """File names, joined with |: printable, at most 200 characters each (looked up before use)."""
    return list(dict.fromkeys(n for n in (raw or "").split("|")[:20] if n and len(n) <= 200 and n.isprintable()))


# The data page's filters, as URL parameters (each a list but "primary").
QUALIFIERS = ("exact", "at_least", "approx", "at_most")
CELLS = ("words", "codes")  # export cells: words in the page's language, or stable codes


def parse(params: dict[str, str]) -> dict[str, object]:
    """The one reading of URL parameters: exactly what a page can show, else the default.

    (str.isdigit() accepts '²', which int() refuses: patterns say what a digit is here.)
    """
    lang = params.get("lang", "zh")
    indicator = params.get("indicator", DEFAULT_INDICATOR)
    slide = params.get("slide", "0")
    doc = params.get("doc", "")
    rec = params.get("rec", "")
    return {
        "lang": lang if lang in LANGS else "zh",
        "presenter": params.get("presenter", "0") in TRUE,
        "reviewed": params.get("reviewed", "0") in TRUE,
        "indicator": indicator if indicator in CATALOG.by_code else DEFAULT_INDICATOR,
        "cities": _codes(params.get("cities")),
        "counties": _codes(params.get("counties")),
        "slide": int(slide) if SLIDE_RE.fullmatch(slide) else 0,
        "doc": doc if len(doc) <= 200 and doc.isprintable() else "",  # a file name, looked up before use
        "rec": rec if REC_RE.fullmatch(rec) else "",
        "measure": int(params.get("measure", "0")) if SLIDE_RE.fullmatch(params.get("measure", "0")) else 0,
        "per": params.get("per") if params.get("per") in PER else "none",
        "domains": _among(params.get("domains"), CATALOG.domains),
        "indicators": _among(params.get("indicators"), CATALOG.by_code),
        "qualifiers": _among(params.get("qualifiers"), QUALIFIERS),
        "flags": _among(params.get("flags"), CATALOG.flags),
        "files": _names(params.get("files")),
        "primary": params.get("primary", "0") in TRUE,
        "cells": params.get("cells") if params.get("cells") in CELLS else "words",
        "grid": params.get("grid", "0") in TRUE,  # the overview's coverage grid is open
    }


# The sidebar's language and presenter links carry the setting they make and this mark: the settings
# they name are taken from the URL again, within the session (a link, not a widget, because each kind of
# widget a page draws costs every visitor's browser the loading of its code).
SWITCH = "switch"
SWITCHED = ("lang", "presenter")


def switch_params(**settings: str) -> dict[str, str]:
    """The query parameters of a sidebar link that changes these settings (lang="en", presenter="1")."""
    assert set(settings) <= set(SWITCHED), settings
    return {**settings, SWITCH: "1"}


def load() -> None:
    """Take the view from the URL, once per session (and a sidebar link's settings whenever one is followed)."""
    loaded = st.session_state.get(_LOADED)
    if loaded and st.query_params.get(SWITCH) != "1":
        return
    params = {k: st.query_params.get(k) for k in st.query_params}
    view = parse(params)
    if loaded:
        st.session_state.update({f"v_{k}": view[k] for k in SWITCHED if k in params})
        return
    st.session_state.update({f"v_{k}": v for k, v in view.items()})
    st.session_state[_LOADED] = True


def get(name: str):
    return st.session_state.get(f"v_{name}")


def put(name: str, value) -> None:
    st.session_state[f"v_{name}"] = value


def lang() -> str:
    return get("lang") or "zh"


def presenter() -> bool:
    return bool(get("presenter"))


def reviewed_only() -> bool:
    """Charts show only values a reviewer confirmed or corrected (?reviewed=1)."""
    return bool(get("reviewed"))


def record_id(indicator: str, span_start: int) -> str:
    """A record's name in a link (?rec=meal_sites@1234): stable while its file is not re-read."""
    return f"{indicator}@{int(span_start)}"


def save() -> None:
    """Write the view back to the URL (only what differs from the defaults, so links stay short)."""
    params: dict[str, str] = {}
    if lang() != "zh":
        params["lang"] = lang()
    if presenter():
        params["presenter"] = "1"
    if reviewed_only():
        params["reviewed"] = "1"
    if get("indicator") and get("indicator") != DEFAULT_INDICATOR:
        params["indicator"] = get("indicator")
    if get("cities"):
        params["cities"] = ",".join(get("cities"))
    if get("counties"):
        params["counties"] = ",".join(get("counties"))
    if get("slide"):
        params["slide"] = str(get("slide"))
    if get("measure"):
        params["measure"] = str(get("measure"))
    if get("per") and get("per") != "none":
        params["per"] = get("per")
    for name in ("domains", "indicators", "qualifiers", "flags"):
        if get(name):
            params[name] = ",".join(get(name))
    if get("files"):
        params["files"] = "|".join(get("files"))
    if get("primary"):
        params["primary"] = "1"
    if get("cells") and get("cells") != "words":
        params["cells"] = get("cells")
    if get("grid"):
        params["grid"] = "1"
    if get("doc"):
        params["doc"] = get("doc")
    if get("rec"):
        params["rec"] = get("rec")
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
