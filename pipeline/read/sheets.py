"""Cut an input table out of a grid of cells: the data under its header row.

Merged cells are expanded, blank rows and columns dropped, columns without a
header reported when they hold values, rows of totals or notes under the data
set aside, hidden rows reported: what was repaired or set aside is reported,
never silent. Cells are kept as read; parsing them is validate's job.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils.cell import get_column_letter

from ..contract.schema import TableSpec
from ..errors import Problem
from ..model import RawTable
from ..utils.frames import parse_distinct
from ..utils.text import clean_text, header_key, is_blank
from ..wording import R_, Text
from . import readers
from .headers import HEADER_SEARCH_ROWS, find_header_row, header_map, name_columns

FOOTER_WORDS = frozenset(header_key(w) for w in (
    "total", "totals", "subtotal", "sum", "somme", "sous-total", "suma", "subtotal",
    "note", "notes", "nota", "notas", "N.B.", "source", "sources", "fuente", "fuentes",
    "remarque", "remarques", "observación", "observaciones", "comment", "comments"))
"""First words of a row of totals or notes under the data."""


def read_table(spec: TableSpec, path: Path, grid: readers.Grid
               ) -> tuple[RawTable | None, list[Problem], Counter]:
    """Cut the table out of a grid: headers, merged cells, blank and footer rows."""
    cells, sheet = grid.cells, grid.sheet
    header_row, _ = find_header_row(cells, header_map(spec))
    counts: Counter[str] = Counter()
    if header_row is None:
        return None, [Problem(path.name, sheet, code="no-header-row",
                              message=R_("no header row found in the first {rows} rows",
                                         rows=HEADER_SEARCH_ROWS),
                              hint=R_("Put the column headers (id, acronym, …) in one row "
                                      "above the data; see docs/inputs.md."))], counts
    located = partial(locate, path.name, sheet)
    headers, positions, problems, ignored = name_columns(spec, cells.iloc[header_row], located,
                                                         header_row + 1)
    body = cells.iloc[header_row + 1:].copy()
    problems += expand_merges(body, grid.merges, header_row, positions, cells.iloc[header_row],
                              located)
    blank_cells = blank_frame(body)
    problems += unread_columns(cells.iloc[header_row], blank_cells, positions, located, counts)
    frame = body.iloc[:, list(positions.values())]
    frame.columns = list(positions)
    frame.index = frame.index + 1  # Excel row numbers
    for column in spec.columns:  # optional columns may be absent: blank everywhere
        if column.name not in frame.columns:
            frame[column.name] = ""
    frame = frame[[c.name for c in spec.columns]]
    blank = blank_cells.iloc[:, list(positions.values())].all(axis=1).to_numpy()
    counts["blank rows dropped"] += int(blank.sum())
    frame = frame[~blank]
    as_written = frame[list(positions)]  # a totals row opens with the sheet's first column
    footers = footer_rows(as_written, [c.name for c in spec.columns
                                       if c.required and c.name in positions])
    for row in footers:
        problems.append(located(row, headers[first_filled(as_written.loc[row])], "footer-row",
                                R_("looks like a row of totals or notes under the data, so it "
                                   "is not read"),
                                R_("If it is data, fill in its required columns; otherwise "
                                   "move it to another sheet."),
                                first_value(as_written.loc[row]), "warning"))
    frame = frame.drop(index=footers)
    problems += hidden_row_warnings(grid.hidden_rows, frame.index, located)
    table = RawTable(spec.name, path, sheet, frame, headers, header_row + 1, tuple(ignored))
    return table, problems, counts


def locate(file: str, sheet: str, row: int, column: str | Text, code: str, message: Text,
           hint: Text, value: object = "", severity: str = "error") -> Problem:
    """A problem in a sheet, located as the editor sees it."""
    # int(): row numbers taken from a frame's index are numpy integers, which JSON refuses.
    return Problem(file, sheet, int(row), column, code, severity, clean_text(value), message,
                   hint)


def blank_cell(value: object) -> bool:
    """Blank as an editor sees it: empty, or only spaces (non-breaking ones too)."""
    return value == "" or value is None or (type(value) is str and not clean_text(value))


def blank_frame(cells: pd.DataFrame) -> pd.DataFrame:
    """Which cells are blank, decided once per distinct value of each column."""
    columns = {}
    for name in cells.columns:
        codes, blanks = parse_distinct(cells[name], blank_cell)
        columns[name] = np.array(blanks, dtype=bool)[codes] if blanks else codes.astype(bool)
    return pd.DataFrame(columns, index=cells.index)


def unread_columns(header: pd.Series, blank_cells: pd.DataFrame, positions: dict[str, int],
                   located, counts: Counter) -> list[Problem]:
    """Columns without a header: dropped when blank, reported when they hold values.

    (Columns whose header the contract does not know are reported by validate.)
    """
    problems = []
    for position in range(len(header)):
        if position in positions.values() or clean_text(header.iloc[position]):
            continue
        filled = blank_cells.index[~blank_cells.iloc[:, position]]
        if filled.empty:
            counts["blank columns dropped"] += 1
            continue
        letter = get_column_letter(position + 1)
        problems.append(located(int(filled[0]) + 1, R_("column {letter}", letter=letter),
                                "unnamed-column",
                                R_("column {letter} has values but no header, so it is not "
                                   "read", letter=letter),
                                R_("Give it a header from docs/inputs.md if it should be read, "
                                   "or delete it."), severity="warning"))
    return problems


def expand_merges(body: pd.DataFrame, merges, header_row: int, positions: dict[str, int],
                  header: pd.Series, located) -> list[Problem]:
    """Give every cell of a merged range the range's value (in place); warn when it is read."""
    problems = []
    used = {p: clean_text(header.iloc[p]) for p in positions.values()}
    for first_row, first_col, last_row, last_col in merges:
        if last_row <= header_row:
            continue  # titles above the headers
        if first_row - header_row > len(body) or first_col >= body.shape[1]:
            continue  # formatting right of or below the cells that hold data: no value
        value = body.iat[first_row - header_row - 1, first_col] if first_row > header_row else ""
        for row in range(max(first_row, header_row + 1), last_row + 1):
            for col in range(first_col, min(last_col, body.shape[1] - 1) + 1):
                if row - header_row - 1 < len(body):
                    body.iat[row - header_row - 1, col] = value
        read = [p for p in range(first_col, last_col + 1) if p in used]
        if read:
            span = (f"{get_column_letter(first_col + 1)}{first_row + 1}:"
                    f"{get_column_letter(last_col + 1)}{last_row + 1}")
            problems.append(located(first_row + 1, used[read[0]], "merged-cells",
                                    R_("cells {span} are merged; their value is repeated in "
                                       "each of them", span=span),
                                    R_("Check that this is what was meant; unmerge the cells "
                                       "to silence this warning."), value, "warning"))
    return problems


def is_footer(record: pd.Series) -> bool:
    """A row of totals or notes: it opens with 'Total', 'Note', '*'…, or is one lone
    number or sentence where the table has several columns."""
    values = [clean_text(v) for v in record if not is_blank(v)]
    if not values:
        return False
    words = values[0].split()
    if values[0].startswith("*") or header_key(words[0]) in FOOTER_WORDS:
        return True
    return len(values) == 1 and (values[0].replace(".", "").isdigit() or len(words) >= 5)


def footer_rows(frame: pd.DataFrame, required: list[str]) -> list[int]:
    """Rows of totals or notes at the bottom of a table (Excel row numbers); a row with
    every required column filled is data, whatever its first words."""
    footers = []
    for row in reversed(frame.index):
        record = frame.loc[row]
        if not is_footer(record) or required and not any(map(is_blank, record[required])):
            break
        footers.append(row)
    return sorted(footers)


def first_filled(record: pd.Series) -> str:
    return next(name for name, value in record.items() if not is_blank(value))


def first_value(record: pd.Series) -> object:
    return record[first_filled(record)]


def hidden_row_warnings(hidden: set[int], rows: pd.Index, located) -> list[Problem]:
    """One warning per run of hidden rows that hold data: they are read all the same."""
    problems = []
    data_rows = sorted(set(rows) & hidden)
    runs: list[list[int]] = []
    for row in data_rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    for run in runs:
        message = (R_("row {row} is hidden in the spreadsheet but read like the others",
                      row=run[0]) if len(run) == 1 else
                   R_("rows {first}–{last} are hidden in the spreadsheet but read like the "
                      "others", first=run[0], last=run[-1]))
        problems.append(located(run[0], "", "hidden-row", message,
                                R_("Unhide the rows to check them; delete them if they should "
                                   "not count."), severity="warning"))
    return problems
