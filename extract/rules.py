"""Match numbers to catalog indicators and read their attributes from the words around them.

Everything indicator-specific lives in data/catalog.toml; this module only knows how to apply
a cue (before / after / context) and how the generic attributes are written in Chinese
(age thresholds, 常住/户籍, reference periods, whose work a number describes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extract.catalog import CATALOG, Catalog, Cue, Indicator
from extract.normalize import clause_bounds, sentence_bounds
from extract.numbers import Mention

AGE_RE = re.compile(r"(?P<age>60|65)周?岁")
BASE_RE = re.compile(r"常住|户籍")
BASES = {"常住": "resident", "户籍": "household"}
PERIOD_RE = re.compile(
    r"(?P<asof>截至|截止|到)?(?P<y>20\d\d)年(?:(?P<m>\d{1,2})月)?(?P<end>底|末)?(?P<since>以来|起|至今|以前|前)?"
)
BODY_RE = re.compile(r"(全国|省|市|县|区|各级)人大(常委会)?")
PREVIOUS_LEFT_RE = re.compile(r"从[^,;。!?:\n]{0,8}$")
PREVIOUS_RIGHT_RE = re.compile(r"^[^,;。!?:\n]{0,4}(提升|提高|增加|上升|增长|下降|减少|降低)(至|到)")


@dataclass
class Candidate:
    """A number that fits an indicator, with what the words around it say about it."""

    mention: Mention
    indicator: Indicator
    tier: int
    quote_start: int
    quote_end: int
    age_threshold: int | None = None
    population_base: str | None = None
    status: str | None = None
    ref_period: str | None = None
    region_code: str = ""
    secondary: bool = False  # the province's work, or the "from" value of a change
    # Filled in by decimals.resolve:
    value: float = 0.0
    alternatives: list[float] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    steps: str = ""  # why the value is what it is, beyond reading the digits
    read_as: str = ""  # the printed number with its decimal point put back (537.6万)


def _cue_matches(cue: Cue, left: str, right: str, context: str) -> re.Match[str] | bool | None:
    bm = None
    if cue.before_re is not None:
        bm = cue.before_re.search(left)
        if bm is None:
            return None
    if cue.after_re is not None and not cue.after_re.match(right):
        return None
    if cue.context_re is not None and not cue.context_re.search(context):
        return None
    return bm or True


def match(text: str, m: Mention, catalog: Catalog = CATALOG) -> tuple[Indicator, int, re.Match | None] | None:
    """The first indicator (catalog order) with a cue that fits, its best tier, the before-match."""
    s0, s1 = sentence_bounds(text, m.start)
    left = text[s0:m.start]
    right = text[m.counter_end:s1]
    p0, _ = sentence_bounds(text, max(s0 - 1, 0)) if s0 else (s0, s0)
    context = text[p0:s1]
    for ind in catalog.indicators:
        if m.counter not in ind.counters:
            continue
        best: tuple[int, re.Match | None] | None = None
        for cue in ind.cues:
            hit = _cue_matches(cue, left, right, context)
            if hit and (best is None or cue.tier < best[0]):
                best = (cue.tier, hit if isinstance(hit, re.Match) else None)
        if best:
            return ind, best[0], best[1]
    return None


def _nearest(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is the nearest
        pass
    return found


RELATIVE_YEAR_RE = re.compile(r"(今年|本年度|去年|上年|上一年)(?!以来)")


@dataclass(frozen=True)
class ReportContext:
    """What a number's report tells about it: whose report, which places it names, which year."""

    region: str
    regions_in_text: list[tuple[int, int, str]]
    may_override: Callable[[str], bool]  # may a place named in a clause take that clause's numbers
    is_province: bool
    year: int | None = None  # the bulletin's year, for 今年 / 去年


def _period(text: str, s0: int, s1: int, m: Mention, year: int | None) -> str | None:
    """The period a value refers to: the nearest year before it in its sentence, else after it in its clause."""

    def fmt(p: re.Match[str]) -> str | None:
        if p.group("since"):
            return None
        y = p.group("y")
        if p.group("m"):
            return f"{y}-{int(p.group('m')):02d}"
        return f"{y}-12-31" if p.group("end") else y

    before = [p for p in PERIOD_RE.finditer(text, s0, m.start) if fmt(p)]
    if before:
        return fmt(before[-1])
    _, c1 = clause_bounds(text, m.start)
    after = [p for p in PERIOD_RE.finditer(text, m.counter_end, c1) if fmt(p)]
    if after:
        return fmt(after[0])
    if year and (rel := _nearest(RELATIVE_YEAR_RE, text[s0:m.start])):
        return str(year if rel.group(1) in ("今年", "本年度") else year - 1)
    return None


def candidate(text: str, m: Mention, ctx: ReportContext, catalog: Catalog = CATALOG) -> Candidate | None:
    hit = match(text, m, catalog)
    if hit is None:
        return None
    ind, tier, before = hit
    s0, s1 = sentence_bounds(text, m.start)
    c0, c1 = clause_bounds(text, m.start)
    left = text[s0:m.start]
    q0 = min(c0, s0 + before.start()) if before else c0
    c = Candidate(m, ind, tier, q0, c1)

    attrs = set(ind.attributes)
    if "age_threshold" in attrs:
        age = before.groupdict().get("age") if before else None
        if age is None and (a := _nearest(AGE_RE, left)):
            age = a.group("age")
        if age is None and s0:
            p0, _ = sentence_bounds(text, s0 - 1)
            if a := _nearest(AGE_RE, text[p0:s0]):
                age = a.group("age")
        c.age_threshold = int(age) if age else None
    if "population_base" in attrs:
        b = _nearest(BASE_RE, left)
        if b is None and s0:
            p0, _ = sentence_bounds(text, s0 - 1)
            b = _nearest(BASE_RE, text[p0:s0])
        c.population_base = BASES[b.group(0)] if b else None
    if "status" in attrs:
        window = text[c0:c1]
        c.status = next((status for status, rx in catalog.status_res if rx.search(window)), None)
    c.ref_period = _period(text, s0, s1, m, ctx.year)

    # A number whose own clause names a place belongs to that place (其中林州市建成…).
    c.region_code = ctx.region
    named = [code for start, _, code in ctx.regions_in_text if c0 <= start < m.start and ctx.may_override(code)]
    if named:
        c.region_code = named[-1]

    body = _nearest(BODY_RE, left)
    if body and body.group(1) in ("省", "全国") and not ctx.is_province:
        c.secondary = True
    if PREVIOUS_LEFT_RE.search(text[c0:m.start]) and PREVIOUS_RIGHT_RE.match(text[m.counter_end:c1]):
        c.secondary = True
    return c
