"""Blank input workbooks for the editors, written from schema.py: `make templates`.

``inputs-template/mechanisms.xlsx``, ``meetings.xlsx`` and ``publication.xlsx``
hold the contract's headers (with their help as a comment), an instruction
sheet, dropdown lists (Excel data validation) for every enumerated column, for
``mechanism_id`` and for the settings' names, a date format on date columns and
a frozen header row; publication.xlsx lists every setting, its value blank (the
default). They never overwrite
``inputs/``. The instructions are in English, French and Spanish; with
``--report-lang fr`` (or ``es``; ``make templates REPORT_LANG=fr``) the
instructions, help texts and dropdown messages are in that language only.

    python -m pipeline.tools.input_templates --inputs inputs --out inputs-template
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

from babel import Locale
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .. import cells, ingest, validate
from ..catalogues import report_wording
from ..config import check_report_lang
from ..errors import BulletinError, ConfigError
from ..headers import column_help
from ..kinds import MECHANISM, SETTING
from ..publication import SETTINGS
from ..schema import MECHANISMS, MEETINGS, PARTICIPANTS, TABLES, TableSpec
from ..schema import SETTINGS as SETTINGS_TABLE
from ..vocabularies import VOCABULARIES
from ..wording import ENGLISH, R_, Text, Wording
from ..write import save_workbook

STAMP = dt.datetime(2025, 1, 1)
"""Fixed document dates, so that the templates' bytes depend on the contract only."""
LAST_ROW = 1_048_576
REQUIRED_FILL = PatternFill("solid", fgColor="1F4E8C")
OPTIONAL_FILL = PatternFill("solid", fgColor="5B7DB1")

INSTRUCTIONS_SHEET = R_("Instructions")
LISTS_SHEET = R_("Lists")
"""The templates' own sheets, named in their language; every name is one ingest ignores
(schema.IGNORED_SHEETS)."""
INSTRUCTIONS = (
    R_("One row per {row}. Do not rename the sheets or the headers; columns in dark blue "
       "are required."),
    R_("Hover over a header to read what it holds. Cells with a dropdown accept only the "
       "listed values (lists such as regions or IOM's role: several values separated by ;)."),
    R_("Dates: dd/mm/yyyy, day first (11/02/2025 is 11 February 2025). Years: four digits."),
    R_("mechanism_id: the mechanism's id from mechanisms.xlsx (its acronym or name also "
       "work)."),
    R_("Countries: their usual English, French or Spanish name."),
    R_("Save as .xlsx and put the file in inputs/. `make check` lists anything to correct."),
)
SETTINGS_INSTRUCTIONS = (
    INSTRUCTIONS[0],
    R_("Hover over a setting's name to read what it holds and what it is by default. A "
       "blank value takes the default; a row may be deleted."),
    INSTRUCTIONS[2],
    INSTRUCTIONS[5],
)
"""publication.xlsx has no mechanisms nor countries to explain."""
ROWS = {"mechanisms.xlsx": R_("mechanism (sheet mechanisms), one row per participation "
                              "(sheet participants)"),
        "meetings.xlsx": R_("meeting"),
        SETTINGS_TABLE.workbook: R_("setting")}
TEMPLATE_LANGUAGES = {"en": ("en", "fr", "es"), "fr": ("fr",), "es": ("es",)}
"""The languages of a template's instructions, by report language: the English templates
keep all three, as before (any office can start from them); the French and Spanish ones
speak their own, help texts and messages included. Headers stay the contract's names."""


def write_templates(out_dir: Path, inputs_dir: Path | None = None, lang: str = "en"
                    ) -> list[Path]:
    """Write the blank workbooks to out_dir, in a report language (en, fr, es); mechanism
    ids for meetings.xlsx come from inputs_dir when its mechanisms can be read."""
    if inputs_dir is not None and out_dir.resolve() == inputs_dir.resolve():
        raise ConfigError(R_("Refusing to write templates into {folder}: the inputs are "
                             "never overwritten. Choose another folder.", folder=inputs_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = known_mechanism_ids(inputs_dir) if inputs_dir else []
    wordings = [report_wording(language) for language in TEMPLATE_LANGUAGES[lang]]
    wording = wordings[0]
    written = []
    for workbook in dict.fromkeys(spec.workbook for spec in TABLES):
        book = Workbook()
        write_instructions(book.active, workbook, TEMPLATE_LANGUAGES[lang], wordings)
        lists = None
        if workbook == MEETINGS.workbook:
            lists = book.create_sheet(LISTS_SHEET.render(wording))
            lists.append([R_("Mechanism ids (from mechanisms.xlsx; update them when it "
                             "changes)").render(wording)])
            for mechanism_id in ids:
                lists.append([mechanism_id])
            lists.column_dimensions["A"].width = 30
        for spec in TABLES:
            if spec.workbook == workbook:
                write_table_sheet(book.create_sheet(spec.name), spec, len(ids), wording)
        if lists is not None:
            book.move_sheet(lists, offset=len(book.sheetnames))
        written.append(save_workbook(book, out_dir / workbook, STAMP))
    return written


def known_mechanism_ids(inputs_dir: Path) -> list[str]:
    """The ids of the mechanisms in inputs/, or none when they cannot be read."""
    try:
        raw = ingest.read_inputs(inputs_dir)
        tables, _ = validate.check(raw, cells.default_year(raw))
    except BulletinError:
        return []
    return sorted(tables.mechanisms["id"]) if tables is not None else []


def write_instructions(sheet, workbook: str, langs: tuple[str, ...],
                       wordings: list[Wording]) -> None:
    """The instructions in each language, then every column with its help (in the first
    language, 'required' in all of them)."""
    sheet.title = INSTRUCTIONS_SHEET.render(wordings[0])
    sheet.column_dimensions["A"].width = 110
    bold = Font(bold=True, size=12)
    for lang, wording in zip(langs, wordings):
        sheet.append([Locale.parse(lang).get_display_name(lang).capitalize()])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        for line in SETTINGS_INSTRUCTIONS if workbook == SETTINGS_TABLE.workbook \
                else INSTRUCTIONS:
            filled = dataclasses.replace(line, values=(("row", ROWS[workbook]),))
            sheet.append([filled.render(wording)])
            sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=True)
        sheet.append([])
    sheet.append([" · ".join(R_("Columns").render(w) for w in wordings)])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    words = [R_("required").render(w) for w in wordings]
    # Several languages: 'required · obligatoire · obligatorio', as a tag; one: in brackets.
    required = " · ".join(words) if len(words) > 1 else f"({words[0]})"
    for spec in TABLES:
        if spec.workbook != workbook:
            continue
        for column in spec.template_columns:
            line = R_("{table} › {column}: {help}", table=spec.name, column=column.name,
                      help=column_help(column)).render(wordings[0])
            sheet.append([f"{line} {required}" if column.required else line])
        for setting in SETTINGS if spec is SETTINGS_TABLE else ():
            sheet.append([setting_help(setting).render(wordings[0])])
    sheet.append([R_("The full contract: docs/inputs.md.").render(wordings[0])])


def setting_help(setting) -> Text:
    """'edition_date: what it holds (default: …)', as the instructions and the note on the
    setting's name say it."""
    return R_("{setting}: {help} (Default: {default}.)", setting=setting.name,
              help=setting.help, default=setting.default)


def write_table_sheet(sheet, spec: TableSpec, id_count: int, wording: Wording) -> None:
    """Headers with their help, frozen; dropdowns and formats column by column."""
    header_font = Font(bold=True, color="FFFFFF")
    for position, column in enumerate(spec.template_columns, start=1):
        letter = get_column_letter(position)
        cell = sheet.cell(row=1, column=position, value=column.name)
        cell.font = header_font
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        note = R_("{help} (required)", help=column_help(column)) if column.required \
            else column_help(column)
        cell.comment = Comment(note.render(wording), "iscm-bulletin", width=300, height=80)
        sheet.column_dimensions[letter].width = column.kind.width
        cells = f"{letter}2:{letter}{LAST_ROW}"
        if column.kind.number_format:
            sheet.column_dimensions[letter].number_format = column.kind.number_format
        validation = dropdown(spec, column, id_count, wording)
        if validation is not None:
            validation.add(cells)
            sheet.add_data_validation(validation)
    if spec is SETTINGS_TABLE:
        write_settings(sheet, wording)
    sheet.freeze_panes = "A2"


def write_settings(sheet, wording: Wording) -> None:
    """One row per setting, its value blank (the default): what it holds in a note on its
    name, and its kind's format on its value."""
    for row, setting in enumerate(SETTINGS, start=2):
        name = sheet.cell(row=row, column=1, value=setting.name)
        name.comment = Comment(setting_help(setting).render(wording), "iscm-bulletin",
                               width=300, height=100)
        if setting.kind.number_format:
            sheet.cell(row=row, column=2).number_format = setting.kind.number_format


def dropdown(spec: TableSpec, column, id_count: int, wording: Wording) -> DataValidation | None:
    """The dropdown of a column: its vocabulary, or the mechanism ids."""
    if column.vocabulary:
        # The contract's own values in every language, like the headers: they are what
        # the messages and docs/inputs.md name (the help of a French template adds the
        # French words also accepted: actif, membre, oui…).
        values = list(VOCABULARIES[column.vocabulary])
        # A list column takes several values separated by ';', which a strict
        # dropdown would refuse: offer the values, warn but accept others.
        strict = not column.kind.several
        return DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True,
                              showErrorMessage=True, errorStyle="stop" if strict else "warning",
                              error=R_("Use one of: {values}.",
                                       values=", ".join(values)).render(wording),
                              errorTitle=column.name)
    if column.kind is SETTING:
        # Their French and Spanish names are accepted too: warn, do not refuse.
        names = [setting.name for setting in SETTINGS]
        return DataValidation(type="list", formula1=f'"{",".join(names)}"', allow_blank=True,
                              showErrorMessage=True, errorStyle="warning",
                              error=R_("Use one of: {values}.",
                                       values=", ".join(names)).render(wording),
                              errorTitle=column.name)
    if column.kind is MECHANISM:
        if spec is PARTICIPANTS:
            source = f"{MECHANISMS.name}!$A$2:$A${LAST_ROW}"
        else:
            source = f"{LISTS_SHEET.render(wording)}!$A$2:$A${max(id_count + 1, 2)}"
        # Acronyms and names are accepted too: warn, do not refuse.
        return DataValidation(type="list", formula1=source, allow_blank=True,
                              showErrorMessage=True, errorStyle="warning",
                              error=R_("Not an id of mechanisms.xlsx: check it.")
                              .render(wording), errorTitle=column.name)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=Path("inputs"))
    parser.add_argument("--out", type=Path, default=Path("inputs-template"))
    parser.add_argument("--report-lang", default=os.environ.get("REPORT_LANG") or None,
                        help="Language of the instructions and help texts: en (with French "
                             "and Spanish too), fr or es [default: REPORT_LANG, else en].")
    args = parser.parse_args(argv)
    wording: Wording = ENGLISH  # until the language asked for is known to be one
    try:
        lang = check_report_lang(args.report_lang)
        wording = report_wording(lang)
        written = write_templates(args.out, args.inputs if args.inputs.is_dir() else None, lang)
    except BulletinError as error:
        print(R_("Error: {message}", message=error.render(wording)).render(wording),
              file=sys.stderr)
        return error.exit_code
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
