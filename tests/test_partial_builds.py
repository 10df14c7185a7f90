"""Partial builds (LANGS, DOCS, FORMATS) make what they name and keep every other file of
the year as it was; the manifest says which kept files are out of date, and so does the
build. The build's output: one summary line, the files and stage timings with --verbose."""

import dataclasses
import datetime as dt
import json
import logging
import re
import shutil

import pytest
from click.testing import CliRunner

from pipeline import build
from pipeline.cli import main
from pipeline.config import LANGUAGES, load_config
from pipeline.errors import ValidationFailed
from pipeline.publish import incremental, plan
from pipeline.publish.outputs import CHOSEN, DOCUMENTS, kinds
from pipeline.render import parallel
from pipeline.utils import progress
from tests.conftest import MEETING_ROWS, golden_plan, write_inputs

EDITION = dt.date(2026, 1, 15)
EVERY_NAME = plan.file_names(2025)
"""Name -> (kind, language) of every file a build of 2025 can make but the assets."""


def snapshot(folder):
    """Every file under folder but the manifest: bytes and mtime."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and p.name != incremental.MANIFEST}


def manifest(folder) -> dict:
    return json.loads((folder / incremental.MANIFEST).read_text())


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    """(config, result): every document of the small inputs in every language, as web pages
    and spreadsheets (the PDFs: test_dist and the last tests here)."""
    root = tmp_path_factory.mktemp("partial")
    config = load_config(write_inputs(root / "inputs"), root / "outputs", formats="html,xlsx",
                         edition_date=EDITION, format_choices=CHOSEN)
    return config, build.build(config, jobs=1)


@pytest.fixture
def built(everything, tmp_path):
    """A copy of that build and of its inputs, for one test to change."""
    config, result = everything
    for folder in ("inputs", "outputs"):
        shutil.copytree(getattr(config, f"{folder}_dir"), tmp_path / folder)
    copy = dataclasses.replace(config, inputs_dir=tmp_path / "inputs",
                               outputs_dir=tmp_path / "outputs")
    return copy, copy.outputs_dir / "2025"


def narrowed(config, **options):
    """The same build options, but LANGS, DOCS or FORMATS."""
    return load_config(config.inputs_dir, config.outputs_dir, langs=options.get("langs"),
                       edition_date=EDITION, formats=options.get("formats", "html,xlsx"),
                       docs=options.get("docs"), kinds=kinds(), format_choices=CHOSEN)


# What each option builds, a file of it deleted beforehand (so that the build makes one),
# and what it keeps: the rest.
PARTIAL_BUILDS = [
    ({"langs": "fr"}, "iscm-table-2025-fr.html",
     lambda name: EVERY_NAME.get(name, (None, None))[1] not in ("fr", None), 36),
    ({"docs": "map"}, "iscm-map-2025-en.html",  # the other documents, the .ics among them
     lambda name: EVERY_NAME.get(name, ("map",))[0] not in ("map", "summary",
                                                            "validation-report"), 40),
    ({"formats": "html"}, "iscm-table-2025-es.html", lambda name: name.endswith(".xlsx")
     and not name.startswith("validation-report"), 5),
]


@pytest.mark.parametrize("options, deleted, kept, count", PARTIAL_BUILDS,
                         ids=[next(iter(case[0])) for case in PARTIAL_BUILDS])
def test_a_partial_build_makes_what_it_names_and_keeps_every_other_file(built, options,
                                                                        deleted, kept, count):
    config, folder = built
    before = snapshot(folder)
    entries = manifest(folder)["outputs"]
    (folder / deleted).unlink()
    result = build.build(narrowed(config, **options), jobs=1)
    assert result.made == (deleted,)
    after = snapshot(folder)
    assert after.keys() == before.keys()
    assert after[deleted][0] == before[deleted][0]  # made again the same
    del after[deleted], before[deleted]
    assert after == before  # every other file as it was: bytes and mtime
    others = sorted(name for name in before if "/" not in name and kept(name))
    assert len(others) == count and sorted(result.kept) == others
    assert result.stale == ()
    now = manifest(folder)
    assert {name: now["outputs"][name] for name in others} == {
        name: entries[name] for name in others}  # carried over with their entries
    assert not [name for name, entry in now["outputs"].items() if entry.get("stale")]
    assert incremental.up_to_date(config) is not None  # and the full build is up to date


def test_a_page_made_again_in_one_language_still_links_to_the_others_kept(built):
    config, folder = built
    (folder / "iscm-map-2025-fr.html").unlink()
    build.build(narrowed(config, langs="fr"), jobs=1)
    page = (folder / "iscm-map-2025-fr.html").read_text()
    for lang in LANGUAGES:
        assert f'hreflang="{lang}"' in page and f"iscm-map-2025-{lang}.html" in page


def test_the_command_rebuilds_french_and_says_what_it_kept(built):
    config, folder = built
    before = snapshot(folder)
    (folder / "iscm-table-2025-fr.html").unlink()
    args = ["build", "--inputs", str(config.inputs_dir), "--outputs", str(config.outputs_dir),
            "--edition-date", "2026-01-15", "--formats", "html,xlsx"]
    result = CliRunner().invoke(main, [*args, "--lang", "fr", "--verbose"])
    assert result.exit_code == 0, result.output
    assert {n: data for n, (data, _) in snapshot(folder).items()} == {
        n: data for n, (data, _) in before.items()}
    lines = result.output.splitlines()
    assert lines[0].startswith("25 warnings (")
    planned = plan.file_names(2025, ("fr",), DOCUMENTS, ("html", "xlsx"))
    kept = sorted(name for name in EVERY_NAME if name in before and name not in planned)
    assert lines[1:-2] == [
        "made: iscm-table-2025-fr.html",
        *(f"unchanged: {name}" for name in planned if name != "iscm-table-2025-fr.html"),
        *(f"kept: {name}" for name in kept)]
    assert len(kept) == 36
    assert re.fullmatch(r"Time: hash \d+\.\d\d s, read \d+\.\d\d s, validate \d+\.\d\d s, "
                        r"aggregate \d+\.\d\d s, plan \d+\.\d\d s, write \d+\.\d\d s, "
                        r"pdf \d+\.\d\d s, publish \d+\.\d\d s; \d+\.\d\d s in all\.", lines[-2])
    assert re.fullmatch(rf"59 files in {folder}: 1 made, 22 unchanged, 36 kept from an "
                        r"earlier build, in \d+(\.\d)? s\.", lines[-1])
    again = CliRunner().invoke(main, [*args, "--lang", "fr"])
    assert again.output.splitlines()[1:] == [
        f"{folder}: up to date (nothing changed since the last build)."]
    every = CliRunner().invoke(main, args)  # the folder is what a build of all five makes
    assert every.output.splitlines()[1:] == [
        f"{folder}: up to date (nothing changed since the last build)."]


def moved_meeting(config) -> None:
    rows = [dict(r) for r in MEETING_ROWS]
    rows[1]["city"] = "Bern"  # the GFMD Summit of 2025: the calendars and bulletins change
    write_inputs(config.inputs_dir, meetings=rows)


def test_files_kept_after_the_inputs_changed_are_marked_out_of_date(built):
    config, folder = built
    moved_meeting(config)
    before = snapshot(folder)
    result = build.build(narrowed(config, langs="fr"), jobs=1)
    stale = sorted(name for name in EVERY_NAME if name in before
                   and EVERY_NAME[name][1] not in ("fr", None))
    assert sorted(result.stale) == sorted(result.kept) == stale and len(stale) == 36
    assert "Bern" in (folder / "iscm-calendar-2025-fr.html").read_text()
    assert "Bern" not in (folder / "iscm-calendar-2025-en.html").read_text()  # kept as it was
    assert {name: entry.get("stale", False) for name, entry in manifest(folder)[
        "outputs"].items() if not name.startswith("assets/")} == {
        name: name in stale for name in EVERY_NAME if name in before}
    # The command says so, on the quick path too.
    args = ["build", "--inputs", str(config.inputs_dir), "--outputs", str(config.outputs_dir),
            "--edition-date", "2026-01-15", "--formats", "html,xlsx", "--quiet"]
    said = CliRunner().invoke(main, [*args, "--lang", "fr"])
    assert said.exit_code == 0
    assert said.output.splitlines()[1:] == [
        "36 files kept from an earlier build are out of date: run 'make bulletin YEAR=2025' "
        "to bring them up to date."]  # after the warnings, which --quiet leaves
    french = CliRunner().invoke(main, [*args, "--lang", "fr", "--report-lang", "fr"])
    assert french.output.splitlines()[-1] == (
        "36 fichiers conservés d'une production précédente ne sont pas à jour\u00a0: exécutez "
        "«\u00a0make bulletin YEAR=2025\u00a0» pour les mettre à jour.")
    every = build.build(config, jobs=1)  # a build of every language makes them again
    assert every.stale == every.kept == () and "Bern" in (
        folder / "iscm-calendar-2025-en.html").read_text()
    assert not [n for n, e in manifest(folder)["outputs"].items() if e.get("stale")]
    assert len(CliRunner().invoke(main, args).output.splitlines()) == 1  # the warnings


def test_a_page_kept_whose_switcher_lacks_a_language_now_built_is_out_of_date(small_inputs,
                                                                               tmp_path):
    english = load_config(small_inputs, tmp_path / "out", langs="en", formats="html",
                          edition_date=EDITION, format_choices=CHOSEN)
    build.build(english, jobs=1)
    result = build.build(dataclasses.replace(english, langs=("fr",)), jobs=1)
    assert set(result.stale) == {n for n in result.kept if n.startswith("iscm-")
                                 and n.endswith(".html")} == {
        r.name for r in golden_plan() if r.document in kinds() and r.lang == "en"
        and r.format == "html"}  # every document's English page
    # The English .ics is kept, up to date: it links to no other language.
    assert "iscm-calendar-2025-en.ics" in set(result.kept) - set(result.stale)
    again = build.build(english, jobs=1)  # English again: its pages now link to French
    assert again.stale == () and "iscm-map-2025-fr.html" in (
        again.folder / "iscm-map-2025-en.html").read_text()


def stand_in_pdf(path, html, config, cache=None, variant=None):
    path.write_bytes(b"%PDF-1.7 stand-in")
    return path


def test_only_a_full_build_removes_files_no_longer_planned(built, monkeypatch):
    """A document a later version no longer makes: a partial build keeps it, a full one
    (every document, language and format: the PDFs stood in for) removes it."""
    monkeypatch.setattr(parallel.pdf, "write_pdf", stand_in_pdf)
    config, folder = built
    config = dataclasses.replace(config, formats=load_config().formats)
    (folder / "iscm-atlas-2025-en.html").write_text("<html></html>")
    data = manifest(folder)
    data["outputs"]["iscm-atlas-2025-en.html"] = {
        "key": "k", "sha256": incremental.file_digest(folder / "iscm-atlas-2025-en.html"),
        "sources": data["sources"]}
    (folder / incremental.MANIFEST).write_text(json.dumps(data))
    kept = build.build(narrowed(config, docs="table"), jobs=1)  # HTML and XLSX
    assert "iscm-atlas-2025-en.html" in kept.kept and kept.stale == ()
    assert (folder / "iscm-atlas-2025-en.html").is_file()
    assert incremental.up_to_date(config) is None  # a full build has work: removing it
    full = build.build(config, jobs=1)
    assert not (folder / "iscm-atlas-2025-en.html").exists() and full.kept == ()
    assert "iscm-atlas-2025-en.html" not in manifest(folder)["outputs"]


def test_a_failed_partial_build_leaves_the_folder_as_it_was(built):
    config, folder = built
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    rows = [dict(r) for r in MEETING_ROWS]
    rows[0]["country"] = "Atlantis"
    write_inputs(config.inputs_dir, meetings=rows)
    with pytest.raises(ValidationFailed):
        build.build(narrowed(config, langs="fr"), jobs=1)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in config.outputs_dir.iterdir() if p.is_dir()) == ["2025"]


def test_the_quick_path_answers_for_a_partial_build(built):
    config, folder = built
    assert incremental.up_to_date(narrowed(config, langs="fr")).folder == folder
    assert incremental.up_to_date(narrowed(config, docs="map,table")) is not None
    assert incremental.up_to_date(narrowed(config, langs="fr", formats="html,pdf")) is None
    (folder / "iscm-table-2025-fr.html").unlink()
    assert incremental.up_to_date(narrowed(config, langs="fr")) is None
    assert incremental.up_to_date(dataclasses.replace(config, report_lang="es")) is None


def test_timings_add_up_and_pdfs_count_as_pdf_with_one_job(small_inputs, tmp_path,
                                                          monkeypatch, caplog):
    """With JOBS=1 the PDFs render in this process: their time is the pdf stage's, not
    the write stage's. A stand-in clock moves only while a PDF renders, 100 s each."""
    clock = [0.0]

    def slow_pdf(path, html, config, cache=None, variant=None):
        clock[0] += 100
        return stand_in_pdf(path, html, config)

    caplog.set_level(logging.INFO, logger="iscm")
    monkeypatch.setattr(progress, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(parallel.pdf, "write_pdf", slow_pdf)
    args = ["build", "--inputs", str(small_inputs), "--outputs", str(tmp_path / "out"),
            "--lang", "en", "--docs", "map,factsheet", "--jobs", "1", "--verbose"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-2:] == [
        "Time: hash 0.00 s, read 0.00 s, validate 0.00 s, aggregate 0.00 s, plan 0.00 s, "
        "write 0.00 s, pdf 200.00 s, publish 0.00 s; 200.00 s in all.",
        f"18 files in {tmp_path / 'out' / '2025'}: 18 made, in 200 s."]  # 11 open data
    # not a terminal: one line per PDF, done out of all
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("PDF ")] == [
        "PDF 1/2: iscm-factsheet-2025-en.pdf", "PDF 2/2: iscm-map-2025-en.pdf"]
