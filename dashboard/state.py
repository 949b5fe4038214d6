"""The view lives in the URL, so a copied link reopens the same view.

Read once from st.query_params when a session starts, kept in session state (which survives
page changes, while Streamlit clears query parameters on navigation), and written back to the
URL on every run. Widgets use their own keys ("w_…") and copy into these canonical values,
because Streamlit forgets a widget's key on any run where the widget is not drawn.
"""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import LANGS
from extract.catalog import CATALOG

DEFAULT_INDICATOR = "elderly_share"
_LOADED = "_view_loaded"


def _split(raw: str | None) -> list[str]:
    return [c for c in (raw or "").split(",") if c.isdigit() and len(c) == 6]


def load() -> None:
    """Take the view from the URL, once per session."""
    if st.session_state.get(_LOADED):
        return
    qp = st.query_params
    lang = qp.get("lang", "zh")
    indicator = qp.get("indicator", DEFAULT_INDICATOR)
    st.session_state.update({
        "v_lang": lang if lang in LANGS else "zh",
        "v_presenter": qp.get("presenter", "0") in ("1", "true", "yes"),
        "v_reviewed": qp.get("reviewed", "0") in ("1", "true", "yes"),
        "v_indicator": indicator if indicator in CATALOG.by_code else DEFAULT_INDICATOR,
        "v_cities": _split(qp.get("cities")),
        "v_counties": _split(qp.get("counties")),
        "v_slide": int(qp.get("slide", "0")) if qp.get("slide", "0").isdigit() else 0,
        "v_doc": qp.get("doc", ""),
        "v_rec": qp.get("rec", ""),
        _LOADED: True,
    })


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
    if get("doc"):
        params["doc"] = get("doc")
    if get("rec"):
        params["rec"] = get("rec")
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
