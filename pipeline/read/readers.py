"""Read one input file into grids of cells: workbooks through calamine, CSV through csv.

A ``Grid`` is a sheet as the editor sees it: row i is Excel row i + 1,
column j is column j (A = 0). Calamine reads values fast but shows neither
hidden rows nor merged cells in OpenDocument files, and reads an error value
(``#REF!``) or a formula that was never calculated as a blank cell. That
metadata comes from the sheet's XML, parsed with defusedxml and only as far as
the last row that holds data, so a sheet formatted down to row 1,048,576 costs
no more than its data. Only files that ``ingest.check_file`` accepted get here.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET
import numpy as np
import pandas as pd
import python_calamine
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from ..model import BadCell
from ..wording import R_, Text

CSV_DELIMITERS = (";", ",", "\t")
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!"})
"""Error values as Excel shows them (and writes them into CSV files)."""
LIBREOFFICE_ERROR = re.compile(r"^Err:\d{3}$")

# Cheap tests on the raw XML before parsing it: most sheets have no formula,
# no error value and no hidden row, and then need no parsing at all.
XLSX_MARKERS = (b"</f>", b":f>", b"<f ", b't="e"', b'hidden="1"', b'hidden="true"')
ODS_MARKERS = (b"table:visibility=", b"-spanned=", b'value-type="error"', b"table:formula=")


CHUNK = 1 << 16
ROW_NUMBER = re.compile(rb'[<:]row\b[^>]*?\sr="(\d+)"')


def has_any(data: bytes, markers: tuple[bytes, ...]) -> bool:
    return any(marker in data for marker in markers)


class ReadError(Exception):
    """A file that passed the safety checks but still cannot be read: why (the reader's own
    words, or a Text of ours), and the problem's code."""

    def __init__(self, reason: str | Text, code: str = "damaged-file"):
        super().__init__(str(reason))
        self.reason, self.code = reason, code


@dataclass
class Grid:
    """One sheet (or a CSV file) as a grid of cells, with what the values alone do not say."""

    sheet: str
    """Sheet name; '' for a CSV file."""
    cells: pd.DataFrame
    """Cells as read: str, int/float, bool, date/datetime, BadCell; '' when blank."""
    hidden_rows: set[int] = field(default_factory=set)
    """Excel row numbers of hidden rows."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column), 0-based."""


def read_csv_grids(path: Path) -> list[Grid]:
    """The one table of a CSV file."""
    grid = read_csv(path)
    mark_error_values(grid.cells)
    return [grid]


def read_workbook(path: Path, add_metadata) -> list[Grid]:
    """Every sheet of a workbook; add_metadata(archive, grid) reads from the sheet's XML
    what calamine does not say (add_xlsx_metadata or add_ods_metadata)."""
    try:
        with python_calamine.CalamineWorkbook.from_path(path) as book:
            grids = [read_sheet(book, meta.name) for meta in book.sheets_metadata
                     if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]
    except python_calamine.CalamineError as error:
        raise ReadError(str(error)) from error
    try:
        with zipfile.ZipFile(path) as archive:
            for grid in grids:
                add_metadata(archive, grid)
    except (KeyError, ValueError, SafeET.ParseError) as error:
        raise ReadError(R_("its structure is damaged ({error})", error=str(error))) from error
    for grid in grids:
        mark_error_values(grid.cells)
    return grids


def read_sheet(book: python_calamine.CalamineWorkbook, name: str) -> Grid:
    sheet = book.get_sheet_by_name(name)
    rows = sheet.to_python(skip_empty_area=False)
    merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ()]
    return Grid(name, pd.DataFrame(rows, dtype=object), merges=merges)


def mark_error_values(cells: pd.DataFrame) -> None:
    """Text that is an error value (#N/A in a CSV, Err:502 from LibreOffice) -> BadCell."""
    for position, column in enumerate(cells.columns):
        values = cells[column]
        errors = {v for v in pd.unique(values.to_numpy()) if is_error_text(v)}
        if errors:
            for row in np.flatnonzero(values.isin(errors).to_numpy()):
                cells.iat[row, position] = BadCell("excel-error", values.iat[row].strip())


def is_error_text(value: object) -> bool:
    if type(value) is not str or not value.lstrip().startswith(("#", "Err:")):
        return False
    text = value.strip()
    return text in EXCEL_ERRORS or LIBREOFFICE_ERROR.match(text) is not None


def put_bad_cell(grid: Grid, row: int, column: int, cell: BadCell) -> None:
    """Place a BadCell, growing the grid if calamine left the cell outside its range."""
    cells = grid.cells
    if column >= cells.shape[1]:
        for extra in range(cells.shape[1], column + 1):
            cells[extra] = ""
    if row >= cells.shape[0]:
        grid.cells = cells = cells.reindex(range(row + 1), fill_value="")
    cells.iat[row, column] = cell


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def attribute(element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return None


def xlsx_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part, from the workbook and its relationships."""
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    parts = {}
    for sheet in SafeET.fromstring(archive.read("xl/workbook.xml")).iter():
        if local(sheet.tag) == "sheet":
            target = targets.get(attribute(sheet, "id"), "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            parts[sheet.get("name")] = posixpath.normpath(path)
    return parts


def add_xlsx_metadata(archive: zipfile.ZipFile, grid: Grid) -> None:
    """Hidden rows, error values and formulas without a cached value, from the sheet XML."""
    part = xlsx_sheet_parts(archive).get(grid.sheet)
    if part is None or part not in archive.namelist():
        return
    last_row = len(grid.cells)  # Excel row number of the last row with data
    data = read_up_to_row(archive, part, last_row)
    if not has_any(data, XLSX_MARKERS):
        return
    row_number = 0
    for event, element in safe_events(data):
        tag = local(element.tag)
        if event == "start" and tag == "row":
            row_number = int(element.get("r") or row_number + 1)
            if row_number > last_row:
                break  # formatting only, from here to the end of the sheet
            if element.get("hidden") in ("1", "true"):
                grid.hidden_rows.add(row_number)
        elif event == "end" and tag == "c":
            bad = xlsx_bad_cell(element)
            if bad is not None:
                letters, _ = coordinate_from_string(element.get("r"))
                put_bad_cell(grid, row_number - 1, column_index_from_string(letters) - 1, bad)
        elif event == "end" and tag == "row":
            element.clear()


def read_up_to_row(archive: zipfile.ZipFile, part: str, last_row: int) -> bytes:
    """A sheet's XML up to the first row past last_row: formatting that reaches row
    1,048,576 is neither inflated nor searched. Rows carry their number (r="…") in
    every writer seen; without it the whole part is read."""
    chunks = []
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            chunks.append(chunk)
            start = max(chunk.rfind(b"<row "), chunk.rfind(b":row "))
            found = ROW_NUMBER.match(chunk, start) if start >= 0 else None
            if found and int(found[1]) > last_row:
                break
    return b"".join(chunks)


def safe_events(data: bytes):
    """defusedxml events of a part that may have been cut short after the rows needed:
    callers stop before the cut, where the parser would complain."""
    try:
        yield from SafeET.iterparse(io.BytesIO(data), events=("start", "end"))
    except SafeET.ParseError:
        return


def xlsx_bad_cell(cell) -> BadCell | None:
    kind = cell.get("t")
    children = {local(child.tag): child for child in cell}
    value = children.get("v")
    if kind == "e":
        return BadCell("excel-error", value.text if value is not None else "#VALUE!")
    formula = children.get("f")
    # openpyxl and some exporters write formulas without calculating them: no cached value.
    if formula is not None and (value is None or not value.text) \
            and kind not in ("str", "s", "inlineStr"):
        return BadCell("formula-without-value", f"={formula.text or ''}")
    return None


def add_ods_metadata(archive: zipfile.ZipFile, grid: Grid) -> None:
    """Hidden rows, merged cells and error values of one table of content.xml."""
    data = archive.read("content.xml")
    if not has_any(data, ODS_MARKERS):
        return
    last_row = len(grid.cells)
    in_table = False
    row = column = 0
    for event, element in SafeET.iterparse(io.BytesIO(data), events=("start", "end")):
        tag = local(element.tag)
        if tag == "table" and event == "start":
            in_table = attribute(element, "name") == grid.sheet
            row = 0
        elif not in_table or event != "end":
            continue
        elif tag == "table":
            break
        elif tag == "table-row":
            repeat = int(attribute(element, "number-rows-repeated") or 1)
            if attribute(element, "visibility") in ("collapse", "filter"):
                grid.hidden_rows.update(range(row + 1, min(row + repeat, last_row) + 1))
            row += repeat
            column = 0
            element.clear()
            if row >= last_row:
                break
        elif tag in ("table-cell", "covered-table-cell"):
            spans = (int(attribute(element, "number-rows-spanned") or 1),
                     int(attribute(element, "number-columns-spanned") or 1))
            if spans != (1, 1):
                grid.merges.append((row, column, row + spans[0] - 1, column + spans[1] - 1))
            # LibreOffice marks errors with calcext:value-type beside office:value-type.
            if any(local(k) == "value-type" and v == "error" for k, v in element.attrib.items()):
                text = "".join(element.itertext()).strip() or "#VALUE!"
                put_bad_cell(grid, row, column, BadCell("excel-error", text))
            column += int(attribute(element, "number-columns-repeated") or 1)


def read_csv(path: Path) -> Grid:
    """A CSV file: UTF-8 (with or without BOM) or Windows-1252; ';', ',' or tab separated."""
    text = decode(path.read_bytes())
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    width = max((len(r) for r in rows), default=0)
    return Grid("", pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object))


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ReadError(R_("its text is neither UTF-8 nor Windows-1252"),
                        "bad-encoding") from error


def sniff_delimiter(text: str) -> str:
    """The separator that cuts most lines into the same number (at least two) of fields.

    Commas inside free text make a ';' file look ragged when cut at commas, and the
    other way round, so the regular cut wins; a title row above the headers does not
    change the count much.
    """
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.startswith("sep=") and len(first) == 5:  # Excel's own hint line
        return first[4]
    sample = text[:200_000]

    def score(delimiter: str) -> tuple[int, int]:
        widths = Counter(len(r) for r in csv.reader(io.StringIO(sample, newline=""),
                                                    delimiter=delimiter) if len(r) >= 2)
        width, count = max(widths.items(), key=lambda wc: (wc[1], wc[0]), default=(0, 0))
        return count, width

    return max(CSV_DELIMITERS, key=score)
