"""校核: every record that needs a human look, riskiest first, beside its sentence; confirm,
correct or reject it with a reason. Keyboard: the reason field has the focus, Enter saves and
opens the next record, Tab reaches the other fields."""

from __future__ import annotations

import html

import streamlit as st
import streamlit.components.v1 as components
from pydantic import ValidationError

from dashboard import audit, data, state, ui
from dashboard.format import bulletin_label, flag_labels, flag_reasons, measure_label, value_text
from dashboard.i18n import column_label, t
from extract.catalog import CATALOG
from store.review import Changes, Decision, ReviewError, decide

lang = state.lang()
st.title(t("review_title", lang))
who = ui.editor(lang)
if not who:
    st.stop()

queue = data.query("review_queue", limit=500)
if queue.empty:
    st.success(t("review_done", lang))
else:
    st.caption(t("review_count", lang, n=len(queue)))
    r = queue.iloc[0]
    ind = CATALOG.by_code[r["indicator"]]
    flags = list(r["flags"])
    st.markdown(f"**{t('review_position', lang, n=1, total=len(queue))}**")
    quote, printed = html.escape(str(r["quote"])), html.escape(str(r["printed"]))
    marked = quote.replace(printed, f"<mark>{printed}</mark>", 1) if printed and printed in quote else quote
    st.html(
        "<div style='font-size:1.1em;line-height:1.7'>"
        f"<b>{html.escape(r['region_name'])}</b> · {html.escape(ind.name(lang))}"
        f" · <b>{html.escape(value_text(r['value'], r['unit'], r['qualifier'], lang))}</b>"
        f" <small>{html.escape(measure_label(r['age_threshold'], r['population_base'], r['status'], lang))}</small>"
        f"<br>⚠ {html.escape(ui.punctuation(lang)[1].join(flag_reasons(flags, lang)) or '—')}"
        f"<blockquote style='border-left:4px solid #d9480f;padding-left:10px'>{marked}</blockquote>"
        f"<small>{html.escape(bulletin_label(r['bulletin_issue'], r['bulletin_date'], None, lang))} · "
        f"{html.escape(str(r['source_file']))}</small></div>")
    if lang == "en":  # the reading steps are written in English; the Chinese view gives the reasons above
        with st.expander(t("reading_steps", lang)):
            st.text(str(r["steps"]))  # as text: never markup

    codes = [i.code for i in CATALOG.indicators]
    # Each record's form in a container of its own, so the browser draws it anew and Enter in its
    # reason field submits this record's form (a form drawn over the last one ignored the next Enter).
    with st.container(key=f"record_{r['record_key']}"), st.form(f"decide_{r['record_key']}", clear_on_submit=True):
        action = st.radio(t("action", lang), ["confirm", "correct", "reject"], horizontal=True,
                          format_func=lambda a: t(f"action_{a}", lang))
        left, middle, right = st.columns(3)
        value = left.number_input(t("value", lang), value=float(r["value"]), min_value=0.0, format="%g")
        qualifier = middle.selectbox(t("qualifier", lang), ["exact", "at_least", "approx", "at_most"],
                                     index=["exact", "at_least", "approx", "at_most"].index(r["qualifier"]),
                                     format_func=lambda q: t(f"q_{q}", lang))
        indicator = right.selectbox(t("indicator", lang), codes, index=codes.index(r["indicator"]),
                                    format_func=lambda c: CATALOG.by_code[c].name(lang))
        left, middle, right = st.columns(3)
        region = left.text_input(t("region_code", lang), value=str(r["region_code"]), max_chars=6)
        primary = middle.checkbox(t("primary_field", lang), value=bool(r["primary"]))
        reason = st.text_input(t("reason", lang), value=t("reason_default", lang), key="w_reason")
        saved = st.form_submit_button(t("save_next", lang), type="primary")
    # Put the cursor in the reason field, so Enter saves and the next record comes up ready.
    label = t("reason", lang).replace("\\", "\\\\").replace("'", "\\'")
    # (The record's key makes each record's snippet new, so the browser runs it again.)
    components.html(f"<script>/* {r['record_key']} */ const focusReason = () => {{"
                    f"const el = window.parent.document.querySelector(\"input[aria-label='{label}']\");"
                    "if (el) { el.focus(); el.select(); } else { setTimeout(focusReason, 100); } }; focusReason();"
                    "</script>", height=0)
    if saved:
        wanted = {"value": value, "qualifier": qualifier, "indicator": indicator, "region_code": region.strip(),
                  "primary": primary}
        current = {k: r[k] for k in wanted}
        changes = {k: v for k, v in wanted.items() if v != current[k]} if action == "correct" else {}
        if not reason.strip():
            st.error(t("reason_missing", lang))
        elif action == "correct" and not changes:
            st.error(t("nothing_changed", lang))
        else:
            try:
                decision = Decision(record_key=r["record_key"], action=action, changes=Changes(**changes),
                                    reason=reason.strip(), reviewer=who)
                with data.writing() as con:
                    decide(con, decision)
            except ValidationError as exc:  # a field the model refuses: named in the page's language
                field = str(exc.errors()[0]["loc"][-1]) if exc.errors() else ""
                st.error(t("review_error_invalid", lang, field=column_label(field, lang)))
            except ReviewError as exc:
                key = "nothing_changed" if exc.code == "nothing_changed" else f"review_error_{exc.code}"
                st.error(t(key, lang, **{k: v for k, v in exc.params.items() if k != "key"}))
            else:
                st.toast(t("saved", lang, what=t(f"action_{action}", lang)))
                st.rerun()

    with st.expander(t("history_title", lang)):
        log = data.query("record_history", record_key=r["record_key"])
        st.dataframe(audit.history_table(log, lang), hide_index=True, width="stretch")

orphans = data.query("review_orphans")
if len(orphans):
    st.subheader(t("orphaned_title", lang))
    st.dataframe(audit.orphans_table(orphans, lang), hide_index=True, width="stretch")
st.caption(" ".join(f"⚠ {label}" for label in flag_labels(list(CATALOG.flags), lang)))
