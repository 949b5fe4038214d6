"""Whose number it is: the report's place, a county or a part of it named in the number's clause or at the
head of its sentence, the province or the nation, several places at once, or a place the text leaves open."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from extract.candidate import Candidate, Frame, ReportContext, doubt, respective_list
from extract.catalog import CATALOG, Catalog
from extract.normalize import BULLETS, clause_starts
from extract.regions import NATION, REGIONS, Region
from extract.tables import TABLE_UNIT_RE, YEAR_HEADING_RE

BODY_AFTER_RE = re.compile(r"(人大|人民代表大会)")
VALUES_AFTER_RE = re.compile(r"(为|是|达到?|有)?\d")  # 分别为72.5%和68.3%


# What may stand before a place that is the subject of its clause (市区(孝南区)…: the urban area,
# named in brackets).
CLAUSE_HEAD_RE = re.compile(
    rf"\s*([{BULLETS}]\s*)?(本报讯)?\s*(其中|如|例如|比如|目前|截至目前)?[,:]?\s*(最(多|少|高|低|大|小)的)?((市区|主城区|中心城区|城区)\()?$")


def assign_place(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """The place the number's own clause speaks of: the report's, a county's, a town's, the province's."""
    _own_place(c, f, ctx, catalog)
    if c.region_code == ctx.region and ctx.undecided and "scope_uncertain" not in c.doubts:
        name = REGIONS[ctx.region].name
        doubt(c, "scope_uncertain", f"several places are called {name}, and the text does not say which")


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
        listed = None if len(places) > 1 else respective_list(f, ctx, catalog)
        if listed and len(listed[0]) in (len(listed[1]), len(listed[2])):
            return
        if len(places) > 1 or (len(values) > 1 and VALUES_AFTER_RE.match(text, pairs.end())):
            doubt(c, "scope_uncertain", "several places and values, not paired one to one")
            return
    if c.column and "\t" in clause_left:  # read under a column: the row's label says whose the numbers are
        label = clause_left.split("\t", 1)[0].strip()
        if (words["table_total"].fullmatch(label) or not label or TABLE_UNIT_RE.search(label)
                or YEAR_HEADING_RE.fullmatch(label)):
            return  # (老年助餐点(个) names the thing, 2023年 the period: neither is a place)
        if not ctx.places_between(c0, c0 + len(label)):
            c.region_name = REGIONS.display_name(c.region_code) + label
            doubt(c, "subset", f"a table's row for {label}, a part of the place")
            return
    # 林州市人大常委会对安阳市人大常委会交办的6个问题: the city above the report's place, as the body handing
    # work down, says nothing of where the number belongs.
    in_clause = [(a, b, code) for a, b, code in ctx.places_between(c0, m.start)
                 if not (code != ctx.region and REGIONS.is_within(ctx.region, code) and BODY_AFTER_RE.match(text, b))]
    visited = in_clause and (words["visited_at"].fullmatch(text, in_clause[-1][1], m.start)
                             or words["visit_verb"].search(text, c0, in_clause[0][0]))
    if visited and c.indicator.domain == "supervision":
        return  # the inspection's count, wherever it went: the report's
    if not in_clause and c.indicator.domain != "supervision" and (
            back := words["pointing_back"].search(clause_left)) and _pointed_at(c, f, ctx, back.group("ending")):
        return
    # 郑州市金水区: a city named right before one of its districts only says where the district is.
    qualifiers = {code for (_, end, code), (start, _, inner) in pairwise(in_clause)
                  if end == start and REGIONS.is_within(inner, code)}
    named = [code for _, _, code in in_clause if code != ctx.region and code not in qualifiers]
    # 南阳市下达我县的年度任务…20个: the report's own place named after another (我县, 本市) is whose the number is.
    if named and _own_named(text, in_clause[-1][1], m.start, ctx, catalog):
        return
    allowed = [code for code in named if ctx.may_override(code)]
    if allowed:
        c.region_code = allowed[-1]  # 其中林州市建成…: a county of the city
        if len(set(allowed)) > 1 and "其中" not in clause_left and not _each_with_its_own(
                [p for p in in_clause if p[2] in allowed], m.start, ctx):
            doubt(c, "scope_uncertain", "the clause names several places")
        elif town := words["part_after_name"].match(text, next(e for _, e, code in reversed(in_clause)
                                                               if code == allowed[-1])):
            # 镇平县石佛寺镇建成…8个: a town of the county, named right after it
            c.region_name = REGIONS.display_name(c.region_code) + town.group("name")
            doubt(c, "subset", f"a figure for {town.group('name')}, a part of the place")
        return
    others = [(start, code) for start, _, code in in_clause
              if code in named and not REGIONS.is_within(ctx.region, code) and not ctx.may_override(code)]
    if others:
        start, code = others[-1]
        if len(others) == 1 and CLAUSE_HEAD_RE.match(text, c0, start):
            c.region_code = code  # 苏州市已建成长者食堂1380家: the clause's subject, wherever it is
            return
        doubt(c, "scope_uncertain", f"the clause names {REGIONS.display_name(code)}, not the report's place")
        return
    # 河南省老年助餐点已达1.3万个 (or the city in a county's report): a place the report's lies in, named as its
    # clause's subject, is that place's figure.
    above = [(start, code) for start, _, code in in_clause if code in named and REGIONS.is_within(ctx.region, code)]
    if above:
        start, code = above[-1]
        if CLAUSE_HEAD_RE.match(text, c0, start):
            c.region_code = code
        else:
            doubt(c, "scope_uncertain", f"the clause names {REGIONS.display_name(code)}, which holds the report's")
        return
    # (the supervision's own counts are the report's, wherever it went: 走访了…等6个县,召开座谈会9场)
    several = c.indicator.domain != "supervision" and words["several"].search(f.left)
    if words["together"].search(clause_left) or several:  # 两市共建成…, 等8个省辖市…
        doubt(c, "scope_uncertain", "several places at once, not one place's figure")
        return
    if words["extreme"].search(clause_left):  # 18个省辖市中,老龄化率最高的达到24.3%
        doubt(c, "scope_uncertain", "the highest or lowest of several places, which one the text does not say")
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
    supervision = c.indicator.domain == "supervision"
    whole = words["whole"].search(clause_left)
    if (not in_clause and not whole
            and (not supervision or words["together"].search(text, s0, c0))
            and (scope := _head_scope(f, ctx, catalog)) and (scope == "several" or not supervision)):
        if scope == "several":  # 4市共梳理问题62个,目前已整改47个
            doubt(c, "scope_uncertain", "an earlier clause of its sentence speaks of several places at once")
        else:
            c.region_code = {"nation": NATION, "province": report.province}.get(scope, report.parent)
        return
    if c.indicator.domain == "supply" and words["level_part"].search(clause_left):
        doubt(c, "subset", "the services of the place's own level (市本级), not of its counties: a part")
        return
    part = words["part"].search(clause_left)
    if part is None and c0 > s0 and text[c0 - 1] == ":":  # 城关回族镇:助餐点6个;逻岗镇:助餐点3个
        head = max(s0, max(text.rfind(stop, s0, c0 - 1) for stop in ",;:") + 1)
        label = text[head:c0 - 1].strip()
        if words["part_label"].fullmatch(label) and REGIONS.resolve(label) is None:
            c.region_name = REGIONS.display_name(c.region_code) + label
            doubt(c, "subset", f"a figure for {label}, a part of the place")
            return
    # 丰产路街道辖区…1.9万人,占常住人口的26.8%,建有社区助餐点8个 (or 上海市…37.4%,已建成长者食堂380余家): the
    # place or part at the head of an earlier clause speaks for the later ones too, until one names a place
    # or speaks of the whole one again.
    # (全区 in a city's report is the district its sentence began with, not the city)
    own_whole = _is_own(whole, ctx)
    if not part and c0 != s0 and not in_clause and not own_whole:
        subject = _subject(f, ctx, catalog)
        if subject is not None and subject != ctx.region:
            c.region_code = subject
            return
        if whole:  # 王村街道…,全区共建成58个 in a city's report: some district's whole, not the city's
            doubt(c, "scope_uncertain", f"{whole.group()} is not {report.name} as a whole")
            return
        part = words["part"].search(f.left)
    if part and REGIONS.resolve(name := part.group("name") or part.group("area")) is None:  # 济源示范区 is 济源
        c.region_name = REGIONS.display_name(c.region_code) + name
        doubt(c, "subset", f"a figure for {name}, a part of the place")
    elif ctx.part and c.region_code == ctx.region:
        c.region_name = REGIONS.display_name(c.region_code) + ctx.part
        doubt(c, "subset", f"a figure for {ctx.part}, whose own body reports it")
    elif ctx.is_province and c.region_code == ctx.region and words["lower_body"].search(f.left):
        # (a digest laid out in a way no heading rule knows: its cities' figures are not the province's)
        doubt(c, "scope_uncertain", "a city's people's congress, not named, in the province's report: which city "
                                    "the text does not say")


def reporting_part(title: str, opening: str = "", catalog: Catalog = CATALOG) -> str | None:
    """The town whose own people's congress body reports (滑县城关镇人大主席团…, 守护…——薄壁镇人大开展…),
    without its county's name: named where the title or a line of its opening begins, after a title's dash,
    or after a colon (来源:辉县市薄壁镇人大)."""
    words = catalog.words.res["reporting_part"]
    found = words.search(title) or next(filter(None, map(words.search, opening.split("\n"))), None)
    name = found.group("name") if found else ""
    return name if len(name) >= 2 and REGIONS.resolve(name) is None else None


def _pointed_at(c: Candidate, f: Frame, ctx: ReportContext, ending: str) -> bool:
    """该市/该县/该区: the last place named before the number's clause in its sentence or the one before, with that
    ending, takes the number if it may (one of the report's counties), else puts it in doubt; False where no such
    place is named (该市 is then the report's own)."""
    code = next((code for _, _, code in reversed(ctx.places_between(f.p0, f.c0))
                 if REGIONS[code].name.endswith(ending)), None)
    if code is None or code == ctx.region:
        return False
    if ctx.may_override(code):
        c.region_code = code
    else:
        doubt(c, "scope_uncertain", f"该{ending} points back to {REGIONS.display_name(code)}, not the report's place")
    return True


def _each_with_its_own(places: list[tuple[int, int, str]], start: int, ctx: ReportContext) -> bool:
    """宛城区56个、卧龙区48个: every place before the last has a figure of its own before the next one, and the
    last stands right before the number (no other figure between)."""
    return not ctx.mentions_between(places[-1][1], start) and all(
        ctx.mentions_between(end, following[0]) for (_, end, _), following in pairwise(places))


def _below_city(report: Region) -> bool:
    """A county's or a district's report, where 全市 is its city (a county-level city's 全市, 林州市's, is its own)."""
    return report.level == "county" and report.name[-1] in "县区旗"


def _head_scope(f: Frame, ctx: ReportContext, catalog: Catalog) -> str | None:
    """"province", "nation" or "city" where an earlier clause of the sentence opens with 全省/全国 (or 全市 in a
    county's or a district's report) and gives a figure, "several" where one gives several places' figure at
    once (4市共梳理问题62个,目前已整改47个), and
    no clause after it names a place or the whole again (全省已建成老年助餐点1.26万个,农村养老服务设施覆盖率达到
    76.2%; not 全省联动监督开展以来,新建助餐点86个, where 全省 only dates the clause after it)."""
    if (scopes := ctx.clause_scopes.get(f.s0)) is None:
        scopes = ctx.clause_scopes[f.s0] = _clause_scopes(f, ctx, catalog)
    starts, after = scopes
    n = bisect_left(starts, f.c0)  # the clauses before the number's
    return after[n - 1] if n else None


def _clause_scopes(f: Frame, ctx: ReportContext, catalog: Catalog) -> tuple[list[int], list[str | None]]:
    """The starts of the sentence's clauses, and the head scope after each (worked out once a sentence: each
    of its numbers reads the scope after the clauses before it)."""
    words, text = catalog.words.res, f.text
    if not any(words[name].search(text, f.s0, f.s1) for name in ("nation", "province", "city", "together")):
        return [], []  # (most sentences: no clause sets a scope)
    county = _below_city(REGIONS[ctx.region])
    scope = None
    starts = clause_starts(text, f.s0, f.s1)
    after: list[str | None] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else f.s1
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
        after.append(scope)
    return starts, after


def _own_named(text: str, start: int, end: int, ctx: ReportContext, catalog: Catalog) -> bool:
    """Whether text[start:end] names the report's own place as a whole (我县 in a county's report, 全市 in a city's)."""
    return _is_own(catalog.words.res["whole"].search(text, start, end), ctx)


def _is_own(whole: re.Match[str] | None, ctx: ReportContext) -> bool:
    """Whether a whole-place word (全区, 我县) is the report's own place: its last character is one the report's
    names end with (济源示范区: 全区 is 济源's)."""
    return bool(whole) and whole.group()[-1] in REGIONS[ctx.region].name[-1] + ctx.own_endings


def _subject(f: Frame, ctx: ReportContext, catalog: Catalog) -> str | None:
    """The place at the head of the last clause before this one (in its sentence) that names one."""
    places = ctx.places_between(f.s0, f.c0)
    if not places:
        return None
    start, end, code = places[-1]
    for prev_start, prev_end, _ in reversed(places[:-1]):  # 郑州市金水区: the run of names together
        if prev_end != start:
            break
        start = prev_start
    head = max(f.text.rfind(stop, f.s0, start) for stop in ",;:") + 1 or f.s0
    if not CLAUSE_HEAD_RE.match(f.text, max(head, f.s0), start):
        return None
    stop = min((i for i in (f.text.find(mark, end, f.c0) for mark in ",;:") if i != -1), default=f.c0)
    if _own_named(f.text, end, stop, ctx, catalog):
        return ctx.region  # 南阳市下达我县的任务…20个,目前已建成16个: that clause's number, and so this one, is ours
    return code if code == ctx.region or ctx.may_override(code) or not REGIONS.is_within(ctx.region, code) else None
