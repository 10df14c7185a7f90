"""make collect APPLY=1: the accepted changes merged into the input workbooks.

Each change goes to its cell: the row the review found in the inputs, found where the
build finds its table (read/placed.py, any language, any order of columns), or a new row
under the table, formatted as the row above it. A column the sheet lacks (source, a
translation column) is added after its last header. Each row changed or added records
where the change came from in its source column (the secretariat, who filled the return
in, its date), after what it said. Nothing else of a workbook changes: its other sheets,
formats, headers, dropdowns (dressing's too) and row order stay; a workbook that saving
again would change elsewhere (formulas, charts, macros) is left as it is, and then none is
written. The merged inputs must validate for the year; each workbook is then replaced in
one step (written beside it, then moved).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pandas as pd

from ..contract.kinds import DATE, WHOLE_NUMBER, YEAR
from ..contract.schema import UPDATES, Column, TableSpec
from ..errors import InputError
from ..publish.write import atomically, write_bytes
from ..read import ingest, safety
from ..read.placed import PlacedTable, locate_tables
from ..render.xlsx import save_workbook
from ..utils.text import clean_text
from ..wording import R_
from . import form
from .review import SPECS, Review
from .source import Source, read_source

SAVED = dt.datetime(2025, 1, 1)
"""The dates a merged workbook's properties carry when it has none (as dressing's)."""


@dataclass
class RowEdit:
    """What one row of an input table receives: values by column, and its provenance."""

    spec: TableSpec
    target: int | None
    """Its Excel row; None for a row to add."""
    values: dict[str, object] = field(default_factory=dict)
    provenance: str = ""


def provenance(returned_name: str, acronym: str, sender: object, day: object) -> str:
    """Where a change came from, as the source column records it: 'MIDSA secretariat (Jane
    Doe, Programme Officer), yearly update of 2026-01-20'."""
    who = f" ({sender})" if sender else ""
    return f"{acronym} secretariat{who}, yearly update of {day}"


def row_edits(source: Source, review: Review, collected: dt.date) -> list[RowEdit]:
    """The changes of the review, row by row: each existing row once, each row to add with
    its mechanism (and, for the update, its year and the workbook it came from)."""
    edits: dict[tuple, RowEdit] = {}
    returns = {r.name: r for r in review.returns}
    for change in review.changes:
        returned = returns[change.file]
        spec = SPECS[change.part]
        key = (spec.name, change.mechanism, change.target if change.target is not None
               else f"new-{change.group}")
        edit = edits.get(key)
        if edit is None:
            sent = {name: returned.update[name].value for name in form.SENDER}
            acronym = source.facts(change.mechanism)["acronym"] or change.mechanism
            edit = edits[key] = RowEdit(spec, change.target, provenance=provenance(
                returned.name, acronym, sent["sent_by"], sent["sent_on"] or collected))
            if change.target is None:
                edit.values["mechanism_id"] = change.mechanism
                if spec is UPDATES:  # a new update: its year, and the workbook it is from
                    edit.values["year"] = review.year
                    edit.values["source"] = f"{edit.provenance}: {returned.name}"
        edit.values[change.column] = change.new
    return list(edits.values())


def apply(source: Source, review: Review, inputs_dir: Path, collected: dt.date
          ) -> tuple[Path, ...]:
    """Merge the review's changes into the input workbooks; the files written. Raises
    InputError, writing nothing, when a workbook cannot be rewritten as it is, and
    ValidationFailed when the merged inputs would not validate."""
    edits = row_edits(source, review, collected)
    if not edits:
        return ()
    merged = merged_bytes(source, edits, inputs_dir)
    with tempfile.TemporaryDirectory() as scratch:
        copied = Path(scratch) / inputs_dir.name
        shutil.copytree(inputs_dir, copied, ignore=shutil.ignore_patterns(".*", "~$*"))
        for path, data in merged.items():
            (copied / path.name).write_bytes(data)
        read_source(copied, review.year)  # raises ValidationFailed: nothing is written
    return tuple(atomically(path, write_bytes, data=data) for path, data in sorted(merged.items()))


def table_file(source: Source, spec: TableSpec, inputs_dir: Path) -> tuple[Path, str]:
    """The workbook and sheet of a table: where the build read it; a new updates.xlsx for
    the updates of inputs that have none."""
    raw = source.raw.tables.get(spec.name)
    if raw is None:
        return inputs_dir / spec.workbook, spec.name
    return raw.path, raw.sheet


def merged_bytes(source: Source, edits: list[RowEdit], inputs_dir: Path) -> dict[Path, bytes]:
    """Each workbook changed, as bytes, checked to read as before but for the cells
    written."""
    by_file: dict[tuple[Path, str], list[RowEdit]] = {}
    for edit in edits:
        by_file.setdefault(table_file(source, edit.spec, inputs_dir), []).append(edit)
    merged: dict[Path, bytes] = {}
    books: dict[Path, openpyxl.Workbook] = {}
    written: dict[Path, set[tuple[str, int, int]]] = {}
    for (path, sheet), table_edits in by_file.items():
        book = books.get(path) or books.setdefault(path, open_workbook(path, table_edits[0]))
        table = next((t for t in locate_tables(book, path.name) if t.sheet == sheet), None)
        if table is None:
            raise InputError(R_("{file} › {sheet}: its table could not be found again to "
                                "write into: nothing was applied.", file=path.name,
                                sheet=sheet))
        writer = TableWriter(book[sheet], table)
        for edit in table_edits:
            writer.write(edit)
        written.setdefault(path, set()).update((sheet, row, column)
                                               for row, column in writer.written)
    for path, book in books.items():
        merged[path] = checked_bytes(path, book, written[path])
    return merged


def open_workbook(path: Path, edit: RowEdit) -> openpyxl.Workbook:
    """An input workbook to write into, refused when saving it again would lose what
    openpyxl does not keep; a new one, headed by the contract, for a table the inputs lack
    (the updates)."""
    if not path.exists():
        book = openpyxl.Workbook()
        book.active.title = edit.spec.name
        book.active.append([column.name for column in edit.spec.template_columns])
        book.active.freeze_panes = "A2"
        return book
    if path.suffix.lower() != ".xlsx":
        raise InputError(R_("{file}: make collect writes into .xlsx workbooks only: save it as "
                            ".xlsx (Excel or LibreOffice: Save As), then collect again. Nothing "
                            "was applied.", file=path.name))
    if safety.unkept_parts(path):
        raise InputError(R_("{file} holds charts, pictures, pivot tables or macros, which "
                            "writing into it would lose: nothing was applied. Type the changes "
                            "the review lists into it yourself.", file=path.name))
    return openpyxl.load_workbook(path, rich_text=True)


class TableWriter:
    """Writes row edits into one table of a sheet."""

    def __init__(self, sheet, table: PlacedTable):
        self.sheet, self.table = sheet, table
        self.columns = {column.name: number for number, column in table.columns}
        self.written: set[tuple[int, int]] = set()
        self.last = last_row(sheet, table)

    def write(self, edit: RowEdit) -> None:
        row = edit.target
        if row is None:
            self.last += 1
            row = self.last
            self.formatted_as_above(row)
        for name, value in edit.values.items():
            self.put(row, edit.spec.column(name), value)
        source = self.sheet.cell(row=row, column=self.number("source")).value
        if edit.spec is not UPDATES or edit.target is not None:
            before = clean_text(source) if source is not None else ""
            if edit.provenance and not before.endswith(edit.provenance):
                self.put(row, edit.spec.column("source"),
                         f"{before}; {edit.provenance}" if before else edit.provenance)

    def number(self, name: str) -> int:
        """A column's number; one the sheet lacks is added after its last header, headed
        by the contract's name, formatted as the header before it."""
        if name not in self.columns:
            header_row = self.table.header_row
            number = max(self.columns.values()) + 1
            while self.sheet.cell(row=header_row, column=number).value not in (None, ""):
                number += 1
            cell = self.sheet.cell(row=header_row, column=number, value=name)
            cell._style = copy(self.sheet.cell(row=header_row, column=number - 1)._style)
            self.columns[name] = number
            self.written.add((header_row, number))
        return self.columns[name]

    def put(self, row: int, column: Column, value: object) -> None:
        number = self.number(column.name)
        cell = self.sheet.cell(row=row, column=number)
        cell.value = cell_value(column, value)
        if isinstance(cell.value, str):
            cell.data_type = "s"  # a text stays text, never a formula
        elif column.kind is DATE and cell.value is not None:
            cell.number_format = DATE.number_format
        self.written.add((row, number))

    def formatted_as_above(self, row: int) -> None:
        """A new row takes the formats of the row above it, in the table's columns."""
        if row - 1 <= self.table.header_row:
            return
        for number in self.columns.values():
            above = self.sheet.cell(row=row - 1, column=number)
            if above.has_style:
                self.sheet.cell(row=row, column=number)._style = copy(above._style)


def cell_value(column: Column, value: object) -> object:
    """A written value (form.written) as the cell holds it: a date as a date, a year or a
    number as a number, a text as written."""
    if value is None:
        return None
    if column.kind is DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if column.kind in (YEAR, WHOLE_NUMBER) and isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def last_row(sheet, table: PlacedTable) -> int:
    """The last row holding anything in the table's columns (the header row if none)."""
    numbers = [number for number, _ in table.columns]
    for row in range(sheet.max_row, table.header_row, -1):
        if any(sheet.cell(row=row, column=n).value not in (None, "") for n in numbers):
            return row
    return table.header_row


def checked_bytes(path: Path, book: openpyxl.Workbook, written: set[tuple[str, int, int]]
                  ) -> bytes:
    """The workbook saved, as bytes; refused (InputError) when it would read differently
    anywhere but in the cells written (formulas whose values openpyxl does not keep)."""
    stamp = book.properties.created or SAVED
    with tempfile.TemporaryDirectory() as scratch:
        saved = save_workbook(book, Path(scratch) / path.name, stamp)
        after = {grid.sheet: grid for grid in ingest.read_file(saved)[0]}
        data = saved.read_bytes()
    if not path.exists():
        return data
    for grid in ingest.read_file(path)[0]:
        kept = after.get(grid.sheet)
        cells = {(row - 1, column - 1) for sheet, row, column in written if sheet == grid.sheet}
        if kept is None or not same_but(grid.cells, kept.cells, cells) \
                or kept.merges != grid.merges or kept.hidden_rows != grid.hidden_rows:
            raise InputError(R_("{file} › {sheet}: writing the changes would change what the "
                                "build reads elsewhere in it (formulas lose their values, for "
                                "one), so nothing was applied. Replace formulas by their "
                                "values, then collect again.", file=path.name,
                                sheet=grid.sheet))
    return data


def same_but(before: pd.DataFrame, after: pd.DataFrame, written: set[tuple[int, int]]) -> bool:
    """Whether two grids hold the same cells, but for those written (0-based)."""
    rows = max(before.shape[0], after.shape[0])
    columns = max(before.shape[1], after.shape[1])
    grown = [frame.reindex(index=range(rows), columns=range(columns), fill_value="")
             for frame in (before.set_axis(range(before.shape[1]), axis=1),
                           after.set_axis(range(after.shape[1]), axis=1))]
    differs = grown[0].ne(grown[1])
    for row, column in written:
        if row < rows and column < columns:
            differs.iat[row, column] = False
    return not differs.to_numpy().any()

