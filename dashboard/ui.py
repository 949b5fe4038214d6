"""Pieces every page uses: presenter styling, chart placement, notes under charts, source lines."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import streamlit.components.v1 as components

import store
from dashboard import auth, charts, data, state
from dashboard.format import (
    bulletin_label,
    flag_labels,
    is_flagged,
    md,
    measure_label,
    plot_text,
    punctuation,
    value_text,
)
from dashboard.i18n import t, unit_label
from extract.catalog import CATALOG

PRESENTER_CSS = """
<style>
/* Presenter mode: content only, large type, high contrast (Streamlit's baseFontSize is server-wide). */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
html, body, [data-testid="stAppViewContainer"], .stMarkdown, .stMarkdown p, .stMarkdown li,
[data-testid="stCaptionContainer"], label, button, [data-testid="stWidgetLabel"] p {
  font-size: 22px !important; color: #000 !important; }
[data-testid="stAppViewContainer"] { background: #fff !important; }
h1 { font-size: 44px !important; } h2 { font-size: 36px !important; } h3 { font-size: 30px !important; }
.block-container { padding-top: 0.5rem !important; padding-bottom: 0.5rem !important; max-width: 100% !important; }
/* The way out takes no room of its own: the slide is the screen. */
.st-key-exit_presenter { position: fixed; top: 6px; right: 12px; z-index: 999990; width: auto !important; }
.st-key-exit_presenter button { min-height: 0; padding: 2px 10px; }
.st-key-exit_presenter button p { font-size: 15px !important; color: #555 !important; }
.modebar-container { display: none !important; }
.st-key-presenter_hidden { display: none !important; }
/* Data grids draw on a canvas that page fonts do not reach: the whole grid is enlarged instead. */
[data-testid="stDataFrame"] { zoom: 1.35; }
</style>
"""

NORMAL_CSS = """
<style>
.block-container { padding-top: 2rem; }
mark.flagged { outline: 2px solid #d9480f; }
.st-key-view_switches [data-testid="stPageLink-NavLink"] {
  background-color: transparent; border: 1px solid rgba(49, 51, 63, 0.25);
}
.st-key-view_switches [data-testid="stPageLink-NavLink"] * { font-weight: 400; }
</style>
"""


# Presentation clickers send PageDown/PageUp; a keyboard sends arrows. The handler lives in the
# page (not the component's frame), replaces any earlier one, and presses the slide buttons, so a
# key does exactly what a click does, URL included.
SLIDE_KEYS_JS = """<script>
(() => {
  const doc = window.parent.document;
  const step = {ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev"};
  const handler = (e) => {
    const where = e.target && e.target.closest ? e.target : null;
    if (where && where.closest("input, textarea, select, [contenteditable=true]")) return;
    if (e.altKey || e.ctrlKey || e.metaKey || !(e.key in step)) return;
    const button = doc.querySelector(".st-key-" + step[e.key] + "_slide button");
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  };
  if (doc.__agingSlideKeys) doc.removeEventListener("keydown", doc.__agingSlideKeys);
  doc.__agingSlideKeys = handler;
  doc.addEventListener("keydown", handler);
})();
</script>"""


def slide_keys() -> None:
    """←/→ and PageUp/PageDown step the slides (the page must have prev_slide/next_slide buttons)."""
    components.html(SLIDE_KEYS_JS, height=0)


def hidden_controls():
    """Where a page's selectors go in presenter mode: drawn (so their choice still comes from the view
    and the link) but not shown, since a slide is the screen."""
    return st.container(key="presenter_hidden")


def apply_style() -> None:
    st.html(PRESENTER_CSS if state.presenter() else NORMAL_CSS)


def show_chart(fig: go.Figure, filename: str, key: str, *, fixed: bool = False) -> None:
    """fixed: at the figure's own width (a map whose labels were laid out for it)."""
    st.plotly_chart(fig, config=charts.config(filename), key=key, width="content" if fixed else "stretch")


def source_line(df: pd.DataFrame, lang: str) -> str:
    """来源：郑州市 简报2024年第14期 2024-05-20；三门峡市 联动监督专辑（53）— where a chart's numbers came from.

    The original body is the city congress and its bulletin, not this dashboard: each line names both.
    """
    by_bulletin: dict[str, list[str]] = {}
    periods: dict[str, set[str]] = {}
    for row in df.itertuples():
        label = bulletin_label(row.bulletin_issue, row.bulletin_date, getattr(row, "album_no", None), lang)
        by_bulletin.setdefault(label, [])
        if row.region_name not in by_bulletin[label]:
            by_bulletin[label].append(row.region_name)
        if isinstance(getattr(row, "ref_period", None), str):
            periods.setdefault(label, set()).add(row.ref_period)
    sep = punctuation(lang)[0]
    items = [
        f"{plot_text(sep.join(regions))} {plot_text(label)}"
        + (t("period_note", lang, periods=sep.join(sorted(periods[label]))) if label in periods else "")
        for label, regions in by_bulletin.items()
    ]
    # Plotly does not wrap annotations: one bulletin a line keeps the PNG's source readable.
    return t("source_line", lang, sources="<br>".join(items) or "—")


def chart_title(indicator_code: str, lang: str, measure: str = "", *, with_unit: bool = True) -> str:
    """老年助餐点（个）（已建成）: what the chart shows, in which unit, for which measure."""
    ind = CATALOG.by_code[indicator_code]
    name = ind.name(lang)
    if with_unit and ind.unit != "percent":
        name += f"（{unit_label(ind.unit, lang)}）" if lang == "zh" else f" ({unit_label(ind.unit, lang)})"
    return t("chart_title", lang, indicator=name, measure=measure) if measure else name


def measure_groups(df: pd.DataFrame) -> list[tuple[tuple, pd.DataFrame]]:
    """Split values into measures that may be ranked together (60+ vs 65+, 常住 vs 户籍, status)."""
    keys = ["age_threshold", "population_base", "status"]
    filled = df.assign(**{k: df[k].astype(object).where(df[k].notna(), None) for k in keys})
    groups = []
    for key, part in filled.groupby(keys, dropna=False, sort=False):
        groups.append((tuple(None if pd.isna(v) else v for v in key), part))
    groups.sort(key=lambda g: -len(g[1]))
    return groups


def measure_name(key: tuple, lang: str) -> str:
    age, base, status = key
    return measure_label(age, base, status, lang)


def editor(lang: str) -> str | None:
    """The signed-in editor's name; else a sign-in form (or why editing is off) and None."""
    if store.snapshot_mode():
        st.info(t("editing_snapshot", lang))
        return None
    stored = auth.configured_hash()
    if not stored:
        st.info(t("editing_off", lang))
        return None
    name = st.session_state.get("editor_name")
    if name:
        left, right = st.columns([4, 1])
        left.caption(md(t("signed_in_as", lang, name=name)))
        if right.button(t("sign_out", lang), key="sign_out"):
            st.session_state.pop("editor_name", None)
            st.rerun()
        return name
    with st.form("sign_in"):
        who = st.text_input(t("editor_name", lang), key="w_editor_name")
        password = st.text_input(t("password", lang), type="password", key="w_password")
        submitted = st.form_submit_button(t("sign_in", lang))
    if submitted:
        wait = auth.LIMITER.allowed(st.session_state)
        if wait:
            st.error(t("auth_wait", lang, seconds=int(wait) + 1))
        elif who.strip() and auth.check(password, stored):
            auth.LIMITER.succeeded(st.session_state)
            st.session_state["editor_name"] = who.strip()[:100]
            st.rerun()
        else:
            auth.LIMITER.failed(st.session_state)
            st.error(t("auth_failed", lang))
    return None


def input_error(code: str | None, params: dict, fallback: str, lang: str) -> str:
    """Why a file cannot be read, in the page's language."""
    if code:
        try:
            return t(f"input_{code}", lang, **params)
        except (KeyError, IndexError):
            pass
    return fallback


def city_values(values: pd.DataFrame) -> pd.DataFrame:
    """Only cities' own values stand in a city ranking (store.queries.SCOPE_SQL says which are)."""
    return values[values["scope"] == "city"] if "scope" in values.columns else values


def reference_lines(values: pd.DataFrame, key: tuple, lang: str) -> list[tuple[str, float]]:
    """The province's and the nation's values of the measure key, as labelled lines (全省 18.1%)."""
    if "scope" not in values.columns:
        return []
    refs = values[values["scope"].isin(["province", "nation"])]
    out = []
    for row in refs.itertuples():
        attrs = tuple(None if pd.isna(v) else v for v in (row.age_threshold, row.population_base, row.status))
        if all(a is None or a == k for a, k in zip(attrs, key, strict=True)):
            out.append((f"{row.region_name} {value_text(row.value, row.unit, row.qualifier, lang)}", row.value))
    return out


def reference_note(lines: list[tuple[str, float]], lang: str) -> None:
    if lines:
        st.caption(md(t("reference_note", lang, items=punctuation(lang)[0].join(label for label, _ in lines))))


def universe() -> pd.DataFrame:
    """The regions a chart accounts for: Henan's 18 cities and every region with a report."""
    return data.universe()


def missing_names(values: pd.DataFrame) -> list[str]:
    """Regions that did not report: named, never drawn as zero."""
    everyone = universe()
    return everyone.loc[~everyone["region_code"].isin(values["region_code"]), "region_name"].tolist()


def _flagged(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["flags"].map(lambda f: f is not None and is_flagged(list(f)))]


def flag_item(region: str, shown: str, flags: list[str], printed: str, lang: str) -> str:
    """三门峡市 21.98%（小数点已复原；原文为“２１９８％”）: a flagged value and what the text printed."""
    sep, semi, left, right = punctuation(lang)
    return f"{region} {shown}{left}{sep.join(flag_labels(flags, lang))}{semi}" \
           f"{t('flag_explain', lang, printed=printed)}{right}"


def notes(df: pd.DataFrame, missing: list[str], lang: str) -> None:
    """Under a chart: who did not report, which values are flagged (with what was printed), which qualified."""
    show_notes(note_lines(df, missing, lang))


def show_notes(lines: list[str] | tuple[str, ...]) -> None:
    for line in lines:
        st.caption(md(line))  # names and printed numbers from bulletins: shown as written


def note_lines(df: pd.DataFrame, missing: list[str], lang: str) -> list[str]:
    """The lines of notes(), as text."""
    sep, semi, _, _ = punctuation(lang)
    lines = []
    if len(df) > charts.MAX_BARS:
        lines.append(t("top_note", lang, n=charts.MAX_BARS, total=len(df)))
    if len(missing) > 40:
        missing = [*missing[:40], "…"]
    if missing:
        lines.append(t("not_reported_list", lang, cities=sep.join(missing)))
    flagged = _flagged(df)
    if len(flagged):
        items = [flag_item(row.region_name, value_text(row.value, row.unit, row.qualifier, lang), list(row.flags),
                           row.printed, lang) for row in flagged.head(20).itertuples()]
        lines.append(t("flagged_note", lang, items=semi.join(items) + ("…" if len(flagged) > 20 else "")))
    qualified = df[df["qualifier"] != "exact"]
    if len(qualified):
        items = [f"{row.region_name} {value_text(row.value, row.unit, row.qualifier, lang)}"
                 for row in qualified.head(20).itertuples()]
        lines.append(t("qualified_note", lang, items=sep.join(items) + ("…" if len(qualified) > 20 else "")))
    return lines
