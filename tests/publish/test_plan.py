"""The plan: every output named in one place, and nothing written that it does not name.

The file names expected here are read from tests/golden/plan.txt (conftest.golden_plan),
which `make golden` writes from the plan of a full build of the small inputs.
"""

import json

import pytest

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import incremental, outputs, plan
from pipeline.publish.outputs import (
    BULLETIN,
    CALENDAR,
    CHOSEN,
    MAP,
    PAGE,
    TABLE,
    XLSX,
    Document,
    Output,
    kinds,
)
from tests.conftest import golden_plan


def rows(targets) -> list[tuple[str, str, str, str]]:
    """The targets as the lines of plan.txt."""
    return [(t.name, t.format.name, t.document or "-", t.lang or "-") for t in targets]


def test_the_plan_names_every_file_a_build_writes(small_build):
    config, result = small_build
    data, report = build.bulletin_data(config)
    targets = plan.plan(data, report, config, incremental.Keys(config))
    written = {p.relative_to(result.folder).as_posix()
               for p in result.folder.rglob("*") if p.is_file()}
    assert written == {t.name for t in targets} | {incremental.MANIFEST}
    # The golden plan's English files, in its order: the longest PDFs first, assets last.
    assert rows(targets) == [tuple(r) for r in golden_plan() if r.lang in ("en", "-")]


def test_the_manifest_records_what_each_file_is(small_build):
    config, result = small_build
    entries = json.loads((result.folder / incremental.MANIFEST).read_text())["outputs"]
    assert {k: v for k, v in entries["iscm-table-2025-en.xlsx"].items()
            if k in ("document", "lang", "format", "title")} == {
        "document": "table", "lang": "en", "format": "xlsx", "title": "ISCM 2025 · Table"}
    assert entries["iscm-calendar-2025-en.ics"]["lang"] == "en"  # one .ics per language
    assert entries["summary-2025.json"]["lang"] is None
    assert entries["validation-report-2025.xlsx"]["lang"] == "en"  # the report's language
    assert entries["iscm-map-2025-en.pdf"]["languages"] == ["en"]  # its switcher's
    assert "languages" not in entries["iscm-table-2025-en.xlsx"]  # no switcher
    assert {name for name, entry in entries.items() if "document" not in entry} == {
        r.name for r in golden_plan() if r.format == "asset"}


def planned(config) -> list[str]:
    data, report = build.bulletin_data(config)
    return [t.name for t in plan.plan(data, report, config, incremental.Keys(config))
            if t.format is not outputs.ASSET]


def test_html_only_plans_the_pages_and_the_data_files_but_no_pdf_nor_spreadsheet(
        small_inputs, tmp_path):
    config = load_config(small_inputs, tmp_path / "out", langs="en,fr", formats="html",
                         format_choices=CHOSEN)
    # Of a document's files in a language, only its web page and the calendar's .ics (for
    # calendar applications, made whatever FORMATS= says); every file in none, every data
    # file (the summary, the validation report).
    assert planned(config) == [
        r.name for r in golden_plan() if r.lang in ("en", "fr", "-") and r.format != "asset"
        and (r.format in ("html", "ics") or r.lang == "-" or r.document not in kinds())]
    assert "iscm-calendar-2025-fr.ics" in planned(config)  # data, like the summary: always


def test_the_language_switcher_links_the_same_document_in_each_language():
    assert plan.switcher(TABLE, 2025, ("ar", "en")) == (
        ("en", "iscm-table-2025-en.html"), ("ar", "iscm-table-2025-ar.html"))
    assert [lang for lang, _ in plan.switcher(BULLETIN, 2025, LANGUAGES)] == list(LANGUAGES)


def test_docs_narrows_the_plan_to_the_documents_named(small_inputs, tmp_path):
    config = load_config(small_inputs, tmp_path / "out", langs="en,ar", formats="html,xlsx",
                         docs="map, table", kinds=kinds(), format_choices=CHOSEN)
    assert config.docs == ("table", "map")  # the plan's order, whatever the order asked
    named = ("table", "map", "summary", "data", "validation-report")
    assert planned(config) == [
        r.name for r in golden_plan() if r.document in named and r.lang in ("en", "ar", "-")
        and (r.format in ("html", "xlsx") or r.lang == "-" or r.document not in kinds())]
    assert "iscm-calendar-2025-en.ics" not in planned(config)  # the calendar's own file


def test_the_names_are_known_without_reading_the_inputs(small_inputs, tmp_path):
    """plan.file_names (what `iscm dist` and the quick path read) names what plan() plans,
    in its order."""
    every = plan.file_names(2025)
    assert [(name, file.format.name, file.kind) for name, file in every.items()] == [
        (r.name, r.format, r.document) for r in golden_plan() if r.format != "asset"]
    assert every["iscm-table-2025-ar.xlsx"] == ("table", "ar", XLSX)
    assert every["validation-report-2025.xlsx"].lang is None  # none in its name
    config = load_config(small_inputs, tmp_path / "out", langs="en,ar", formats="html,pdf",
                         docs="calendar,map", kinds=kinds(), format_choices=CHOSEN)
    assert planned(config) == list(plan.file_names(2025, ("en", "ar"), (CALENDAR, MAP),
                                                   ("html", "pdf")))
    assert plan.is_partial(config) and not plan.is_partial(load_config(small_inputs))


def test_two_outputs_that_would_write_one_file_are_refused():
    twin = Document("bulletin-copy", BULLETIN.stem, BULLETIN.title, (PAGE,))
    with pytest.raises(plan.PlanError, match="two outputs of the plan would write "
                                             "iscm-highlights-2025-en.html"):
        plan.file_names(2025, ("en",), (BULLETIN, twin))


def test_a_document_declaring_a_spreadsheet_gets_its_own_rows(small_config, monkeypatch):
    """A document that lists a spreadsheet says what its rows are: never the table's."""
    def atlas_rows(made):
        return made.sheet_file(("Atlas", ["State"], [["Mexico"]], [20]))

    atlas = Document("atlas", "iscm-atlas", "Atlas %(year)s", (Output(XLSX, atlas_rows),))
    monkeypatch.setattr(plan, "DOCUMENTS", (*plan.DOCUMENTS, atlas))
    data, report = build.bulletin_data(small_config)
    targets = plan.plan(data, report, small_config, incremental.Keys(small_config))
    sheets = {t.name: t.content.sheet for t in targets if t.format is XLSX}
    assert sheets["iscm-atlas-2025-en.xlsx"] == ("Atlas", ["State"], [["Mexico"]], [20])
    assert sheets["iscm-table-2025-en.xlsx"][0] == "ISCM 2025 · Table"


def test_the_print_ready_pdfs_are_made_only_when_formats_names_them(small_inputs, tmp_path):
    """FORMATS=print: the bulletin's and the poster's print-ready PDFs (*.print.pdf), in
    every language asked; a build naming no format makes none, and is not partial."""
    config = load_config(small_inputs, tmp_path / "out", langs="en,ar", formats="print",
                         format_choices=CHOSEN)
    made = planned(config)
    assert [n for n in made if n.endswith(".print.pdf")] == [
        "iscm-highlights-2025-en.print.pdf", "iscm-highlights-2025-ar.print.pdf",
        "iscm-map-2025-en.print.pdf", "iscm-map-2025-ar.print.pdf"]
    documents = [n for n in made if n.startswith("iscm-") and not n.endswith(".ics")]
    # Beside the pages (always made), no other PDF nor spreadsheet.
    assert all(n.endswith((".print.pdf", ".html")) for n in documents)
    assert plan.is_partial(config)  # it keeps the year's other files
    default = load_config(small_inputs, tmp_path / "out")
    assert not any(n.endswith(".print.pdf") for n in plan.file_names(2025))
    assert not plan.is_partial(default) and outputs.DEFAULT == ("html", "pdf", "xlsx")
    every = plan.file_names(2025, formats=("html", "pdf", "print", "xlsx"))
    assert every["iscm-map-2025-fr.print.pdf"] == ("map", "fr", outputs.PRINT)
