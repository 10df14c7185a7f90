"""Every warning is true and says how to remove it: the editor's year, done as the guide says.

The shipped inputs, edited as an editor prepares a new year (eight meetings of 2026, a State
joining and one leaving, a change of status, a chair rewritten as a plain country name),
are checked; every warning they give is then removed by following its own hint, and checked
again. A kind of warning this test does not know how to remove fails it: a new warning must
come with a step that removes it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline import build
from pipeline.cli import main
from pipeline.config import LANGUAGES, load_config
from pipeline.contract.schema import TABLES
from pipeline.contract.vocabularies import VOCABULARIES
from pipeline.errors import Problem
from tests.conftest import SHIPPED_INPUTS

YEAR = 2026
NEW_MEETINGS = [  # mechanism, title, start, end, city, country, level, themes
    ("budapest", "Budapest Process Senior Officials' Meeting", (3, 10), (3, 11), "Istanbul",
     "Türkiye", "senior-officials", "regular-pathways"),
    ("rabat", "Rabat Process Steering Committee Meeting", (4, 14), (4, 14), "Rabat", "Morocco",
     "senior-officials", "irregular-migration"),
    ("bali", "20th Bali Process Steering Group Meeting", (5, 19), (5, 19), "Bangkok",
     "Thailand", "senior-officials", "trafficking-smuggling"),
    ("gfmd", "GFMD Friends of the Forum", (6, 2), (6, 2), "Geneva", "Switzerland", "technical",
     "migration-development"),
    ("midsa", "MIDSA Technical Committee", (7, 8), (7, 9), "Gaborone", "Botswana", "technical",
     "labour-migration"),
    ("igad-rcp", "IGAD-RCP Annual Meeting", (9, 22), (9, 24), "Nairobi", "Kenya",
     "senior-officials", "free-movement"),
    ("prague", "Prague Process Senior Officials' Meeting", (11, 4), (11, 5), "Prague",
     "Czechia", "senior-officials", "return-reintegration"),
    ("pafom", "10th Pan-African Forum on Migration", (12, 15), (12, 17), "Addis Ababa",
     "Ethiopia", "ministerial", "governance"),
]


def sheet_rows(sheet) -> tuple[dict[str, int], list]:
    """Header -> column number, and the data rows (header row 1, as the shipped sheets)."""
    return ({c.value: c.column for c in sheet[1] if c.value}, list(sheet.iter_rows(min_row=2)))


def append(sheet, values: dict) -> None:
    columns, _ = sheet_rows(sheet)
    row = sheet.max_row + 1
    for header, value in values.items():
        sheet.cell(row=row, column=columns[header], value=value)


def set_where(sheet, match: dict, **values) -> None:
    columns, rows = sheet_rows(sheet)
    found = [row for row in rows
             if all(row[columns[key] - 1].value == value for key, value in match.items())]
    assert found, match
    for row in found:
        for header, value in values.items():
            row[columns[header] - 1].value = value


def edit(folder: Path, workbook: str, change: Callable) -> None:
    book = openpyxl.load_workbook(folder / workbook)
    change(book)
    book.save(folder / workbook)


def prepare_the_year(folder: Path) -> None:
    """What the editor changes for 2026, in the shipped workbooks (README, "The yearly
    checklist", step 1)."""
    def meetings(book):
        for mechanism, title, (m1, d1), (m2, d2), city, country, level, themes in NEW_MEETINGS:
            append(book["meetings"], {
                "mechanism_id": mechanism, "title": title,
                "start_date": dt.datetime(YEAR, m1, d1), "end_date": dt.datetime(YEAR, m2, d2),
                "city": city, "country": country, "level": level, "themes": themes,
                "iom_participation": "yes"})

    def mechanisms(book):
        set_where(book["mechanisms"], {"id": "colombo"}, chair="India")  # was India (2024-2026)
        set_where(book["mechanisms"], {"id": "midcom"}, status="inactive", status_since=YEAR,
                  status_before="active", status_detail="Dormant since 2026")
        append(book["participants"], {"mechanism_id": "midwa", "participant": "Mauritania",
                                      "role": "member", "joined": YEAR})
        set_where(book["participants"], {"mechanism_id": "midsa", "participant": "Madagascar"},
                  left=YEAR)

    edit(folder, "meetings.xlsx", meetings)
    edit(folder, "mechanisms.xlsx", mechanisms)
    # Last year's edition date is cleared, as the checklist says: the default is taken.
    edit(folder, "publication.xlsx",
         lambda book: set_where(book["settings"], {"setting": "edition_date"}, value=None))


# --- The steps the hints name -------------------------------------------------------------

def translate_with_the_kit(folder: Path, warning: Problem, outputs: Path) -> None:
    """untranslated: 'Run make translation-kit LANGS=<lang>, have … translated, and put the
    returned file in inputs/translations/ as it is named'."""
    lang = re.search(r"LANGS=(\w+)", warning.hint).group(1)
    assert f"strings-{YEAR}-{lang}-" in warning.hint
    made = CliRunner().invoke(main, ["translation-kit", "--inputs", str(folder), "--outputs",
                                     str(outputs), "--lang", lang])
    assert made.exit_code == 0, made.output
    (path,) = (outputs / "translation-kit").glob(f"strings-{YEAR}-{lang}-*.xlsx")
    book = openpyxl.load_workbook(path)
    for row in book["strings"].iter_rows(min_row=2):
        row[3].value = f"[{lang}] {row[2].value}"
    book.save(folder / "translations" / path.name)


def fill_the_blank_cells(folder: Path, warning: Problem, outputs: Path) -> None:
    """blank-optional: 'Fill them in if known: <the column's help>' (a filter on the blanks
    finds them all; the message names the first rows)."""
    spec = next(spec for spec in TABLES if spec.name == warning.sheet)
    column = spec.column(warning.column)
    value = next(iter(VOCABULARIES[column.vocabulary])) if column.vocabulary else "Known."
    named = [int(r) for r in re.findall(r"\d+", warning.message.split("(", 1)[1])]

    def fill(book):
        sheet = book[warning.sheet]
        number = sheet_rows(sheet)[0][warning.column]
        blanks = [row for row in range(2, sheet.max_row + 1)
                  if sheet.cell(row=row, column=number).value in (None, "")]
        assert named == blanks[:len(named)], (named, blanks)
        for row in blanks:
            sheet.cell(row=row, column=number, value=value)
    edit(folder, warning.file, fill)


def add_its_members(folder: Path, warning: Problem, outputs: Path) -> None:
    """no-members: 'Add its members if they are known.'"""
    edit(folder, "mechanisms.xlsx", lambda book: append(book["participants"], {
        "mechanism_id": warning.value, "participant": "Spain", "role": "member"}))


REMEDIES: dict[str, Callable[[Path, Problem, Path], None]] = {
    "untranslated": translate_with_the_kit,
    "blank-optional": fill_the_blank_cells,
    "no-members": add_its_members,
}
"""Each kind of warning the editor's year gives, and the step its hint names."""


def same_cause(warning: Problem) -> tuple:
    """What a warning is about, whatever its count: its kind, where, and its value (the
    language, for untranslated)."""
    return warning.code, warning.file, warning.sheet, warning.column, warning.value, (
        re.search(r"LANGS=(\w+)", warning.hint) or [None])[0]


@pytest.fixture(scope="module")
def the_year(tmp_path_factory) -> tuple[Path, Path, tuple[Problem, ...]]:
    root = tmp_path_factory.mktemp("year")
    folder = root / "inputs"
    shutil.copytree(SHIPPED_INPUTS, folder)
    prepare_the_year(folder)
    report = build.check(load_config(folder, root / "outputs"))
    assert report.errors == ()
    return folder, root / "outputs", report.warnings


def test_the_editors_year_gives_only_warnings_it_can_remove(the_year):
    _, _, warnings = the_year
    assert warnings, "the year gives no warning: the test would prove nothing"
    assert {w.code for w in warnings} <= set(REMEDIES), [
        w.line() for w in warnings if w.code not in REMEDIES]


def test_a_chair_rewritten_as_a_country_gives_no_translation_warning(the_year):
    """It is printed by its UN name in every language: nothing to translate again."""
    _, _, warnings = the_year
    assert [w.line() for w in warnings if w.code == "translation-outdated"] == []


def test_every_warning_says_how_to_remove_it_and_its_step_removes_it(the_year, tmp_path):
    """Each warning's hint, followed on a copy of the year's inputs, removes it."""
    source, _, warnings = the_year
    for number, warning in enumerate(warnings):
        name = f"{number}-{warning.code}"
        folder = tmp_path / name / "inputs"
        shutil.copytree(source, folder)
        assert warning.hint, warning.line()
        REMEDIES[warning.code](folder, warning, tmp_path / name / "outputs")
        after = build.check(load_config(folder, tmp_path / name / "outputs")).warnings
        assert same_cause(warning) not in {same_cause(w) for w in after}, warning.line()


def test_every_language_of_the_year_is_checked(the_year):
    """The untranslated warnings of the new meetings come in each language built."""
    _, _, warnings = the_year
    langs = {re.search(r"LANGS=(\w+)", w.hint).group(1) for w in warnings
             if w.code == "untranslated"}
    assert langs == set(LANGUAGES) - {"en"}
