"""XLSX: text stays text, bytes do not depend on the clock."""

import datetime as dt
import zipfile

import openpyxl

from pipeline.render.xlsx import fixed_zip, write_xlsx


def test_xlsx_text_that_looks_like_a_formula_stays_text(tmp_path):
    hostile = ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"]
    path = write_xlsx(tmp_path / "t.xlsx", ("T", ["a"], [[v] for v in hostile], [10]),
                      dt.date(2025, 1, 1))
    sheet = openpyxl.load_workbook(path).active
    assert [sheet.cell(row=r, column=1).data_type for r in range(2, 8)] == ["s"] * 6
    assert sheet.cell(row=2, column=1).value == hostile[0]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:A7"


def test_xlsx_bytes_do_not_depend_on_the_clock(tmp_path):
    args = (("T", ["a", "b"], [["x", 1]], [10, 10]), dt.date(2025, 1, 1))
    first = write_xlsx(tmp_path / "1.xlsx", *args).read_bytes()
    second = write_xlsx(tmp_path / "2.xlsx", *args).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "1.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_fixed_zip_keeps_the_content(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("x.txt", "hello")
    with zipfile.ZipFile(__import__("io").BytesIO(fixed_zip(path.read_bytes()))) as z:
        assert z.read("x.txt") == b"hello"
