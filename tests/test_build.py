"""End to end: the shipped inputs build; builds are deterministic and atomic."""

import datetime as dt
import json
import subprocess

import pytest
from pypdf import PdfReader

from pipeline import build
from pipeline.config import load_config
from pipeline.errors import ValidationFailed
from tests.conftest import MEETING_ROWS, write_inputs


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_shipped_inputs_build_every_document(shipped):
    year = shipped.folder.name
    assert set(shipped.files) >= {f"iscm-highlights-{year}-en.pdf",
                                  f"iscm-highlights-{year}-en.html",
                                  f"iscm-table-{year}-en.pdf", f"iscm-table-{year}-en.html",
                                  f"iscm-table-{year}.xlsx", f"summary-{year}.json"}


def test_shipped_bulletin_pdf_shows_the_figures_and_every_active_mechanism(shipped):
    year = shipped.folder.name
    summary = json.loads((shipped.folder / f"summary-{year}.json").read_text())
    text = " ".join(pdf_text(shipped.folder / f"iscm-highlights-{year}-en.pdf").split())
    assert f"ISCM Highlights {year}" in text
    assert f"{summary['meetings_in_year']} meetings in {year}" in text
    assert f"{summary['member_states']} States are members of at least one mechanism" in text
    table = " ".join(pdf_text(shipped.folder / f"iscm-table-{year}-en.pdf").split())
    from openpyxl import load_workbook
    sheet = load_workbook(shipped.folder / f"iscm-table-{year}.xlsx").active
    active = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)
              if row[11] == "Active"]
    assert len(active) >= 22
    for name in active:
        assert " ".join(name.split()) in table


def test_meeting_sentences_reach_the_pdf(shipped):
    year = int(shipped.folder.name)
    html = (shipped.folder / f"iscm-highlights-{year}-en.html").read_text()
    text = " ".join(pdf_text(shipped.folder / f"iscm-highlights-{year}-en.pdf").split())
    sentences = [s for s in html.split("<li>") if " took place on " in s or "adopted the" in s]
    assert len(sentences) >= 20
    for needle in (" took place on ", ", adopted the outcome document"):
        assert needle in text


def test_every_pdf_embeds_only_the_bundled_fonts(shipped):
    for pdf in shipped.folder.glob("*.pdf"):
        out = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
        fonts = [line.split()[0] for line in out.splitlines()[2:]]
        assert fonts and all("Noto-Sans" in f for f in fonts), (pdf.name, fonts)
        assert all(line.split()[-5] == "yes" for line in out.splitlines()[2:])  # embedded


def test_two_builds_give_the_same_bytes(small_inputs, tmp_path):
    config = lambda name: load_config(small_inputs, tmp_path / name, langs="en")  # noqa: E731
    first, second = build.build(config("a")), build.build(config("b"))
    assert first.files == second.files
    for name in first.files:
        assert (first.folder / name).read_bytes() == (second.folder / name).read_bytes(), name


def test_an_input_error_leaves_previous_outputs_untouched(tmp_path):
    good = write_inputs(tmp_path / "good")
    config = load_config(good, tmp_path / "out", langs="en", edition_date=dt.date(2026, 1, 1))
    result = build.build(config)
    before = {p: p.read_bytes() for p in result.folder.rglob("*") if p.is_file()}
    bad_rows = [dict(r) for r in MEETING_ROWS]
    bad_rows[0]["country"] = "Atlantis"
    bad = write_inputs(tmp_path / "bad", meetings=bad_rows)
    inputs_before = {p.name: p.read_bytes() for p in bad.iterdir()}
    with pytest.raises(ValidationFailed):
        build.build(load_config(bad, tmp_path / "out", langs="en"))
    after = {p: p.read_bytes() for p in result.folder.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2025"]
    assert {p.name: p.read_bytes() for p in bad.iterdir()} == inputs_before
