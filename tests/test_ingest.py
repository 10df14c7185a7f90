"""Reading workbooks: tables found by sheet name, header rows found by content."""

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from pipeline import ingest
from pipeline.contract import DOC, contract_markdown
from pipeline.schema import TABLES, header_key
from tests.conftest import write_inputs
from tests.data.make_corpus import write_ods


def test_reads_the_three_tables_with_excel_row_numbers(small_inputs):
    raw = ingest.read_inputs(small_inputs)
    assert sorted(raw.tables) == ["mechanisms", "meetings", "participants"]
    meetings = raw["meetings"]
    assert list(meetings.frame.index) == [2, 3, 4, 5]
    assert meetings.frame.at[2, "title"] == "MIDSA Ministerial Meeting"


def test_title_rows_and_blank_rows_are_skipped(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    sheet.insert_rows(1, amount=2)
    sheet["A1"] = "ISCM meetings 2025 (do not edit this title)"
    sheet.insert_rows(5)  # a blank row inside the data
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw["meetings"].header_row == 3
    assert list(raw["meetings"].frame.index) == [4, 6, 7, 8]
    assert dict(raw.counts)["blank rows dropped"] == 1


def test_french_headers_and_unknown_columns(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    sheet["D1"], sheet["H1"] = "Date de début ", "Niveau"
    sheet.cell(row=1, column=20, value="Notes internes")
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw["meetings"].headers["start_date"] == "Date de début"
    assert raw["meetings"].headers["level"] == "Niveau"
    assert raw["meetings"].ignored_headers == ("Notes internes",)


def test_a_missing_table_is_reported(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "meetings.xlsx").unlink()
    raw = ingest.read_inputs(folder)
    assert [(p.file, p.sheet, p.code) for p in raw.problems] == [
        ("meetings.xlsx", "meetings", "missing-table")]


def test_lock_files_are_ignored(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "~$meetings.xlsx").write_bytes(b"lock")
    assert [p.name for p in ingest.find_input_files(folder)] == ["mechanisms.xlsx",
                                                                 "meetings.xlsx"]


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_header_aliases_are_unambiguous_within_a_table(spec):
    seen = {}
    for column in spec.columns:
        for alias in (column.name, *column.aliases):
            owner = seen.setdefault(header_key(alias), column.name)
            assert owner == column.name or header_key(alias) == header_key(owner), alias


def test_docs_inputs_is_up_to_date():
    """docs/inputs.md is written from schema.py: run `make docs` after changing the contract."""
    assert DOC.read_text(encoding="utf-8") == contract_markdown()


def meetings_csv(folder, text: str, encoding: str, name: str = "réunions.csv"):
    write_inputs(folder)
    (folder / "meetings.xlsx").unlink()
    (folder / name).write_bytes(text.encode(encoding))
    return ingest.read_inputs(folder)


CSV_HEADER = "mechanism_id{0}title{0}start_date{0}level{0}summary"


@pytest.mark.parametrize("delimiter, encoding", [(";", "utf-8-sig"), (",", "cp1252"),
                                                 (";", "utf-8"), ("\t", "utf-8")])
def test_csv_files_in_the_forms_excel_writes(tmp_path, delimiter, encoding):
    lines = ["Réunions 2025, version 2", "", CSV_HEADER.format(delimiter),
             delimiter.join(["gfmd", "Sommet", "05/03/2025", "summit",
                             '"Ministers met, talked; agreed"'])]
    raw = meetings_csv(tmp_path, "\r\n".join(lines) + "\r\n", encoding)
    table = raw["meetings"]
    assert (table.sheet, table.header_row, list(table.frame.index)) == ("", 3, [4])
    assert table.frame.at[4, "summary"] == "Ministers met, talked; agreed"
    assert table.frame.at[4, "title"] == "Sommet"


def test_csv_honours_excels_sep_line(tmp_path):
    text = "sep=|\n" + CSV_HEADER.format("|") + "\ngfmd|A|05/03/2025|summit|x,y;z\n"
    raw = meetings_csv(tmp_path, text, "utf-8")
    assert raw["meetings"].frame.at[3, "summary"] == "x,y;z"


def test_error_values_in_text_become_bad_cells(tmp_path):
    raw = meetings_csv(tmp_path, CSV_HEADER.format(",") + "\ngfmd,#N/A,05/03/2025,summit,\n",
                       "utf-8")
    cell = raw["meetings"].frame.at[2, "title"]
    assert (type(cell).__name__, cell.code, str(cell)) == ("BadCell", "excel-error", "#N/A")


def test_tables_are_found_by_their_headers_when_names_say_nothing(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "mechanisms.xlsx")
    participants = openpyxl.Workbook()
    sheet = participants.active
    sheet.title = "Sheet1"
    for row in book["participants"].iter_rows(values_only=True):
        sheet.append(row)
    del book["participants"]
    book["mechanisms"].title = "Feuil1"
    notes = book.create_sheet("Instructions")
    notes.append(["mechanism_id", "participant", "role"])  # headers, but never a table
    book.save(folder / "mechanisms.xlsx")
    participants.save(folder / "members 2025.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw.problems == ()
    assert {name: (t.file, t.sheet) for name, t in raw.tables.items()} == {
        "mechanisms": ("mechanisms.xlsx", "Feuil1"),
        "participants": ("members 2025.xlsx", "Sheet1"),
        "meetings": ("meetings.xlsx", "meetings")}


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">
<office:body><office:spreadsheet><table:table table:name="réunions">
<table:table-row>{header}</table:table-row>
<table:table-row>{cell}<table:table-cell table:number-rows-spanned="2"
 office:value-type="string"><text:p>Summit</text:p></table:table-cell>{rest}</table:table-row>
<table:table-row table:visibility="collapse">{cell}<table:covered-table-cell/>{rest}
</table:table-row>
<table:table-row>{cell}<table:table-cell table:formula="of:=1/0" office:value-type="string"
 office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>{rest}
</table:table-row>
<table:table-row table:number-rows-repeated="1048572"><table:table-cell
 table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def string_cells(*values):
    return "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                   "</table:table-cell>" for v in values)


def test_ods_hidden_rows_merged_cells_and_error_values(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "meetings.xlsx").unlink()
    write_ods(folder / "meetings.ods", {"x": [["x"]]})
    content = ODS_CONTENT.format(header=string_cells("mechanism_id", "title", "start_date",
                                                     "level"),
                                 cell=string_cells("gfmd"),
                                 rest=string_cells("05/03/2025", "summit"))
    content = re.sub(r">\s+<", "><", content)  # calamine wants no text between cells
    out = io.BytesIO()
    with zipfile.ZipFile(folder / "meetings.ods") as source, zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            z.writestr(info, content if info.filename == "content.xml" else source.read(info))
    (folder / "meetings.ods").write_bytes(out.getvalue())
    raw = ingest.read_inputs(folder)
    table = raw["meetings"]
    assert list(table.frame["title"].map(str)) == ["Summit", "Summit", "#DIV/0!"]
    assert [(p.row, p.column, p.code) for p in raw.problems] == [
        (2, "title", "merged-cells"), (3, "", "hidden-row")]


@pytest.mark.parametrize("cells, footer", [
    (["Total", "", "", 4], True),
    (["TOTAL : 4 réunions", "", "", ""], True),
    (["* provisional dates", "", "", ""], True),
    (["", "", "", 42], True),
    (["", "Updated by the secretariat on 3 March 2025", "", ""], True),
    (["gfmd", "", "", ""], False),   # an unfinished row: reported by validation, not set aside
    (["gfmd", "GFMD Summit", "05/03/2025", "summit"], False),
])
def test_rows_of_totals_and_notes(cells, footer):
    assert ingest.is_footer(pd.Series(cells)) is footer


def test_formula_cells_give_their_cached_values():
    from tests.data.make_corpus import BAD
    frame = ingest.read_inputs(BAD / "formulas-with-cached-values")["meetings"].frame
    assert (frame.at[3, "title"], frame.at[2, "edition"]) == ("GFMD Summit", 4)
