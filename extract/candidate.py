"""What the rules know of one number: the stretches of text around it (Frame), the indicator its cue
names (Hit), what the words around it say (Candidate), and what its report says (ReportContext); with
the small helpers every rule module shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from extract.catalog import Catalog, Indicator
from extract.normalize import all_bounds
from extract.numbers import Mention

AGE_RE = re.compile(r"(?P<age>60|65|六十五|六十)周?岁")
AGES = {"60": 60, "65": 65, "六十": 60, "六十五": 65}
BASE_RE = re.compile(r"常住|户籍")
BASES = {"常住": "resident", "户籍": "household"}


@dataclass(slots=True)
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
    region_name: str | None = None  # a town's name (城关镇) where the place has no code of its own
    secondary: bool = False  # the province's work, or the "from" value of a change
    qualifier: str | None = None  # set where the words around the number change the printed one's
    qualifier_why: str = ""  # … and why, for the record's steps
    doubts: list[str] = field(default_factory=list)  # scope_uncertain, target, subset: never primary
    why: list[str] = field(default_factory=list)  # the doubts' reasons, for the record's steps
    # Doubts a plan made moot (新建…年度任务120个: an increase, but every plan's figure is one), with their
    # reason: progress toward the plan (已建成104个) is still an increase.
    mooted: tuple[tuple[str, ...], str] = ((), "")
    column: str = ""  # the table column it was read under (老年助餐点(个)), for the record's steps
    earlier: bool = False  # of a year before the report's: by its period, or by 上年末/去年 where it has none
    # Filled in by decimals.resolve:
    value: float = 0.0
    alternatives: list[float] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    steps: str = ""  # why the value is what it is, beyond reading the digits
    read_as: str = ""  # the printed number with its decimal point put back (537.6 × 10,000)


class Hit(NamedTuple):
    indicator: Indicator
    tier: int
    before: re.Match | None  # the cue's before-match, if it had one
    flags: tuple[str, ...] = ()  # what the cue (or a subset pattern) says of the value
    why: str = ""
    moot_in_plans: tuple[str, ...] = ()  # flags that say nothing once the value turns out to be a plan
    moot_why: str = ""
    column: str = ""  # a table's column heading the number was read under
    percent: bool = False  # a bare number read as a share under its column's (%)


class Frame(NamedTuple):
    """The stretches of text around one number that every rule reads, found once per number (named tuples,
    as Mention and Hit: built for every number)."""

    text: str
    m: Mention
    s0: int  # its sentence: [s0, s1), the stop included
    s1: int
    c0: int  # its clause: [c0, c1)
    c1: int
    p0: int  # where the sentence before begins (s0 if there is none)
    left: str  # the sentence up to the number
    right: str  # the sentence after the number and its measure word
    context: str  # this sentence and the one before
    clause_left: str  # the clause up to the number


def frame(text: str, m: Mention) -> Frame:
    return frames(text, [m])[0]


def frames(text: str, mentions: Sequence[Mention]) -> list[Frame]:
    """The frame of every number of a text, their bounds found in one pass."""
    out = []
    for m, (s0, s1, c0, c1, p0) in zip(mentions, all_bounds(text, [m.start for m in mentions]), strict=True):
        out.append(Frame(text, m, s0, s1, c0, c1, p0, text[s0:m.start], text[m.counter_end:s1], text[p0:s1],
                         text[c0:m.start]))
    return out


def nearest(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = pattern.search(text)  # (most find none: one call, no iterator)
    if found is not None:
        rest = pattern.finditer(text, found.end())
        for found in rest:  # noqa: B007 - the last one is the nearest
            pass
    return found


@dataclass(frozen=True)
class ReportContext:
    """What a number's report tells about it: whose report, which places it names, which year."""

    region: str
    regions_in_text: list[tuple[int, int, str]]
    may_override: Callable[[str], bool]  # may a place named in a clause take that clause's numbers
    is_province: bool
    year: int | None = None  # the bulletin's year, for 今年 / 去年
    mentions: tuple[Mention, ...] = ()  # every number of the text, for 分别 pairs

    region_starts: tuple[int, ...] = ()  # start of each of regions_in_text (they are in text order)
    mention_starts: tuple[int, ...] = ()
    part: str | None = None  # a town whose own body reports (城关镇人大主席团): the report's figures are its
    undecided: bool = False  # the report's place is one of several same-named ones, and nothing says which
    plan: bool = False  # the report is a plan as a whole (its title: 工作要点): its figures are plans
    plan_starts: tuple[int, ...] = ()  # the text's next-steps sections (下一步…), as [start, end) spans
    plan_ends: tuple[int, ...] = ()
    plan_years: tuple[int | None, ...] = ()  # … and the year each names, if any
    # The last characters of the names the report calls its own place by (济源示范区: 区), so that 全区 there
    # is the report's place as a whole.
    own_endings: str = ""
    # Each sentence's clause starts and the head scope after each (place._clause_scopes), by sentence start:
    # worked out once a sentence, read for each of its numbers.
    clause_scopes: dict[int, tuple[list[int], list[str | None]]] = field(default_factory=dict, compare=False,
                                                                          repr=False)

    def places_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The places named in text[start:end]: a bisect, not a scan."""
        s = self.region_starts
        return self.regions_in_text[bisect_left(s, start):bisect_left(s, end)]

    def mentions_between(self, start: int, end: int) -> tuple[Mention, ...]:
        s = self.mention_starts
        return self.mentions[bisect_left(s, start):bisect_left(s, end)]


def doubt(c: Candidate, flag: str, why: str) -> None:
    if flag not in c.doubts:
        c.doubts.append(flag)
    if why:
        c.why.append(why)


def last_clause(words: str) -> str:
    """The last clause of words (after its last , ; or :)."""
    return words[max(words.rfind(stop) for stop in ",;:") + 1:]


def respective_list(f: Frame, ctx: ReportContext, catalog: Catalog
                     ) -> tuple[list[Mention], list[re.Match[str]], list[re.Match[str]]] | None:
    """The values of the 分别 list a number is in, with the ages and the bases the sentence lists before its
    first 分别 (60岁以上、65岁以上老年人口分别为72.6万人、55.1万人,分别占…20.8%和15.8%)."""
    text, m, words = f.text, f.m, catalog.words.res
    first = words["respectively"].search(text, f.s0, m.start)
    if first is None:
        return None
    closest = nearest(words["respectively"], text[first.start():m.start])
    values = [x for x in ctx.mentions_between(first.start() + closest.end(), f.c1) if x.counter == m.counter]
    if len(values) < 2 or m not in values:
        return None
    return (values, list(AGE_RE.finditer(text, f.s0, first.start())),
            list(BASE_RE.finditer(text, f.s0, first.start())))
