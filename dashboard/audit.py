"""The review page's history and returned-decision tables in the page's language: decisions,
fields and values as words a reviewer reads, never JSON or column names."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.format import number, punctuation
from dashboard.i18n import column_label, t
from extract.catalog import CATALOG
from extract.regions import REGIONS

# The fields of a record a decision can change, in the order a reviewer reads them.
FIELDS = ("indicator", "region_code", "value", "qualifier", "age_threshold", "population_base", "status",
          "primary", "review_state")


def action_label(action: object, lang: str) -> str:
    """confirm/correct/reject, or an import's "import:stored", as words."""
    action = str(action or "")
    if action.startswith("import:"):
        return t("audit_import", lang, state=t(f"state_{action.split(':', 1)[1]}", lang))
    return t(f"action_{action}", lang) if action in ("confirm", "correct", "reject") else action


def field_value(field: str, value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return "—"
    if field == "indicator":
        ind = CATALOG.by_code.get(str(value))
        return ind.name(lang) if ind else str(value)
    if field == "region_code":
        region = REGIONS.get(str(value))
        if region is None:
            return str(value)
        return (REGIONS.english_name(region.code) or region.name) if lang == "en" else REGIONS.display_name(region.code)
    if field == "value":
        return number(float(value), "", lang)
    if field == "qualifier":
        return t(f"q_{value}", lang)
    if field == "age_threshold":
        return t(f"age_{int(value)}", lang)
    if field == "population_base":
        return t(f"base_{value}", lang)
    if field == "status":
        return t(f"status_{value}", lang)
    if field == "primary":
        return t("yes_word" if value else "no_word", lang)
    if field == "review_state":
        return t(f"rs_{value}", lang)
    return str(value)


def _parse(raw: object) -> dict:
    try:
        parsed = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def changes_text(old: object, new: object, lang: str) -> str:
    """What differs between two JSON snapshots of a record: "数值：20 → 25；…"; "—" if nothing."""
    before, after = _parse(old), _parse(new)
    colon, semi = t("colon", lang), punctuation(lang)[1]
    parts = []
    for field in FIELDS:
        if field in after and before.get(field) != after.get(field):
            parts.append(f"{column_label(field, lang)}{colon}{field_value(field, before.get(field), lang)}"
                         f" → {field_value(field, after[field], lang)}")
    return semi.join(parts) or "—"


def set_text(changes: object, lang: str) -> str:
    """The fields a decision set: "数值 → 25；…"; "—" for a confirmation or rejection."""
    colon, semi = t("colon", lang), punctuation(lang)[1]
    parts = [f"{column_label(f, lang)}{colon}{field_value(f, v, lang)}" for f, v in _parse(changes).items()
             if f in FIELDS]
    return semi.join(parts) or "—"


def history_table(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """audit_log rows of one record, as the page shows them."""
    return pd.DataFrame({
        t("audit_when", lang): [str(x)[:19] for x in log["logged_at"]],
        column_label("reviewer", lang): log["who"].astype(str).tolist(),
        t("action", lang): [action_label(a, lang) for a in log["action"]],
        t("audit_changes", lang): [changes_text(o, n, lang) for o, n in zip(log["old"], log["new"], strict=True)],
        column_label("review_reason", lang): log["reason"].fillna("").astype(str).tolist(),
    })


def orphans_table(orphans: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Decisions whose sentence is gone, as the page shows them."""
    return pd.DataFrame({
        column_label("source_file", lang): orphans["source_file"].astype(str).tolist(),
        t("action", lang): [action_label(a, lang) for a in orphans["action"]],
        t("audit_changes", lang): [set_text(c, lang) for c in orphans["changes"]],
        column_label("review_reason", lang): orphans["reason"].astype(str).tolist(),
        column_label("reviewer", lang): orphans["reviewer"].astype(str).tolist(),
        t("audit_when", lang): [str(x)[:19] for x in orphans["decided_at"]],
    })
