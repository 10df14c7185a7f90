"""The translators' files: every one read, in subfolders too; headers in three languages and
misspelt ones named; a row that lost its id; the language a file is in; the newer kit wins
where two files disagree; the length guard against a translation's own source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pipeline.read import ingest
from pipeline.read.translator_files import KIT_MADE, language_of, latest
from pipeline.validate import translations
from tests.conftest import SHIPPED_INPUTS, validated, write_inputs

SUMMIT = "gfmd 2025-03-05 «GFMD Summit»"
TITLE = f"meetings › title › {SUMMIT}"
SUMMARY = f"meetings › summary › {SUMMIT}"
SUMMIT_SUMMARY = "The Summit discussed regular pathways."
KIT_HEADERS = ["id", "context", "source", "translation"]


def write_book(path: Path, rows: list[list], headers=KIT_HEADERS, made: str | None = None
               ) -> Path:
    """A translator's workbook: a sheet 'strings' under the headers given, stamped as the
    kit stamps it when `made` is given."""
    from openpyxl.packaging.custom import StringProperty

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "strings"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    if made:
        book.custom_doc_props.append(StringProperty(name=KIT_MADE, value=made))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def kit_row(context: str, source: str, translation: str) -> list:
    return [translations.string_id(context, source), context, source, translation]


def write_xliff(path: Path, trg_lang: str, units: list[tuple[str, str, str, str]]) -> Path:
    """An XLIFF 2 file as a CAT tool returns it: (id, context, source, target) units."""
    body = "".join(
        f'<unit id="{id_}"><notes><note category="context">{context}</note></notes>'
        f"<segment><source>{source}</source><target>{target}</target></segment></unit>"
        for id_, context, source, target in units)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:'
                    f'xliff:document:2.0" version="2.1" srcLang="en" trgLang="{trg_lang}">'
                    f'<file id="f1">{body}</file></xliff>', encoding="utf-8")
    return path


def checked(inputs: Path, langs=("en", "fr")):
    tables, report = validated(inputs, langs=langs)
    return tables, report


def about(report) -> list[tuple]:
    """The problems of the translators' files, located (not those of the small inputs'
    own sheets, nor the untranslated count)."""
    return [(p.severity, p.file, p.sheet, p.row, p.column, p.code) for p in report.problems
            if p.file not in ("mechanisms.xlsx", "meetings.xlsx", translations.FOLDER)]


def translation_warnings(report) -> list:
    return [p for p in report.warnings if p.code.startswith("translation")]


def summit_title(tables, lang: str = "fr") -> str:
    meetings = tables.meetings
    return meetings.loc[meetings["title"] == "GFMD Summit", f"title_{lang}"].iloc[0]


@pytest.fixture
def inputs(tmp_path) -> Path:
    return write_inputs(tmp_path / "inputs")


@pytest.mark.parametrize("name, lang", [
    ("strings-2025-fr-2026-12-07.xlsx", "fr"), ("strings-fr.xlsx", "fr"),
    ("bali_es.xlf", "es"), ("strings-2025-ar-2026-12-07-2.xlsx", "ar"),
    ("strings-RU (revised by Olga).xlsx", "ru"), ("Traduction FR final.xlsx", "fr"),
    ("strings.xlsx", None), ("strings-fr-es.xlsx", None), ("estimates.xlsx", None),
])
def test_a_files_language_is_a_word_of_its_name(name, lang):
    assert language_of(Path(name)) == lang


def test_every_file_is_read_subfolders_too_and_none_replaces_another(inputs):
    folder = inputs / "translations"
    write_book(folder / "strings-fr.xlsx", [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")])
    write_book(folder / "2026" / "round 2" / "strings-fr.xlsx",
               [kit_row(SUMMARY, SUMMIT_SUMMARY, "Le Sommet a examiné les voies régulières.")])
    write_book(folder / ".old" / "strings-fr.xlsx", [kit_row(TITLE, "GFMD Summit", "Caché")])
    entries, problems = ingest.read_translations(inputs)
    assert problems == []
    assert sorted((e.file, e.row, e.text) for e in entries) == [
        ("2026/round 2/strings-fr.xlsx", 2, "Le Sommet a examiné les voies régulières."),
        ("strings-fr.xlsx", 2, "Sommet du FMMD")]


def test_french_and_spanish_headers_are_read(inputs):
    folder = inputs / "translations"
    write_book(folder / "retour-fr.xlsx", [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")],
               headers=["Identifiant", "Contexte", "Texte source", "Traduction"])
    write_book(folder / "vuelta-es.xlsx", [kit_row(TITLE, "GFMD Summit", "Cumbre del FMMD")],
               headers=["Identificador", "Contexto", "Texto fuente", "Traducción"])
    tables, report = checked(inputs, ("en", "fr", "es"))
    assert about(report) == []
    assert (summit_title(tables, "fr"), summit_title(tables, "es")) == ("Sommet du FMMD",
                                                                        "Cumbre del FMMD")


def test_a_misspelt_header_is_named_with_the_column_it_probably_is(inputs):
    write_book(inputs / "translations" / "strings-fr.xlsx",
               [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")],
               headers=["id", "Contexte", "source", "Traductoin"])
    _, report = checked(inputs)
    assert about(report) == [
        ("error", "strings-fr.xlsx", "strings", 1, "Traductoin", "misspelt-column")]
    problem = report.errors[0]
    assert problem.message == ("looks like a misspelling of 'traduction' (accepted for "
                               "'translation'), so the column is not read")
    assert problem.hint.startswith("Rename the header to 'traduction'")


def test_a_sheet_without_a_translation_column_says_which_is_missing(inputs):
    write_book(inputs / "translations" / "strings-fr.xlsx", [["x", TITLE, "GFMD Summit"]],
               headers=["id", "context", "source"])
    _, report = checked(inputs)
    assert about(report) == [
        ("error", "strings-fr.xlsx", "strings", 1, "translation", "missing-column")]


def test_a_row_that_lost_its_id_is_found_by_its_context_and_source_or_named(inputs):
    write_book(inputs / "translations" / "strings-fr.xlsx", [
        ["", TITLE, "GFMD Summit", "Sommet du FMMD"],  # the id deleted: found again
        ["", "", SUMMIT_SUMMARY, "Le Sommet a examiné les voies régulières."],  # lost
        ["", "", "", ""],
    ], headers=["Identifiant", "context", "source", "translation"])
    tables, report = checked(inputs)
    assert summit_title(tables) == "Sommet du FMMD"
    assert about(report) == [
        ("warning", "strings-fr.xlsx", "strings", 3, "Identifiant", "translation-without-id")]
    assert translation_warnings(report)[0].value == "Le Sommet a examiné les voies régulières."
    assert "so it is not used" in translation_warnings(report)[0].message


@pytest.mark.parametrize("name, trg_lang, expected, message", [
    ("strings-2025-es-2026-03-02.xlf", "de", "language-mismatch",
     "the file's trgLang attribute says its translations are in de, but its name says es "
     "(Spanish)"),
    ("strings-2025-es-2026-03-02.xlf", "fr-FR", "language-mismatch",
     "the file's trgLang attribute says its translations are in fr, but its name says es "
     "(Spanish)"),
    ("returned.xlf", "de", "unknown-value",
     "is not a language the documents are translated into (fr, es, ru or ar)"),
    ("returned.xlf", "", "unknown-value", "does not say which language it is in"),
])
def test_an_xliff_files_language_must_be_one_and_agree_with_its_name(inputs, name, trg_lang,
                                                                     expected, message):
    write_xliff(inputs / "translations" / name, trg_lang,
                [(translations.string_id(TITLE, "GFMD Summit"), TITLE, "GFMD Summit", "X")])
    _, report = checked(inputs)
    column = "trgLang" if trg_lang else ""
    assert about(report) == [("error", name, "", 0, column, expected)]
    assert report.errors[0].message == message


def test_an_xliff_whose_trglang_agrees_with_its_name_is_read(inputs):
    write_xliff(inputs / "translations" / "strings-2025-fr-2026-03-02.xlf", "fr-CA",
                [(translations.string_id(TITLE, "GFMD Summit"), TITLE, "GFMD Summit",
                  "Sommet du FMMD")])
    tables, report = checked(inputs)
    assert about(report) == [] and summit_title(tables) == "Sommet du FMMD"


def test_where_two_files_disagree_the_newer_kit_wins_and_the_report_says_so(inputs):
    folder = inputs / "translations"
    older = write_book(folder / "zz-first-round-fr.xlsx",
                       [kit_row(TITLE, "GFMD Summit", "Sommet FMMD")],
                       made="2026-03-02T09:30:00+00:00")
    write_book(folder / "aa-revised-fr.xlsx",  # first by name, but from a newer kit
               [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD"),
                kit_row(SUMMARY, SUMMIT_SUMMARY, "Le Sommet a examiné les voies régulières.")],
               made="2026-05-11T14:00:00+00:00")
    write_book(folder / "copy-fr.xlsx",  # the same translation again: nothing to say
               [kit_row(SUMMARY, SUMMIT_SUMMARY, "Le Sommet a examiné les voies régulières.")])
    tables, report = checked(inputs)
    assert summit_title(tables) == "Sommet du FMMD"
    assert about(report) == [("warning", older.name, "strings", 2, "translation",
                              "translation-replaced")]
    problem = translation_warnings(report)[0]
    assert problem.value == "Sommet FMMD"
    assert problem.message == (
        "is not used: aa-revised-fr.xlsx › strings › row 2 translates the same text as "
        "'Sommet du FMMD', from a newer kit (made 2026-05-11; this one: 2026-03-02)")
    assert problem.hint == ("Keep one of the two: delete this translation if the other is "
                            "right, or the other one if this is.")
    # Doing what the hint says removes the warning.
    write_book(older, [], made="2026-03-02T09:30:00+00:00")
    assert about(checked(inputs)[1]) == []


def test_a_file_that_lost_its_stamp_is_dated_by_its_name_an_undated_one_is_oldest(inputs):
    folder = inputs / "translations"
    write_book(folder / "strings-2025-fr-2026-05-11.xlsx",  # saved by a tool that drops it
               [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")])
    write_book(folder / "strings-fr.xlsx", [kit_row(TITLE, "GFMD Summit", "Sommet FMMD")],
               made="2026-03-02T09:30:00+00:00")
    write_book(folder / "zz-fr.xlsx", [kit_row(TITLE, "GFMD Summit", "Le Sommet")])
    tables, report = checked(inputs)
    assert summit_title(tables) == "Sommet du FMMD"
    replaced = {p.file: p.message for p in report.problems if p.code == "translation-replaced"}
    assert replaced == {
        "strings-fr.xlsx": "is not used: strings-2025-fr-2026-05-11.xlsx › strings › row 2 "
                           "translates the same text as 'Sommet du FMMD', from a newer kit "
                           "(made 2026-05-11; this one: 2026-03-02)",
        "zz-fr.xlsx": "is not used: strings-2025-fr-2026-05-11.xlsx › strings › row 2 "
                      "translates the same text as 'Sommet du FMMD', from a newer kit (made "
                      "2026-05-11; this one: undated)"}


def test_two_files_of_one_kit_the_later_by_name_wins_and_the_report_says_so(inputs):
    folder = inputs / "translations"
    for name, text in (("strings-2025-fr-2026-03-02.xlsx", "Sommet FMMD"),
                       ("strings-2025-fr-2026-03-02 revised.xlsx", "Sommet du FMMD")):
        write_book(folder / name, [kit_row(TITLE, "GFMD Summit", text)],
                   made="2026-03-02T09:30:00+00:00")
    tables, report = checked(inputs)
    assert summit_title(tables) == "Sommet du FMMD"
    assert about(report) == [("warning", "strings-2025-fr-2026-03-02.xlsx", "strings", 2,
                              "translation", "translation-replaced")]
    assert translation_warnings(report)[0].message.endswith(
        "and neither is from a newer kit, so the later by file name and row is used")


def test_the_spreadsheets_own_translation_column_wins_over_every_file(inputs):
    book = openpyxl.load_workbook(inputs / "meetings.xlsx")  # title_fr: not a template column
    sheet = book["meetings"]
    sheet.cell(1, sheet.max_column + 1, "title_fr")
    sheet.cell(3, sheet.max_column, "Sommet mondial")
    book.save(inputs / "meetings.xlsx")
    write_book(inputs / "translations" / "strings-fr.xlsx",
               [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")],
               made="2026-05-11T14:00:00+00:00")
    tables, report = checked(inputs)
    assert summit_title(tables) == "Sommet mondial"
    assert about(report) == []


# The length guard: a translation against its own source.

@pytest.mark.parametrize("source, translation, refused", [
    ("Bali Process Steering Group", "x" * 280, True),  # a paragraph on a title's row
    ("x" * 59, "y" * 280, True),
    ("ICMPD", "Международный центр по развитию миграционной политики (МЦРМП)", False),
    ("UNHCR, IOM and OSCE/ODIHR (joint)", "م" * 156, False),  # Arabic writes them out
    ("x" * 400, "y" * 560, False),  # a long summary, 40 % longer in French
])
def test_the_length_guard(source, translation, refused):
    assert translations.too_long(source, translation) is refused


def test_every_shipped_translation_passes_the_length_guard():
    entries, problems = ingest.read_translations(SHIPPED_INPUTS)
    assert problems == [] and len(entries) > 600
    assert [e for e in entries if translations.too_long(e.source, e.text)] == []


def test_a_long_translation_is_measured_against_the_source_on_its_row(inputs):
    """A paragraph pasted on the title's row is refused even where the row's id is the
    summary's (a shifted row): it is compared with the source written beside it."""
    summary_id = translations.string_id(SUMMARY, SUMMIT_SUMMARY)
    write_book(inputs / "translations" / "strings-fr.xlsx",
               [[summary_id, TITLE, "GFMD Summit", "Le Sommet du FMMD a réuni les États. " * 5]])
    _, report = checked(inputs)
    assert about(report) == [("error", "strings-fr.xlsx", "strings", 2, "translation",
                              "translation-too-long")]
    assert report.errors[0].message == ("is 184 characters long, for a source of 11: not a "
                                        "translation of it")


def test_entries_of_equal_rank_are_chosen_whatever_the_order_they_were_read_in():
    from pipeline.read.translator_files import Entry

    made = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    a = Entry("fr", "x", TITLE, "GFMD Summit", "A", "a.xlsx", "strings", 2, made=made)
    b = Entry("fr", "x", TITLE, "GFMD Summit", "B", "b.xlsx", "strings", 2, made=made)
    assert latest([a, b]).by_id["fr", "x"] == latest([b, a]).by_id["fr", "x"] == b
    assert latest([b, a]).replaced == {("fr", "x"): (a,)}


def test_a_kit_workbook_renamed_without_its_language_is_read_in_the_kits(inputs):
    from openpyxl.packaging.custom import StringProperty

    from pipeline.read.translator_files import KIT_LANGUAGE

    path = write_book(inputs / "translations" / "translated.xlsx",
                      [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")],
                      made="2026-03-02T09:30:00+00:00")
    book = openpyxl.load_workbook(path)
    book.custom_doc_props.append(StringProperty(name=KIT_LANGUAGE, value="fr"))
    book.save(path)
    tables, report = checked(inputs)
    assert about(report) == [] and summit_title(tables) == "Sommet du FMMD"
    # Without the stamp, nothing says its language: reported, not guessed.
    write_book(path, [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")])
    assert about(checked(inputs)[1]) == [("error", "translated.xlsx", "", 0, "",
                                          "unknown-value")]
