"""Headers: office synonyms in three languages, notes after headers, group rows, misspellings."""

from functools import partial

import openpyxl
import pandas as pd
import pytest

from pipeline.contract.schema import TABLES, TRANSLATOR_SHEET
from pipeline.read import headers as header_rows
from pipeline.read import ingest, sheets
from pipeline.utils.text import header_key
from tests.conftest import write_inputs


@pytest.mark.parametrize("spec", (*TABLES, TRANSLATOR_SHEET), ids=lambda s: s.name)
def test_header_aliases_are_unambiguous_within_a_table(spec):
    seen = {}
    for column in spec.columns:
        if column.is_translation:
            continue  # read as '<header of its column> <language>' (test below)
        for alias in (column.name, *column.aliases):
            owner = seen.setdefault(header_key(alias), column.name)
            assert owner == column.name or header_key(alias) == header_key(owner), alias


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
    "settings": {
        "setting": ["Paramètre", "Réglage", "Parámetro", "Nom du paramètre"],
        "value": ["Valeur", "Valor", "Contenu"],
    },
    "participants": {
        "participant": ["Nom", "Pays ou organisation", "Estado miembro", "Nombre"],
        "role": ["Statut", "Condición", "En calidad de"],
        "joined": ["Membre depuis", "Año de adhesión"],
        "left": ["Année de retrait", "Año de retiro"],
    },
    "themes": {
        "theme": ["Thème", "Clé", "Tema", "Theme key"],
        "label_en": ["Libellé (EN)", "English", "Libellé anglais", "Etiqueta en inglés"],
        "label_fr": ["Label FR", "label (fr)", "Français", "Libellé français"],
        "label_ar": ["Arabe", "Etiqueta (AR)"],
        "aliases": ["Autres noms", "Variantes", "Otros nombres"],
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
            "Focal point", "Point focal", "Budget", "Presupuesto", "name_xx", "Nom XX",
            "Région (détail)", "Source URL", "Email", "Téléphone", "Mis à jour",
            "Last updated", "Responsable", "Langue", "Modalité", "Modalidad", "Format",
            "Mode", "Days", "Durée", "Organisateur", "Financement", "Sous-région",
            "Région OIM", "Site de la réunion", "Note de la réunion", "Nombre de participants",
            "Prochaine réunion", "Année", "N°", "#", "ISO3", "Status"]
# 'Title (FR)', 'Titre ES', 'summary_fr', 'Resumen (ES)' were ordinary extra columns until
# the data had translation columns: they are read as title_fr… now (test above); and
# 'Statut de la réunion' is the meetings' status column since the calendar has one.


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
                   "Tipo de mecanismo", "Estado", "Detalle del estado", "Estado desde",
                   "Estado anterior", "Región",
                   "Año de creación", "Secretaría", "Papel de la OIM", "Asociación formal",
                   "Enfoque temático", "Presidencia", "Sitio web", "Idioma de trabajo",
                   "Fuente"],
    "participants": ["Mecanismo", "País u organización", "Condición", "Tipo de participante",
                     "Miembro desde", "Año de salida", "Fuentes"],
    "meetings": ["Mecanismo", "Número de edición", "Nombre de la reunión",
                 "Idioma del título", "Fecha de inicio",
                 "Fecha de fin", "Ciudad", "País anfitrión", "Nivel de la reunión",
                 "Estado de la reunión", "Temas", "Objetivos del Pacto Mundial",
                 "Presidido por", "Participación de la OIM", "Resumen", "Documento final",
                 "Idioma del documento final", "Fuente"],
    "themes": ["Tema (clave)", "Etiqueta en inglés", "Etiqueta en francés",
               "Etiqueta en español", "Etiqueta en ruso", "Etiqueta en árabe", "Otros nombres",
               "Objetivos del Pacto Mundial", "Metas de los ODS"],
    "settings": ["Parámetro", "Valor"],
    "updates": ["Mecanismo", "Año", "Logros del año", "Prioridades", "Próximos pasos",
                "Enviado por", "Fecha del envío", "Fuente"],
}


@pytest.mark.parametrize("table", SPECS)
def test_a_spanish_office_heads_every_column(table):
    named, problems, ignored = read_header(table, SPANISH_HEADERS[table])
    assert (list(named), problems, ignored) == (contract_headers(table), [], [])


@pytest.mark.parametrize("table, header, column", [
    ("mechanisms", "region_es", "region_es"), ("mechanisms", "Región (es)", "region_es"),
    ("mechanisms", "Regiones", "region"), ("mechanisms", "régions", "region"),
    ("participants", "participant_fr", "participant_fr"),
    ("participants", "Participantes", "participant"),
    ("meetings", "title_fr", "title_fr"), ("meetings", "Titre [FR]", "title_fr"),
    ("meetings", "Intitulé - ar", "title_ar"), ("meetings", "summary ES", "summary_es"),
    ("meetings", "Title", "title"), ("mechanisms", "name_fr", "name_fr"),
    ("settings", "Valeur (fr)", "value_fr"), ("settings", "valor ES", "value_es"),
    ("settings", "Valeur", "value"),
])
def test_a_header_that_names_a_language_reads_as_the_translation_column(table, header,
                                                                         column):
    from pipeline.read.headers import header_map, written_key
    mapping = header_map(SPECS[table])
    assert mapping.get(written_key(header, mapping)) == column
