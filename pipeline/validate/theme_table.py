"""The themes of a run: the built-in ones, an editor's themes sheet over them, and every
theme the mechanisms and meetings write resolved to its key.

A themes sheet (optional, in any input workbook: schema.THEMES) adds themes, or
changes a built-in theme's labels and aliases: a row names its theme by key or by
any name (a built-in theme's, to change it; else a new one, whose key is the slug
of what is written), gives labels (blank: the built-in one, else none) and
aliases (added to the built-in ones: what was recognised stays recognised). One
row per theme, and no name that two themes answer to: each is a located error.

A theme the mechanisms or meetings write is replaced by its key (themes.py:
exact matches after folding). A theme nobody declared is kept, its name as
written for its label (shown marked as English in the other languages), with a
warning that offers the nearest known theme. It is never refused, and never
taken for a known theme it merely resembles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..config import LANGUAGES
from ..contract.kinds import Context, did_you_mean
from ..contract.schema import THEMES
from ..contract.themes import ThemeIndex, built_in, make_theme, names_of, theme_key, unlabelled
from ..errors import Problem
from ..model import RawTable, RawTables, Theme
from ..utils.frames import parse_distinct, rows_by_code
from ..wording import R_
from .cells import parse_table, problem
from .shown import in_years

Cell = tuple[int, str]
"""(Excel row, column) of the themes sheet where a name was written."""


def declared(raw: RawTables, ctx: Context) -> tuple[ThemeIndex, list[Problem]]:
    """The themes of the run: the built-in ones with the themes sheet, if any, over them."""
    if THEMES.name not in raw.tables:
        return ThemeIndex.of(built_in()), []
    table = raw[THEMES.name]
    frame, problems = parse_table(table, THEMES, ctx)
    base = ThemeIndex.of(built_in())
    themes = dict(built_in())
    first_row: dict[str, tuple[int, dict]] = {}
    given: dict[tuple[str, str], Cell] = {}  # (key, name) -> where the sheet gives it
    for row, record in zip(frame.index, frame.to_dict("records")):
        written = record["theme"]
        key = (base.resolve(written) or theme_key(written)) if written else ""
        if written and not key:
            problems.append(problem(table, row, "theme", "required-value",
                                    R_("has no letter or digit, so it names no theme"),
                                    R_("Write the theme's key or name."), written))
        if not key:
            continue  # a blank theme is a required-value error already
        if key in first_row:
            first, same = first_row[key][0], first_row[key][1] == record
            problems.append(problem(table, row, "theme", "duplicate-row", R_(
                "repeats row {row} exactly and is ignored", row=first), R_(
                "Delete the repeated row."), written, severity="warning") if same else problem(
                table, row, "theme", "duplicate-theme", R_(
                    "declares the theme {key} again (row {row} declares it first)", key=key,
                    row=first), R_("Keep one row per theme: merge the two rows."), written))
            continue
        first_row[key] = (row, record)
        themes[key] = changed(themes.get(key), key, record)
        if themes[key].gcm_objectives is None and not any(  # a refused cell is reported
                (p.row, p.column) == (row, "gcm_objectives") for p in problems):
            problems.append(no_crosswalk(table, row, "gcm_objectives", key, written))
        labels = ((f"label_{lang}", record[f"label_{lang}"]) for lang in LANGUAGES)
        for column, name in [("theme", written), *labels,
                             *(("aliases", alias) for alias in record["aliases"])]:
            if name:
                given.setdefault((key, name), (row, column))
    index = ThemeIndex.of(themes, [*((theme.key, name) for theme in themes.values()
                                     for name in names_of(theme)
                                     if (theme.key, name) not in given), *given])
    for name, key, other in index.clashes:
        row, column = given[key, name]
        problems.append(problem(table, row, column, "ambiguous-theme",
                                R_("is also a name of the theme {other}: a theme written so "
                                   "could not be told apart", other=other),
                                R_("Remove it from this row; or, if the two are one theme, "
                                   "declare them in one row (theme {other}).", other=other),
                                name))
    return index, problems


def changed(before: Theme | None, key: str, record: Mapping) -> Theme:
    """A theme as a row of the themes sheet gives it: its labels over the built-in ones, its
    aliases after them, its crosswalk (objectives, targets) where given, else the built-in
    one."""
    labels = dict(before.labels) if before else {}
    labels.update({lang: text for lang in LANGUAGES if (text := record[f"label_{lang}"])})
    given = {name: record[name] if record[name] is not None else
             getattr(before, name, None) for name in ("gcm_objectives", "sdg_targets")}
    return make_theme(key, labels, (*(before.aliases if before else ()), *record["aliases"]),
                      **given)


def no_crosswalk(raw: RawTable, row: int, column: str, key: str, written: str) -> Problem:
    """The warning on a theme that no crosswalk links to the Global Compact's objectives: its
    meetings count towards none (unless they name their objectives themselves)."""
    return problem(raw, row, column, "no-crosswalk",
                   R_("the theme {key} is linked to no objective of the Global Compact for "
                      "Migration: its meetings count towards none", key=key),
                   R_("In a themes sheet, give the theme's row the objectives it counts "
                      "towards in gcm_objectives (9; 10), or none if it counts towards none "
                      "(see docs/inputs.md)."), written, severity="warning")


def resolve(frame: pd.DataFrame, raw: RawTable, column: str, index: ThemeIndex,
            unknown: dict[str, Theme]) -> tuple[pd.DataFrame, list[Problem]]:
    """The frame with each theme of a column replaced by its key; a theme nobody declared is
    kept as written (added to unknown) and reported, with the nearest known theme."""
    cells = frame[column]
    codes, results = parse_distinct(cells, lambda items: keys_of(items, index))
    problems = []
    values = np.empty(len(results), dtype=object)
    for k, (rows, (keys, strangers)) in enumerate(zip(rows_by_code(codes), results)):
        values[k] = keys
        for key, written in strangers:
            unknown.setdefault(key, make_theme(key, {"en": written}, known=False))
            hint = R_("{did_you_mean}Correct it; or, if it is a theme of its own or another "
                      "name of one, declare it in a themes sheet (theme, label_en, label_fr…, "
                      "aliases: see docs/inputs.md).",
                      did_you_mean=did_you_mean(index.suggest(written)))
            problems += [problem(raw, row, column, "unknown-theme",
                                 R_("is not a known theme: it is shown as written, and counted "
                                    "as a theme of its own"), hint, written, severity="warning")
                         for row in cells.index[rows]]
    return frame.assign(**{column: values[codes] if len(results) else cells}), problems


def keys_of(items: Iterable[str], index: ThemeIndex) -> tuple[tuple[str, ...], list]:
    """The keys of the themes of a cell, and (key, name as written) of those not declared."""
    keys, strangers = [], []
    for item in items:
        key = index.resolve(item)
        if key is None:
            key = theme_key(item) or item
            strangers.append((key, item))
        keys.append(key)
    return tuple(dict.fromkeys(keys)), strangers


def resolve_all(raw: RawTables, ctx: Context, mechanisms: pd.DataFrame,
                meetings: pd.DataFrame
                ) -> tuple[tuple[pd.DataFrame, pd.DataFrame], dict[str, Theme], list[Problem]]:
    """The mechanisms and the meetings with every theme by its key; the themes of the run
    (those declared, then those written that nobody declared); and the problems met."""
    index, problems = declared(raw, ctx)
    unknown: dict[str, Theme] = {}
    mechanisms, found = resolve(mechanisms, raw["mechanisms"], "thematic_focus", index, unknown)
    problems += found
    meetings, found = resolve(meetings, raw["meetings"], "themes", index, unknown)
    problems += found
    return (mechanisms, meetings), {**index.themes, **unknown}, problems


def left_in_english(themes: Mapping[str, Theme], mechanisms: pd.DataFrame,
                    meetings: pd.DataFrame, year: int, langs: Iterable[str]
                    ) -> dict[str, int]:
    """Language -> the themes the documents show (every mechanism's, the year's meetings')
    that have no label in it."""
    shown = (set(mechanisms["thematic_focus"].explode().dropna())
             | set(meetings.loc[in_years(meetings, year), "themes"].explode().dropna()))
    return unlabelled(themes, shown, langs)
