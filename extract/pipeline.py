"""From a file or a text to a validated Document: decode, normalise, segment, match, decide."""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from extract import decimals, formats, rules
from extract.catalog import CATALOG
from extract.models import NOT_PRIMARY, Document, Part, Record, Report
from extract.normalize import Normalized, normalize
from extract.numbers import find_mentions
from extract.reading import InputError, check_text, decode, read_bytes, shown_name
from extract.regions import REGIONS
from extract.segment import Segment, cut_points, split, split_bulletins

__all__ = ["InputError", "decode_bytes", "extract_bytes", "extract_file", "extract_parts", "extract_text"]

# Bump when the rules change what a file yields: storage then re-reads files it already holds.
EXTRACTOR_VERSION = "2026.11.26.138"
DATELINE_RE = re.compile(r"(20\d\d)年\d{1,2}月")
PROVINCE_BODY_RE = re.compile(r"省人大|全省")
BODY_NAME_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(人大|人民代表大会)")
QUOTE_MAX = 120


def _province_hints(text: str) -> tuple[str, ...]:
    """Provinces a text's opening names, to choose among same-named places (朝阳区 is in two)."""
    found = []
    for _, _, code in REGIONS.find_all(text, until=2000):
        province = code[:2] + "0000"
        if province not in found:
            found.append(province)
    return tuple(found)


def _opening(seg: Segment, norm: Normalized) -> str:
    """Where a report's text begins, after its heading: its dateline, source line and first sentences."""
    return norm.text[seg.start + seg.skip:seg.end][:150]


def _report_region(seg: Segment, norm: Normalized, hints: tuple[str, ...]) -> str | None:
    if seg.editor_note:  # the issuing body's province, which the masthead names (河南省人大社会建设委员会)
        return hints[0] if hints else None
    body = norm.text[seg.start:seg.end]
    if seg.heading_name is None:
        # A report told apart by its contributor line is the contributor's place's (开封市人大常委会供稿).
        named = [code for _, _, code in REGIONS.find_all(seg.contributor or "", hints)]
        found = named[0] if named else REGIONS.main_region(body, hints)
        # (省人大常委会…全省… naming no place: the province the text's places lie in)
        return found or (hints[0] if hints and PROVINCE_BODY_RE.search(body) else None)
    city = REGIONS.resolve(seg.heading_name, hints)
    if city is None:
        return None
    # A county of the heading's city, named by the contributor line (焦作山阳区人大常委会供稿)
    # or as the reporting body where the report opens (焦作市山阳区人大常委会坚持…), makes the
    # report that county's.
    opening = _opening(seg, norm)
    bodies = [body.group(1)] if (body := BODY_NAME_RE.search(opening)) else []
    for text in (seg.contributor or "", *bodies):
        for _, _, code in REGIONS.find_all(text, (city, *hints)):
            if code != city and REGIONS.is_within(code, city):
                return code
    return city


def _may_override(report_code: str):
    """Which places named in a clause take its numbers: the report's counties and its neighbours."""
    report = REGIONS[report_code]
    city = report.code if report.level != "county" else report.parent
    province = report.province

    def ok(code: str) -> bool:
        r = REGIONS.get(code)
        if r is None or code == report_code:
            return False
        if r.level == "county":
            return REGIONS.is_within(code, city) or REGIONS.is_within(code, province)
        return r.level == "prefecture" and r.province == province

    return ok


def _report_id(source_file: str, original_slice: str) -> str:
    return hashlib.sha256(f"{source_file}\0{original_slice}".encode()).hexdigest()[:16]


def _record(c: rules.Candidate, norm: Normalized, report: Report, offset: int) -> Record:
    m = c.mention
    start, end = norm.to_original(m.start, m.end)
    printed = norm.printed(m.start, m.end)
    quote = norm.printed(c.quote_start, c.quote_end).replace("\n", "")
    if len(quote) > QUOTE_MAX:  # keep the number in view when a clause runs long
        s = max(0, m.start - c.quote_start - QUOTE_MAX // 2)
        quote = quote[s:s + QUOTE_MAX]
    flags = list(c.flags)
    if m.range_high is not None:
        flags.append("range")
    if c.secondary:
        flags.append("secondary_scope")
    flags += [d for d in c.doubts if d not in flags]
    qualifier = c.qualifier or m.qualifier
    confidence = 0.9 if c.tier == 1 else 0.7
    if "ambiguous" in flags:
        confidence *= 0.6
    if "decimal_recovered" in flags:
        confidence *= 0.9
    # How the printed text became the stored number, for a reviewer: ５３７６万 → 537.6 × 10,000 → 5,376,000.
    value = f"{c.value:,.15g} {c.indicator.unit}"
    reading = " → ".join([x for x in (printed, c.read_as, value) if x])
    if qualifier != "exact":
        reading += f" ({qualifier})"
    steps = f"{reading}: {c.steps}" if c.steps else reading
    if c.column:
        steps += f"; read under the table's column {c.column}"
    if m.range_high is not None:
        steps += f"; range {m.value:g}–{m.range_high:g}: the lower bound is kept"
    if c.secondary:
        steps += "; not primary: the clause speaks of the province's work or of an earlier value"
    if c.qualifier and c.qualifier != m.qualifier:
        steps += f"; at least: {c.qualifier_why}"
    if c.doubts:
        steps += "; not primary: " + "; ".join(c.why or c.doubts)
    quote_start, quote_end = norm.to_original(c.quote_start, c.quote_end)
    return Record(
        quote_start=quote_start + offset, quote_end=quote_end + offset,
        report_id=report.report_id, source_file=report.source_file, bulletin_issue=report.bulletin_issue,
        bulletin_date=report.bulletin_date, region_code=c.region_code,
        region_name=c.region_name or REGIONS.display_name(c.region_code), indicator=c.indicator.code,
        value=c.value, unit=c.indicator.unit, qualifier=qualifier, age_threshold=c.age_threshold,
        population_base=c.population_base, status=c.status, ref_period=c.ref_period,
        printed=printed.replace("\n", ""), quote=quote, span_start=start + offset, span_end=end + offset,
        flags=flags, confidence=round(confidence, 2), alternatives=c.alternatives, steps=steps,
    )


def _mark_primary(records: list[Record], ranks: list[tuple[int, bool]]) -> None:
    """At most one primary per (report, region, indicator, attributes): best cue (ranks[n][0]), then the
    latest period where each gives one (到2021年底45个,2022年底达到68个,2023年底达到102个), else not one of
    an earlier year (ranks[n][1]: 去年建成48个,…总数达到67个; 上年末…3860张,…目前…4280张), then first.

    A value in doubt (another body's work, an undecided place, a target, a subset) is never one:
    a missing number is better than a wrong one.
    """
    groups: dict[tuple, list[int]] = defaultdict(list)
    # 濮阳:186个老年助餐点… then 已建成186个老年助餐点: a value without its stage that the report gives with
    # one is the same figure, not a measure of its own.
    staged = {(r.report_id, r.region_code, r.indicator, r.value) for r in records if r.status}
    for n, r in enumerate(records):
        if r.status is None and (r.report_id, r.region_code, r.indicator, r.value) in staged:
            continue
        if not NOT_PRIMARY.intersection(r.flags):
            groups[(r.report_id, r.region_code, *r.attribute_key())].append(n)
    for members in groups.values():
        dated = all(records[n].ref_period for n in members)
        latest = max(records[n].ref_period or "" for n in members) if dated else ""
        records[min(members, key=lambda n: (ranks[n][0], records[n].ref_period != latest if dated else ranks[n][1],
                                            n))].primary = True


# 3个专题调研组和2个执法检查组 (noun, then the joiner) or 养老机构12家、老年助餐点20个 (the joiner, then the noun).
JOINED_RE = re.compile(r"^[^,;:。!?\n\d]{0,14}?(和|及|以及|与|、)$|^(和|及|以及|与|、)[^,;:。!?\n\d和及与、]{0,14}$")


def _sums(cands: list[rules.Candidate], norm: Normalized, report: Report, offset: int) -> list[Record]:
    """3个专题调研组和2个执法检查组 → 5 groups: parts joined in one clause add up to the number to chart."""
    out = []
    n = 0
    while n < len(cands):
        run = [cands[n]]
        while n + len(run) < len(cands):
            a, b = run[-1], cands[n + len(run)]
            same = (a.indicator.code, a.region_code, a.age_threshold, a.population_base, a.status) == (
                b.indicator.code, b.region_code, b.age_threshold, b.population_base, b.status)
            if not same or a.secondary or b.secondary or a.doubts or b.doubts or a.indicator.is_percent:
                break
            if not JOINED_RE.match(norm.text[a.mention.counter_end:b.mention.start]):
                break
            run.append(b)
        n += len(run)
        if len(run) < 2:
            continue
        parts = [_record(c, norm, report, offset) for c in run]
        qualifiers = {p.qualifier for p in parts} - {"exact"}
        out.append(parts[0].model_copy(update={
            "value": sum(p.value for p in parts),
            "qualifier": qualifiers.pop() if len(qualifiers) == 1 else ("exact" if not qualifiers else "approx"),
            "printed": "+".join(p.printed for p in parts),
            "span_end": parts[-1].span_end, "quote_end": parts[-1].quote_end,
            "quote": norm.printed(run[0].quote_start, run[-1].quote_end).replace("\n", ""),
            "flags": sorted({f for p in parts for f in p.flags} | {"derived"}),
            "alternatives": [],
            "steps": "derived: the sum of " + " + ".join(p.printed for p in parts) + ", joined in one clause",
        }))
    return out


_QUAL_DERIVED = {  # (rectified, found) qualifiers → the ratio's qualifier
    ("exact", "exact"): "exact", ("exact", "at_least"): "at_most", ("exact", "at_most"): "at_least",
    ("at_least", "exact"): "at_least", ("at_most", "exact"): "at_most",
    ("at_least", "at_most"): "at_least", ("at_most", "at_least"): "at_most",
}


def _derived_rates(records: list[Record]) -> list[Record]:
    """Where a report states only the counts, each catalog relation marked derive gives the result:
    rectification_rate = problems_rectified ÷ problems handed over (else ÷ found), flagged derived."""
    out = []
    by: dict[tuple, dict[str, Record]] = defaultdict(dict)
    for r in records:
        if r.primary:  # a value in doubt (the province's hand-over) is never a base
            by[(r.report_id, r.region_code)][r.indicator] = r
    for rel in (rel for rel in CATALOG.relations if rel.derive):
        for group in by.values():
            part = group.get(rel.part)
            if rel.result in group or part is None:
                continue
            base = next((group[k] for k in rel.wholes
                         if k in group and group[k].value and part.value <= group[k].value), None)
            if base is None:
                continue
            qualifier = _QUAL_DERIVED.get((part.qualifier, base.qualifier), "approx")
            first, last = sorted((base, part), key=lambda r: r.span_start)
            out.append(part.model_copy(update={
                "indicator": rel.result, "unit": CATALOG.by_code[rel.result].unit,
                "value": round(part.value / base.value * 100, 1), "qualifier": qualifier,
                "printed": f"{part.printed}/{base.printed}", "quote": f"{first.quote} … {last.quote}",
                "span_start": first.span_start, "span_end": last.span_end,
                "quote_start": first.quote_start, "quote_end": last.quote_end,
                "flags": sorted({*part.flags, *base.flags, "derived"}),
                "confidence": round(min(part.confidence, base.confidence) * 0.8, 2), "primary": True,
                "alternatives": [], "ref_period": part.ref_period or base.ref_period,
                "steps": f"derived: {rel.part} {part.printed} ÷ {base.indicator} {base.printed}",
            }))
    return out


def _any_indicator(text: str, mentions) -> bool:
    return any(rules.match(text, m) for m in mentions)


# A long file is read a piece at a time (cut where a bulletin begins), so memory stays bounded
# whatever the file's size; a bulletin, or a volume of a few, is one piece.
CHUNK_CHARS = 200_000


def extract_parts(text: str, source_file: str = "text.txt", *, encoding: str = "utf-8") -> Iterator[Part]:
    """The reports and records of one text (the file's decoded original), a piece at a time; spans
    count from the start of the whole text. InputError if no piece holds a report."""
    refused: InputError | None = None
    found = False
    for a, b in cut_points(text, CHUNK_CHARS):
        try:
            part = _extract_piece(text[a:b], a, source_file, encoding)
        except InputError as exc:
            refused = refused or exc
            continue
        found = True
        yield part
    if not found and refused is not None:
        raise refused


def extract_text(text: str, source_file: str = "text.txt", *, encoding: str = "utf-8",
                 sha256: str | None = None, replaced_chars: int = 0) -> Document:
    """Extract every report and record from one text (the file's decoded original)."""
    parts = list(extract_parts(text, source_file, encoding=encoding))
    return Document(
        source_file=source_file, sha256=sha256 or hashlib.sha256(text.encode()).hexdigest(),
        encoding=encoding, text=text, decimals_lost=any(p.decimals_lost for p in parts),
        reports=[r for p in parts for r in p.reports], records=[r for p in parts for r in p.records],
        replaced_chars=replaced_chars,
    )


def _extract_piece(text: str, offset: int, source_file: str, encoding: str) -> Part:
    norm = normalize(text)
    hints = _province_hints(norm.text)
    is_region = lambda name: REGIONS.resolve(name, hints) is not None  # noqa: E731

    def city_of(name: str) -> str | None:
        code = REGIONS.resolve(name, hints)
        return code if code is not None and REGIONS[code].level in ("prefecture", "province") else None

    bulletins = []
    for b0, b1 in split_bulletins(norm.text):
        header, segments = split(norm.text[b0:b1], is_region, city_of)
        bulletins += [(header, replace(seg, start=seg.start + b0, end=seg.end + b0)) for seg in segments]
    mentions = tuple(find_mentions(norm.text))
    regions_in_text = sorted(REGIONS.find_all(norm.text, hints))
    region_starts = tuple(start for start, _, _ in regions_in_text)
    mention_starts = tuple(m.start for m in mentions)
    plan_starts, plan_ends, plan_years = rules.plan_sections(norm.text)

    reports: list[Report] = []
    per_report: list[list[rules.Candidate]] = []
    for header, seg in bulletins:
        code = _report_region(seg, norm, hints)
        if code is None:
            continue
        s, e = norm.to_original(seg.start, seg.end)
        report = Report(
            report_id=_report_id(source_file, text[s:e]), source_file=source_file,
            bulletin_issue=header.issue, bulletin_date=header.date, album_no=header.album_no,
            region_code=code, region_name=REGIONS.display_name(code), title=seg.title,
            span_start=s + offset, span_end=e + offset, text=text[s:e],
        )
        # The bulletin's year, else the news item's dateline (2024年9月,…), for 今年 / 去年.
        dateline = DATELINE_RE.search(norm.text, seg.start, min(seg.end, seg.start + len(seg.title) + 200))
        year = int(header.date[:4]) if header.date else int(header.issue[:4]) if header.issue else (
            int(dateline.group(1)) if dateline else None)
        ctx = rules.ReportContext(
            region=code, regions_in_text=regions_in_text, may_override=_may_override(code),
            is_province=REGIONS[code].level == "province",
            year=year,
            mentions=mentions, region_starts=region_starts, mention_starts=mention_starts,
            part=rules.reporting_part(seg.title, _opening(seg, norm)),
            plan=rules.plan_report(seg.title),
            undecided=REGIONS.undecided(code, hints, norm.text), plan_starts=plan_starts, plan_ends=plan_ends,
            plan_years=plan_years,
            own_endings="".join({norm.text[end - 1] for start, end, named in regions_in_text
                                 if named == code and seg.start <= start < seg.end}),
        )
        cands = rules.candidates(rules.frames(norm.text, ctx.mentions_between(seg.start, seg.end)), ctx)
        reports.append(report)
        per_report.append(cands)

    if not reports:
        found = "a number that fits the catalog" if any(per_report) or _any_indicator(norm.text, mentions) \
            else "no indicator either"
        raise InputError("no_region", shown_name(source_file), found=found)
    all_cands = [c for cands in per_report for c in cands]
    # Text from a PDF's or Word file's text layer is what was printed: full-width digits there are no
    # sign of a lossy conversion.
    lost = decimals.document_lost_decimals(norm.text, mentions, all_cands,
                                           "" if encoding in formats.LAYOUT_FORMATS else text)
    records: list[Record] = []
    ranks: list[tuple[int, bool]] = []
    for report, cands in zip(reports, per_report, strict=True):
        decimals.resolve(cands, lost)
        for c in cands:
            records.append(_record(c, norm, report, offset))
            ranks.append((c.tier, c.earlier))
        for total in _sums(cands, norm, report, offset):
            records.append(total)
            ranks.append((0, False))  # the whole beats its parts
    _mark_primary(records, ranks)
    records.extend(_derived_rates(records))
    return Part(reports=reports, records=records, decimals_lost=lost)


def decode_bytes(data: bytes, source_file: str) -> tuple[str, str, int]:
    """A file's bytes as text: (text, encoding or format, characters replaced); InputError if they
    cannot be read."""
    name = shown_name(source_file)
    if not data.strip():
        raise InputError("empty", name)
    text, encoding = formats.to_text(data, name)
    replaced = 0
    if encoding is None:
        text, encoding, replaced = decode(data, name)
    check_text(text, name)
    return text, encoding, replaced


def extract_bytes(data: bytes, source_file: str, sha256: str | None = None) -> Document:
    """Decode and extract one file's bytes; InputError (one line, naming the file) if it cannot be."""
    text, encoding, replaced = decode_bytes(data, source_file)
    return extract_text(text, source_file, encoding=encoding, sha256=sha256 or hashlib.sha256(data).hexdigest(),
                        replaced_chars=replaced)


def extract_file(path: str | os.PathLike, max_bytes: int | None = None) -> Document:
    """Read and extract one file; InputError (one line, naming the file) if it cannot be."""
    path = Path(path)
    return extract_bytes(read_bytes(path, max_bytes), path.name)
