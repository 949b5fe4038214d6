"""Writes henan_counties_en.csv: English names of Henan's county-level divisions (run by hand).

    pip install pypinyin==0.55.0 && python extract/data/make_county_names.py

Names are GB/T 2260's (divisions.csv), transliterated with pypinyin 0.55.0 (MIT), then put in
the usual English form: 区 District, 县 County, 市 (county-level) City, development zones by
their kind. Readings pypinyin gets wrong for place names are corrected by hand (OVERRIDES).
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
SUFFIXES = [("自治县", "Autonomous County"), ("区", "District"), ("县", "County"), ("市", "City")]


def pinyin(name: str) -> str:
    if name in OVERRIDES:
        return OVERRIDES[name]
    text = "".join(lazy_pinyin(name))
    return text[:1].upper() + text[1:]


def english(name: str) -> str:
    for zone, kind in ZONES:
        if name.endswith(zone):
            place = name[: -len(zone)].removeprefix("河南").removesuffix("市")
            return f"{pinyin(place)} {kind}"
    for suffix, kind in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return f"{pinyin(name[: -len(suffix)])} {kind}"
    return pinyin(name)


def main() -> None:
    with open(HERE / "divisions.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["code"].startswith("41") and r["level"] == "county"]
    with open(HERE / "henan_counties_en.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name_zh", "name_en"])
        for r in rows:
            w.writerow([r["code"], r["name"], english(r["name"])])


if __name__ == "__main__":
    main()
