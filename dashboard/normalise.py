"""Per-capita views: a value per 10,000 elderly people or residents, keeping what makes rates comparable.

A rate over 60+ residents and one over 65+ hukou holders are different measures, so each row keeps
the measure of its denominator, and charts draw one panel per denominator measure. A doubtful
denominator makes a doubtful rate: its flags travel with the row.
"""

from __future__ import annotations

import pandas as pd

# a ÷ b: what the qualifiers of numerator and denominator make of the quotient.
_FLIP = {"at_least": "at_most", "at_most": "at_least", "approx": "approx", "exact": "exact"}


def divide_qualifier(numerator: str, denominator: str) -> str:
    """≥a ÷ b is ≥; a ÷ ≥b is ≤; anything vaguer on both sides is only approximate."""
    if denominator == "exact":
        return numerator
    flipped = _FLIP.get(denominator, "approx")
    if numerator == "exact" or numerator == flipped:
        return flipped
    return "approx"


def _merge_flags(a: object, b: object) -> list[str]:
    return sorted({*(list(a) if a is not None else []), *(list(b) if b is not None else [])})


def per_elderly(values: pd.DataFrame, elderly: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """values per 10,000 of each region's reported elderly population; and the regions that gave none.

    elderly: queries.elderly_population (region_code, elderly, elderly_age, elderly_base,
    elderly_qualifier, elderly_flags). The result's per_age / per_base name the denominator's measure.
    """
    merged = values.merge(elderly, on="region_code", how="left")
    cannot = merged.loc[merged["elderly"].isna(), "region_name"].tolist()
    merged = merged.dropna(subset=["elderly"]).copy()
    merged["per10k"] = merged["value"] / merged["elderly"] * 10_000
    merged["qualifier"] = [divide_qualifier(q, d) for q, d in
                           zip(merged["qualifier"], merged["elderly_qualifier"], strict=True)]
    merged["flags"] = [_merge_flags(a, b) for a, b in zip(merged["flags"], merged["elderly_flags"], strict=True)]
    merged["per_age"] = merged["elderly_age"].astype(object).where(merged["elderly_age"].notna(), None)
    merged["per_base"] = merged["elderly_base"].astype(object).where(merged["elderly_base"].notna(), None)
    return merged.reset_index(drop=True), cannot


def per_resident(values: pd.DataFrame, population_10k: pd.Series) -> tuple[pd.DataFrame, list[str]]:
    """values per 10,000 residents (2023 year-end resident population, reference data); regions without one."""
    shown = values.assign(population=values["region_code"].map(population_10k * 10_000))
    cannot = shown.loc[shown["population"].isna(), "region_name"].tolist()
    shown = shown.dropna(subset=["population"]).copy()
    shown["per10k"] = shown["value"] / shown["population"] * 10_000
    shown["per_age"], shown["per_base"] = None, "resident"
    return shown.reset_index(drop=True), cannot


def panels(shown: pd.DataFrame) -> list[tuple[tuple, pd.DataFrame]]:
    """One group per denominator measure (age, base), the largest first."""
    groups = [(key, part) for key, part in shown.groupby(["per_age", "per_base"], dropna=False, sort=False)]
    groups = [(tuple(None if pd.isna(k) else k for k in key), part) for key, part in groups]
    return sorted(groups, key=lambda g: -len(g[1]))
