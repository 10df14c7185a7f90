"""Read the input files into RawTables. The only stage that reads inputs.

Every file in inputs/ (.xlsx, .xlsm, .ods, .csv; lock files and hidden files
skipped) is first checked by ``safety`` and read into grids by ``readers``.
Each grid is then matched to a contract table by its sheet name (any alias in
schema.py; for a CSV file, its file name) or, failing that, by its headers,
and the table is cut out of it: the header row found by its contents
(headers.py), merged cells expanded, blank rows and columns dropped, rows of
totals or notes under the data set aside. Cells are kept as read; parsing
them is validate's job. What was repaired or set aside is reported, never
silent.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils.cell import get_column_letter

from . import formats, readers, safety
from .errors import InputError, Problem
from .frames import parse_distinct
from .headers import HEADER_SEARCH_ROWS, find_header_row, header_map, name_columns
from .model import RawTable, RawTables
from .schema import IGNORED_SHEETS, TABLES, TableSpec
from .text import clean_text, header_key, is_blank

FOOTER_WORDS = frozenset(header_key(w) for w in (
    "total", "totals", "subtotal", "sum", "somme", "sous-total", "suma", "subtotal",
    "note", "notes", "nota", "notas", "N.B.", "source", "sources", "fuente", "fuentes",
    "remarque", "remarques", "observación", "observaciones", "comment", "comments"))
"""First words of a row of totals or notes under the data."""


def read_inputs(inputs_dir: Path) -> RawTables:
    """Find and read every contract table in the files of inputs_dir."""
    safety.assert_defusedxml_active()
    files = find_input_files(inputs_dir)
    if not files:
        raise InputError(f"No spreadsheet in {inputs_dir}: put mechanisms.xlsx and "
                         "meetings.xlsx there (see docs/inputs.md).")
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    counts: Counter[str] = Counter()
    refused = False
    identified: set[str] = set()
    for path in files:
        grids, refusals = read_file(path)
        problems += refusals
        refused = refused or bool(refusals)
        for grid in grids:
            spec = identify_table(path, grid)
            if spec is None:
                counts["sheets ignored (not input tables)"] += 1
                continue
            identified.add(spec.name)
            table, found, table_counts = read_table(spec, path, grid)
            problems += found
            counts.update(table_counts)
            if table is None:
                continue
            if spec.name in tables:
                first = tables[spec.name]
                problems.append(Problem(
                    path.name, grid.sheet, code="duplicate-table",
                    message=f"the {spec.name} table is defined twice: in "
                            f"{where(first.file, first.sheet)} and in "
                            f"{where(path.name, grid.sheet)}",
                    hint="Keep one of the two (merge their rows if need be) and move the "
                         "other out of inputs/."))
                continue
            tables[spec.name] = table
    if not refused:  # a refused file may hold the table: do not add noise
        problems += [Problem(spec.workbook, spec.name, code="missing-table",
                             message=f"no sheet or file holding the {spec.name} table was "
                                     f"found in {inputs_dir.name}/",
                             hint=f"Add a sheet '{spec.name}' to {spec.workbook} with the "
                                  "headers listed in docs/inputs.md.")
                     for spec in TABLES if spec.name not in identified]
    return RawTables(tables, tuple(problems), tuple(sorted((k, n) for k, n in counts.items() if n)))


def where(file: str, sheet: str) -> str:
    return f"{file} › {sheet}" if sheet else file


def find_input_files(inputs_dir: Path) -> list[Path]:
    """Input files in inputs_dir, in name order; Office lock files and hidden files skipped."""
    return sorted(p for p in inputs_dir.iterdir() if formats.is_input(p))


FORMATS: dict[str, formats.InputFormat] = {
    "xlsx": formats.InputFormat(partial(safety.check_workbook, kind="xlsx"),
                                partial(readers.read_workbook,
                                        add_metadata=readers.add_xlsx_metadata)),
    "ods": formats.InputFormat(partial(safety.check_workbook, kind="ods"),
                               partial(readers.read_workbook,
                                       add_metadata=readers.add_ods_metadata)),
    "csv": formats.InputFormat(safety.check_text, readers.read_csv_grids),
    "xls": formats.InputFormat(safety.refuse_old_xls, lambda path: []),  # never read
}
"""Each kind of input file (formats.KINDS): its safety check and its reader."""


def check_file(path: Path) -> list[Problem]:
    """Problems that make a file unreadable; empty when it is safe to hand to a reader."""
    return safety.check_size(path) or FORMATS[formats.kind_of(path)].check(path)


def read_file(path: Path) -> tuple[list[readers.Grid], list[Problem]]:
    """The grids of a file, or the problems that stopped it from being read."""
    refusals = check_file(path)
    if refusals:
        return [], refusals
    try:
        return FORMATS[formats.kind_of(path)].read(path), []
    except readers.ReadError as error:
        hint = ("Save it again as CSV UTF-8 (Excel: File › Save As › CSV UTF-8)."
                if error.code == "bad-encoding" else safety.RECOPY_HINT)
        return [], [Problem(path.name, code=error.code, message=f"could not be read: {error}",
                            hint=hint)]


def identify_table(path: Path, grid: readers.Grid) -> TableSpec | None:
    """The contract table a grid holds: by sheet (or CSV file) name, else by its headers."""
    key = header_key(grid.sheet or path.stem)
    if key in IGNORED_SHEETS:
        return None
    for spec in TABLES:
        if key in {header_key(alias) for alias in spec.sheet_aliases}:
            return spec
    scores = {}
    for spec in TABLES:
        _, known = find_header_row(grid.cells, header_map(spec))
        required = sum(1 for c in spec.columns if c.required and c.name in known)
        scores[spec.name] = (required, len(known))
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (name, best), (_, runner_up) = ranked[0], ranked[1]
    if best[0] < 2 or best == runner_up:
        return None
    return next(spec for spec in TABLES if spec.name == name)


def read_table(spec: TableSpec, path: Path, grid: readers.Grid
               ) -> tuple[RawTable | None, list[Problem], Counter]:
    """Cut the table out of a grid: headers, merged cells, blank and footer rows."""
    cells, sheet = grid.cells, grid.sheet
    header_row, _ = find_header_row(cells, header_map(spec))
    counts: Counter[str] = Counter()
    if header_row is None:
        return None, [Problem(path.name, sheet, code="no-header-row",
                              message=f"no header row found in the first {HEADER_SEARCH_ROWS} "
                                      "rows",
                              hint="Put the column headers (id, acronym, …) in one row "
                                   "above the data; see docs/inputs.md.")], counts
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
    footers = footer_rows(frame)
    for row in footers:
        problems.append(located(row, headers[first_filled(frame.loc[row])], "footer-row",
                                "looks like a row of totals or notes under the data, so it "
                                "is not read", "If it is data, fill in its required columns; "
                                "otherwise move it to another sheet.",
                                first_value(frame.loc[row]), "warning"))
    frame = frame.drop(index=footers)
    problems += hidden_row_warnings(grid.hidden_rows, frame.index, located)
    table = RawTable(spec.name, path, sheet, frame, headers, header_row + 1, tuple(ignored))
    return table, problems, counts


def locate(file: str, sheet: str, row: int, column: str, code: str, message: str, hint: str,
           value: object = "", severity: str = "error") -> Problem:
    """A problem in a sheet, located as the editor sees it."""
    return Problem(file, sheet, row, column, code, severity, clean_text(value), message, hint)


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
        problems.append(located(int(filled[0]) + 1, f"column {letter}", "unnamed-column",
                                f"column {letter} has values but no header, so it is not read",
                                "Give it a header from docs/inputs.md if it should be read, "
                                "or delete it.", severity="warning"))
    return problems


def expand_merges(body: pd.DataFrame, merges, header_row: int, positions: dict[str, int],
                  header: pd.Series, located) -> list[Problem]:
    """Give every cell of a merged range the range's value (in place); warn when it is read."""
    problems = []
    used = {p: clean_text(header.iloc[p]) for p in positions.values()}
    for first_row, first_col, last_row, last_col in merges:
        if last_row <= header_row:
            continue  # titles above the headers
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
                                    f"cells {span} are merged; their value is repeated in "
                                    "each of them", "Check that this is what was meant; "
                                    "unmerge the cells to silence this warning.", value,
                                    "warning"))
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


def footer_rows(frame: pd.DataFrame) -> list[int]:
    """Rows of totals or notes at the bottom of a table (Excel row numbers)."""
    footers = []
    for row in reversed(frame.index):
        if not is_footer(frame.loc[row]):
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
        span = f"row {run[0]} is" if len(run) == 1 else f"rows {run[0]}–{run[-1]} are"
        problems.append(located(run[0], "", "hidden-row",
                                f"{span} hidden in the spreadsheet but read like the others",
                                "Unhide the rows to check them; delete them if they should "
                                "not count.", severity="warning"))
    return problems
