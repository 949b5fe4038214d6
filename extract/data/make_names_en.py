"""Writes divisions_en.csv: an English name for every division in divisions.csv (run by hand).

    pip install pypinyin==0.55.0 && python extract/data/make_names_en.py

Names are GB/T 2260's (divisions.csv), transliterated with pypinyin 0.55.0 (MIT), then put in
the usual English form: provinces by their established English names (PROVINCES); prefecture-level
cities by the place alone (苏州市 → Suzhou), other prefectures by their kind (地区 Prefecture, 盟
League, 自治州 Autonomous Prefecture); counties 区 District, 县 County, 市 (county-level) City,
development zones by their kind. Readings pypinyin gets wrong for place names are corrected by
hand (OVERRIDES: Henan's were checked one by one; elsewhere a reading may be the commonest one
rather than the local one). Henan's 18 cities keep the names of henan_population.csv.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pypinyin import lazy_pinyin

HERE = Path(__file__).resolve().parent
# Place names read otherwise than the characters' commonest reading.
OVERRIDES = {"长葛": "Changge", "召陵": "Shaoling", "长垣": "Changyuan", "浚": "Xun", "殷都": "Yindu",
             "南乐": "Nanle", "魏都": "Weidu", "管城回族": "Guancheng Hui"}
ZONES = [("经济技术开发区", "Economic and Technological Development Zone"),
         ("高新技术产业开发区", "High-tech Industrial Development Zone"),
         ("航空港经济综合实验区", "Airport Economy Zone"),
         ("城乡一体化示范区", "Urban-Rural Integration Demonstration Zone"),
         ("经济开发区", "Economic Development Zone"), ("临港开发区", "Port Development Zone")]
SUFFIXES = [("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("区", "District"), ("县", "County"),
            ("旗", "Banner"), ("市", "City")]
PREFECTURE_SUFFIXES = [("自治州", "Autonomous Prefecture"), ("地区", "Prefecture"), ("盟", "League"), ("市", "")]
PROVINCES = {
    "110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi", "150000": "Inner Mongolia",
    "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang", "310000": "Shanghai", "320000": "Jiangsu",
    "330000": "Zhejiang", "340000": "Anhui", "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong",
    "410000": "Henan", "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
    "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou", "530000": "Yunnan",
    "540000": "Xizang", "610000": "Shaanxi", "620000": "Gansu", "630000": "Qinghai", "640000": "Ningxia",
    "650000": "Xinjiang", "710000": "Taiwan", "810000": "Hong Kong", "820000": "Macao",
}


# Beyond Henan: place names whose characters pypinyin reads otherwise (a place is read as its people say it).
OVERRIDES |= {"朝阳": "Chaoyang", "长子": "Zhangzi", "六安": "Lu'an", "乐清": "Yueqing", "铅山": "Yanshan",
              "番禺": "Panyu", "台州": "Taizhou", "单": "Shan", "莘": "Shen", "洪洞": "Hongtong", "丽水": "Lishui",
              "蚌埠": "Bengbu", "东阿": "Dong'e", "尉氏": "Weishi", "郾城": "Yancheng",
              "藏": "Zang", "各": "Various Nationalities"}
# Peoples named in autonomous divisions (延边朝鲜族自治州 → Yanbian Chaoxian Autonomous Prefecture).
PEOPLES = sorted(["土家", "苗", "朝鲜", "藏", "羌", "彝", "布依", "侗",
    "哈尼", "壮", "傣", "白", "景颇", "傈僳", "回", "蒙古", "柯尔克孜", "哈萨克",
    "满", "瑶", "畲", "黎", "仡佬", "水", "毛南", "仫佬", "布朗", "达斡尔",
    "鄂温克", "鄂伦春", "锡伯", "纳西", "拉祜", "佤", "独龙", "怒", "普米", "撒拉",
    "保安", "东乡", "裕固", "塔吉克", "各", "京", "土"],
                 key=len, reverse=True)


def _syllables(name: str) -> str:
    if name[:1] == "长":  # 长 opening a place name is Chang (长沙, 长春, 长洲)
        return "chang" + "".join(lazy_pinyin(name[1:]))
    return "".join(lazy_pinyin(name))


def pinyin(name: str) -> str:
    if name in OVERRIDES:
        return OVERRIDES[name]
    text = _syllables(name)
    return text[:1].upper() + text[1:]


def _with_peoples(stem: str) -> str:
    """酉阳土家族苗族 → Youyang Tujia and Miao: the place, then each people it is named for."""
    if stem in OVERRIDES:
        return OVERRIDES[stem]
    cut = min((stem.find(p + "族") for p in PEOPLES if stem.find(p + "族") >= 0), default=-1)
    if cut < 0:
        cut = min((stem.find(p) for p in PEOPLES if len(p) > 1 and stem.endswith(p)), default=-1)
    if cut < 0:
        return pinyin(stem)
    rest, peoples = stem[cut:], []
    while rest:
        people = next((p for p in PEOPLES if rest.startswith(p)), rest)
        peoples.append(pinyin(people))
        rest = rest[len(people):].removeprefix("族")
    return " ".join(x for x in (pinyin(stem[:cut]) if cut else "", " and ".join(peoples)) if x)


def english(name: str, level: str = "county") -> str:
    if level == "prefecture":
        for suffix, kind in PREFECTURE_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                return " ".join(x for x in (_with_peoples(name[: -len(suffix)]), kind) if x)
        return pinyin(name)
    for zone, kind in ZONES:
        if name.endswith(zone):
            place = name[: -len(zone)].removeprefix("河南").removesuffix("市")
            return f"{pinyin(place)} {kind}"
    for suffix, kind in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            return f"{_with_peoples(stem) if suffix.startswith('自治') else pinyin(stem)} {kind}"
    return pinyin(name)


def main() -> None:
    with open(HERE / "divisions.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(HERE / "divisions_en.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name_zh", "name_en"])
        for r in rows:
            name = PROVINCES.get(r["code"]) if r["level"] == "province" else english(r["name"], r["level"])
            w.writerow([r["code"], r["name"], name or pinyin(r["name"])])


if __name__ == "__main__":
    main()
