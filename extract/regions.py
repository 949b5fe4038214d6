"""China's administrative divisions (GB/T 2260, 2023) and finding them in text.

Data: data/divisions.csv (every province-, prefecture- and county-level division, flattened
from ../shared/reference/divisions by data/make_divisions.py) and data/henan_population.csv
(2023 resident populations of Henan's cities, used to judge lost decimal points), and
data/divisions_en.csv (an English name for every division; data/make_names_en.py made it).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources

# The whole country: not a GB/T 2260 division, but the place a 全国 figure belongs to.
NATION = "100000"
HOME_PROVINCE = "410000"  # Henan: the bulletins' province, whose cities need no province named beside them
# Names that people use for a division that differ from its official name.
ALIASES = {"济源示范区": "419001", "济源产城融合示范区": "419001"}
# Division names that are also ordinary words (城区 is 阳泉's district and any city's urban area): found
# only right after their city's name (阳泉市城区).
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "市中区", "市南区", "市北区", "城中区", "城东区",
                           "城西区", "城北区"})
NAME_SUFFIXES = ("市", "县", "区", "旗", "州", "盟", "省", "地区", "自治区", "特别行政区", "林区")
_SUFFIX_RE = re.compile(r"(?:自治州|自治县|自治旗|地区|特别行政区|自治区|省|市|盟)$")
# Ethnic names inside autonomous divisions' names (广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边).
_ETHNIC_RE = re.compile(
    r"(?:维吾尔|壮族|回族|藏族|蒙古族|朝鲜族|土家族|苗族|彝族|哈尼族|傣族|白族|布依族|侗族|哈萨克|柯尔克孜|"
    r"景颇族|傈僳族|羌族|黎族|瑶族|畲族|纳西族|蒙古|哈萨克族|柯尔克孜族)+$"
)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # province, prefecture, county
    parent: str
    name_en: str | None = None
    population_10k: float | None = None  # 2023 resident population (万人), Henan's cities
    census_population: float | None = None  # 2020 census (persons); a province's is its prefectures' sum
    census_share60: float | None = None  # percent of the census population aged 60+
    census_share65: float | None = None

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"


def short_name(name: str) -> str:
    """安阳市 → 安阳, 延边朝鲜族自治州 → 延边, 河南省 → 河南 (two characters at least)."""
    short = _ETHNIC_RE.sub("", _SUFFIX_RE.sub("", name))
    return short if len(short) >= 2 else name


# A name's last character that ends at most this many names is looked for only with the characters before it.
RARE_ENDING = 5


class Regions:
    def __init__(self, rows: list[Region]):
        self._by_code = {r.code: r for r in rows}
        by_name: dict[str, list[str]] = {}
        for r in rows:
            by_name.setdefault(r.name, []).append(r.code)
        for alias, code in ALIASES.items():
            by_name.setdefault(alias, []).append(code)
        for r in rows:  # 恩施州, 延边州: an autonomous prefecture as its people call it
            if r.name.endswith("自治州") and (alias := short_name(r.name) + "州") not in by_name:
                by_name[alias] = [r.code]
        self._by_name = by_name

    @cached_property
    def _tails(self) -> frozenset[str]:
        """Every ending of every name (市, 阳市, 安阳市 …): how far back from a name's last character it
        is worth looking."""
        return frozenset(name[-n:] for name in self._by_name if len(name) >= 2 for n in range(1, len(name) + 1))

    @cached_property
    def _suffix_re(self) -> re.Pattern[str]:
        """The last character of a name. Where few names end with it (会: 乌拉盖管理区管委会), only where the
        two characters before are those of such a name: 人大常委会, in every report, ends with none."""
        names = [n for n in self._by_name if len(n) >= 2]
        ending: dict[str, set[str]] = {}
        for n in names:
            ending.setdefault(n[-1], set()).add(n[-3:-1])
        rare = {ch: before for ch, before in ending.items() if len(before) <= RARE_ENDING
                and all(len(b) == 2 for b in before)}  # (a lookbehind has one width)
        checks = "".join(f"(?<!(?<!{'|'.join(map(re.escape, sorted(before)))}){re.escape(ch)})"
                         for ch, before in sorted(rare.items()))
        return re.compile("[" + re.escape("".join(sorted(ending))) + "]" + checks)

    def all(self) -> list[Region]:
        return list(self._by_code.values())

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def __getitem__(self, code: str) -> Region:
        return self._by_code[code]

    @cached_property
    def _short_index(self) -> dict[str, list[str]]:
        """Short names of provinces, prefectures and county-level cities under a province."""
        index: dict[str, list[str]] = {}
        for r in self._by_code.values():
            if r.level in ("province", "prefecture") or (r.level == "county" and r.parent.endswith("0000")):
                index.setdefault(short_name(r.name), []).append(r.code)
        for alias, code in ALIASES.items():
            index.setdefault(alias, []).append(code)
        return index

    @cached_property
    def _county_short_index(self) -> dict[str, list[str]]:
        """Short names of county-level cities and counties (长垣 → 长垣市), for headings only:
        in running text too many of them are ordinary words."""
        index: dict[str, list[str]] = {}
        for r in self._by_code.values():
            if r.level == "county" and r.name[-1] in "市县" and len(r.name) >= 3:
                index.setdefault(r.name[:-1], []).append(r.code)
        return index

    def display_name(self, code: str) -> str:
        """焦作市山阳区 for a district, 安阳市 for a city, 济源市 for a province-run city."""
        r = self._by_code[code]
        parent = self._by_code.get(r.parent)
        if r.level == "county" and parent is not None and parent.level == "prefecture":
            return parent.name + r.name
        return r.name

    def english_name(self, code: str) -> str | None:
        """Zhengzhou for 郑州市; "Shanyang District, Jiaozuo" for 焦作市山阳区; "Suzhou, Jiangsu" for a city of
        another province (宿州 is Suzhou too); None for a code not in the table."""
        r = self._by_code.get(code)
        if r is None or not r.name_en:
            return None
        parent = self._by_code.get(r.parent)
        if parent is None or not parent.name_en or parent.level == "county":
            return r.name_en
        if (r.level == "county" and parent.level == "prefecture") or parent.code != HOME_PROVINCE:
            return f"{r.name_en}, {parent.name_en}"  # not Jiyuan, Henan: Henan's own cities stand alone
        return r.name_en

    def is_within(self, code: str, ancestor: str) -> bool:
        while code:
            if code == ancestor:
                return True
            code = self._by_code[code].parent if code in self._by_code else ""
        return False

    def undecided(self, code: str, hints: tuple[str, ...], text: str) -> bool:
        """Whether the text leaves open which of several same-named divisions it means (桥西区 is a
        district of both 石家庄 and 张家口): no parent named, no hint and not Henan's own tells them apart."""
        r = self._by_code[code]
        others = [c for c in self._by_name.get(r.name, ()) if c != code and self._by_code[c].level == r.level]
        if not others:
            return False
        parent = self._by_code.get(r.parent)
        if parent and (parent.name in text or short_name(parent.name) in text):
            return False
        return any(self._preference(other, hints) == self._preference(code, hints) for other in others)

    def _preference(self, code: str, hints: tuple[str, ...]) -> tuple[int, bool]:
        """How a division ranks among same-named ones: inside the earliest hinted region, then Henan's."""
        return (next((n for n, h in enumerate(hints) if self.is_within(code, h)), len(hints)),
                code[:2] != HOME_PROVINCE[:2])

    def _rank(self, codes: list[str], hints: tuple[str, ...]) -> str:
        """Pick among same-named divisions: inside a hinted region first, then Henan, then larger."""
        if len(codes) == 1:
            return codes[0]
        level_order = {"nation": -1, "province": 0, "prefecture": 1, "county": 2}

        def key(code: str) -> tuple:
            return (*self._preference(code, hints), level_order[self._by_code[code].level], code)

        return min(codes, key=key)

    @lru_cache(maxsize=4096)  # noqa: B019 - one Regions lives as long as the process
    def _ranked(self, name: str, hints: tuple[str, ...]) -> str:
        """The code a full name stands for among hints: asked for every name in every text."""
        return self._rank(self._by_name[name], hints)

    def resolve(self, name: str, hints: tuple[str, ...] = ()) -> str | None:
        """A full name (安阳市) or a short one (安阳) to a code; None if unknown."""
        name = name.strip()
        if name in GENERIC_NAMES:
            return None  # 城区 alone is any city's urban area
        codes = self._by_name.get(name) or self._short_index.get(name)
        if not codes and len(name) >= 2:
            codes = self._short_index.get(short_name(name))
        if not codes:
            # 郑州市金水区: the most specific division named in full, if the names fill the string.
            found = self.find_all(name, hints)
            if found and found[0][0] == 0 and found[-1][1] == len(name):
                return found[-1][2]
            codes = self._county_short_index.get(name)
        return self._rank(codes, hints) if codes else None

    def find_all(self, text: str, hints: tuple[str, ...] = (), *, short: bool = False, until: float = float("inf")
                 ) -> list[tuple[int, int, str]]:
        """Every full division name in text (ending by `until`) as (start, end, code); longest match wins."""
        found = [(start, end, self._after_parent(text, start, name) if name in GENERIC_NAMES
                  else self._ranked(name, hints)) for start, end, name in self._scan(text) if end <= until]
        if short:
            full = [(s, e) for s, e, _ in found]
            for m in self._short_re.finditer(text):
                if not any(s <= m.start() < e for s, e in full):
                    found.append((m.start(), m.end(), self._rank(self._short_index[m.group()], hints)))
            found.sort()
        return found

    @lru_cache(maxsize=16)  # noqa: B019 - one Regions lives as long as the process; a text is scanned once
    def _scan(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, name) of every full name: scans for the characters names end with rather
        than trying thousands of names at every position, which keeps this linear in the text."""
        found: list[tuple[int, int, str]] = []
        taken_until = -1
        by_name, tails = self._by_name, self._tails
        for m in self._suffix_re.finditer(text):
            end = m.end()
            longest = None  # where the longest name ending here starts
            start = end - 2
            # Back from the last character while the text still ends like some name does.
            while start > taken_until and (tail := text[start:end]) in tails:
                if tail in by_name:
                    longest = start
                start -= 1
            if longest is not None and (text[longest:end] not in GENERIC_NAMES
                                        or self._after_parent(text, longest, text[longest:end])):
                found.append((longest, end, text[longest:end]))
                taken_until = end - 1
        return tuple(found)

    def _after_parent(self, text: str, start: int, name: str) -> str | None:
        """The division of that name whose city's name stands right before it (阳泉市城区, 晋城城区), if one does."""
        for code in self._by_name[name]:
            parent = self._by_code.get(self._by_code[code].parent)
            if parent and (text.endswith(parent.name, 0, start) or text.endswith(short_name(parent.name), 0, start)):
                return code
        return None

    @cached_property
    def _short_re(self) -> re.Pattern[str]:
        """Every short name at once, longest first (one scan of the text instead of one per name)."""
        names = sorted((n for n in self._short_index if len(n) >= 2), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, names)))

    def main_region(self, text: str, hints: tuple[str, ...] = ()) -> str | None:
        """The region a text without bulletin structure is about.

        The body that reports (a name right before 人大 / 人民代表大会) counts most, then how
        often and how early a division is named. Full names count more than short ones, and a
        short name outside the province the full names point to counts little: 南昌 inside a
        person's name (刘南昌) should not make a Henan article Jiangxi's.
        """
        full = self.find_all(text, hints)
        full_spans = {(s, e) for s, e, _ in full}
        mentions = self.find_all(text, hints, short=True)
        if not mentions:
            return None
        provinces = Counter(code[:2] for _, _, code in full)
        home = {p for p, n in provinces.items() if n == max(provinces.values())} if provinces else {HOME_PROVINCE[:2]}
        score: Counter[str] = Counter()
        first: dict[str, int] = {}
        for start, end, code in mentions:
            weight = 1.0 if (start, end) in full_spans else 0.5
            reports = bool(re.match(r"(市|县|区)?(人大|人民代表大会)", text[end:end + 8]))
            if reports:
                weight += 3
            if start < 200:
                weight *= 1.5
            if code[:2] not in home:
                weight *= 0.2
            region = self._by_code[code]
            if region.level == "province" and not reports:
                weight *= 0.25  # "河南省" names the setting more often than the subject, unless it reports
            score[code] += weight
            first.setdefault(code, start)
            if region.level == "county" and region.parent in self._by_code:
                score[region.parent] += weight * 0.5  # a county named is its city named too
                first.setdefault(region.parent, start)
        # 省人大常委会执法检查组…: the province's own body reports, named without the province's name (which
        # the text gives elsewhere, if only in a law's title); not where it visits one city (省人大常委会调研组来
        # 安阳市调研…: the figures are the city's).
        body = BARE_PROVINCE_BODY_RE.search(text, 0, 200)
        cities = {code for start, _, code in mentions if start < 200 and self._by_code[code].level == "prefecture"}
        if body and len(cities) != 1 and len(home) == 1 and (province := next(iter(home)) + "0000") in self._by_code:
            score[province] += 6
            first.setdefault(province, body.start())
        best = max(score, key=lambda c: (score[c], -first[c]))
        for code, _ in score.most_common():
            r = self._by_code[code]
            if r.level == "county" and r.parent == best and score[code] >= 4:
                return code
        return best


# 省人大常委会 with no place's name before 省 (not 河南省人大, 湖北省人大: those are named in full).
BARE_PROVINCE_BODY_RE = re.compile(r"(?<![\u4e00-\u9fff])省(人大|人民代表大会)")


def _with_census(rows: list[Region], data) -> list[Region]:
    """The 2020 census for every prefecture (data/census2020_prefectures.csv, MIT; see its SOURCE),
    and for every province as the sum of its prefectures: what a lost decimal point is judged by."""
    census: dict[str, tuple[float | None, float | None, float | None]] = {}
    provinces: dict[str, list[float]] = {}
    with data.joinpath("census2020_prefectures.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pop, s60, s65 = (float(row[k]) if row[k] else None
                             for k in ("population_2020", "share60_2020", "share65_2020"))
            census[row["code"]] = (pop, s60, s65)
            total = provinces.setdefault(row["province_code"], [0.0, 0.0, 0.0, 0.0])
            if pop and s60 and s65:  # the province's shares from the cities that give them
                total[1] += pop * s60
                total[2] += pop * s65
                total[3] += pop
            total[0] += pop or 0
    for code, (pop, old60, old65, aged_base) in provinces.items():
        # A municipality (北京市 110000) is listed once as 110100: the province's figure is that one.
        census.setdefault(code, (pop, old60 / aged_base if aged_base else None,
                                 old65 / aged_base if aged_base else None))
    return [replace(r, census_population=census[r.code][0], census_share60=census[r.code][1],
                    census_share65=census[r.code][2]) if r.code in census else r for r in rows]


def _load() -> Regions:
    data = resources.files("extract").joinpath("data")
    pops = {}
    with data.joinpath("henan_population.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pops[row["code"]] = (row["name_en"], float(row["population_2023_resident_10k"]))
    # English names of every other division (data/make_names_en.py says how they were made).
    with data.joinpath("divisions_en.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pops.setdefault(row["code"], (row["name_en"], None))
    rows = []
    with data.joinpath("divisions.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name_en, pop = pops.get(row["code"], (None, None))
            rows.append(Region(row["code"], row["name"], row["level"], row["parent"], name_en, pop))
    rows = _with_census(rows, data)
    regions = Regions(rows)
    # Added after the name index is built: "全国" must not be found as a place name in running text.
    regions._by_code[NATION] = Region(NATION, "全国", "nation", "", "China", None)
    return regions


REGIONS = _load()
