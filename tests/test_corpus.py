"""The input corpus (tests/data/, written by make_corpus.py): every fault raises exactly its
problems, inputs are never modified, outputs are never touched on error, and the messy
twin builds the same figures as the clean set."""

from __future__ import annotations

import hashlib
import re

import openpyxl
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from pipeline import build
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.contract.schema import TABLES
from pipeline.errors import ValidationFailed
from pipeline.lang.catalogues import report_wording
from pipeline.publish.outputs import CHOSEN, kinds
from pipeline.read import ingest
from pipeline.render import pdf
from pipeline.wording import Text
from tests import pdfcheck
from tests.conftest import ROOT, SHIPPED_INPUTS
from tests.data.make_corpus import BAD, CASES, DATA, EXPECTED_YEAR, FOLDERS, write_corpus

SPECS = {spec.name: spec for spec in TABLES}


def snapshot(folder) -> dict[str, str]:
    """Every file under folder (hidden ones too) -> its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def located(report) -> tuple:
    return tuple((p.severity, p.file, p.sheet, p.row, p.column, p.code) for p in report.problems)


@pytest.fixture
def previous_outputs(tmp_path):
    """An outputs folder holding an earlier build, to prove it is left alone."""
    out = tmp_path / "outputs"
    (out / str(EXPECTED_YEAR)).mkdir(parents=True)
    (out / str(EXPECTED_YEAR) / "summary-2025.json").write_text("{\"earlier\": true}\n")
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_raises_exactly_its_problems(name, previous_outputs):
    case = CASES[name]
    folder = BAD / name
    inputs_before, outputs_before = snapshot(folder), snapshot(previous_outputs)
    config = load_config(folder, previous_outputs, year=case.year, langs=case.langs)
    if any(severity == "error" for severity, *_ in case.expected):
        with pytest.raises(ValidationFailed) as failure:
            build.build(config)
        report = failure.value.report
    else:
        report = build.check(config)  # the builds that go through are tested below
    assert located(report) == case.expected, case.doc
    assert snapshot(folder) == inputs_before
    assert snapshot(previous_outputs) == outputs_before


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_prints_one_line_per_problem(name):
    case = CASES[name]
    args = ["check", "--inputs", str(BAD / name), "--quiet"]
    args += ["--lang", case.langs] + (["--year", str(case.year)] if case.year else [])
    result = CliRunner().invoke(main, args)
    errors = any(severity == "error" for severity, *_ in case.expected)
    assert result.exit_code == (1 if errors else 0), result.output
    lines = [line for line in result.output.splitlines()
             if line.startswith(("error: ", "warning: "))]
    assert len(lines) == len(case.expected)
    for (severity, file, sheet, row, column, _), line in zip(case.expected, lines):
        where = " › ".join(p for p in (file, sheet, f"row {row}" if row else "", column) if p)
        assert line.startswith(f"{severity}: {where}:"), line
    assert "Traceback" not in result.output


def test_the_corpus_is_what_make_corpus_writes(tmp_path):
    """The committed files are current: run `make corpus` after changing make_corpus.py."""
    write_corpus(tmp_path)
    for name in FOLDERS:
        assert snapshot(tmp_path / name) == snapshot(DATA / name), name


def test_every_problem_code_is_explained_in_the_editors_guide():
    section = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8").split(
        "## When the build complains", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE))
    exercised = {code for case in CASES.values() for *_, code in case.expected}
    # file-too-large needs a 50 MB file: tests/read/test_safety.py covers it with a lower cap.
    assert documented - {"file-too-large"} == exercised


def build_twin(name, tmp_path, folder=None) -> bytes:
    result = build.build(load_config(folder or DATA / name, tmp_path / name, langs="en",
                                     formats="html", format_choices=CHOSEN))
    assert result.report.errors == ()
    return (result.folder / f"summary-{result.folder.name}.json").read_bytes()


def test_messy_inputs_build_the_same_summary_as_their_clean_twin(tmp_path):
    assert build_twin("messy", tmp_path) == build_twin("clean", tmp_path)


def test_the_french_office_copy_of_the_shipped_inputs_reads_and_builds_the_same(tmp_path):
    """french-office/: inputs/ as a French office keeps it (files, sheets and headers named in
    French, instructions in French). After changing inputs/, run `make corpus`."""
    french = ingest.read_inputs(DATA / "french-office")
    shipped = ingest.read_inputs(SHIPPED_INPUTS)
    assert {t.sheet for t in french.tables.values()} == {"Mécanismes", "Membres", "Réunions",
                                                           "Paramètres"}
    for name, table in shipped.tables.items():
        assert not set(french[name].headers.values()) & {c.name for c in SPECS[name].columns}
        assert french[name].frame.equals(table.frame), name
    assert build_twin("french-office", tmp_path) == build_twin("inputs", tmp_path,
                                                               SHIPPED_INPUTS)


def pdf_text(path) -> str:
    return " ".join(pdfcheck.pdf_text(path).split())


@pytest.fixture
def fetched(monkeypatch):
    """Every URL the PDF renderer asks for."""
    urls: list[str] = []
    make_fetcher = pdf.project_fetcher

    def recording_fetcher(config):
        fetcher = make_fetcher(config)
        fetch = fetcher.fetch

        def record(url, *args, **kwargs):
            urls.append(url)
            return fetch(url, *args, **kwargs)
        fetcher.fetch = record
        return fetcher
    monkeypatch.setattr(pdf, "project_fetcher", recording_fetcher)
    return urls


def test_hostile_text_is_shown_literally_and_never_fetched(tmp_path, fetched):
    # jobs=1: the PDFs render in this process, where `fetched` records the URLs.
    result = build.build(load_config(BAD / "hostile-text", tmp_path, langs="en"), jobs=1)
    html = (result.folder / "iscm-highlights-2025-en.html").read_text()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Summit" in html
    assert "&lt;img src=x onerror=alert(1)&gt; url(file:///etc/passwd)" in html
    assert "<script" not in html and "<img" not in html
    text = pdf_text(result.folder / "iscm-highlights-2025-en.pdf")
    unspaced = "".join(text.split())  # a line may break anywhere in the long one
    assert "<script>alert('x')</script>Summit" in unspaced
    assert "<imgsrc=xonerror=alert(1)>url(file:///etc/passwd)http://169.254.169.254/" in unspaced
    templates = (ROOT / "templates").as_uri()
    assert fetched and all(url.startswith(templates) for url in fetched)
    sheet = openpyxl.load_workbook(result.folder / "iscm-table-2025-en.xlsx").active
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if c.value}
    assert cells["=cmd|' /C calc'!A0"] == "s"


def test_long_and_right_to_left_text_render(tmp_path):
    result = build.build(load_config(BAD / "long-and-right-to-left-text", tmp_path, langs="en",
                                     docs="bulletin,table", kinds=kinds()))
    assert "وحدة دعم المنتدى العالمي" in (result.folder / "iscm-table-2025-en.html").read_text()
    html = (result.folder / "iscm-highlights-2025-en.html").read_text()
    assert "الاجتماع الوزاري لحوار الهجرة في الجنوب الأفريقي" in html
    text = pdf_text(result.folder / "iscm-highlights-2025-en.pdf")
    assert text.count("skills partnerships and the inclusion of migrants") >= 30
    assert len(PdfReader(result.folder / "iscm-highlights-2025-en.pdf").pages) < 40


# The same problems in the editor's language (REPORT_LANG / --report-lang).

@pytest.mark.parametrize("lang, expected", [
    ("fr", ["erreur\u00a0: meetings.xlsx › meetings › ligne 3 › country\u00a0: «\u00a0Atlantis"
            "\u00a0»\u00a0: n'est pas un nom de pays reconnaissable. Écrivez le nom usuel du pays "
            "en anglais, en français ou en espagnol.",
            "Erreur\u00a0: 1 erreur dans les fichiers d'entrée\u202f; rien n'a été écrit."]),
    ("es", ["error: meetings.xlsx › meetings › fila 3 › country: «Atlantis»: no es un nombre de "
            "país reconocible. Escriba el nombre usual del país en inglés, francés o español.",
            "Error: 1 error en los archivos de entrada; no se escribió nada."]),
])
def test_a_bad_input_is_reported_in_the_editors_language(lang, expected):
    args = ["check", "--inputs", str(BAD / "unknown-country"), "--quiet", "--lang", "en",
            "--report-lang", lang]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.splitlines() == expected


@pytest.mark.parametrize("lang, expected", [
    ("fr", "erreur\u00a0: meetings.xlsx › meetings › ligne 3 › mechanism_id\u00a0: «\u00a0MIDXA"
           "\u00a0»\u00a0: n'est pas un mécanisme de la feuille mechanisms. Vouliez-vous dire "
           "MIDSA (Migration Dialogue for Southern Africa) ou MIDWA (Migration Dialogue for West "
           "Africa)\u202f? Si «\u00a0MIDXA\u00a0» est un autre nom de ce mécanisme, ajoutez-le à "
           "la colonne aliases de mechanisms.xlsx."),
    ("es", "error: meetings.xlsx › meetings › fila 3 › mechanism_id: «MIDXA»: no es un "
           "mecanismo de la hoja mechanisms. ¿Quiso decir MIDSA (Migration Dialogue for Southern "
           "Africa) o MIDWA (Migration Dialogue for West Africa)? Si «MIDXA» es otro nombre de ese "
           "mecanismo, añádalo a la columna aliases de mechanisms.xlsx."),
])
def test_suggestions_are_offered_in_the_editors_language(lang, expected):
    report = checked("one-letter-off-mechanism")
    assert [p.line(report_wording(lang)) for p in report.problems] == [expected]


def checked(name):
    """The report of a corpus case (validation only: nothing is built)."""
    case = CASES[name]
    try:
        return build.check(load_config(BAD / name, langs=case.langs, year=case.year))
    except ValidationFailed as failure:
        return failure.report


LOCATED = {"fr": ("erreur\u00a0: ", "avertissement\u00a0: ", "ligne {row}"),
           "es": ("error: ", "advertencia: ", "fila {row}")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_problem_of_the_corpus_is_translated(name):
    """Each problem carries its message and hint as Texts, and reads differently in French
    and Spanish, located with the language's words for the severity and the row; so do
    the counts of what was dropped."""
    report = checked(name)
    for label, _ in report.counts:  # 'blank rows dropped'…: validation_report.COUNT_LABELS
        assert Text(label).render(report_wording("fr")) != label
    for problem in report.problems:
        texts = dict(problem.texts)
        assert "message" in texts and ("hint" in texts or not problem.hint), problem
        for lang, (error, warning, row) in LOCATED.items():
            wording = report_wording(lang)
            line = problem.line(wording)
            assert line.startswith(error if problem.severity == "error" else warning), line
            assert problem.shown("message", wording) != problem.message, line
            if problem.row:
                assert f" › {row.format(row=problem.row)}" in line, line
            assert "row " not in line.replace(problem.value, ""), line
