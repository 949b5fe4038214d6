"""Numbers as these reports write them, found in normalised text (see normalize.py).

A Mention is one number with everything printed around it that changes what it means:
a qualifier (约, 余, 以上, 不到 …), a scale (万, 亿), a percent sign, a range (2-3人), and the
measure word that follows (个, 人次, 万元 …). Dates, ordinals, ages, formulas and percentage
points are recognised so that they are not mistaken for values.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
PREFIX_QUALIFIERS = {
    "约": "approx", "大约": "approx", "近": "approx", "将近": "approx", "接近": "approx",
    "超过": "at_least", "超": "at_least", "逾": "at_least", "不到": "at_most",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "不足": "at_most", "未满": "at_most", "不超过": "at_most", "最多": "at_most",
}
SUFFIX_QUALIFIERS = {"余": "at_least", "多": "at_least", "以上": "at_least", "左右": "approx",
                     "以下": "at_most", "以内": "at_most"}
# Measure words, longest first so 人次 wins over 人. 个百分点 marks a change, never a share.
COUNTERS = ("个百分点", "百分点", "人次", "元", "人", "名", "位", "户", "个", "家", "所", "处", "间", "条", "项",
            "件", "份", "篇", "次", "场", "张", "组", "套", "岁", "年", "月", "日", "期", "届", "号")
NON_VALUE_COUNTERS = {"个百分点", "百分点", "岁", "年", "月", "日", "期", "届", "号"}
SCALES = {"万": 10_000, "亿": 100_000_000, "千": 1_000}

_PREFIX = "|".join(sorted((re.escape(p) for p in PREFIX_QUALIFIERS), key=len, reverse=True))
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_FIRST_CHARS = "".join(sorted({p[0] for p in PREFIX_QUALIFIERS}))
# What can follow a Chinese numeral that counts something: 余/多, a scale, a range sign, %, a suffix
# qualifier or a measure word. Any other next character makes it part of a word (一是, 一线, 下一步),
# which the lookahead rejects inside the regex engine instead of in Python.
_CN_NEXT = "".join(sorted({"余", "多", "万", "亿", "千", "%", "成", "以", "左", *"-~～—至到",
                           *(c[0] for c in COUNTERS)}))


def number_pattern(cn_next: str | None) -> re.Pattern[str]:
    """The number regex; with cn_next, a Chinese numeral must be followed by one of those characters."""
    cn_tail = f"(?=[{re.escape(cn_next)}])" if cn_next else ""
    return re.compile(
        # The first lookahead lets the regex engine skip, at C speed, the positions where no number can start.
        rf"(?=[{_FIRST_CHARS}\d{CN_DIGITS}])"
        rf"(?P<prefix>{_PREFIX})?"
        rf"(?P<num>{_ARABIC}|[{CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?{cn_tail})"  # 一百五十六点三万
        rf"(?:(?P<sep>[-~～—至到])(?P<num2>{_ARABIC}))?"
        r"(?P<yu1>余|多)?"
        r"(?P<scale>万|亿|千)?"
        r"(?P<yu2>余|多)?"
        # 三成, 七成以上: tenths, written as a share (not 成员, 成立, 一成不变 …).
        r"(?P<pct>%|成(?![员立功本果效绩交熟长年人为都品就新型家败才全批套不]))?"
        r"(?P<suffix>以上|左右|以下|以内)?"
    )


_NUMBER_RE = number_pattern(_CN_NEXT)
_COUNTER_RE = re.compile("|".join(COUNTERS))
# 200个以上, 500人左右: a suffix qualifier after the measure word qualifies the number as much as one before it
# (not 余/多, which there begin other words: 老年人多为…).
_AFTER_COUNTER_RE = re.compile("|".join(q for q in SUFFIX_QUALIFIERS if len(q) > 1))
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|")
CATEGORY_RE = re.compile(r"(类型|方面|类别|种类|层次|层级|环节|板块|维度|领域|阶段|步骤|批次)")


class Mention(NamedTuple):
    """A number in normalised text: [start, end) covers what is printed, without the counter.

    (A named tuple, not a frozen dataclass: made for every number of every text, it is built several
    times faster.)"""

    start: int
    end: int
    printed: str
    value: float  # in base units: 537.6万 → 5376000; 15.1% → 15.1
    digits: str  # the digit string as printed (for decimal-point readings), "" for Chinese numerals
    scale: int
    percent: bool
    counter: str
    qualifier: str
    range_high: float | None = None

    @property
    def counter_end(self) -> int:
        """Where the words after the number begin (the % sign is already part of it)."""
        return self.end if self.percent else self.end + len(self.counter)

    @property
    def can_lose_decimal(self) -> bool:
        """A count of whole things (172家) cannot have lost a decimal point; 537.6万 and 15.1% can."""
        return bool(self.digits) and "." not in self.digits and (
            self.percent or self.scale >= 10_000 or self.counter == "元")


@lru_cache(maxsize=4096)  # (cn2an parses slowly, and reports write the same few numerals again and again)
def parse_cn(text: str) -> float | None:
    """Chinese numerals to a number: 一万 → 10000, 百 → 100, 两 → 2; None when not a number."""
    if text[0] in "十百千万亿":
        text = "一" + text
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _decimals(digits: str) -> int:
    """How many decimals a printed number has (1.38 → 2)."""
    return len(digits) - digits.index(".") - 1 if "." in digits else 0


def _qualifier(prefix: str | None, yu: str | None, suffix: str | None) -> str:
    for q in (PREFIX_QUALIFIERS.get(prefix or ""), SUFFIX_QUALIFIERS.get(yu or ""),
              SUFFIX_QUALIFIERS.get(suffix or "")):
        if q:
            return q
    return "exact"


# 百分之二十四点三: a share spelt out in words.
_SPELT_PERCENT_RE = re.compile(rf"(?P<prefix>{_PREFIX})?百分之"
                               r"(?P<num>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
                               r"(?P<suffix>以上|左右|以下|以内)?")


def _spelt_percents(text: str) -> list[Mention]:
    out = []
    if "百分之" not in text:
        return out
    for m in _SPELT_PERCENT_RE.finditer(text):
        value = parse_cn(m.group("num"))
        if value is None or value > 100:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), value, "", 1, True, "%",
                           _qualifier(m.group("prefix"), None, m.group("suffix"))))
    return out


def find_mentions(text: str, pattern: re.Pattern[str] = _NUMBER_RE) -> list[Mention]:
    """Every value-like number in normalised text, in order."""
    spelt = _spelt_percents(text)
    out = _find_mentions(text, pattern)
    if spelt:
        inside = [(m.start, m.end) for m in spelt]
        out = sorted([*spelt, *(m for m in out if not any(s <= m.start < e for s, e in inside))],
                     key=lambda m: m.start)
    return out


def _find_mentions(text: str, pattern: re.Pattern[str]) -> list[Mention]:
    out: list[Mention] = []
    counter_match, category_match = _COUNTER_RE.match, CATEGORY_RE.match
    for m in pattern.finditer(text):
        # (the groups at once: made for every number of every text)
        prefix, num, _, num2, yu1, scale_word, yu2, pct_mark, suffix = m.groups()
        start, end = m.span()
        prev = text[start - 1] if start else ""
        counter_m = counter_match(text, end)
        counter = counter_m.group(0) if counter_m else ""
        is_cn = not num[0].isdigit()

        if counter and category_match(text, end + len(counter)):
            continue  # 7个方面, 四个类型: a count of kinds, not of things
        after = text[end:end + 1]
        if counter in NON_VALUE_COUNTERS or prev == "第" or (prev and prev in "+×/") or (after and after in "+×/"):
            continue  # dates, ages, ordinals, percentage points, formulas like 1+4+N
        if (after == ":" and text[end + 1:end + 2].isdigit()) or (prev == ":" and text[start - 2:start - 1].isdigit()):
            continue  # ratios and times: 1:4, 14:30
        if is_cn:
            # Chinese numerals inside words (一是, 千家万户 …) are not values: only a numeral
            # followed by a measure word, directly or through 余/多/万, or written as a share (三成), counts.
            if not (counter or pct_mark) or counter in NON_VALUE_COUNTERS or (prefix and len(num) == 0):
                continue
            if re.match(r"(是|批|些|起|道|线|级|流|致|方面|期|间)", text[end:end + 2]):
                continue  # 一是, 一批 …; 七百间, 三间房: place names, where 间 after Chinese numerals is no count
            if prev and prev in "数几" and num[0] in "十百千万":
                continue  # 数十场, 几百人: several tens or hundreds, no number to chart (not 总数一万余份)
            round_unit = num in ("千", "万") and (prev == "上" or prefix) and counter
            if not round_unit and (num in ("千", "万", "亿") or (num == "百" and not (yu1 or yu2))):
                continue  # 千家万户, 百姓: a bare unit character is a word, not a count (上万人次, 近万人 are)
            base = parse_cn(num)
            if base is None:
                continue
            digits = ""
        else:
            if after == "." or (start and (prev.isdigit() or prev == ".")):
                continue
            if prev in _LATIN or text[m.end("num"):m.end("num") + 1] in _LATIN:
                continue  # l260, 2O6: a scan's letters among the digits; a number read from them would be wrong
            digits = num.replace(",", "")
            base = float(digits)
        scale = SCALES.get(scale_word or "", 1)
        if scale_word == "千" and counter not in ("元", "人", "名", "户"):
            scale = 1  # 千 only as a scale before 元/人 ("3千元"); otherwise it is part of a word
            end = m.start("scale")
            counter_m = counter_match(text, end)
            counter = counter_m.group(0) if counter_m else ""
        pct = bool(pct_mark)
        # Rounded to the printed decimals: 1.38万 is 13800, not the 13799.999999999998 a float product gives.
        value = round(base * scale * (10 if pct_mark == "成" else 1), _decimals(digits) if digits else 6)
        high = None
        if num2:
            num2 = num2.replace(",", "")
            high = round(float(num2) * scale, _decimals(num2))
        qualifier = _qualifier(prefix, yu1 or yu2, suffix)
        if is_cn and prev == "上" and num in ("千", "万") and qualifier == "exact":
            qualifier = "at_least"  # 上万人次: ten thousand or more
        if qualifier == "exact" and counter and not pct and (
                after_counter := _AFTER_COUNTER_RE.match(text, end + len(counter))):
            qualifier = SUFFIX_QUALIFIERS[after_counter.group(0)]
        if high is not None and qualifier == "exact":
            qualifier = "at_least"
        out.append(Mention(start, end, text[start:end], value, digits, scale, pct,
                           "%" if pct else counter, qualifier, high))
    return out
