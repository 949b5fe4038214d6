"""extract.formats: PDF and Word bulletins read by content, not name; what cannot be read says why."""

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import InputError, extract_bytes, extract_file
from extract.formats import kind, to_text
from tests.conftest import FIXTURES

FORMATS = FIXTURES / "formats"


def test_a_pdf_table_is_read_by_its_columns_and_rows():
    doc = extract_file(FORMATS / "table_kaifeng.pdf")  # its text layer: cells apart by single spaces
    got = {(r.region_code, r.indicator): r.value for r in doc.records if r.primary}
    assert got[("410225", "problems_found")] == 12 and got[("410225", "rectification_rate")] == 91.7
    assert got[("410221", "problems_rectified")] == 9
    assert got[("410200", "problems_found")] == 21 and got[("410200", "rectification_rate")] == 95.2  # 合计
    for r in doc.records:
        if "derived" not in r.flags:
            assert doc.text[r.span_start:r.span_end] == r.printed


def test_a_pdf_bulletin_is_read_with_its_decimals_and_full_width_digits():
    doc = extract_file(FORMATS / "bulletin_shangqiu.pdf")
    assert doc.encoding == "pdf" and not doc.decimals_lost
    assert [(r.region_name, r.bulletin_issue, r.bulletin_date) for r in doc.reports] == [
        ("商丘市", "2024年第41期", "2024-10-08")]
    got = {r.indicator: r for r in doc.records if r.primary}
    assert got["population_total"].value == 7683000 and got["elderly_share"].value == 20.23
    assert got["care_beds"].value == 32000  # ３．２万 across a line break
    assert got["meal_sites"].value == 247 and got["care_institutions"].value == 412  # past the page footer
    assert not any("decimal_recovered" in r.flags for r in doc.records)  # kept decimals are never "recovered"
    for r in doc.records:
        if "derived" not in r.flags:
            assert doc.text[r.span_start:r.span_end].replace("\n", "") == r.printed


def test_a_word_bulletin_is_read_with_its_tables():
    doc = extract_file(FORMATS / "bulletin_zhoukou.docx")
    assert doc.encoding == "docx" and doc.reports[0].region_name == "周口市"
    got = {r.indicator: r.value for r in doc.records if r.primary}
    assert got["meal_sites"] == 390 and got["symposia"] == 13 and got["elderly_population"] == 1725000


def test_a_word_table_of_counties_is_read_by_its_column_headings():
    import docx as python_docx

    d = python_docx.Document()
    d.add_paragraph("南阳市人大常委会开展养老服务联动监督")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("县区", "老年助餐点（个）", "养老床位（张）"), ("邓州市", "56", "4100"), ("合计", "602", "41200")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    d.save(buffer)
    got = {(r.region_name, r.indicator): (r.value, r.primary) for r in extract_bytes(buffer.getvalue(), "t.docx").records}
    assert got[("南阳市邓州市", "meal_sites")] == (56, True) and got[("南阳市邓州市", "care_beds")] == (4100, True)
    assert got[("南阳市", "meal_sites")] == (602, True) and got[("南阳市", "care_beds")] == (41200, True)


def test_the_name_does_not_decide_the_format(tmp_path):
    renamed = tmp_path / "bulletin.txt"
    renamed.write_bytes((FORMATS / "bulletin_zhoukou.docx").read_bytes())
    assert extract_file(renamed).encoding == "docx"


@pytest.mark.parametrize(("fixture", "message"), [
    ("encrypted.pdf", "encrypted.pdf: a password-protected PDF"),
    ("blank.pdf", "blank.pdf: a PDF with no text layer (a scan); it needs OCR"),
    ("corrupt.docx", "corrupt.docx: not a readable Word file"),
])
def test_what_cannot_be_read_says_why_in_one_line(fixture, message):
    with pytest.raises(InputError) as err:
        extract_file(FORMATS / fixture)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_other_containers_are_named():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(InputError, match="a ZIP archive, not a Word"):
        extract_bytes(buffer.getvalue(), "archive.docx")
    with pytest.raises(InputError, match=r"old Word \.doc"):
        extract_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100, "old.doc")
    assert kind(b"\x89PNG\r\n") == "image" and kind(b"  %PDF-1.7") == "pdf" and kind("简报".encode()) == "text"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04"]), st.binary(max_size=3000))
def test_damaged_documents_never_raise_anything_but_one_line(magic, body):
    try:
        to_text(magic + body, "fuzz.pdf")
    except InputError as exc:
        assert "\n" not in str(exc)
