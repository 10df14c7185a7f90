"""Read a returned update workbook, with the safety of every input, against its stamp.

A return comes from outside: it is checked as every input file is (read/safety.py: size,
what it really is, zip bombs, XML entities) and, more strictly, it may hold no macros,
no links or objects that reach outside it, and no formulas: a secretariat sends values.
Then its stamp (stamp.py) must be whole, its sheets and headers as the stamp names them,
and the current values it showed as they were: a workbook edited past its open cells is
refused, with one message that says what was changed. What it holds is read as written
(form.written), each pre-filled row by its number, each row added below them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pandas as pd
from openpyxl.utils import get_column_letter

from ..errors import Problem
from ..read import ingest, readers, safety
from ..utils.text import clean_text
from ..wording import R_, Text
from . import form
from .stamp import BrokenStamp, Stamp
from .stamp import read as read_stamp

SUFFIXES = (".xlsx", ".xlsm", ".ods")
"""The returns read: workbooks (a macro-enabled one only to be refused)."""


@dataclass(frozen=True)
class Cell:
    """A value of a return, where it is: its Excel row, as read and as written."""

    row: int
    value: object
    """As the round trip compares it (form.written); None when blank."""
    read: object
    """As the cell holds it, for the contract's parser."""


@dataclass(frozen=True)
class ReturnedRow:
    """A row of the participants or meetings: a pre-filled one (its ref), or one added."""

    ref: int | None
    row: int
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Return:
    """A returned workbook, read against its stamp."""

    path: Path
    stamp: Stamp
    facts: dict[str, Cell]
    """The corrections written (a blank correction: no change)."""
    participants: tuple[ReturnedRow, ...]
    meetings: tuple[ReturnedRow, ...]
    update: dict[str, Cell]
    """The narrative and who sent it when, as the workbook holds them now."""
    labels: dict[str, str]
    """Each fact and each part of the update (by contract column) -> its label, as the
    workbook's first column shows it (how a problem names the row)."""

    @property
    def name(self) -> str:
        return self.path.name

    def rows(self, part: str) -> tuple[ReturnedRow, ...]:
        return self.participants if part == "participants" else self.meetings

    def prefilled(self, part: str):
        return self.stamp.participants if part == "participants" else self.stamp.meetings

    @property
    def edited(self) -> bool:
        """Whether the secretariat wrote anything: a correction, a row changed or added,
        the narrative or its sender."""
        if self.facts or any(cell.value != self.stamp.update.get(name)
                             for name, cell in self.update.items()):
            return True
        for part in ("participants", "meetings"):
            before = {row.ref: row.values for row in self.prefilled(part)}
            for row in self.rows(part):
                if row.ref is None or any(cell.value != before[row.ref].get(name)
                                          for name, cell in row.cells.items()):
                    return True
        return False


def find_returns(folder: Path) -> list[Path]:
    """The workbooks of the returns folder, in name order, in its subfolders too; lock
    files and hidden files skipped."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*")
                  if path.is_file() and path.suffix.lower() in SUFFIXES
                  and not any(part.startswith(("~$", "."))
                              for part in path.relative_to(folder).parts))


def refuse(name: str, code: str, message: Text, hint: Text, sheet: str = "",
           column: str = "") -> Problem:
    return Problem(name, sheet, column=column, code=code, message=message, hint=hint)


def read_return(path: Path, name: str | None = None) -> tuple[Return | None, list[Problem]]:
    """A returned workbook, or the one problem that stops it from being read (name: how
    the messages name it, its path under the returns folder)."""
    name = name or path.name
    refusals = ingest.check_file(path) or (safety.check_active_content(path)
                                          if path.suffix.lower() in SUFFIXES else [])
    if refusals:
        return None, [Problem(name, p.sheet, p.row, p.column, p.code, p.severity, p.value,
                              *(dict(p.texts).get(key, getattr(p, key))
                                for key in ("message", "hint")))
                      for p in refusals[:1]]
    grids, problems = ingest.read_file(path)
    if problems:
        return None, problems[:1]
    sheets = {grid.sheet: grid.cells for grid in grids}
    if form.STAMP_SHEET not in sheets:
        return None, [refuse(name, "not-a-return",
                             R_("is not an update workbook made by make requests (it has no "
                                "stamp)"),
                             R_("Collect only the workbooks make requests wrote, as the "
                                "secretariats returned them; move this one out of the returns "
                                "folder."))]
    try:
        stamp = read_stamp(list(sheets[form.STAMP_SHEET].iloc[:, 0]))
    except BrokenStamp:
        return None, [broken(name)]
    if found := formulas(path):
        sheet, cells = found
        return None, [refuse(name, "formula",
                             R_("holds formulas ({cells}), where a return holds values",
                                cells=", ".join(cells[:5])),
                             R_("Ask the sender to type the values instead of the formulas "
                                "(or copy the cells and paste them as values), and to send it "
                                "again."), sheet)]
    problem = check_structure(name, stamp, sheets)
    if problem is not None:
        return None, [problem]
    return parse(path, stamp, sheets, name)


def broken(name: str, sheet: str = "", what: Text | None = None) -> Problem:
    """A stamp that no longer matches the workbook: its hidden sheet edited, or the values it
    records changed where the workbook locks them."""
    return refuse(name, "stamp-mismatch",
                  what or R_("its stamp (the hidden record of what it was made from) has been "
                             "edited and no longer matches it"),
                  R_("Do not use it: make a new request for this mechanism (make requests "
                     "MECHANISMS=<id>) and ask the secretariat to fill that one in."), sheet)


def check_structure(name: str, stamp: Stamp, sheets: dict[str, pd.DataFrame]
                    ) -> Problem | None:
    """Every sheet the stamp names, headed as it says; the current values of the facts as
    they were. None when the workbook is as it was made."""
    for key, layout in stamp.sheets.items():
        if key == "instructions":
            continue
        cells = sheets.get(layout.title)
        if cells is None:
            return refuse(name, "renamed-header",
                          R_("has no sheet {sheet} (renamed or deleted)", sheet=layout.title),
                          R_("Ask the sender to restore the workbook as it was sent (sheets and "
                             "headers as they were), or copy its answers into a new request."))
        written = [clean_text(cells.iat[0, i]) if cells.shape[0] and i < cells.shape[1] else ""
                   for i in range(len(layout.headers))]
        for position, (expected, found) in enumerate(zip(layout.headers, written), start=1):
            if found != clean_text(expected):
                return refuse(name, "renamed-header",
                              R_("the header of column {letter} was changed from '{expected}' "
                                 "to '{found}'", letter=get_column_letter(position),
                                 expected=expected, found=found),
                              R_("Ask the sender to restore the header (the workbook is read "
                                 "by its structure), or put it back as it was yourself."),
                              layout.title, found)
    facts = sheets[stamp.sheets["facts"].title]
    part = form.PARTS["facts"]
    for row, name_ in enumerate(part.columns, start=1):
        value = form.written(part.column(name_), cell(facts, row, 1))
        if value != stamp.facts.get(name_):
            return broken(name, stamp.sheets["facts"].title,
                          R_("the current value of row {row} was changed (it is locked): the "
                             "workbook no longer matches its stamp", row=row + 1))
    return None


def cell(cells: pd.DataFrame, row: int, column: int) -> object:
    """A grid's cell by 0-based row and column, '' beyond its edges."""
    return cells.iat[row, column] if row < cells.shape[0] and column < cells.shape[1] else ""


def parse(path: Path, stamp: Stamp, sheets: dict[str, pd.DataFrame], name: str
          ) -> tuple[Return | None, list[Problem]]:
    """What the workbook holds, as written: the corrections, the rows, the narrative."""
    facts_sheet = sheets[stamp.sheets["facts"].title]
    facts = {}
    for row, column in enumerate(form.PARTS["facts"].columns, start=1):
        read = cell(facts_sheet, row, 2)
        value = form.written(form.PARTS["facts"].column(column), read)
        if value is not None:
            facts[column] = Cell(row + 1, value, read)
    rows: dict[str, tuple[ReturnedRow, ...]] = {}
    for key in ("participants", "meetings"):
        found, problem = read_rows(name, stamp, key, sheets[stamp.sheets[key].title])
        if problem is not None:
            return None, [problem]
        rows[key] = found
    update_sheet = sheets[stamp.sheets["update"].title]
    part = form.PARTS["update"]
    update = {column: Cell(row + 1, form.written(part.column(column), cell(update_sheet, row, 1)),
                           cell(update_sheet, row, 1))
              for row, column in enumerate(part.columns, start=1)}
    labels = {column: clean_text(cell(sheet, row, 0))
              for sheet, part in ((facts_sheet, form.PARTS["facts"]),
                                  (update_sheet, form.PARTS["update"]))
              for row, column in enumerate(part.columns, start=1)}
    return Return(path, stamp, facts, rows["participants"], rows["meetings"], update,
                  labels), []


def read_rows(name: str, stamp: Stamp, key: str, cells: pd.DataFrame
              ) -> tuple[tuple[ReturnedRow, ...], Problem | None]:
    """The rows of the participants or meetings that hold anything, each pre-filled one by
    its number (each number once, from the stamp), each added one without."""
    part = form.PARTS[key]
    refs = {row.ref for row in (stamp.participants if key == "participants" else stamp.meetings)}
    seen: set[int] = set()
    found = []
    for row in range(1, cells.shape[0]):
        read = {column: cell(cells, row, position)
                for position, column in enumerate(part.columns)}
        values = {column: Cell(row + 1, form.written(part.column(column), value), value)
                  for column, value in read.items()}
        ref = row_number(cell(cells, row, len(part.columns)))
        if ref is not None and (ref not in refs or ref in seen):
            return (), broken(name, stamp.sheets[key].title,
                              R_("row {row} is tied to no row the workbook was made with (its "
                                 "hidden column was edited)", row=row + 1))
        if ref is None and all(c.value is None for c in values.values()):
            continue
        if ref is not None:
            seen.add(ref)
        found.append(ReturnedRow(ref, row + 1, values))
    return tuple(found), None


def row_number(value: object) -> int | None:
    """A pre-filled row's number in its hidden column; None when blank; -1 when it is not a
    number (an edited cell: tied to no row)."""
    if value is None or clean_text(value) == "":
        return None
    text = clean_text(value)
    return int(text) if text.isdigit() else -1


def formulas(path: Path) -> tuple[str, list[str]] | None:
    """The first sheet of an .xlsx that holds formulas, and their cells; None when none
    does. (An .ods keeps its formulas in content.xml: the sheet is then not named.)"""
    with zipfile.ZipFile(path) as archive:
        if path.suffix.lower() == ".ods":
            data = archive.read("content.xml")
            return ("", ["table:formula"]) if b"table:formula=" in data else None
        for sheet, part in readers.xlsx_sheet_parts(archive).items():
            if part not in archive.namelist():
                continue
            data = archive.read(part)
            if not readers.has_any(data, (b"</f>", b":f>", b"<f ", b"<f/>")):
                continue
            cells = [element.get("r") for _, element in SafeET.iterparse(io.BytesIO(data))
                     if readers.local(element.tag) == "c"
                     and any(readers.local(child.tag) == "f" for child in element)]
            if cells:
                return sheet, cells
    return None


def holds_answers(path: Path) -> bool:
    """Whether a request already written may hold a secretariat's answers: anything written
    in it, or unreadable (kept rather than guessed at)."""
    returned, problems = read_return(path)
    return returned is None or returned.edited
