"""Read the input files into RawTables. The only stage that reads inputs.

Every file in inputs/ (.xlsx, .xlsm, .ods, .csv; lock files and hidden files
skipped) is first checked by ``safety`` and read into grids by ``readers``.
Each grid is then matched to a contract table by its sheet name (any alias in
schema.py; for a CSV file, its file name) or, failing that, by its headers,
and the table is cut out of it: the header row found by its contents below
any title rows or group headers, merged cells expanded, blank rows and columns
dropped, rows of totals or notes under the data set aside. A header that looks
like a misspelling of a contract column is an error, since that column would
not be read. Cells are kept as read; parsing them is validate's job. What was
repaired or set aside is reported, never silent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils.cell import get_column_letter
from rapidfuzz.distance import OSA

from . import readers, safety
from .errors import InputError, Problem
from .model import RawTable, RawTables
from .normalise import clean_text, is_blank, parse_distinct
from .schema import IGNORED_SHEETS, TABLES, TableSpec, header_key

INPUT_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv", ".xls")
"""Old .xls files are looked at only to say that they must be saved as .xlsx."""
HEADER_SEARCH_ROWS = 30
"""How far down a sheet the header row may be."""
FOOTER_WORDS = frozenset(header_key(w) for w in (
    "total", "totals", "subtotal", "sum", "somme", "sous-total", "suma", "subtotal",
    "note", "notes", "nota", "notas", "N.B.", "source", "sources", "fuente", "fuentes",
    "remarque", "remarques", "observación", "observaciones", "comment", "comments"))
"""First words of a row of totals or notes under the data."""
HEADER_HINT = re.compile(
    r"\s*[(\[](?:(?:[djmya]{1,4}[/.-]){2}[djmya]{1,4}|yyyy|aaaa|required|optional|obligatoire|"
    r"facultatif|obligatorio|opcional)[)\]]\s*$", re.IGNORECASE)
"""A note after a header that is not part of its name: 'Date de début (jj/mm/aaaa)',
'Title (required)'."""


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
    return sorted(
        p for p in inputs_dir.iterdir()
        if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
        and not p.name.startswith(("~$", ".", ".~lock"))
    )


def read_file(path: Path) -> tuple[list[readers.Grid], list[Problem]]:
    """The grids of a file, or the problems that stopped it from being read."""
    refusals = safety.check_file(path)
    if refusals:
        return [], refusals
    try:
        return readers.read_grids(path), []
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


def header_map(spec: TableSpec) -> dict[str, str]:
    """Folded header or alias -> canonical column name."""
    mapping: dict[str, str] = {}
    for column in spec.columns:
        for alias in column.aliases:
            mapping.setdefault(header_key(alias), column.name)
    # Canonical names win over another column's alias ('name' vs 'name_en').
    mapping.update({header_key(c.name): c.name for c in spec.columns})
    return mapping


def written_key(header: object) -> str:
    """A header cell folded for comparison, without a format or required note after it."""
    return header_key(HEADER_HINT.sub("", str(header)))


def find_header_row(cells: pd.DataFrame, mapping: dict[str, str]) -> tuple[int | None, set]:
    """Index of the header row and the columns it names: the first row with at least two
    known headers, or a row under it that knows more (that one held group headers)."""
    found: tuple[int | None, set] = (None, set())
    for i in range(min(HEADER_SEARCH_ROWS, len(cells))):
        known = known_headers(cells.iloc[i], mapping)
        if found[0] is not None and len(known) <= len(found[1]):
            break
        if len(known) >= 2:
            found = (i, known)
    return found


def known_headers(row: pd.Series, mapping: dict[str, str]) -> set[str]:
    """The contract columns a row of cells names."""
    known = {mapping.get(written_key(v)) for v in row if str(v).strip()}
    known.discard(None)
    return known


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
    as_written = frame[list(positions)]  # a totals row opens with the sheet's first column
    footers = footer_rows(as_written, [c.name for c in spec.columns
                                       if c.required and c.name in positions])
    for row in footers:
        problems.append(located(row, headers[first_filled(as_written.loc[row])], "footer-row",
                                "looks like a row of totals or notes under the data, so it "
                                "is not read", "If it is data, fill in its required columns; "
                                "otherwise move it to another sheet.",
                                first_value(as_written.loc[row]), "warning"))
    frame = frame.drop(index=footers)
    problems += hidden_row_warnings(grid.hidden_rows, frame.index, located)
    table = RawTable(spec.name, path, sheet, frame, headers, header_row + 1, tuple(ignored))
    return table, problems, counts


def locate(file: str, sheet: str, row: int, column: str, code: str, message: str, hint: str,
           value: object = "", severity: str = "error") -> Problem:
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
        problems.append(located(int(filled[0]) + 1, f"column {letter}", "unnamed-column",
                                f"column {letter} has values but no header, so it is not read",
                                "Give it a header from docs/inputs.md if it should be read, "
                                "or delete it.", severity="warning"))
    return problems


Located = Callable[..., Problem]
"""locate() with the file and sheet filled in."""


def name_columns(spec: TableSpec, header: pd.Series, located: Located, row: int
                 ) -> tuple[dict[str, str], dict[str, int], list[Problem], list[str]]:
    """Canonical name -> header as written, and -> position, and the headers left unread;
    duplicate, misspelt and missing columns reported."""
    mapping = header_map(spec)
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    unknown: list[str] = []
    for position, written in enumerate(header):
        text = clean_text(written)
        name = mapping.get(written_key(text)) if text else None
        if name is None:
            unknown += [text] if text else []
        elif name in headers:
            problems.append(located(row, text, "duplicate-column",
                                    f"a second column for '{name}' (the first is "
                                    f"'{headers[name]}')",
                                    "Delete or rename one of the two columns."))
        else:
            headers[name] = text
            positions[name] = position
    misspelt = [(text, near) for text in unknown if (near := misspelt_as(spec, text, headers))]
    problems += [misspelt_column(located, row, text, near) for text, near in misspelt]
    meant = {column for _, near in misspelt for column, _ in near}
    problems += missing_columns(spec, set(headers) | meant, located, row)
    unread = [text for text in unknown if text not in {typed for typed, _ in misspelt}]
    return headers, positions, problems, unread


def missing_columns(spec: TableSpec, found: set[str], located: Located, row: int
                    ) -> list[Problem]:
    """The required columns not found; one that a misspelt header stands for is already
    reported, once is enough."""
    return [located(row, column.name, "missing-column",
                    f"the required column '{column.name}' is missing",
                    f"Add a column headed '{column.name}' ({column.help})")
            for column in spec.columns if column.required and column.name not in found]


def typo_cost(typed: str, known: str) -> int:
    """Slips between two folded headers (optimal string alignment): a dropped, doubled or
    swapped letter counts one, a changed letter two, as it often spells another word
    (notes/nomes, days/pays, mode/code)."""
    before, above = [0] * (len(known) + 1), list(range(len(known) + 1))
    for i, a in enumerate(typed, 1):
        row = [i]
        for j, b in enumerate(known, 1):
            cost = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (0 if a == b else 2))
            if i > 1 and j > 1 and a == known[j - 2] and typed[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        before, above = above, row
    return above[-1]


def typo_bound(known: str) -> int:
    """How many slips a folded header of this length can hold and still be recognised: none
    under 4 letters (iom, fin), one under 10 (a changed letter only from 10 on), two from 10."""
    return 0 if len(known) < 4 else 1 if len(known) < 10 else 2


def misspelt_as(spec: TableSpec, text: str, present: dict[str, str]) -> list[tuple[str, str]]:
    """The absent columns a header is probably a misspelling of, as (column, the name or alias
    it resembles): the nearest ones, in contract order. Present columns are not candidates."""
    typed = written_key(text)
    near: dict[str, tuple[int, str]] = {}
    for column in spec.columns:
        if column.name in present:
            continue
        for known in (column.name, *column.aliases):
            key, bound = header_key(known), typo_bound(header_key(known))
            if OSA.distance(typed, key, score_cutoff=bound) > bound:
                continue  # rapidfuzz counts every slip as one: a quick sieve
            cost = typo_cost(typed, key)
            if cost <= bound and cost < near.get(column.name, (bound + 1, ""))[0]:
                near[column.name] = (cost, known)
    best = min((cost for cost, _ in near.values()), default=None)
    return [(column, known) for column, (cost, known) in near.items() if cost == best]


def misspelt_column(located: Located, row: int, text: str, near: list[tuple[str, str]]
                    ) -> Problem:
    """The error for a header that looks like a misspelling: it is not read, so say so."""
    likes = " or ".join(f"'{known}'" if known == column else f"'{known}' (accepted for '{column}')"
                        for column, known in near)
    names = " or ".join(f"'{known}'" for _, known in near)
    return located(row, text, "misspelt-column",
                   f"looks like a misspelling of {likes}, so the column is not read",
                   f"Rename the header to {names} (or to another name from docs/inputs.md).",
                   text)


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
        span = f"row {run[0]} is" if len(run) == 1 else f"rows {run[0]}–{run[-1]} are"
        problems.append(located(run[0], "", "hidden-row",
                                f"{span} hidden in the spreadsheet but read like the others",
                                "Unhide the rows to check them; delete them if they should "
                                "not count.", severity="warning"))
    return problems
