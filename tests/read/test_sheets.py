"""Cutting a table out of a sheet: title rows, blank rows, totals and notes, merged cells."""


import openpyxl
import pandas as pd
import pytest

from pipeline.read import ingest, sheets
from tests.conftest import write_inputs


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
    assert sheets.is_footer(pd.Series(cells)) is footer


def meetings_with_a_totals_row(folder, headers: list[str], rows: list[list]):
    """The small inputs, their meetings sheet replaced by these headers and rows."""
    write_inputs(folder)
    book = openpyxl.Workbook()
    book.active.title = "meetings"
    for row in [headers, *rows]:
        book.active.append(row)
    book.save(folder / "meetings.xlsx")
    return ingest.read_inputs(folder)


def test_a_totals_row_under_a_blank_row_is_located_by_a_plain_row_number(tmp_path):
    """Dropping the blank row left numpy row numbers in the frame's index: the footer's
    Problem.row was a numpy int64, which the build's manifest could not write as JSON."""
    raw = meetings_with_a_totals_row(tmp_path / "in", ["mechanism_id", "title", "start_date",
                                                       "level"],
                                     [["gfmd", "GFMD Summit", "05/03/2025", "summit"], [],
                                      ["gfmd", "GFMD Forum", "06/03/2025", "summit"],
                                      ["Total", 2]])
    footer = next(p for p in raw.problems if p.code == "footer-row")
    assert type(footer.row) is int
    assert footer.line() == (
        "warning: meetings.xlsx › meetings › row 5 › mechanism_id: 'Total': looks like a row "
        "of totals or notes under the data, so it is not read. If it is data, fill in its "
        "required columns; otherwise move it to another sheet.")
    assert list(raw["meetings"].frame.index) == [2, 4]


def test_a_totals_row_opens_with_the_sheets_first_column_not_the_contracts(tmp_path):
    """'Total' in column A is a totals row whatever column A holds; read in the contract's
    order, the row opened with the 2 under mechanism_id and was taken for a meeting."""
    raw = meetings_with_a_totals_row(tmp_path / "in", ["level", "mechanism_id", "title",
                                                       "start_date"],
                                     [["summit", "gfmd", "GFMD Summit", "05/03/2025"],
                                      ["Total", 2]])
    assert [(p.row, p.column, p.code, p.value) for p in raw.problems] == [
        (3, "level", "footer-row", "Total")]
    assert list(raw["meetings"].frame.index) == [2]


def test_a_last_meeting_whose_title_opens_like_a_note_is_still_a_meeting(tmp_path):
    """With the title in column A, 'Note …' opens the row; but every required column is
    filled, so it is data (what the footer-row hint tells editors to do)."""
    raw = meetings_with_a_totals_row(tmp_path / "in", ["title", "mechanism_id", "start_date",
                                                       "level"],
                                     [["GFMD Summit", "gfmd", "05/03/2025", "summit"],
                                      ["Note verbale workshop", "gfmd", "06/03/2025", "other"]])
    assert raw.problems == ()
    assert list(raw["meetings"].frame.index) == [2, 3]


@pytest.mark.parametrize("cells", ["Z2:Z3", "A10:B11", "E6:F8"])  # Z: right of the last column
def test_merged_cells_beyond_the_data_are_only_formatting(tmp_path, cells):
    """Was IndexError in expand_merges: a merged range right of or below the cells that
    hold data starts outside the grid calamine reads, and holds no value to repeat."""
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    book["meetings"].merge_cells(cells)
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw.problems == ()
    assert raw["meetings"].frame.equals(ingest.read_inputs(write_inputs(tmp_path / "plain"))[
        "meetings"].frame)
