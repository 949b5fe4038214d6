"""Numbers in a table (cells apart by tabs, as normalisation leaves every kind of table): the column's
heading, the caption above it or the row's label names the thing, and the unit in brackets its measure."""

from __future__ import annotations

import re
from collections.abc import Callable

from extract.candidate import Hit
from extract.catalog import Catalog
from extract.numbers import COUNTERS, Mention

# The matcher of rules.py, given the words that name the number: (left, right, context, clause_left, mention,
# catalog) → the hit, if a cue fits.
Read = Callable[[str, str, str, str, Mention, Catalog], Hit | None]


def table_match(text: str, m: Mention, left: str, right: str, context: str, catalog: Catalog,
                read: Read) -> Hit | None:
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
            noun, counted = header[:unit.start()], m._replace(counter=unit.group(1))
        elif unit and not m.counter and not m.percent and unit.group(1) == "%":  # 覆盖率(%) over 85.1
            noun, counted = header[:unit.start()], as_percent(m)
        elif not unit and (m.percent or m.counter):  # 整改率 over 91.7%, 已建成 over 86个: the cell has its unit
            noun = header
        if noun is not None:
            hit = read(noun, right, context, noun, counted, catalog)
            for end in range(len(caption), 1, -1) if hit is None else ():
                if hit := read(caption[:end] + noun, right, context, caption[:end] + noun, counted, catalog):
                    break
        if hit is not None:
            return hit._replace(column=header, percent=counted.percent and not m.percent)
    label = left[left.rfind("\n") + 1:].split("\t", 1)[0].strip()
    unit = TABLE_UNIT_RE.search(label)
    if m.counter or not unit or unit.group(1) not in COUNTERS:
        return None
    noun = label[:unit.start()]
    hit = read(noun, right, context, noun, m._replace(counter=unit.group(1)), catalog)
    if hit is None:
        return None
    hit = hit._replace(column=header or "")
    if catalog.words.res["increase_verb"].match(noun) and "subset" not in hit.flags:
        # 新建老年助餐点(个): a row of what was added in the table's period (a plan's figure in a target column)
        why = "a table's row of what was added, an increase, not the total"
        hit = hit._replace(flags=(*hit.flags, "subset"), why=why, moot_in_plans=("subset",), moot_why=why)
    return hit


def as_percent(m: Mention) -> Mention:
    """A bare number as a share (under a column headed 覆盖率(%)): the same digits, the same place."""
    return m._replace(percent=True, counter="%")


CLAUSE_STOP_RE = re.compile(r"[,;。!?]")
YEAR_HEADING_RE = re.compile(r"20\d\d年(底|末)?")
TABLE_UNIT_RE = re.compile(r"\(([^()]{1,4})\)$")  # 老年助餐点(个): the unit of a column


def _table_top(text: str, pos: int) -> tuple[str | None, str]:
    """The heading line above the cell at pos of a tab-separated table (the top line of its run of lines with
    tabs: blank lines between them, as a PDF's text layer leaves, do not end the run; None where the cell's
    row is the run's first line), and the caption: the line above the table (鹤壁市各县区老年助餐点建设情况)."""
    row = text.rfind("\n", 0, pos) + 1
    run: list[str] = []  # the table's lines above the cell's row, bottom to top
    caption, line_start = "", row
    while line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above:line_start - 1]
        if line.strip():
            if "\t" not in line:
                # (a paragraph of prose above the table, 视察了解到,…如下:, is no caption: its words would name
                # the columns' things)
                caption = line.strip() if not CLAUSE_STOP_RE.search(line) else ""
                break
            run.append(line)
        line_start = above
    run.reverse()
    headings = [line for line in run[:3] if _is_heading(line)]
    if len(headings) >= 2 and run[:len(headings)] == headings:
        row_end = text.find("\n", row)
        return _stacked(headings, text.count("\t", row, row_end if row_end >= 0 else len(text)) + 1), caption
    return (run[0] if run else None), caption


def _is_heading(line: str) -> bool:
    """A table line with no figures but years: a heading, not a row."""
    return not any(ch.isdigit() for ch in YEAR_HEADING_RE.sub("", line))


def _stacked(lines: list[str], width: int) -> str:
    """One heading line of `width` cells (a row's) from a heading of two or three rows, each cell read from
    the bottom row up (已建成 under 老年助餐点(个), which spans 已建成 and 在建: 已建成老年助餐点(个)); an empty cell of
    an upper row is the cell to its left, which spans it. Normalised lines lose their empty cells at either
    end: the top row its last ones (spans), a lower row its first (under the row labels' heading)."""
    rows = [line.split("\t") for line in lines]
    filled = []
    for n, cells in enumerate(rows):
        cells = [c.strip() for c in cells][:width]
        pad = [""] * (width - len(cells))
        cells = cells + pad if n == 0 else pad + cells
        if n < len(rows) - 1:  # (a span runs right from its cell, never from the row labels' column)
            for k in range(2, width):
                cells[k] = cells[k] or cells[k - 1]
        filled.append(cells)
    return "\t".join("".join(reversed([r[k] for r in filled if r[k]])) for k in range(width))


def _column_heading(heading: str | None, text: str, pos: int) -> str | None:
    """The heading of the cell at pos's column, from the table's heading line; None where there is none or
    the line holds digits other than years (a row, not a heading: 指标\t2022年\t2023年 is one)."""
    if heading is None or not _is_heading(heading):
        return None
    column = text.count("\t", text.rfind("\n", 0, pos) + 1, pos)
    cells = heading.split("\t")
    return cells[column].strip() if column < len(cells) else None
