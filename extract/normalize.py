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
from functools import lru_cache

FOOTER_RE = re.compile(r"^[-—–─_]+\s*\d{1,3}\s*[-—–─_]+$|^-\s*\d{1,3}\s*-$|^第\s*\d+\s*页(共\s*\d+\s*页)?$")
# Lines that stand alone in a bulletin's layout and are never part of a wrapped sentence.
STRUCTURAL_RE = re.compile(
    r"专辑\s*\(|^[\u4e00-\u9fff]{2,12}:\s*\S|^\(.{2,40}供稿\)$|^(报|发|送|抄送|抄报):|^简\s*报$|^\(\d{4}年\s*第"
)
SENTENCE_END = "。!?"
WRAP_JOINERS = ",、;:(“‘《«-—"


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    omap: tuple[int, ...]  # omap[i]: index in original of text[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) in normalised text → [start, end) in the original."""
        if end <= start:
            o = self.omap[start] if start < len(self.omap) else len(self.original)
            return o, o
        return self.omap[start], self.omap[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]

    def printed(self, start: int, end: int) -> str:
        """The original characters of [start, end) as a reader sees them: wraps and footers removed."""
        return "".join(self.original[self.omap[i]] for i in range(start, end))


def _char_stream(original: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for i, ch in enumerate(original):
        if ch in "\r\ufeff\u200b":
            continue
        if ch == "\u3000":
            out.append((" ", i))
            continue
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
        # NFKC rewrites a few characters to several (㎡ → m2); keep each pointing at its source.
        out.extend((c, i) for c in norm)
    return out


def _lines(stream: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    lines: list[list[tuple[str, int]]] = [[]]
    for ch, i in stream:
        if ch == "\n":
            lines.append([])
        else:
            lines[-1].append((ch, i))
    return [_strip(line) for line in lines]


def _strip(line: list[tuple[str, int]]) -> list[tuple[str, int]]:
    a, b = 0, len(line)
    while a < b and line[a][0].isspace():
        a += 1
    while b > a and line[b - 1][0].isspace():
        b -= 1
    return line[a:b]


def _wrap_width(lengths: list[int]) -> float:
    """The width the converter wrapped lines at; infinite for text that was not hard-wrapped."""
    if not lengths:
        return float("inf")
    ordered = sorted(lengths)
    if len(ordered) < 8:
        return ordered[-1] if ordered[-1] <= 80 else float("inf")
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    near = sum(1 for n in lengths if n >= p90 - 4)
    # Hard-wrapped text has many lines of about the same, short width.
    return p90 if p90 <= 80 and near >= len(lengths) * 0.3 else float("inf")


def normalize(original: str) -> Normalized:
    lines = [ln for ln in _lines(_char_stream(original))]
    content = [ln for ln in lines if ln and not FOOTER_RE.match("".join(c for c, _ in ln))]
    width = _wrap_width([len(ln) for ln in content])
    chars: list[str] = []
    omap: list[int] = []
    for n, line in enumerate(content):
        text = "".join(c for c, _ in line)
        if n:
            prev = "".join(c for c, _ in content[n - 1])
            structural = STRUCTURAL_RE.search(prev) or STRUCTURAL_RE.search(text)
            wrapped = len(prev) >= min(width - 5, width * 0.75) or prev[-1] in WRAP_JOINERS
            if structural or prev[-1] in SENTENCE_END or prev.endswith(".") or not wrapped:
                chars.append("\n")
                omap.append(content[n - 1][-1][1] + 1)
        for ch, i in line:
            chars.append(ch)
            omap.append(i)
    # A '.' that is not a decimal point ends a sentence (the seeds write 。 as '.').
    for k, ch in enumerate(chars):
        if ch == "." and not (0 < k < len(chars) - 1 and chars[k - 1].isdigit() and chars[k + 1].isdigit()):
            chars[k] = "。"
    return Normalized(original, "".join(chars), tuple(omap))


@lru_cache(maxsize=8)
def _stops(text: str, stops: str) -> list[int]:
    # Rules ask for the bounds of hundreds of numbers in one text: find the stops once (str hashes are cached).
    return [i for i, ch in enumerate(text) if ch in stops]


def _bounds(text: str, pos: int, stops: str) -> tuple[int, int]:
    positions = _stops(text, stops)
    k = bisect_left(positions, pos)
    start = positions[k - 1] + 1 if k else 0
    end = positions[k] if k < len(positions) else len(text)
    return start, end


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos: between 。!?; or a paragraph break (the stop included)."""
    start, end = _bounds(text, pos, "。!?;\n")
    return start, min(end + 1, len(text))


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around pos: between , ; : and sentence ends."""
    return _bounds(text, pos, ",;:。!?\n")
