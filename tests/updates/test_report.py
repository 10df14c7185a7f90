"""The review of the returns (pipeline/updates/report.py): in a terminal (rich tables), as
lines, as a page and a workbook, in the report language."""

from __future__ import annotations

import shutil

import openpyxl
from rich.console import Console

from pipeline.config import load_config
from pipeline.lang.catalogues import report_wording
from pipeline.updates import report, returns, review, source
from tests.data.make_corpus import DATA

CASE = DATA / "returns" / "unknown-country-added"


def found(tmp_path) -> review.Review:
    inputs = shutil.copytree(DATA / "clean", tmp_path / "inputs")
    folder = CASE / "returns"
    return review.review(source.read_source(inputs), returns.find_returns(folder), folder)


def test_the_terminal_shows_the_problems_then_the_changes_per_mechanism(tmp_path):
    console = Console(record=True, width=200)
    report.print_review(found(tmp_path), console=console)
    text = console.export_text()
    problem = text.index("is not a country name that could be recognised")
    assert problem < text.index("midsa ") < text.index("│ added      │ iscm-update-2025-midsa"
                                                       ".xlsx › Participants › row 7 › Role")
    assert "iscm-update-2025-midsa.xlsx › Participants › row 7 › State or organisation" in text


def test_lines_page_and_workbook_in_the_report_language(tmp_path):
    review_ = found(tmp_path)
    french = report_wording("fr")
    assert report.lines(review_, french)[0] == (
        "midsa\u00a0: iscm-update-2025-midsa.xlsx › Participants › ligne 7 › State or "
        "organisation\u00a0: «\u00a0\u00a0» → «\u00a0Atlantis\u00a0» (ajouté)")
    assert report.summary(review_, None, french) == (
        "1 erreur dans les classeurs renvoyés\u00a0: rien n'a été appliqué. L'examen la situe.")
    config = load_config(tmp_path / "inputs", tmp_path / "outputs", report_lang="fr")
    page, sheet = report.write_review(review_, config, tmp_path / "review", config.build_date)
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr"' in html and "Examen des mises à jour renvoyées 2025" in html
    assert "<td class=\"new\">Atlantis</td>" in html
    rows = list(openpyxl.load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Mécanisme (identifiant)", "Quoi", "Classeur")
    assert ("midsa", "ajouté", "iscm-update-2025-midsa.xlsx", "Participants", 7, "Atlantis",
            "State or organisation", None, "Atlantis") in rows
    assert any(row[1] == "erreur" and row[6] == "State or organisation" for row in rows)
