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

import numpy as np

FOOTER_RE = re.compile(r"^[-—–─_]+\s*\d{1,3}\s*[-—–─_]+$|^-\s*\d{1,3}\s*-$|^第\s*\d+\s*页(共\s*\d+\s*页)?$")
# Lines that stand alone in a bulletin's layout and are never part of a wrapped sentence.
STRUCTURAL_RE = re.compile(
    r"专辑\s*\(|^[\u4e00-\u9fff]{2,12}:\s*\S|^\(.{2,40}供稿\)$|^(报|发|送|抄送|抄报):|^简\s*报$|^\(\d{4}年\s*第"
)
SENTENCE_END = "。!?"
WRAP_JOINERS = ",、;:(“‘《«-—"


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
        return "".join(self.original[i] for i in self.omap[start:end].tolist())


_DROPPED = "\r\ufeff\u200b"


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _DROPPED:
        return ""
    if ch == "\u3000":
        return " "
    return unicodedata.normalize("NFKC", ch)


def _stream(original: str) -> tuple[str, np.ndarray]:
    """Each character folded on its own (full-width → ASCII, BOM and CR dropped), with the index in
    the original of every output character. Work is per distinct character, not per character."""
    table = {ord(ch): folded for ch in set(original)
             if (ord(ch) > 127 or ch == "\r") and (folded := _fold(ch)) != ch}
    text = original.translate(table) if table else original
    if len(text) == len(original) and not any(len(v) != 1 for v in table.values()):
        return text, np.arange(len(original), dtype=np.int64)
    codes = np.frombuffer(original.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.ones(len(codes), dtype=np.int64)
    for code, folded in table.items():
        if len(folded) != 1:
            lengths[codes == code] = len(folded)
    return text, np.repeat(np.arange(len(original), dtype=np.int64), lengths)


_LINE_RE = re.compile(r"[^\n]*")


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
    stream, smap = _stream(original)
    # Lines as [start, end) in the stream, stripped, blank ones and page footers dropped.
    lines: list[tuple[int, int, str]] = []
    for m in _LINE_RE.finditer(stream):
        raw = m.group()
        line = raw.strip()
        if not line or FOOTER_RE.match(line):
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        lines.append((start, start + len(line), line))
    width = _wrap_width([len(line) for _, _, line in lines])
    parts: list[str] = []
    pieces: list[np.ndarray] = []
    for n, (start, end, line) in enumerate(lines):
        if n:
            prev = lines[n - 1][2]
            structural = STRUCTURAL_RE.search(prev) or STRUCTURAL_RE.search(line)
            wrapped = len(prev) >= min(width - 5, width * 0.75) or prev[-1] in WRAP_JOINERS
            if structural or prev[-1] in SENTENCE_END or prev.endswith(".") or not wrapped:
                parts.append("\n")
                pieces.append(np.array([smap[lines[n - 1][1] - 1] + 1], dtype=np.int64))
        parts.append(line)
        pieces.append(smap[start:end])
    text = "".join(parts)
    # A '.' that is not a decimal point ends a sentence (the seeds write 。 as '.').
    text = _SENTENCE_DOT_RE.sub("。", text)
    omap = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
    return Normalized(original, text, omap)


_SENTENCE_DOT_RE = re.compile(r"(?<!\d)\.|\.(?!\d)")


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
