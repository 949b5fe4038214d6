"""A regex's search, sped up where the regex engine cannot skip ahead on its own.

Python's regex engine skips, at C speed, the positions where a match cannot begin only when a pattern
opens with a literal, a character class or an alternation of single literals. The catalog's word lists
often open otherwise (计划|(确保|争取)…|(未来|今后)…), and then every position of every string is tried
in full: searching a 40-character clause for the plan words costs 1.6 µs, where a character class costs
0.1 µs. For such a pattern, `prefiltered()` finds the characters any match must begin with, and its
search tries the full pattern only where one of those stands, in order: the first place it matches is the
leftmost match, which the plain search finds (a lookbehind still sees the characters before: the string is
the same). Where a range (一-鿿) may begin a match, a match may begin almost anywhere: no prefilter.

Before that, the search makes sure the string holds one of the strings every match holds (`together`: 一共,
平均, 各, 有 …), worked out from the pattern's parse: one `str.find` for a single string (or for a character
all of them share), one scan in C for several. Most clauses hold none, and are passed over without a loop.
"""

from __future__ import annotations

import re
import sys
from re import _compiler, _parser  # the parser Python's own re module compiles with
from re import _constants as sre

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """A construct whose first characters are not worth working out (., [^…], a backreference)."""


def _item(op, av, ranges: list[tuple[int, int]]) -> tuple[set[str], bool]:
    """(character-class pieces a match of one parsed item may begin with, whether it may match nothing);
    a range's ends go to `ranges` too."""
    if op is sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is sre.IN:
        pieces = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                pieces.add(re.escape(chr(value)))
            elif kind is sre.RANGE:
                ranges.append(value)
                pieces.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                pieces.add(_CATEGORIES[value])
            else:  # NEGATE, other categories
                raise _Unknown
        return pieces, False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is sre.BRANCH:
        pieces, nullable = set(), False
        for alternative in av[1]:
            first, empty = _sequence(alternative, ranges)
            pieces |= first
            nullable = nullable or empty
        return pieces, nullable
    if op is sre.SUBPATTERN:
        return _sequence(av[3], ranges)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ranges)
    if op in _REPEATS:
        first, empty = _sequence(av[2], ranges)
        return first, empty or av[0] == 0
    raise _Unknown  # ., a backreference, a conditional


def _sequence(items, ranges: list[tuple[int, int]]) -> tuple[set[str], bool]:
    pieces: set[str] = set()
    for op, av in items:
        first, empty = _item(op, av, ranges)
        pieces |= first
        if not empty:
            return pieces, False
    return pieces, True


def _required_item(op, av) -> set[str] | None:
    """Strings one of which every match of one parsed item contains, or None where there are none to name."""
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN and len(av) <= 8 and all(kind is sre.LITERAL for kind, _ in av):
        return {chr(value) for _, value in av}
    if op is sre.SUBPATTERN:
        return _required(av[3])
    if op is sre.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            if (strings := _required(alternative)) is None:
                return None
            found |= strings
        return found
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2])
    return None


def _required(items) -> set[str] | None:
    """Strings one of which every match of a parsed sequence contains: among its items' (a run of literals is
    one string), the set whose shortest string is longest, then the smallest set: the likeliest to be absent."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        if (strings := _required_item(op, av)) is not None:
            options.append(strings)
    if run:
        options.append({run})
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _parse(pattern: str, flags: int):
    """The pattern's parse, or None where its skips are not worked out (case folding, multi-line, a surprise in
    re's private modules)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except (AttributeError, TypeError, ValueError):
        return None
    return None if parsed.state.flags & (re.IGNORECASE | re.MULTILINE) else parsed


def _engine_skip(parsed) -> str | None:
    """How the engine itself skips ahead to where a match may begin: "literal" where a literal opens every
    match (or ^: the engine tries the string's start alone), "class" where a class does, else None."""
    try:
        if _compiler._get_literal_prefix(parsed, parsed.state.flags)[0] or (
                parsed.data and parsed.data[0] == (sre.AT, sre.AT_BEGINNING)):
            return "literal"
        return "class" if _compiler._get_charset_prefix(parsed, parsed.state.flags) else None
    except (AttributeError, TypeError, ValueError):
        return "literal"


def _first_class(parsed) -> str | None:
    try:
        ranges: list[tuple[int, int]] = []
        pieces, empty = _sequence(parsed.data, ranges)
    except _Unknown:
        return None
    if empty or not pieces or any(high - low > 64 for low, high in ranges):
        return None  # (a wide range, 一-鿿, begins a match almost anywhere: nothing to skip)
    return "[" + "".join(sorted(pieces)) + "]"


def required_strings(pattern: str, flags: int = 0) -> set[str] | None:
    """Strings one of which every match of pattern contains, or None where that is not known."""
    parsed = _parse(pattern, flags)
    return (_required(parsed.data) or None) if parsed is not None else None


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class every match of pattern begins with, or None where that is not known or not
    needed (a pattern that can match nothing, or one the engine already skips ahead for)."""
    parsed = _parse(pattern, flags)
    return _first_class(parsed) if parsed is not None and _engine_skip(parsed) is None else None


class Prefiltered:
    """A compiled pattern whose search first makes sure a string every match holds is there (a find, or a
    scan in C for one of several), then tries the pattern only where a match may begin; everything else is
    the pattern's own (match, fullmatch and finditer are its methods)."""

    __slots__ = ("_first", "_gate", "_match", "_search", "_word", "findall", "finditer", "flags", "fullmatch",
                 "groupindex", "groups", "match", "pattern", "sub")

    def __init__(self, compiled: re.Pattern[str], first: str | None, gate: set[str] | None = None) -> None:
        self.pattern, self.flags, self.groups, self.groupindex = (compiled.pattern, compiled.flags, compiled.groups,
                                                                  compiled.groupindex)
        self.match, self.fullmatch, self.finditer = compiled.match, compiled.fullmatch, compiled.finditer
        self.findall, self.sub = compiled.findall, compiled.sub
        self._first = re.compile(first).search if first else None
        self._match, self._search = compiled.match, compiled.search
        gate = gate or set()
        self._word = next(iter(gate)) if len(gate) == 1 else None
        self._gate = re.compile("|".join(map(re.escape, sorted(gate, key=lambda s: (-len(s), s))))).search if len(
            gate) > 1 else None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # (most strings hold none of the words every match holds)
        if self._word is not None:
            if string.find(self._word, pos, endpos) == -1:
                return None
        elif self._gate is not None and self._gate(string, pos, endpos) is None:
            return None
        first, match = self._first, self._match
        if first is None:
            return self._search(string, pos, endpos)
        # The leftmost match begins at the first of these places where the pattern matches.
        while (begin := first(string, pos, endpos)) is not None:
            if (found := match(string, pos := begin.start(), endpos)) is not None:
                return found
            pos += 1
        return None

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern!r})"


def prefiltered(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """pattern compiled, with a search that skips what the engine would otherwise try in full: strings that
    hold none of the words every match holds, and positions where no match may begin. Where the engine skips
    ahead on its own, only a single such word is looked for first (a find costs a fraction of a scan)."""
    compiled = re.compile(pattern, flags)
    parsed = _parse(pattern, flags)  # (once: the catalog's hundreds of patterns are compiled at start-up)
    if parsed is None:
        return compiled
    skip = _engine_skip(parsed)
    first = _first_class(parsed) if skip is None else None
    gate = _required(parsed.data)
    if gate and len(gate) > 1 and (common := set.intersection(*map(set, gate))):
        gate = {min(common)}  # (人口普查|普: a find for 普 costs a fraction of a scan for either)
    if skip == "literal" or (skip == "class" and gate and len(gate) > 1):
        gate = None  # (a scan for one of several words, or for its first, costs what the engine's own scan does)
    if first is None and not gate:
        return compiled
    return Prefiltered(compiled, first, gate)  # type: ignore[return-value]
