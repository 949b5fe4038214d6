"""Match numbers to catalog indicators and read their attributes from the words around them.

Everything indicator-specific lives in data/catalog.toml; this module only knows how to apply
a cue (before / after / context) and how the generic attributes are written in Chinese
(age thresholds, 常住/户籍, reference periods, whose work a number describes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extract.candidate import (
    AGE_RE,
    AGES,
    BASE_RE,
    BASES,
    Candidate,
    Frame,
    Hit,
    ReportContext,
    doubt,
    frame,
    frames,
    last_clause,
    nearest,
    respective_list,
)
from extract.catalog import CATALOG, Catalog, Cue
from extract.numbers import CN_DIGITS, Mention
from extract.place import CLAUSE_HEAD_RE, assign_place, reporting_part
from extract.prefilter import prefiltered
from extract.stage import (
    PERIOD_RE,
    RELATIVE_YEAR_RE,
    mark_plans,
    period_text,
    plan_report,
    plan_sections,
    reference_period,
)
from extract.tables import as_percent, table_match

# (re-exported: the pipeline builds its reports through these)
__all__ = ["Candidate", "Frame", "Hit", "ReportContext", "candidate", "candidates", "frame", "frames", "match",
           "plan_report", "plan_sections", "reporting_part"]

TOTAL_POPULATION_RE = re.compile(r"总人口")
SHARE_BASE_RE = re.compile(r"[^。;!?\n]{0,12}占[^。;!?\n]{0,4}(常住|户籍)")  # used with match()
BODY_RE = prefiltered(r"(全国|省|市|县|区|各级)人大(常委会)?")  # (most sentences name no body: a find first)


def _cue_matches(cue: Cue, left: str, right: str, context: str,
                 words: dict[str, re.Pattern[str]]) -> re.Match[str] | bool | None:
    """words: the catalog's word lists, compiled."""
    before, after, context_search, _ = cue.checks
    bm = None
    if before is not None:
        bm = before(left)
        if bm is None:
            return None
    if not _rest_matches(after, context_search, right, context, words):
        return None
    return bm or True


def _rest_matches(after: Callable | None, context_search: Callable | None, right: str, context: str,
                  words: dict[str, re.Pattern[str]]) -> bool:
    """A cue's checks after its before-words: what follows the number, and the sentences around it."""
    if after is not None:
        am = after(right)
        if am is None:
            return False
        # 社区日间照料中心32个、老年助餐点57个: a noun in the next item of a list, followed by a number of its
        # own, is that number's (but 交办的3个问题2项已整改 speaks of the 3); so is 5个社区的养老服务站点9个's
        # (the 5 counts the communities the sites lie in).
        nxt = right[am.end():am.end() + 1]
        if nxt and (nxt.isdigit() or nxt in CN_DIGITS) and any(sep in am.group(0) for sep in "、和及与"):
            return False
        if "的" in am.group(0) and _NOUN_TO_NUMBER_RE.match(right, am.end()):
            return False
        if words["negation"].search(am.group(0)):  # 尚有7个乡镇未建成老年助餐点: a count of what lacks them
            return False
        if words["counted_places"].match(right):  # 对全县19个乡镇的助餐点开展视察: the towns are counted
            return False
    return context_search is None or context_search(context) is not None


# The rest of a noun phrase up to a number of its own (…养老服务站点9个).
_NOUN_TO_NUMBER_RE = re.compile(rf"[^,;。!?:\n、\d{CN_DIGITS}]{{0,8}}(?=[\d{CN_DIGITS}])")


# 分别为36个、41个和29个: what stands between 分别 and a later value of its list.
NOTE_RE = re.compile(r"\((?:[^()\d]|\d+周?岁){1,12}\)$")  # (户籍), (60岁及以上): no value of its own
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
        hit = _match(noun, right, context, last_clause(noun), m, catalog)
    if hit is None and "\t" in left:
        hit = table_match(text, m, left, right, context, catalog, _match)
    if hit is None and left.endswith(":"):
        # 老龄化率:19.8%, a table's label and its value on one line: read as if the label stood before it.
        label = left[:-1]
        hit = _match(label, right, context, last_clause(label), m, catalog)
    if hit is None and (described := words["described_after"].match(right)):
        # 156个——全县已建成运营的老年助餐点总数: read as if what it counts stood before it.
        desc = described.group("desc")
        hit = _match(desc, "", context, desc, m, catalog)
    if hit is None and (change := words["change_from"].search(left) or (
            words["previous_left"].search(left) if words["previous_right"].match(text, m.counter_end) else None)):
        # 养老机构由2020年的34家减少到26家: both values read as if they stood right after the noun (not
        # …中,由社会力量运营的有96个: 由 an operator, no change).
        cut = len(left) - change.start()
        hit = _match(left[:change.start()], right, context, clause_left[:max(0, len(clause_left) - cut)], m, catalog)
        if hit is None and left[:change.start()].endswith(","):
            # …覆盖率提升最快,由2023年底的52.6%提高到目前的76.9%: the noun ends the clause before the change.
            noun = left[:change.start() - 1]
            hit = _match(noun, right, context, last_clause(noun), m, catalog)
    return hit


def _match(left: str, right: str, context: str, clause_left: str, m: Mention, catalog: Catalog) -> Hit | None:
    # (_cue_matches written out: most cues fail on their before-words, which is tried first)
    words = catalog.words.res
    for ind in catalog.by_counter.get(m.counter, ()):
        best, best_rank, best_match = None, None, None
        for before, after, context_search, rank, cue in ind.cue_checks:
            if best_rank is not None and rank >= best_rank:
                continue  # it could not win: the better tier wins; at the same tier, the cue that raises a doubt
            bm = None
            if before is not None and (bm := before(left)) is None:
                continue
            if (after is not None or context_search is not None) and not _rest_matches(
                    after, context_search, right, context, words):
                continue
            best, best_rank, best_match = cue, rank, bm
        if best is None or any(rx.search(clause_left) for rx in ind.exclude_res):
            continue
        for cue in ind.subsets:  # (tried only once a cue fits: no need to write the checks out)
            if _cue_matches(cue, left, right, context, words):
                moot = () if cue.in_plans else tuple(f for f in cue.flags if f not in best.flags)
                return Hit(ind, best.tier, best_match, (*best.flags, *cue.flags), cue.why, moot, cue.why)
        return Hit(ind, best.tier, best_match, tuple(best.flags), best.why)
    return None


def candidate(f: Frame, ctx: ReportContext, catalog: Catalog = CATALOG, hit: Hit | None = None) -> Candidate | None:
    """The number's candidate, through the catalog's cues (or through the hit given)."""
    text, m = f.text, f.m
    hit = hit or match(text, m, catalog, f)
    if hit is None:
        return None
    if hit.percent:  # (its end, and so every position after it, is the same)
        m = as_percent(m)
    ind, tier, before = hit.indicator, hit.tier, hit.before
    s0, s1, c0, c1, left = f.s0, f.s1, f.c0, f.c1, f.left
    words = catalog.words.res
    if (words["definition"].search(f.clause_left) or words["definition_after"].match(text, m.counter_end, c1)
            or words["per_unit"].search(f.clause_left) or words["gap"].search(f.clause_left)):
        return None  # 超过10%即为老龄化社会, 每个社区至少建成1个, 缺口约5000张: no place's figure of the thing
    q0 = min(c0, s0 + before.start()) if before else c0
    c = Candidate(m, ind, tier, q0, c1, column=hit.column)
    for flag in hit.flags:
        doubt(c, flag, hit.why)
    if m.scale == 1 and "." in m.digits and ind.unit in catalog.whole_units:
        doubt(c, "subset", "a count of whole things printed with a fraction: an average, another measure")
    if words["inside_note"].search(f.clause_left):  # 养老机构(含民办机构36家)
        doubt(c, "subset", "inside a note in brackets on what the count beside it includes: a part")

    attrs = set(ind.attributes)
    if "age_threshold" in attrs:
        age = before.groupdict().get("age") if before else None
        if age is None and (a := nearest(AGE_RE, left)):
            age = a.group("age")
        if age is None and s0 and (a := nearest(AGE_RE, text[f.p0:s0])):
            age = a.group("age")
        c.age_threshold = AGES.get(age) or int(age) if age else None
    if "population_base" in attrs:
        b = nearest(BASE_RE, left)
        if b is None:  # 60岁及以上人口119.8万人,占常住人口的24.6%: the base the share goes on to name
            b = SHARE_BASE_RE.match(text, m.counter_end, s1)
            b = BASE_RE.search(b.group(0)) if b else None
        # else the paragraph's, before this sentence (not for 总人口, a measure of its own: 总人口118万,常住人口96万)
        if b is None and s0 and not TOTAL_POPULATION_RE.search(f.clause_left):
            p0 = text.rfind("\n", 0, s0) + 1
            b = nearest(BASE_RE, text[max(p0, s0 - 200):s0])
        c.population_base = BASES[b.group(0)] if b else None
    if "status" in attrs:
        window = text[c0:c1]
        statuses = catalog.status_res
        column_status = next((status for status, rx in statuses if rx.search(c.column)), None) if c.column else None
        # (a column's words first: 已建成(个))
        c.status = column_status or next((status for status, rx in statuses if rx.search(window)), None)
        if c.status is None and c0 > s0:  # 已建成服务中心415个,老年助餐点128个: the sentence's verb before it
            last = [(found.end(), status) for status, rx in statuses if (found := nearest(rx, text[s0:c0]))]
            c.status = max(last)[1] if last else None
    if "age_threshold" in attrs or "population_base" in attrs:
        _respective_attributes(c, f, ctx, catalog)
    c.ref_period = reference_period(f, ctx.year, catalog)
    if c.ref_period is None and c.column and (dated := PERIOD_RE.search(c.column)):
        c.ref_period = period_text(dated)  # a table's column for a year (2023年)
    if c.ref_period is None:  # 上年末…: a past year where the text gives no year to count from
        c.earlier = bool((relative := nearest(RELATIVE_YEAR_RE, left)) and relative.group(1) not in ("今年", "本年度"))
    else:
        c.earlier = bool(ctx.year and c.ref_period[:4].isdigit() and int(c.ref_period[:4]) < ctx.year)

    assign_place(c, f, ctx, catalog)
    mark_plans(c, f, ctx, catalog)
    if c.status == "planned" and hit.moot_in_plans:  # 下一步…新增助餐点10个: the plan's figure, not a part
        c.doubts = [d for d in c.doubts if d not in hit.moot_in_plans]
        c.why = [w for w in c.why if w != hit.moot_why]
        c.mooted = (hit.moot_in_plans, hit.moot_why)
    elif (c.status == "planned" or "target" in c.doubts) and words["increase_verb"].search(f.clause_left):
        c.mooted = (("subset",), "done toward a plan to add them: an increase, not the total")
    if m.qualifier == "exact" and not ind.is_percent:
        if words["list_tail"].match(text, m.counter_end, c1):  # 3个养老服务中心以及…敬老院、…等
            c.qualifier, c.qualifier_why = "at_least", "a list ending in 等 follows the count"
        elif words["unnumbered_item"].search(f.clause_left):  # 察看了县社会福利中心、6个乡镇敬老院
            c.qualifier, c.qualifier_why = "at_least", "its list names an item before it without a count"

    body = nearest(BODY_RE, left)
    if body and body.group(1) in ("省", "全国") and not ctx.is_province:
        # 省人大交办问题5个,市本级排查发现问题21个,已整改18个: the province's clause is its own.
        # (…交办的5个问题和本级发现的38个问题: the own level's, in the same clause or a later one)
        own = words["own_level"].search(text, s0 + body.end(), m.start)
        c.secondary = not own
    # 由A增加到B, 原有A,现已发展到B: A is the earlier value
    if ((words["previous_left"].search(f.clause_left) and words["previous_right"].match(text, m.counter_end, c1))
            or (words["earlier_left"].search(f.clause_left) and words["later_right"].match(text, m.counter_end, s1))):
        c.secondary = True
    return c


def _respective_attributes(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """Ages (or bases) listed before the sentence's first 分别 go to the values of a 分别 list in order,
    when there are as many of each."""
    listed = respective_list(f, ctx, catalog)
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
                # 新建…年度任务120个,已建成104个; 计划新增养老床位5000张,目前已完成3200张: the plan's progress
                if (c.status and c.status != "planned") or (
                        "status" not in c.indicator.attributes and "target" not in c.doubts):
                    for flag in last[0].mooted[0]:
                        doubt(c, flag, last[0].mooted[1])
                c.status = c.status or last[0].status
        if c is None:
            continue
        last = (c, f)
        # 其中65岁及以上人口, 计划建设的42个: another measure, not a part
        key = (c.indicator.code, c.region_code, c.age_threshold, c.status)
        if "scope_uncertain" not in c.doubts:  # 两市共…482个,其中许昌市314个: no total of the place's own
            part_of = catalog.words.res["part_of"]
            if totals.get(key) == f.s0 and part_of.match(f.clause_left):
                doubt(c, "subset", "a part of the total the sentence gives before it")
            elif f.c0 > f.s0 and part_of.fullmatch(f.text, f.s0, f.c0 - 1) and (
                    whole := next((given[k] for k in (key, *totals) if totals.get(k) == f.p0 and k[:3] == key[:3]
                                   and (k == key or c.status is None)), None)):
                # …共有86个。其中,由供销社运营的助餐点有11个: a sentence that opens with 其中 breaks down the one
                # before (a part without a stage of its own has the total's).
                c.status = c.status or whole.status
                doubt(c, "subset", "a part of the total the sentence before gives")
            elif totals.get(key) == f.s0 and not c.column and catalog.words.res["running_total"].search(f.clause_left):
                # (not in a table's 合计 row, whose label is no running total of the cells before it)
                # 全市新建老年助餐点38个,总数达到226个: what came before the total is what was added to it.
                doubt(given[key], "subset", "an increase or a part: the sentence goes on to the total")
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
            doubt(whole, "subset", "a second count of the same thing in the report, beside its first")
            doubt(c, "subset", f"what was done about a second count ({whole.mention.printed}), not about the first")


def _carried(f: Frame, before: Candidate, bf: Frame, ctx: ReportContext, catalog: Catalog) -> Hit | None:
    """The indicator of the number before, for a number that names none but continues its list or change:
    其中郑州市1836个、洛阳市1102个 (a place right before it), 洛阳市、新乡市分别建成586个和412个, 由26个增加到41个,
    累计建成45个,2022年底达到68个, 荥阳市已建成85个,我市仅建成42个, 占比为15.8%,60岁以上为20.9%."""
    m, words = f.m, catalog.words.res
    pointed = bf.s0 == f.p0 and words["reference"].match(f.clause_left)  # ;…,这一比例上升至20.7%
    # 截至2023年底,全市老年助餐点412个;截至2024年6月底,达到468个: a step of the series after a semicolon
    stepped = bf.s0 == f.p0 and f.text[f.s0 - 1:f.s0] == ";" and words["continued"].search(f.left.replace(",", ""))
    if (bf.s0 != f.s0 and not pointed and not stepped) or not m.counter or m.counter != before.mention.counter:
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
                                   or words["compared"].search(left) or words["part_stage"].match(left)
                                   or words["other_age"].match(left))
    if not (listed or changed or continued):
        return None
    return Hit(before.indicator, before.tier, None)


