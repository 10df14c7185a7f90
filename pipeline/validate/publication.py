"""The publication settings (inputs/publication.xlsx, sheet settings) and the edition date.

One row per setting: its name in ``setting``, its value in ``value``, and for a
setting whose value differs by language, ``value_fr``, ``value_es``… ``SETTINGS``
is the registry: each setting's kind (how its value is read, as a column's kind
reads a cell: kinds.py), its help and its default. A new setting is one more
entry: docs/inputs.md, the blank template and the checks follow from it.

The edition date is the editor's: the one given on the command line
(``EDITION_DATE=``, ``--edition-date``), else the settings' ``edition_date``,
else the default: the latest date of a meeting held in the year, but never after
the build's date (config.build_date). A finished year builds the same bytes
forever (its last meeting is past), and a year still under way never shows a
meeting as held before it took place. A meeting that starts after the edition
date is never held, whatever its status says (aggregate.meeting_statuses).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process, utils

from ..contract.kinds import DATE, Context, Invalid, Kind, did_you_mean, parse_date
from ..contract.schema import SETTINGS as TABLE
from ..contract.schema import TRANSLATION_LANGUAGES
from ..errors import Problem
from ..model import EditionDate, Publication, RawTable
from ..utils.text import header_key, is_blank
from ..wording import R_, Text
from .cells import issue_problem, parse_cell, parse_table, problem


def parse_edition_date(value: object, setting, ctx: Context) -> dt.date:
    """A date no earlier than the year of the edition it dates: a date left from last
    year's edition would show every meeting of this one as upcoming."""
    date = parse_date(value, setting, ctx)
    if date.year < ctx.last_year:
        raise Invalid("edition-before-year",
                      R_("is before {year}, the year of the edition it dates",
                         year=ctx.last_year),
                      R_("Write this edition's date (1 January {year} or later), or clear the "
                         "cell to take the default date.", year=ctx.last_year))
    return date


EDITION_DAY = Kind("date", parse_edition_date, blank=None, width=DATE.width,
                   number_format=DATE.number_format)


@dataclass(frozen=True)
class Setting:
    """One publication setting: what its value holds and what it is without one."""

    name: str
    kind: Kind
    help: Text
    default: Text
    """What the documents use when the setting is not given."""
    aliases: tuple[str, ...] = ()
    """Other names accepted in the setting column (French, Spanish)."""
    per_language: bool = False
    """Its value may differ by language (value_fr…); otherwise value_fr… are not read."""
    edition: bool = False
    """It belongs to one edition (its date; an ISBN, a document symbol): it applies to
    the latest edition of the inputs, not to a past one built from them with YEAR=."""
    vocabulary: str | None = None
    """For a choice: the key in VOCABULARIES (a kind's parser reads it)."""


SETTINGS: tuple[Setting, ...] = (
    Setting("edition_date", EDITION_DAY,
            R_("The date printed on the documents; meetings that start after it are shown "
               "as upcoming (a date, or dd/mm/yyyy; not before the year of the edition)."),
            R_("the latest date of a meeting held in the year, but never later than the day "
               "of the build"),
            aliases=("edition date", "publication date", "date d'édition",
                     "date de l'édition", "date de publication", "fecha de edición",
                     "fecha de la edición", "fecha de publicación"),
            edition=True),
)
"""Every setting publication.xlsx may give, in the order docs/inputs.md lists them."""

NAMES = {word: s for s in SETTINGS for word in (s.name, *s.aliases)}
"""Every name a setting is accepted under -> the setting."""
BY_KEY = {header_key(word): s for word, s in NAMES.items()}


def applies(setting: Setting, ctx: Context) -> bool:
    """Whether a setting holds for the edition being built: one edition's settings belong
    to the latest one, not to a past edition (YEAR= before the latest year of meetings)."""
    return not setting.edition or ctx.year >= ctx.latest


def read_settings(raw: RawTable | None, ctx: Context) -> tuple[Publication, list[Problem]]:
    """The settings given in the table (none without it), each value read by its kind."""
    if raw is None:
        return Publication(), []
    frame, problems = parse_table(raw, TABLE, ctx)
    values: dict[str, object] = {}
    translations: dict[str, dict[str, object]] = {}
    first: dict[str, tuple[int, object]] = {}
    for row, record in frame.iterrows():
        setting = BY_KEY.get(header_key(record["setting"]))
        if setting is None:
            problems += [unknown_setting(raw, row, record["setting"])] if record["setting"] \
                else []  # a blank name is a required-value error already
            continue
        value, found = read_value(raw, row, "value", record["value"], setting, ctx)
        problems += found
        given = {}
        for lang in TRANSLATION_LANGUAGES:
            column = f"value_{lang}"
            if is_blank(record[column]):
                continue
            if not setting.per_language:
                problems.append(not_per_language(raw, row, column, setting, record[column]))
                continue
            given[lang], found = read_value(raw, row, column, record[column], setting, ctx)
            problems += found
        given = {lang: v for lang, v in given.items() if v is not None}
        if value is None and not given:
            continue  # blank (the template's row, the default) or refused: gives nothing
        if setting.name in first:
            problems.append(repeated(raw, row, (value, given), *first[setting.name]))
            continue
        first[setting.name] = (row, (value, given))
        if applies(setting, ctx):
            if value is not None:
                values[setting.name] = value
            if given:
                translations[setting.name] = given
    return Publication(values, translations), problems


def read_value(raw: RawTable, row: int, column: str, cell: object, setting: Setting,
               ctx: Context) -> tuple[object, list[Problem]]:
    """A value read by its setting's kind: (None, []) when blank (an Excel error value in it
    is reported by parse_table, and leaves it blank)."""
    if is_blank(cell):
        return None, []
    value, issue = parse_cell(cell, setting, ctx)
    if issue is None:
        return value, []
    problems = [issue_problem(raw, row, column, issue, cell)]
    return (value if issue.severity == "warning" else None), problems


def unknown_setting(raw: RawTable, row: int, name: str) -> Problem:
    matches = process.extract(name, list(NAMES), scorer=fuzz.WRatio,
                              processor=utils.default_process, limit=3, score_cutoff=70)
    nearest = list(dict.fromkeys(NAMES[m[0]].name for m in matches))[:1]
    return problem(raw, row, "setting", "unknown-setting",
                   R_("is not a publication setting; the row is not read"),
                   R_("{did_you_mean}The settings are: {settings} (docs/inputs.md says what "
                      "each holds).", did_you_mean=did_you_mean(nearest),
                      settings=", ".join(s.name for s in SETTINGS)), name, "warning")


def repeated(raw: RawTable, row: int, value: object, first_row: int, first_value: object
             ) -> Problem:
    """A setting given twice: the same value is only noise, another one is an error (which
    of the two would hold?). A row left blank gives none, and repeats nothing."""
    name = raw.frame.at[row, "setting"]
    if value == first_value:
        return problem(raw, row, "setting", "duplicate-row",
                       R_("repeats row {row} exactly and is ignored", row=first_row),
                       R_("Delete the repeated row."), name, "warning")
    return problem(raw, row, "setting", "duplicate-setting",
                   R_("is also given in row {row}, with another value", row=first_row),
                   R_("Keep one of the two rows."), name)


def not_per_language(raw: RawTable, row: int, column: str, setting: Setting,
                     cell: object) -> Problem:
    return problem(raw, row, column, "ignored-value",
                   R_("'{setting}' has one value for every language: this cell is not read",
                      setting=setting.name),
                   R_("Put the value in the '{column}' column, or clear this cell.",
                      column=raw.headers.get("value", "value")), cell, "warning")


def check(raw: RawTable | None, meetings: pd.DataFrame, raw_meetings: RawTable, ctx: Context,
          given: dt.date | None, build_date: dt.date | None
          ) -> tuple[Publication, EditionDate, list[Problem]]:
    """The settings, the edition date of the year (build_date: today when not given) and
    their problems, the meetings marked held after that date among them."""
    publication, problems = read_settings(raw, ctx)
    edition = edition_date(given, publication, meetings, ctx.year,
                           build_date or dt.date.today())
    return publication, edition, problems + held_after_edition(meetings, raw_meetings,
                                                               edition.date, ctx.year)


def latest_meeting_date(meetings: pd.DataFrame, year: int) -> dt.date:
    """The latest date of a meeting held (status blank or held, not planned, postponed or
    cancelled) by the end of the year; the end of the year when there is none. A later
    meeting belongs to a later edition: a past edition keeps its own date."""
    ends = [end for status, start, end in zip(meetings["status"], meetings["start_date"],
                                              meetings["end_date"])
            if status in ("", "held") and start and end and start.year <= year]
    return max(ends, default=dt.date(year, 12, 31))


def edition_date(given: dt.date | None, publication: Publication, meetings: pd.DataFrame,
                 year: int, build_date: dt.date) -> EditionDate:
    """The edition date: the one given on the command line, else the settings', else the
    latest meeting date of the year, but never later than the build's date."""
    if given is not None:
        return EditionDate(given, "option")
    if (setting := publication.values.get("edition_date")) is not None:
        return EditionDate(setting, "settings")
    latest = latest_meeting_date(meetings, year)
    return EditionDate(min(latest, build_date), "default", latest)


def held_after_edition(meetings: pd.DataFrame, raw: RawTable, edition: dt.date, year: int
                       ) -> list[Problem]:
    """Meetings of the year marked held that start after the edition date: shown as
    upcoming (a meeting after the edition date is never held), and reported."""
    late = [row for row, status, start in zip(meetings.index, meetings["status"],
                                              meetings["start_date"])
            if status == "held" and start and edition < start and start.year <= year]
    return [problem(raw, row, "status", "held-after-edition",
                    R_("the meeting is marked held but starts on {start:%d/%m/%Y}, after the "
                       "edition date ({edition:%d/%m/%Y}); it is shown as upcoming",
                       start=meetings.at[row, "start_date"], edition=edition),
                    R_("If it has taken place, give a later edition date (EDITION_DATE=, or "
                       "edition_date in publication.xlsx); if not, write planned or leave "
                       "the status blank."), raw.frame.at[row, "status"], "warning")
            for row in late]
