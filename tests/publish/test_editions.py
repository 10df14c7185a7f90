"""Which document, language and format each file of a year's folder is, and its title: as
the build recorded them in the folder's manifest, so that a new document needs no code
here, and a document of another version is listed as its build described it."""

import json
from pathlib import Path

import pytest

from pipeline.lang.localiser import Localiser
from pipeline.publish import editions, incremental


def described(kind: str, lang: str | None, form: str, title: str) -> dict:
    """A manifest entry as a build writes it (plan.Target.described)."""
    return {"key": "k", "sha256": "s", "sources": "x", "document": kind, "lang": lang,
            "format": form, "title": title}


def write_folder(folder: Path, files: dict[str, str], entries: dict[str, dict],
                 report_lang: str | None = None) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    if entries or report_lang:
        (folder / incremental.MANIFEST).write_text(json.dumps(
            {"outputs": entries, **({"report_lang": report_lang} if report_lang else {})}))
    return folder


@pytest.fixture
def year(tmp_path) -> Path:
    """A folder of 2026 with documents of today, one of another version (an atlas) and other
    files, as its manifest describes them."""
    entries = {
        "iscm-highlights-2026-fr.pdf": described("bulletin", "fr", "pdf", "Ancien titre 2026"),
        "summary-2026.json": described("summary", None, "json", "Key figures of 2026"),
        "iscm-atlas-2026-fr.html": described("atlas", "fr", "html", "Atlas des MCIM 2026"),
        "iscm-atlas-2026-en.html": described("atlas", "en", "html", "ISCM atlas & maps 2026"),
        "iscm-atlas-2026-en.svg": described("atlas", "en", "svg", "ISCM atlas & maps 2026"),
        "iscm-calendar-2026.ics": described("calendar", None, "ics",
                                            "ISCM 2026 · Calendar"),
        "validation-report-2026.html": described("validation-report", "es", "html",
                                                 "Informe de validación 2026"),
        "validation-report-2026.xlsx": described("validation-report", "es", "xlsx",
                                                 "Informe de validación 2026"),
        "iscm-map-2026-en.html": described("map", "en", "html", "ISCM 2026 · Map"),  # deleted
        "assets/css/common.css": {"key": "k", "sha256": "s", "sources": "x"},
    }
    files = {name: "x" * (n + 1) for n, name in enumerate(entries) if "/" not in name
             and "-map-" not in name}
    files |= {"iscm-table-2025-en.html": "", "notes.txt": "", "README": ""}  # undescribed
    folder = write_folder(tmp_path / "2026", files, entries, report_lang="es")
    (folder / "assets").mkdir()
    return folder


def listed(files):
    return [(f.kind, f.lang, f.format) for f in files]


def test_each_file_is_its_document_language_and_format_as_its_build_described_it(year):
    files = editions.year_files(year)
    assert listed(files) == [
        ("bulletin", "fr", "pdf"),
        ("calendar", None, "ics"),
        ("atlas", "en", "html"), ("atlas", "en", "svg"), ("atlas", "fr", "html"),
        ("summary", None, "json"),
        ("validation-report", "es", "html"), ("validation-report", "es", "xlsx"),
    ]
    assert files[0].href == "2026/iscm-highlights-2026-fr.pdf" and files[0].size == 1
    assert [f.name for f in editions.year_files(year, ["summary-2026.json", "notes.txt"])] == [
        "summary-2026.json"]


@pytest.mark.parametrize("lang, expected", [
    ("fr", "Atlas des MCIM 2026"),  # the title its build recorded in the reader's language
    ("ru", "ISCM atlas & maps 2026"),  # else in English
])
def test_a_document_of_another_version_keeps_the_title_its_build_recorded(year, lang,
                                                                          expected):
    atlas = [f for f in editions.year_files(year) if f.kind == "atlas"]
    assert editions.title(atlas, Localiser(lang)) == expected
    unknown = [editions.EditionFile(2026, "iscm-poster", "en", "svg", "2026/x.svg", 1)]
    assert editions.title(unknown, Localiser("ar")) == "iscm-poster 2026"  # none recorded


def test_known_documents_are_titled_by_their_declaration_in_every_language(year):
    files = editions.grouped(editions.year_files(year), lambda f: f.kind)
    assert editions.title(files[0], Localiser("fr")) == "MCIM 2026 · Faits saillants"
    assert editions.title(files[0], Localiser("es")) == "MCIM 2026 · Aspectos destacados"
    assert editions.title(files[-1], Localiser("fr")) == "Rapport de validation 2026"


def test_a_line_says_what_a_file_is(year):
    files = editions.grouped(editions.year_files(year), lambda f: f.kind)
    bulletin, calendar, atlas, report = files[0], files[1], files[2], files[-1]
    assert editions.describe(bulletin[0], bulletin, Localiser("fr")) == (
        "MCIM 2026 · Faits saillants, français, PDF")
    assert editions.describe(calendar[0], calendar, Localiser("en")) == (
        "ISCM 2026 · Calendar, ICS")
    assert editions.describe(atlas[1], atlas, Localiser("en")) == (
        "ISCM atlas & maps 2026, English, SVG")  # a format of another version: its name
    assert editions.describe(report[1], report, Localiser("en")) == (
        "Validation report 2026, Spanish, spreadsheet (XLSX)")


def test_files_a_manifest_does_not_describe_are_known_by_the_plans_names(tmp_path):
    """A folder built before the manifest described its files, or copied in without one:
    the files the plan names today, the validation report in the report language its build
    recorded; no other file."""
    names = ["iscm-table-2025-en.html", "iscm-calendar-2025-fr.ics",
             "validation-report-2025.html", "iscm-atlas-2025-en.html", "notes.txt"]
    old = {name: {"key": "k", "sha256": "s"} for name in names}
    folder = write_folder(tmp_path / "2025", dict.fromkeys(names, "x"), old, report_lang="fr")
    files = editions.year_files(folder)
    assert listed(files) == [("table", "en", "html"), ("calendar", "fr", "ics"),
                             ("validation-report", "fr", "html")]
    assert [f.title for f in files] == [None, None, None]
    assert editions.title(files[:1], Localiser("ru")) == "МКМ 2025 · Таблица"
    copied = write_folder(tmp_path / "other" / "2025", dict.fromkeys(names, "x"), {})
    assert listed(editions.year_files(copied))[-1] == ("validation-report", None, "html")


def test_only_year_folders_are_editions(year):
    for other in ("dist", "translation-kit", ".preview", "20255"):
        (year.parent / other).mkdir()
        (year.parent / other / "summary-2026.json").write_text("{}")
    assert {f.href.split("/")[0] for f in editions.edition_files(year.parent)} == {"2026"}
    assert editions.edition_files(year.parent / "missing") == []
