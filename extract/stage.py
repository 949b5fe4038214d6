"""When a number is of: its reference period (2023年底, 去年, 第七次人口普查) and whether it is a plan, a
target or a projection rather than an achieved value (下一步, 力争, 到2025年底, a table's 年度目标)."""

from __future__ import annotations

import re
from bisect import bisect_right

from extract.candidate import Candidate, Frame, ReportContext, doubt, nearest
from extract.catalog import CATALOG, Catalog
from extract.normalize import is_structural

PERIOD_RE = re.compile(  # opens with a lookahead so that the engine skips, at C speed, where no year can start
    r"(?=[截到2])(?P<asof>截至|截止|到)?(?P<y>20\d\d)年(?:(?P<m>\d{1,2})月)?(?P<end>底|末)?(?P<since>以来|起|至今|以前|前)?"
)


OWN_YEAR_RE = re.compile(r"的\d")  # 2020年的34家: the year of the number right after it
# 与2022年相比, 较2022年, 比上年同期: the year a value is compared with, not its own.
COMPARED_AFTER_RE = re.compile(r"(同期)?(相比|比较|相较)")
COMPARED_BEFORE = "与较比同"


RELATIVE_YEAR_RE = re.compile(r"(今年|本年度|去年|上年|上一年)(?!以来)")


def period_text(p: re.Match[str]) -> str | None:
    """A period as records write it (2023, 2023-06, 2023-12-31 for 年底), None for a span (以来, 起)."""
    if p.group("since"):
        return None
    y = p.group("y")
    if p.group("m"):
        return f"{y}-{int(p.group('m')):02d}"
    return f"{y}-12-31" if p.group("end") else y


def reference_period(f: Frame, year: int | None, catalog: Catalog = CATALOG) -> str | None:
    """The period a value refers to: the nearest year before it in its sentence, else after it in its clause."""

    text, m, s0 = f.text, f.m, f.s0
    # 从去年的A提升至B: the period in "从…" is A's, not B's.
    change = catalog.words.res["change_from"].search(text, s0, m.start)
    if change and change.group("to"):  # 由2022年的96个增加到2023年底的318个: B's own year
        return period_text(PERIOD_RE.match(change.group("to")))
    cut = change.start() if change else m.start
    # (every year and every 今年/去年 holds 年: most stretches without one are passed over by a find)
    dated = text.find("年", s0, cut) != -1
    # (not a year that belongs to a number of its own: 由2020年的34家减少到26家 gives the next clause no year)
    before = [p for p in PERIOD_RE.finditer(text, s0, cut)
              if period_text(p) and not ((own := OWN_YEAR_RE.match(text, p.end())) and own.end() - 1 < m.start)
              and not _compared_with(text, p)] if dated else []
    relative = nearest(RELATIVE_YEAR_RE, text[s0:cut]) if dated else None
    # 今年/去年 count from the bulletin's year, else from the year the sentence names ("2024年,…从去年的").
    year = year or (int(before[-1].group("y")) if before else None)
    relative = relative if year else None
    if before and not (relative and s0 + relative.start() > before[-1].start()):
        return period_text(before[-1])
    after = [p for p in PERIOD_RE.finditer(text, m.counter_end, f.c1)
             if period_text(p)] if text.find("年", m.counter_end, f.c1) != -1 else []
    if after:
        return period_text(after[0])
    census = nearest(catalog.words.res["census"], text[s0:cut])
    if census:  # 第六次人口普查时…12.9%: the census's year
        return str(catalog.census_years[next(ch for ch in census.group(0) if ch in catalog.census_years)])
    if relative:  # 今年/去年 nearer than any year written out
        return str(year if relative.group(1) in ("今年", "本年度") else year - 1)
    return None


def _compared_with(text: str, p: re.Match[str]) -> bool:
    """与2022年相比, 较2022年: the year is the one compared with."""
    return (p.start() > 0 and text[p.start() - 1] in COMPARED_BEFORE and not p.group("asof")) or bool(
        COMPARED_AFTER_RE.match(text, p.end()))


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


def mark_plans(c: Candidate, f: Frame, ctx: ReportContext, catalog: Catalog) -> None:
    """Targets, plans and projections are never achieved values."""
    words, clause_left, left = catalog.words.res, f.clause_left, f.left
    if words["past_plan"].search(clause_left) and words["done"].search(f.text, f.m.counter_end, f.c1):
        # 去年计划新建的30个助餐点已全部建成投用: an earlier plan, now done: what it added, not the total.
        if "status" in c.indicator.attributes:
            c.status = next((status for status, rx in catalog.status_res
                             if status != "planned" and rx.search(f.text, f.m.counter_end, f.c1)), None)
        doubt(c, "subset", "what an earlier plan added, now done: not the total")
        return
    why = ""
    for words_re, where in ((words["target"], clause_left), (words["sentence_target"], left)):
        planned = nearest(words_re, where)
        if planned and not words["done"].search(where, planned.end()):
            why = f"a plan or target ({planned.group(0)})"
            break
    if not why and (due := nearest(words["deadline"], left)) and not words["done"].search(left, due.end()) and (
            not due.group("y") or ctx.year is None or int(due.group("y")) >= ctx.year):
        why = f"a deadline ({due.group(0)})"
    if not why and c.column and words["target"].search(c.column):  # a table's 年度目标 column
        why = f"a plan or target (the table's column {c.column})"
    if not why and ctx.year and c.ref_period and c.ref_period[:4].isdigit() and int(c.ref_period[:4]) > ctx.year:
        why = f"a projection for {c.ref_period[:4]}"
    if not why and ctx.plan:
        why = "the report is a plan as a whole (its title names it one)"
    if not why and ctx.plan_starts and not words["done"].search(clause_left):
        n = bisect_right(ctx.plan_starts, f.m.start) - 1
        year = ctx.plan_years[n] if 0 <= n < len(ctx.plan_years) else None
        if n >= 0 and f.m.start < ctx.plan_ends[n] and not (year and ctx.year and year < ctx.year):
            why = "in the report's next steps"  # 下一步工作建议:…一是…新建老年助餐点50个
    if (proposed := words["proposal"].search(left)) and not words["done"].search(left, proposed.end()):
        doubt(c, "target", f"a proposal ({proposed.group(1)}), not a plan or an achieved figure")
        return
    if not why:
        return
    if "status" in c.indicator.attributes:
        c.status = "planned"  # a stage of its own (meal sites): charted apart, never as built
    else:
        doubt(c, "target", why)


def plan_report(title: str, catalog: Catalog = CATALOG) -> bool:
    """Whether a report is a plan as a whole, by its title (…2024年工作要点; not …计划执行情况的报告)."""
    return catalog.words.res["plan_title"].search(title) is not None
