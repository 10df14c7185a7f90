"""Check the raw tables row by row, after their cells (cells.py); collect every problem.

Like pandera's ``validate(df, lazy=True)``, checking also coerces: it returns
the typed tables along with the report, because every check needs the parsed
values (a date to compare, a country code to deduplicate). Nothing stops at the
first problem; the build stops after, if any problem is an error. Row rules run
on whole columns, so that a hundred times the shipped data still validates in a
moment, and only when the columns they read are there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..config import FIRST_YEAR, LANGUAGES
from ..contract.kinds import URL, Context, did_you_mean
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, SETTINGS, UPDATES
from ..errors import Problem, Report
from ..model import RawTable, RawTables, Tables
from ..utils.frames import objects, parse_distinct, rows_by_code
from ..utils.text import clean_text
from ..wording import R_, RN_, LanguageName, Text
from ..world import regions
from ..world.countries import is_known_organisation, is_state, suggest_countries, to_iso3
from . import publication, theme_table, translations, update_table
from .cells import latest_meeting_year, parse_table, problem, rows_listed
from .references import MechanismIndex


def check(raw: RawTables, year: int | None, langs: tuple[str, ...] = (),
          edition_date: dt.date | None = None, build_date: dt.date | None = None
          ) -> tuple[Tables | None, Report]:
    """Parse and check every table for the bulletin year. Tables is None when a table is
    missing or there is no year (build.bulletin_year found none: an error).

    `langs` are the languages to be built: a mechanism with no name in one of
    them is reported (a warning), since its English name is shown instead. A row
    rule runs only when the columns it reads are there: a missing column is one
    error, not one per row. The edition date: publication.check (build_date: today).
    """
    problems: list[Problem] = list(raw.problems)
    if any(spec.name not in raw.tables for spec in (MECHANISMS, PARTICIPANTS, MEETINGS)):
        return None, make_report(problems, raw.counts)
    if year is None:
        problems.append(Problem(
            raw[MEETINGS.name].file, raw[MEETINGS.name].sheet, code="no-year",
            message=R_("no meeting has a date and no other year is given, so the bulletin "
                       "year cannot be chosen"),
            hint=R_("Add the year's meetings, or give the year: make bulletin YEAR=2025 "
                    "(iscm build --year 2025).")))
        return None, make_report(problems, raw.counts)
    ctx = Context(year=year, latest=latest_meeting_year(raw) or 0)
    raw_mechanisms, raw_participants, raw_meetings = (
        raw[spec.name] for spec in (MECHANISMS, PARTICIPANTS, MEETINGS))

    mechanisms, found = parse_table(raw_mechanisms, MECHANISMS, ctx)
    problems += found
    mechanisms, found = check_mechanism_ids(mechanisms, raw_mechanisms)
    problems += found
    problems += check_status_history(mechanisms, raw_mechanisms)
    counts = [*raw.counts, (COMPLETED_ADDRESSES, completed_addresses(mechanisms, raw_mechanisms))]
    index = MechanismIndex.from_frame(mechanisms)

    participants, found = parse_table(raw_participants, PARTICIPANTS, ctx)
    problems += found
    participants, found = resolve_mechanisms(participants, raw_participants, index)
    problems += found
    participants, found = classify_participants(participants, raw_participants)
    problems += found
    if has_columns(raw_participants, PARTICIPANTS.key):
        participants, found = drop_duplicates(participants, raw_participants,
                                              ("mechanism_id", "code", "folded_name"),
                                              "participant")
        problems += found
    problems += check_years(participants, raw_participants)
    if has_columns(raw_participants, (*PARTICIPANTS.key, "role")):
        problems += warn_no_members(mechanisms, participants, raw_mechanisms)
    mechanisms, found = group_by_region(mechanisms, participants, raw_mechanisms)
    problems += found

    meetings, found = parse_table(raw_meetings, MEETINGS, ctx)
    problems += found
    meetings, found = resolve_mechanisms(meetings, raw_meetings, index)
    problems += found
    meetings, found = check_dates(meetings, raw_meetings, ctx)
    problems += found
    if has_columns(raw_meetings, MEETINGS.key):
        meetings, found = drop_duplicates(meetings, raw_meetings, MEETINGS.key, "title")
        problems += found

    (mechanisms, meetings), themes, found = theme_table.resolve_all(raw, ctx, mechanisms,
                                                                   meetings)
    problems += found
    updates, found = check_updates(raw.tables.get(UPDATES.name), ctx, index)
    problems += found
    (mechanisms, participants, meetings, updates), found, as_written = translations.translate(
        mechanisms, participants, meetings, list(raw.translations), ctx.year, langs,
        theme_table.left_in_english(themes, mechanisms, meetings, ctx.year, langs), updates)
    problems += found
    counts += as_written
    # After the translators' files, which may give the names a spreadsheet lacks.
    problems += warn_name_fallbacks(mechanisms, raw_mechanisms, langs)

    settings, edition, found = publication.check(raw.tables.get(SETTINGS.name), meetings,
                                                 raw_meetings, ctx, edition_date, build_date)
    tables = Tables(mechanisms, participants, meetings, themes=themes, publication=settings,
                    edition=edition, updates=updates)
    return tables, make_report(problems + found, counts)


def check_updates(raw: RawTable | None, ctx: Context, index: MechanismIndex
                  ) -> tuple[pd.DataFrame, list[Problem]]:
    """The yearly updates (update_table.py), their mechanisms resolved; an empty table when
    the inputs have none."""
    if raw is None:
        return update_table.empty(), []
    updates, problems = parse_table(raw, UPDATES, ctx)
    updates, found = resolve_mechanisms(updates, raw, index)
    problems += found
    updates, found = update_table.one_per_year(updates, raw)
    return updates, problems + found + update_table.not_in_english(updates, raw)


def has_columns(raw: RawTable, columns: Iterable[str]) -> bool:
    """Whether every one of these columns was found in the sheet (by any of its headers)."""
    return all(column in raw.headers for column in columns)


def make_report(problems: Iterable[Problem], counts=()) -> Report:
    return Report(tuple(sorted(set(problems))),
                  tuple(sorted((tuple(c) for c in counts if c[1]), key=count_order)))


def count_order(count: tuple) -> tuple[str, int]:
    """Counts by label, a language's in the order of the languages."""
    return count[0], LANGUAGES.index(count[2]) if len(count) > 2 else -1


COMPLETED_ADDRESSES = "web addresses written without https://, read with it"
"""The count of websites written as offices write them (www.igc.ch): nothing to correct,
so a line at the top of the report rather than a warning."""


def completed_addresses(mechanisms: pd.DataFrame, raw: RawTable) -> int:
    """How many web addresses kinds.parse_url completed with its scheme."""
    columns = [c.name for c in MECHANISMS.columns if c.kind is URL and c.name in raw.headers]
    written = {name: raw.frame.loc[mechanisms.index, name].map(clean_text) for name in columns}
    return sum(int(((mechanisms[name] != written[name]) & (mechanisms[name] != "")).sum())
               for name in columns)


def check_status_history(mechanisms: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """status_since and status_before tell one change of status: status_before needs the
    year of the change, the change cannot predate the mechanism, and it must change
    something."""
    if not has_columns(raw, ("status_since", "status_before")):
        return []
    problems = []
    since, before = mechanisms["status_since"], mechanisms["status_before"]
    established = mechanisms["year_established"]
    for row in mechanisms.index[((before != "") & since.isna()).to_numpy()]:
        problems.append(problem(
            raw, row, "status_before", "status-before-without-since",
            R_("is the status before a change whose year status_since does not give: it is not "
               "used"),
            R_("Write in status_since the year the current status ({status}) took effect, or "
               "clear status_before.", status=mechanisms.at[row, "status"]),
            before[row], severity="warning"))
    for row in mechanisms.index[(before == mechanisms["status"]).to_numpy() & (before != "")]:
        problems.append(problem(
            raw, row, "status_before", "status-unchanged",
            R_("is the same as the current status: no change of status is recorded"),
            R_("Write the status the mechanism had before status_since, or clear "
               "status_before."), before[row], severity="warning"))
    early = pd.to_numeric(since) < pd.to_numeric(established)
    for row in mechanisms.index[early.to_numpy()]:
        problems.append(problem(
            raw, row, "status_since", "status-before-established",
            R_("is before the year the mechanism was established ({year})",
               year=int(established[row])),
            R_("Check the two years: status_since is the year the current status took "
               "effect."), since[row]))
    return problems


def check_mechanism_ids(mechanisms: pd.DataFrame, raw: RawTable
                        ) -> tuple[pd.DataFrame, list[Problem]]:
    """Exact duplicate rows are dropped with a warning; one id with two contents is an error."""
    problems = []
    named = mechanisms[mechanisms["id"] != ""]
    repeated = named["id"].duplicated(keep="first")
    first_row = {i: row for row, i in named.loc[~repeated, "id"].items()}
    for row, record in named[repeated].iterrows():  # only the repeats: few
        first = first_row[record["id"]]
        if record.equals(mechanisms.loc[first]):
            problems.append(problem(raw, row, "id", "duplicate-row",
                                    R_("repeats row {row} exactly and is ignored", row=first),
                                    R_("Delete the repeated row."), record["id"],
                                    severity="warning"))
        else:
            problems.append(problem(
                raw, row, "id", "duplicate-id",
                R_("is also the id of row {row}, with different data", row=first),
                R_("Give each mechanism its own id, or merge the two rows."), record["id"]))
    return named[~repeated], problems


def resolve_mechanisms(frame: pd.DataFrame, raw: RawTable, index: MechanismIndex
                       ) -> tuple[pd.DataFrame, list[Problem]]:
    """The frame with each mechanism reference replaced by the mechanism's id."""
    references = frame["mechanism_id"]
    codes, ids = parse_distinct(references, lambda ref: index.resolve(ref) if ref else "")
    problems = []
    positions = rows_by_code(codes)
    for k, mechanism_id in enumerate(ids):
        if mechanism_id is not None:
            continue
        reference = references.iat[positions[k][0]]
        suggestions = index.suggest(reference)
        hint = (R_("{did_you_mean}If '{reference}' is another name for it, add it to the "
                   "aliases column of {workbook}.", did_you_mean=did_you_mean(suggestions),
                   reference=reference, workbook=MECHANISMS.workbook) if suggestions else
                R_("Add the mechanism to {workbook} › mechanisms first.",
                   workbook=MECHANISMS.workbook))
        problems += [problem(raw, row, "mechanism_id", "unknown-mechanism",
                             R_("is not a mechanism of the mechanisms sheet"), hint, reference)
                     for row in references.index[positions[k]]]
    resolved = np.array([i or "" for i in ids], dtype=object)
    return frame.assign(mechanism_id=objects(resolved[codes] if len(ids) else references,
                                             frame.index)), problems


def classify_participant(name: str, declared: str) -> tuple[str, str, Text | None]:
    """(kind, ISO3 code, hint when the name is not a recognised country)."""
    code = ""
    if declared != "organisation" and name and not (not declared and is_known_organisation(name)):
        code = to_iso3(name) or ""
        if not code:
            hint = did_you_mean(suggest_countries(name))
            if not declared:
                hint = R_("{did_you_mean}If it is an organisation, write 'organisation' in "
                          "the participant_type column.", did_you_mean=hint)
            return declared or "organisation", "", hint
    kind = declared or ("organisation" if not code else "state" if is_state(code) else "territory")
    return kind, code, None


def classify_participants(participants: pd.DataFrame, raw: RawTable
                          ) -> tuple[pd.DataFrame, list[Problem]]:
    """The participants with 'kind' (state, territory, organisation), 'code' (ISO3) and
    'folded_name'."""
    names, declared = participants["participant"], participants["participant_type"]
    pairs = pd.Series(list(zip(names, declared)), index=participants.index, dtype=object)
    codes, results = parse_distinct(pairs, lambda pair: classify_participant(*pair))
    problems, positions = [], rows_by_code(codes)
    for k, (_, _, hint) in enumerate(results):
        if hint is not None:
            problems += [problem(raw, row, "participant", "unknown-country",
                                 R_("is not a country name that could be recognised"), hint,
                                 names[row]) for row in participants.index[positions[k]]]
    kinds = np.array([r[0] for r in results] or [""], dtype=object)
    iso3 = np.array([r[1] for r in results] or [""], dtype=object)
    code = iso3[codes] if len(results) else np.array([], dtype=object)
    return participants.assign(
        kind=objects(kinds[codes] if len(results) else [], participants.index),
        code=objects(code, participants.index),
        folded_name=objects(["" if c else name.casefold() for c, name in zip(code, names)],
                            participants.index)), problems


def drop_duplicates(frame: pd.DataFrame, raw: RawTable, key: tuple[str, ...], column: str
                    ) -> tuple[pd.DataFrame, list[Problem]]:
    """Drop repeated rows: exact repeats, and rows that normalise to the same thing."""
    problems, dropped = [], []
    repeated = frame.duplicated(subset=list(key), keep=False)
    seen: dict[tuple, int] = {}
    for row, record in frame[repeated].iterrows():  # only rows with a twin: few
        identity = tuple(record[k] for k in key)
        if identity not in seen:
            seen[identity] = row
            continue
        first = seen[identity]
        dropped.append(row)
        same = raw.frame.loc[row].map(clean_text).equals(raw.frame.loc[first].map(clean_text))
        if "role" in frame and record["role"] != frame.at[first, "role"]:
            problems.append(problem(raw, row, "role", "conflicting-duplicate",
                                    R_("the same participant is listed in row {row} as "
                                       "{role}", row=first, role=frame.at[first, "role"]),
                                    R_("Keep one of the two rows."), record["role"]))
            continue
        message = (R_("repeats row {row} exactly and is ignored", row=first) if same else
                   R_("is the same as row {row} once names are normalised; the two rows are "
                      "merged", row=first))
        problems.append(problem(raw, row, column, "duplicate-row", message,
                                R_("Delete one of the two rows."), record[column],
                                severity="warning"))
    return frame.drop(index=dropped), problems


def check_years(participants: pd.DataFrame, raw: RawTable) -> list[Problem]:
    joined, left = pd.to_numeric(participants["joined"]), pd.to_numeric(participants["left"])
    return [problem(raw, row, "left", "left-before-joined",
                    R_("is before the year joined ({year})", year=int(joined[row])),
                    R_("Check the two years."), int(left[row]))
            for row in participants.index[(left < joined).to_numpy()]]


def warn_no_members(mechanisms: pd.DataFrame, participants: pd.DataFrame, raw: RawTable
                    ) -> list[Problem]:
    listed = set(participants.loc[participants["role"] == "member", "mechanism_id"])
    silent = mechanisms[(mechanisms["status"] == "active") & ~mechanisms["id"].isin(listed)]
    return [problem(raw, row, "id", "no-members",
                    R_("has no members listed in the participants sheet; its number of member "
                       "States is shown as unknown"), R_("Add its members if they are known."),
                    mechanism_id, severity="warning")
            for row, mechanism_id in silent["id"].items()]


def group_by_region(mechanisms: pd.DataFrame, participants: pd.DataFrame, raw: RawTable
                    ) -> tuple[pd.DataFrame, list[Problem]]:
    """The mechanisms with 'macro_regions': the groups of the ISCM table each falls in, from
    its regions as written (regions.py); a name nobody recognises is kept, and reported."""
    members = participants[(participants["role"] == "member") & (participants["kind"] == "state")]
    states = members.groupby("mechanism_id")["code"].apply(list).to_dict()
    problems, groups = [], []
    for row, kind, key, written in zip(mechanisms.index, mechanisms["type"], mechanisms["id"],
                                       mechanisms["region"]):
        default = regions.GLOBAL if kind == "Global" else regions.OTHER
        found, unknown = regions.mechanism_groups(written, states.get(key, ()), default)
        groups.append(found)
        if len(unknown) < len(written):
            placed = R_("grouped by its other regions")
        elif regions.macro_region_of_states(states.get(key, ())):
            placed = R_("grouped under {group}, where most of its member States are",
                        group=found[0])
        else:
            placed = R_("grouped under '{group}', as none of its member States is listed",
                        group=found[0])
        problems += [problem(raw, row, "region", "unknown-region",
                             R_("is not a region name that could be recognised; it is shown "
                                "as written, and the mechanism is {placed}", placed=placed),
                             R_("Nothing to do if the name is right. To group the mechanism "
                                "yourself, add a usual region name (a UN region or sub-region "
                                "such as West Africa or South-East Asia, or Horn of Africa, "
                                "Gulf, Pacific…)."), name, severity="warning")
                     for name in unknown]
    return mechanisms.assign(macro_regions=pd.Series(groups, index=mechanisms.index,
                                                     dtype=object)), problems


def warn_name_fallbacks(mechanisms: pd.DataFrame, raw: RawTable, langs: tuple[str, ...]
                        ) -> list[Problem]:
    """One warning per mechanism and language whose name falls back to English."""
    problems = []
    for lang in langs:
        column = f"name_{lang}"
        if lang == "en" or column not in mechanisms:
            continue
        language = LanguageName(lang)
        if column not in raw.headers:
            problems.append(problem(
                raw, raw.header_row, column, "name-fallback",
                R_("there is no '{column}' column: the English name is shown in the "
                   "{language} documents", column=column, language=language),
                R_("Add the column with the {language} names.", language=language),
                severity="warning"))
            continue
        problems += [problem(raw, row, column, "name-fallback",
                             R_("{mechanism} has no {language} name; the English name is "
                                "shown in the {language} documents",
                                mechanism=acr or key, language=language),
                             R_("Add the mechanism's official {language} name, if it has one.",
                                language=language), severity="warning")
                     for row, key, acr, name in mechanisms[["id", "acronym", column]].itertuples()
                     if key and not name]
    return problems


def check_dates(meetings: pd.DataFrame, raw: RawTable, ctx: Context
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """A blank end is a one-day meeting (the meetings returned end when they start); an end
    before the start is an error. Meetings after the bulletin year or before the first
    mechanisms are left out: one warning for all of them, since one cause (a past edition;
    mistyped years) explains them."""
    problems = []
    ends = []
    later, earlier = [], []
    for row, start, end in zip(meetings.index, meetings["start_date"], meetings["end_date"]):
        if start and end and end < start:
            problems.append(problem(
                raw, row, "end_date", "end-before-start",
                R_("is before the start date ({start:%d/%m/%Y})", start=start),
                R_("Check the two dates (day first: dd/mm/yyyy)."), raw.frame.at[row, "end_date"]))
        if start and start.year > ctx.year:
            later.append(row)
        if start and start.year < FIRST_YEAR:
            earlier.append(row)
        ends.append(end or start)
    left_out = (
        (later, "after-year",
         RN_("{n} meeting is after the bulletin year {year} and is not shown in its edition "
             "(row {rows})",
             "{n} meetings are after the bulletin year {year} and are not shown in its "
             "edition (rows {rows})", len(later), year=ctx.year, rows=rows_listed(later)),
         R_("They belong to later editions: build the latest one with make bulletin "
            "(without YEAR=), where they are shown; correct any date that is mistyped.")),
        (earlier, "before-first-year",
         RN_("{n} meeting is dated before {year}, when the first mechanisms were set up, and "
             "is not shown (row {rows})",
             "{n} meetings are dated before {year}, when the first mechanisms were set up, "
             "and are not shown (rows {rows})", len(earlier), year=FIRST_YEAR,
             rows=rows_listed(earlier)),
         R_("Correct their years.")))
    problems += [problem(raw, raw.header_row, "start_date", code, message, hint,
                         severity="warning") for rows, code, message, hint in left_out if rows]
    return meetings.assign(end_date=pd.Series(ends, index=meetings.index, dtype=object)), \
        problems
