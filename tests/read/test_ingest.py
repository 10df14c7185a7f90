"""Reading workbooks: tables found by sheet name, header rows found by content."""


import openpyxl

from pipeline import build
from pipeline.config import load_config
from pipeline.contract.schema import TABLES
from pipeline.publish.outputs import CHOSEN
from pipeline.read import ingest
from pipeline.utils.text import header_key
from tests.conftest import write_inputs


def test_reads_the_three_tables_with_excel_row_numbers(small_inputs):
    raw = ingest.read_inputs(small_inputs)
    assert sorted(raw.tables) == ["mechanisms", "meetings", "participants"]
    meetings = raw["meetings"]
    assert list(meetings.frame.index) == [2, 3, 4, 5]
    assert meetings.frame.at[2, "title"] == "MIDSA Ministerial Meeting"


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


SPECS = {spec.name: spec for spec in TABLES}


def contract_headers(table: str, without: str = "", required_only: bool = False) -> list[str]:
    return [c.name for c in SPECS[table].template_columns
            if c.name != without and (c.required or not required_only)]


def test_a_french_office_copy_builds_the_same_summary_as_the_clean_set(tmp_path):
    from tests.data.make_corpus import BAD, DATA, FRENCH_HEADERS
    for table, headers in FRENCH_HEADERS.items():
        assert not {header_key(h) for h in headers.values()} & {header_key(c) for c in
                                                                contract_headers(table)}
    summaries = []
    for folder in (BAD / "french-office-copy", DATA / "clean"):
        result = build.build(load_config(folder, tmp_path / folder.name, langs="en",
                                         formats="html", format_choices=CHOSEN))
        assert result.report.problems == ()
        summaries.append((result.folder / "summary-2025.json").read_bytes())
    assert summaries[0] == summaries[1]
