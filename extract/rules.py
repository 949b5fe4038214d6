"""Match numbers to catalog indicators and read their attributes from the words around them.

Everything indicator-specific lives in data/catalog.toml; this module only knows how to apply
a cue (before / after / context) and how the generic attributes are written in Chinese
(age thresholds, 常住/户籍, reference periods, whose work a number describes).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from extract.catalog import CATALOG, Catalog, Cue, Indicator
from extract.normalize import all_bounds, clause_starts, is_structural
from extract.numbers import CN_DIGITS, COUNTERS, Mention
from extract.regions import NATION, REGIONS, Region

AGE_RE = re.compile(r"(?P<age>60|65|六十五|六十)周?岁")
AGES = {"60": 60, "65": 65, "六十": 60, "六十五": 65}
BASE_RE = re.compile(r"常住|户籍")
BASES = {"常住": "resident", "户籍": "household"}
TOTAL_POPULATION_RE = re.compile(r"总人口")
SHARE_BASE_RE = re.compile(r"[^。;!?\n]{0,12}占[^。;!?\n]{0,4}(常住|户籍)")  # used with match()
PERIOD_RE = re.compile(  # opens with a lookahead so that the engine skips, at C speed, where no year can start
    r"(?=[截到2])(?P<asof>截至|截止|到)?(?P<y>20\d\d)年(?:(?P<m>\d{1,2})月)?(?P<end>底|末)?(?P<since>以来|起|至今|以前|前)?"
)
BODY_AFTER_RE = re.compile(r"(人大|人民代表大会)")
BODY_RE = re.compile(r"(全国|省|市|县|区|各级)人大(常委会)?")


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


def _cue_matches(cue: Cue, left: str, right: str, context: str,
                 negation: Callable[[str], re.Match[str] | None]) -> re.Match[str] | bool | None:
    """negation: the search of the catalog's negation words."""
    before, after, context_search, _ = cue.checks
    bm = None
    if before is not None:
        bm = before(left)
        if bm is None:
            return None
    if after is not None:
        am = after(right)
        if am is None:
            return None
        # 社区日间照料中心32个、老年助餐点57个: a noun in the next item of a list, followed by a number of its
        # own, is that number's (but 交办的3个问题2项已整改 speaks of the 3); so is 5个社区的养老服务站点9个's
        # (the 5 counts the communities the sites lie in).
        nxt = right[am.end():am.end() + 1]
        if nxt and (nxt.isdigit() or nxt in CN_DIGITS) and any(sep in am.group(0) for sep in "、和及与"):
            return None
        if "的" in am.group(0) and _NOUN_TO_NUMBER_RE.match(right, am.end()):
            return None
        if negation(am.group(0)):  # 尚有7个乡镇未建成老年助餐点: a count of what lacks them
            return None
    if context_search is not None and context_search(context) is None:
        return None
    return bm or True


# The rest of a noun phrase up to a number of its own (…养老服务站点9个).
_NOUN_TO_NUMBER_RE = re.compile(rf"[^,;。!?:\n、\d{CN_DIGITS}]{{0,8}}(?=[\d{CN_DIGITS}])")


@dataclass(frozen=True)
class Hit:
    indicator: Indicator
    tier: int
    before: re.Match | None  # the cue's before-match, if it had one
    flags: tuple[str, ...] = ()  # what the cue (or a subset pattern) says of the value
    why: str = ""
    moot_in_plans: tuple[str, ...] = ()  # flags that say nothing once the value turns out to be a plan
    moot_why: str = ""
    column: str = ""  # a table's column heading the number was read under
    percent: bool = False  # a bare number read as a share under its column's (%)


@dataclass(frozen=True, slots=True)
class Frame:
    """The stretches of text around one number that every rule reads, found once per number."""

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


# 分别为36个、41个和29个: what stands between 分别 and a later value of its list.
NOTE_RE = re.compile(r"\((?:[^()\d]|\d+周?岁){1,12}\)$")  # (户籍), (60岁及以上): no value of its own
VALUES_AFTER_RE = re.compile(r"(为|是|达到?|有)?\d")  # 分别为72.5%和68.3%
RESPECTIVE_LIST_RE = re.compile(r"分别(为|是|达到?|有)?([\d.,%、和及与万亿余多个家处所人名次项条张户]*)$")


def match(text: str, m: Mention, catalog: Catalog = CATALOG, f: Frame | None = None) -> Hit | None:
    """The first indicator (catalog order) with a cue that fits and no exclusion that does.

    A later value of a 分别 list is read as if it stood where the first one does."""
    f = f or frame(text, m)
    left, right, context, clause_left = f.left, f.right, f.context, f.clause_left
    if note := catalog.words.res["scope_note"].search(left):  # 养老机构(含民办机构36家)128家: read past the note
        left, clause_left = left[:note.start()], clause_left[:max(0, len(clause_left) - len(note.group()))]
    hit = _match(left, right, context, clause_left, m, catalog)
    if hit is None and (listed := RESPECTIVE_LIST_RE.search(left)):
        if listed.group(2):
            cut = len(left) - len(listed.group(2))
            hit = _match(left[:cut], right, context, clause_left[:max(0, len(clause_left) - len(listed.group(2)))],
                         m, catalog)
        if hit is None:  # 常住人口、户籍人口分别为865万人、1123万人: the nouns before 分别 name the values
            cut = len(left) - listed.start()
            hit = _match(left[:listed.start()], right, context, clause_left[:max(0, len(clause_left) - cut)], m,
                         catalog)
    if hit is None and (note := NOTE_RE.search(left)):
        # 老年人(户籍)6.9万人: a note in brackets between the noun and its number.
        hit = _match(left[:note.start()], right, context, clause_left[:max(0, len(clause_left) - len(note.group()))],
                     m, catalog)
    words = catalog.words.res
    if hit is None and (stated := words["change_before"].search(left)):
        hit = _match(left[:stated.start()], right, context, clause_left, m, catalog) if stated.start() else None
    if hit is None and (topic := words["topic_first"].match(left)):
        hit = _match(topic.group("topic"), right, context, topic.group("topic"), m, catalog)
    if hit is None and (judged := words["count_judged"].search(left)):
        # 我市老年助餐点数量偏少,目前仅建成412个: read as if the number stood right after the noun.
        noun = left[:judged.start()]
        hit = _match(noun, right, context, _last_clause(noun), m, catalog)
    if hit is None and "\t" in left:
        hit = _table_match(text, m, left, right, context, catalog)
    if hit is None and left.endswith(":"):
        # 老龄化率:19.8%, a table's label and its value on one line: read as if the label stood before it.
        label = left[:-1]
        hit = _match(label, right, context, _last_clause(label), m, catalog)
    if hit is None and (described := words["described_after"].match(right)):
        # 156个——全县已建成运营的老年助餐点总数: read as if what it counts stood before it.
        desc = described.group("desc")
        hit = _match(desc, "", context, desc, m, catalog)
    if hit is None and (change := words["change_from"].search(left) or words["previous_left"].search(left)):
        # 养老机构由2020年的34家减少到26家: both values read as if they stood right after the noun.
        cut = len(left) - change.start()
        hit = _match(left[:change.start()], right, context, clause_left[:max(0, len(clause_left) - cut)], m, catalog)
    return hit


def _last_clause(words: str) -> str:
    """The last clause of words (after its last , ; or :)."""
    return words[max(words.rfind(stop) for stop in ",;:") + 1:]


def _table_match(text: str, m: Mention, left: str, right: str, context: str, catalog: Catalog) -> Hit | None:
    """A number in a tab-separated table: its column's heading names the thing (郑州市\t1836 under
    省辖市\t老年助餐点(个)) or only its stage, the caption above the table naming the thing (已建成(个) under
    鹤壁市各县区老年助餐点建设情况);
    else its row's label names the thing and its unit, the column its period (老年助餐点(个)\t1120\t1286 under
    指标\t2022年\t2023年; candidate() reads the period from the column). A heading in 万人 would need the value
    scaled: left unread rather than read wrong."""
    heading, caption = _table_top(text, m.start)
    header = _column_heading(heading, text, m.start)
    hit = None
    if header:
        unit = TABLE_UNIT_RE.search(header)
        noun, counted = None, m
        if unit and not m.counter and unit.group(1) in COUNTERS:
            noun, counted = header[:unit.start()], replace(m, counter=unit.group(1))
        elif unit and not m.counter and not m.percent and unit.group(1) == "%":  # 覆盖率(%) over 85.1
            noun, counted = header[:unit.start()], _as_percent(m)
        elif not unit and (m.percent or m.counter):  # 整改率 over 91.7%, 已建成 over 86个: the cell has its unit
            noun = header
        if noun is not None:
            hit = _match(noun, right, context, noun, counted, catalog)
            for end in range(len(caption), 1, -1) if hit is None else ():
                if hit := _match(caption[:end] + noun, right, context, caption[:end] + noun, counted, catalog):
                    break
        if hit is not None:
            return replace(hit, column=header, percent=counted.percent and not m.percent)
    label = left[left.rfind("\n") + 1:].split("\t", 1)[0].strip()
    unit = TABLE_UNIT_RE.search(label)
    if m.counter or not unit or unit.group(1) not in COUNTERS:
        return None
    noun = label[:unit.start()]
    hit = _match(noun, right, context, noun, replace(m, counter=unit.group(1)), catalog)
    if hit is None:
        return None
    hit = replace(hit, column=header or "")
    if catalog.words.res["increase_verb"].match(noun) and "subset" not in hit.flags:
        # 新建老年助餐点(个): a row of what was added in the table's period (a plan's figure in a target column)
        why = "a table's row of what was added, an increase, not the total"
        hit = replace(hit, flags=(*hit.flags, "subset"), why=why, moot_in_plans=("subset",), moot_why=why)
    return hit


def _as_percent(m: Mention) -> Mention:
    """A bare number as a share (under a column headed 覆盖率(%)): the same digits, the same place."""
    return replace(m, percent=True, counter="%")


YEAR_HEADING_RE = re.compile(r"20\d\d年(底|末)?")
TABLE_UNIT_RE = re.compile(r"\(([^()]{1,4})\)$")  # 老年助餐点(个): the unit of a column


def _table_top(text: str, pos: int) -> tuple[str | None, str]:
    """The heading line above the cell at pos of a tab-separated table (the top line of its run of lines with
    tabs: blank lines between them, as a PDF's text layer leaves, do not end the run; None where the cell's
    row is the run's first line), and the caption: the line above the table (鹤壁市各县区老年助餐点建设情况)."""
    row = text.rfind("\n", 0, pos) + 1
    heading, caption, line_start = None, "", row
    while line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above:line_start - 1]
        if line.strip():
            if "\t" not in line:
                caption = line.strip()
                break
            heading = line
        line_start = above
    return heading, caption


def _column_heading(heading: str | None, text: str, pos: int) -> str | None:
    """The heading of the cell at pos's column, from the table's heading line; None where there is none or
    the line holds digits other than years (a row, not a heading: 指标\t2022年\t2023年 is one)."""
    if heading is None or any(ch.isdigit() for ch in YEAR_HEADING_RE.sub("", heading)):
        return None
    column = text.count("\t", text.rfind("\n", 0, pos) + 1, pos)
    cells = heading.split("\t")
    return cells[column].strip() if column < len(cells) else None


def _match(left: str, right: str, context: str, clause_left: str, m: Mention, catalog: Catalog) -> Hit | None:
    negation = catalog.words.res["negation"].search
    for ind in catalog.by_counter.get(m.counter, ()):
        best, best_rank, best_match = None, None, None
        for cue in ind.cues:
            rank = cue.checks[3]
            if best_rank is not None and rank >= best_rank:
                continue  # it could not win: the better tier wins; at the same tier, the cue that raises a doubt
            hit = _cue_matches(cue, left, right, context, negation)
            if hit:
                best, best_rank, best_match = cue, rank, hit if isinstance(hit, re.Match) else None
        if best is None or any(rx.search(clause_left) for rx in ind.exclude_res):
            continue
        hit = Hit(ind, best.tier, best_match, tuple(best.flags), best.why)
        for cue in ind.subsets:
            if _cue_matches(cue, left, right, context, negation):
                moot = () if cue.in_plans else tuple(f for f in cue.flags if f not in hit.flags)
                return Hit(ind, hit.tier, hit.before, (*hit.flags, *cue.flags), cue.why, moot, cue.why)
        return hit
    return None


def _nearest(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is the nearest
        pass
    return found


# What may stand before a place that is the subject of its clause (市区(孝南区)…: the urban area,
# named in brackets).
CLAUSE_HEAD_RE = re.compile(
    r"\s*(本报讯)?\s*(其中|如|例如|比如|目前|截至目前)?[,:]?\s*(最(多|少|高|低|大|小)的)?((市区|主城区|中心城区|城区)\()?$")
OWN_YEAR_RE = re.compile(r"的\d")  # 2020年的34家: the year of the number right after it
RELATIVE_YEAR_RE = re.compile(r"(今年|本年度|去年|上年|上一年)(?!以来)")


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
    plan_starts: tuple[int, ...] = ()  # the text's next-steps sections (下一步…), as [start, end) spans
    plan_ends: tuple[int, ...] = ()
    plan_years: tuple[int | None, ...] = ()  # … and the year each names, if any
    # The last characters of the names the report calls its own place by (济源示范区: 区), so that 全区 there
    # is the report's place as a whole.
    own_endings: str = ""

    def places_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The places named in text[start:end]: a bisect, not a scan."""
        s = self.region_starts
        return self.regions_in_text[bisect_left(s, start):bisect_left(s, end)]

    def mentions_between(self, start: int, end: int) -> tuple[Mention, ...]:
        s = self.mention_starts
        return self.mentions[bisect_left(s, start):bisect_left(s, end)]


def _period_text(p: re.Match[str]) -> str | None:
    """A period as records write it (2023, 2023-06, 2023-12-31 for 年底), None for a span (以来, 起)."""
    if p.group("since"):
        return None
    y = p.group("y")
    if p.group("m"):
        return f"{y}-{int(p.group('m')):02d}"
    return f"{y}-12-31" if p.group("end") else y


def _period(f: Frame, year: int | None, catalog: Catalog = CATALOG) -> str | None:
    """The period a value refers to: the nearest year before it in its sentence, else after it in its clause."""

    text, m, s0 = f.text, f.m, f.s0
    # 从去年的A提升至B: the period in "从…" is A's, not B's.
    change = catalog.words.res["change_from"].search(text, s0, m.start)
    if change and change.group("to"):  # 由2022年的96个增加到2023年底的318个: B's own year
        return _period_text(PERIOD_RE.match(change.group("to")))
    cut = change.start() if change else m.start
    # (not a year that belongs to a number of its own: 由2020年的34家减少到26家 gives the next clause no year)
    before = [p for p in PERIOD_RE.finditer(text, s0, cut)
              if _period_text(p) and not ((own := OWN_YEAR_RE.match(text, p.end())) and own.end() - 1 < m.start)]
    relative = _nearest(RELATIVE_YEAR_RE, text[s0:cut])
    # 今年/去年 count from the bulletin's year, else from the year the sentence names ("2024年,…从去年的").
    year = year or (int(before[-1].group("y")) if before else None)
    relative = relative if year else None
    if before and not (relative and s0 + relative.start() > before[-1].start()):
        return _period_text(before[-1])
    after = [p for p in PERIOD_RE.finditer(text, m.counter_end, f.c1) if _period_text(p)]
    if after:
        return _period_text(after[0])
    census = _nearest(catalog.words.res["census"], text[s0:cut])
    if census:  # 第六次人口普查时…12.9%: the census's year
        return str(catalog.census_years[next(ch for ch in census.group(0) if ch in catalog.census_years)])
    if relative:  # 今年/去年 nearer than any year written out
        return str(year if relative.group(1) in ("今年", "本年度") else year - 1)
    return None


def candidate(f: Frame, ctx: ReportContext, catalog: Catalog = CATALOG, hit: Hit | None = None) -> Candidate | None:
    """The number's candidate, through the catalog's cues (or through the hit given)."""
    text, m = f.text, f.m
    hit = hit or match(text, m, catalog, f)
    if hit is None:
        return None
    if hit.percent:  # (its end, and so every position after it, is the same)
        m = _as_percent(m)
    ind, tier, before = hit.indicator, hit.tier, hit.before
    s0, s1, c0, c1, left = f.s0, f.s1, f.c0, f.c1, f.left
    words = catalog.words.res
    if (words["definition"].search(f.clause_left) or words["definition_after"].match(text, m.counter_end, c1)
            or words["per_unit"].search(f.clause_left) or words["gap"].search(f.clause_left)):
        return None  # 超过10%即为老龄化社会, 每个社区至少建成1个, 缺口约5000张: no place's figure of the thing
    q0 = min(c0, s0 + before.start()) if before else c0
    c = Candidate(m, ind, tier, q0, c1, column=hit.column)
    for flag in hit.flags:
        _doubt(c, flag, hit.why)
    if words["inside_note"].search(f.clause_left):  # 养老机构(含民办机构36家)
        _doubt(c, "subset", "inside a note in brackets on what the count beside it includes: a part")

    attrs = set(ind.attributes)
    if "age_threshold" in attrs:
        age = before.groupdict().get("age") if before else None
        if age is None and (a := _nearest(AGE_RE, left)):
            age = a.group("age")
        if age is None and s0 and (a := _nearest(AGE_RE, text[f.p0:s0])):
            age = a.group("age")
        c.age_threshold = AGES.get(age) or int(age) if age else None
    if "population_base" in attrs:
        b = _nearest(BASE_RE, left)
        if b is None:  # 60岁及以上人口119.8万人,占常住人口的24.6%: the base the share goes on to name
            b = SHARE_BASE_RE.match(text, m.counter_end, s1)
            b = BASE_RE.search(b.group(0)) if b else None
        # else the paragraph's, before this sentence (not for 总人口, a measure of its own: 总人口118万,常住人口96万)
        if b is None and s0 and not TOTAL_POPULATION_RE.search(f.clause_left):
            p0 = text.rfind("\n", 0, s0) + 1
            b = _nearest(BASE_RE, text[max(p0, s0 - 200):s0])
        c.population_base = BASES[b.group(0)] if b else None
    if "status" in attrs:
        window = text[c0:c1]
        c.status = next((status for status, rx in catalog.status_res if rx.search(c.column)), None) or next(
            (status for status, rx in catalog.status_res if rx.search(window)), None)  # (a column: 已建成(个))
        if c.status is None and c0 > s0:  # 已建成服务中心415个,老年助餐点128个: the sentence's verb before it
            last = [(found.end(), status) for status, rx in catalog.status_res if (found := _nearest(rx, text[s0:c0]))]
            c.status = max(last)[1] if last else None
    if "age_threshold" in attrs or "population_base" in attrs:
        _respective_attributes(c, f, ctx, catalog)
    c.ref_period = _period(f, ctx.year, catalog)
    if c.ref_period is None and c.column and (dated := PERIOD_RE.search(c.column)):
        c.ref_period = _period_text(dated)  # a table's column for a year (2023年)
    if c.ref_period is None:  # 上年末…: a past year where the text gives no year to count from
        c.earlier = bool((relative := _nearest(RELATIVE_YEAR_RE, left)) and relative.group(1) not in ("今年", "本年度"))
    else:
        c.earlier = bool(ctx.year and c.ref_period[:4].isdigit() and int(c.ref_period[:4]) < ctx.year)

    _place(c, f, ctx, catalog)
    _stage(c, f, ctx, catalog)
    if c.status == "planned" and hit.moot_in_plans:  # 下一步…新增助餐点10个: the plan's figure, not a part
        c.doubts = [d for d in c.doubts if d not in hit.moot_in_plans]
        c.why = [w for w in c.why if w != hit.moot_why]
        c.mooted = (hit.moot_in_plans, hit.moot_why)
    elif c.status == "planned" and words["increase_verb"].search(f.clause_left):
        c.mooted = (("subset",), "built toward a plan to add sites: an increase, not the total")
    if m.qualifier == "exact" and not ind.is_percent:
        if words["list_tail"].match(text, m.counter_end, c1):  # 3个养老服务中心以及…敬老院、…等
            c.qualifier, c.qualifier_why = "at_least", "a list ending in 等 follows the count"
        elif words["unnumbered_item"].search(f.clause_left):  # 察看了县社会福利中心、6个乡镇敬老院
            c.qualifier, c.qualifier_why = "at_least", "its list names an item before it without a count"

    body = _nearest(BODY_RE, left)
    if body and body.group(1) in ("省", "全国") and not ctx.is_province:
        # 省人大交办问题5个,市本级排查发现问题21个,已整改18个: the province's clause is its own.
        # (…交办的5个问题和本级发现的38个问题: the own level's, in the same clause or a later one)
        own = words["own_level"].search(text, s0 + body.end(), m.start)
        c.secondary = not own
    if words["previous_left"].search(f.clause_left) and words["previous_right"].match(text, m.counter_end, c1):
        c.secondary = True
    return c


def _respective_list(f: Frame, ctx: ReportContext, catalog: Catalog
                     ) -> tuple[list[Mention], list[re.Match[str]], list[re.Match[str]]] | None:
    """The values of the 分别 list a number is in, with the ages and the bases the sentence lists before its
    first 分别 (60岁以上、65岁以上老年人口分别为72.6万人、55.1万人,分别占…20.8%和15.8%)."""
    text, m, words = f.text, f.m, catalog.words.res
    first = words["respectively"].search(text, f.s0, m.start)
    if first is None:
        return None
    nearest = _nearest(words["respectively"], text[first.start():m.start])
    values = [x for x in ctx.mentions_between(first.start() + nearest.end(), f.c1) if x.counter == m.counter]
    if len(values) < 2 or m not in values:
        return None
    return (values, list(AGE_RE.finditer(text, f.s0, first.start())),
            list(BASE_RE.finditer(text, f.s0, first.start())))


def _respective_attributes(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """Ages (or bases) listed before the sentence's first 分别 go to the values of a 分别 list in order,
    when there are as many of each."""
    listed = _respective_list(f, ctx, catalog)
    if listed is None:
        return
    values, ages, bases = listed
    index = values.index(f.m)
    if "age_threshold" in c.indicator.attributes and len(ages) == len(values):
        c.age_threshold = AGES.get(ages[index].group("age")) or int(ages[index].group("age"))
    if "population_base" in c.indicator.attributes and len(bases) == len(values):
        c.population_base = BASES[bases[index].group(0)]


def candidates(frames_: Sequence[Frame], ctx: ReportContext, catalog: Catalog = CATALOG) -> list[Candidate]:
    """The candidates of a report's numbers, in order. A clause that opens with 其中 and gives a value of
    an indicator the same sentence already gave for the same place is a part of that total
    (368个,其中城市社区助餐点245个): kept, flagged subset, never the place's figure; and one the sentence gives
    before its running total (新建38个,总数达到226个) is what was added."""
    out: list[Candidate] = []
    totals: dict[tuple, int] = {}  # (indicator, place, age, stage) → start of the sentence that gave it
    given: dict[tuple, Candidate] = {}  # … and the value it gave there
    sentences: list[int] = []  # where each candidate's sentence starts
    firsts: dict[tuple, Candidate] = {}  # the report's first value of each measure
    last: tuple[Candidate, Frame] | None = None
    for f in frames_:
        c = candidate(f, ctx, catalog)
        if c is None and last is not None and (hit := _carried(f, *last, ctx, catalog)):
            c = candidate(f, ctx, catalog, hit)
            if c is not None:
                c.quote_start = min(c.quote_start, last[0].quote_start)  # the quote shows whose number it is
                if c.status and c.status != "planned":  # 新建…年度任务120个,已建成104个: the plan's progress
                    for flag in last[0].mooted[0]:
                        _doubt(c, flag, last[0].mooted[1])
                c.status = c.status or last[0].status
        if c is None:
            continue
        last = (c, f)
        # 其中65岁及以上人口, 计划建设的42个: another measure, not a part
        key = (c.indicator.code, c.region_code, c.age_threshold, c.status)
        if "scope_uncertain" not in c.doubts:  # 两市共…482个,其中许昌市314个: no total of the place's own
            part_of = catalog.words.res["part_of"]
            if totals.get(key) == f.s0 and part_of.match(f.clause_left):
                _doubt(c, "subset", "a part of the total the sentence gives before it")
            elif f.c0 > f.s0 and part_of.fullmatch(f.text, f.s0, f.c0 - 1) and (
                    whole := next((given[k] for k in (key, *totals) if totals.get(k) == f.p0 and k[:3] == key[:3]
                                   and (k == key or c.status is None)), None)):
                # …共有86个。其中,由供销社运营的助餐点有11个: a sentence that opens with 其中 breaks down the one
                # before (a part without a stage of its own has the total's).
                c.status = c.status or whole.status
                _doubt(c, "subset", "a part of the total the sentence before gives")
            elif totals.get(key) == f.s0 and catalog.words.res["running_total"].search(f.clause_left):
                # 全市新建老年助餐点38个,总数达到226个: what came before the total is what was added to it.
                _doubt(given[key], "subset", "an increase or a part: the sentence goes on to the total")
            totals[key] = f.s0
            given[key] = c
            _second_count(c, f.s0, out, sentences, firsts, catalog)
        out.append(c)
        sentences.append(f.s0)
    return out


def _measure_key(c: Candidate) -> tuple:
    return (c.indicator.code, c.region_code, c.age_threshold, c.population_base, c.status, c.ref_period)


def _second_count(c: Candidate, s0: int, before: list[Candidate], sentences: list[int], firsts: dict[tuple, Candidate],
                  catalog: Catalog) -> None:
    """检查发现问题21个…;排查消防安全隐患43处,已整改38处: a part (rectified) whose whole in the same sentence is a
    second count of that whole's measure belongs to that second count, not to the report's first."""
    if not (c.secondary or c.doubts):  # the province's hand-over or a part is no first of the report's own
        firsts.setdefault(_measure_key(c), c)
    for rel in catalog.relations:
        if c.indicator.code != rel.part:
            continue
        whole = next((o for o, start in zip(reversed(before), reversed(sentences), strict=True)
                      if start == s0 and o.indicator.code in rel.wholes and o.region_code == c.region_code), None)
        first = whole and firsts.get(_measure_key(whole))
        if first is not None and first is not whole and not (whole.doubts or whole.secondary):
            _doubt(whole, "subset", "a second count of the same thing in the report, beside its first")
            _doubt(c, "subset", f"what was done about a second count ({whole.mention.printed}), not about the first")


def _carried(f: Frame, before: Candidate, bf: Frame, ctx: ReportContext, catalog: Catalog) -> Hit | None:
    """The indicator of the number before, for a number that names none but continues its list or change:
    其中郑州市1836个、洛阳市1102个 (a place right before it), 洛阳市、新乡市分别建成586个和412个, 由26个增加到41个,
    累计建成45个,2022年底达到68个, 荥阳市已建成85个,我市仅建成42个."""
    m, words = f.m, catalog.words.res
    pointed = bf.s0 == f.p0 and words["reference"].match(f.clause_left)  # ;…,这一比例上升至20.7%
    if (bf.s0 != f.s0 and not pointed) or not m.counter or m.counter != before.mention.counter:
        return None
    if not words["item_end"].match(f.text, m.counter_end):
        return None  # 覆盖郑州市20个乡镇: the count of something else
    places = ctx.places_between(f.c0, m.start)
    listed = (places and places[-1][1] == m.start) or words["respectively"].search(f.clause_left) or (
        places and CLAUSE_HEAD_RE.match(f.text, f.c0, places[0][0])
        and words["parallel"].fullmatch(f.text, places[-1][1], m.start))
    changed = bf.c0 == f.c0 and words["previous_right"].fullmatch(f.text, before.mention.counter_end, m.start)
    left = f.clause_left
    continued = bf.c0 != f.c0 and (words["continued"].search(left) or words["contrast"].match(left)
                                   or words["compared"].search(left) or words["part_stage"].match(left))
    if not (listed or changed or continued):
        return None
    return Hit(before.indicator, before.tier, None)


def _doubt(c: Candidate, flag: str, why: str) -> None:
    if flag not in c.doubts:
        c.doubts.append(flag)
    if why:
        c.why.append(why)


def _place(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """The place the number's own clause speaks of: the report's, a county's, a town's, the province's."""
    _own_place(c, f, ctx, catalog)
    if c.region_code == ctx.region and ctx.undecided and "scope_uncertain" not in c.doubts:
        name = REGIONS[ctx.region].name
        _doubt(c, "scope_uncertain", f"several places are called {name}, and the text does not say which")


def _own_place(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """The place the clause names or implies; the report's where it names none."""
    words = catalog.words.res
    text, m, s0, c0, clause_left = f.text, f.m, f.s0, f.c0, f.clause_left
    c.region_code = ctx.region
    report = REGIONS[ctx.region]
    # 甲市、乙市分别为A、B: places and values paired in order (a 分别 in the number's own clause; one in an
    # earlier clause pairs that clause's values).
    pairs = words["respectively"].search(text, c0, m.start)
    if pairs:
        # The places in its clause, else its sentence, else the sentence before (安阳市…,鹤壁市…;两市…分别为…).
        places = [code for _, _, code in ctx.places_between(c0, pairs.start()) or ctx.places_between(s0, pairs.start())
                  or ctx.places_between(f.p0, s0)]
        values = [x for x in ctx.mentions_between(pairs.end(), f.c1)  # 分别…26个、31个、40个,全市累计达到215个
                  if x.counter == m.counter]
        if places and len(places) == len(values) and m in values:
            c.region_code = places[values.index(m)]
            return
        # (not 分别听取了3个县政府及…12个部门的汇报: 分别 as "each", before a verb, lists no values; nor
        # 60岁以上、65岁以上老年人口分别为…: ages or bases, not places, paired with the values)
        listed = None if len(places) > 1 else _respective_list(f, ctx, catalog)
        if listed and len(listed[0]) in (len(listed[1]), len(listed[2])):
            return
        if len(places) > 1 or (len(values) > 1 and VALUES_AFTER_RE.match(text, pairs.end())):
            _doubt(c, "scope_uncertain", "several places and values, not paired one to one")
            return
    if c.column and "\t" in clause_left:  # read under a column: the row's label says whose the numbers are
        label = clause_left.split("\t", 1)[0].strip()
        if (words["table_total"].fullmatch(label) or not label or TABLE_UNIT_RE.search(label)
                or YEAR_HEADING_RE.fullmatch(label)):
            return  # (老年助餐点(个) names the thing, 2023年 the period: neither is a place)
        if not ctx.places_between(c0, c0 + len(label)):
            c.region_name = REGIONS.display_name(c.region_code) + label
            _doubt(c, "subset", f"a table's row for {label}, a part of the place")
            return
    # 林州市人大常委会对安阳市人大常委会交办的6个问题: the city above the report's place, as the body handing
    # work down, says nothing of where the number belongs.
    in_clause = [(a, b, code) for a, b, code in ctx.places_between(c0, m.start)
                 if not (code != ctx.region and REGIONS.is_within(ctx.region, code) and BODY_AFTER_RE.match(text, b))]
    visited = in_clause and (words["visited_at"].fullmatch(text, in_clause[-1][1], m.start)
                             or words["visit_verb"].search(text, c0, in_clause[0][0]))
    if visited and c.indicator.domain == "supervision":
        return  # the inspection's count, wherever it went: the report's
    # 郑州市金水区: a city named right before one of its districts only says where the district is.
    qualifiers = {code for (_, end, code), (start, _, inner) in pairwise(in_clause)
                  if end == start and REGIONS.is_within(inner, code)}
    named = [code for _, _, code in in_clause if code != ctx.region and code not in qualifiers]
    allowed = [code for code in named if ctx.may_override(code)]
    if allowed:
        c.region_code = allowed[-1]  # 其中林州市建成…: a county of the city
        if len(set(allowed)) > 1 and not _nearest(re.compile("其中"), clause_left):
            _doubt(c, "scope_uncertain", "the clause names several places")
        return
    others = [(start, code) for start, _, code in in_clause
              if code in named and not REGIONS.is_within(ctx.region, code) and not ctx.may_override(code)]
    if others:
        start, code = others[-1]
        if len(others) == 1 and CLAUSE_HEAD_RE.match(text, c0, start):
            c.region_code = code  # 苏州市已建成长者食堂1380家: the clause's subject, wherever it is
            return
        _doubt(c, "scope_uncertain", f"the clause names {REGIONS.display_name(code)}, not the report's place")
        return
    # (the supervision's own counts are the report's, wherever it went: 走访了…等6个县,召开座谈会9场)
    several = c.indicator.domain != "supervision" and words["several"].search(f.left)
    if words["together"].search(clause_left) or several:  # 两市共建成…, 等8个省辖市…
        _doubt(c, "scope_uncertain", "several places at once, not one place's figure")
        return
    if words["extreme"].search(clause_left):  # 18个省辖市中,老龄化率最高的达到24.3%
        _doubt(c, "scope_uncertain", "the highest or lowest of several places, which one the text does not say")
        return
    if words["nation"].search(clause_left):
        c.region_code = NATION
        return
    if words["province"].search(clause_left) and not ctx.is_province:
        c.region_code = report.province
        return
    if _below_city(report) and words["city"].search(clause_left):
        c.region_code = report.parent  # 全市 in a county's or a district's report: its city
        return
    # (not the supervision's own counts, which are the report's, unless several places' counts head them)
    if (not in_clause and not words["whole"].search(clause_left) and (scope := _head_scope(f, ctx, catalog))
            and (scope == "several" or c.indicator.domain != "supervision")):
        if scope == "several":  # 4市共梳理问题62个,目前已整改47个
            _doubt(c, "scope_uncertain", "an earlier clause of its sentence speaks of several places at once")
        else:
            c.region_code = {"nation": NATION, "province": report.province}.get(scope, report.parent)
        return
    if c.indicator.domain == "supply" and words["level_part"].search(clause_left):
        _doubt(c, "subset", "the services of the place's own level (市本级), not of its counties: a part")
        return
    part = words["part"].search(clause_left)
    if part is None and c0 > s0 and text[c0 - 1] == ":":  # 城关回族镇:助餐点6个;逻岗镇:助餐点3个
        head = max(s0, max(text.rfind(stop, s0, c0 - 1) for stop in ",;:") + 1)
        label = text[head:c0 - 1].strip()
        if words["part_label"].fullmatch(label) and REGIONS.resolve(label) is None:
            c.region_name = REGIONS.display_name(c.region_code) + label
            _doubt(c, "subset", f"a figure for {label}, a part of the place")
            return
    # 丰产路街道辖区…1.9万人,占常住人口的26.8%,建有社区助餐点8个 (or 上海市…37.4%,已建成长者食堂380余家): the
    # place or part at the head of an earlier clause speaks for the later ones too, until one names a place
    # or speaks of the whole one again.
    # (全区 in a city's report is the district its sentence began with, not the city)
    whole = words["whole"].search(clause_left)
    own_whole = whole and whole.group()[-1] in report.name[-1] + ctx.own_endings
    if not part and c0 != s0 and not in_clause and not own_whole:
        subject = _subject(f, ctx)
        if subject is not None and subject != ctx.region:
            c.region_code = subject
            return
        if whole:  # 王村街道…,全区共建成58个 in a city's report: some district's whole, not the city's
            _doubt(c, "scope_uncertain", f"{whole.group()} is not {report.name} as a whole")
            return
        part = words["part"].search(f.left)
    if part and REGIONS.resolve(name := part.group("name") or part.group("area")) is None:  # 济源示范区 is 济源
        c.region_name = REGIONS.display_name(c.region_code) + name
        _doubt(c, "subset", f"a figure for {name}, a part of the place")
    elif ctx.part and c.region_code == ctx.region:
        c.region_name = REGIONS.display_name(c.region_code) + ctx.part
        _doubt(c, "subset", f"a figure for {ctx.part}, whose own body reports it")


def plan_sections(text: str, catalog: Catalog = CATALOG
                  ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int | None, ...]]:
    """The text's next-steps sections, as (starts, ends): a paragraph that opens with 下一步/今后, a
    heading such as 下一步工作建议: with the enumerated lines after it (一是…, 二是…), or a numbered section
    of plans (二、2024年工作安排) up to the next numbered section or the report's end; with the year each
    names (a numbered section's, else None)."""
    words = catalog.words.res
    starts: list[int] = []
    ends: list[int] = []
    years: list[int | None] = []
    heading = section = False
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if section:
            if not (words["section"].match(line) or is_structural(line)):
                ends[-1] = end
                pos = end + 1
                continue
            heading = False  # (the next numbered section is not one of its enumerated lines)
        numbered = words["plan_section"].fullmatch(line.strip())
        section = numbered is not None
        if section or words["plan_opener"].match(line) or words["plan_heading"].fullmatch(line.strip()):
            starts.append(pos)
            ends.append(end)
            years.append(int(numbered.group("y")) if numbered and numbered.group("y") else None)
            heading = True
        elif heading and words["enumerator"].match(line):
            ends[-1] = end
        else:
            heading = False
        pos = end + 1
    return tuple(starts), tuple(ends), tuple(years)


def reporting_part(title: str, catalog: Catalog = CATALOG) -> str | None:
    """The town whose own people's congress body reports (滑县城关镇人大主席团…), without its county's name."""
    found = catalog.words.res["reporting_part"].match(title)
    name = found.group("name") if found else ""
    return name if len(name) >= 2 and REGIONS.resolve(name) is None else None


def _below_city(report: Region) -> bool:
    """A county's or a district's report, where 全市 is its city (a county-level city's 全市, 林州市's, is its own)."""
    return report.level == "county" and report.name[-1] in "县区旗"


def _head_scope(f: Frame, ctx: ReportContext, catalog: Catalog) -> str | None:
    """"province", "nation" or "city" where an earlier clause of the sentence opens with 全省/全国 (or 全市 in a
    county's or a district's report) and gives a figure, "several" where one gives several places' figure at
    once (4市共梳理问题62个,目前已整改47个), and
    no clause after it names a place or the whole again (全省已建成老年助餐点1.26万个,农村养老服务设施覆盖率达到
    76.2%; not 全省联动监督开展以来,新建助餐点86个, where 全省 only dates the clause after it)."""
    words, text = catalog.words.res, f.text
    county = _below_city(REGIONS[ctx.region])
    scope = None
    starts = clause_starts(text, f.s0, f.c0)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else f.c0
        figure = bool(ctx.mentions_between(start, end))
        if figure and words["nation"].match(text, start):
            scope = "nation"
        elif figure and words["province"].match(text, start) and not ctx.is_province:
            scope = "province"
        elif figure and words["city"].match(text, start) and county:  # 全市 in a county's report: its city
            scope = "city"
        elif figure and words["together"].search(text, start, end):
            scope = "several"
        elif ctx.places_between(start, end) or words["whole"].search(text, start, end):
            scope = None
    return scope


def _subject(f: Frame, ctx: ReportContext) -> str | None:
    """The place at the head of the last clause before this one (in its sentence) that names one."""
    places = ctx.places_between(f.s0, f.c0)
    if not places:
        return None
    start, _, code = places[-1]
    for prev_start, prev_end, _ in reversed(places[:-1]):  # 郑州市金水区: the run of names together
        if prev_end != start:
            break
        start = prev_start
    head = max(f.text.rfind(stop, f.s0, start) for stop in ",;:") + 1 or f.s0
    if not CLAUSE_HEAD_RE.match(f.text, max(head, f.s0), start):
        return None
    return code if code == ctx.region or ctx.may_override(code) or not REGIONS.is_within(ctx.region, code) else None


def _stage(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """Targets, plans and projections are never achieved values."""
    words, clause_left, left = catalog.words.res, f.clause_left, f.left
    if words["past_plan"].search(clause_left) and words["done"].search(f.text, f.m.counter_end, f.c1):
        # 去年计划新建的30个助餐点已全部建成投用: an earlier plan, now done: what it added, not the total.
        if "status" in c.indicator.attributes:
            c.status = next((status for status, rx in catalog.status_res
                             if status != "planned" and rx.search(f.text, f.m.counter_end, f.c1)), None)
        _doubt(c, "subset", "what an earlier plan added, now done: not the total")
        return
    why = ""
    for words_re, where in ((words["target"], clause_left), (words["sentence_target"], left)):
        planned = _nearest(words_re, where)
        if planned and not words["done"].search(where, planned.end()):
            why = f"a plan or target ({planned.group(0)})"
            break
    if not why and (due := _nearest(words["deadline"], left)) and not words["done"].search(left, due.end()) and (
            not due.group("y") or ctx.year is None or int(due.group("y")) >= ctx.year):
        why = f"a deadline ({due.group(0)})"
    if not why and c.column and words["target"].search(c.column):  # a table's 年度目标 column
        why = f"a plan or target (the table's column {c.column})"
    if not why and ctx.year and c.ref_period and c.ref_period[:4].isdigit() and int(c.ref_period[:4]) > ctx.year:
        why = f"a projection for {c.ref_period[:4]}"
    if not why and ctx.plan_starts and not words["done"].search(clause_left):
        n = bisect_right(ctx.plan_starts, f.m.start) - 1
        year = ctx.plan_years[n] if 0 <= n < len(ctx.plan_years) else None
        if n >= 0 and f.m.start < ctx.plan_ends[n] and not (year and ctx.year and year < ctx.year):
            why = "in the report's next steps"  # 下一步工作建议:…一是…新建老年助餐点50个
    if (proposed := words["proposal"].search(left)) and not words["done"].search(left, proposed.end()):
        _doubt(c, "target", f"a proposal ({proposed.group(1)}), not a plan or an achieved figure")
        return
    if not why:
        return
    if "status" in c.indicator.attributes:
        c.status = "planned"  # a stage of its own (meal sites): charted apart, never as built
    else:
        _doubt(c, "target", why)
