"""导入: upload bulletins, preview what would be stored, then store — through store.ingest()."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

import store
from dashboard import data, state, ui
from dashboard.format import bulletin_label, flag_labels, md, value_text
from dashboard.i18n import t
from extract.catalog import CATALOG
from extract.reading import max_bytes_setting, shown_name
from store.review import log_event

lang = state.lang()
st.title(t("import_title", lang))
who = ui.editor(lang)
if not who:
    st.stop()

limit_mb = max_bytes_setting() / 1048576
uploads = st.file_uploader(t("upload_label", lang), accept_multiple_files=True,
                           key=f"w_upload_{st.session_state.get('upload_round', 0)}",
                           help=t("upload_help", lang, mb=f"{limit_mb:g}"))
if not uploads:
    st.caption(t("upload_help", lang, mb=f"{limit_mb:g}"))
    st.stop()

# Uploads go to a folder of this session's own, under their own names (no folders): ingest reads files.
folder = Path(st.session_state.setdefault("upload_dir", tempfile.mkdtemp(prefix="aging-upload-")))
paths = []
for upload in uploads:
    path = folder / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    paths.append(path)

preview = store.ingest(paths, dry_run=True)
documents = {d.source_file: d for d in preview.documents}
st.subheader(t("preview_title", lang, n=len(preview.files)))
sep = ui.punctuation(lang)[0]


def say(f: store.FileResult) -> str:
    return ui.input_error(f.error_code, {"name": f.name, **f.error_params}, f.error or "", lang)


for f in preview.files:
    state_text = t(f"state_{f.state}", lang)
    with st.expander(t("preview_file", lang, name=f.name, state=state_text), expanded=f.state == "failed"):
        if f.state == "failed":
            st.error(say(f))
            continue
        doc = documents[f.source_file]
        report = doc.reports[0]
        bulletin = bulletin_label(report.bulletin_issue, report.bulletin_date, report.album_no, lang)
        regions = sep.join(data.english_name(r.region_code, r.region_name) if lang == "en" else r.region_name
                           for r in doc.reports)
        st.caption(md(t("preview_regions", lang, regions=regions, bulletin=bulletin, n=f.records, flagged=f.flagged)))
        if not doc.records:
            st.warning(t("warning_no_records", lang, name=f.name))
        if doc.replaced_chars:
            st.warning(t("warning_replaced", lang, name=f.name, n=doc.replaced_chars))
        rows = [{
            t("city", lang): data.english_name(r.region_code, r.region_name) if lang == "en" else r.region_name,
            t("indicator", lang): CATALOG.by_code[r.indicator].name(lang),
            t("value", lang): value_text(r.value, r.unit, r.qualifier, lang) + (" ⚠" if r.flags else ""),
            t("flags", lang): sep.join(flag_labels(r.flags, lang)),
            t("quote", lang): r.quote,  # a dataframe cell: shown as text, never as markup
        } for r in doc.records]
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

storable = [p for p, f in zip(paths, preview.files, strict=False) if f.state != "failed"]
if storable and st.button(t("store_button", lang), type="primary", key="store"):
    result = data.ingest(storable)
    with data.writing() as con:
        for f in result.files:
            if f.state in ("stored", "replaced"):
                log_event(con, who, f"import:{f.state}", f.source_file, reason=shown_name(f.source_file))
    st.success(t("stored_summary", lang, stored=result.count("stored"), replaced=result.count("replaced"),
                 unchanged=result.count("unchanged"), failed=result.count("failed")))
    for f in result.failed:
        st.error(say(f))
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
