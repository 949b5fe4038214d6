"""Split a normalised bulletin into its header and its city reports.

A bulletin (简报) has a header (issue, date, album number), then one or more city reports,
each opened by a heading "城市: 标题" and closed by "(…供稿)", then a distribution list
(报: … 发: …). A text without that structure (a news article) is one report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from extract.normalize import (
    BODY_SUFFIX,
    BULLETS,
    CLOSE_BRACKETS,
    EDITOR_NOTE_RE,
    ENUMERATOR,
    ENUMERATOR_MARK,
    HEADING_BULLET,
    OPEN_BRACKETS,
    SPACED_NAME,
)
from extract.numbers import parse_cn

ISSUE_RE = re.compile(r"\(\s*(\d{4})\s*年\s*第\s*(\d+)\s*期\s*\)")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ALBUM_RE = re.compile(r"专辑\s*\(\s*([零〇一二两三四五六七八九十百\d]+)\s*\)")
# 安阳: 唱好… or 平顶山——“三级联动”…: a place, a colon or a dash, a title; or a place in brackets before the
# report's first paragraph (【开封】开封市人大常委会组织…), whose opening words stand for its title.
# Either may be numbered (一、郑州市:…, (二)许昌:…), and a two-character name set apart by a space (鹤 壁:…).
NAME = SPACED_NAME + "{1,11}"
BODY_SUFFIX_RE = re.compile(rf"({BODY_SUFFIX})$")
# (a title is no sentence: 栾川县:建成乡村幸福院42个。 is a county's paragraph in its city's report)
HEADING_RE = re.compile(r"^" + HEADING_BULLET + ENUMERATOR
                        + rf"(?:(?P<name>{NAME})(?::|——)\s*(?P<title>\S.{{0,39}}[^。])$"
                        rf"|[{re.escape(OPEN_BRACKETS)}](?P<label>{NAME})[{re.escape(CLOSE_BRACKETS)}]"
                        r"\s*(?P<opening>\S[^。!?]{0,39}))")
CONTRIBUTOR_RE = re.compile(r"^\((?P<who>.{2,40})供稿\)$")
DISTRIBUTION_RE = re.compile(r"^(报|发|送|抄送|抄报):")
# A web page copied whole ends with links to other articles (上一篇:焦作市新建老年助餐点120个): not the report's.
# (a WeChat post's: 往期推荐 and the titles of earlier posts)
WEB_TAIL_RE = re.compile(r"^(分享到|上一篇|下一篇|相关新闻|相关阅读|相关文章|相关链接|推荐阅读|延伸阅读"
                         r"|往期推荐|往期回顾|精彩推荐)")
# …and opens with its path and particulars (首页 > 人大新闻, 发布时间:…, 【字体:大 中 小】, a WeChat post's
# 原创 漯河人大 … and 点击蓝字 关注我们): no title.
WEB_CHROME_RE = re.compile(r"^(首页|当前位置|您的位置|发布时间|来源|原创\s|点击蓝字|【[^】]*(字体|打印|关闭))|\s>\s")


@dataclass(frozen=True)
class Header:
    issue: str | None
    date: str | None
    album_no: int | None


@dataclass(frozen=True)
class Segment:
    start: int  # normalised offsets of the report, heading included
    end: int
    heading_name: str | None  # "安阳" from "安阳: 唱好…"; None for a text without headings
    title: str
    contributor: str | None  # "焦作山阳区人大常委会" from "(焦作山阳区人大常委会供稿)"
    editor_note: bool = False  # the bulletin's own note before its reports (【编者按】…): the issuing body's place
    inline: bool = False  # the heading is a place in brackets, and the title the first words of the report's text
    skip: int = 0  # how many characters of the report its heading takes (where its text begins)


# A place's name, or its body's, alone on a line (洛阳市); a title's signature below it (——濮阳市人大常委会),
# or after it on its line (推动养老服务提质增效——濮阳市人大常委会).
NAME_ALONE_RE = re.compile(r"\s*" + HEADING_BULLET + ENUMERATOR + rf"(?P<name>{NAME}?)(?:{BODY_SUFFIX})?\s*")
NAME_ALONE_MAX = 32  # a bullet, a number, a name of up to 12 characters spaced apart, a body's name
SIGNED_RE = re.compile(rf"\s*(?P<title>[^。!?]{{2,40}}?)?\s*——\s*(?P<name>{NAME}?)(?:{BODY_SUFFIX})?\s*")


def _name(m: re.Match[str], group: str = "name") -> str:
    """A place's name as a heading prints it, without the spaces a layout sets between its characters."""
    return m.group(group).replace(" ", "")


def _first_sentence(text: str, most: int) -> str:
    """A report's first sentence, cut to `most` characters: its title where no heading gives one."""
    return re.split(r"[。!?]", text)[0][:most]


def _signature(lines: list[tuple[int, int, str]], n: int) -> tuple[int, tuple[str, str, int]] | None:
    """A report opened by a place's name alone on line n, or by a title signed with it: (the line where the
    report begins, (name, title, skip)); skip runs over the heading's lines."""
    line = lines[n][2]
    # (cheap tests first: every line is asked, and few are short or hold a dash)
    if len(line) <= NAME_ALONE_MAX and (alone := NAME_ALONE_RE.fullmatch(line)) and alone.group("name"):
        name = _name(alone)
        return n, (name, name, len(line))
    signed = SIGNED_RE.fullmatch(line) if "——" in line else None
    if signed is None:
        return None
    name = _name(signed)
    if signed.group("title"):
        return n, (name, signed.group("title").strip(), len(line))
    above = next((k for k in range(n - 1, max(-1, n - 3), -1) if lines[k][2].strip()), None)
    if above is None or not (title := lines[above][2].strip()) or len(title) > 40 or re.search(r"[。!?]", title):
        return None
    return above, (name, title, lines[n][1] - lines[above][0])


def heading_of(line: str) -> tuple[str, str, int] | None:
    """(place name, title, where the title ends or, for a place in brackets, where the text begins) of a line
    that opens a report, if it does."""
    if ":" not in line and "—" not in line and not any(b in line for b in OPEN_BRACKETS):
        # (every heading has one: most lines have none)
        return None
    m = HEADING_RE.match(line)
    if m is None:
        return None
    if m.group("label"):
        return _name(m, "label"), m.group("opening").strip(), m.start("opening")
    # (三门峡市人大常委会:… names the place by its body)
    return BODY_SUFFIX_RE.sub("", _name(m)), m.group("title").strip(), len(line)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def read_header(text: str, body_start: int) -> Header:
    head = text[:body_start] if body_start else text[:300]
    issue = ISSUE_RE.search(head) or next(
        (m for line in head.split("\n") if (m := BARE_ISSUE_LINE_RE.fullmatch(line.strip()))), None)
    date = DATE_RE.search(head.replace(issue.group(0), "") if issue else head)
    album = ALBUM_RE.search(head)
    album_no = None
    if album:
        raw = album.group(1)
        album_no = int(raw) if raw.isdigit() else int(parse_cn(raw) or 0) or None
    year = issue and (issue.group(1) or (date and date.group(1)))  # (第14期 under a dated masthead: its year)
    return Header(
        issue=f"{year}年第{int(issue.group(2))}期" if year else None,
        date=f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}" if date else None,
        album_no=album_no,
    )


ISSUE_LINE_RE = re.compile(r"^" + ISSUE_RE.pattern + r"$")
# An issue line without its brackets (2024年第14期, 第14期): a line of its own, so no sentence is taken for one.
BARE_ISSUE_LINE_RE = re.compile(r"(?:(\d{4})\s*年\s*)?第\s*(\d+)\s*期")
MASTHEAD_RE = re.compile(r"^[^。,;!?]{1,24}$")


def _masthead(line: str) -> bool:
    """A short line of a bulletin's masthead (简报, the committee's name), not a heading or a sign-off."""
    return bool(MASTHEAD_RE.match(line)) and not any(rx.match(line) for rx in (HEADING_RE, CONTRIBUTOR_RE,
                                                                                DISTRIBUTION_RE))


def _opens_bulletin(line: str) -> bool:
    """A stripped line that begins a bulletin's header: its issue line or its album line."""
    return bool(ISSUE_LINE_RE.match(line) or BARE_ISSUE_LINE_RE.fullmatch(line)
                or (ALBUM_RE.search(line) and len(line) <= 60))


def _masthead_lines(above: list[str]) -> int:
    """How many of the lines just above a bulletin's first header line are its masthead (at most two)."""
    k = len(above)
    while k > 0 and len(above) - k < 2 and _masthead(above[k - 1]):
        k -= 1
    return len(above) - k


def split_bulletins(text: str) -> list[tuple[int, int]]:
    """[start, end) of each bulletin in a file that holds several (a compiled volume, two pasted
    together): each begins at its issue line "(2024年第14期)" or album line "…专辑 (五十二)", with
    the short masthead lines above it."""
    lines = _lines(text)
    starts: list[int] = []
    last = -1
    for n, (_, _, line) in enumerate(lines):
        if not _opens_bulletin(line.strip()):
            continue
        between = [ln.strip() for _, _, ln in lines[last + 1:n]]
        # An issue line and the album line below it are one header: only masthead lines between.
        if last < 0 or not all(_masthead(ln) for ln in between if ln):
            starts.append(lines[n - _masthead_lines(between)][0])
        last = n
    if len(starts) < 2:
        return [(0, len(text))]
    starts[0] = 0
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


# A paragraph labelled with a place (开封市:开封市人大常委会组织…): in a digest of cities, a report of its own.
LABELLED_RE = re.compile(r"^" + HEADING_BULLET + ENUMERATOR + rf"(?P<name>{NAME}?)(?:{BODY_SUFFIX})?:\s*"
                         r"(?P<opening>\S[^。!?]{0,39})")


# Other ways a digest labels a city's paragraph: a bullet, then the place set apart by a space (▲开封市　市人大…,
# a full-width space folded); a number, then the place and a full stop ((一)开封市。市人大…); the place in bold, as
# a web page copied as Markdown has it (**开封市**　市人大…); 在 and the place (在开封,市人大常委会…).
_OPENING = r"(?P<opening>\S[^。!?]{0,39})"
LABEL_FORMS = (
    LABELLED_RE,
    re.compile(rf"^[{BULLETS}]\s*" + ENUMERATOR + rf"(?P<name>{NAME}?)\s+" + _OPENING),
    re.compile(rf"^{HEADING_BULLET}{ENUMERATOR_MARK}\s*(?P<name>{NAME}?)(?:{BODY_SUFFIX})?[。.]\s*" + _OPENING),
    re.compile(rf"^\*\*(?P<name>{NAME}?)\*\*\s*:?\s*" + _OPENING),
    re.compile(rf"^在(?P<name>{NAME}?),\s*" + _OPENING),
)


def _digest_paragraphs(lines: list[tuple[int, int, str]], end_of_body: int, city_of, opens
                       ) -> tuple[list[tuple[int, tuple[str, str, int]]], set[str]]:
    """The paragraphs that open(line) takes for a city's (as headings: (line, (name, title, skip))), and
    the cities they name."""
    found, cities = [], set()
    for n, (start, _, line) in enumerate(lines):
        if start < end_of_body and (heading := opens(line)) and (city := city_of(heading[0])):
            found.append((n, heading))
            cities.add(city)
    return found, cities


def _label(line: str) -> tuple[str, str, int] | None:
    m = next(filter(None, (rx.match(line) for rx in LABEL_FORMS)), None)
    return (_name(m), m.group("opening").strip(), m.start("opening")) if m else None


def _labelled(lines: list[tuple[int, int, str]], end_of_body: int, city_of) -> list[tuple[int, tuple[str, str, int]]]:
    """Paragraphs labelled with cities (or provinces) as headings (LABEL_FORMS), where two or more are: a
    county's label in a city's report (栾川县:…) is a part of that report, not one of its own."""
    found, _ = _digest_paragraphs(lines, end_of_body, city_of, _label)
    return found if len(found) >= 2 else []


# A paragraph whose subject is a place's body (▲开封市人大常委会组织…): in a digest of cities, a report of its own.
BODIED_RE = re.compile(r"^" + HEADING_BULLET + ENUMERATOR + rf"(?P<name>{NAME}?)(?:{BODY_SUFFIX})(?!:)")


def _body(line: str) -> tuple[str, str, int] | None:
    m = BODIED_RE.match(line)
    return (_name(m), _first_sentence(line[m.start("name"):], 40), m.start("name")) if m else None


def _bodied(lines: list[tuple[int, int, str]], end_of_body: int, city_of) -> list[tuple[int, tuple[str, str, int]]]:
    """Paragraphs that open with a city's body as headings, where two or more cities' do (one city's own
    body opening several of its paragraphs, under a title naming it too, makes no digest)."""
    found, cities = _digest_paragraphs(lines, end_of_body, city_of, _body)
    return found if len(cities) >= 2 else []


LEAD_FIGURES_RE = re.compile(r"\d[^\n]*[。!?]$", re.M)  # a sentence with a figure in it, ending its line


def _contributed(lines: list[tuple[int, int, str]], end_of_body: int) -> list[Segment]:
    """Reports told apart only by their contributor lines ((郑州市人大常委会供稿) … (开封市人大常委会供稿)), where
    there are two or more: each runs from the end of the one before to its own contributor line."""
    ends = [(end, c.group("who")) for start, end, line in lines
            if start < end_of_body and (c := CONTRIBUTOR_RE.match(line.strip()))]
    if len(ends) < 2:
        return []
    segments, start = [], 0
    for end, who in ends:
        first = next((ln.strip() for s, _, ln in lines if start <= s < end and ln.strip()), "")
        segments.append(Segment(start, end, None, _first_sentence(first, 60), who))
        start = end + 1
    return segments


def split(text: str, is_region, city_of=lambda name: None) -> tuple[Header, list[Segment]]:
    """Header and reports of a normalised text; is_region(name) tells a heading from a slogan, and
    city_of(name), the code of a city or province (else None), a city's labelled paragraph in a digest
    from a county's in a city's report."""
    lines = _lines(text)
    end_of_body = len(text)
    for start, _, line in lines:
        if DISTRIBUTION_RE.match(line) or WEB_TAIL_RE.match(line.strip()):
            end_of_body = start
            break

    headings, signed = [], []
    for n, (start, _, line) in enumerate(lines):
        if start >= end_of_body:
            break
        if (h := heading_of(line)) and is_region(h[0]):
            headings.append((n, h))
        elif (sig := _signature(lines, n)) and is_region(sig[1][0]):
            signed.append(sig)
    # A name alone, or a signature, opens reports only where it recurs: one alone is a masthead
    # (河南省人大常委会 above a news item about 郑州).
    if len(signed) >= 2:
        at = {n for n, _ in signed}
        headings = sorted([*(h for h in headings if h[0] not in at), *signed], key=lambda h: h[0])
    digest = False  # the reports are a digest's paragraphs, told apart by their cities, not by headings
    if not headings:
        headings = _labelled(lines, end_of_body, city_of)
        digest = bool(headings)
    if not headings:
        header = read_header(text, 0)
        if contributed := _contributed(lines, end_of_body):
            return header, contributed
        headings = _bodied(lines, end_of_body, city_of)
        digest = bool(headings)
    if not headings:
        first = next((ln for _, _, ln in lines if ln.strip() and not WEB_CHROME_RE.search(ln.strip())), "")
        return header, [Segment(0, end_of_body, None, first[:60], None)]

    header = read_header(text, lines[headings[0][0]][0])
    segments = [Segment(start, end, None, line.strip()[:60], None, editor_note=True)
                for start, end, line in lines[:headings[0][0]] if EDITOR_NOTE_RE.match(line.strip())]
    lead = lines[headings[0][0]][0]
    if digest and LEAD_FIGURES_RE.search(text, 0, lead):
        # 全省已建成…1.26万个。 above the cities' paragraphs: the digest's own figures, a report of their own
        first = next((ln.strip() for _, _, ln in lines if ln.strip()), "")
        segments.append(Segment(0, lead, None, first[:60], None))
    for k, (n, (name, title, skip)) in enumerate(headings):
        start = lines[n][0]
        stop = lines[headings[k + 1][0]][0] if k + 1 < len(headings) else end_of_body
        inline = skip < len(lines[n][2])
        one_line = skip <= len(lines[n][2])  # (a title signed on the line below takes two)
        # A two-line heading: the next line is short and not a sentence.
        if (not inline and one_line and n + 1 < len(lines) and 0 < len(lines[n + 1][2]) <= 24
                and not re.search(r"[。,;]", lines[n + 1][2])):
            title = f"{title} {lines[n + 1][2].strip()}"
            skip += 1 + len(lines[n + 1][2])
        contributor = None
        for ls, le, line in lines[n + 1:]:
            if ls >= stop:
                break
            if c := CONTRIBUTOR_RE.match(line.strip()):
                contributor = c.group("who")
                stop = le  # the report ends with its contributor line
                break
        segments.append(Segment(start, stop, name, title, contributor, inline=inline, skip=skip))
    return header, segments


def cut_points(original: str, size: int) -> list[tuple[int, int]]:
    """[start, end) pieces of a long original (not normalised) text, each about `size` characters,
    cut where a bulletin begins (its masthead lines, then its issue or album line), so that each
    piece reads as a file of whole bulletins would. Where no bulletin begins within reach, the cut
    goes after a line that ends a sentence. A text of `size` or less is one piece."""
    pieces = []
    start = 0
    while len(original) - start > size:
        cut = _bulletin_start(original, start + size, start + 2 * size) or _sentence_end(original, start + size)
        if cut is None:
            break
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(original)))
    return pieces


def _lines_from(original: str, pos: int, stop: int) -> Iterator[tuple[int, str]]:
    """(start, folded and stripped text) of each line that begins after pos and before stop."""
    at = original.find("\n", pos)
    while 0 <= at < stop - 1:
        end = original.find("\n", at + 1)
        line = original[at + 1:end if end >= 0 else len(original)]
        yield at + 1, unicodedata.normalize("NFKC", line).strip()
        at = end


def _bulletin_start(original: str, pos: int, stop: int) -> int | None:
    recent: list[tuple[int, str]] = []  # the last non-blank lines, the masthead's candidates
    for begin, line in _lines_from(original, pos, stop):
        if not line:
            continue
        if _opens_bulletin(line):
            above = _masthead_lines([text for _, text in recent])
            return recent[-above][0] if above else begin
        recent = [*recent[-1:], (begin, line)]
    return None


def _sentence_end(original: str, pos: int) -> int | None:
    last = ""
    for begin, line in _lines_from(original, pos, len(original)):
        if last and last[-1] in "。!?":
            return begin
        last = line or last
    return None
