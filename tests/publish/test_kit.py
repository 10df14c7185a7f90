"""The translation kit, end to end, as docs/translators.md tells it: exported, translated in a
spreadsheet and in a CAT tool's XLIFF, put in inputs/translations/ as named, read back into
the documents, round after round; a kit file with translations in it never overwritten;
outdated once the English changes, and only when the new English needs a translation."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline import build
from pipeline.cli import main
from pipeline.config import LANGUAGES, load_config
from pipeline.publish.outputs import CHOSEN, kinds
from pipeline.read.translator_files import KIT_MADE
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, write_inputs

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
FIRST_ROUND = int(dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC).timestamp())
SECOND_ROUND = int(dt.datetime(2026, 5, 11, 14, 0, tzinfo=dt.UTC).timestamp())
SUMMIT_SUMMARY = "The Summit discussed regular pathways."
FRENCH = {"GFMD Summit": "Sommet du FMMD",
          SUMMIT_SUMMARY: "Le Sommet a examiné les voies de migration régulière."}
RUSSIAN = {"GFMD Summit": "Саммит ГФМР",
           SUMMIT_SUMMARY: "Участники саммита обсудили легальные пути миграции."}
FRENCH_LATER = {"MIDSA Ministerial Meeting": "Réunion ministérielle du MIDSA",
                "Ministers reviewed the regional labour migration action plan.":
                    "Les ministres ont examiné le plan d’action régional sur les migrations de "
                    "main-d’œuvre."}
RUSSIAN_LATER = {"MIDSA Ministerial Meeting": "Совещание министров МИДСА"}


def export(inputs, outputs, langs: str, epoch: int = FIRST_ROUND):
    """make translation-kit, on the day SOURCE_DATE_EPOCH says."""
    result = CliRunner().invoke(main, ["translation-kit", "--inputs", str(inputs),
                                       "--outputs", str(outputs), "--lang", langs, "--quiet"],
                                env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.exit_code == 0, result.output
    return result


def kit_file(outputs, lang: str, suffix: str, epoch: int = FIRST_ROUND, n: str = ""):
    day = dt.datetime.fromtimestamp(epoch, dt.UTC)
    return outputs / "translation-kit" / f"strings-2025-{lang}-{day:%Y-%m-%d}{n}.{suffix}"


def translate_xlsx(kit, path, translations: dict[str, str],
                   genders: dict[str, str] | None = None) -> None:
    """What a translator does in Excel: fill the translation column (and, for a title, the
    gender column), save."""
    book = openpyxl.load_workbook(kit)
    for row in book["strings"].iter_rows(min_row=2):
        if row[2].value in translations:
            row[3].value = translations[row[2].value]
        if row[2].value in (genders or {}):
            row[4].value = genders[row[2].value]
    book.save(path)


def translate_xliff(kit, path, translations: dict[str, str]) -> None:
    """What a CAT tool does: a <target> after each <source> it translated."""
    root = etree.fromstring(kit.read_bytes())
    for segment in root.iter(f"{{{XLIFF}}}segment"):
        source = segment.find(f"{{{XLIFF}}}source").text
        if source in translations:
            etree.SubElement(segment, f"{{{XLIFF}}}target").text = translations[source]
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def returned(inputs, kit):
    """Where the guide says a returned file goes: inputs/translations/, as it is named."""
    (inputs / "translations").mkdir(exist_ok=True)
    return inputs / "translations" / kit.name


def sources(kit) -> list[str]:
    return [row[2] for row in openpyxl.load_workbook(kit)["strings"].iter_rows(
        min_row=2, values_only=True)]


def excel_row(path, source: str) -> int:
    """The Excel row of a source text in a translator's spreadsheet."""
    sheet = openpyxl.load_workbook(path)["strings"]
    return next(row[0].row for row in sheet.iter_rows(min_row=2) if row[2].value == source)


def html(result, lang: str, kind: str = "highlights") -> str:
    return (result.folder / f"iscm-{kind}-{result.folder.name}-{lang}.html").read_text()


def built(inputs, outputs, langs="en,fr,ru", **options):
    return build.build(load_config(inputs, outputs, langs=langs, formats="html",
                                   format_choices=CHOSEN, **options))


def codes(result) -> list[str]:
    return sorted(p.code for p in result.report.problems)


@pytest.fixture
def translated(tmp_path):
    """Inputs whose summit is translated into French (XLSX) and Russian (XLIFF), the returned
    files put in inputs/translations/ as they are named."""
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr,ru")
    french, russian = kit_file(outputs, "fr", "xlsx"), kit_file(outputs, "ru", "xlf")
    translate_xlsx(french, returned(inputs, french), FRENCH)
    translate_xliff(russian, returned(inputs, russian), RUSSIAN)
    return inputs, outputs


def test_the_kit_lists_what_each_language_lacks_with_its_context_and_its_date(tmp_path):
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    result = export(inputs, outputs, "fr")
    kit = kit_file(outputs, "fr", "xlsx")
    assert kit.name == "strings-2025-fr-2026-03-02.xlsx"
    assert f"wrote {kit}" in result.output
    book = openpyxl.load_workbook(kit)
    rows = list(book["strings"].iter_rows(values_only=True))
    assert rows[0] == ("id", "context", "source", "translation", "gender")
    by_source = {source: (id_, context) for id_, context, source, *_ in rows[1:]}
    assert by_source["GFMD Summit"][1] == "meetings › title › gfmd 2025-03-05 «GFMD Summit»"
    assert by_source[SUMMIT_SUMMARY][1].startswith("meetings › summary › gfmd 2025-03-05")
    # A meeting of the year before is in the profiles' list of meetings: its title is in the
    # kit (validate/shown.py), its summary, which no document of the year prints, is not.
    assert by_source["MIDWA Senior Officials Meeting"][1] == (
        "meetings › title › midwa 2024-06-11 «MIDWA Senior Officials Meeting»")
    assert "Officials prepared the ministerial meeting." not in by_source
    # A city the gazetteer names in French needs no translation.
    assert "Geneva" not in by_source
    assert not list((outputs / "translation-kit").glob("*-en-*"))
    # The kit's time, stamped inside the workbook (SOURCE_DATE_EPOCH: reproducible).
    assert {p.name: p.value for p in book.custom_doc_props.props} == {
        KIT_MADE: "2026-03-02T09:30:00+00:00", "iscm-kit-language": "fr"}
    # The XLIFF holds the same strings, under the same ids, with their context as a note,
    # and the kit's time as a note of the file.
    root = etree.parse(str(kit.with_suffix(".xlf"))).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "en", "fr")
    stamp = root.find(f"{{{XLIFF}}}file/{{{XLIFF}}}notes/{{{XLIFF}}}note")
    assert (stamp.get("category"), stamp.text) == (KIT_MADE, "2026-03-02T09:30:00+00:00")
    units = {u.get("id"): u for u in root.iter(f"{{{XLIFF}}}unit")}
    assert set(units) == {id_ for id_, *_ in rows[1:]}
    summit = units[by_source["GFMD Summit"][0]]
    assert summit.find(f".//{{{XLIFF}}}note").text == by_source["GFMD Summit"][1]
    # The same inputs on the same day: the same bytes.
    first = kit.read_bytes(), kit.with_suffix(".xlf").read_bytes()
    export(inputs, outputs, "fr")
    assert (kit.read_bytes(), kit.with_suffix(".xlf").read_bytes()) == first


def test_the_gender_a_translator_gives_a_title_makes_its_sentence_agree(tmp_path):
    """The kit's gender column, filled for a title: the French sentence opens with the title
    and its article, its verb agreeing ('Le Sommet du FMMD s’est tenu'); without it, the
    sentence needs none. A gender that cannot be read is reported where it is written."""
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr")
    kit = kit_file(outputs, "fr", "xlsx")
    translate_xlsx(kit, returned(inputs, kit), FRENCH | FRENCH_LATER,
                   {"GFMD Summit": "m", "MIDSA Ministerial Meeting": "feminine-ish"})
    result = built(inputs, outputs, langs="en,fr")
    french = html(result, "fr").replace("\u00a0", " ")
    assert "<li>Le Sommet du FMMD s’est tenu " in french
    assert "<li>Réunion ministérielle du MIDSA : réunion tenue " in french
    [problem] = [p for p in result.report.problems if p.column == "gender"]
    assert (problem.code, problem.severity, problem.row, problem.value) == (
        "unknown-value", "warning", excel_row(kit, "MIDSA Ministerial Meeting"), "feminine-ish")
    assert problem.message.startswith("is not the gender of the translation")


def test_two_rounds_of_translation_accumulate_in_the_documents(translated):
    """The guide's round trip, twice: every translation of both rounds is printed."""
    inputs, outputs = translated
    result = built(inputs, outputs)
    french, russian = html(result, "fr"), html(result, "ru")
    assert "Sommet du FMMD" in french
    assert "Le Sommet a examiné les voies de migration régulière." in french
    assert "Саммит ГФМР" in russian and "легальные пути миграции" in russian
    assert SUMMIT_SUMMARY not in french and SUMMIT_SUMMARY not in russian
    assert SUMMIT_SUMMARY in html(result, "en")
    # What was translated is no longer counted as missing; the rest still is, and the hint
    # names the kit's files as they are named now.
    untranslated = {p.message.split(" documents")[0].split()[-1]: p
                    for p in result.report.problems if p.code == "untranslated"}
    # The year's three meetings and the 2024 one the profiles list: 2 summaries, 3 titles.
    assert "2 summary, 3 title)" in untranslated["French"].message
    assert ("outputs/translation-kit/strings-2025-fr-<date>.xlsx (or .xlf) translated, and put "
            "the returned file in inputs/translations/ as it is named") in \
        untranslated["French"].hint
    # Second round, weeks later: the kit holds only what is still missing.
    export(inputs, outputs, "fr,ru", SECOND_ROUND)
    french_kit = kit_file(outputs, "fr", "xlsx", SECOND_ROUND)
    russian_kit = kit_file(outputs, "ru", "xlsx", SECOND_ROUND)
    assert "GFMD Summit" not in sources(french_kit) and SUMMIT_SUMMARY not in sources(french_kit)
    assert set(FRENCH_LATER) <= set(sources(french_kit))
    translate_xlsx(french_kit, returned(inputs, french_kit), FRENCH_LATER)
    translate_xlsx(russian_kit, returned(inputs, russian_kit), RUSSIAN_LATER)
    assert sorted(p.name for p in (inputs / "translations").iterdir()) == [
        "strings-2025-fr-2026-03-02.xlsx", "strings-2025-fr-2026-05-11.xlsx",
        "strings-2025-ru-2026-03-02.xlf", "strings-2025-ru-2026-05-11.xlsx"]
    result = built(inputs, outputs)
    french, russian = html(result, "fr"), html(result, "ru")
    for text in (*FRENCH.values(), *FRENCH_LATER.values()):
        assert text in french
    for text in (*RUSSIAN.values(), *RUSSIAN_LATER.values()):
        assert text in russian
    assert "translation-replaced" not in codes(result)
    untranslated = {p.message.split(" documents")[0].split()[-1]: p.message
                    for p in result.report.problems if p.code == "untranslated"}
    # Left: the Puebla meeting, and the title of the 2024 meeting the profiles list.
    assert " 1 summary, 2 title)" in untranslated["French"]


def test_a_second_kit_of_the_day_never_overwrites_one_being_translated(tmp_path):
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr")
    kit = kit_file(outputs, "fr", "xlsx")
    # Nothing typed in it yet: made again, under the same name.
    export(inputs, outputs, "fr")
    assert sorted(p.name for p in kit.parent.iterdir()) == [
        "strings-2025-fr-2026-03-02.xlf", "strings-2025-fr-2026-03-02.xlsx"]
    translate_xlsx(kit, kit, FRENCH)  # the translator types into the kit's own file
    typed = kit.read_bytes()
    result = export(inputs, outputs, "fr")
    assert kit.read_bytes() == typed
    beside = kit_file(outputs, "fr", "xlsx", n="-2")
    assert f"kept {kit}: it holds translations (or is open)" in result.output
    assert f"wrote {beside}" in result.output and f"wrote {beside.with_suffix('.xlf')}" in \
        result.output
    assert "GFMD Summit" in sources(beside)  # nothing was returned yet: still missing
    # A file open in Excel (its lock file beside it) is not overwritten either.
    (kit.parent / f"~${beside.name}").write_bytes(b"\x08Editor")
    export(inputs, outputs, "fr")
    assert kit_file(outputs, "fr", "xlf", n="-3").exists()


def test_a_changed_english_text_makes_its_translation_outdated(translated):
    inputs, outputs = translated
    rows = [dict(r) for r in MEETING_ROWS]
    summit = next(r for r in rows if r["title"] == "GFMD Summit")
    summit["summary"] = "The Summit discussed regular pathways and climate mobility."
    write_inputs(inputs, meetings=rows)
    result = built(inputs, outputs)
    outdated = sorted((p for p in result.report.problems if p.code == "translation-outdated"),
                      key=lambda p: p.file)
    french = "strings-2025-fr-2026-03-02.xlsx"
    row = excel_row(inputs / "translations" / french, SUMMIT_SUMMARY)
    assert [(p.file, p.sheet, p.row, p.column) for p in outdated] == [
        (french, "strings", row, "translation"),
        ("strings-2025-ru-2026-03-02.xlf", "", 0, outdated[1].column)]
    assert outdated[0].value == FRENCH[SUMMIT_SUMMARY]
    assert f"translates '{SUMMIT_SUMMARY}'" in outdated[0].message
    assert "climate mobility" in outdated[0].message
    assert outdated[0].hint == (
        "Run make translation-kit LANGS=fr and have the new English translated; put the "
        "returned file in inputs/translations/ as it is named, beside this one (or write the "
        "translation in the summary_fr column).")
    # Until translated again, the English is shown, marked as English; the title, whose
    # English did not change, keeps its translation.
    page = html(result, "fr")
    assert ('<span class="summary" lang="en" dir="ltr">The Summit discussed regular pathways'
            ' and climate mobility.</span>') in page
    assert "Sommet du FMMD" in page
    # Doing what the hint says removes the warning; the earlier file stays where it is.
    export(inputs, outputs, "fr", SECOND_ROUND)
    kit = kit_file(outputs, "fr", "xlsx", SECOND_ROUND)
    translate_xlsx(kit, returned(inputs, kit), {summit["summary"]: "Le Sommet a examiné les "
                                                "voies régulières et la mobilité climatique."})
    result = built(inputs, outputs)
    assert [p.file for p in result.report.problems if p.code == "translation-outdated"] == [
        "strings-2025-ru-2026-03-02.xlf"]
    assert "la mobilité climatique" in html(result, "fr")


@pytest.mark.parametrize("chair, outdated", [
    ("Namibia", []),  # a country: printed by its UN name in every language
    ("Namibia (2025-2027)", ["fr", "ru"]),  # a text to translate again
])
def test_a_chair_changed_to_a_country_is_not_outdated(tmp_path, chair, outdated):
    inputs, outputs = tmp_path / "inputs", tmp_path / "outputs"
    mechanisms = [dict(r, chair="Namibia (2023-2025)") if r["id"] == "midsa" else r
                  for r in MECHANISM_ROWS]
    write_inputs(inputs, mechanisms=mechanisms)
    export(inputs, outputs, "fr,ru")
    for lang, text in (("fr", "Namibie (2023–2025)"), ("ru", "Намибия (2023–2025)")):
        kit = kit_file(outputs, lang, "xlsx")
        translate_xlsx(kit, returned(inputs, kit), {"Namibia (2023-2025)": text})
    write_inputs(inputs, mechanisms=[dict(r, chair=chair) if r["id"] == "midsa" else r
                                     for r in MECHANISM_ROWS])
    result = built(inputs, outputs, docs="profiles", kinds=kinds())
    found = sorted(p.file.split("-")[2] for p in result.report.problems
                   if p.code == "translation-outdated")
    assert found == outdated
    if not outdated:
        assert "Namibie" in html(result, "fr", "profiles")
        assert "Намибия" in html(result, "ru", "profiles")


def test_a_translation_stays_text_and_a_pasted_paragraph_is_refused(tmp_path):
    inputs, outputs = write_inputs(tmp_path / "inputs"), tmp_path / "outputs"
    export(inputs, outputs, "fr")
    kit = kit_file(outputs, "fr", "xlsx")
    paragraph = ("Le Sommet du FMMD a réuni les États, les organisations internationales et la "
                 "société civile pour examiner les voies de migration régulière. Il a de nouveau "
                 "réuni les États, les organisations internationales et la société civile afin "
                 "d’examiner les voies de la migration régulière.")
    assert len(paragraph) == 280
    translate_xlsx(kit, returned(inputs, kit),
                   {"GFMD Summit": paragraph, SUMMIT_SUMMARY: "Le <b>Sommet</b> a siégé."})
    with pytest.raises(build.ValidationFailed) as failed:
        built(inputs, outputs, langs="en,fr")
    errors = failed.value.report.errors
    row = excel_row(returned(inputs, kit), "GFMD Summit")
    assert [(p.file, p.row, p.column, p.code) for p in errors] == [
        (kit.name, row, "translation", "translation-too-long")]
    assert "is 280 characters long, for a source of 11" in errors[0].message
    assert not (outputs / "2025").exists()
    translate_xlsx(kit, returned(inputs, kit), {"GFMD Summit": "Sommet du FMMD",
                                                SUMMIT_SUMMARY: "Le <b>Sommet</b> a siégé."})
    page = html(built(inputs, outputs, langs="en,fr"), "fr")
    assert "Le &lt;b&gt;Sommet&lt;/b&gt; a siégé." in page


def test_the_shipped_chair_of_the_colombo_process_changed_to_india_is_not_outdated(tmp_path):
    """The issue's case: 'India (2024-2026)' becomes 'India', which every document prints
    by its UN name (« Inde », «Индия», «الهند»): no translation is outdated, in no language."""
    import shutil

    from tests.conftest import SHIPPED_INPUTS, validated

    inputs = tmp_path / "inputs"
    shutil.copytree(SHIPPED_INPUTS, inputs)
    book = openpyxl.load_workbook(inputs / "mechanisms.xlsx")
    sheet = book["mechanisms"]
    headers = [cell.value for cell in sheet[1]]
    colombo = next(row for row in sheet.iter_rows(min_row=2)
                   if row[headers.index("id")].value == "colombo")
    assert colombo[headers.index("chair")].value == "India (2024-2026)"
    colombo[headers.index("chair")].value = "India"
    book.save(inputs / "mechanisms.xlsx")
    _, report = validated(inputs, langs=LANGUAGES)
    assert [p for p in report.problems if p.code.startswith(("translation", "untranslated"))] \
        == []


def test_two_rounds_of_one_day_never_return_under_one_name(translated):
    """The translator worked on copies sent by e-mail, so the kit folder holds no
    translation: the second kit of the day is still named apart from the first round's
    return, which the guide says to put in inputs/translations/ as it is named."""
    inputs, outputs = translated
    first = kit_file(outputs, "fr", "xlsx")
    assert (inputs / "translations" / first.name).is_file()
    export(inputs, outputs, "fr")  # the same day
    second = kit_file(outputs, "fr", "xlsx", n="-2")
    assert second.is_file() and set(FRENCH_LATER) <= set(sources(second))
    translate_xlsx(second, returned(inputs, second), FRENCH_LATER)
    french = html(built(inputs, outputs), "fr")
    for text in (*FRENCH.values(), *FRENCH_LATER.values()):
        assert text in french
