"""Rebuild traditional.tsv from OpenCC's TSCharacters.txt (run by hand, once):

    python extract/data/make_traditional.py path/to/TSCharacters.txt

Reports copied from a web page's 繁體 view arrive in traditional characters (養老服務, 鄭州市, 三十餘個);
the rules and the place names are written in simplified ones. Normalisation folds each traditional
character to its first simplified form, one character for one, so every span still maps back.
A character that is also part of the simplified repertoire (in GB 2312: 乾 in 乾县, 著) is left as it
is, except 後 and 於, which simplified text all but never uses.
"""

import pathlib
import sys

ALSO = {"後", "於"}


def in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


source = pathlib.Path(sys.argv[1])
rows = []
for line in source.read_text(encoding="utf-8").splitlines():
    traditional, simplified = line.split("\t")
    first = simplified.split()[0]
    if len(traditional) == 1 and len(first) == 1 and first != traditional and (
            not in_gb2312(traditional) or traditional in ALSO):
        rows.append(f"{traditional}\t{first}")
out = pathlib.Path(__file__).resolve().parent / "traditional.tsv"
out.write_text("".join(f"{row}\n" for row in rows), encoding="utf-8")
print(f"{len(rows)} characters → {out}")
