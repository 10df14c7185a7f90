"""Read the input files into RawTables. The only stage that reads inputs.

Every file in inputs/ (.xlsx, .xlsm, .ods, .csv; lock files and hidden files
skipped) is first checked by ``safety`` and read into grids by ``readers``.
Each grid is then matched to a contract table by its sheet name (any alias in
schema.py; for a CSV file, its file name) or, failing that, by its headers,
and the table is cut out of it (sheets.py), under the header row found by its
contents (headers.py). Every translator's file under inputs/translations/ is
read too (translator_files.py says what they hold).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..contract.schema import IGNORED_SHEETS, TABLES, TableSpec
from ..errors import InputError, Problem
from ..model import RawTable, RawTables
from ..utils.text import header_key
from ..wording import R_
from . import formats, readers, safety, sheets, translator_files
from .headers import find_header_row, header_map


def read_inputs(inputs_dir: Path) -> RawTables:
    """Find and read every contract table in the files of inputs_dir."""
    safety.assert_defusedxml_active()
    files = find_input_files(inputs_dir)
    if not files:
        raise InputError(R_("No spreadsheet in {folder}: put mechanisms.xlsx and "
                            "meetings.xlsx there (see docs/inputs.md).", folder=inputs_dir))
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
            table, found, table_counts = sheets.read_table(spec, path, grid)
            problems += found
            counts.update(table_counts)
            if table is None:
                continue
            if spec.name in tables:
                first = tables[spec.name]
                problems.append(Problem(
                    path.name, grid.sheet, code="duplicate-table",
                    message=R_("the {table} table is defined twice: in {first} and in "
                               "{second}", table=spec.name, first=where(first.file, first.sheet),
                               second=where(path.name, grid.sheet)),
                    hint=R_("Keep one of the two (merge their rows if need be) and move the "
                            "other out of inputs/.")))
                continue
            tables[spec.name] = table
    if not refused:  # a refused file may hold the table: do not add noise
        problems += [Problem(spec.workbook, spec.name, code="missing-table",
                             message=R_("no sheet or file holding the {table} table was found "
                                        "in {folder}/", table=spec.name,
                                        folder=inputs_dir.name),
                             hint=R_("Add a sheet '{table}' to {workbook} with the headers "
                                     "listed in docs/inputs.md.", table=spec.name,
                                     workbook=spec.workbook))
                     for spec in TABLES if spec.required and spec.name not in identified]
    entries, found = read_translations(inputs_dir)
    return RawTables(tables, tuple(problems + found),
                     tuple(sorted((k, n) for k, n in counts.items() if n)), tuple(entries))


def read_translations(inputs_dir: Path) -> tuple[list[translator_files.Entry], list[Problem]]:
    """The translations in every translator's file under inputs/translations/, each file
    named by its path there."""
    entries: list[translator_files.Entry] = []
    problems: list[Problem] = []
    folder = inputs_dir / translator_files.FOLDER
    for path in formats.translation_files(inputs_dir):
        name = path.relative_to(folder).as_posix()
        if path.suffix.lower() != ".xlsx":
            refusals = [replace(p, file=name) for p in safety.check_size(path)]
            found, more = ([], refusals) if refusals else translator_files.read_xliff(path, name)
        else:
            found, more = read_translation_sheet(path, name)
        entries += found
        problems += more
    return entries, problems


def read_translation_sheet(path: Path, name: str
                           ) -> tuple[list[translator_files.Entry], list[Problem]]:
    """A translator's spreadsheet: every sheet whose header row names the kit's columns."""
    grids, refusals = read_file(path)
    if refusals:
        return [], [replace(p, file=name) for p in refusals]
    lang, made = translator_files.sheet_stamp(path)
    if lang is None:
        return [], [translator_files.no_language(name)]
    read = [found for grid in grids
            if (found := translator_files.read_sheet(name, grid, lang, made)) is not None]
    if not read:
        return [], [Problem(name, code="no-header-row",
                            message=R_("no sheet with the headers id, context, source and "
                                       "translation"),
                            hint=R_("Use the file make translation-kit writes, with its "
                                    "headers as they are."))]
    return ([entry for entries, _ in read for entry in entries],
            [problem for _, problems in read for problem in problems])


def where(file: str, sheet: str) -> str:
    return f"{file} › {sheet}" if sheet else file


def find_input_files(inputs_dir: Path) -> list[Path]:
    """Input files in inputs_dir, in name order; Office lock files and hidden files skipped."""
    return sorted(p for p in inputs_dir.iterdir() if formats.is_input(p))


def check_file(path: Path) -> list[Problem]:
    """Problems that make a file unreadable; empty when it is safe to hand to a reader."""
    return safety.check_size(path) or formats.format_of(path).check(path)


def read_file(path: Path) -> tuple[list[readers.Grid], list[Problem]]:
    """The grids of a file, or the problems that stopped it from being read."""
    refusals = check_file(path)
    if refusals:
        return [], refusals
    try:
        return formats.format_of(path).read(path), []
    except readers.ReadError as error:
        hint = (R_("Save it again as CSV UTF-8 (Excel: File › Save As › CSV UTF-8).")
                if error.code == "bad-encoding" else safety.RECOPY_HINT)
        return [], [Problem(path.name, code=error.code,
                            message=R_("could not be read: {reason}", reason=error.reason),
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
