"""原文: a bulletin's original text with every extracted number marked; pick one to go to its sentence."""

from __future__ import annotations

import html
import itertools
import re

import pandas as pd
import streamlit as st

from dashboard import data, state, ui
from dashboard.format import bulletin_label, flag_reasons, is_flagged, md, value_text
from dashboard.i18n import t

lang = state.lang()
regions = data.query("reported_regions")
if regions.empty:
    st.info(t("no_data", lang))
    st.stop()
# City first, then its bulletins: a database can hold tens of thousands of files.
region_codes = regions["region_code"].tolist()
region_names = dict(zip(region_codes, regions["region_name"], strict=True))
wanted_city = next((c for c in (state.get("cities") or []) if c in region_names), None)
if wanted_city is None and state.get("doc"):  # a link to a bulletin: start at its first region
    wanted_city = next((c for c in region_codes if state.get("doc") in
                        set(data.query("documents", region_code=c)["source_file"])), None)
left, right = st.columns([1, 3])
city = left.selectbox(t("pick_city", lang), region_codes, key="w_src_city",
                      index=region_codes.index(wanted_city) if wanted_city else 0, format_func=region_names.get)
documents = data.query("documents", region_code=city)

files = documents["source_file"].tolist()
wanted = state.get("doc") if state.get("doc") in files else files[0]
labels = {
    row.source_file: f"{bulletin_label(row.bulletin_issue, row.bulletin_date, row.album_no, lang)} · {row.regions}"
    f" · {row.source_file}" for row in documents.itertuples()
}
source = right.selectbox(t("pick_document", lang), files, index=files.index(wanted), format_func=labels.get,
                         key="w_doc")
state.put("doc", source)

text = data.query("document_text", source_file=source) or ""
records = data.query("document_records", source_file=source).reset_index(drop=True)
# A derived value (14 ÷ 30余) has no printed number of its own to mark, but its sentence can be shown.
derived = records["flags"].map(lambda f: "derived" in list(f))
ids = [state.record_id(i, s) for i, s in zip(records["indicator"], records["span_start"], strict=True)]


def option(n: int) -> str:
    r = records.loc[n]
    name = r["name_en"] if lang == "en" else r["name_zh"]
    flag = " ⚠" if is_flagged(list(r["flags"])) else ""
    return f"{r['region_name']} · {name} · {value_text(r['value'], r['unit'], r['qualifier'], lang)}{flag}"


chosen = None
if len(records):
    wanted_rec = ids.index(state.get("rec")) if state.get("rec") in ids else 0
    chosen = st.selectbox(t("pick_record", lang), range(len(records)), index=wanted_rec, format_func=option,
                          key=f"w_rec_{source}")
    state.put("rec", ids[chosen])
st.caption(t("legend_sources", lang))

SENTENCE_END = re.compile(r"[。.!?！？;；]|\n\s*\n")


def sentence_around(start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = SENTENCE_END.search(text, end)
    return left, right.end() if right else len(text)


# Marks never overlap: keep the first record for any stretch of characters.
marks, last_end = [], -1
for n, r in records[~derived].sort_values("span_start").iterrows():
    if r["span_start"] >= last_end:
        marks.append((int(r["span_start"]), int(r["span_end"]), n, r))
        last_end = int(r["span_end"])
sel = (-1, -1)
if chosen is not None:
    picked = records.loc[chosen]
    if "quote_start" in picked and pd.notna(picked["quote_start"]):  # the quote as extracted
        sel = (int(picked["quote_start"]), int(picked["quote_end"]))
    else:  # a database written before quotes were located
        sel = sentence_around(int(picked["span_start"]), int(picked["span_end"]))

cuts = sorted({0, len(text), *(b for m in marks for b in m[:2]), *(b for b in sel if b >= 0)})
by_start = {m[0]: m for m in marks}
out = []
for a, b in itertools.pairwise(cuts):
    # The PDF conversion double-spaced every line; one line break reads the same and fits twice the text.
    piece = html.escape(text[a:b]).replace("\n\n", "\n")
    if a == sel[0]:
        out.append("<span id='sel' class='sel'>")
    if a in by_start and by_start[a][1] == b:
        _, _, n, r = by_start[a]
        flags = list(r["flags"])
        tip = f"{r['name_en'] if lang == 'en' else r['name_zh']}: " \
              f"{value_text(r['value'], r['unit'], r['qualifier'], lang)}"
        if flags:
            tip += " · " + "、".join(flag_reasons(flags, lang)) + " · " + t("flag_explain", lang, printed=r["printed"])
        cls = "num flagged" if is_flagged(flags) else "num"
        cls += " current" if n == chosen else ""
        piece = f"<mark class='{cls}' title='{html.escape(tip, quote=True)}'>{piece}</mark>"
    out.append(piece)
    if b == sel[1]:
        out.append("</span>")

page = f"""
<style>
body {{ font-family: 'Noto Sans CJK SC','Microsoft YaHei',sans-serif; font-size: {22 if state.presenter() else 16}px;
       line-height: 1.7; margin: 0; padding: 8px 14px; color: #111; }}
.doc {{ white-space: pre-wrap; }}
mark.num {{ background: #fff3a3; border-radius: 3px; padding: 0 1px; }}
mark.flagged {{ outline: 2px solid #d9480f; }}
mark.current {{ background: #ffd43b; }}
.sel {{ background: #dbeafe; }}
</style>
<div class="doc">{"".join(out)}</div>
<script>
// Scroll this frame only (scrollIntoView would scroll the dashboard page too).
const s = document.getElementById('sel');
if (s) window.scrollTo(0, Math.max(0, s.getBoundingClientRect().top + window.scrollY - 200));
</script>
"""
# Every character of the text is escaped above; the iframe is what lets the page scroll to a sentence.
st.iframe(page, height=640 if not state.presenter() else 720)

if chosen is not None:
    r = records.loc[chosen]
    st.markdown(f"**{md(option(chosen))}** — {md(r['quote'])}")
    reasons = flag_reasons(list(r["flags"]), lang)
    if reasons:
        st.caption(md(ui.punctuation(lang)[1].join(reasons)))
    if lang == "en":  # the reading steps are written in English; the Chinese view gives the reasons above
        st.caption(md(r["steps"]))
