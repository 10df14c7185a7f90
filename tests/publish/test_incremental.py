"""Incremental builds: only what changed is made again; the rest keeps its bytes and mtime."""

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest
from click.testing import CliRunner

from pipeline import build
from pipeline.cli import main
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import covers, incremental
from pipeline.render import parallel
from tests.conftest import ARCHIVE_PAGES, MEETING_ROWS, ROOT, golden_plan, write_inputs


def files_of(*kinds: str) -> set[str]:
    """The files of these documents in the small build (English), from the golden plan."""
    return {r.name for r in golden_plan() if r.document in kinds and r.lang in ("en", "-")}


BULLETIN = files_of("bulletin")


def snapshot(folder):
    """Every file under folder (manifest and assets included): bytes and mtime."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def built(small_build, tmp_path):
    """A copy of the small inputs' build and of its inputs (bytes and mtimes), for one test
    to change."""
    config, result = small_build
    for folder in ("inputs", "outputs"):
        shutil.copytree(getattr(config, f"{folder}_dir"), tmp_path / folder)
    copy = replace(config, inputs_dir=tmp_path / "inputs", outputs_dir=tmp_path / "outputs")
    return copy, replace(result, folder=copy.outputs_dir / result.folder.name)


def test_a_second_build_makes_nothing_and_changes_no_file(built):
    config, first = built
    before = snapshot(first.folder)
    second = build.build(config, jobs=1)
    assert second.made == ()
    assert sorted(second.reused) == sorted(first.made)
    assert snapshot(second.folder) == before


def test_a_changed_summary_remakes_only_the_bulletin(built):
    config, first = built
    rows = [dict(r) for r in MEETING_ROWS]
    rows[0]["summary"] = "Ministers adopted a new regional labour migration action plan."
    write_inputs(config.inputs_dir, meetings=rows)
    before = snapshot(first.folder)
    second = build.build(config, jobs=1)
    assert set(second.made) == BULLETIN
    after = snapshot(second.folder)
    assert {name for name in before if before[name] != after.get(name)} == BULLETIN | {
        incremental.MANIFEST}
    assert "new regional labour" in (second.folder / "iscm-highlights-2025-en.html").read_text()


def changed(before, after) -> set[str]:
    return {name for name in before if before[name] != after.get(name)} - {incremental.MANIFEST}


def test_a_meeting_moved_remakes_the_documents_that_show_it(built):
    """The calendar, the .ics, the profiles, the bulletin and the open data's meetings table
    (and its HXL variant) print a meeting's place; the ISCM table, its spreadsheet, the
    summary and the other tables do not."""
    config, first = built
    rows = [dict(r) for r in MEETING_ROWS]
    rows[1]["city"] = "Bern"  # the GFMD Summit of 2025
    write_inputs(config.inputs_dir, meetings=rows)
    before = snapshot(first.folder)
    second = build.build(config, jobs=1)
    shows_it = files_of("bulletin", "calendar", "profiles") | {
        "data/meetings.csv", "data/hxl/meetings.csv"}
    assert set(second.made) == shows_it
    assert changed(before, snapshot(second.folder)) == shows_it


def test_a_meeting_of_an_earlier_year_remakes_only_the_profiles(built):
    config, first = built
    rows = [dict(r) for r in MEETING_ROWS]
    rows[3]["title"] = "MIDWA Senior Officials’ Meeting on free movement"  # June 2024
    write_inputs(config.inputs_dir, meetings=rows)
    before = snapshot(first.folder)
    second = build.build(config, jobs=1)
    profiles = files_of("profiles")
    assert set(second.made) == profiles
    assert changed(before, snapshot(second.folder)) == profiles


def test_another_report_language_remakes_the_validation_report_only(built):
    """The documents do not depend on REPORT_LANG: they are carried over as they are."""
    config, first = built
    second = build.build(replace(config, report_lang="fr"), jobs=1)
    assert set(second.made) == files_of("validation-report")
    assert '<html lang="fr"' in (second.folder / "validation-report-2025.html").read_text()
    assert incremental.up_to_date(replace(config, report_lang="fr")) is not None
    assert incremental.up_to_date(config) is None
    manifest = (second.folder / incremental.MANIFEST).read_text()
    assert "texts" not in manifest and "has no members listed" in manifest  # English, as data


def test_a_deleted_or_edited_output_is_made_again(built):
    config, first = built
    (first.folder / "iscm-table-2025-en.pdf").unlink()
    (first.folder / "summary-2025.json").write_text("{}")
    assert incremental.up_to_date(config) is None
    second = build.build(config, jobs=1)
    assert set(second.made) == {"iscm-table-2025-en.pdf", "summary-2025.json"}


def test_up_to_date_only_when_nothing_changed(built):
    config, first = built
    assert incremental.up_to_date(config) == incremental.Published(first.folder, first.report)
    assert incremental.up_to_date(replace(config, edition_date=dt.date(2026, 2, 1))) is None
    (config.inputs_dir / "~$meetings.xlsx").write_bytes(b"lock")  # Excel's lock file
    (config.inputs_dir / "notes.txt").write_text("not a spreadsheet: not read")
    assert incremental.up_to_date(config) is not None
    (config.inputs_dir / "more meetings.csv").write_text("a new file in the inputs")
    assert incremental.up_to_date(config) is None


def test_a_failed_build_leaves_the_previous_outputs_as_they_were(built, monkeypatch):
    config, first = built
    before = snapshot(first.folder)
    before_covers = snapshot(config.outputs_dir / covers.FOLDER)
    write_inputs(config.inputs_dir, meetings=[dict(r, summary="Changed.") for r in MEETING_ROWS])

    def fail(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(parallel.pdf, "write_pdf", fail)
    with pytest.raises(RuntimeError):
        build.build(config, jobs=1)
    assert snapshot(first.folder) == before
    assert sorted(p.name for p in config.outputs_dir.iterdir()) == sorted(
        ["2025", covers.FOLDER, *ARCHIVE_PAGES])  # the archive page's thumbnails: its PDFs'
    assert snapshot(config.outputs_dir / covers.FOLDER) == before_covers


def test_the_command_says_up_to_date_without_loading_pandas_or_weasyprint(small_inputs,
                                                                           tmp_path):
    outputs = tmp_path / "out"
    args = ["build", "--inputs", str(small_inputs), "--outputs", str(outputs), "--lang", "en",
            "--formats", "html"]
    script = ("import sys\nfrom pipeline.cli import main\n"
              f"try:\n    main({args!r})\nexcept SystemExit as end:\n    assert not end.code\n"
              "print(sorted(m for m in ('pandas', 'weasyprint', 'jinja2') if m in sys.modules))")
    run = lambda: subprocess.run([sys.executable, "-c", script], cwd=ROOT,  # noqa: E731
                                 capture_output=True, text=True, check=True)
    first = run()
    assert "pandas" in first.stdout and "up to date" not in first.stderr
    second = run()
    assert second.stdout.strip() == "[]"
    assert f"{outputs / '2025'}: up to date" in second.stderr
    # the same summary of warnings, read from the manifest rather than the inputs
    summary = [line for line in first.stderr.splitlines() if " warnings (" in line]
    assert summary and summary[0] in second.stderr


def test_an_up_to_date_build_still_brings_the_archive_page_up_to_date(built):
    config, result = built
    outputs = config.outputs_dir
    args = ["build", "--inputs", str(config.inputs_dir), "--outputs", str(outputs), "--lang",
            "en", "--edition-date", "2026-01-15"]
    pages = {p.name: p.read_bytes() for p in outputs.glob("index*.html")}
    assert len(pages) == len(LANGUAGES)
    (outputs / "index-fr.html").unlink()
    (outputs / "2019").mkdir()
    (outputs / "2019" / "summary-2019.json").write_text("{}")  # an edition copied in by hand
    before = snapshot(result.folder)
    assert incremental.up_to_date(config) is not None  # the command takes its quick path
    assert CliRunner().invoke(main, args).exit_code == 0
    assert snapshot(result.folder) == before
    for page in ("index.html", "index-fr.html"):
        assert 'href="2019/summary-2019.json"' in (outputs / page).read_text()
    shutil.rmtree(outputs / "2019")
    CliRunner().invoke(main, args)
    assert {p.name: p.read_bytes() for p in outputs.glob("index*.html")} == pages


def test_keys_follow_what_a_document_is_made_from(small_config, tmp_path):
    keys = incremental.Keys(small_config)
    assert keys.pdf("<p>a</p>") == keys.pdf("<p>a</p>") != keys.pdf("<p>b</p>")
    assert keys.data(["a", 1]) != keys.data(["a", 2])
    moved = incremental.Keys(load_config(small_config.inputs_dir, tmp_path / "elsewhere",
                                         langs="en", edition_date=dt.date(2026, 1, 15)))
    assert moved.pdf("<p>a</p>") == keys.pdf("<p>a</p>")


def test_a_staging_folder_left_by_a_killed_build_is_not_the_outputs(built):
    config, first = built
    leftover = config.outputs_dir / ".previous-2025"
    first.folder.rename(leftover)
    assert incremental.up_to_date(config) is None
    (config.outputs_dir / incremental.MANIFEST).write_text("not json")
    assert incremental.read_manifest(config.outputs_dir) is None
