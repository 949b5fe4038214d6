"""Normalise a bulletin's text while remembering where every character came from.

Bulletins converted from PDF have full-width digits, lines hard-wrapped mid-word with blank
lines between them, page footers (—３—) inside sentences and a distribution list at the end.
Rules are written against the normalised text; every character of it maps back to an index
in the original, so a record's span can point at the exact characters a reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

# (and a running header that ends with its page number, 人大工作简报    第2页, which a PDF's text layer puts
# between the halves of a sentence split over two pages)
FOOTER_RE = re.compile(r"^[-—–─_]+\s*\d{1,3}\s*[-—–─_]+$|^-\s*\d{1,3}\s*-$"
                       r"|^[^。,;!?:]{0,30}?第\s*\d+\s*页(共\s*\d+\s*页)?$")



def is_footer(line: str) -> bool:
    # (every footer opens with a dash or holds 页: two tests in Python spare most lines the pattern)
    return (line[0] in "-—–─_" or "页" in line) and FOOTER_RE.match(line) is not None


# Lines that stand alone in a bulletin's layout and are never part of a wrapped sentence: anchored at
# the line's start (matched, not searched: a search tries every position of every line), or an album title.
# A label before the colon is short (郑州: 上下联动, 三门峡市陕州区: …); a long one opens a wrapped sentence
# (各地发现问题数量差异较大:周口市…).
# A bullet some bulletins set before a report's heading (◆ 鹤壁: 以小切口…).
BULLETS = "◆◇■□●○▲△★☆►▶•"
HEADING_BULLET = rf"(?:[{BULLETS}]\s*)?"
# 郑州: 上下联动 (a heading), 栾川县:打造… (a labelled paragraph)
# (or 【开封】开封市人大常委会…, a place in brackets before a report's first paragraph)
# A name of Han characters, which a layout may set apart by spaces (鹤 壁); the quantifier (how many more
# characters) is the user's: a label's is short, a heading's may be longer.
SPACED_NAME = r"[\u4e00-\u9fff](?: ?[\u4e00-\u9fff])"
_NAME = SPACED_NAME + "{1,7}"
# A Chinese ordinal as sections and items are numbered (三、…, (十二)…); the catalog's {n}.
CN_ORDINAL = "[一二三四五六七八九十]{1,3}"
# A heading may be numbered (一、郑州市:…, (二)许昌:…, a WeChat post's 01|南阳:…).
ENUMERATOR_MARK = rf"(?:{CN_ORDINAL}、|\d{{1,2}}[.、]|\d{{1,2}}\s*[|丨]|\(\s*{CN_ORDINAL}\s*\))"
ENUMERATOR = ENUMERATOR_MARK + r"?\s*"  # (where a heading may have one)
# (三门峡市人大常委会:… names its place by the place's body)
BODY_SUFFIX = "人大常委会|人大工委|人大"
# (the brackets a place may stand in: 【开封】, 〔开封〕, [开封])
OPEN_BRACKETS, CLOSE_BRACKETS = "【〔[", "】〕]"
_LABEL = HEADING_BULLET + ENUMERATOR + (rf"(?:{_NAME}(?:{BODY_SUFFIX})?(?::|——)"
                                        rf"|[{re.escape(OPEN_BRACKETS)}]{_NAME}[{re.escape(CLOSE_BRACKETS)}])\s*\S")
# (and a masthead's line of the issuing body and the date, set apart by spaces:
# 河南省人大社会建设委员会  2024年12月10日)
STRUCTURAL_RE = re.compile(_LABEL + r"|\(.{2,40}供稿\)$|(报|发|送|抄送|抄报):|简\s*报$|\(\d{4}年\s*第"
                           r"|[^,;。!?]{2,40}\s{2,}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
ALBUM_TITLE_RE = re.compile(r"专辑\s*\(")
LABEL_RE = re.compile(_LABEL)
# 【编者按】联动监督开展以来,全省…: a bulletin's own note, before its first report; it opens a line of its own.
EDITOR_NOTE_RE = re.compile(r"^[【\[]?编者按[】\]:]")
# (after a body's name the space may go: 三门峡市人大常委会:以“小切口”… opens no labelled paragraph)
HEADING_LINE_RE = re.compile(HEADING_BULLET + ENUMERATOR + _NAME
                             + rf"(?:: |——|(?:{BODY_SUFFIX})(?::\s?|——))[^,、;。!?\d]+$")


# Every structural line holds one of these (a label's colon, dash or bracket, the bracket of a contributor or issue
# line, 简报's 报, 专辑's 辑) or ends with a date's 日: one scan in C spares the full pattern on most lines of prose.
_STRUCTURAL_HINTS = ":—【〔[(报辑"
_STRUCTURAL_HINT_RE = re.compile(f"[{re.escape(_STRUCTURAL_HINTS)}]")


def is_structural(line: str, hinted: bool | None = None) -> bool:
    """hinted: whether the line holds a hint, where the caller knows (normalize reads it for all lines at once)."""
    if hinted is None:
        hinted = _STRUCTURAL_HINT_RE.search(line) is not None
    if not hinted and not line.endswith("日"):
        return False
    return STRUCTURAL_RE.match(line) is not None or ("专辑" in line and ALBUM_TITLE_RE.search(line) is not None)


def _hinted(codes: np.ndarray, lines: list[tuple[int, int, str]]) -> list[bool]:
    """For each line ([start, end) in the text whose code points are codes): whether it holds a structural hint
    (every line's answer in a few array operations, not a search a line)."""
    if not lines:
        return []
    count = np.concatenate(([0], np.cumsum(_char_table(_STRUCTURAL_HINTS)[codes])))
    starts = np.fromiter((start for start, _, _ in lines), dtype=np.int64, count=len(lines))
    ends = np.fromiter((end for _, end, _ in lines), dtype=np.int64, count=len(lines))
    return (count[ends] > count[starts]).tolist()


SENTENCE_END = "。!?"
_ENDS_PARAGRAPH = SENTENCE_END + "."
WRAP_JOINERS = ",、;:(“‘《«-—"
# A line's text without the whitespace around it (as str.strip() leaves it); blank lines never match.
_LINE_RE = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")


@dataclass(frozen=True, eq=False)
class Normalized:
    original: str
    text: str
    omap: np.ndarray  # omap[i]: index in original of text[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) in normalised text → [start, end) in the original."""
        if end <= start:
            o = int(self.omap[start]) if start < len(self.omap) else len(self.original)
            return o, o
        return int(self.omap[start]), int(self.omap[end - 1]) + 1

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]

    def printed(self, start: int, end: int) -> str:
        """The original characters of [start, end) as a reader sees them: wraps and footers removed."""
        if end <= start:
            return ""
        o0, o1 = int(self.omap[start]), int(self.omap[end - 1])
        if o1 - o0 == end - start - 1:  # nothing removed in between: a plain slice
            return self.original[o0:o1 + 1]
        return self._codes[self.omap[start:end]].tobytes().decode("utf-32-le")

    @cached_property
    def _codes(self) -> np.ndarray:
        return code_points(self.original)


def code_points(text: str) -> np.ndarray:
    """A text's characters as an array of code points (no copy beyond the encoding)."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


_DROPPED = "\r\ufeff\u200b"
# A report copied from a web page's 繁體 view (鄭州市…養老服務…三十餘個): each traditional character folds to its
# simplified form, one for one (data/traditional.SOURCE.txt).
_TRADITIONAL = dict(line.split("\t") for line in
                    (Path(__file__).parent / "data" / "traditional.tsv").read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _DROPPED:
        return ""
    if ch == "\u3000":
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    return _TRADITIONAL.get(folded, folded)


# Every code point's folded form, learnt as characters are met: _LUT maps the ones that fold to
# one character (identity otherwise); _OTHER holds those that fold to none or several.
_LUT = np.arange(0x110000, dtype=np.uint32)
_OTHER: dict[int, str] = {}
_IS_OTHER = np.zeros(0x110000, dtype=bool)
_KNOWN = np.zeros(0x110000, dtype=bool)
_KNOWN[:128] = True
_KNOWN[ord("\r")] = False


def _learn(codes: np.ndarray) -> None:
    for code in codes.tolist():
        folded = _fold(chr(code))
        if len(folded) == 1:
            _LUT[code] = ord(folded)
        elif folded != chr(code):
            _OTHER[code] = folded
            _IS_OTHER[code] = True
        _KNOWN[code] = True


def _stream(original: str) -> tuple[str, np.ndarray, np.ndarray]:
    """Each character folded on its own (full-width → ASCII, BOM and CR dropped), with the index in
    the original of every output character, and the output's code points. Vectorised: a text costs a
    few array operations."""
    codes = code_points(original)
    if not _KNOWN[codes].all():
        _learn(np.unique(codes[~_KNOWN[codes]]))
    mapped = _LUT[codes]
    if not _IS_OTHER[codes].any():
        return mapped.tobytes().decode("utf-32-le"), np.arange(len(codes), dtype=np.int64), mapped
    lengths = np.ones(len(codes), dtype=np.int64)
    at = {}
    for code in np.unique(codes[_IS_OTHER[codes]]).tolist():
        at[code] = np.flatnonzero(codes == code)
        lengths[at[code]] = len(_OTHER[code])
    out = np.repeat(mapped, lengths)
    firsts = np.cumsum(lengths) - lengths
    for code, where in at.items():
        for j, ch in enumerate(_OTHER[code]):
            out[firsts[where] + j] = ord(ch)
    return out.tobytes().decode("utf-32-le"), np.repeat(np.arange(len(codes), dtype=np.int64), lengths), out


def _wrap_width(lines: list[str]) -> float:
    """The width the converter wrapped lines at; infinite for text that was not hard-wrapped."""
    if not lines:
        return float("inf")
    lengths = [len(line) for line in lines]
    ordered = sorted(lengths)
    if len(ordered) < 8:
        return ordered[-1] if ordered[-1] <= 80 else float("inf")
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    near = [line for line in lines if len(line) >= p90 - 4]
    # Hard-wrapped text has many lines of about the same, short width; or, among many short headings and
    # sign-offs, a few that stop mid-sentence at that width.
    open_ended = sum(1 for line in near if line[-1] not in _ENDS_PARAGRAPH)
    wrapped = len(near) >= len(lengths) * 0.3 or (len(near) >= 3 and open_ended >= len(near) * 2 / 3)
    return p90 if p90 <= 80 and wrapped else float("inf")


# A table in a PDF's text layer: columns aligned with runs of spaces (兰考县        12              11: a line
# with two or more such gaps is a row), or cells apart by single spaces under a heading with as many cells and
# no figures (县区 发现问题(个) 已整改(个) / 兰考县 12 11). Each gap becomes a tab, as a Word table's cells are
# joined, mapped back to its first space.
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_CELL_GAP_RE = re.compile(r"(?<=\S) +(?=\S)")
_FIGURE = r"[-+]?\d[\d.,]*(?:%|万|亿)?"
_FIGURE_CELL_RE = re.compile(_FIGURE)
_FIGURES_ROW_RE = re.compile(rf"\S+(?: +{_FIGURE}){{2,}}")  # 兰考县 12 91.7%: a label, then figures
_SPACED_FIGURE_RE = re.compile(r" [-+]?\d")  # (in every such row: a search for it spares most prose the pattern)


# A Markdown table, as converters and web pages write one: | 济宁市 | 1284 | 91.2% |, under a row of dashes.
_PIPE_ROW_RE = re.compile(r"\s*\|(?:[^|\n]*\|){2,}\s*")
_PIPE_RULE_RE = re.compile(r"[\s|:-]*")
_PIPE_GAP_RE = re.compile(r"^\s*\|\s*|\s*\|\s*$|\s*\|\s*")


def pipe_lines(lines: list[str]) -> set[int]:
    """The lines of a Markdown table (rows between pipes, and the row of dashes under its heading)."""
    return {n for n, line in enumerate(lines) if "|" in line and _PIPE_ROW_RE.fullmatch(line)}


def table_lines(lines: list[str], piped: set[int] | None = None) -> set[int]:
    """The lines that are a table's heading or rows (PDF damage in the scorer leaves them unwrapped too);
    piped: the Markdown table's lines, where the caller has them already."""
    found = set(pipe_lines(lines) if piped is None else piped)
    found |= {n for n, line in enumerate(lines) if "  " in line and len(_COLUMN_GAP_RE.findall(line)) >= 2}
    # (a regex over each line first: splitting every line of prose into cells costs more than the rest)
    rows = {n for n, line in enumerate(lines)
            if " " in line and _SPACED_FIGURE_RE.search(line) and _FIGURES_ROW_RE.fullmatch(line.strip())}
    for n in sorted(rows):
        if n == 0 or n - 1 in rows:
            continue
        heading = lines[n - 1].split()
        if any(_FIGURE_CELL_RE.fullmatch(c) for c in heading):
            continue
        k = n
        while k in rows and len(cells := lines[k].split()) == len(heading) and not _FIGURE_CELL_RE.fullmatch(cells[0]):
            k += 1
        if k > n:
            found.update(range(n - 1, k))
    return found


def _spaced_columns(stream: str, smap: np.ndarray, scodes: np.ndarray) -> tuple[str, np.ndarray, np.ndarray]:
    if " " not in stream and "|" not in stream:
        return stream, smap, scodes
    lines = stream.split("\n")
    piped = pipe_lines(lines)
    table = table_lines(lines, piped)
    if not table:
        return stream, smap, scodes
    keep = np.ones(len(scodes), dtype=bool)
    tabs: list[int] = []
    pos = 0
    for n, line in enumerate(lines):
        if n in piped:  # the pipes at its ends go, each inner one becomes a tab; a row of dashes, a blank line
            if _PIPE_RULE_RE.fullmatch(line):
                keep[pos:pos + len(line)] = False
            for gap in _PIPE_GAP_RE.finditer(line):
                inner = gap.start() > 0 and gap.end() < len(line)
                if inner:
                    tabs.append(pos + gap.start())
                keep[pos + gap.start() + inner:pos + gap.end()] = False
        elif n in table:
            for gap in _CELL_GAP_RE.finditer(line):
                tabs.append(pos + gap.start())
                keep[pos + gap.start() + 1:pos + gap.end()] = False
        pos += len(line) + 1
    codes = scodes.copy()
    codes[tabs] = ord("\t")
    codes = codes[keep]
    return codes.tobytes().decode("utf-32-le"), smap[keep], codes


def normalize(original: str) -> Normalized:
    stream, smap, scodes = _spaced_columns(*_stream(original))
    # Lines as [start, end) in the stream, stripped, blank ones and page footers dropped.
    lines = [(m.start(1), m.end(1), line) for m in _LINE_RE.finditer(stream) if not is_footer(line := m.group(1))]
    width = _wrap_width([line for _, _, line in lines])
    joined_at = min(width - 5, width * 0.75)
    parts: list[str] = []
    # The stream indices the output is made of, as ranges; a paragraph break maps to the character
    # after the line it ends.
    starts: list[int] = []
    lengths: list[int] = []
    breaks: list[int] = []
    out_len = 0
    prev, prev_end, prev_structural = "", 0, False
    for (start, end, line), hint in zip(lines, _hinted(scodes, lines), strict=True):
        structural = is_structural(line, hint)
        if prev:
            last = prev[-1]
            wrapped = len(prev) >= joined_at or last in WRAP_JOINERS
            # 栾川县:打造…建成乡村幸福院42个、老年 — a labelled paragraph as long as the wrap width that stops
            # mid-sentence goes on in the next line; a heading (郑州: 上下联动) is shorter.
            # (a bulleted one is a heading however long, and so is a title after a colon and a space with no
            # clause in it: 周口: 紧盯“一老”关切 打好监督“组合拳”, where a labelled paragraph reads 栾川县:打造…,建成)
            heading = prev_structural and (prev[0] in BULLETS or HEADING_LINE_RE.match(prev) or not (
                len(prev) >= joined_at and last not in _ENDS_PARAGRAPH and LABEL_RE.match(prev)))
            # (a table's rows, cells separated by tabs, are never one wrapped line)
            if (heading or structural or last in _ENDS_PARAGRAPH or not wrapped or "\t" in prev or "\t" in line
                    or ("编者按" in line and EDITOR_NOTE_RE.match(line))):
                parts.append("\n")
                starts.append(prev_end - 1)
                lengths.append(1)
                breaks.append(out_len)
                out_len += 1
        parts.append(line)
        starts.append(start)
        lengths.append(end - start)
        out_len += end - start
        prev, prev_end, prev_structural = line, end, structural
    text = "".join(parts)
    # A '.' that is not a decimal point ends a sentence (the seeds write 。 as '.').
    if "." in text:
        text = _SENTENCE_DOT_RE.sub("。", text)
    if not starts:
        return Normalized(original, text, np.zeros(0, dtype=np.int64))
    s_arr = np.asarray(starts, dtype=np.int64)
    l_arr = np.asarray(lengths, dtype=np.int64)
    offsets = np.cumsum(l_arr) - l_arr
    idx = np.arange(out_len, dtype=np.int64) + np.repeat(s_arr - offsets, l_arr)
    omap = smap[idx]
    if breaks:
        omap[np.asarray(breaks, dtype=np.int64)] += 1
    if "(" in text and _READING_RE.search(text):
        text, omap = _drop_spans(text, omap, _READING_RE)
    if "," in text and _DOUBLED_RE.search(text):
        text, omap = _drop_spans(text, omap, _DOUBLED_RE)
    if _spaced_digits(scodes):
        text, omap = _drop_number_spaces(text, omap)
    return Normalized(original, text, omap)


# A web page's reading aids: pinyin in brackets after a character (鎮(zhèn)原縣, 服務(wù)點), which split the
# names and words the rules read. (A toned vowel tells a reading from a bracketed note in Latin letters.)
# (opening with its bracket, a literal, the engine scans for it in C instead of trying every position)
_READING_RE = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


# A comma a web page doubles before another mark (代表在崆峒区,、庄浪县…; 调研,。): the other mark is the text's.
_DOUBLED_RE = re.compile(r",(?=[,、。;!?:])")


def _drop_spans(text: str, omap: np.ndarray, pattern: re.Pattern[str]) -> tuple[str, np.ndarray]:
    """The text without what pattern matches, each character still mapped to where it came from."""
    keep = np.ones(len(text), dtype=bool)
    for m in pattern.finditer(text):
        keep[m.start():m.end()] = False
    return code_points(text)[keep].tobytes().decode("utf-32-le"), omap[keep]


# PDF text layers put spaces where the font changes, around digits (全市 60 岁以上老年人口 231.5 万人) and as
# thousands separators (1 260个): a number reads the same without them. Spaces between words, and tabs
# (a table's columns), stay. Array operations over the code points: a text costs a few of them, however
# many spaces it has.
def _han(codes: np.ndarray) -> np.ndarray:
    return (codes >= 0x4E00) & (codes <= 0x9FFF)


def _digit(codes: np.ndarray) -> np.ndarray:
    return (codes >= ord("0")) & (codes <= ord("9"))


def _spaced_digits(codes: np.ndarray) -> bool:
    """Whether a space stands beside a digit or % anywhere (most texts: no, in a few array operations)."""
    space = codes == ord(" ")
    if not space.any():
        return False
    digit = _digit(codes) | (codes == ord("%"))
    return bool((space[1:] & digit[:-1]).any() or (space[:-1] & digit[1:]).any())


def _drop_number_spaces(text: str, omap: np.ndarray) -> tuple[str, np.ndarray]:
    codes = code_points(text)
    space = codes == ord(" ")
    edges = np.flatnonzero(np.diff(np.concatenate(([False], space, [False])).astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]  # each run of spaces: [start, end)
    padded = np.concatenate((codes, np.zeros(4, dtype=codes.dtype)))
    before = padded[starts - 1] * (starts > 0)
    after = padded[ends]
    percent = ord("%")
    thousands = _digit(after) & _digit(padded[ends + 1]) & _digit(padded[ends + 2]) & ~_digit(padded[ends + 3])
    drop = ((_han(before) & _digit(after))  # 老年人口 231.5
            | ((_digit(before) | (before == percent)) & (_han(after) | (after == percent)))  # 231.5 万人, 18.5 %
            | ((ends - starts == 1) & _digit(before) & thousands))  # 1 260个
    if not drop.any():
        return text, omap
    keep = np.ones(len(codes), dtype=bool)
    for a, b in zip(starts[drop].tolist(), ends[drop].tolist(), strict=True):
        keep[a:b] = False
    return codes[keep].tobytes().decode("utf-32-le"), omap[keep]


_SENTENCE_DOT_RE = re.compile(r"\.(?:(?<!\d\.)|(?!\d))")  # starts with its literal: scanned at C speed


@lru_cache(maxsize=8)
def _stops(text: str, stops: str) -> list[int]:
    # Rules ask for the bounds of hundreds of numbers in one text: find the stops once (str hashes are cached).
    return np.flatnonzero(_char_table(stops)[code_points(text)]).tolist()


@lru_cache(maxsize=8)
def _char_table(chars: str) -> np.ndarray:
    """A lookup table over code points: one array index per character instead of a search."""
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(ch) for ch in chars]] = True
    return table


SENTENCE_STOPS = "。!?;\n"
CLAUSE_STOPS = ",;:。!?\n"


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos: between 。!?; or a paragraph break (the stop included)."""
    s0, s1, _, _, _ = all_bounds(text, [pos])[0]
    return s0, s1


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around pos: between , ; : and sentence ends (the stop excluded)."""
    _, _, c0, c1, _ = all_bounds(text, [pos])[0]
    return c0, c1


def clause_starts(text: str, start: int, end: int) -> list[int]:
    """Where the clauses of text[start:end] begin: start, then after each clause stop before end (the text's
    stops found once, as all_bounds finds them)."""
    stops = _stops(text, CLAUSE_STOPS)
    return [start] + [n + 1 for n in stops[bisect_left(stops, start):bisect_left(stops, end - 1)]]


def all_bounds(text: str, positions: list[int]) -> list[tuple[int, int, int, int, int]]:
    """For each position: (sentence start, sentence end, clause start, clause end, start of the sentence
    before), as sentence_bounds and clause_bounds give them, with the text's stops looked up once."""
    n = len(text)
    sent = _stops(text, SENTENCE_STOPS)
    clause = _stops(text, CLAUSE_STOPS)
    out = []
    for pos in positions:
        k = bisect_left(sent, pos)
        s0 = sent[k - 1] + 1 if k else 0
        s1 = sent[k] + 1 if k < len(sent) else n
        p0 = (sent[k - 2] + 1 if k > 1 else 0) if s0 else 0
        j = bisect_left(clause, pos)
        out.append((s0, min(s1, n), clause[j - 1] + 1 if j else 0, clause[j] if j < len(clause) else n, p0))
    return out
