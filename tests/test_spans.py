"""Every record points at its printed number in the original text, whatever the text's shape
(property-based: sentences from the own corpus, cut, rewrapped, damaged and reassembled)."""

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
