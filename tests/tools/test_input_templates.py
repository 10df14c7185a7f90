"""Input templates: the contract's headers, dropdowns, date formats, instructions; and a
filled-in template is read like any input."""

import openpyxl
import pytest

from pipeline.config import REPORT_LANGUAGES
from pipeline.contract.kinds import Context
from pipeline.contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, TABLES
from pipeline.errors import ConfigError
from pipeline.languages import CATALOGUES
from pipeline.tools.input_templates import main, write_templates
from pipeline.validate.publication import SETTINGS
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, PARTICIPANT_ROWS, SHIPPED_INPUTS, validated


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    write_templates(folder, SHIPPED_INPUTS)
    return {name: openpyxl.load_workbook(folder / name) for name in ("mechanisms.xlsx",
                                                                     "meetings.xlsx",
                                                                     "publication.xlsx",
                                                                     "updates.xlsx")}


def validations(sheet) -> dict[str, str]:
    """Column header -> the dropdown's source."""
    headers = {c.column_letter: c.value for c in sheet[1]}
    return {headers[str(dv.sqref).split(":")[0].rstrip("0123456789")]: dv.formula1
            for dv in sheet.data_validations.dataValidation}


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_each_table_has_the_contract_headers_frozen(templates, spec):
    sheet = templates[spec.workbook][spec.name]
    assert [c.value for c in sheet[1]] == [c.name for c in spec.template_columns]
    assert sheet.freeze_panes == "A2"
    assert all(c.comment and c.comment.text.startswith(spec.column(c.value).help)
               for c in sheet[1])


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_every_enumeration_and_mechanism_id_has_a_dropdown(templates, spec):
    """Each value a dropdown offers is one the build accepts, as it is."""
    found = validations(templates[spec.workbook][spec.name])
    for column in spec.columns:
        if column.vocabulary:
            offered = found[column.name].strip('"').split(",")
            assert len(offered) == len(set(offered)) > 1
            for value in offered:
                parsed = column.kind.parse(value, column, Context(year=2025))
                assert parsed in (value, (value,), value == "yes"), (column.name, value)
    if "mechanism_id" in {c.name for c in spec.columns} and spec is not MECHANISMS:
        assert "mechanism_id" in found


def test_mechanism_ids_come_from_the_mechanisms_sheet_or_the_inputs(templates):
    participants = validations(templates["mechanisms.xlsx"]["participants"])
    assert participants["mechanism_id"] == "mechanisms!$A$2:$A$1048576"
    lists = templates["meetings.xlsx"]["Lists"]
    ids = [row[0] for row in lists.iter_rows(min_row=2, values_only=True)]
    assert "budapest" in ids and "gfmd" in ids
    assert validations(templates["meetings.xlsx"]["meetings"])["mechanism_id"] == \
        f"Lists!$A$2:$A${len(ids) + 1}"


def test_the_publication_template_lists_every_setting_with_a_blank_value(templates):
    """Each setting's row, its help and default in a note on its name, its value blank (the
    default) in its kind's format; the names as a dropdown that warns (aliases work too)."""
    sheet = templates["publication.xlsx"]["settings"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows == [(setting.name, None) for setting in SETTINGS]
    assert [name for name, _ in rows][:3] == ["edition_date", "publisher", "address"]
    note = sheet["A2"].comment.text
    assert note.startswith("edition_date: The date printed on the documents; meetings that "
                           "start after it are shown as upcoming")
    assert note.endswith("(Default: the latest date of a meeting held in the year, but never "
                         "later than the day of the build.)")
    assert sheet["B2"].number_format == "DD/MM/YYYY"
    (names,) = sheet.data_validations.dataValidation
    assert (names.formula1, names.errorStyle, str(names.sqref)) == (
        '"edition_date,publisher,address,copyright,licence,citation,issn,isbn,document_symbol,'
        'logo,disclaimer,calendar_domain"', "warning", "A2:A1048576")
    assert len(names.formula1) <= 257  # Excel's limit on a list's text: 255 characters
    instructions = sheet_text(templates["publication.xlsx"]["Instructions"])
    assert "Sheet settings: one row per setting." in instructions
    assert "mechanism_id" not in instructions
    assert "Feuille settings\u00a0: une ligne par paramètre." in instructions


def test_date_columns_have_a_date_format(templates):
    sheet = templates["meetings.xlsx"]["meetings"]
    assert [sheet["E1"].value, sheet["F1"].value] == ["start_date", "end_date"]
    assert sheet.column_dimensions["E"].number_format == "DD/MM/YYYY"
    assert sheet.column_dimensions["F"].number_format == "DD/MM/YYYY"


def test_instructions_in_english_french_and_spanish(templates):
    for book in templates.values():
        text = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
        assert "dd/mm/yyyy, day first" in text
        assert "jj/mm/aaaa, le jour d'abord" in text
        assert "dd/mm/aaaa, primero el día" in text


@pytest.mark.parametrize("lang", REPORT_LANGUAGES)
def test_a_filled_in_template_is_read_without_problems(tmp_path, lang):
    """In every report language: the headers are the contract's names, and the sheets the
    templates add (Instructions, Listes, Instrucciones…) are ignored."""
    write_templates(tmp_path, lang=lang)
    mechanisms = openpyxl.load_workbook(tmp_path / "mechanisms.xlsx")
    meetings = openpyxl.load_workbook(tmp_path / "meetings.xlsx")
    for sheet, spec, rows in ((mechanisms["mechanisms"], MECHANISMS, MECHANISM_ROWS[:3]),
                              (mechanisms["participants"], PARTICIPANTS, PARTICIPANT_ROWS[:9]),
                              (meetings["meetings"], MEETINGS, MEETING_ROWS[:2])):
        for row in rows:
            sheet.append([row.get(c.name) for c in spec.columns])
    mechanisms.save(tmp_path / "mechanisms.xlsx")
    meetings.save(tmp_path / "meetings.xlsx")
    tables, report = validated(tmp_path)
    assert report.errors == ()
    assert [p for p in report.problems if p.file == "publication.xlsx"] == []  # all blank
    assert list(tables.meetings["mechanism_id"]) == ["midsa", "gfmd"]
    # Each workbook's Instructions, and the Lists of the two without the mechanisms.
    assert ("sheets ignored (not input tables)", 6) in report.counts
    assert (tables.publication.values, tables.edition.given_by) == ({}, "default")


def test_templates_never_overwrite_the_inputs(tmp_path):
    (tmp_path / "mechanisms.xlsx").write_bytes(b"precious")
    with pytest.raises(ConfigError):
        write_templates(tmp_path, tmp_path)
    assert (tmp_path / "mechanisms.xlsx").read_bytes() == b"precious"


def test_templates_are_the_same_bytes_every_time(tmp_path):
    first = write_templates(tmp_path / "a")
    second = write_templates(tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


# In the report language: `make templates REPORT_LANG=fr` (or es).

@pytest.fixture(scope="module")
def localised(tmp_path_factory):
    books = {}
    for lang in CATALOGUES["report"]:
        folder = tmp_path_factory.mktemp(f"templates-{lang}")
        write_templates(folder, SHIPPED_INPUTS, lang)
        books[lang] = {name: openpyxl.load_workbook(folder / name)
                       for name in ("mechanisms.xlsx", "meetings.xlsx")}
    return books


def sheet_text(sheet) -> str:
    return "\n".join(str(c.value) for c in sheet["A"] if c.value)


@pytest.mark.parametrize("lang, sheets, lines", [
    ("fr", ["Instructions", "meetings", "Listes"],
     ["Français", "Feuille meetings\u00a0: une ligne par réunion.",
      "Ne renommez ni les feuilles ni les en-têtes\u202f; les colonnes en bleu foncé sont "
      "obligatoires.",
      "Dates\u00a0: jj/mm/aaaa, le jour d'abord (11/02/2025 est le 11 février 2025). "
      "Années\u00a0: quatre chiffres.", "Colonnes",
      "meetings › title\u00a0: L'intitulé de la réunion, en anglais. (obligatoire)",
      "meetings › iom_participation\u00a0: yes ou no (ou oui, non).",
      "Le contrat complet (en anglais)\u00a0: docs/inputs.md."]),
    ("es", ["Instrucciones", "meetings", "Listas"],
     ["Español", "Hoja meetings: una fila por reunión.",
      "No cambie el nombre de las hojas ni de los encabezados; las columnas en azul oscuro son "
      "obligatorias.", "Columnas",
      "meetings › level: ministerial, senior-officials, technical, thematic, working-group, "
      "summit u other. (obligatorio)", "El contrato completo (en inglés): docs/inputs.md."]),
])
def test_instructions_in_the_report_language_only(localised, lang, sheets, lines):
    book = localised[lang]["meetings.xlsx"]
    assert book.sheetnames == sheets
    text = sheet_text(book[sheets[0]]).splitlines()
    assert all(line in text for line in lines), text
    assert "English" not in text and "dd/mm/yyyy, day first" not in "\n".join(text)


def test_help_and_dropdown_messages_in_the_report_language(localised):
    sheet = localised["fr"]["meetings.xlsx"]["meetings"]
    notes = {c.value: c.comment.text for c in sheet[1]}
    assert notes["start_date"] == "Premier jour (une date, ou jj/mm/aaaa). (obligatoire)"
    assert notes["country"] == "Pays hôte."
    found = {dv.formula1: dv.error for dv in sheet.data_validations.dataValidation}
    assert found['"yes,no"'] == "Utilisez l'une des valeurs suivantes\u00a0: yes, no."
    ids = next(f for f in found if f.startswith("Listes!"))
    assert found[ids] == "Ce n'est pas un identifiant de mechanisms.xlsx\u00a0: vérifiez-le."
    participants = localised["es"]["mechanisms.xlsx"]["participants"]
    assert participants["A1"].comment.text == (
        "El identificador del mecanismo (o su sigla, su nombre o un alias). (obligatorio)")


def test_an_unknown_template_language_is_a_usage_error(tmp_path, capsys):
    assert main(["--out", str(tmp_path), "--report-lang", "de"]) == 2
    assert capsys.readouterr().err == ("Error: Config value 'report_lang': de is not among the "
                                       "report languages (en, fr, es).\n")
    assert not list(tmp_path.iterdir())
