"""The yearly updates table (updates.xlsx, optional): the secretariats' narratives.

One row per mechanism and year (make collect writes them from the returned update
workbooks). Its cells are parsed like every table's (cells.py) and its mechanisms
resolved like the meetings' (validate.resolve_mechanisms); here, the rules of its own:
one update per mechanism and year, and a narrative given only in another language than
English is said to be shown so in every language.
"""

from __future__ import annotations

import pandas as pd

from ..contract.schema import TRANSLATION_LANGUAGES, UPDATES
from ..errors import Problem
from ..model import RawTable
from ..utils.text import clean_text, is_blank
from ..wording import R_, LanguageName
from .cells import problem

NARRATIVE = ("achievements", "priorities", "upcoming")
"""The texts of an update, each translated (achievements_fr…)."""


def empty() -> pd.DataFrame:
    """The updates table of inputs that have none: its columns, no row."""
    return pd.DataFrame({column.name: pd.Series(dtype=object) for column in UPDATES.columns})


def one_per_year(updates: pd.DataFrame, raw: RawTable) -> tuple[pd.DataFrame, list[Problem]]:
    """Two rows for one mechanism and year: an exact repeat is dropped (duplicate-row, a
    warning); two different texts are an error (duplicate-update): which one to print is
    the editor's choice, never the build's."""
    problems: list[Problem] = []
    dropped: list[int] = []
    first: dict[tuple[str, object], int] = {}
    for row, mechanism_id, year in zip(updates.index, updates["mechanism_id"], updates["year"]):
        if not mechanism_id or year is None:
            continue
        earlier = first.setdefault((mechanism_id, year), row)
        if earlier == row:
            continue
        dropped.append(row)
        if raw.frame.loc[row].map(clean_text).equals(raw.frame.loc[earlier].map(clean_text)):
            problems.append(problem(raw, row, "mechanism_id", "duplicate-row",
                                    R_("repeats row {row} exactly and is ignored", row=earlier),
                                    R_("Delete the repeated row."), mechanism_id,
                                    severity="warning"))
        else:
            problems.append(problem(
                raw, row, "mechanism_id", "duplicate-update",
                R_("has a second update for {year}, different from row {row}", year=year,
                   row=earlier),
                R_("Keep one row per mechanism and year: merge the two texts into one row."),
                mechanism_id))
    return updates.drop(index=dropped), problems


def not_in_english(updates: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A narrative written only in another language (a workbook sent in Spanish): it is
    shown in that language in the documents of every language, marked as such, until its
    English is given (from which the translation kit asks the other languages)."""
    problems = []
    for column in NARRATIVE:
        for row, english in updates[column].items():
            if not is_blank(english):
                continue
            given = [lang for lang in TRANSLATION_LANGUAGES
                     if not is_blank(updates.at[row, f"{column}_{lang}"])]
            if given:
                language = LanguageName(given[0])
                problems.append(problem(
                    raw, row, column, "update-not-in-english",
                    R_("{mechanism}'s update for {year} gives its {column} in {language} "
                       "only: it is shown in {language}, marked as such, in the documents of "
                       "every language", mechanism=updates.at[row, "mechanism_id"],
                       year=updates.at[row, "year"], column=column, language=language),
                    R_("Write its English in the {column} column (the translation kit then "
                       "asks the other languages for it), or leave it so.", column=column),
                    severity="warning"))
    return problems
