"""Dress input workbooks for the editors, from schema.py: the blank templates and inputs/.

Dressing adds what helps an editor fill a workbook in, and changes no cell that holds
data: an instruction sheet first (what each sheet and column holds, from the contract),
each header coloured (dark blue: required) with the contract's help as a comment, a
dropdown (Excel data validation) on every column with a closed list and on mechanism_id,
a date or year format on those columns and a frozen header row. Tables, header rows and
columns are found as the build finds them (ingest, headers), in any language and order,
so a new table of the contract is dressed like the others. The sheets dressing adds are
named in a document property: dressing again replaces them, never a sheet of the
editor's, and gives the same bytes.

`make templates` dresses blank workbooks, `make dress-inputs` the workbooks of inputs/
in place (input_templates.py).
"""

from __future__ import annotations

import datetime as dt
import re
from copy import copy

import openpyxl
from babel import Locale
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation

from ..config import REPORT_LANGUAGES
from ..contract.kinds import MECHANISM, SETTING
from ..contract.schema import MECHANISMS, Column
from ..contract.schema import SETTINGS as SETTINGS_TABLE
from ..contract.vocabularies import VOCABULARIES
from ..errors import ConfigError
from ..lang.catalogues import report_wording
from ..languages import SOURCE
from ..read.headers import column_help
from ..read.placed import PlacedTable, locate_tables
from ..validate.publication import SETTINGS
from ..wording import R_, Text, Wording

STAMP = dt.datetime(2025, 1, 1)
"""Fixed document dates, so that a dressed workbook's bytes depend on its content only."""
LAST_ROW = 1_048_576
REQUIRED_FILL = PatternFill("solid", fgColor="1F4E8C")
OPTIONAL_FILL = PatternFill("solid", fgColor="5B7DB1")
AUTHOR = "iscm-bulletin"
"""The author of the header comments dressing writes: those are replaced, others kept."""
OWN_SHEETS = "iscm-dressed-sheets"
"""The document property that names the sheets dressing added ('Instructions;Lists')."""

INSTRUCTIONS_SHEET = R_("Instructions")
LISTS_SHEET = R_("Lists")
"""Dressing's own sheets, named in their language; every name is one ingest ignores
(schema.IGNORED_SHEETS)."""
INSTRUCTIONS = (
    R_("Do not rename the sheets or the headers; columns in dark blue are required."),
    R_("Hover over a header to read what it holds. Cells with a dropdown accept only the "
       "listed values (lists such as regions or IOM's role: several values separated by ;)."),
    R_("Dates: dd/mm/yyyy, day first (11/02/2025 is 11 February 2025). Years: four digits."),
    R_("mechanism_id: the mechanism's id from mechanisms.xlsx (its acronym or name also "
       "work)."),
    R_("Countries: their usual English, French or Spanish name."),
    R_("Save as .xlsx and put the file in inputs/. `make check` lists anything to correct."),
)
ROWS = {"mechanisms": R_("mechanism"), "participants": R_("participation"),
        "meetings": R_("meeting"),
        "themes": R_("theme to add or relabel (optional; the known themes: docs/inputs.md)"),
        "settings": R_("setting")}
SETTINGS_LINE = R_("Hover over a setting's name to read what it holds and what it is by "
                   "default. A blank value takes the default; a row may be deleted.")
"""What one row of a table is, for the instructions' first lines; a table not named here
is introduced by its name."""
TEMPLATE_LANGUAGES = {lang: REPORT_LANGUAGES if lang == SOURCE else (lang,)
                      for lang in REPORT_LANGUAGES}
"""The languages of the instructions, by report language: English keeps all three (any
office can start from them); French and Spanish speak their own, help texts and messages
included. Headers stay as they are (the contract's names in the templates)."""


def dress(book: openpyxl.Workbook, file_name: str, ids: list[str], lang: str = "en"
          ) -> list[PlacedTable]:
    """Dress a workbook in place (an openpyxl Workbook, not yet saved): the contract tables it
    holds, found as ingest finds them, then the instructions first and, if a table names
    mechanisms that the workbook does not hold, their ids (ids) on a list sheet last."""
    wordings = [report_wording(language) for language in TEMPLATE_LANGUAGES[lang]]
    wording = wordings[0]
    for title in own_sheets(book):
        del book[title]
    placed = locate_tables(book, file_name)
    if not placed:
        return []
    titles = [INSTRUCTIONS_SHEET.render(wording), LISTS_SHEET.render(wording)]
    for title in titles:
        if title in book.sheetnames:
            raise ConfigError(R_("{file} already has a sheet named {sheet}, which dressing "
                                 "writes: rename that sheet, then dress again.",
                                 file=file_name, sheet=title))
    write_instructions(book.create_sheet(titles[0], 0), placed, lang, wordings)
    added = titles[:1]
    ids_at = mechanism_ids_at(placed)
    if ids_at is None and any(c.kind is MECHANISM for p in placed for _, c in p.columns):
        lists = book.create_sheet(titles[1])
        lists.append([R_("Mechanism ids (from mechanisms.xlsx; update them when it "
                         "changes)").render(wording)])
        for mechanism_id in ids:
            lists.append([mechanism_id])
        lists.column_dimensions["A"].width = 30
        ids_at = f"{sheet_ref(titles[1])}!$A$2:$A${max(len(ids) + 1, 2)}"
        added.append(titles[1])
    for table in placed:
        dress_table(book[table.sheet], table, ids_at, wording)
    if OWN_SHEETS in book.custom_doc_props.names:
        del book.custom_doc_props[OWN_SHEETS]
    book.custom_doc_props.append(StringProperty(name=OWN_SHEETS, value=";".join(added)))
    book.active = 0  # the instructions open first, and alone: two selected tabs are grouped
    for position, sheet in enumerate(book.worksheets):
        sheet.sheet_view.tabSelected = position == 0
    return placed


def own_sheets(book: openpyxl.Workbook) -> list[str]:
    """The sheets an earlier dressing added, as its document property names them."""
    if OWN_SHEETS not in book.custom_doc_props.names:
        return []
    named = book.custom_doc_props[OWN_SHEETS].value.split(";")
    return [title for title in named if title in book.sheetnames]


def mechanism_ids_at(placed: list[PlacedTable]) -> str | None:
    """Where the dropdowns of mechanism_id find the ids: the workbook's own mechanisms table
    (its id column, to the last row), if it has one."""
    for table in placed:
        letter = table.letter("id") if table.spec is MECHANISMS else None
        if letter:
            return f"{sheet_ref(table.sheet)}!${letter}${table.header_row + 1}:${letter}${LAST_ROW}"
    return None


def sheet_ref(title: str) -> str:
    """A sheet's name as a formula names it: quoted unless it is a plain word."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title):
        return title
    return "'{}'".format(title.replace("'", "''"))


def write_instructions(sheet, placed: list[PlacedTable], lang: str,
                       wordings: list[Wording]) -> None:
    """The instructions in each language, each sheet named as it is, then every column of
    the workbook's tables with its help (in the first language, 'required' in all)."""
    sheet.column_dimensions["A"].width = 110
    bold = Font(bold=True, size=12)
    tables = [R_("Sheet {sheet}: one row per {row}.", sheet=table.sheet,
                 row=ROWS[table.spec.name]) if table.spec.name in ROWS else
              R_("Sheet {sheet}: the {table} table of docs/inputs.md.", sheet=table.sheet,
                 table=table.spec.name)
              for table in placed]
    for language, wording in zip(TEMPLATE_LANGUAGES[lang], wordings):
        sheet.append([Locale.parse(language).get_display_name(language).capitalize()])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        for line in (*tables, *instructions(placed)):
            sheet.append([line.render(wording)])
            sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=True)
        sheet.append([])
    sheet.append([" · ".join(R_("Columns").render(w) for w in wordings)])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    words = [R_("required").render(w) for w in wordings]
    # Several languages: 'required · obligatoire · obligatorio', as a tag; one: in brackets.
    required = " · ".join(words) if len(words) > 1 else f"({words[0]})"
    for spec in dict.fromkeys(table.spec for table in placed):
        for column in spec.template_columns:
            line = R_("{table} › {column}: {help}", table=spec.name, column=column.name,
                      help=column_help(column)).render(wordings[0])
            sheet.append([f"{line} {required}" if column.required else line])
        for setting in SETTINGS if spec is SETTINGS_TABLE else ():
            sheet.append([setting_help(setting).render(wordings[0])])
    sheet.append([R_("The full contract: docs/inputs.md.").render(wordings[0])])


def instructions(placed: list[PlacedTable]) -> tuple[Text, ...]:
    """The general instructions that concern the workbook's tables: publication.xlsx has
    no mechanisms nor countries to explain, and its own line on the settings."""
    if all(table.spec is SETTINGS_TABLE for table in placed):
        return (SETTINGS_LINE, INSTRUCTIONS[0], INSTRUCTIONS[2], INSTRUCTIONS[5])
    return INSTRUCTIONS


def setting_help(setting) -> Text:
    """'edition_date: what it holds (default: …)', as the instructions and the note on the
    setting's name say it."""
    return R_("{setting}: {help} (Default: {default}.)", setting=setting.name,
              help=setting.help, default=setting.default)


def dress_table(sheet, table: PlacedTable, ids_at: str | None, wording: Wording) -> None:
    """Headers coloured with their help; formats and dropdowns column by column, replacing
    any other dropdown on those columns; the header row frozen unless panes are already."""
    header_font = Font(bold=True, color="FFFFFF")
    first = table.header_row + 1
    validations = []
    for number, column in table.columns:
        letter = get_column_letter(number)
        cell = sheet.cell(row=table.header_row, column=number)
        cell.font = header_font
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        if cell.comment is None or cell.comment.author == AUTHOR:
            cell.comment = Comment(header_note(column, wording).render(wording), AUTHOR,
                                   width=300, height=80)
        if covering_dimension(sheet, number) is None:
            sheet.column_dimensions[letter].width = column.kind.width
        if column.kind.number_format:
            own_dimension(sheet, number).number_format = column.kind.number_format
        validation = dropdown(column, ids_at, wording)
        if validation is not None:
            validation.add(f"{letter}{first}:{letter}{LAST_ROW}")
            validations.append(validation)
    drop_validations(sheet, {number for number, _ in table.columns})
    for validation in validations:
        sheet.add_data_validation(validation)
    if sheet.freeze_panes is None:
        sheet.freeze_panes = f"A{first}"


def header_note(column: Column, wording: Wording) -> Text:
    """What a header's comment says: the contract's help ('(required)' after it), or for a
    translation column (title_fr), what it translates."""
    if column.is_translation:
        return R_("{column} in {language}, if translated (blank: the English is shown).",
                  column=column.translates, language=wording.language(column.lang))
    return R_("{help} (required)", help=column_help(column)) if column.required \
        else column_help(column)


def covering_dimension(sheet, number: int):
    """The width and format the sheet sets for a column, alone or in a group, if any."""
    for dimension in sheet.column_dimensions.values():
        low = dimension.min or column_index_from_string(dimension.index)
        if low <= number <= (dimension.max or low):
            return dimension
    return None


def own_dimension(sheet, number: int):
    """A column's own width and format: a group that holds it (<col min=3 max=5>, as Excel
    writes them) is split around it first, so that a format set there is that column's only."""
    group = covering_dimension(sheet, number)
    if group is not None and group.min and group.max and group.max > group.min:
        for start, end in ((group.min, number - 1), (number, number), (number + 1, group.max)):
            if start <= end:
                part = copy(group)
                part.index, part.min, part.max = get_column_letter(start), start, end
                sheet.column_dimensions[part.index] = part
    return sheet.column_dimensions[get_column_letter(number)]


def drop_validations(sheet, numbers: set[int]) -> None:
    """Take the dressed columns out of the sheet's dropdowns; drop those left with none."""
    kept = []
    for validation in sheet.data_validations.dataValidation:
        ranges = []
        for cell_range in validation.sqref.ranges:
            spans, start = [], None
            for number in range(cell_range.min_col, cell_range.max_col + 2):
                outside = number <= cell_range.max_col and number not in numbers
                if outside and start is None:
                    start = number
                elif not outside and start is not None:
                    spans.append((start, number - 1))
                    start = None
            ranges += [CellRange(min_col=a, max_col=b, min_row=cell_range.min_row,
                                 max_row=cell_range.max_row).coord for a, b in spans]
        if ranges:
            validation.sqref = " ".join(ranges)
            kept.append(validation)
    sheet.data_validations.dataValidation = kept


def dropdown(column: Column, ids_at: str | None, wording: Wording) -> DataValidation | None:
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
    if column.kind is MECHANISM and ids_at:
        # Acronyms and names are accepted too: warn, do not refuse.
        return DataValidation(type="list", formula1=ids_at, allow_blank=True,
                              showErrorMessage=True, errorStyle="warning",
                              error=R_("Not an id of mechanisms.xlsx: check it.")
                              .render(wording), errorTitle=column.name)
    return None
