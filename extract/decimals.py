"""Lost decimal points: decide them where the numbers themselves decide, flag them where not.

Bulletins converted from PDF lost every decimal point (５３７６万 is 537.6万). A document is
treated as having lost them only on evidence (no decimal point anywhere, and a value that is
impossible as printed), so a clean document is never "recovered". Then each value that could
have held a decimal point gets its possible readings, and checks narrow them:

- a share or rate is at most 100 and inside the indicator's plausible range (catalog);
- a population is plausible for its region (2023 populations of Henan's cities, the 2020 census
  of every prefecture, else a range by administrative level, a county's never above its city's);
- elderly ÷ total must agree with the stated share of the same report.

One reading left: that is the value (flag decimal_recovered if it is not the printed one).
Several left: the printed reading stays, flagged ambiguous, with the others as alternatives.
"""

from __future__ import annotations

import itertools
import re

from extract.candidate import Candidate
from extract.catalog import CATALOG
from extract.regions import REGIONS

MAX_SHIFT = 2  # statistics here carry one or two decimals
LEVEL_POPULATION = {"nation": (1.2e9, 1.5e9), "province": (2e6, 1.3e8), "prefecture": (2e5, 2.5e7),
                    "county": (2e4, 2.5e6), "district": (2e4, 6e6)}
# A city's district may be as large as 浦东 (5.7 million); no county or county-level city holds more than
# about 2.1 million (晋江, 昆山 in the 2020 census).
HOUSEHOLD_SLACK = 1.35  # household counts exceed resident ones by up to a third (周口, 毕节)
GROWTH_RE = re.compile(r"(增长|提高|上升|增加|同比|超额|超过)[^,;。]{0,4}$")


def readings(c: Candidate, lost: bool) -> list[float]:
    """The printed reading first, then the readings with a decimal point put back."""
    m = c.mention
    out = [m.value]
    # A round number qualified after it (30余, 73%以上) is not written with decimals; one qualified
    # before it (超过2.4万, 近1.6万), or in 万 (1.2万余), may be.
    rounded = (m.scale == 1 and any(w in m.printed for w in ("余", "多"))) or (
        m.percent and m.printed.endswith("以上"))
    if not lost or not m.can_lose_decimal or rounded:
        return out
    for k in range(1, MAX_SHIFT + 1):
        if len(m.digits) <= k:
            break
        if m.digits[-k:].endswith("0"):
            continue  # "2.0万" is almost never printed; 20万 is
        out.append(m.value / 10**k)
    return out


CENSUS_DRIFT = (0.85, 1.15)  # populations since the 2020 census: within this of it


def _population_bounds(code: str) -> tuple[float, float] | None:
    region = REGIONS.get(code)
    if region is None:
        return None
    if region.population_10k:
        return region.population_10k * 1e4, region.population_10k * 1e4
    if region.census_population:
        return region.census_population * CENSUS_DRIFT[0], region.census_population * CENSUS_DRIFT[1]
    level = "district" if region.level == "county" and region.name.endswith("区") else region.level
    low, high = LEVEL_POPULATION[level]
    parent = _population_bounds(region.parent) if region.level == "county" and region.parent else None
    # A county or district never holds more people than the city (or province) it lies in.
    return (low, min(high, parent[1])) if parent else (low, high)


def _has_census(code: str) -> bool:
    """Whether the place's population is known (else its level's bounds stand in)."""
    region = REGIONS.get(code)
    return bool(region and (region.population_10k or region.census_population))


def _census_elderly_ok(c: Candidate, value: float) -> bool:
    """An elderly count near the census share of its age group (catalog: census_share)."""
    region = REGIONS.get(c.region_code)
    if not c.indicator.census_share or region is None or not region.census_population:
        return True
    share = region.census_share65 if c.age_threshold == 65 else region.census_share60
    if not share:
        return True
    low, high = c.indicator.census_share
    expected = region.census_population * share / 100
    return low * expected <= value <= high * expected


def plausible(c: Candidate, value: float, *, stocks_only: bool = False) -> bool:
    """Could the value be true? stocks_only: judge by population ratios only the population
    domain's stocks (a year's new beds may be far below the beds a city has)."""
    ind = c.indicator
    if ind.is_percent and value > 100:
        return False
    if ind.plausible and not ind.plausible[0] <= value <= ind.plausible[1]:
        return False
    if stocks_only and ind.domain != "population":
        return True
    bounds = _population_bounds(c.region_code)
    if ind.per_population and bounds:
        low, high = ind.per_population
        if not bounds[0] * low <= value <= bounds[1] * high:
            return False
    return _census_elderly_ok(c, value)


FULL_WIDTH_DIGIT_RE = re.compile("[０-９]")


def document_lost_decimals(text: str, mentions, candidates: list[Candidate], original: str = "") -> bool:
    """Did the document lose its decimal points? Only on evidence: no decimal point anywhere, and
    either a value impossible as printed, or the marks of PDF conversion (full-width digits)."""
    if re.search(r"\d\.\d", text):
        return False  # the document kept its decimal points
    if FULL_WIDTH_DIGIT_RE.search(original) and any(c.mention.can_lose_decimal for c in candidates):
        return True  # converted from PDF: what could have held a decimal point is read both ways
    for m in mentions:
        if m.percent and m.value > 100 and not GROWTH_RE.search(text[max(0, m.start - 12):m.start]):
            return True
    for c in candidates:
        if c.mention.can_lose_decimal and not plausible(c, c.mention.value):
            shifted = readings(c, lost=True)[1:]
            if any(plausible(c, v) for v in shifted):
                return True
    return False


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.2, 0.02 * b)


def _narrow(options: dict[int, list[float]], group: list[Candidate], ok) -> None:
    """Keep the readings of a group of values that together pass ok(*values), if any combination does."""
    keys = [id(c) for c in group]
    combos = [combo for combo in itertools.product(*(options[k] for k in keys)) if ok(*combo)]
    if combos:
        for n, k in enumerate(keys):
            options[k] = [v for v in options[k] if any(combo[n] == v for combo in combos)]


def _first(cands: list[Candidate], code: str, region: str, **attrs) -> Candidate | None:
    """The first value of the indicator for the place with the attributes given; one that states them beats
    one that leaves them open (常住人口96万人 over 总人口118万人 for a share of the resident population)."""
    # A part, a plan or a value of an undecided place says nothing of the whole's size.
    usable = [c for c in cands if c.indicator.code == code and c.region_code == region and not c.secondary
              and not c.doubts and all(getattr(c, k) in (None, v) for k, v in attrs.items())]
    stated = [c for c in usable if all(getattr(c, k) == v for k, v in attrs.items())]
    return (stated or usable or [None])[0]


def resolve(cands: list[Candidate], lost: bool) -> None:
    """Set value, alternatives, flags and steps on every candidate of one report."""
    options: dict[int, list[float]] = {}
    for c in cands:
        readings_ = readings(c, lost)
        options[id(c)] = [v for v in readings_ if plausible(c, v)] or readings_
        if not any(plausible(c, v, stocks_only=True) for v in readings_):
            c.doubts.append("implausible")
            c.why.append("impossible for its place under every reading of the digits")
    if lost:
        for region in {c.region_code for c in cands}:
            _cross_check(cands, options, region)
    for c in cands:
        _settle(c, options[id(c)])


def _cross_check(cands: list[Candidate], options: dict[int, list[float]], region: str) -> None:
    """Values of one report that must agree: the catalog's relations (elderly ÷ total = share,
    rectified ÷ handed over = rate), a part below its whole, and parts of the elderly population."""
    for rel in CATALOG.relations:
        for result in (c for c in cands if c.indicator.code == rel.result and c.region_code == region):
            part = _first(cands, rel.part, region, **{a: getattr(result, a) for a in rel.part_same})
            whole = next((w for code in rel.wholes
                          if (w := _first(cands, code, region, **{a: getattr(result, a) for a in rel.whole_same}))),
                         None)
            if part and whole:
                _narrow(options, [whole, part, result],
                        lambda w, p, r, tol=rel.tolerance: bool(w) and _agrees(p / w * 100, r, tol))
            elif part and rel.fallback_population and (bounds := _population_bounds(region)):
                if bounds[0] == bounds[1]:
                    _narrow(options, [part, result], lambda p, r, b=bounds[0]: 0.6 * r <= p / b * 100 <= 1.6 * r)
                else:  # 老年人口68万人,占户籍人口的18.9%: 3.6 million people, more than any county has
                    # (a census population may be a resident one, so a household base gets slack; a level's
                    # bounds, already the largest any county or district has, get none)
                    slack = HOUSEHOLD_SLACK if _has_census(region) else 1.0
                    _narrow(options, [part, result], lambda p, r, lo=bounds[0], hi=bounds[1], k=slack:
                            bool(r) and lo / k <= p / r * 100 <= hi * k)
        part, whole = _first(cands, rel.part, region), _first(cands, rel.wholes[0], region)
        if part and whole:
            _narrow(options, [whole, part], lambda w, p: p <= w)
    elderly = _first(cands, "elderly_population", region)
    if elderly:
        for part in (c for c in cands if c.indicator.per_elderly and c.region_code == region and not c.doubts):
            low, high = part.indicator.per_elderly
            _narrow(options, [elderly, part], lambda e, v, lo=low, hi=high: lo * e <= v <= hi * e)


def _agrees(computed: float, stated: float, tolerance: float | None) -> bool:
    return abs(computed - stated) <= tolerance if tolerance is not None else _close(computed, stated)


def _settle(c: Candidate, opts: list[float]) -> None:
    printed_value = c.mention.value
    if len(opts) == 1:
        c.value = opts[0]
        if c.value != printed_value:
            c.flags.append("decimal_recovered")
            c.read_as = _plain(c, c.value)
            c.steps = "the document lost its decimal points and only this reading passes the checks"
        return
    c.value = printed_value if printed_value in opts else opts[0]
    if c.value != printed_value:
        c.flags.append("decimal_recovered")
        c.read_as = _plain(c, c.value)
    c.flags.append("ambiguous")
    c.alternatives = [v for v in opts if v != c.value]
    c.steps = ("the document lost its decimal points and nothing decides between "
               f"{', '.join(_plain(c, v) for v in opts)}")


def _plain(c: Candidate, value: float) -> str:
    m = c.mention
    if m.percent:
        return f"{value:g}%"
    if m.scale >= 10_000:  # steps are English: 929.24 × 10,000, not 929.24万
        return f"{value / m.scale:g} × {m.scale:,}"
    return f"{value:g}"
