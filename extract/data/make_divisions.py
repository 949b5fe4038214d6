"""Rebuild divisions.csv and henan_population.csv from ../shared/reference (run by hand, once).

The source tables (modood/Administrative-divisions-of-China, NBS 2023 codes; WTFPL) split the
levels over three files with 2- and 4-digit parent codes. The extractor wants one flat table
of 6-digit GB/T 2260 codes with each row's level and parent, so region look-ups are one dict.
"""

import csv
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
ref = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else here.parents[2] / "shared" / "reference")
div = ref / "divisions"

rows = []
for r in csv.DictReader((div / "provinces.csv").open(encoding="utf-8")):
    rows.append((r["code"] + "0000", r["name"], "province", ""))
for r in csv.DictReader((div / "cities.csv").open(encoding="utf-8")):
    # 市辖区 / 县 / 省直辖县级行政区划 are grouping rows, not real prefecture-level places.
    if r["name"] in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
        continue
    rows.append((r["code"] + "00", r["name"], "prefecture", r["provinceCode"] + "0000"))
real_cities = {code for code, _, level, _ in rows if level == "prefecture"}
for r in csv.DictReader((div / "areas.csv").open(encoding="utf-8")):
    parent = r["cityCode"] + "00"
    if parent not in real_cities:  # county-level cities directly under the province (济源)
        parent = r["provinceCode"] + "0000"
    rows.append((r["code"], r["name"], "county", parent))

with (here / "divisions.csv").open("w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "name", "level", "parent"])
    w.writerows(sorted(rows))

with (here / "henan_population.csv").open("w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "name_zh", "name_en", "population_2023_resident_10k"])
    for r in csv.DictReader((ref / "henan_cities.csv").open(encoding="utf-8")):
        w.writerow([r["code"], r["name_zh"], r["name_en"], r["population_2023_resident_10k"]])
print(f"{len(rows)} divisions written")
