"""The translation kit, end to end: exported, translated in a spreadsheet and in a CAT
tool's XLIFF, read back into the documents; outdated once the English changes."""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline import build
from pipeline.cli import main
from pipeline.config import load_config
from tests.conftest import MEETING_ROWS, write_inputs

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
SUMMIT_SUMMARY = "The Summit discussed regular pathways."
FRENCH = {"GFMD Summit": "Sommet du FMMD",
          SUMMIT_SUMMARY: "Le Sommet a examiné les voies de migration régulière."}
RUSSIAN = {"GFMD Summit": "Саммит ГФМР",
           SUMMIT_SUMMARY: "Участники саммита обсудили легальные пути миграции."}


def export(inputs, outputs, langs: str) -> None:
    result = CliRunner().invoke(main, ["translation-kit", "--inputs", str(inputs),
                                       "--outputs", str(outputs), "--lang", langs, "--quiet"])
    assert result.exit_code == 0, result.output


def translate_xlsx(kit, path, translations: dict[str, str]) -> None:
    """What a translator does in Excel: fill the translation column, save under a new name."""
    book = openpyxl.load_workbook(kit)
    for row in book["strings"].iter_rows(min_row=2):
        if row[2].value in translations:
            row[3].value = translations[row[2].value]
    book.save(path)


def translate_xliff(kit, path, translations: dict[str, str]) -> None:
    """What a CAT tool does: a <target> after each <source> it translated."""
    root = etree.fromstring(kit.read_bytes())
    for segment in root.iter(f"{{{XLIFF}}}segment"):
        source = segment.find(f"{{{XLIFF}}}source").text
        if source in translations:
            etree.SubElement(segment, f"{{{XLIFF}}}target").text = translations[source]
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def excel_row(path, source: str) -> int:
    """The Excel row of a source text in a translator's spreadsheet."""
    sheet = openpyxl.load_workbook(path)["strings"]
    return next(row[0].row for row in sheet.iter_rows(min_row=2) if row[2].value == source)


def html(result, lang: str) -> str:
    return (result.folder / f"iscm-highlights-{result.folder.name}-{lang}.html").read_text()


@pytest.fixture
def translated(tmp_path):
    """Inputs whose summit is translated into French (XLSX) and Russian (XLIFF)."""
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr,ru")
    kit = outputs / "translation-kit"
    (inputs / "translations").mkdir()
    translate_xlsx(kit / "strings-fr.xlsx", inputs / "translations" / "strings-fr.xlsx", FRENCH)
    translate_xliff(kit / "strings-ru.xlf", inputs / "translations" / "strings-ru.xlf", RUSSIAN)
    return inputs, outputs


def test_the_kit_lists_what_each_language_lacks_with_its_context(tmp_path):
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr")
    rows = list(openpyxl.load_workbook(outputs / "translation-kit" / "strings-fr.xlsx")
                ["strings"].iter_rows(values_only=True))
    assert rows[0] == ("id", "context", "source", "translation")
    by_source = {source: (id_, context) for id_, context, source, _ in rows[1:]}
    assert by_source["GFMD Summit"][1] == "meetings › title › gfmd 2025-03-05 «GFMD Summit»"
    assert by_source[SUMMIT_SUMMARY][1].startswith("meetings › summary › gfmd 2025-03-05")
    # Meetings of other years are not in the year's documents: not in the kit.
    assert "MIDWA Senior Officials Meeting" not in by_source
    # A city the gazetteer names in French needs no translation.
    assert "Geneva" not in by_source
    assert not (outputs / "translation-kit" / "strings-en.xlsx").exists()
    # The XLIFF holds the same strings, under the same ids, with their context as a note.
    root = etree.parse(str(outputs / "translation-kit" / "strings-fr.xlf")).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "en", "fr")
    units = {u.get("id"): u for u in root.iter(f"{{{XLIFF}}}unit")}
    assert set(units) == {id_ for id_, *_ in rows[1:]}
    summit = units[by_source["GFMD Summit"][0]]
    assert summit.find(f".//{{{XLIFF}}}note").text == by_source["GFMD Summit"][1]


def test_translations_from_a_spreadsheet_and_an_xliff_reach_the_documents(translated):
    inputs, outputs = translated
    result = build.build(load_config(inputs, outputs, langs="en,fr,ru", formats="html"))
    french, russian = html(result, "fr"), html(result, "ru")
    assert "Sommet du FMMD" in french
    assert "Le Sommet a examiné les voies de migration régulière." in french
    assert "Саммит ГФМР" in russian and "легальные пути миграции" in russian
    assert SUMMIT_SUMMARY not in french and SUMMIT_SUMMARY not in russian
    assert SUMMIT_SUMMARY in html(result, "en")
    # What was translated is no longer counted as missing; the rest still is.
    untranslated = {p.message.split(" documents")[0].split()[-1]: p.message
                    for p in result.report.problems if p.code == "untranslated"}
    assert "2 summary, 2 title)" in untranslated["French"]  # of the year's three meetings
    # The kit now lists only what is left.
    export(inputs, outputs, "fr")
    sources = [row[2] for row in openpyxl.load_workbook(
        outputs / "translation-kit" / "strings-fr.xlsx")["strings"].iter_rows(min_row=2,
                                                                              values_only=True)]
    assert "GFMD Summit" not in sources and SUMMIT_SUMMARY not in sources


def test_a_changed_english_text_makes_its_translation_outdated(translated):
    inputs, outputs = translated
    rows = [dict(r) for r in MEETING_ROWS]
    summit = next(r for r in rows if r["title"] == "GFMD Summit")
    summit["summary"] = "The Summit discussed regular pathways and climate mobility."
    write_inputs(inputs, meetings=rows)
    result = build.build(load_config(inputs, outputs, langs="en,fr,ru", formats="html"))
    outdated = sorted((p for p in result.report.problems if p.code == "translation-outdated"),
                      key=lambda p: p.file)
    row = excel_row(inputs / "translations" / "strings-fr.xlsx", SUMMIT_SUMMARY)
    assert [(p.file, p.sheet, p.row, p.column) for p in outdated] == [
        ("strings-fr.xlsx", "strings", row, "translation"),
        ("strings-ru.xlf", "", 0, outdated[1].column)]
    assert outdated[0].value == FRENCH[SUMMIT_SUMMARY]
    assert f"translates '{SUMMIT_SUMMARY}'" in outdated[0].message
    assert "climate mobility" in outdated[0].message
    # Until translated again, the English is shown, marked as English; the title, whose
    # English did not change, keeps its translation.
    french = html(result, "fr")
    assert ('<span class="summary" lang="en" dir="ltr">The Summit discussed regular pathways'
            ' and climate mobility.</span>') in french
    assert "Sommet du FMMD" in french


def test_a_translation_stays_text_and_a_pasted_paragraph_is_refused(tmp_path):
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr")
    (inputs / "translations").mkdir()
    translate_xlsx(outputs / "translation-kit" / "strings-fr.xlsx",
                   inputs / "translations" / "strings-fr.xlsx",
                   {"GFMD Summit": "Sommet <b>du</b> FMMD", SUMMIT_SUMMARY: "Lorem ipsum. " * 40})
    with pytest.raises(build.ValidationFailed) as failed:
        build.build(load_config(inputs, outputs, langs="en,fr", formats="html"))
    errors = failed.value.report.errors
    row = excel_row(inputs / "translations" / "strings-fr.xlsx", SUMMIT_SUMMARY)
    assert [(p.file, p.row, p.column, p.code) for p in errors] == [
        ("strings-fr.xlsx", row, "translation", "translation-too-long")]
    assert "is 519 characters long, for a source of 38" in errors[0].message  # trimmed
    assert not (outputs / "2025").exists()
