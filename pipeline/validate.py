"""Check the raw tables cell by cell and row by row; collect every problem.

Like pandera's ``validate(df, lazy=True)``, checking also coerces: it returns
the typed tables along with the report, because every check needs the parsed
values (a date to compare, a country code to deduplicate). Nothing stops at the
first problem; the build stops after, if any problem is an error.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from babel import Locale

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
from .schema import MECHANISMS, MEETINGS, PARTICIPANTS, TableSpec


def check(raw: RawTables, year: int | None = None, langs: tuple[str, ...] = ()
          ) -> tuple[Tables | None, Report]:
    """Parse and check every table. Tables is None when a table is missing.

    `langs` are the languages to be built: a mechanism with no name in one of
    them is reported (a warning), since its English name is shown instead.
    """
    problems: list[Problem] = list(raw.problems)
    if any(spec.name not in raw.tables for spec in (MECHANISMS, PARTICIPANTS, MEETINGS)):
        return None, make_report(problems, raw.counts)
    ctx = Context(year=year or latest_meeting_year(raw[MEETINGS.name]))

    mechanisms, found = parse_table(raw[MECHANISMS.name], MECHANISMS, ctx)
    problems += found
    mechanisms, found = check_mechanism_ids(mechanisms, raw[MECHANISMS.name])
    problems += found
    index = MechanismIndex.from_frame(mechanisms)
    problems += warn_name_fallbacks(mechanisms, raw[MECHANISMS.name], langs)

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
    """Every cell through its column's parser; each distinct value is parsed once."""
    problems = [problem(raw, raw.header_row, header, "ignored-column",
                        "this column is not part of the input contract and is ignored",
                        "Rename it if it should be read (see docs/inputs.md), or leave it.",
                        severity="warning")
                for header in raw.ignored_headers]
    columns: dict[str, list] = {}
    for column in spec.columns:
        parser = PARSERS[column.kind]
        empty = EMPTY.get(column.kind, "")
        present = column.name in raw.headers
        results: dict[tuple, tuple[object, Invalid | None]] = {}
        values = []
        for row, cell in raw.frame[column.name].items():
            if is_blank(cell):
                if column.required and present:
                    problems.append(problem(raw, row, column.name, "required-value",
                                            f"'{column.name}' is required but blank",
                                            f"Fill it in: {column.help}"))
                values.append(empty)
                continue
            key = (type(cell), cell)
            if key not in results:
                try:
                    results[key] = (parser(cell, column, ctx), None)
                except Invalid as invalid:
                    results[key] = (empty, invalid)
            value, invalid = results[key]
            if invalid:
                problems.append(problem(raw, row, column.name, invalid.code, invalid.message,
                                        invalid.hint, cell))
            values.append(value)
        columns[column.name] = values
    return pd.DataFrame(columns, index=raw.frame.index, dtype=object), problems


def check_mechanism_ids(mechanisms: pd.DataFrame, raw: RawTable
                        ) -> tuple[pd.DataFrame, list[Problem]]:
    """Exact duplicate rows are dropped with a warning; one id with two contents is an error."""
    problems = []
    keep = []
    first_row: dict[str, int] = {}
    for row, record in mechanisms.iterrows():
        if not record["id"]:
            continue
        if record["id"] not in first_row:
            first_row[record["id"]] = row
            keep.append(row)
        elif record.equals(mechanisms.loc[first_row[record["id"]]]):
            problems.append(problem(raw, row, "id", "duplicate-row",
                                    f"repeats row {first_row[record['id']]} exactly and is "
                                    "ignored", "Delete the repeated row.", record["id"],
                                    severity="warning"))
        else:
            problems.append(problem(raw, row, "id", "duplicate-id",
                                    f"is also the id of row {first_row[record['id']]}, with "
                                    "different data", "Give each mechanism its own id, or "
                                    "merge the two rows.", record["id"]))
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
    for row, record in participants.iterrows():
        name, declared = record["participant"], record["participant_type"]
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
    for row, record in frame.iterrows():
        identity = tuple(record[k] for k in key)
        if identity not in seen:
            seen[identity] = row
            keep.append(row)
            continue
        first = seen[identity]
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
    return [problem(raw, row, "left", "left-before-joined",
                    f"is before the year joined ({record['joined']})",
                    "Check the two years.", record["left"])
            for row, record in participants.iterrows()
            if record["joined"] and record["left"] and record["left"] < record["joined"]]


def warn_no_members(mechanisms: pd.DataFrame, participants: pd.DataFrame, raw: RawTable
                    ) -> list[Problem]:
    listed = set(participants.loc[participants["role"] == "member", "mechanism_id"])
    return [problem(raw, row, "id", "no-members",
                    "has no members listed in the participants sheet; its number of member "
                    "States is shown as unknown", "Add its members if they are known.",
                    record["id"], severity="warning")
            for row, record in mechanisms.iterrows()
            if record["status"] == "active" and record["id"] not in listed]


def warn_name_fallbacks(mechanisms: pd.DataFrame, raw: RawTable, langs: tuple[str, ...]
                        ) -> list[Problem]:
    """One warning per mechanism and language whose name falls back to English."""
    problems = []
    for lang in langs:
        column = f"name_{lang}"
        if lang == "en" or column not in mechanisms:
            continue
        language = Locale.parse("en").languages[lang]
        shown = (f"the English name is shown in the {language} documents",
                 f"Add the mechanism's official {language} name, if it has one.")
        if column not in raw.headers:
            problems.append(problem(raw, raw.header_row, column, "name-fallback",
                                    f"there is no '{column}' column: {shown[0]}",
                                    f"Add the column with the {language} names.",
                                    severity="warning"))
            continue
        problems += [problem(raw, row, column, "name-fallback",
                             f"{record['acronym'] or record['id']} has no {language} name; "
                             f"{shown[0]}", shown[1], severity="warning")
                     for row, record in mechanisms.iterrows()
                     if record["id"] and not record[column]]
    return problems


def check_dates(meetings: pd.DataFrame, raw: RawTable, ctx: Context) -> list[Problem]:
    """A blank end is a one-day meeting; an end before the start is an error."""
    problems = []
    ends = []
    for row, record in meetings.iterrows():
        start, end = record["start_date"], record["end_date"]
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
