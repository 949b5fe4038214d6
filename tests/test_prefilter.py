"""prefilter: a prefiltered search finds exactly what the plain search finds, for every catalog pattern:
where a match may begin (first_class) and a word every match holds (required_strings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.catalog import CATALOG, expand
from extract.normalize import normalize
from extract.pipeline import decode_bytes
from extract.prefilter import Prefiltered, first_class, prefiltered, required_strings

ROOT = Path(__file__).parent


def _catalog_patterns() -> list[str]:
    out = [expand(p) for p in CATALOG.words.model_dump().values()]
    for ind in CATALOG.indicators:
        out += [expand(p) for p in ind.excludes]
        for cue in [*ind.cues, *ind.subsets]:
            out += [expand(p) for p in (cue.before, cue.context) if p]
    return out + list(CATALOG.status_words.values())


PATTERNS = _catalog_patterns()
# (every catalog pattern whose search is sped up: a class that opens every match, a word in every match, or both)
PREFILTERED = [p for p in PATTERNS if isinstance(prefiltered(p), Prefiltered)]


@pytest.mark.parametrize(("pattern", "first"), [
    ("计划|.达到", None),  # . may begin a match with anything
    ("计划|(确保|争取).{0,3}达到", "[争确计]"),  # (what comes after the first character does not matter)
    ("(?<!即)将|拟", "[将拟]"),  # a lookbehind is no character of the match
    ("目标|(未来|今后)[一二]+年", "[今未目]"),
    ("(未来|今后)[一二]+年", None),  # the engine skips ahead for a group of literals already
    ("(全市)?助餐", "[全助]"),  # an optional opening: what may follow it begins a match too
    ("(第)?\\d+次", "[\\d第]"),  # (a category is no range)
    ("[^,;]{0,4}占", None),  # a negated class
    ("(a)?", None),  # may match nothing
    ("计划|拟", None),  # the engine skips ahead for it already
    ("[一-龥]{2,6}(镇|街道)|主城区", None),  # a match may begin almost anywhere
])
def test_first_class(pattern, first):
    assert first_class(pattern) == first


@pytest.mark.parametrize(("pattern", "strings"), [
    ("计划|拟", {"计划", "拟"}),
    ("(县|乡镇|街道)(的)?平均|各.{0,12}平均", {"平均"}),  # the longest words
    ("(两|三|[2-9])个?(市|县)(共|合计|累计)", {"市", "县"}),  # (a tie on length: the fewest words)
    ("各(县|区)(人大|.{0,8}(共|合计))", {"各"}),  # a single literal beats a set of them
    ("(确保|争取).{0,30}(达到|实现)", {"确保", "争取"}),  # (a tie: the first)
    ("(?<!即)将(?!近)", {"将"}),  # lookarounds hold no character of the match
    ("(去年|上年)?计划", {"计划"}),  # an optional part holds nothing for sure
    ("[一-龥]{2,8}(镇|乡)", {"镇", "乡"}),
    ("\\d+个?", None),  # a category names no string
    ("(a)?", None),
])
def test_required_strings(pattern, strings):
    assert required_strings(pattern) == strings


def test_a_gate_only_where_the_engine_does_not_skip_to_it():
    """A find for one word first where a match may begin anywhere, or at a class; not before a pattern that
    opens with its literal or with ^ (the engine skips to those itself)."""
    assert prefiltered("[一-龥]{2,8}镇")._word == "镇"
    assert prefiltered("(从|由)[^,]{0,20}提升")._word == "提升"
    assert prefiltered("第(五|六)次人口普查|(五|六)普(数据|时)")._word == "普"  # (the character its words share)
    assert not isinstance(prefiltered("分别(为|是)"), Prefiltered)
    assert not isinstance(prefiltered("^(其中)?[一-龥]{2,5}(镇|乡)"), Prefiltered)
    assert not isinstance(prefiltered("(从|由)[^,]{0,20}(增加|减少)"), Prefiltered)  # a class, and several words


def test_most_slow_catalog_patterns_get_one():
    """The catalog's plan and deadline words, which open with groups, are prefiltered."""
    for name in ("target", "deadline", "sentence_target", "proposal", "census", "together"):
        assert isinstance(CATALOG.words.res[name], Prefiltered), name
    assert len(PREFILTERED) >= 30


def _texts() -> list[str]:
    paths = [*(ROOT.parent / "seeds").glob("*.txt"), *sorted((ROOT / "eval" / "heldout").glob("*.txt"))[:80]]
    return [normalize(decode_bytes(p.read_bytes(), p.name)[0]).text for p in paths]


def test_same_matches_on_the_corpus():
    """Every prefiltered catalog pattern, searched from every clause start of the seeds and eighty held-out
    texts (with an end as the rules give one), finds the plain search's match."""
    texts = _texts()
    compared = 0
    for pattern in PREFILTERED:
        plain, fast = re.compile(pattern), prefiltered(pattern)
        for text in texts:
            for stop in re.finditer(r"[,;。\n]", text):
                pos, end = stop.end(), min(len(text), stop.end() + 60)
                got, want = fast.search(text, pos, end), plain.search(text, pos, end)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), pattern
                compared += want is not None
    assert compared > 1000


ALPHABET = "".join(sorted({ch for p in PREFILTERED for ch in p if "\u4e00" <= ch <= "\u9fff"})) + "0123456789,;。年% "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(0, len(PREFILTERED) - 1), st.integers(0, 40),
       st.integers(0, 45))
def test_same_matches_on_any_text(text, n, pos, end):
    """On strings made of the patterns' own characters, from any start to any end: the same match, groups and
    all."""
    pattern = PREFILTERED[n]
    got, want = prefiltered(pattern).search(text, pos, end), re.compile(pattern).search(text, pos, end)
    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_other_methods_are_the_patterns_own():
    fast, plain = prefiltered("(确保|争取)达到"), re.compile("(确保|争取)达到")
    assert fast.pattern == plain.pattern and fast.groups == plain.groups
    assert fast.match("确保达到").span() == (0, 4) and fast.fullmatch("争取达到")
    assert [m.span() for m in fast.finditer("确保达到,争取达到")] == [(0, 4), (5, 9)]
