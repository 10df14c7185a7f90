"""Write the input corpus under tests/data/: bad/<case>/, clean/, messy/, history/ and
french-office/.

Each bad case is the clean set with exactly one thing wrong (or hostile, or
merely unusual), and lists the problems it must raise as
(severity, file, sheet, Excel row, column as written, code). ``messy/`` holds
the clean data as offices really keep it (French headers and sheet names,
title rows, blank rows and columns, mixed date forms, country variants, a
';'-separated CSV with a BOM, an .ods file) and must build the same figures
as ``clean/``. ``french-office/`` holds the shipped inputs (inputs/) with French
file, sheet and header names, dressed in French, and must build the same summary as
inputs/. `make corpus` reruns this script; the files are committed, and
a test checks they are what this script writes.

    python -m tests.data.make_corpus [folder]
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pipeline.contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, THEMES, UPDATES
from pipeline.render.xlsx import fixed_zip, save_workbook
from pipeline.tools.dressing import dress
from pipeline.tools.input_templates import known_mechanism_ids
from tests import conftest
from tests.data.history import write_history

DATA = Path(__file__).resolve().parent
BAD = DATA / "bad"
STAMP = dt.datetime(2025, 1, 1)
EXPECTED_YEAR = 2025

# The clean set: the test suite's small inputs, completed so that they raise no warning.
COMPLETIONS = {
    "midsa": {"name_es": "Diálogo sobre Migración para África Meridional",
              "name_ar": "حوار الهجرة للجنوب الأفريقي",
              "name_ru": "Диалог по вопросам миграции для южной части Африки"},
    "midwa": {"name_fr": "Dialogue sur la migration pour l’Afrique de l’Ouest",
              "name_es": "Diálogo sobre Migración para África Occidental",
              "name_ar": "حوار الهجرة لغرب أفريقيا",
              "name_ru": "Диалог по вопросам миграции для Западной Африки"},
    "gfmd": {"name_ar": "المنتدى العالمي المعني بالهجرة والتنمية",
             "name_ru": "Глобальный форум по миграции и развитию"},
    "rcm": {"name_fr": "Conférence régionale sur la migration (Processus de Puebla)",
            "name_es": "Conferencia Regional sobre Migración (Proceso Puebla)",
            "name_ar": "المؤتمر الإقليمي المعني بالهجرة (عملية بويبلا)",
            "name_ru": "Региональная конференция по миграции (Пуэблский процесс)",
            "thematic_focus": "regular-pathways"},
    "apc": {"name_fr": "Consultations Asie-Pacifique sur les réfugiés, les personnes "
                       "déplacées et les migrants",
            "name_es": "Consultas de Asia y el Pacífico sobre Refugiados, Personas "
                       "Desplazadas y Migrantes",
            "name_ar": "مشاورات آسيا والمحيط الهادئ بشأن اللاجئين والمشردين والمهاجرين",
            "name_ru": "Азиатско-Тихоокеанские консультации по вопросам беженцев, "
                       "перемещенных лиц и мигрантов",
            "iom_role": "secretariat", "thematic_focus": "displacement"},
}
MECHANISM_ROWS = [dict(row, **COMPLETIONS.get(row["id"], {}))
                  for row in conftest.MECHANISM_ROWS]
PARTICIPANT_ROWS = [dict(row, joined=2002) if row["participant"] == "Colombia" else dict(row)
                    for row in conftest.PARTICIPANT_ROWS] + [
    {"mechanism_id": "gfmd", "participant": p, "role": "member"}
    for p in ("Türkiye", "Morocco", "Germany", "Democratic Republic of the Congo")]
MEETING_ROWS = [dict(row, themes=row.get("themes", "free-movement"))
                for row in conftest.MEETING_ROWS]
THEME_ROWS = [  # APC's theme, which the known themes lack, declared with its labels
    {"theme": "displacement", "label_en": "Displacement", "label_fr": "Déplacements",
     "label_es": "Desplazamiento", "label_ru": "Перемещение населения", "label_ar": "النزوح",
     "aliases": "forced displacement; déplacement forcé; desplazamiento forzado",
     "gcm_objectives": "none"},
]


# --- Writing workbooks -------------------------------------------------------------------

def header_cell(sheet, name: str):
    """The header cell of a column, wherever the contract puts it."""
    return next(cell for cell in sheet[1] if cell.value == name)


def rows_with(rows: list[dict], index: int, **values) -> list[dict]:
    rows = copy.deepcopy(rows)
    rows[index].update(values)
    return rows


def clean_books(mechanisms=None, participants=None, meetings=None, themes=None
                ) -> dict[str, openpyxl.Workbook]:
    """The clean set as workbooks, to change before saving: mechanisms.xlsx holds a themes
    sheet too."""
    books = conftest.input_books(MECHANISM_ROWS if mechanisms is None else mechanisms,
                                 PARTICIPANT_ROWS if participants is None else participants,
                                 MEETING_ROWS if meetings is None else meetings)
    conftest.write_sheet(books["mechanisms.xlsx"], THEMES.name,
                         [c.name for c in THEMES.template_columns],
                         THEME_ROWS if themes is None else themes)
    return books


def save(folder: Path, books: dict[str, openpyxl.Workbook]) -> None:
    for name, book in books.items():
        save_workbook(book, folder / name, STAMP)


def write_clean(folder: Path, **changes) -> None:
    save(folder, clean_books(**changes))


def patch_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one part of a saved workbook, as another program (or an attacker) would."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            z.writestr(info.filename, change(data) if info.filename == part else data)
    path.write_bytes(fixed_zip(out.getvalue()))


MEETINGS_SHEET = "xl/worksheets/sheet1.xml"


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """A minimal OpenDocument spreadsheet (what LibreOffice reads and calamine too)."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    tables = []
    for name, rows in sheets.items():
        cells_xml = []
        for row in rows:
            cells = []
            for value in row:
                if value in (None, ""):
                    cells.append("<table:table-cell/>")
                elif isinstance(value, int):
                    cells.append(f'<table:table-cell office:value-type="float" '
                                 f'office:value="{value}"><text:p>{value}</text:p>'
                                 "</table:table-cell>")
                else:
                    cells.append(f'<table:table-cell office:value-type="string"><text:p>'
                                 f"{escape(str(value))}</text:p></table:table-cell>")
            cells_xml.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(cells_xml)}'
                      "</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               f'office:version="1.2"><office:body><office:spreadsheet>{"".join(tables)}'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(fixed_zip(out.getvalue()))


def write_csv(path: Path, rows: list[list[object]], delimiter: str, encoding: str) -> None:
    """A CSV file the way Excel writes one: CRLF line ends, quotes only where needed."""
    import csv

    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if v is None else v for v in row] for row in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))


def as_grid(headers: list[str], rows: list[dict], names: list[str] | None = None) -> list[list]:
    return [names or headers] + [[row.get(h) for h in headers] for row in rows]


# --- The cases ---------------------------------------------------------------------------

Expected = tuple[str, str, str, int, str, str]


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], None]
    expected: tuple[Expected, ...]
    doc: str
    year: int | None = None
    """The bulletin year to check with (None: the default, the latest year with meetings)."""
    builds: bool = field(default=False)
    """Worth a full build in the tests (hostile text that must reach HTML and PDF as text)."""
    langs: str = "en"
    """The languages checked: English, unless the case is about another language (the
    texts of the corpus are not translated, which other languages would report)."""


CASES: dict[str, Case] = {}


def case(*expected: Expected, year: int | None = None, builds: bool = False, langs="en"):
    def register(write: Callable[[Path], None]):
        name = write.__name__.replace("_", "-")
        CASES[name] = Case(name, write, tuple(expected), (write.__doc__ or "").strip(), year,
                           builds, langs)
        return write
    return register


def error(file, sheet, row, column, code) -> Expected:
    return ("error", file, sheet, row, column, code)


def warning(file, sheet, row, column, code) -> Expected:
    return ("warning", file, sheet, row, column, code)


MEET = ("meetings.xlsx", "meetings")
MECH = ("mechanisms.xlsx", "mechanisms")
PART = ("mechanisms.xlsx", "participants")
THEM = ("mechanisms.xlsx", "themes")


# Errors: the build stops, nothing is written.

@case(error(*MEET, 1, "level", "missing-column"))
def missing_column(folder):
    """The required column 'level' is missing."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    sheet.delete_cols([cell.value for cell in sheet[1]].index("level") + 1)
    save(folder, books)


@case(error(*MEET, 0, "", "missing-table"))
def missing_table(folder):
    """meetings.xlsx is not there."""
    write_clean(folder)
    (folder / "meetings.xlsx").unlink()


@case(error(*MEET, 0, "", "no-year"))
def no_year(folder):
    """No meeting, no year anywhere: the bulletin year cannot be chosen without --year."""
    write_clean(folder, meetings=[],
                mechanisms=[dict(r, year_established=None) for r in MECHANISM_ROWS],
                participants=[dict(r, joined=None, left=None) for r in PARTICIPANT_ROWS])


@case(error(*PART, 1, "participant", "missing-column"))
def missing_participant_column(folder):
    """The participants sheet without its participant column: one error, not one per row."""
    books = clean_books()
    books["mechanisms.xlsx"]["participants"].delete_cols(2)
    save(folder, books)


@case(error(*MEET, 1, "Titre", "duplicate-column"))
def duplicate_column(folder):
    """Two columns for the title: 'title' and 'Titre'."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    sheet.cell(row=1, column=15, value="Titre")
    save(folder, books)


@case(error(*MECH, 1, "year_establised", "misspelt-column"))
def misspelt_column(folder):
    """A header one letter off ('year_establised'): an error, or every year would be lost."""
    books = clean_books()
    header_cell(books["mechanisms.xlsx"]["mechanisms"], "year_established").value = \
        "year_establised"
    save(folder, books)


@case(error(*MEET, 0, "", "no-header-row"))
def no_header_row(folder):
    """A sheet named as the meetings table whose headers are all unknown."""
    books = clean_books()
    for cell in books["meetings.xlsx"]["meetings"][1]:
        cell.value = f"Spalte {cell.column}"
    save(folder, books)


@case(error("meetings.xlsx", "meetings", 0, "", "duplicate-table"))
def duplicate_table(folder):
    """Two files define the meetings table: meetings-copy.xlsx and meetings.xlsx."""
    write_clean(folder)
    shutil.copyfile(folder / "meetings.xlsx", folder / "meetings-copy.xlsx")


@case(error(*MEET, 3, "title", "required-value"))
def required_value(folder):
    """A meeting without a title."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, title=None))


@case(error(*MEET, 2, "level", "unknown-value"))
def unknown_value(folder):
    """A level that is not in the vocabulary ('plenary')."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 0, level="plenary"))


@case(error(*MECH, 3, "year_established", "bad-year"))
def year_not_a_year(folder):
    """A year written in words."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 1,
                                             year_established="two thousand and one"))


@case(error(*MECH, 3, "year_established", "bad-year"))
def year_before_1980(folder):
    """A mechanism established in 1975."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 1, year_established=1975))


@case(error(*MECH, 3, "year_established", "bad-year"))
def year_after_bulletin(folder):
    """A mechanism established after the bulletin year."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 1, year_established=2031))


@case(error(*MEET, 3, "start_date", "bad-date"))
def impossible_date(folder):
    """31 February."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, start_date="31/02/2025",
                                           end_date=None))


@case(error(*MEET, 2, "end_date", "end-before-start"))
def end_before_start(folder):
    """A meeting that ends before it starts."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 0, end_date=dt.date(2025, 1, 20)))


@case(error(*MEET, 3, "mechanism_id", "unknown-mechanism"))
def unknown_mechanism(folder):
    """'FMMD' (the French acronym of the GFMD) is not in the aliases."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, mechanism_id="FMMD"))


@case(error(*MEET, 3, "mechanism_id", "unknown-mechanism"))
def one_letter_off_mechanism(folder):
    """'MIDSA' for a MIDWA meeting written 'MIDXA': a near miss is never accepted."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, mechanism_id="MIDXA"))


@case(error(*MEET, 3, "country", "unknown-country"))
def unknown_country(folder):
    """A host country that does not exist."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, country="Atlantis"))


@case(error(*PART, 10, "participant", "unknown-country"))
def unknown_participant(folder):
    """A participant that is neither a country nor a known organisation."""
    write_clean(folder, participants=rows_with(PARTICIPANT_ROWS, 8,
                                               participant="Frobnitz Council"))


@case(error(*MEET, 3, "country", "excel-error"))
def excel_error_value(folder):
    """#REF! in a used cell."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    cell = sheet.cell(3, header_cell(sheet, "country").column)
    cell.value, cell.data_type = "#REF!", "e"
    save(folder, books)


@case(error(*MEET, 4, "city", "excel-error"))
def formula_with_error_result(folder):
    """A formula whose cached result is #N/A (a failed VLOOKUP)."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    ref = f"{get_column_letter(header_cell(sheet, 'city').column)}4".encode()
    sheet[ref.decode()] = "PLACEHOLDER-CELL"
    save(folder, books)
    patch_part(folder / "meetings.xlsx", MEETINGS_SHEET, lambda xml: xml.replace(
        b'<c r="' + ref + b'" t="inlineStr"><is><t>PLACEHOLDER-CELL</t></is></c>',
        b'<c r="' + ref + b'" t="e"><f>VLOOKUP(A4,Cities!A:B,2,FALSE)</f><v>#N/A</v></c>'))


@case(error(*MEET, 2, "title", "formula-without-value"))
def formula_without_value(folder):
    """A formula never calculated (as openpyxl and some exporters write them)."""
    books = clean_books()
    books["meetings.xlsx"]["meetings"]["C2"] = '=CONCATENATE(A2," Ministerial Meeting")'
    save(folder, books)


@case(error(*MECH, 4, "website", "bad-url"))
def javascript_link(folder):
    """A website that is a javascript: link."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 2, website="javascript:alert(1)"))


@case(warning(*MECH, 2, "status_before", "status-before-without-since"))
def status_before_without_since(folder):
    """An earlier status, without the year the current one took effect."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 0, status_before="emerging"))


@case(warning(*MECH, 2, "status_before", "status-unchanged"))
def status_unchanged(folder):
    """A status change from active to active."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 0, status_since=2010,
                                             status_before="active"))


@case(error(*MECH, 2, "status_since", "status-before-established"))
def status_before_established(folder):
    """A status that took effect before the mechanism was established (2000)."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 0, status_since=1995,
                                             status_before="emerging"))


@case(error(*MECH, 6, "id", "bad-id"))
def bad_id(folder):
    """An id with capitals and spaces."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 4, id="APC 1996"))


@case(error(*MECH, 7, "id", "duplicate-id"))
def duplicate_id(folder):
    """Two mechanisms share the id 'midsa' with different data."""
    write_clean(folder, mechanisms=MECHANISM_ROWS + [dict(MECHANISM_ROWS[0], acronym="MiDSA2")])


@case(error(*MEET, 2, "edition", "not-a-number"))
def edition_not_a_number(folder):
    """An edition written in words."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 0, edition="fourth"))


@case(error(*PART, len(PARTICIPANT_ROWS) + 2, "role", "conflicting-duplicate"))
def member_and_observer(folder):
    """Nigeria is listed twice in MIDWA: as member and as observer."""
    write_clean(folder, participants=PARTICIPANT_ROWS + [
        {"mechanism_id": "midwa", "participant": "Nigeria", "role": "observer"}])


@case(error(*PART, 15, "left", "left-before-joined"))
def left_before_joined(folder):
    """A participant that left before it joined."""
    write_clean(folder, participants=rows_with(PARTICIPANT_ROWS, 13, left=1999))


@case(error(*THEM, 3, "theme", "duplicate-theme"))
def theme_declared_twice(folder):
    """The themes sheet declares displacement twice, by its key and by its name."""
    write_clean(folder, themes=THEME_ROWS + [dict(THEME_ROWS[0], theme="Displacement",
                                                  label_fr="Déplacement")])


@case(error(*THEM, 3, "aliases", "ambiguous-theme"))
def theme_alias_of_another_theme(folder):
    """A new theme whose alias, 'integration', is the name of a known theme."""
    write_clean(folder, themes=THEME_ROWS + [
        {"theme": "regional-integration", "label_en": "Regional integration",
         "aliases": "integration", "gcm_objectives": "23"}])


@case(error(*THEM, 3, "label_en", "required-value"))
def theme_without_english_label(folder):
    """A new theme declared with its French label only."""
    write_clean(folder, themes=THEME_ROWS + [
        {"theme": "regional-integration", "label_fr": "Intégration régionale",
         "gcm_objectives": "23"}])


@case(error(*THEM, 2, "gcm_objectives", "unknown-objective"))
def objective_outside_range(folder):
    """The crosswalk names objective 24: the Global Compact has 23."""
    write_clean(folder, themes=[dict(THEME_ROWS[0], gcm_objectives="2; 24")])


@case(error(*THEM, 2, "sdg_targets", "unknown-sdg-target"))
def sdg_target_not_on_migration(folder):
    """The crosswalk names SDG target 4.1, which is not one of the targets on migration."""
    write_clean(folder, themes=[dict(THEME_ROWS[0], sdg_targets="4.1")])


@case(warning(*THEM, 2, "gcm_objectives", "no-crosswalk"), builds=True)
def theme_without_crosswalk(folder):
    """A new theme declared without its objectives: its meetings count towards none."""
    write_clean(folder, themes=[dict(THEME_ROWS[0], gcm_objectives=None)])


@case(error(*MEET, 2, "gcm_objectives", "not-an-objective"))
def objectives_written_as_text(folder):
    """A meeting names its objectives in words, not by number."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 0,
                                           gcm_objectives="labour migration; decent work"))


# Files that cannot be read: refused before any parser sees them.

@case(error("meetings.xlsx", "", 0, "", "wrong-format"))
def csv_named_xlsx(folder):
    """A CSV file saved with an .xlsx extension."""
    write_clean(folder)
    (folder / "meetings.xlsx").write_text("mechanism_id,title\ngfmd,GFMD Summit\n")


@case(error("meetings.xlsx", "", 0, "", "wrong-format"))
def html_named_xlsx(folder):
    """A web page saved as .xlsx (what some systems export as 'Excel')."""
    write_clean(folder)
    (folder / "meetings.xlsx").write_text(
        "<html><body><table><tr><td>mechanism_id</td></tr></table></body></html>")


@case(error("meetings.xlsx", "", 0, "", "wrong-format"))
def xls_named_xlsx(folder):
    """An Excel 97-2003 file (OLE2) named .xlsx."""
    write_clean(folder)
    (folder / "meetings.xlsx").write_bytes(ole2_file(b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k"))


@case(error("meetings.xls", "", 0, "", "wrong-format"))
def old_xls_file(folder):
    """The meetings saved in the Excel 97-2003 format (.xls)."""
    write_clean(folder)
    (folder / "meetings.xlsx").unlink()
    (folder / "meetings.xls").write_bytes(ole2_file(b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k"))


@case(error("meetings.xlsx", "", 0, "", "wrong-format"))
def ods_named_xlsx(folder):
    """An OpenDocument spreadsheet named .xlsx."""
    write_clean(folder)
    write_ods(folder / "meetings.xlsx", {"meetings": as_grid(
        [c.name for c in MEETINGS.template_columns], MEETING_ROWS)})


@case(error("meetings.xlsx", "", 0, "", "encrypted-file"))
def password_protected(folder):
    """A workbook encrypted with a password (an OLE2 container holding EncryptedPackage)."""
    write_clean(folder)
    (folder / "meetings.xlsx").write_bytes(ole2_file("EncryptedPackage".encode("utf-16-le")))


@case(error("meetings.xlsx", "", 0, "", "damaged-file"))
def truncated(folder):
    """A workbook cut short (an interrupted download)."""
    write_clean(folder)
    data = (folder / "meetings.xlsx").read_bytes()
    (folder / "meetings.xlsx").write_bytes(data[: len(data) * 2 // 3])


@case(error("meetings.xlsx", "", 0, "", "zip-bomb"))
def zip_bomb(folder):
    """A sheet that inflates 20 MB from a few kilobytes."""
    write_clean(folder)
    patch_part(folder / "meetings.xlsx", MEETINGS_SHEET,
               lambda xml: xml.replace(b"</sheetData>", b" " * 20_000_000 + b"</sheetData>"))


@case(error("meetings.xlsx", "", 0, "", "unsafe-xml"))
def entity_bomb(folder):
    """'Billion laughs': nested XML entities in the shared strings."""
    write_clean(folder)
    laughs = b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10)
                      for i in range(1, 10))
    patch_part(folder / "meetings.xlsx", "xl/workbook.xml", lambda xml: xml.replace(
        b"<workbook ", b'<!DOCTYPE workbook [<!ENTITY lol0 "lol">' + laughs + b"]><workbook ",
        1))


@case(error("meetings.xlsx", "", 0, "", "unsafe-xml"))
def external_entity(folder):
    """XXE: an entity that would read /etc/passwd into a cell."""
    write_clean(folder)
    patch_part(folder / "meetings.xlsx", MEETINGS_SHEET, lambda xml: xml.replace(
        b"<worksheet ", b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                        b"<worksheet ", 1))


@case(error("réunions.csv", "", 0, "", "bad-encoding"))
def csv_bad_encoding(folder):
    """A CSV file in neither UTF-8 nor Windows-1252."""
    write_clean(folder)
    (folder / "meetings.xlsx").unlink()
    path = folder / "réunions.csv"
    write_csv(path, as_grid([c.name for c in MEETINGS.template_columns], MEETING_ROWS), ",",
              "utf-8")
    path.write_bytes(path.read_bytes() + b"\x81\x8d\r\n")


def ole2_file(stream_name: bytes) -> bytes:
    """Enough of a Compound File (OLE2) for its magic bytes and a directory entry name."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    directory = stream_name + bytes(128 - len(stream_name))
    return header + directory + bytes(512 - len(directory))


# Warnings: the build goes on and the report lists them.

@case(warning(*MEET, 1, "Notes internes", "ignored-column"))
def ignored_column(folder):
    """A column the contract does not know."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    sheet.cell(row=1, column=15, value="Notes internes")
    sheet.cell(row=3, column=15, value="à vérifier")
    save(folder, books)


UNNAMED = len(MEETINGS.template_columns) + 1
"""The column after the template's last: no header."""


@case(warning(*MEET, 4, f"column {get_column_letter(UNNAMED)}", "unnamed-column"))
def unnamed_column(folder):
    """Values in a column that has no header."""
    books = clean_books()
    books["meetings.xlsx"]["meetings"].cell(row=4, column=UNNAMED, value="call Ana")
    save(folder, books)


@case(warning(*PART, len(PARTICIPANT_ROWS) + 2, "participant", "duplicate-row"))
def exact_duplicate_row(folder):
    """A participant row repeated exactly."""
    write_clean(folder, participants=PARTICIPANT_ROWS + [PARTICIPANT_ROWS[0]])


@case(warning(*PART, len(PARTICIPANT_ROWS) + 2, "participant", "duplicate-row"))
def two_names_one_country(folder):
    """Turkey and Türkiye in the same mechanism: merged."""
    write_clean(folder, participants=PARTICIPANT_ROWS + [
        {"mechanism_id": "gfmd", "participant": "Turkey", "role": "member"}])


@case(warning(*MEET, 6, "title", "duplicate-row"))
def exact_duplicate_meeting(folder):
    """A meeting row repeated exactly."""
    write_clean(folder, meetings=MEETING_ROWS + [MEETING_ROWS[0]])


@case(warning(*MEET, 1, "country", "blank-optional"))
def blank_optional_value(folder):
    """A meeting without its host country."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, country=None))


@case(warning(*MEET, 4, "mechanism_id", "merged-cells"))
def merged_cells(folder):
    """One mechanism cell merged over two meetings (A4:A5)."""
    second = dict(MEETING_ROWS[2], title="Second technical meeting",
                  start_date=dt.date(2025, 4, 2))
    books = clean_books(meetings=MEETING_ROWS[:3] + [second, MEETING_ROWS[3]])
    sheet = books["meetings.xlsx"]["meetings"]
    sheet["A5"] = None
    sheet.merge_cells("A4:A5")
    save(folder, books)


@case(warning(*MEET, 3, "", "hidden-row"))
def hidden_row(folder):
    """A hidden row of data (read all the same)."""
    books = clean_books()
    books["meetings.xlsx"]["meetings"].row_dimensions[3].hidden = True
    save(folder, books)


SETS = ("publication.xlsx", "settings")


def write_publication(folder: Path, rows: list[dict], headers=("setting", "value"),
                      **changes) -> None:
    """The clean set (with its changes), and publication.xlsx holding these settings."""
    write_clean(folder, **changes)
    book = openpyxl.Workbook()
    book.remove(book.active)
    conftest.write_sheet(book, "settings", list(headers), rows)
    save(folder, {"publication.xlsx": book})


@case(error(*SETS, 2, "value", "bad-date"))
def edition_date_not_a_date(folder):
    """publication.xlsx gives an edition date that does not exist (31/11/2025)."""
    write_publication(folder, [{"setting": "edition_date", "value": "31/11/2025"}])


@case(error(*SETS, 2, "value", "edition-before-year"))
def edition_date_of_last_year(folder):
    """publication.xlsx still holds last year's edition date for the 2025 meetings."""
    write_publication(folder, [{"setting": "edition_date", "value": dt.date(2024, 12, 18)}])


@case(error(*SETS, 3, "setting", "duplicate-setting"))
def edition_date_given_twice(folder):
    """The edition date given twice, under its name and its French name, two dates."""
    write_publication(folder, [{"setting": "edition_date", "value": dt.date(2025, 12, 18)},
                               {"setting": "Date d'édition", "value": "31/01/2026"}])


@case(warning(*SETS, 2, "setting", "unknown-setting"))
def unknown_setting(folder):
    """A setting's name misspelt ('Editon date'): the row is not read, edition_date is
    suggested."""
    write_publication(folder, [{"setting": "Editon date", "value": dt.date(2026, 1, 31)}])


@case(warning(*SETS, 2, "Valeur (fr)", "ignored-value"))
def setting_value_per_language(folder):
    """A French value for the edition date, which has one date for every language."""
    write_publication(folder, [{"Paramètre": "edition_date", "Valeur": dt.date(2026, 1, 31),
                                "Valeur (fr)": dt.date(2026, 1, 30)}],
                      headers=("Paramètre", "Valeur", "Valeur (fr)"))


@case(error(*SETS, 2, "value", "bad-placeholder"))
def citation_with_an_unknown_placeholder(folder):
    """The citation names {publisher}, which the settings do not fill in."""
    write_publication(folder, [{"setting": "citation",
                                "value": "{publisher} ({year}). {title}. Geneva."}])


@case(error(*SETS, 2, "value", "bad-issn"))
def issn_with_a_wrong_check_digit(folder):
    """An ISSN mistyped in its last digit (0378-5955 is valid)."""
    write_publication(folder, [{"setting": "issn", "value": "0378-5956"}])


@case(error(*SETS, 2, "value", "bad-isbn"))
def isbn_with_a_wrong_check_digit(folder):
    """An ISBN-13 whose check digit does not match."""
    write_publication(folder, [{"setting": "isbn", "value": "978-92-9268-000-1"}])


@case(error(*SETS, 2, "value", "bad-logo"))
def logo_with_a_script(folder):
    """The logo file is an SVG that runs a script."""
    write_publication(folder, [{"setting": "logo", "value": "logo.svg"}])
    (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>'
                                     'alert(1)</script></svg>', encoding="utf-8")


@case(error(*SETS, 2, "value", "logo-missing"))
def logo_file_missing(folder):
    """The settings name a logo file that is not in the inputs folder."""
    write_publication(folder, [{"setting": "logo", "value": "iom-logo.svg"}])


@case(error(*SETS, 2, "value", "bad-domain"))
def calendar_domain_not_a_domain(folder):
    """The calendar's domain written as words."""
    write_publication(folder, [{"setting": "calendar_domain", "value": "the IOM website"}])


@case(warning(*MEET, 3, "status", "held-after-edition"))
def held_after_the_edition_date(folder):
    """The GFMD Summit (5 March) marked held, in an edition dated 1 March: shown as
    upcoming, and reported."""
    write_publication(folder, [{"setting": "edition_date", "value": dt.date(2025, 3, 1)}],
                      meetings=rows_with(MEETING_ROWS, 1, status="held"))


@case(warning(*MEET, 1, "start_date", "after-year"), year=2025)
def meetings_after_the_year(folder):
    """Two meetings of 2026 in the 2025 bulletin (built with --year 2025): one warning."""
    write_clean(folder, meetings=MEETING_ROWS + [dict(
        MEETING_ROWS[1], title=f"GFMD Summit 2026 ({part})", start_date=dt.date(2026, 1, day),
        end_date=dt.date(2026, 1, day)) for part, day in (("I", 20), ("II", 22))])


@case(warning(*MEET, 1, "start_date", "before-first-year"))
def meeting_before_1980(folder):
    """A meeting dated 1975: a typo for 2025?"""
    write_clean(folder, meetings=MEETING_ROWS + [dict(
        MEETING_ROWS[1], title="GFMD Summit 1975", start_date=dt.date(1975, 1, 20),
        end_date=dt.date(1975, 1, 22))])


@case(warning(*MECH, 3, "id", "no-members"))
def no_members(folder):
    """An active mechanism (MIDWA) with no members listed."""
    write_clean(folder, participants=[p for p in PARTICIPANT_ROWS
                                      if p["mechanism_id"] != "midwa"])


@case(warning(*MECH, 5, "name_ru", "name-fallback"),
      warning("translations", "", 0, "", "untranslated"), langs="en,ru")
def name_missing_in_a_language(folder):
    """A mechanism (RCM) with no Russian name: the English one is shown in Russian."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 3, name_ru=None))


def write_translations(folder: Path, rows: list[tuple[str, str, str]],
                       name: str = "strings-fr.xlsx",
                       headers=("id", "context", "source", "translation"), made: str = "",
                       with_ids: bool = True) -> None:
    """A translator's file for French: (context, English source, translation) rows, stamped
    as the kit stamps it when `made` is given."""
    from openpyxl.packaging.custom import StringProperty

    from pipeline.read.translator_files import KIT_MADE
    from pipeline.validate.translations import string_id

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "strings"
    sheet.append(list(headers))
    for context, source, translation in rows:
        sheet.append([string_id(context, source) if with_ids else "", context, source,
                      translation])
    if made:
        book.custom_doc_props.append(StringProperty(name=KIT_MADE, value=made))
    (folder / "translations" / name).parent.mkdir(parents=True, exist_ok=True)
    save_workbook(book, folder / "translations" / name, STAMP)


SUMMIT = "gfmd 2025-03-05 «GFMD Summit»"


@case(warning("strings-fr.xlsx", "strings", 2, "translation", "translation-outdated"))
def translation_outdated(folder):
    """The summit's summary was translated when its English said something else."""
    write_clean(folder)
    write_translations(folder, [(f"meetings › summary › {SUMMIT}", "The Summit met.",
                                 "Le Sommet s’est réuni.")])


@case(error("strings-fr.xlsx", "strings", 2, "translation", "translation-too-long"))
def translation_too_long(folder):
    """A paragraph pasted on the row of a short title: not its translation."""
    write_clean(folder)
    write_translations(folder, [(f"meetings › title › {SUMMIT}", "GFMD Summit",
                                 "Le Sommet du FMMD a réuni les États. " * 12)])


@case(warning("strings-fr.xlsx", "strings", 2, "translation", "translation-replaced"))
def translation_replaced(folder):
    """Two rounds translate the summit's title differently: the newer kit's is used."""
    write_clean(folder)
    title = f"meetings › title › {SUMMIT}"
    write_translations(folder, [(title, "GFMD Summit", "Sommet FMMD")],
                       made="2026-03-02T09:30:00+00:00")
    write_translations(folder, [(title, "GFMD Summit", "Sommet du FMMD")],
                       "strings-2025-fr-2026-05-11.xlsx", made="2026-05-11T14:00:00+00:00")


@case(warning("strings-fr.xlsx", "strings", 2, "id", "translation-without-id"))
def translation_without_id(folder):
    """A translated row whose id, context and source were deleted: it cannot be placed."""
    write_clean(folder)
    write_translations(folder, [("", "", "Le Sommet s’est réuni.")], with_ids=False)


@case(error("strings-2025-es-2026-03-02.xlf", "", 0, "trgLang", "language-mismatch"))
def translation_in_another_language(folder):
    """An XLIFF file named for Spanish whose target language (trgLang) is German."""
    write_clean(folder)
    (folder / "translations").mkdir()
    (folder / "translations" / "strings-2025-es-2026-03-02.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:'
        'document:2.0" version="2.1" srcLang="en" trgLang="de"><file id="f1"><unit id="u1">'
        "<segment><source>GFMD Summit</source><target>GFMD-Gipfel</target></segment></unit>"
        "</file></xliff>\n", encoding="utf-8")


@case(error("strings-fr.xlsx", "strings", 1, "Traductoin", "misspelt-column"))
def translation_header_misspelt(folder):
    """A translator's file whose translation column is headed 'Traductoin'."""
    write_clean(folder)
    write_translations(folder, [(f"meetings › title › {SUMMIT}", "GFMD Summit",
                                 "Sommet du FMMD")],
                       headers=("Identifiant", "Contexte", "Texte source", "Traductoin"))


@case()
def translation_headers_in_french(folder):
    """A translator's file headed in French (Identifiant, Contexte, Texte source,
    Traduction) and kept in a subfolder of inputs/translations/: read as the kit's."""
    write_clean(folder)
    write_translations(folder, [(f"meetings › title › {SUMMIT}", "GFMD Summit",
                                 "Sommet du FMMD")], "2025/retour du traducteur fr.xlsx",
                       headers=("Identifiant", "Contexte", "Texte source", "Traduction"))


@case(warning(*MECH, 3, "region", "unknown-region"))
def unknown_region(folder):
    """A region nobody recognises: kept as written, grouped where most members are."""
    write_clean(folder, mechanisms=rows_with(MECHANISM_ROWS, 1, region="Gulf of Guinea"))


@case(warning(*MEET, 3, "themes", "unknown-theme"))
def misspelt_theme(folder):
    """'irregular-migraton': kept as written, counted apart, irregular-migration suggested."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1, themes="irregular-migraton"))


@case(warning(*MEET, 7, "mechanism_id", "footer-row"))
def totals_row(folder):
    """A row of totals under the data, after a blank row."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    sheet["A7"], sheet["B7"] = "Total", 4
    save(folder, books)


@case(warning(*MEET, 3, "summary", "missing-glyph"))
def characters_without_glyphs(folder):
    """Chinese characters and an emoji, which no bundled font can draw."""
    write_clean(folder, meetings=rows_with(MEETING_ROWS, 1,
                                           summary="The Summit met in Geneva 全球论坛 👍"))


# Unusual but valid: nothing to report.

@case()
def lock_and_hidden_files(folder):
    """An Office lock file and a hidden file beside the inputs are ignored."""
    write_clean(folder)
    (folder / "~$meetings.xlsx").write_bytes(b"\x08Editor  " + bytes(150))
    (folder / ".~lock.mechanisms.xlsx#").write_text("Editor,host,01.01.2025 10:00,")
    (folder / ".meetings-backup.xlsx").write_text("not a workbook")


@case()
def formulas_with_cached_values(folder):
    """Formulas that Excel calculated: their cached values are read."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    sheet["C3"], sheet["B2"] = "PLACEHOLDER-TITLE", "PLACEHOLDER-EDITION"
    save(folder, books)
    patch_part(folder / "meetings.xlsx", MEETINGS_SHEET, lambda xml: xml.replace(
        b'<c r="C3" t="inlineStr"><is><t>PLACEHOLDER-TITLE</t></is></c>',
        b'<c r="C3" t="str"><f>UPPER(A3)&amp;" Summit"</f><v>GFMD Summit</v></c>').replace(
        b'<c r="B2" t="inlineStr"><is><t>PLACEHOLDER-EDITION</t></is></c>',
        b'<c r="B2"><f>2+2</f><v>4</v></c>'))


@case()
def formatted_to_last_row(folder):
    """Formatting (and a hidden row) down to row 1,048,576 under four rows of data."""
    books = clean_books()
    sheet = books["meetings.xlsx"]["meetings"]
    sheet.cell(row=1_048_576, column=14).font = Font(bold=True)
    sheet.row_dimensions[1_048_576].hidden = True
    save(folder, books)


@case()
def windows_1252_csv(folder):
    """The meetings as a comma-separated CSV in Windows-1252, found by its headers."""
    write_clean(folder)
    (folder / "meetings.xlsx").unlink()
    rows = rows_with(MEETING_ROWS, 3, country="Côte d’Ivoire", city="Abidjan")
    write_csv(folder / "export.csv", as_grid([c.name for c in MEETINGS.template_columns],
                                             [dated(r, "%d/%m/%Y") for r in rows]), ",",
              "cp1252")


FRENCH_HEADERS = {  # a French office's headers: every one in its own words, none canonical
    "mechanisms": {
        "id": "Identifiant du mécanisme", "acronym": "Sigle", "name_en": "Nom en anglais",
        "name_fr": "Nom en français", "name_es": "Nom en espagnol", "name_ar": "Nom en arabe",
        "name_ru": "Nom en russe", "aliases": "Autres appellations",
        "type": "Type de mécanisme", "status": "Statut",
        "status_detail": "Précisions sur le statut", "status_since": "Statut depuis",
        "status_before": "Statut antérieur", "region": "Zone géographique",
        "year_established": "Année de fondation", "secretariat": "Secrétariat assuré par",
        "iom_role": "Rôle de l'OIM", "formal_association": "Rattachement institutionnel",
        "thematic_focus": "Domaines thématiques", "chair": "Présidence en exercice",
        "website": "Site internet", "acronym_fr": "Sigle FR", "acronym_es": "Sigle ES",
        "acronym_ru": "Sigle RU", "acronym_ar": "Sigle AR",
        "working_language": "Langue de travail", "source": "Provenance"},
    "participants": {
        "mechanism_id": "Mécanisme", "participant": "Pays ou organisation", "role": "Statut",
        "participant_type": "Type d'entité", "joined": "Membre depuis",
        "left": "Année de retrait", "source": "Sources"},
    "meetings": {
        "mechanism_id": "Mécanisme", "edition": "Numéro d'édition", "title": "Intitulé",
        "title_language": "Langue de l'intitulé", "start_date": "Date de début",
        "end_date": "Date de fin", "city": "Ville",
        "country": "Pays", "level": "Niveau", "status": "Statut de la réunion",
        "themes": "Thématiques", "chair": "Présidé par", "iom_participation": "Participation OIM",
        "summary": "Synthèse", "outcome_document": "Document adopté",
        "outcome_document_language": "Langue des documents adoptés", "source": "Références",
        "gcm_objectives": "Objectifs du Pacte mondial"},
    "themes": {
        "theme": "Nom du thème", "label_en": "Libellé anglais", "label_fr": "Libellé français",
        "label_es": "Libellé espagnol", "label_ru": "Libellé russe", "label_ar": "Libellé arabe",
        "aliases": "Autres noms", "gcm_objectives": "Objectifs du Pacte mondial",
        "sdg_targets": "Cibles des ODD"},
    "settings": {"setting": "Paramètre", "value": "Valeur",
                 **{f"value_{lang}": f"Valeur ({lang})" for lang in ("fr", "es", "ru", "ar")}},
}
FRENCH_SHEETS = {"mechanisms": "Mécanismes", "participants": "Membres", "meetings": "Réunions",
                 "themes": "Thèmes", "settings": "Paramètres"}
FRENCH_FILES = {"mechanisms.xlsx": "Mécanismes et membres.xlsx", "meetings.xlsx": "Réunions.xlsx",
                "publication.xlsx": "Publication.xlsx"}


def in_french(book: openpyxl.Workbook) -> None:
    """A workbook's table sheets named and headed as a French office names them."""
    for sheet in book.worksheets:
        if sheet.title in FRENCH_HEADERS:
            for cell in sheet[1]:
                cell.value = FRENCH_HEADERS[sheet.title][cell.value]
            sheet.title = FRENCH_SHEETS[sheet.title]


@case()
def french_office_copy(folder):
    """The clean set as a French office keeps it: French sheet names and headers
    ('Intitulé', 'Date de début', 'Pays', 'Niveau', 'Mécanisme'…)."""
    books = clean_books()
    for book in books.values():
        in_french(book)
    save(folder, books)


@case(builds=True)
def hostile_text(folder):
    """Markup, CSS, formulas and addresses in cells: shown as text, never run nor fetched."""
    mechanisms = rows_with(MECHANISM_ROWS, 0, secretariat="=cmd|' /C calc'!A0",
                           chair="+SUM(1)", formal_association="<b>SADC</b>")
    books = clean_books(mechanisms=mechanisms, meetings=rows_with(
        MEETING_ROWS, 1, title="<script>alert('x')</script> Summit",
        summary="<img src=x onerror=alert(1)> url(file:///etc/passwd) "
                "http://169.254.169.254/latest/meta-data/",
        outcome_document="=HYPERLINK(\"http://169.254.169.254/\",\"click\")",
        chair="@SUM(1+1)"))
    meetings = books["meetings.xlsx"]["meetings"]  # typed as text, not a formula:
    meetings.cell(3, header_cell(meetings, "outcome_document").column).data_type = "s"
    sheet = books["mechanisms.xlsx"]["mechanisms"]
    sheet.cell(2, header_cell(sheet, "secretariat").column).data_type = "s"
    save(folder, books)


@case(builds=True)
def long_and_right_to_left_text(folder):
    """A 5,000-character summary and names in Arabic."""
    long_summary = ("The Summit discussed regular pathways, skills partnerships and the "
                    "inclusion of migrants in national development plans. ") * 40
    mechanisms = rows_with(MECHANISM_ROWS, 2, name_ar="المنتدى العالمي المعني بالهجرة والتنمية",
                           secretariat="وحدة دعم المنتدى العالمي")
    meetings = rows_with(MEETING_ROWS, 1, summary=long_summary[:5000].strip())
    meetings[0]["title"] = "الاجتماع الوزاري لحوار الهجرة في الجنوب الأفريقي"
    write_clean(folder, mechanisms=mechanisms, meetings=meetings)


UPDATE_ROW = {"mechanism_id": "midsa", "year": 2025,
              "achievements": "Ministers adopted the Windhoek Declaration.",
              "sent_by": "MIDSA secretariat", "sent_on": dt.date(2026, 1, 20)}
UPD = ("updates.xlsx", "updates")


def write_updates(folder: Path, rows: list[dict]) -> None:
    """The clean set with an updates.xlsx of these rows."""
    write_clean(folder)
    book = openpyxl.Workbook()
    book.remove(book.active)
    conftest.write_sheet(book, UPDATES.name, [c.name for c in UPDATES.columns], rows)
    save_workbook(book, folder / "updates.xlsx", STAMP)


@case(error(*UPD, 3, "mechanism_id", "duplicate-update"))
def update_given_twice(folder):
    """Two different updates of MIDSA for 2025: which to print is the editor's choice."""
    write_updates(folder, [UPDATE_ROW, dict(UPDATE_ROW, achievements="Officials met.")])


@case(warning(*UPD, 2, "achievements", "update-not-in-english"))
def update_only_in_spanish(folder):
    """MIDSA's 2025 update sent in Spanish: its achievements in achievements_es alone."""
    write_updates(folder, [dict(UPDATE_ROW, achievements=None,
                                achievements_es="Los ministros adoptaron la Declaración de "
                                                "Windhoek.")])


def dated(row: dict, pattern: str) -> dict:
    """A row with its dates written as text."""
    return {k: v.strftime(pattern) if isinstance(v, dt.date) else v for k, v in row.items()}


# --- The clean set and its messy twin ------------------------------------------------------

MESSY_HEADERS = {
    "mechanisms": ["Identifiant", "Sigle", "Nom anglais", "Nom français", "Nombre en español",
                   "Arabic name", "Russian name", "Autres noms", "Catégorie", "Statut",
                   "Détail du statut", "Statut depuis", "Statut précédent", "Régions",
                   "Année de création", "Secrétariat",
                   "Rôle de l'OIM", "Association formelle", "Axes thématiques", "Présidence",
                   "Site web"],
    "participants": ["Mécanisme", "Pays", "Rôle", "Type de participant", "Depuis",
                     "Jusqu'à"],
    "meetings": ["Mécanisme", "Numéro", "Titre", "Langue du titre", "Date de début",
                 "Date de fin", "Ville", "Pays", "Niveau", "Statut", "Thèmes",
                 "Objectifs du Pacte mondial", "Présidence", "Participation de l'OIM", "Résumé",
                 "Document final",
                 "Langue des documents adoptés", "Source"],
}
MESSY_VALUES = {
    "type": {"RCP": "PCR", "Global": "processus mondial"},
    "status": {"active": "Actif", "inactive": "inactif"},
    "iom_role": {"secretariat-support; observer": "soutien au secrétariat, observateur",
                 "secretariat": "Secrétariat"},
    "role": {"member": "membre", "observer": "Observateur", "partner": "partenaire"},
    "level": {"ministerial": "Ministérielle", "summit": "Sommet", "technical": "technique",
              "senior-officials": "SOM"},
    "iom_participation": {"yes": "oui", "no": "non"},
    "participant": {"South Africa": "AFRIQUE DU SUD", "Eswatini": "Swaziland",
                    "Côte d'Ivoire": "Ivory Coast", "Türkiye": "Turquie",
                    "Democratic Republic of the Congo": "Congo, Dem. Rep.",
                    "United States of America": "États-Unis", "Germany": "Allemagne"},
    "country": {"Switzerland": "Suisse", "Mexico": "Mexique"},
    "thematic_focus": {"labour-migration; irregular-migration":
                       "Labor Migration; Migration irrégulière",
                       "migration-development": "Migration & Development",
                       "displacement": "Déplacements"},
    "themes": {"migration-development": "« Migration et développement »"},
}
MESSY_DATES = {  # (start, end) as offices type them
    0: (dt.datetime(2025, 1, 23, 9, 30), "24/01/2025"),
    1: ("5 mars 2025", "7 de marzo de 2025"),
    2: ("2025-03-20", ""),
    3: ("11.06.2024", "12 June 2024"),
}


def messy(rows: list[dict], columns: tuple[str, ...]) -> list[dict]:
    out = []
    for row in rows:
        row = dict(row)
        for column in columns:
            if column in row:
                row[column] = MESSY_VALUES.get(column, {}).get(row[column], row[column])
        out.append(row)
    return out


def write_clean_twin(folder: Path) -> None:
    """The clean set, exactly as the contract writes it."""
    write_clean(folder)


def write_messy_twin(folder: Path) -> None:
    """The same data as clean/, kept the way offices keep it."""
    # mechanisms: French sheet name and headers, a title row, a blank row and a blank
    # column inside the data, an instruction sheet, years as text.
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Instructions"
    notes["A1"] = "Une ligne par mécanisme ; voir docs/inputs.md."
    sheet = book.create_sheet("Mécanismes ")
    sheet["A1"] = "Mécanismes consultatifs interétatiques sur la migration — mise à jour 2025"
    sheet.merge_cells("A1:F1")
    headers = [c.name for c in MECHANISMS.template_columns]
    names = MESSY_HEADERS["mechanisms"]
    rows = messy(MECHANISM_ROWS, ("type", "status", "iom_role", "thematic_focus"))
    sheet.append([])
    sheet.append([f" {n} " if i % 4 == 0 else n for i, n in enumerate(names)])
    for i, row in enumerate(rows):
        values = [row.get(h) for h in headers]
        values[headers.index("year_established")] = str(row["year_established"])
        values[headers.index("name_en")] = f"\u00a0{row['name_en']}  "
        sheet.append(values)
        if i == 1:
            sheet.append([])
    sheet.insert_cols(3)  # a blank column between acronym and name
    # themes: APC's theme declared by its name, under French headers.
    themes = book.create_sheet("Thèmes")
    columns = [c.name for c in THEMES.template_columns]
    for row in as_grid(columns, [dict(r, theme=r["label_en"]) for r in THEME_ROWS],
                       [FRENCH_HEADERS["themes"][c] for c in columns]):
        themes.append(row)
    save_workbook(book, folder / "ISCM mécanismes.xlsx", STAMP)

    # participants: their own file, an .ods whose sheet name says nothing.
    participants = messy(PARTICIPANT_ROWS, ("role", "participant"))
    grid = as_grid([c.name for c in PARTICIPANTS.template_columns], participants,
                   MESSY_HEADERS["participants"])
    write_ods(folder / "membres.ods", {"Feuille1": [["Liste des membres"], []] + grid})

    # meetings: a ';' CSV with a BOM, dates in every form.
    meetings = messy(MEETING_ROWS, ("level", "iom_participation", "country", "themes"))
    for i, (start, end) in MESSY_DATES.items():
        meetings[i]["start_date"] = start.strftime("%d/%m/%Y %H:%M") \
            if isinstance(start, dt.datetime) else start
        meetings[i]["end_date"] = end
    meetings[1]["mechanism_id"] = "Global Forum on Migration and Development"
    meetings[3]["mechanism_id"] = "MIDWA"
    meetings[2]["themes"] = "Labour migration, Vías regulares de migración"
    grid = as_grid([c.name for c in MEETINGS.template_columns], meetings, MESSY_HEADERS["meetings"])
    write_csv(folder / "Réunions 2024-2025.csv", [["Réunions des MCIM"], []] + grid, ";",
              "utf-8-sig")


def write_french_office(folder: Path) -> None:
    """The shipped inputs as a French office keeps them: files, sheets and headers in French,
    dressed in French (Instructions, dropdowns, help; dressing.py). They must build the same
    summary as inputs/: after changing inputs/, run `make corpus`."""
    ids = known_mechanism_ids(conftest.SHIPPED_INPUTS)
    for name, french in FRENCH_FILES.items():
        book = openpyxl.load_workbook(conftest.SHIPPED_INPUTS / name)
        in_french(book)
        dress(book, french, ids, "fr")
        save_workbook(book, folder / french, STAMP)


# --- Returned update workbooks (make collect) ---------------------------------------------
# Each case is a returns folder (returns/<case>/returns/) holding what secretariats sent back,
# made from the clean set's requests (make requests), with exactly one thing wrong; a case
# that needs the inputs changed since the requests were made has its own inputs/ beside it.
# The problems each must raise, as (code, file, sheet, Excel row, column as written).

REQUESTED = dt.date(2025, 12, 1)
"""The day the corpus's requests are made."""
ReturnExpected = tuple[str, str, str, int, str]


@dataclass(frozen=True)
class ReturnCase:
    name: str
    write: Callable[[Path, Path], None]
    """Writes the case into its folder, from the clean set's folder."""
    expected: tuple[ReturnExpected, ...]
    doc: str


RETURN_CASES: dict[str, ReturnCase] = {}


def return_case(*expected: ReturnExpected):
    def register(write: Callable[[Path, Path], None]):
        name = write.__name__.replace("_", "-")
        RETURN_CASES[name] = ReturnCase(name, write, tuple(expected),
                                        (write.__doc__ or "").strip())
        return write
    return register


def requested(folder: Path, inputs: Path, mechanism: str = "midsa", year: int | None = None,
              name: str | None = None) -> Path:
    """A mechanism's request made from inputs, put in folder as its secretariat returns it
    (untouched), under its own name or another."""
    import tempfile

    from pipeline.updates.request import write_requests
    from pipeline.updates.source import read_source

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        made = write_requests(read_source(inputs, year), Path(scratch), REQUESTED,
                              (mechanism,)).written[0]
        return Path(shutil.copyfile(made, folder / (name or made.name)))


def edited(path: Path, change: Callable[[openpyxl.Workbook], None]) -> Path:
    """A returned workbook changed as a secretariat (or a slip) would, saved again."""
    book = openpyxl.load_workbook(path)
    change(book)
    save_workbook(book, path, STAMP)
    return path


def returns_of(folder: Path) -> Path:
    return folder / "returns"


MIDSA_RETURN = "iscm-update-2025-midsa.xlsx"


@return_case()
def no_edits(folder, clean):
    """MIDSA's workbook sent back as it was made: nothing to apply."""
    requested(returns_of(folder), clean)


@return_case(("not-a-return", "mechanisms.xlsx", "", 0, ""))
def foreign_workbook(folder, clean):
    """A workbook that is no return: the inputs' own mechanisms.xlsx, dropped by mistake."""
    returns_of(folder).mkdir(parents=True)
    shutil.copyfile(clean / "mechanisms.xlsx", returns_of(folder) / "mechanisms.xlsx")


@return_case(("stamp-mismatch", MIDSA_RETURN, "", 0, ""))
def tampered_stamp(folder, clean):
    """The hidden stamp edited (its year changed by hand)."""
    def change(book):
        stamp = book["iscm-stamp"]
        stamp["A1"].value = stamp["A1"].value.replace('"year":2025', '"year":2024')
    edited(requested(returns_of(folder), clean), change)


@return_case(("renamed-header", MIDSA_RETURN, "Participants", 0, "Membership"))
def renamed_header(folder, clean):
    """The Participants sheet's header 'Role' renamed 'Membership' (protection removed)."""
    def change(book):
        book["Participants"]["B1"].value = "Membership"
    edited(requested(returns_of(folder), clean), change)


@return_case(("macros", "iscm-update-2025-midsa.xlsm", "", 0, ""))
def macro_enabled(folder, clean):
    """The workbook saved as a macro-enabled .xlsm, with a VBA project in it."""
    path = requested(returns_of(folder), clean, name="iscm-update-2025-midsa.xlsm")
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, source.read(info))
        z.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not a real VBA project")
    path.write_bytes(fixed_zip(out.getvalue()))


@return_case(("external-links", MIDSA_RETURN, "", 0, ""))
def external_link(folder, clean):
    """A link to another workbook (Excel's externalLinks part) left in the return."""
    path = requested(returns_of(folder), clean)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, source.read(info))
        z.writestr("xl/externalLinks/externalLink1.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.'
                   'openxmlformats.org/spreadsheetml/2006/main"/>')
    path.write_bytes(fixed_zip(out.getvalue()))


@return_case(("formula", MIDSA_RETURN, "Facts", 0, ""))
def formula_in_a_correction(folder, clean):
    """A correction typed as a formula (=2000+1) rather than a value."""
    def change(book):
        facts = book["Facts"]
        row = next(r for r in range(2, facts.max_row + 1)
                   if facts.cell(r, 1).value == "Year established")
        facts.cell(row, 3).value = "=2000+1"
    edited(requested(returns_of(folder), clean), change)


@return_case(("other-year", "iscm-update-2024-midsa.xlsx", "", 0, ""))
def last_years_workbook(folder, clean):
    """Last year's workbook sent back again this year."""
    requested(returns_of(folder), clean, year=2024)


@return_case(("other-mechanism", "iscm-update-2025-midwa.xlsx", "", 0, ""))
def another_mechanisms_workbook(folder, clean):
    """MIDSA's workbook, named as MIDWA's (the secretariat filled in the wrong one)."""
    requested(returns_of(folder), clean, name="iscm-update-2025-midwa.xlsx")


@return_case(("unknown-return-mechanism", "iscm-update-2025-mtm.xlsx", "", 0, ""))
def return_of_an_unknown_mechanism(folder, clean):
    """The return of a mechanism the inputs do not have (made from inputs that had it)."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        write_clean(Path(scratch), mechanisms=MECHANISM_ROWS + [
            {"id": "mtm", "acronym": "MTM", "name_en": "Mediterranean Transit Migration "
             "Dialogue", "type": "IRF", "status": "active", "region": "Mediterranean",
             "year_established": 2002, "iom_role": "observer", "thematic_focus": "governance"}])
        requested(returns_of(folder), Path(scratch), mechanism="mtm")


@return_case(("two-returns", "iscm-update-2025-midsa (revised).xlsx", "", 0, ""))
def two_returns_for_one_mechanism(folder, clean):
    """MIDSA's workbook returned twice: the first one and a revised copy."""
    first = requested(returns_of(folder), clean)
    shutil.copyfile(first, returns_of(folder) / "iscm-update-2025-midsa (revised).xlsx")


CHAIR = "Chair"


def corrected(book, label: str, value: object) -> None:
    facts = book["Facts"]
    row = next(r for r in range(2, facts.max_row + 1) if facts.cell(r, 1).value == label)
    facts.cell(row, 3).value = value


@return_case(("conflict", MIDSA_RETURN, "Facts", 16, CHAIR))
def changed_on_both_sides(folder, clean):
    """MIDSA's chair corrected to Zambia in the return, while the editor wrote Botswana in
    the inputs after the request was made."""
    edited(requested(returns_of(folder), clean), lambda book: corrected(book, CHAIR, "Zambia"))
    (folder / "inputs").mkdir()
    write_clean(folder / "inputs", mechanisms=rows_with(MECHANISM_ROWS, 0, chair="Botswana"))


@return_case(("unknown-country", MIDSA_RETURN, "Participants", 7,
              "State or organisation"))
def unknown_country_added(folder, clean):
    """A participant added whose name is no country (Atlantis), without saying it is an
    organisation."""
    def change(book):
        sheet = book["Participants"]
        sheet["A7"], sheet["B7"], sheet["D7"] = "Atlantis", "member", 2025
    edited(requested(returns_of(folder), clean), change)


# --- Writing it all ------------------------------------------------------------------------

def write_history_set(folder: Path) -> None:
    """The clean set over 2023-2025, with known changes (tests/data/history.py)."""
    write_history(folder, write_clean, (MECHANISM_ROWS, PARTICIPANT_ROWS, MEETING_ROWS))


FOLDERS = ("bad", "clean", "messy", "history", "french-office", "returns")
"""The folders of the corpus, each rewritten whole."""


def write_corpus(root: Path = DATA) -> None:
    """Rewrite bad/, clean/, messy/, history/, french-office/ and returns/ under root."""
    for name in FOLDERS:
        shutil.rmtree(root / name, ignore_errors=True)
    for name, spec in CASES.items():
        folder = root / "bad" / name
        folder.mkdir(parents=True)
        spec.write(folder)
    for name, write in (("clean", write_clean_twin), ("messy", write_messy_twin),
                        ("history", write_history_set), ("french-office", write_french_office)):
        (root / name).mkdir(parents=True)
        write(root / name)
    for name, spec in RETURN_CASES.items():  # from the clean set, written above
        folder = root / "returns" / name
        folder.mkdir(parents=True)
        spec.write(folder, root / "clean")


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
