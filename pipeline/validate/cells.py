"""Cells: every cell of a table through its column's kind, and the problems of each column.

Each distinct value of a column is parsed once (frames.parse_distinct): tens of
thousands of rows hold a few hundred distinct values. A blank, an Excel error
or a value the kind refuses becomes a ``Problem`` located as the editor sees it
(file › sheet › Excel row › header as written); row rules are in validate.py.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from ..contract.glyphs import missing_glyphs
from ..contract.kinds import Context, Invalid, parse_date, parse_year
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, TABLES, Column, TableSpec
from ..errors import Problem
from ..model import BadCell, RawTable, RawTables
from ..read.headers import column_help
from ..utils.frames import parse_distinct, rows_by_code
from ..utils.text import clean_text, is_blank
from ..wording import R_, RN_, Text

BLANK = "blank"
BAD_CELL_MESSAGES = {
    "excel-error": (R_("is an Excel error value, not data"),
                    R_("Fix the formula, or type the value itself.")),
    "formula-without-value": (R_("is a formula that was never calculated, so the file holds "
                                 "no value for it"),
                              R_("Open the file in Excel or LibreOffice, let it calculate and "
                                 "save it again; or type the value itself.")),
}


def problem(raw: RawTable, row: int, column: str, code: str, message: Text,
            hint: Text | str = "", value: object = "", severity: str = "error") -> Problem:
    """A problem located as the editor sees it: file › sheet › row › header as written."""
    return Problem(raw.file, raw.sheet, int(row), raw.headers.get(column, column), code,
                   severity, clean_text(value) if not is_blank(value) else "", message, hint)


def parse_cell(cell: object, column: Column, ctx: Context) -> tuple[object, object]:
    """(value, issue): issue is None, BLANK, a BadCell or an Invalid (error or warning)."""
    empty = column.kind.blank
    if isinstance(cell, BadCell):
        return empty, cell
    if is_blank(cell):
        return empty, BLANK
    try:
        value = column.kind.parse(cell, column, ctx)
    except Invalid as invalid:
        return empty, invalid
    if column.kind.printed and (missing := missing_glyphs(clean_text(cell))):
        return value, Invalid("missing-glyph", R_("holds characters that no font of the "
                                                  "bulletin can draw ({characters}): they "
                                                  "would print as empty boxes",
                                                  characters=" ".join(missing)),
                              R_("Replace them (a name in Latin, Cyrillic, Greek or Arabic "
                                 "script), or remove them."), severity="warning")
    return value, None


def issue_problem(raw: RawTable, row: int, column: str, issue: BadCell | Invalid,
                  value: object) -> Problem:
    """The problem of a cell that a kind refused or that holds no value (not a blank)."""
    if isinstance(issue, BadCell):
        (message, hint), code, severity = BAD_CELL_MESSAGES[issue.code], issue.code, "error"
    else:
        (message, hint), code, severity = issue.texts, issue.code, issue.severity
    return problem(raw, row, column, code, message, hint, value, severity)


def parse_table(raw: RawTable, spec: TableSpec, ctx: Context
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Every cell through its column's parser; each distinct value is parsed once."""
    problems = [problem(raw, raw.header_row, header, "ignored-column",
                        R_("this column is not part of the input contract and is ignored"),
                        R_("Rename it if it should be read (see docs/inputs.md), or leave it."),
                        severity="warning")
                for header in raw.ignored_headers]
    columns: dict[str, np.ndarray] = {}
    for column in spec.columns:
        cells = raw.frame[column.name]
        codes, outcomes = parse_distinct(cells, partial(parse_cell, column=column, ctx=ctx))
        values = np.empty(len(outcomes), dtype=object)
        for k, (value, _) in enumerate(outcomes):
            values[k] = value
        columns[column.name] = values[codes]
        issues = [(k, issue) for k, (_, issue) in enumerate(outcomes) if issue is not None]
        if issues:
            problems += cell_problems(raw, column, cells, codes, issues)
    return pd.DataFrame(columns, index=raw.frame.index, dtype=object), problems


def cell_problems(raw: RawTable, column: Column, cells: pd.Series, codes: np.ndarray,
                  issues: list[tuple[int, object]]) -> list[Problem]:
    """The problems of one column, from the issues of its distinct values."""
    problems = []
    present = column.name in raw.headers
    positions = rows_by_code(codes)
    blank_rows: list[int] = []
    for k, issue in issues:
        rows = cells.index[positions[k]]
        if issue is BLANK:
            blank_rows += list(rows)
            continue
        problems += [issue_problem(raw, row, column.name, issue, cells[row]) for row in rows]
    if blank_rows and present and column.required:
        problems += [problem(raw, row, column.name, "required-value",
                             R_("'{column}' is required but blank", column=column.name),
                             R_("Fill it in: {help}", help=column_help(column)))
                     for row in blank_rows]
    elif blank_rows and present and column.warn_blank:
        problems.append(problem(raw, raw.header_row, column.name, "blank-optional",
                                RN_("{n} row leaves this optional column blank (row {rows})",
                                    "{n} rows leave this optional column blank (rows {rows})",
                                    len(blank_rows), rows=rows_listed(blank_rows)),
                                R_("Fill them in if known: {help}", help=column_help(column)),
                                severity="warning"))
    return problems


def rows_listed(rows: list[int], most: int = 20) -> str:
    """Excel row numbers for a message that groups rows: '3, 7, 9, 12, 15 …'."""
    listed = ", ".join(str(r) for r in sorted(rows)[:most])
    return listed + (" …" if len(rows) > most else "")


def latest_meeting_year(raw: RawTables) -> int | None:
    """The latest year that has meetings in the inputs (None: no dated meeting)."""
    if MEETINGS.name not in raw.tables:
        return None
    return max(years_in(raw[MEETINGS.name], "start_date", parse_date), default=None)


def default_year(raw: RawTables) -> int | None:
    """The bulletin year when none is given: the latest year that has meetings; failing
    that, the latest year the inputs mention (established, status since, joined, left);
    else None."""
    dated = (MEETINGS.name, "start_date", parse_date)
    yearly = [(MECHANISMS.name, "year_established", parse_year),
              (MECHANISMS.name, "status_since", parse_year),
              (PARTICIPANTS.name, "joined", parse_year), (PARTICIPANTS.name, "left", parse_year)]
    for sources in ([dated], yearly):
        years = [year for table, name, parse in sources if table in raw.tables
                 for year in years_in(raw[table], name, parse)]
        if years:
            return max(years)
    return None


def years_in(table: RawTable, name: str, parse) -> list[int]:
    """The years a date or year column holds, its bad cells left out."""
    column = next(spec for spec in TABLES if spec.name == table.name).column(name)
    lenient = Context(year=9999)  # any year: the bulletin year is what is being chosen

    def year_of(cell: object) -> int | None:
        if isinstance(cell, BadCell) or is_blank(cell):
            return None
        try:
            value = parse(cell, column, lenient)
        except (Invalid, TypeError):
            return None
        return value if isinstance(value, int) else value.year

    _, years = parse_distinct(table.frame[name], year_of)
    return [y for y in years if y is not None]
