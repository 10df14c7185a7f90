"""Dressed workbooks (pipeline/tools/dressing.py): the shipped inputs carry the templates'
instructions, help and dropdowns, headed in English throughout; dressing changes no cell the
build reads, gives the same bytes again, and refuses what it cannot dress safely."""

from __future__ import annotations

import re
import shutil

import openpyxl
import pytest
import python_calamine
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.contract.kinds import MECHANISM, SETTING
from pipeline.contract.schema import TABLES
from pipeline.contract.vocabularies import VOCABULARIES
from pipeline.errors import BulletinError, InputError
from pipeline.read import ingest
from pipeline.read.placed import locate_tables
from pipeline.tools.input_templates import dress_inputs, known_mechanism_ids, main, write_templates
from pipeline.validate.publication import SETTINGS
from tests.conftest import SHIPPED_INPUTS
from tests.data.make_corpus import BAD, DATA

SHIPPED = ("mechanisms.xlsx", "meetings.xlsx", "publication.xlsx")
SHIPPED_TABLES = [spec for spec in TABLES if spec.required or spec.workbook == "publication.xlsx"]
"""The tables of the shipped inputs: the required ones, and the publication settings (the
optional themes sheet is not there: the known themes suffice)."""


@pytest.fixture(scope="module")
def shipped_books():
    return {name: openpyxl.load_workbook(SHIPPED_INPUTS / name) for name in SHIPPED}


def dropdowns(sheet, header_row: int = 1) -> dict[str, str]:
    """Header -> the source of the dropdown on the cells under it."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            for column in range(cell_range.min_col, cell_range.max_col + 1):
                assert cell_range.min_row == header_row + 1
                header = sheet.cell(row=header_row, column=column).value
                found[header.strip()] = validation.formula1
    return found


def every_cell(path) -> dict[str, dict[str, object]]:
    """Sheet -> coordinate -> (value, number format) of every cell that holds a value."""
    book = openpyxl.load_workbook(path)
    # The cells the file holds (iter_rows() would make every one down to a formatted last row).
    return {sheet.title: {cell.coordinate: (cell.value, cell.number_format)
                          for cell in sheet._cells.values() if cell.value is not None}
            for sheet in book.worksheets}


def read_as_the_build_does(folder):
    raw = ingest.read_inputs(folder)
    return {name: table.frame for name, table in raw.tables.items()}, raw.problems


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_workbooks_open_on_their_instructions(shipped_books, name):
    book = shipped_books[name]
    assert book.sheetnames[0] == "Instructions" and book.active.title == "Instructions"
    text = [c.value for c in book["Instructions"]["A"] if c.value]
    assert "Dates: dd/mm/yyyy, day first (11/02/2025 is 11 February 2025). Years: four " \
           "digits." in text
    assert "Fechas: dd/mm/aaaa, primero el día (11/02/2025 es el 11 de febrero de 2025). " \
           "Años: cuatro cifras." in text
    for spec in SHIPPED_TABLES:
        if spec.workbook == name:
            assert any(line.startswith(f"{spec.name} › ") for line in text), spec.name


@pytest.mark.parametrize("spec", SHIPPED_TABLES, ids=lambda s: s.name)
def test_every_closed_list_of_the_contract_is_a_dropdown_in_the_shipped_inputs(shipped_books,
                                                                               spec):
    """The dropdowns offer exactly the contract's vocabularies; mechanism_id offers the ids;
    every header carries its help; the header row is frozen; no cell is a formula."""
    sheet = shipped_books[spec.workbook][spec.name]
    found = dropdowns(sheet)
    closed = {c.name: VOCABULARIES[c.vocabulary] for c in spec.columns if c.vocabulary}
    closed |= {c.name: [s.name for s in SETTINGS] for c in spec.columns if c.kind is SETTING}
    assert closed, spec.name
    for column, values in closed.items():
        assert found[column] == '"{}"'.format(",".join(values)), column
    ids = {c.name for c in spec.columns if c.kind is MECHANISM}
    assert set(found) == set(closed) | ids
    listed = len(known_mechanism_ids(SHIPPED_INPUTS))
    for column in ids:
        assert found[column] == ("mechanisms!$A$2:$A$1048576" if spec.workbook == "mechanisms.xlsx"
                                 else f"Lists!$A$2:$A${listed + 1}")
    assert sheet.freeze_panes == "A2"
    assert all(c.comment and c.comment.author == "iscm-bulletin" for c in sheet[1])
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.parametrize("spec", SHIPPED_TABLES, ids=lambda s: s.name)
def test_the_shipped_sheets_are_headed_with_the_contract_names(shipped_books, spec):
    """One language per sheet: the canonical English headers, every one of the template's."""
    headers = [c.value for c in shipped_books[spec.workbook][spec.name][1]]
    canonical = [c.name for c in spec.columns]
    assert [h for h in headers if h not in canonical] == []
    assert {c.name for c in spec.template_columns} <= set(headers)


def test_the_templates_are_dressed_like_the_shipped_inputs(tmp_path, shipped_books):
    """One code path: the same sheets, instructions, help, dropdowns and frozen rows."""
    write_templates(tmp_path, SHIPPED_INPUTS)
    for name in SHIPPED:
        template, shipped = openpyxl.load_workbook(tmp_path / name), shipped_books[name]
        not_shipped = {spec.name for spec in TABLES if spec not in SHIPPED_TABLES}
        assert [s for s in template.sheetnames if s not in not_shipped] == shipped.sheetnames
        for sheet in template.worksheets:
            if sheet.title in not_shipped:
                continue
            twin = shipped[sheet.title]
            if sheet.title in ("Instructions", "Lists"):
                # The template's lines on the tables the shipped workbook leaves out apart.
                lines = [c.value for c in sheet["A"] if not any(
                    re.match(rf"\S+ {table}[\s\u00a0]*:|{table} › ", c.value or "")
                    for table in not_shipped)]
                assert lines == [c.value for c in twin["A"]]
                continue
            assert dropdowns(sheet) == dropdowns(twin)
            notes = {c.value: c.comment.text for c in twin[1]}
            assert {c.value: c.comment.text for c in sheet[1]}.items() <= notes.items()
            assert sheet.freeze_panes == twin.freeze_panes


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_workbooks_read_alike_in_openpyxl_and_calamine(shipped_books, name):
    """LibreOffice is not installed here: both readers open them, and see the same sheets
    and header rows."""
    with python_calamine.CalamineWorkbook.from_path(SHIPPED_INPUTS / name) as book:
        assert book.sheet_names == shipped_books[name].sheetnames
        for sheet in shipped_books[name].worksheets:
            rows = book.get_sheet_by_name(sheet.title).to_python()
            assert rows[0][:sheet.max_column] == [c.value or "" for c in sheet[1]]
            assert len(rows) == sheet.max_row


def test_dressing_the_shipped_inputs_again_gives_the_same_bytes(tmp_path):
    """The shipped workbooks are what `make dress-inputs` writes, and it writes them again."""
    folder = shutil.copytree(SHIPPED_INPUTS, tmp_path / "inputs")
    assert main(["--dress", str(folder)]) == 0
    for name in SHIPPED:
        assert (folder / name).read_bytes() == (SHIPPED_INPUTS / name).read_bytes(), name


# Cases of the corpus whose workbooks hold what an office's do: hidden rows, merged cells,
# a sheet formatted to its last row, formulas without values, error values, French
# headers, hostile text, columns without headers, a totals row, two meetings files.
UNUSUAL = ("hidden-row", "merged-cells", "formatted-to-last-row", "formula-without-value",
           "excel-error-value", "french-office-copy", "hostile-text", "unnamed-column",
           "totals-row", "duplicate-table", "missing-column", "ignored-column")


@pytest.mark.parametrize("case", ["clean", *UNUSUAL])
def test_dressing_changes_no_cell_and_the_build_reads_the_same(tmp_path, case):
    source = DATA / case if case == "clean" else BAD / case
    folder = shutil.copytree(source, tmp_path / case)
    before_cells = {p.name: every_cell(p) for p in folder.glob("*.xlsx")}
    before = read_as_the_build_does(folder)
    dressed = dress_inputs(folder)
    assert sorted(p.name for p in dressed) == sorted(before_cells)
    first = {p.name: p.read_bytes() for p in dressed}
    for path in dressed:
        assert openpyxl.load_workbook(path).sheetnames[0] == "Instructions"
        cells = every_cell(path)
        for added in ("Instructions", "Lists"):
            cells.pop(added, None)
        assert cells == before_cells[path.name], path.name
    tables, problems = read_as_the_build_does(folder)
    assert tables.keys() == before[0].keys()
    assert all(frame.equals(before[0][name]) for name, frame in tables.items())
    assert problems == before[1]
    assert dress_inputs(folder) == dressed
    assert {p.name: p.read_bytes() for p in dressed} == first


def test_a_table_below_a_title_row_is_dressed_where_it_is(tmp_path):
    """messy/: headers in French on row 3 under a merged title, a column without a header."""
    folder = shutil.copytree(DATA / "messy", tmp_path / "messy")
    path = folder / "ISCM mécanismes.xlsx"
    book = openpyxl.load_workbook(path)
    del book["Instructions"]  # the office's own notes (see the next test)
    book.save(path)
    dress_inputs(folder)
    sheet = openpyxl.load_workbook(path)["Mécanismes "]
    assert sheet.freeze_panes == "A4"
    found = dropdowns(sheet, header_row=3)
    assert found["Catégorie"] == '"RCP,IRF,Global"'
    assert found["Statut"] == found["Statut précédent"] == '"active,emerging,inactive"'
    assert sheet["A3"].comment.text == "Short unique slug, e.g. budapest, gfmd, midsa. (required)"
    assert sheet["C3"].value is None and sheet["C3"].comment is None
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:F1"]


def test_a_sheet_of_the_editors_is_never_replaced(tmp_path, capsys):
    """messy/ has its own Instructions sheet: nothing is dressed, every file kept."""
    folder = shutil.copytree(DATA / "messy", tmp_path / "messy")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(BulletinError) as refused:
        dress_inputs(folder)
    assert refused.value.message == (
        "ISCM mécanismes.xlsx already has a sheet named Instructions, which dressing writes: "
        "rename that sheet, then dress again.\nNothing was dressed.")
    assert main(["--dress", str(folder), "--report-lang", "fr"]) == 1
    assert capsys.readouterr().err == (
        "Erreur\u00a0: ISCM mécanismes.xlsx a déjà une feuille nommée Instructions, que "
        "l'habillage écrit\u00a0: renommez cette feuille, puis habillez de nouveau.\n"
        "Aucun classeur n'a été habillé.\n")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_formulas_and_charts_are_refused_and_nothing_is_written(tmp_path):
    """openpyxl keeps no formula's value nor every chart: such workbooks are left as they
    are, and so are the others of the folder."""
    folder = shutil.copytree(BAD / "formulas-with-cached-values", tmp_path / "inputs")
    path = folder / "mechanisms.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["participants"]
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=5, min_row=1, max_row=5))
    sheet.add_chart(chart, "H2")
    book.save(path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(InputError) as refused:
        dress_inputs(folder)
    assert refused.value.render().splitlines() == [
        "mechanisms.xlsx holds charts, pictures, pivot tables or macros, which dressing would "
        "lose: it was left as it was.",
        "meetings.xlsx › meetings: dressing would change what the build reads (formulas lose "
        "their values, for one), so it was left as it was. Replace formulas by their values, "
        "then dress again.",
        "Nothing was dressed."]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_grouped_columns_and_other_dropdowns_are_kept(tmp_path):
    """A width set for columns A–F at once, and an office's dropdown over B–D: the dressed
    columns get their own format and dropdown, the others keep theirs."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "meetings"
    sheet.append(["mechanism_id", "note", "level", "start_date", "title", "comment"])
    sheet.append(["gfmd", "x", "summit", "2025-03-05", "GFMD Summit", "y"])
    group = sheet.column_dimensions["A"]
    group.min, group.max, group.width = 1, 6, 21
    own = DataValidation(type="list", formula1='"a,b"')
    own.add("B2:D40")
    sheet.add_data_validation(own)
    book.save(tmp_path / "meetings.xlsx")
    dress_inputs(tmp_path)
    sheet = openpyxl.load_workbook(tmp_path / "meetings.xlsx")["meetings"]
    spans = sorted((d.min, d.max, d.width, d.number_format)
                   for d in sheet.column_dimensions.values())
    assert spans == [(1, 3, 21, "General"), (4, 4, 21, "DD/MM/YYYY"), (5, 6, 21, "General")]
    found = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert found == {"B2:B40": '"a,b"', "A2:A1048576": "Lists!$A$2:$A$2",
                     "C2:C1048576": '"{}"'.format(",".join(VOCABULARIES["level"]))}
    assert [t.spec.name for t in locate_tables(openpyxl.load_workbook(
        tmp_path / "meetings.xlsx"), "meetings.xlsx")] == ["meetings"]


def test_dressing_a_folder_that_is_not_there_is_a_usage_error(tmp_path, capsys):
    assert main(["--dress", str(tmp_path / "inputs")]) == 2
    assert capsys.readouterr().err == (
        f"Error: Config value 'inputs': {tmp_path / 'inputs'} is not a folder.\n")
