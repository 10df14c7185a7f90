"""Reading workbooks: tables found by sheet name, header rows found by content."""

import openpyxl
import pytest

from pipeline import ingest
from pipeline.contract import DOC, contract_markdown
from pipeline.schema import TABLES, header_key
from tests.conftest import write_inputs


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
