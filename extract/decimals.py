"""Lost decimal points: decide them where the numbers themselves decide, flag them where not.

Bulletins converted from PDF lost every decimal point (５３７６万 is 537.6万). A document is
treated as having lost them only on evidence (no decimal point anywhere, and a value that is
impossible as printed), so a clean document is never "recovered". Then each value that could
have held a decimal point gets its possible readings, and checks narrow them:

- a share or rate is at most 100 and inside the indicator's plausible range (catalog);
- a population is plausible for its region (2023 populations of Henan's cities, else a range
  by administrative level);
- elderly ÷ total must agree with the stated share of the same report.

One reading left: that is the value (flag decimal_recovered if it is not the printed one).
Several left: the printed reading stays, flagged ambiguous, with the others as alternatives.
"""

from __future__ import annotations

import itertools
import re

from extract.regions import REGIONS
from extract.rules import Candidate

MAX_SHIFT = 2  # statistics here carry one or two decimals
LEVEL_POPULATION = {"province": (2e6, 1.3e8), "prefecture": (2e5, 2.5e7), "county": (2e4, 4e6)}
POPULATION_SHARE = {  # of the region's total population
    "population_total": (1.0, 1.0),
    "elderly_population": (0.03, 0.6),
    "oldest_old_population": (0.001, 0.25),
    "disabled_elderly": (0.001, 0.25),
}
GROWTH_RE = re.compile(r"(增长|提高|上升|增加|同比|超额|超过)[^,;。]{0,4}$")


def readings(c: Candidate, lost: bool) -> list[float]:
    """The printed reading first, then the readings with a decimal point put back."""
    m = c.mention
    out = [m.value]
    # A qualified round number (30余, 73%以上) is not written with decimals: only exact and
    # approximate values can have lost one.
    if not lost or not m.can_lose_decimal or m.qualifier == "at_least":
        return out
    for k in range(1, MAX_SHIFT + 1):
        if len(m.digits) <= k:
            break
        if m.digits[-k:].endswith("0"):
            continue  # "2.0万" is almost never printed; 20万 is
        out.append(m.value / 10**k)
    return out


def _population_range(code: str, indicator: str) -> tuple[float, float] | None:
    share = POPULATION_SHARE.get(indicator)
    region = REGIONS.get(code)
    if share is None or region is None:
        return None
    if region.population_10k:
        total = region.population_10k * 1e4
        low, high = total * 0.5, total * 2.0  # household counts can exceed resident ones
    else:
        low, high = LEVEL_POPULATION[region.level]
    return low * share[0], high * share[1]


def plausible(c: Candidate, value: float) -> bool:
    ind = c.indicator
    if ind.is_percent and value > 100:
        return False
    if ind.plausible and not ind.plausible[0] <= value <= ind.plausible[1]:
        return False
    span = _population_range(c.region_code, ind.code)
    return not (span and not span[0] <= value <= span[1])


def document_lost_decimals(text: str, mentions, candidates: list[Candidate]) -> bool:
    if re.search(r"\d\.\d", text):
        return False  # the document kept its decimal points
    for m in mentions:
        if m.percent and m.value > 100 and not GROWTH_RE.search(text[max(0, m.start - 12):m.start]):
            return True
    for c in candidates:
        if c.mention.can_lose_decimal and not plausible(c, c.mention.value):
            shifted = readings(c, lost=True)[1:]
            if any(plausible(c, v) for v in shifted):
                return True
    return False


def _consistent(total: float, elderly: float, share: float) -> bool:
    if not total:
        return False
    ratio = elderly / total * 100
    return abs(ratio - share) <= max(0.2, 0.02 * share)


def _joint(options: dict[int, list[float]], trio: tuple[Candidate, Candidate, Candidate]) -> None:
    """Keep only readings of total, elderly and share that agree with each other."""
    keys = [id(c) for c in trio]
    combos = [combo for combo in itertools.product(*(options[k] for k in keys)) if _consistent(*combo)]
    if combos:
        for n, k in enumerate(keys):
            options[k] = [v for v in options[k] if any(combo[n] == v for combo in combos)]


def _pairs(cands: list[Candidate]) -> list[tuple[Candidate, Candidate, Candidate]]:
    """(total, elderly, share) triples of one report and region that describe one population."""
    out = []
    by = {}
    for c in cands:
        by.setdefault((c.region_code, c.indicator.code), []).append(c)
    for (region, code), shares in by.items():
        if code != "elderly_share":
            continue
        for s in shares:
            totals = [t for t in by.get((region, "population_total"), [])
                      if s.population_base in (None, t.population_base)]
            elders = [e for e in by.get((region, "elderly_population"), [])
                      if e.age_threshold in (None, s.age_threshold)]
            if totals and elders:
                out.append((totals[0], elders[0], s))
    return out


def resolve(cands: list[Candidate], lost: bool) -> None:
    """Set value, alternatives, flags and steps on every candidate of one report."""
    options: dict[int, list[float]] = {}
    for c in cands:
        readings_ = readings(c, lost)
        kept = [v for v in readings_ if plausible(c, v)]
        options[id(c)] = kept or readings_
    if lost:
        for trio in _pairs(cands):
            _joint(options, trio)
        for c in cands:  # an elderly population is smaller than the total it belongs to
            if c.indicator.code == "elderly_population":
                totals = [t for t in cands if t.indicator.code == "population_total" and t.region_code == c.region_code]
                if totals and len(options[id(totals[0])]) == 1:
                    t = options[id(totals[0])][0]
                    options[id(c)] = [v for v in options[id(c)] if v < t] or options[id(c)]
    for c in cands:
        printed_value = c.mention.value
        opts = options[id(c)]
        if len(opts) == 1:
            c.value = opts[0]
            if c.value != printed_value:
                c.flags.append("decimal_recovered")
                c.steps = f"{c.mention.printed} → {_plain(c, c.value)}: the document lost its decimal points; " \
                          f"only this reading passes the checks"
        else:
            c.value = printed_value if printed_value in opts else opts[0]
            if c.value != printed_value:
                c.flags.append("decimal_recovered")
            c.flags.append("ambiguous")
            c.alternatives = [v for v in opts if v != c.value]
            c.steps = f"{c.mention.printed}: the document lost its decimal points and nothing decides " \
                      f"between {', '.join(_plain(c, v) for v in opts)}"


def _plain(c: Candidate, value: float) -> str:
    m = c.mention
    if m.percent:
        return f"{value:g}%"
    if m.scale >= 10_000:
        unit = "万" if m.scale == 10_000 else "亿"
        return f"{value / m.scale:g}{unit}"
    return f"{value:g}"
