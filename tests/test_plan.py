"""The plan: every output named in one place, and nothing written that it does not name."""

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import incremental, plan


def test_the_plan_names_every_file_a_build_writes(small_build):
    config, result = small_build
    data, report = build.bulletin_data(config)
    targets = plan.plan(data, report, config, incremental.Keys(config))
    written = {p.relative_to(result.folder).as_posix()
               for p in result.folder.rglob("*") if p.is_file()}
    assert written == {t.name for t in targets} | {incremental.MANIFEST}
    assert {t.name for t in targets if t.format == "pdf"} == {
        "iscm-highlights-2025-en.pdf", "iscm-table-2025-en.pdf", "iscm-calendar-2025-en.pdf",
        "iscm-profiles-2025-en.pdf", "iscm-factsheet-2025-en.pdf", "iscm-map-2025-en.pdf"}
    assert [t.name for t in targets if t.format == "ics"] == ["iscm-calendar-2025.ics"]
    assert [t.name for t in targets][:2] == ["iscm-highlights-2025-en.html",
                                             "iscm-highlights-2025-en.pdf"]  # longest first


def test_html_only_plans_no_pdf_nor_spreadsheet_of_a_document(small_inputs, tmp_path):
    config = load_config(small_inputs, tmp_path / "out", langs="en,fr", formats="html")
    data, report = build.bulletin_data(config)
    names = [t.name for t in plan.plan(data, report, config, incremental.Keys(config))]
    assert not [n for n in names if n.startswith("iscm-") and not n.endswith((".html", ".ics"))]
    assert "summary-2025.json" in names and "validation-report-2025.html" in names
    assert "iscm-calendar-2025.ics" in names  # data, like the summary: always written


def test_the_language_switcher_links_the_same_document_in_each_language():
    assert plan.switcher(plan.TABLE, 2025, ("ar", "en")) == (
        ("en", "iscm-table-2025-en.html"), ("ar", "iscm-table-2025-ar.html"))
    assert [lang for lang, _ in plan.switcher(plan.BULLETIN, 2025, LANGUAGES)] == list(LANGUAGES)


def planned(config) -> list[str]:
    data, report = build.bulletin_data(config)
    return [t.name for t in plan.plan(data, report, config, incremental.Keys(config))
            if t.format != "asset"]


def test_docs_narrows_the_plan_to_the_documents_named(small_inputs, tmp_path):
    config = load_config(small_inputs, tmp_path / "out", langs="en,ar", formats="html,xlsx",
                         docs="map, table", kinds=plan.kinds())
    assert config.docs == ("table", "map")  # the plan's order, whatever the order asked
    assert planned(config) == [
        "iscm-table-2025-en.html", "iscm-table-2025-ar.html", "iscm-map-2025-en.html",
        "iscm-map-2025-ar.html", "iscm-table-2025-en.xlsx", "iscm-table-2025-ar.xlsx",
        "summary-2025.json", "validation-report-2025.html", "validation-report-2025.xlsx"]


def test_without_docs_every_document_is_planned(small_inputs, tmp_path):
    config = load_config(small_inputs, tmp_path / "out", langs="fr", formats="html")
    names = planned(config)
    stems = {name.rsplit("-", 2)[0] for name in names if name.endswith(".html")
             and name.startswith("iscm-")}
    assert stems == {d.stem for d in plan.DOCUMENTS}
    assert "iscm-calendar-2025.ics" in names
    assert set(plan.kinds()) == {"bulletin", "profiles", "table", "calendar", "factsheet", "map"}


def test_the_names_are_known_without_reading_the_inputs(small_inputs, tmp_path):
    """plan.file_names (what `iscm dist` and the quick path read) names what plan() plans."""
    config = load_config(small_inputs, tmp_path / "out", langs="en,ar", formats="html,pdf",
                         docs="calendar,map", kinds=plan.kinds())
    assert set(planned(config)) == set(plan.file_names(2025, ("en", "ar"), (
        plan.CALENDAR, plan.MAP), ("html", "pdf"))) == {
        "iscm-calendar-2025-en.html", "iscm-calendar-2025-en.pdf", "iscm-calendar-2025-ar.html",
        "iscm-calendar-2025-ar.pdf", "iscm-map-2025-en.html", "iscm-map-2025-en.pdf",
        "iscm-map-2025-ar.html", "iscm-map-2025-ar.pdf", "iscm-calendar-2025.ics",
        "summary-2025.json", "validation-report-2025.html", "validation-report-2025.xlsx"}
    every = plan.file_names(2025)
    assert len(every) == len(LANGUAGES) * (6 * 2 + 1) + 4  # html, pdf of six documents, xlsx
    assert every["iscm-table-2025-ar.xlsx"] == ("table", "ar")
    assert every["iscm-calendar-2025.ics"] == ("calendar", None)
    assert plan.is_partial(config) and not plan.is_partial(load_config(small_inputs))
