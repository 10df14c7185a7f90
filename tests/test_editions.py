"""Which document, language and format each file of a year's folder is, and its title:
from plan.py's names, so that a new document needs no code here."""

from pathlib import Path

import pytest

from pipeline.lang.localiser import Localiser
from pipeline.publish import editions
from pipeline.publish.plan import DOCUMENTS, Document


def page(lang: str, title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head><body></body></html>\n")


@pytest.fixture
def year(tmp_path) -> Path:
    """A folder of 2026 with the documents of today, of a later version and other files."""
    folder = tmp_path / "2026"
    folder.mkdir()
    files = {
        "iscm-highlights-2026-fr.pdf": "%PDF",
        "summary-2026.json": "{}",
        "iscm-atlas-2026-fr.html": page("fr", "Atlas des MCIM 2026"),
        "iscm-atlas-2026-en.html": page("en", "ISCM atlas &amp; maps 2026"),
        "iscm-atlas-2026-en.pdf": "%PDF",
        "iscm-highlights-2026.ics": "BEGIN:VCALENDAR",
        "validation-report-2026.html": page("es", "Informe de validación 2026"),
        "validation-report-2026.xlsx": "PK",
        "iscm-table-2025-en.html": page("en", "ISCM table 2025"),  # not of this year
        "notes.txt": "not a document", ".manifest.json": "{}", "README": "",
    }
    for name, text in files.items():
        (folder / name).write_text(text)
    (folder / "assets").mkdir()
    return folder


def listed(files):
    return [(f.kind, f.lang, f.format) for f in files]


def test_each_file_is_its_document_language_and_format(year):
    files = editions.year_files(year)
    assert listed(files) == [
        ("bulletin", "fr", "pdf"), ("bulletin", None, "ics"),  # a stem of plan.DOCUMENTS
        ("iscm-atlas", "en", "pdf"), ("iscm-atlas", "en", "html"), ("iscm-atlas", "fr", "html"),
        ("summary", None, "json"),
        ("validation-report", "es", "html"), ("validation-report", "es", "xlsx"),  # REPORT_LANG
    ]
    assert files[0].href == "2026/iscm-highlights-2026-fr.pdf" and files[0].size == 4
    assert [f.name for f in editions.year_files(year, ["summary-2026.json", "notes.txt"])] == [
        "summary-2026.json"]


def test_a_document_added_to_the_plan_is_known_by_its_kind(year, monkeypatch):
    monkeypatch.setattr(editions, "DOCUMENTS", (*DOCUMENTS, Document("atlas", "iscm-atlas",
                                                                     ("html", "pdf"))))
    assert {f.kind for f in editions.year_files(year) if f.name.startswith("iscm-atlas")} == {
        "atlas"}


@pytest.mark.parametrize("lang, expected", [
    ("fr", "Atlas des MCIM 2026"),  # its page in the reader's language
    ("ru", "ISCM atlas & maps 2026"),  # else in English
])
def test_a_new_documents_title_is_its_pages(year, lang, expected):
    atlas = [f for f in editions.year_files(year) if f.kind == "iscm-atlas"]
    assert editions.title(atlas, Localiser(lang)) == expected
    assert editions.title(atlas[:1], Localiser(lang)) == "iscm-atlas 2026"  # a PDF alone


def test_known_documents_are_titled_in_every_language_and_others_by_kind(year):
    files = editions.grouped(editions.year_files(year), lambda f: f.kind)
    assert editions.title(files[0], Localiser("fr")) == "Faits saillants des MCIM 2026"
    assert editions.title(files[-1], Localiser("fr")) == "Rapport de validation 2026"
    unknown = [editions.EditionFile(2026, "iscm-poster", "en", "svg", "2026/x.svg", 1)]
    assert editions.title(unknown, Localiser("ar")) == "iscm-poster 2026"


def test_a_line_says_what_a_file_is(year):
    files = editions.year_files(year)
    bulletin = [f for f in files if f.kind == "bulletin"]
    assert editions.describe(bulletin[0], bulletin, Localiser("fr")) == (
        "Faits saillants des MCIM 2026, français, PDF")
    assert editions.describe(bulletin[1], bulletin, Localiser("en")) == (
        "ISCM Highlights 2026, ICS")
    report = [f for f in files if f.kind == "validation-report"]
    assert editions.describe(report[1], report, Localiser("en")) == (
        "Validation report 2026, Spanish, spreadsheet (XLSX)")


def test_only_year_folders_are_editions(year):
    for other in ("dist", "translation-kit", ".preview", "20255"):
        (year.parent / other).mkdir()
        (year.parent / other / "summary-2026.json").write_text("{}")
    assert {f.href.split("/")[0] for f in editions.edition_files(year.parent)} == {"2026"}
    assert editions.edition_files(year.parent / "missing") == []
