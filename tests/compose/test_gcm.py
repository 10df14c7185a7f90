"""'ISCMs and the Global Compact' (compose/gcm.py, templates/_gcm.html) in the shipped
bulletins: in the five languages, with the summary JSON's figures."""

import json
import re

import pytest

from pipeline.config import LANGUAGES
from pipeline.contract import gcm


@pytest.fixture(scope="module")
def summary(shipped):
    return json.loads((shipped.folder / f"summary-{shipped.folder.name}.json").read_text(
        encoding="utf-8"))


def bulletin(shipped, lang: str) -> str:
    return (shipped.folder / f"iscm-highlights-{shipped.folder.name}-{lang}.html").read_text(
        encoding="utf-8")


def section(shipped, lang: str) -> str:
    html = bulletin(shipped, lang)
    found = re.search(r'<section id="gcm".*?</section>', html, re.S)
    assert found, f"no GCM section in the {lang} bulletin"
    return found.group(0)


def chart_rows(html: str) -> dict[int, tuple[int, int]]:
    """The chart's data table, in the bulletin's annex: objective number -> (meetings,
    mechanisms)."""
    table = re.search(r'<table class="annex-data" id="data-chart-gcm">.*?</table>', html,
                      re.S).group(0)
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th><td class="num">([^<]*)</td>'
                      r'<td class="num">([^<]*)</td></tr>', table)
    return {int(re.search(r"\d+", label).group(0)): (int(meetings), int(mechanisms))
            for label, meetings, mechanisms in rows}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_section_gives_the_summarys_figures_in_every_language(shipped, summary, lang):
    text = section(shipped, lang)
    addressed = {int(n): (c["meetings"], c["mechanisms"])
                 for n, c in summary["gcm_objectives"].items() if c["meetings"]}
    assert len(addressed) >= 3  # the shipped year's meetings address several objectives
    assert chart_rows(bulletin(shipped, lang)) == addressed
    ranked = list(chart_rows(bulletin(shipped, lang)))
    assert [addressed[n][0] for n in ranked] == sorted(
        (addressed[n][0] for n in ranked), reverse=True)  # the most meetings first
    targets = re.findall(r'<tr><th scope="row">([0-9.c]+)</th><td>[^<]*</td>'
                         r'<td class="num">([^<]*)</td><td class="num">([^<]*)</td></tr>', text)
    assert {code: (int(m), int(k)) for code, m, k in targets} == {
        code: (c["meetings"], c["mechanisms"]) for code, c in summary["sdg_targets"].items()
        if c["meetings"]}


def test_the_english_sentences_say_what_was_addressed_and_what_was_not(shipped, summary):
    text = section(shipped, "en")
    counts = {int(n): c for n, c in summary["gcm_objectives"].items()}
    addressed = [n for n, c in counts.items() if c["meetings"]]
    assert (f"The {summary['meetings_in_year']} meetings held in {summary['year']} addressed "
            f"{len(addressed)} of the 23 objectives of the Global Compact for Safe, Orderly "
            "and Regular Migration.") in text
    top = max(c["meetings"] for c in counts.values())
    leaders = [n for n in addressed if counts[n]["meetings"] == top]
    assert f"Objective {leaders[0]}: {gcm.objectives()[leaders[0]].short['en']}" in text
    missing = [str(n) for n, c in counts.items() if not c["meetings"]]
    listed = re.search(r"No meeting addressed objectives? ([^<]*)\.</p>", text).group(1)
    assert re.findall(r"\d+", listed) == missing
    assert "No meeting named its objectives itself: every figure comes from the crosswalk." \
        in text


def test_the_objectives_are_named_in_the_readers_language(shipped):
    """French and Spanish by the UN Network on Migration's short names; a name never
    borrowed from another language."""
    assert "Objectif 6\u00a0: Recrutement et travail décent" in section(shipped, "fr")
    assert "Objetivo 6: Contratación y trabajo decente" in section(shipped, "es")
    assert "Recruitment and decent work" not in section(shipped, "ru")
    assert "Recruitment and decent work" not in section(shipped, "ar")


def test_the_table_spreadsheets_objectives_column_gives_the_summarys_mechanisms(shipped,
                                                                              summary):
    """The ISCM table's XLSX: each mechanism's objectives (its meetings held in the year);
    the mechanisms listing an objective are as many as the summary counts for it."""
    from openpyxl import load_workbook

    year = shipped.folder.name
    sheet = load_workbook(shipped.folder / f"iscm-table-{year}-en.xlsx").active
    headers = [c.value for c in sheet[1]]
    column = headers.index(f"GCM objectives (meetings of {year})")
    listed = [{int(n) for n in (row[column] or "").split("; ") if n}
              for row in sheet.iter_rows(min_row=2, values_only=True) if row[2]]
    assert {str(n): sum(n in cell for cell in listed) for n in range(1, 24)} == {
        n: c["mechanisms"] for n, c in summary["gcm_objectives"].items()}
