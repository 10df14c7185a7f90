"""Check the raw tables cell by cell and row by row; collect every problem.

Like pandera's ``validate(df, lazy=True)``, checking also coerces: it returns
the typed tables along with the report, because every check needs the parsed
values (a date to compare, a country code to deduplicate). Nothing stops at the
first problem; the build stops after, if any problem is an error.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .countries import is_known_organisation, is_state, suggest_countries, to_iso3
from .errors import Problem, Report
from .model import RawTable, RawTables, Tables
from .normalise import (
    EMPTY,
    PARSERS,
    Context,
    Invalid,
    clean_text,
    did_you_mean,
    is_blank,
    parse_date,
)
from .references import MechanismIndex
from .schema import MECHANISMS, MEETINGS, PARTICIPANTS, Column, TableSpec


def check(raw: RawTables, year: int | None = None) -> tuple[Tables | None, Report]:
    """Parse and check every table. Tables is None when a table is missing."""
    problems: list[Problem] = list(raw.problems)
    if any(spec.name not in raw.tables for spec in (MECHANISMS, PARTICIPANTS, MEETINGS)):
        return None, make_report(problems, raw.counts)
    ctx = Context(year=year or latest_meeting_year(raw[MEETINGS.name]))

    mechanisms, found = parse_table(raw[MECHANISMS.name], MECHANISMS, ctx)
    problems += found
    mechanisms, found = check_mechanism_ids(mechanisms, raw[MECHANISMS.name])
    problems += found
    index = MechanismIndex.from_frame(mechanisms)

    participants, found = parse_table(raw[PARTICIPANTS.name], PARTICIPANTS, ctx)
    problems += found
    problems += resolve_mechanisms(participants, raw[PARTICIPANTS.name], index)
    problems += classify_participants(participants, raw[PARTICIPANTS.name])
    participants, found = drop_duplicates(participants, raw[PARTICIPANTS.name],
                                          ("mechanism_id", "code", "folded_name"), "participant")
    problems += found
    problems += check_years(participants, raw[PARTICIPANTS.name])
    problems += warn_no_members(mechanisms, participants, raw[MECHANISMS.name])

    meetings, found = parse_table(raw[MEETINGS.name], MEETINGS, ctx)
    problems += found
    problems += resolve_mechanisms(meetings, raw[MEETINGS.name], index)
    problems += check_dates(meetings, raw[MEETINGS.name], ctx)
    meetings, found = drop_duplicates(meetings, raw[MEETINGS.name], MEETINGS.key, "title")
    problems += found

    tables = Tables(mechanisms, participants, meetings)
    return tables, make_report(problems, raw.counts, year=ctx.year)


def make_report(problems: Iterable[Problem], counts=(), year: int | None = None) -> Report:
    return Report(tuple(sorted(set(problems))), tuple(counts), year)


def latest_meeting_year(meetings: RawTable) -> int:
    """The default bulletin year: the latest year that has meetings."""
    years = []
    for cell in meetings.frame["start_date"]:
        try:
            years.append(parse_date(cell, MEETINGS.column("start_date"), None).year)
        except Invalid:
            continue
    return max(years, default=pd.Timestamp.min.year)


def problem(raw: RawTable, row: int, column: str, code: str, message: str, hint: str = "",
            value: object = "", severity: str = "error") -> Problem:
    """A problem located as the editor sees it: file › sheet › row › header as written."""
    return Problem(raw.file, raw.sheet, row, raw.headers.get(column, column), code, severity,
                   clean_text(value) if not is_blank(value) else "", message, hint)


def parse_table(raw: RawTable, spec: TableSpec, ctx: Context
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Every cell through its column's parser."""
    problems = [problem(raw, raw.header_row, header, "ignored-column",
                        "this column is not part of the input contract and is ignored",
                        "Rename it if it should be read (see docs/inputs.md), or leave it.",
                        severity="warning")
                for header in raw.ignored_headers]
    columns: dict[str, list] = {}
    for column in spec.columns:
        columns[column.name], found = parse_column(raw, column, ctx)
        problems += found
    return pd.DataFrame(columns, index=raw.frame.index, dtype=object), problems


def parse_column(raw: RawTable, column: Column, ctx: Context) -> tuple[list, list[Problem]]:
    """One column's values and problems. Each distinct cell is parsed once, however many
    rows hold it (by type too: 1 and 1.0 and True are not the same cell)."""
    parser, empty = PARSERS[column.kind], EMPTY.get(column.kind, "")
    required = column.required and column.name in raw.headers
    cells = raw.frame[column.name]
    keys = [(type(cell), cell) for cell in cells.tolist()]
    results = {key: parse_cell(key[1], parser, column, ctx, empty)
               for key in dict.fromkeys(keys)}
    values = [results[key][0] for key in keys]
    problems = []
    if any(invalid or (blank and required) for _, invalid, blank in results.values()):
        for row, (kind, cell) in zip(cells.index, keys):
            value, invalid, blank = results[kind, cell]
            if blank and required:
                problems.append(problem(raw, row, column.name, "required-value",
                                        f"'{column.name}' is required but blank",
                                        f"Fill it in: {column.help}"))
            elif invalid:
                problems.append(problem(raw, row, column.name, invalid.code, invalid.message,
                                        invalid.hint, cell))
    return values, problems


def parse_cell(cell: object, parser, column: Column, ctx: Context, empty: object
               ) -> tuple[object, Invalid | None, bool]:
    """(value, what is wrong with it, whether it is blank) for one cell."""
    if is_blank(cell):
        return empty, None, True
    try:
        return parser(cell, column, ctx), None, False
    except Invalid as invalid:
        return empty, invalid, False


def check_mechanism_ids(mechanisms: pd.DataFrame, raw: RawTable
                        ) -> tuple[pd.DataFrame, list[Problem]]:
    """Exact duplicate rows are dropped with a warning; one id with two contents is an error."""
    problems = []
    keep = []
    first_row: dict[str, int] = {}
    for row, mechanism_id in mechanisms["id"].items():
        if not mechanism_id:
            continue
        if mechanism_id not in first_row:
            first_row[mechanism_id] = row
            keep.append(row)
        elif mechanisms.loc[row].equals(mechanisms.loc[first_row[mechanism_id]]):
            problems.append(problem(raw, row, "id", "duplicate-row",
                                    f"repeats row {first_row[mechanism_id]} exactly and is "
                                    "ignored", "Delete the repeated row.", mechanism_id,
                                    severity="warning"))
        else:
            problems.append(problem(raw, row, "id", "duplicate-id",
                                    f"is also the id of row {first_row[mechanism_id]}, with "
                                    "different data", "Give each mechanism its own id, or "
                                    "merge the two rows.", mechanism_id))
    return mechanisms.loc[keep], problems


def resolve_mechanisms(frame: pd.DataFrame, raw: RawTable, index: MechanismIndex
                       ) -> list[Problem]:
    """Replace each mechanism reference by the mechanism's id (in place)."""
    problems = []
    resolved = []
    for row, reference in frame["mechanism_id"].items():
        mechanism_id = index.resolve(reference) if reference else None
        if reference and mechanism_id is None:
            suggestions = index.suggest(reference)
            hint = did_you_mean(suggestions)
            if suggestions:
                hint += (f"If '{reference}' is another name for it, add it to the aliases "
                         f"column of {MECHANISMS.workbook}.")
            else:
                hint = f"Add the mechanism to {MECHANISMS.workbook} › mechanisms first."
            problems.append(problem(raw, row, "mechanism_id", "unknown-mechanism",
                                    "is not a mechanism of the mechanisms sheet", hint,
                                    reference))
        resolved.append(mechanism_id or "")
    frame["mechanism_id"] = resolved
    return problems


def classify_participants(participants: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """Add 'kind' (state, territory, organisation), 'code' (ISO3) and 'folded_name'."""
    problems = []
    kinds, codes = [], []
    for row, name, declared in zip(participants.index, participants["participant"],
                                   participants["participant_type"]):
        code = ""
        if declared != "organisation" and name and not (
                not declared and is_known_organisation(name)):
            code = to_iso3(name) or ""
            if not code:
                hint = did_you_mean(suggest_countries(name))
                if not declared:
                    hint += ("If it is an organisation, write 'organisation' in the "
                             "participant_type column.")
                problems.append(problem(raw, row, "participant", "unknown-country",
                                        "is not a country name that could be recognised",
                                        hint, name))
        kind = declared or ("organisation" if not code else
                            "state" if is_state(code) else "territory")
        kinds.append(kind)
        codes.append(code)
    participants["kind"] = kinds
    participants["code"] = codes
    participants["folded_name"] = [
        "" if code else name.casefold() for code, name in zip(codes, participants["participant"])]
    return problems


def drop_duplicates(frame: pd.DataFrame, raw: RawTable, key: tuple[str, ...], column: str
                    ) -> tuple[pd.DataFrame, list[Problem]]:
    """Drop repeated rows: exact repeats, and rows that normalise to the same thing."""
    problems = []
    keep = []
    seen: dict[tuple, int] = {}
    for row, *identity in zip(frame.index, *(frame[k].tolist() for k in key)):
        identity = tuple(identity)
        if identity not in seen:
            seen[identity] = row
            keep.append(row)
            continue
        first = seen[identity]
        record = frame.loc[row]
        same = raw.frame.loc[row].map(clean_text).equals(raw.frame.loc[first].map(clean_text))
        if "role" in frame and record["role"] != frame.at[first, "role"]:
            problems.append(problem(raw, row, "role", "conflicting-duplicate",
                                    f"the same participant is listed in row {first} as "
                                    f"{frame.at[first, 'role']}", "Keep one of the two rows.",
                                    record["role"]))
            continue
        message = (f"repeats row {first} exactly and is ignored" if same else
                   f"is the same as row {first} once names are normalised; the two rows "
                   "are merged")
        problems.append(problem(raw, row, column, "duplicate-row", message,
                                "Delete one of the two rows.", record[column],
                                severity="warning"))
    return frame.loc[keep], problems


def check_years(participants: pd.DataFrame, raw: RawTable) -> list[Problem]:
    return [problem(raw, row, "left", "left-before-joined", f"is before the year joined ({joined})",
                    "Check the two years.", left)
            for row, joined, left in zip(participants.index, participants["joined"],
                                         participants["left"])
            if joined and left and left < joined]


def warn_no_members(mechanisms: pd.DataFrame, participants: pd.DataFrame, raw: RawTable
                    ) -> list[Problem]:
    listed = set(participants.loc[participants["role"] == "member", "mechanism_id"])
    return [problem(raw, row, "id", "no-members",
                    "has no members listed in the participants sheet; its number of member "
                    "States is shown as unknown", "Add its members if they are known.",
                    mechanism_id, severity="warning")
            for row, mechanism_id, status in zip(mechanisms.index, mechanisms["id"],
                                                 mechanisms["status"])
            if status == "active" and mechanism_id not in listed]


def check_dates(meetings: pd.DataFrame, raw: RawTable, ctx: Context) -> list[Problem]:
    """A blank end is a one-day meeting; an end before the start is an error."""
    problems = []
    ends = []
    for row, start, end in zip(meetings.index, meetings["start_date"], meetings["end_date"]):
        if start and end and end < start:
            problems.append(problem(raw, row, "end_date", "end-before-start",
                                    f"is before the start date ({start:%d/%m/%Y})",
                                    "Check the two dates (day first: dd/mm/yyyy).",
                                    raw.frame.at[row, "end_date"]))
        if start and start.year > ctx.year:
            problems.append(problem(raw, row, "start_date", "after-year",
                                    f"is after the bulletin year {ctx.year}; the meeting "
                                    "is not shown", "Build a later year with --year, or "
                                    "check the date.", raw.frame.at[row, "start_date"],
                                    severity="warning"))
        ends.append(end or start)
    meetings["end_date"] = ends
    return problems
