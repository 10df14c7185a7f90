"""Reading workbooks: tables found by sheet name, header rows found by content."""

import io
import re
import zipfile
from functools import partial

import openpyxl
import pandas as pd
import pytest

from pipeline import build, ingest, sheets
from pipeline import headers as header_rows
from pipeline.config import load_config
from pipeline.schema import TABLES
from pipeline.text import header_key
from pipeline.tools.contract import DOC, contract_markdown
from tests.conftest import write_inputs
from tests.data.make_corpus import write_ods


def test_reads_the_three_tables_with_excel_row_numbers(small_inputs):
    raw = ingest.read_inputs(small_inputs)
    assert sorted(raw.tables) == ["mechanisms", "meetings", "participants"]
    meetings = raw["meetings"]
    assert list(meetings.frame.index) == [2, 3, 4, 5]
    assert meetings.frame.at[2, "title"] == "MIDSA Ministerial Meeting"


def test_title_rows_and_blank_rows_are_skipped(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    sheet.insert_rows(1, amount=2)
    sheet["A1"] = "ISCM meetings 2025 (do not edit this title)"
    sheet.insert_rows(5)  # a blank row inside the data
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw["meetings"].header_row == 3
    assert list(raw["meetings"].frame.index) == [4, 6, 7, 8]
    assert dict(raw.counts)["blank rows dropped"] == 1


def test_french_headers_and_unknown_columns(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    sheet["D1"], sheet["H1"] = "Date de début ", "Niveau"
    sheet.cell(row=1, column=20, value="Notes internes")
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw["meetings"].headers["start_date"] == "Date de début"
    assert raw["meetings"].headers["level"] == "Niveau"
    assert raw["meetings"].ignored_headers == ("Notes internes",)


def test_a_missing_table_is_reported(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "meetings.xlsx").unlink()
    raw = ingest.read_inputs(folder)
    assert [(p.file, p.sheet, p.code) for p in raw.problems] == [
        ("meetings.xlsx", "meetings", "missing-table")]


def test_lock_files_are_ignored(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "~$meetings.xlsx").write_bytes(b"lock")
    assert [p.name for p in ingest.find_input_files(folder)] == ["mechanisms.xlsx",
                                                                 "meetings.xlsx"]


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_header_aliases_are_unambiguous_within_a_table(spec):
    seen = {}
    for column in spec.columns:
        for alias in (column.name, *column.aliases):
            owner = seen.setdefault(header_key(alias), column.name)
            assert owner == column.name or header_key(alias) == header_key(owner), alias


def test_docs_inputs_is_up_to_date():
    """docs/inputs.md is written from schema.py: run `make docs` after changing the contract."""
    assert DOC.read_text(encoding="utf-8") == contract_markdown()


def meetings_csv(folder, text: str, encoding: str, name: str = "réunions.csv"):
    write_inputs(folder)
    (folder / "meetings.xlsx").unlink()
    (folder / name).write_bytes(text.encode(encoding))
    return ingest.read_inputs(folder)


CSV_HEADER = "mechanism_id{0}title{0}start_date{0}level{0}summary"


@pytest.mark.parametrize("delimiter, encoding", [(";", "utf-8-sig"), (",", "cp1252"),
                                                 (";", "utf-8"), ("\t", "utf-8")])
def test_csv_files_in_the_forms_excel_writes(tmp_path, delimiter, encoding):
    lines = ["Réunions 2025, version 2", "", CSV_HEADER.format(delimiter),
             delimiter.join(["gfmd", "Sommet", "05/03/2025", "summit",
                             '"Ministers met, talked; agreed"'])]
    raw = meetings_csv(tmp_path, "\r\n".join(lines) + "\r\n", encoding)
    table = raw["meetings"]
    assert (table.sheet, table.header_row, list(table.frame.index)) == ("", 3, [4])
    assert table.frame.at[4, "summary"] == "Ministers met, talked; agreed"
    assert table.frame.at[4, "title"] == "Sommet"


def test_csv_honours_excels_sep_line(tmp_path):
    text = "sep=|\n" + CSV_HEADER.format("|") + "\ngfmd|A|05/03/2025|summit|x,y;z\n"
    raw = meetings_csv(tmp_path, text, "utf-8")
    assert raw["meetings"].frame.at[3, "summary"] == "x,y;z"


def test_error_values_in_text_become_bad_cells(tmp_path):
    raw = meetings_csv(tmp_path, CSV_HEADER.format(",") + "\ngfmd,#N/A,05/03/2025,summit,\n",
                       "utf-8")
    cell = raw["meetings"].frame.at[2, "title"]
    assert (type(cell).__name__, cell.code, str(cell)) == ("BadCell", "excel-error", "#N/A")


def test_tables_are_found_by_their_headers_when_names_say_nothing(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "mechanisms.xlsx")
    participants = openpyxl.Workbook()
    sheet = participants.active
    sheet.title = "Sheet1"
    for row in book["participants"].iter_rows(values_only=True):
        sheet.append(row)
    del book["participants"]
    book["mechanisms"].title = "Feuil1"
    notes = book.create_sheet("Instructions")
    notes.append(["mechanism_id", "participant", "role"])  # headers, but never a table
    book.save(folder / "mechanisms.xlsx")
    participants.save(folder / "members 2025.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw.problems == ()
    assert {name: (t.file, t.sheet) for name, t in raw.tables.items()} == {
        "mechanisms": ("mechanisms.xlsx", "Feuil1"),
        "participants": ("members 2025.xlsx", "Sheet1"),
        "meetings": ("meetings.xlsx", "meetings")}


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">
<office:body><office:spreadsheet><table:table table:name="réunions">
<table:table-row>{header}</table:table-row>
<table:table-row>{cell}<table:table-cell table:number-rows-spanned="2"
 office:value-type="string"><text:p>Summit</text:p></table:table-cell>{rest}</table:table-row>
<table:table-row table:visibility="collapse">{cell}<table:covered-table-cell/>{rest}
</table:table-row>
<table:table-row>{cell}<table:table-cell table:formula="of:=1/0" office:value-type="string"
 office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>{rest}
</table:table-row>
<table:table-row table:number-rows-repeated="1048572"><table:table-cell
 table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def string_cells(*values):
    return "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                   "</table:table-cell>" for v in values)


def test_ods_hidden_rows_merged_cells_and_error_values(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "meetings.xlsx").unlink()
    write_ods(folder / "meetings.ods", {"x": [["x"]]})
    content = ODS_CONTENT.format(header=string_cells("mechanism_id", "title", "start_date",
                                                     "level"),
                                 cell=string_cells("gfmd"),
                                 rest=string_cells("05/03/2025", "summit"))
    content = re.sub(r">\s+<", "><", content)  # calamine wants no text between cells
    out = io.BytesIO()
    with zipfile.ZipFile(folder / "meetings.ods") as source, zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            z.writestr(info, content if info.filename == "content.xml" else source.read(info))
    (folder / "meetings.ods").write_bytes(out.getvalue())
    raw = ingest.read_inputs(folder)
    table = raw["meetings"]
    assert list(table.frame["title"].map(str)) == ["Summit", "Summit", "#DIV/0!"]
    assert [(p.row, p.column, p.code) for p in raw.problems] == [
        (2, "title", "merged-cells"), (3, "", "hidden-row")]


@pytest.mark.parametrize("cells, footer", [
    (["Total", "", "", 4], True),
    (["TOTAL : 4 réunions", "", "", ""], True),
    (["* provisional dates", "", "", ""], True),
    (["", "", "", 42], True),
    (["", "Updated by the secretariat on 3 March 2025", "", ""], True),
    (["gfmd", "", "", ""], False),   # an unfinished row: reported by validation, not set aside
    (["gfmd", "GFMD Summit", "05/03/2025", "summit"], False),
])
def test_rows_of_totals_and_notes(cells, footer):
    assert sheets.is_footer(pd.Series(cells)) is footer


def meetings_with_a_totals_row(folder, headers: list[str], rows: list[list]):
    """The small inputs, their meetings sheet replaced by these headers and rows."""
    write_inputs(folder)
    book = openpyxl.Workbook()
    book.active.title = "meetings"
    for row in [headers, *rows]:
        book.active.append(row)
    book.save(folder / "meetings.xlsx")
    return ingest.read_inputs(folder)


def test_a_totals_row_under_a_blank_row_is_located_by_a_plain_row_number(tmp_path):
    """Dropping the blank row left numpy row numbers in the frame's index: the footer's
    Problem.row was a numpy int64, which the build's manifest could not write as JSON."""
    raw = meetings_with_a_totals_row(tmp_path / "in", ["mechanism_id", "title", "start_date",
                                                       "level"],
                                     [["gfmd", "GFMD Summit", "05/03/2025", "summit"], [],
                                      ["gfmd", "GFMD Forum", "06/03/2025", "summit"],
                                      ["Total", 2]])
    footer = next(p for p in raw.problems if p.code == "footer-row")
    assert type(footer.row) is int
    assert footer.line() == (
        "warning: meetings.xlsx › meetings › row 5 › mechanism_id: 'Total': looks like a row "
        "of totals or notes under the data, so it is not read. If it is data, fill in its "
        "required columns; otherwise move it to another sheet.")
    assert list(raw["meetings"].frame.index) == [2, 4]


def test_a_totals_row_opens_with_the_sheets_first_column_not_the_contracts(tmp_path):
    """'Total' in column A is a totals row whatever column A holds; read in the contract's
    order, the row opened with the 2 under mechanism_id and was taken for a meeting."""
    raw = meetings_with_a_totals_row(tmp_path / "in", ["level", "mechanism_id", "title",
                                                       "start_date"],
                                     [["summit", "gfmd", "GFMD Summit", "05/03/2025"],
                                      ["Total", 2]])
    assert [(p.row, p.column, p.code, p.value) for p in raw.problems] == [
        (3, "level", "footer-row", "Total")]
    assert list(raw["meetings"].frame.index) == [2]


def test_a_last_meeting_whose_title_opens_like_a_note_is_still_a_meeting(tmp_path):
    """With the title in column A, 'Note …' opens the row; but every required column is
    filled, so it is data (what the footer-row hint tells editors to do)."""
    raw = meetings_with_a_totals_row(tmp_path / "in", ["title", "mechanism_id", "start_date",
                                                       "level"],
                                     [["GFMD Summit", "gfmd", "05/03/2025", "summit"],
                                      ["Note verbale workshop", "gfmd", "06/03/2025", "other"]])
    assert raw.problems == ()
    assert list(raw["meetings"].frame.index) == [2, 3]


@pytest.mark.parametrize("cells", ["P2:P3", "A10:B11", "E6:F8"])
def test_merged_cells_beyond_the_data_are_only_formatting(tmp_path, cells):
    """Was IndexError in expand_merges: a merged range right of or below the cells that
    hold data starts outside the grid calamine reads, and holds no value to repeat."""
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    book["meetings"].merge_cells(cells)
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert raw.problems == ()
    assert raw["meetings"].frame.equals(ingest.read_inputs(write_inputs(tmp_path / "plain"))[
        "meetings"].frame)


def test_formula_cells_give_their_cached_values():
    from tests.data.make_corpus import BAD
    frame = ingest.read_inputs(BAD / "formulas-with-cached-values")["meetings"].frame
    assert (frame.at[3, "title"], frame.at[2, "edition"]) == ("GFMD Summit", 4)


# --- Headers as offices write them, and as they mistype them ------------------------------

SPECS = {spec.name: spec for spec in TABLES}

OFFICE_HEADERS = {  # header -> column, as French and Spanish secretariats head them
    "meetings": {
        "title": ["Intitulé", "Objet", "Nom de la réunion", "Libellé", "Titre de la réunion",
                  "Denominación", "Nombre de la reunión", "Nombre del evento", "Asunto"],
        "start_date": ["Fecha de inicio", "Date début", "Date de début", "Début", "Fecha inicio",
                       "Desde", "Date", "Date de dèbut"],
        "end_date": ["Date fin", "Date de fin", "Fecha de fin", "Fecha fin", "Hasta"],
        "country": ["Pays", "País", "Pays hôte", "País anfitrión", "Pays d'accueil"],
        "city": ["Ville", "Ciudad", "Lieu", "Sede"],
        "level": ["Niveau", "Niveau de la réunion", "Nivel de la reunión"],
        "mechanism_id": ["Mécanisme", "MCIM", "Nom du mécanisme", "Siglas del mecanismo"],
        "edition": ["Numéro d'édition", "Número de edición"],
        "themes": ["Thématiques", "Temas tratados", "Mots-clés"],
        "chair": ["Présidé par", "Presidido por"],
        "iom_participation": ["Participation OIM", "Presencia de la OIM"],
        "summary": ["Synthèse", "Síntesis", "Compte rendu"],
        "outcome_document": ["Document adopté", "Declaración", "Resultados"],
        "source": ["Références", "Enlace", "Fuentes"],
    },
    "mechanisms": {
        "acronym": ["Sigle", "Acronyme", "Siglas"],
        "year_established": ["Année de création", "Année de fondation", "Año de fundación",
                             "Año de creación"],
        "iom_role": ["Rôle de l'OIM", "Papel de la OIM", "Rol OIM"],
        "name_fr": ["Nom", "Nom en français", "Nom FR"],
        "name_es": ["Nombre", "Nombre en español", "Nombre ES"],
        "region": ["Zone géographique", "Zona geográfica"],
        "website": ["Site internet", "Página web"],
    },
    "participants": {
        "participant": ["Nom", "Pays ou organisation", "Estado miembro", "Nombre"],
        "role": ["Statut", "Condición", "En calidad de"],
        "joined": ["Membre depuis", "Año de adhesión"],
        "left": ["Année de retrait", "Año de retiro"],
    },
}


@pytest.mark.parametrize("table, header, column", [
    (table, header, column) for table, columns in OFFICE_HEADERS.items()
    for column, headers in columns.items() for header in headers])
def test_office_headers_name_their_columns(table, header, column):
    assert header_rows.header_map(SPECS[table])[header_key(header)] == column


@pytest.mark.parametrize("table, header, column", [
    ("meetings", "Date de début (jj/mm/aaaa)", "start_date"),
    ("meetings", "Fecha de fin (dd/mm/aaaa)", "end_date"),
    ("meetings", "Start date [DD.MM.YYYY]", "start_date"),
    ("meetings", "Titre (obligatoire)", "title"),
    ("meetings", "Level (required)", "level"),
    ("mechanisms", "Année de création (aaaa)", "year_established"),
    ("participants", "Miembro desde (opcional)", "joined")])
def test_a_format_or_required_note_after_a_header_is_not_part_of_it(table, header, column):
    named, problems, ignored = read_header(table, contract_headers(table, column) + [header])
    assert (named[column], problems, ignored) == (header, [], [])


def read_header(table: str, headers: list[str]) -> tuple[dict, list, list]:
    """What name_columns makes of a header row: columns read, problems, headers ignored."""
    located = partial(sheets.locate, "f.xlsx", table)
    named, _, problems, ignored = header_rows.name_columns(SPECS[table], pd.Series(headers),
                                                      located, 1)
    return named, [(p.column, p.code, p.message) for p in problems], ignored


def contract_headers(table: str, without: str = "", required_only: bool = False) -> list[str]:
    return [c.name for c in SPECS[table].template_columns
            if c.name != without and (c.required or not required_only)]


MISSPELT = [  # (table, header as typed, the column it stands for)
    ("meetings", "Tilte", "title"),                 # swapped letters
    ("meetings", "titel", "title"),
    ("meetings", "Titl", "title"),                  # a dropped letter
    ("meetings", "Titlle", "title"),                # a doubled letter
    ("mechanisms", "year_establised", "year_established"),
    ("mechanisms", "Yaer establised", "year_established"),  # two slips in a long header
    ("meetings", "mecanism_id", "mechanism_id"),
    ("participants", "mecanism_id", "mechanism_id"),
    ("meetings", "strat_date", "start_date"),
    ("meetings", "Intitullé", "title"),             # accents as typed, a doubled letter
    ("meetings", "Intiulé", "title"),
    ("meetings", "Date de débt", "start_date"),
    ("meetings", "Fecha de incio", "start_date"),
    ("meetings", "Date de finn", "end_date"),
    ("meetings", "Cuidad", "city"),
    ("meetings", "Vile", "city"),
    ("meetings", "Niveu", "level"),
    ("meetings", "Levle", "level"),
    ("meetings", "Résumée", "summary"),
    ("meetings", "Outcome documnet", "outcome_document"),
    ("mechanisms", "Année de créaton", "year_established"),
    ("mechanisms", "Rol de la IOM", "iom_role"),
    ("mechanisms", "Secretariet", "secretariat"),   # a changed letter, in a long header
    ("mechanisms", "Webiste", "website"),
    ("mechanisms", "Staus", "status"),
    ("mechanisms", "thematic_fokus", "thematic_focus"),
    ("participants", "Particpant", "participant"),
    ("participants", "Particpant type", "participant_type"),
    ("participants", "Joinded", "joined"),
]


@pytest.mark.parametrize("table, typed, column", MISSPELT)
def test_misspelt_headers_are_errors_naming_the_column(table, typed, column):
    named, problems, ignored = read_header(table, contract_headers(table, column) + [typed])
    assert [(where, code) for where, code, _ in problems] == [(typed, "misspelt-column")]
    assert f"accepted for '{column}'" in problems[0][2] or f"of '{column}'" in problems[0][2]
    assert column not in named and ignored == []


ORDINARY = ["Notes", "Comments", "Commentaires", "Remarques", "Observaciones", "Contact",
            "Focal point", "Point focal", "Budget", "Presupuesto", "name_zh", "Nom ZH",
            "Région (détail)", "Source URL", "Email", "Téléphone", "Mis à jour",
            "Last updated", "Responsable", "Langue", "Modalité", "Modalidad", "Format",
            "Mode", "Days", "Durée", "Organisateur", "Financement", "Sous-région",
            "Région OIM", "Site de la réunion", "Note de la réunion", "Nombre de participants",
            "Prochaine réunion", "Title (FR)", "Titre ES", "summary_fr", "Resumen (ES)",
            "Statut de la réunion", "Année", "N°", "#", "ISO3", "Status"]


@pytest.mark.parametrize("table, extra", [
    (table, extra) for extra in ORDINARY for table, spec in SPECS.items()
    if header_key(extra) not in header_rows.header_map(spec)])  # 'Status' names a mechanisms column
def test_ordinary_extra_columns_are_only_ignored(table, extra):
    """Even when every optional column is absent (and so a candidate)."""
    _, problems, ignored = read_header(table, contract_headers(table, required_only=True)
                                       + [extra])
    assert (problems, ignored) == ([], [extra])


def test_a_header_near_a_present_column_is_no_misspelling_of_it():
    _, problems, ignored = read_header("meetings", contract_headers("meetings") + ["titles"])
    assert (problems, ignored) == ([], ["titles"])


def test_a_misspelt_required_column_is_reported_once():
    _, problems, _ = read_header("meetings", contract_headers("meetings", "title") + ["Tilte"])
    assert [(where, code) for where, code, _ in problems] == [("Tilte", "misspelt-column")]
    assert problems[0][2] == ("looks like a misspelling of 'title', so the column is not read")


def test_a_header_as_near_two_columns_names_both():
    headers = contract_headers("mechanisms", "name_en")
    headers.remove("name_es")
    _, problems, _ = read_header("mechanisms", headers + ["name_e"])
    assert problems == [("name_e", "misspelt-column", "looks like a misspelling of 'name_en' or "
                         "'name_es', so the column is not read")]


@pytest.mark.parametrize("typed, known, slips", [
    ("tilte", "title", 1), ("titl", "title", 1), ("titlle", "title", 1),
    ("notes", "nomes", 2), ("days", "pays", 2), ("yaerestablised", "yearestablished", 2),
    ("typedereuoin", "typedereunion", 2), ("sitedelareunion", "datedelareunion", 4)])
def test_slips_count_a_changed_letter_twice(typed, known, slips):
    assert header_rows.typo_cost(typed, known) == slips


def test_a_misspelt_header_in_a_workbook(tmp_path):
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    book["meetings"]["C1"] = "Intitullé"
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert [(p.row, p.column, p.code, p.hint) for p in raw.problems] == [
        (1, "Intitullé", "misspelt-column",
         "Rename the header to 'intitulé' (or to another name from docs/inputs.md).")]
    assert raw["meetings"].ignored_headers == ()


def test_a_row_of_group_headers_above_the_headers(tmp_path):
    """'Réunion' over mechanism, edition and title, 'Dates' over the dates, 'Lieu' over city
    and country: the row under it is the header row, though 'Réunion' and 'Lieu' are headers."""
    folder = write_inputs(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    sheet.insert_rows(1)
    for cell, text, span in (("A1", "Réunion", "A1:C1"), ("D1", "Dates", "D1:E1"),
                             ("F1", "Lieu", "F1:G1")):
        sheet[cell] = text
        sheet.merge_cells(span)
    book.save(folder / "meetings.xlsx")
    raw = ingest.read_inputs(folder)
    assert (raw["meetings"].header_row, raw.problems) == (2, ())
    assert list(raw["meetings"].frame.index) == [3, 4, 5, 6]


SPANISH_HEADERS = {
    "mechanisms": ["Identificador", "Siglas", "Nombre en inglés", "Nombre en francés",
                   "Nombre en español", "Nombre en árabe", "Nombre en ruso", "Otros nombres",
                   "Tipo de mecanismo", "Estado", "Detalle del estado", "Región",
                   "Año de creación", "Secretaría", "Papel de la OIM", "Asociación formal",
                   "Enfoque temático", "Presidencia", "Sitio web"],
    "participants": ["Mecanismo", "País u organización", "Condición", "Tipo de participante",
                     "Miembro desde", "Año de salida"],
    "meetings": ["Mecanismo", "Número de edición", "Nombre de la reunión", "Fecha de inicio",
                 "Fecha de fin", "Ciudad", "País anfitrión", "Nivel de la reunión", "Temas",
                 "Presidido por", "Participación de la OIM", "Resumen", "Documento final",
                 "Fuente"],
}


@pytest.mark.parametrize("table", SPECS)
def test_a_spanish_office_heads_every_column(table):
    named, problems, ignored = read_header(table, SPANISH_HEADERS[table])
    assert (list(named), problems, ignored) == (contract_headers(table), [], [])


def test_a_french_office_copy_builds_the_same_summary_as_the_clean_set(tmp_path):
    from tests.data.make_corpus import BAD, DATA, FRENCH_HEADERS
    for table, headers in FRENCH_HEADERS.items():
        assert not {header_key(h) for h in headers} & {header_key(c) for c in
                                                       contract_headers(table)}
    summaries = []
    for folder in (BAD / "french-office-copy", DATA / "clean"):
        result = build.build(load_config(folder, tmp_path / folder.name, langs="en",
                                         formats="html"))
        assert result.report.problems == ()
        summaries.append((result.folder / "summary-2025.json").read_bytes())
    assert summaries[0] == summaries[1]
