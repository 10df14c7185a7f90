"""Read the input spreadsheets into RawTables. The only stage that reads inputs.

Tables are found by sheet name (any alias in schema.py), then their header row
by its contents, so a title row above the headers does no harm. Cells are kept
as read (strings, numbers, dates); parsing them is normalise's job.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import InputError, Problem
from .model import RawTable, RawTables
from .schema import TABLES, TableSpec, header_key

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".ods")
HEADER_SEARCH_ROWS = 30
"""How far down a sheet the header row may be."""


def read_inputs(inputs_dir: Path) -> RawTables:
    """Find and read every contract table in the spreadsheets of inputs_dir."""
    files = find_input_files(inputs_dir)
    if not files:
        raise InputError(f"No spreadsheet in {inputs_dir}: put mechanisms.xlsx and "
                         "meetings.xlsx there (see docs/inputs.md).")
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    blank_rows = 0
    for path in files:
        for sheet, cells in read_sheets(path).items():
            spec = table_for_sheet(sheet)
            if spec is None:
                continue
            table, table_problems, dropped = read_table(spec, path, sheet, cells)
            problems += table_problems
            blank_rows += dropped
            if table is None:
                continue
            if spec.name in tables:
                first = tables[spec.name]
                problems.append(Problem(
                    path.name, sheet, code="duplicate-table",
                    message=f"the {spec.name} table is also in {first.file} › {first.sheet}",
                    hint="Keep one of them and remove or rename the other sheet."))
                continue
            tables[spec.name] = table
    for spec in TABLES:
        if spec.name not in tables:
            problems.append(Problem(
                spec.workbook, spec.name, code="missing-table",
                message=f"no sheet named '{spec.name}' was found in {inputs_dir.name}/",
                hint=f"Add a sheet '{spec.name}' to {spec.workbook} with the headers "
                     "listed in docs/inputs.md."))
    return RawTables(tables, tuple(problems), (("blank rows dropped", blank_rows),))


def find_input_files(inputs_dir: Path) -> list[Path]:
    """Spreadsheets in inputs_dir, in name order; Office lock files and hidden files skipped."""
    return sorted(
        p for p in inputs_dir.iterdir()
        if p.is_file() and p.suffix.lower() in SPREADSHEET_SUFFIXES
        and not p.name.startswith(("~$", "."))
    )


def read_sheets(path: Path, engine: str = "calamine") -> dict[str, pd.DataFrame]:
    """Every sheet of a workbook as a grid of cells; row i is Excel row i + 1.

    calamine (Rust) reads the 100x benchmark inputs several times faster than openpyxl.
    """
    try:
        return pd.read_excel(path, sheet_name=None, header=None, engine=engine,
                             dtype=object, keep_default_na=False, na_filter=False)
    except Exception as error:  # calamine raises its own types for damaged files
        raise InputError(f"{path.name} could not be read as a spreadsheet ({error}). "
                         "Open it in Excel or LibreOffice and save it again as .xlsx.") from error


def table_for_sheet(sheet: str) -> TableSpec | None:
    """The contract table a sheet holds, by its name; None for other sheets (notes…)."""
    key = header_key(sheet)
    for spec in TABLES:
        if key in {header_key(alias) for alias in spec.sheet_aliases}:
            return spec
    return None


def header_map(spec: TableSpec) -> dict[str, str]:
    """Folded header or alias -> canonical column name."""
    mapping: dict[str, str] = {}
    for column in spec.columns:
        for alias in column.aliases:
            mapping.setdefault(header_key(alias), column.name)
    # Canonical names win over another column's alias ('name' vs 'name_en').
    mapping.update({header_key(c.name): c.name for c in spec.columns})
    return mapping


def find_header_row(cells: pd.DataFrame, mapping: dict[str, str]) -> int | None:
    """Index of the first row with at least two known headers."""
    for i in range(min(HEADER_SEARCH_ROWS, len(cells))):
        known = {mapping.get(header_key(v)) for v in cells.iloc[i] if str(v).strip()}
        known.discard(None)
        if len(known) >= 2:
            return i
    return None


def read_table(spec: TableSpec, path: Path, sheet: str, cells: pd.DataFrame
               ) -> tuple[RawTable | None, list[Problem], int]:
    """Cut the table out of a sheet: locate headers, name columns, drop blank rows."""
    mapping = header_map(spec)
    header_row = find_header_row(cells, mapping)
    if header_row is None:
        return None, [Problem(path.name, sheet, code="no-header-row",
                              message=f"no header row found in the first {HEADER_SEARCH_ROWS} "
                                      "rows",
                              hint="Put the column headers (id, acronym, …) in one row "
                                   "above the data; see docs/inputs.md.")], 0
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    for position, written in enumerate(cells.iloc[header_row]):
        text = str(written).strip()
        if not text:
            continue
        name = mapping.get(header_key(text))
        if name is None:
            ignored.append(text)
        elif name in headers:
            problems.append(Problem(path.name, sheet, header_row + 1, text, "duplicate-column",
                                    message=f"a second column for '{name}' "
                                            f"(the first is '{headers[name]}')",
                                    hint="Delete or rename one of the two columns."))
        else:
            headers[name] = text
            positions[name] = position
    for column in spec.columns:
        if column.required and column.name not in headers:
            problems.append(Problem(path.name, sheet, header_row + 1, column.name,
                                    "missing-column",
                                    message=f"the required column '{column.name}' is missing",
                                    hint=f"Add a column headed '{column.name}' "
                                         f"({column.help})"))
    body = cells.iloc[header_row + 1:, list(positions.values())]
    body.columns = list(positions)
    body.index = body.index + 1  # Excel row numbers
    for column in spec.columns:  # optional columns may be absent: blank everywhere
        if column.name not in body.columns:
            body[column.name] = ""
    body = body[[c.name for c in spec.columns]]
    # A row is blank if every cell is; stop at its first filled cell (one, usually).
    blank = pd.Series([all(str(v).strip() == "" for v in row)
                       for row in body.itertuples(index=False, name=None)],
                      index=body.index, dtype=bool)
    table = RawTable(spec.name, path, sheet, body[~blank], headers, header_row + 1,
                     tuple(ignored))
    return table, problems, int(blank.sum())
