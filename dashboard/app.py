"""养老服务指标看板 — run with: streamlit run dashboard/app.py

The entry builds the database on first start, restores the view from the URL, draws the
sidebar (language, presenter mode) and hands over to the page the URL names.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import streamlit as st

import store
from dashboard import data, state, ui
from dashboard.i18n import LANG_NAMES, LANGS, t
from store.ingest import SEEDS

STARTED = time.perf_counter()

VIEWS = Path(__file__).resolve().parent / "views"
# No page icons: Streamlit turns a page's icon into the tab's favicon by fetching it from Google's
# font CDN, which an offline intranet cannot reach (and emoji need a colour font the machine may lack).
PAGES = ["overview", "compare", "city", "data", "sources", "map", "import", "review"]
FILES = {"import": "importer"}  # a page's file, where its name is a Python keyword

state.load()
lang = state.lang()
st.set_page_config(
    page_title=t("app_title", lang), layout="wide",  # no page_icon: a material favicon is fetched from Google
    initial_sidebar_state="collapsed" if state.presenter() else "expanded",
)


@st.cache_resource(show_spinner=False)
def _checked(db_version: tuple[str, int, int]) -> bool:
    """An existing database is checked (and upgraded if old) once per version and server process,
    not once per visitor: a room opening the link at once waits on no lock."""
    store.prepare_database(data.db_file(), SEEDS)
    return True


def ensure_database() -> None:
    """First start: build data/aging.duckdb (or $AGING_DB) from the bundled seeds, showing progress;
    an older database is upgraded in place."""
    if data.db_file().exists():
        _checked(data.version())
        return
    status = st.empty()

    def progress(n: int, total: int, name: str) -> None:
        if name:
            status.progress(n / total if total else 1.0, text=t("building_file", lang, name=name, n=n + 1,
                                                                  total=total))

    status.info(t("building_db", lang))
    if store.prepare_database(data.db_file(), SEEDS, progress):
        status.success(t("built_db", lang))
    else:
        status.empty()  # another visitor's start built it meanwhile


try:
    ensure_database()
except store.StorageError as exc:
    st.error(t("db_error", lang, error=exc))
    st.stop()


def _page(name: str, url_path: str, default: bool = False) -> st.Page:
    return st.Page(VIEWS / f"{FILES.get(name, name)}.py", title=t(f"page_{name}", lang), url_path=url_path,
                   default=default)


# The start page is served at the root, where Streamlit puts the default page; /overview (the
# documented path) opens the same page. The sidebar lists each page once, so the links are drawn here.
pages = [_page(PAGES[0], "start", default=True), *(_page(name, name) for name in PAGES[1:])]
alias = _page(PAGES[0], PAGES[0])
page = st.navigation([*pages, alias], position="hidden")


def draw_sidebar() -> None:
    """Drawn after the page, so a visitor's browser starts on the page (its charts) before the controls.

    Language and presenter mode are links, and the reviewed-only switch is drawn only once its section is
    opened: a room opening the start page at once waits on every kind of widget's code loading in every
    browser (the language's segmented control and the toggles cost a visit about 0.15 s of CPU on a
    2-core machine, measured against a bare Streamlit page), while links cost next to nothing."""
    with st.sidebar:
        if not state.presenter():
            for listed in pages:  # the start page as it was opened, so its link is the one marked current
                st.page_link(alias if listed is pages[0] and page.url_path == alias.url_path else listed)
        st.markdown(f"### {t('app_title', lang)}")
        st.caption(t("app_subtitle", lang))
        other = LANGS[1 - LANGS.index(lang)]
        with st.container(key="view_switches"):  # (styled as buttons, not as the current page: ui.NORMAL_CSS)
            st.page_link(page, label=LANG_NAMES[other], query_params=state.switch_params(lang=other))
            if not state.presenter():
                st.page_link(page, label=t("presenter", lang), query_params=state.switch_params(presenter="1"))
        # (open while it filters the charts, and as the visitor left it)
        st.session_state["w_options"] = bool(st.session_state.get("_options_open", state.reviewed_only()))
        options = st.expander(t("more_options", lang), key="w_options",
                              on_change=lambda: st.session_state.update(_options_open=st.session_state["w_options"]))
        if options.open:
            with options:
                st.session_state["w_reviewed"] = state.reviewed_only()
                st.toggle(t("reviewed_only", lang), key="w_reviewed",
                          on_change=lambda: state.put("reviewed", bool(st.session_state.get("w_reviewed"))))


if state.presenter() and st.button(t("exit_presenter", lang), key="exit_presenter"):
    state.put("presenter", False)
    st.rerun()

ui.apply_style()
state.save()
try:
    with data.one_reader():
        page.run()
except store.StorageError as exc:
    st.error(t("db_error", lang, error=exc))
finally:
    draw_sidebar()  # also after st.stop() in a page
state.save()


@st.cache_resource(show_spinner=False)
def _settle() -> bool:
    """After the process's first run: what the imports and reference data built stays for the
    server's life, so it leaves the collector's full passes (a pass over it took ~200 ms, at
    random moments of later runs)."""
    gc.freeze()
    return True


_settle()
# Server-side render time of this run, read by tests/bench/bench_dashboard.py.
st.session_state["_render_ms"] = (time.perf_counter() - STARTED) * 1000
