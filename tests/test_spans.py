"""Every record points at its printed number in the original text, whatever the text's shape
(property-based: sentences from the own corpus, cut, rewrapped, damaged and reassembled)."""

import itertools
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_text
from extract.evaluate import damage
from extract.reading import InputError

SENTENCES = [s + "。" for p in sorted((Path(__file__).parent / "eval" / "texts").glob("*.txt"))
             for s in p.read_text(encoding="utf-8").split("。") if re.search(r"\d", s)]
FOOTER = re.compile(r"[-—–─_]+\s*[\d０-９]{1,3}\s*[-—–─_]+")


@st.composite
def texts(draw) -> str:
    parts = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
    text = "".join(parts)
    if draw(st.booleans()):
        text = damage(text)
    cuts = draw(st.lists(st.integers(0, len(text)), max_size=5))
    for cut in sorted(cuts, reverse=True):  # stray line breaks and spaces anywhere
        text = text[:cut] + draw(st.sampled_from(["\n", "\n\n", " ", "\u3000", "\r\n"])) + text[cut:]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_every_span_points_at_its_printed_number(text):
    try:
        doc = extract_text(text, "prop.txt")
    except InputError:
        return  # no region in this mix: a one-line refusal, never a crash
    for r in doc.records:
        assert 0 <= r.span_start < r.span_end <= len(doc.text)
        if "derived" in r.flags:
            continue
        shown = FOOTER.sub("", doc.text[r.span_start:r.span_end])
        assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", r.printed), (shown, r.printed)
        assert r.quote_start <= r.span_start and r.span_end <= r.quote_end


def _volume(count: int) -> str:
    import random

    from tests.bench.corpus import bulletin

    rng = random.Random(11)
    return "\n".join(bulletin(n, rng) for n in range(count))


def test_a_long_text_is_read_in_pieces_cut_where_bulletins_begin(monkeypatch):
    from extract import pipeline
    from extract.segment import ISSUE_LINE_RE, cut_points

    text = _volume(30)
    pieces = cut_points(text, 20_000)
    assert len(pieces) > 3 and pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))  # nothing lost, nothing twice
    for start, _ in pieces[1:]:  # each piece opens with a bulletin's masthead or issue line
        assert text[start:].lstrip().startswith(("20", "(")) or ISSUE_LINE_RE.match(text[start:].split("\n")[0])
    whole = extract_text(text, "volume.txt")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 20_000)
    pieced = extract_text(text, "volume.txt")
    # The same bulletins and numbers, and every span still points into the whole text.
    assert [r.report_id for r in pieced.reports] == [r.report_id for r in whole.reports]
    assert [(r.span_start, r.indicator, r.value) for r in pieced.records if "derived" not in r.flags] == \
        [(r.span_start, r.indicator, r.value) for r in whole.records if "derived" not in r.flags]
    for r in pieced.records:
        if "derived" not in r.flags:
            assert re.sub(r"\s", "", text[r.span_start:r.span_end]) == re.sub(r"\s", "", r.printed)
