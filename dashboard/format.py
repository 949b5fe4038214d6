"""How values read on screen: 537.6万人, ≥73%, 未报告 — never a bare zero for a missing value."""

from __future__ import annotations

import html
import re

import pandas as pd

from dashboard.i18n import t, unit_label
from extract.catalog import CATALOG

SIGNS = {"at_least": "≥", "approx": "≈", "at_most": "≤", "exact": ""}
# Flags that make a value look uncertain wherever it is shown (range and qualifiers show as ≥ instead).
FLAGGED = tuple(f for f in CATALOG.flags if f != "range")


_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark: CommonMark lets each be escaped


def md(text: object) -> str:
    """Text from a bulletin, safe inside st.markdown / st.caption: shown as written, never a link,
    tag, emphasis, formula or colour directive."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def plot_text(text: object) -> str:
    """Text from a bulletin, safe inside a Plotly label, title or hover (which read a few HTML tags)."""
    return html.escape(str(text), quote=False)


def punctuation(lang: str) -> tuple[str, str, str, str]:
    """List separator, clause separator and brackets: 、；（） in Chinese, , ; ( ) in English."""
    return ("、", "；", "（", "）") if lang == "zh" else (", ", "; ", " (", ")")


def _missing(value: object) -> bool:
    """None, NaN and pandas' NA all mean: the report gives no such number."""
    return value is None or (not isinstance(value, list | tuple | str) and bool(pd.isna(value)))


def number(value: float, unit: str, lang: str = "zh") -> str:
    """A number for reading: 万/亿 in Chinese, thousands separators in English; raw values stay in exports."""
    if unit == "percent":
        return f"{value:.4g}%"
    if lang == "zh" and abs(value) >= 100_000_000:
        return f"{value / 100_000_000:.4g}亿"
    if lang == "zh" and abs(value) >= 10_000:
        return f"{value / 10_000:.6g}万"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4g}"


def per_number(value: float) -> str:
    """A rate per 10,000: three significant digits (4.05, 0.891), whole numbers from 1,000 on."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def value_text(value: float | None, unit: str, qualifier: str = "exact", lang: str = "zh", *,
               with_unit: bool = True) -> str:
    """≥73%, 约20万人, 未报告."""
    if _missing(value):
        return t("not_reported", lang)
    text = SIGNS.get(qualifier, "") + number(float(value), unit, lang)
    if with_unit and unit != "percent":
        label = unit_label(unit, lang)
        text += label if lang == "zh" else f" {label}"
    return text


def measure_label(age: object, base: object, status: object, lang: str = "zh") -> str:
    """60岁及以上 · 户籍人口 — the attributes that make two values different measures."""
    parts = []
    if not _missing(age):
        parts.append(t(f"age_{int(age)}", lang) if int(age) in (60, 65) else f"{int(age)}+")
    if not _missing(base):
        parts.append(t(f"base_{base}", lang))
    if not _missing(status):
        parts.append(t(f"status_{status}", lang))
    return " · ".join(parts)


def flag_labels(flags: list[str] | None, lang: str = "zh") -> list[str]:
    return [t(f"flag_{f}", lang) for f in (flags or []) if f"flag_{f}" in _FLAG_KEYS]


def is_flagged(flags: list[str] | None) -> bool:
    return any(f in FLAGGED for f in (flags or []))


ISSUE_RE = re.compile(r"(\d{4})年第(\d+)期")


def issue_label(issue: str, lang: str = "zh") -> str:
    """2024年第14期, or in English "bulletin no. 14 of 2024"."""
    m = ISSUE_RE.fullmatch(issue)
    return t("issue_label", lang, year=m.group(1), n=int(m.group(2))) if m and lang == "en" else issue


def bulletin_label(issue: object, date: object, album_no: object, lang: str = "zh") -> str:
    """简报2024年第14期（2024-05-20） or 联动监督专辑（十七） when the bulletin has no issue line."""
    parts = []
    if not _missing(issue):
        parts.append(issue_label(str(issue), lang))
    if not _missing(date):
        parts.append(str(date))
    if not parts and not _missing(album_no):
        parts.append(t("album", lang, n=int(album_no)))
    return " ".join(parts) if parts else "—"


_FLAG_KEYS = {f"flag_{f}" for f in CATALOG.flags}


def flag_reasons(flags: list[str] | None, lang: str = "zh") -> list[str]:
    """Each flag's plain-language reason (from the catalog, where flags are defined)."""
    return [getattr(CATALOG.flags[f], lang) for f in (flags or []) if f in CATALOG.flags]
