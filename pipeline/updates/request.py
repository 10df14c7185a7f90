"""make requests: one update workbook per mechanism, pre-filled with what the inputs hold.

Each workbook (form.py says what it holds) is written in the mechanism's working language
(the working_language column of the mechanisms sheet; English when blank), its words from
the documents' catalogue: instructions first, then the facts, participants, meetings and
narrative update, dropdowns on every closed list (the contract's vocabularies, the
countries), the sheets and headers locked and the cells to write in open, and a hidden,
checksummed stamp of what it was made from (stamp.py). Written to
``outputs/requests/<year>/iscm-update-<year>-<id>.xlsx``, the same inputs giving the same
bytes; a workbook already there that holds answers (a secretariat's, typed in by
mistake) is never overwritten: the new one goes beside it (…-2.xlsx).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ..contract.kinds import CHOICE, CHOICES, COUNTRY, DATE, YEAR, YES_NO
from ..contract.schema import Column
from ..contract.vocabularies import VOCABULARIES
from ..errors import ConfigError
from ..lang.localiser import RTL_LANGUAGES, Localiser
from ..languages import REPORT_CODES
from ..publish.write import atomically
from ..render.xlsx import save_workbook
from ..validate.references import MechanismIndex
from ..wording import R_
from ..world.countries import un_countries
from . import form
from .source import Source
from .stamp import Layout, Prefilled, Stamp
from .stamp import cells as stamp_cells

FOLDER = "requests"
HEADER_FILL = PatternFill("solid", fgColor="1F4E8C")
LOCKED_FILL = PatternFill("solid", fgColor="E7E9EE")
WRAP = Alignment(wrap_text=True, vertical="top")
ASKED = ("active", "emerging")
"""The mechanisms asked for their update by default."""
FIRST_DATE = dt.date(1980, 1, 1)


def file_name(year: int, mechanism_id: str) -> str:
    """A request's name: iscm-update-2025-midsa.xlsx (ids are slugs: safe in a name)."""
    return f"iscm-update-{year}-{mechanism_id}.xlsx"


def chosen_mechanisms(source: Source, wanted: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The ids of the mechanisms to ask: those named (by id, acronym or name), else every
    active or emerging one established by the year, by id. A name that is no mechanism is
    a ConfigError naming the nearest."""
    mechanisms = source.tables.mechanisms
    if not wanted:
        established = mechanisms["year_established"].map(
            lambda year: year is None or year <= source.year).astype(bool)
        return tuple(sorted(mechanisms.loc[mechanisms["status"].isin(ASKED) & established,
                                           "id"]))
    index = MechanismIndex.from_frame(mechanisms)
    found, unknown = [], []
    for name in wanted:
        resolved = index.resolve(name)
        (found if resolved else unknown).append(resolved or name)
    if unknown:
        raise ConfigError(*(R_("Config value 'mechanisms': {name} is not a mechanism of the "
                               "inputs (nearest: {nearest}).", name=name,
                               nearest=", ".join(index.suggest(name)) or "-")
                             for name in unknown))
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Written:
    """What one run of make requests wrote, and the workbooks of the same name it kept."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...]


def write_requests(source: Source, outputs_dir: Path, made: dt.date,
                   wanted: tuple[str, ...] = ()) -> Written:
    """One workbook per mechanism asked, into outputs/requests/<year>/."""
    from .returns import holds_answers

    folder = outputs_dir / FOLDER / str(source.year)
    folder.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for mechanism_id in chosen_mechanisms(source, wanted):
        book = request_workbook(source, mechanism_id, made)
        path = folder / file_name(source.year, mechanism_id)
        n = 1
        while path.exists() and holds_answers(path):
            kept.append(path)
            n += 1
            path = folder / f"{Path(file_name(source.year, mechanism_id)).stem}-{n}.xlsx"
        written.append(atomically(path, saved, book=book,
                                  stamp=dt.datetime.combine(made, dt.time())))
    return Written(tuple(written), tuple(kept))


def saved(path: Path, book: Workbook, stamp: dt.datetime) -> Path:
    """A workbook saved so that the same content gives the same bytes (atomically's writer)."""
    return save_workbook(book, path, stamp)


def language_of(source: Source, mechanism_id: str) -> str:
    row = source.mechanism_row(mechanism_id)
    return source.tables.mechanisms.at[row, "working_language"] or "en"


def request_workbook(source: Source, mechanism_id: str, made: dt.date) -> Workbook:
    """A mechanism's update workbook, in its working language."""
    lang = language_of(source, mechanism_id)
    loc = Localiser(lang)
    word = lambda message: loc.pgettext(*message)  # noqa: E731 (an NC_ pair)
    facts = source.facts(mechanism_id)
    name = facts[f"name_{lang}"] or facts["name_en"]
    values = dict(year=source.year, next=source.year + 1, mechanism=name,
                  date=loc.date(made))
    book = Workbook()
    instructions = book.active
    instructions.title = word(form.SHEET_TITLES["instructions"])
    write_instructions(instructions, [loc.pgettext(*line, **values)
                                      for line in form.INSTRUCTIONS])
    names = country_names(lang)
    layouts = {"instructions": Layout(instructions.title, (), ())}
    fill = Filler(loc, values, f"'{form.LISTS_SHEET}'!$A$1:$A${len(names)}")
    layouts["facts"] = fill.facts(book.create_sheet(word(form.SHEET_TITLES["facts"])), facts)
    participants = source.participants(mechanism_id)
    meetings = source.meetings(mechanism_id)
    for key, rows in (("participants", participants), ("meetings", meetings)):
        layouts[key] = fill.rows(book.create_sheet(word(form.SHEET_TITLES[key])),
                                 form.PARTS[key], rows)
    update = source.update(mechanism_id, lang)
    layouts["update"] = fill.update(book.create_sheet(word(form.SHEET_TITLES["update"])),
                                    update)
    stamp = Stamp(mechanism=mechanism_id, year=source.year, language=lang,
                  made=made.isoformat(), inputs=source.inputs, sheets=layouts, facts=facts,
                  participants=participants, meetings=meetings, update=update)
    countries = book.create_sheet(form.LISTS_SHEET)
    for number, country in enumerate(names, start=1):
        text_cell(countries, number, 1, country)
    hidden = book.create_sheet(form.STAMP_SHEET)
    for text in stamp_cells(stamp):
        hidden.append([text])
    for sheet in (countries, hidden):
        sheet.sheet_state = "veryHidden"
        sheet.protection.sheet = True
    for sheet in book.worksheets:
        sheet.sheet_view.rightToLeft = lang in RTL_LANGUAGES
        sheet.sheet_view.tabSelected = sheet is instructions
    book.active = 0
    # The structure locked: no sheet renamed, added, removed or shown.
    book.security = WorkbookProtection(lockStructure=True)
    return book


def write_instructions(sheet, lines: list[str]) -> None:
    sheet.column_dimensions["A"].width = 110
    for number, line in enumerate(lines, start=1):
        cell = text_cell(sheet, number, 1, line)
        cell.alignment = WRAP
        cell.font = Font(bold=True, size=14) if number == 1 else Font()
    sheet.protection.sheet = True


def country_names(lang: str) -> list[str]:
    """The countries the dropdowns offer, by their UN names in the workbook's language when
    the inputs read it (English, French, Spanish), else in English, in its order."""
    shown = lang if lang in REPORT_CODES else "en"
    loc = Localiser(shown)
    return sorted((country.names.get(shown) or country.names["en"]
                   for country in un_countries().values() if country.names.get("en")),
                  key=loc.sort_key)


def text_cell(sheet, row: int, column: int, value: object):
    """A cell; a text stays text (a value beginning with '=' never becomes a formula)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


@dataclass
class Filler:
    """Writes the sheets of one workbook, in its language."""

    loc: Localiser
    values: dict[str, object]
    countries: str
    """The range of the country names (write_countries)."""

    def word(self, message: tuple[str, str], **values: object) -> str:
        return self.loc.pgettext(*message, **values)

    def label(self, part: str, column: str) -> str:
        key = form.label_key(part, column)
        language = column.removeprefix("name_")
        return self.word(form.LABELS[key], **self.values,
                         language=Locale.parse(self.loc.locale).languages.get(language, language))

    def headers(self, sheet, headers: list[str], widths: list[int]) -> None:
        for number, (header, width) in enumerate(zip(headers, widths), start=1):
            cell = text_cell(sheet, 1, number, header)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = HEADER_FILL
            cell.alignment = WRAP
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = "A2"

    def facts(self, sheet, facts: dict[str, object]) -> Layout:
        """Fact, current value (locked), correction (open, with the fact's dropdown)."""
        part = form.PARTS["facts"]
        headers = [self.word(header) for header in form.FACT_HEADERS]
        self.headers(sheet, headers, [42, 50, 50])
        for row, name in enumerate(part.columns, start=2):
            column = part.column(name)
            locked(text_cell(sheet, row, 1, self.label("facts", name)))
            locked(value_cell(sheet, row, 2, column, facts[name]))
            correction = value_cell(sheet, row, 3, column, None)
            correction.protection = Protection(locked=False)
            self.validate(sheet, column, f"C{row}", several_warn=True)
        protect(sheet)
        return Layout(sheet.title, tuple(headers), ("", "", "correction"))

    def rows(self, sheet, part: form.Part, rows: tuple[Prefilled, ...]) -> Layout:
        """The pre-filled rows, then empty ones, every cell open; the hidden ref column."""
        columns = [part.column(name) for name in part.columns]
        headers = [self.label(part.key, name) for name in part.columns] + [form.REF]
        self.headers(sheet, headers, [max(c.kind.width, 14) for c in columns] + [6])
        last = len(rows) + form.EXTRA_ROWS[part.key] + 1
        for number, row in enumerate(rows, start=2):
            for position, column in enumerate(columns, start=1):
                value_cell(sheet, number, position, column, row.values[column.name])
            sheet.cell(row=number, column=len(columns) + 1, value=row.ref)
        for number in range(2, last + 1):
            for position in range(1, len(columns) + 1):
                cell = sheet.cell(row=number, column=position)
                cell.protection = Protection(locked=False)
                cell.alignment = WRAP
                if columns[position - 1].kind.number_format:
                    cell.number_format = columns[position - 1].kind.number_format
        for position, column in enumerate(columns, start=1):
            letter = get_column_letter(position)
            self.validate(sheet, column, f"{letter}2:{letter}{last}")
        sheet.column_dimensions[get_column_letter(len(columns) + 1)].hidden = True
        protect(sheet, insert_rows=True)
        return Layout(sheet.title, tuple(headers), (*part.columns, form.REF))

    def update(self, sheet, update: dict[str, object]) -> Layout:
        """The narrative and its sender: label (locked), text (open), one row each."""
        part = form.PARTS["update"]
        headers = [self.word(header) for header in form.UPDATE_HEADERS]
        self.headers(sheet, headers, [40, 100])
        for row, name in enumerate(part.columns, start=2):
            column = part.column(name)
            locked(text_cell(sheet, row, 1, self.label("update", name)))
            cell = value_cell(sheet, row, 2, column, update.get(name))
            cell.protection = Protection(locked=False)
            if name in form.NARRATIVE:
                sheet.row_dimensions[row].height = 150
            self.validate(sheet, column, f"B{row}")
        protect(sheet)
        return Layout(sheet.title, tuple(headers), ("", "text"))

    def validate(self, sheet, column: Column, cells: str, several_warn: bool = False) -> None:
        """The dropdown or check of a column's cells, if its kind has one."""
        validation = self.validation(column, several_warn)
        if validation is not None:
            validation.add(cells)
            sheet.add_data_validation(validation)

    def validation(self, column: Column, several_warn: bool) -> DataValidation | None:
        error = lambda check: self.word(form.CHECKS[check])  # noqa: E731
        if column.vocabulary and column.kind in (CHOICE, CHOICES, YES_NO):
            values = list(VOCABULARIES[column.vocabulary])
            # Several values separated by ';', or a dash to clear a fact: warn, accept.
            strict = column.kind is not CHOICES and not several_warn
            return DataValidation(type="list", formula1=f'"{",".join(values)}"',
                                  allow_blank=True, showErrorMessage=True,
                                  errorStyle="stop" if strict else "warning",
                                  error=error("list"))
        if column.kind is YEAR:
            return DataValidation(type="whole", operator="between", formula1="1980",
                                  formula2="2100", allow_blank=True, showErrorMessage=True,
                                  errorStyle="warning" if several_warn else "stop",
                                  error=error("year"))
        if column.kind is DATE:
            return DataValidation(type="date", operator="greaterThanOrEqual",
                                  formula1=str((FIRST_DATE - dt.date(1899, 12, 30)).days),
                                  allow_blank=True, showErrorMessage=True,
                                  error=error("date"))
        if column.kind is COUNTRY or column.name == "participant":
            return DataValidation(type="list", formula1=self.countries, allow_blank=True,
                                  showErrorMessage=True, errorStyle="warning",
                                  error=error("country"))
        return None


def value_cell(sheet, row: int, number: int, column: Column, value: object):
    """A cell holding a value as written (form.written): a date as a date, in the column's
    format; a text as text."""
    if column.kind is DATE and isinstance(value, str) and len(value) == 10:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            pass
    cell = text_cell(sheet, row, number, value)
    cell.alignment = WRAP
    if column.kind.number_format:
        cell.number_format = column.kind.number_format
    return cell


def locked(cell):
    cell.fill = LOCKED_FILL
    return cell


def protect(sheet, insert_rows: bool = False) -> None:
    """The sheet protected (no password: it guards against slips, not people): its locked
    cells cannot be changed, nor its columns; rows may be inserted where asked for."""
    sheet.protection.sheet = True
    sheet.protection.insertRows = not insert_rows  # openpyxl: True forbids
    sheet.protection.formatColumns = False  # widths may be changed
    sheet.protection.formatRows = False
