"""The layout check (tests/layout.py) a publications unit would make, page by page: it finds
what it looks for in a PDF made to fail it; every document of the family passes it in every
language; the bulletin's page count is one a printer can impose (a multiple of four) and the
same in all five languages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from pipeline.config import LANGUAGES
from pipeline.render.pdf import booklet_pages
from tests.conftest import pdf_cases
from tests.layout import layout_problems

PARA = "<p>" + "The mechanisms met and adopted their plans for the year. " * 12 + "</p>"


def rendered(tmp_path, body: str, css: str = ""):
    """A small PDF (A4, tagged as the documents are: PDF/UA) of an HTML body."""
    from weasyprint import CSS, HTML

    path = tmp_path / "made.pdf"
    style = CSS(string="@page { size: A4; margin: 20mm } body { font: 10pt sans-serif } "
                + css)
    HTML(string=f"<html lang='en'><head><title>t</title></head><body>{body}</body></html>"
         ).write_pdf(path, stylesheets=[style], pdf_variant="pdf/ua-1")
    return path


def test_the_check_finds_a_near_empty_page_small_type_and_a_table_without_its_header(tmp_path):
    rows = "".join(f"<tr><td>State {n}</td><td>{n}</td></tr>" for n in range(90))
    path = rendered(tmp_path, (
        f"<h1>Title</h1>{PARA * 6}"
        "<p style='break-before: page; break-after: page'>Alone.</p>"  # page 2, not a part's end
        f"{PARA * 6}<p style='font-size: 6pt'>Small print.</p>"
        f"<h2>Data</h2><table>{rows}</table>"))  # no header row at all
    assert layout_problems(path) == (
        "page 2: 3% full, and it does not end a part",
        "page 3: text at 6 pt ('S'), under 7.5 pt",
        *(f"page {n}: table rows without their header row" for n in (3, 4, 5)))


def test_a_short_page_that_ends_a_part_and_a_repeated_header_pass(tmp_path):
    rows = "".join(f"<tr><td>State {n}</td><td>{n}</td></tr>" for n in range(90))
    path = rendered(tmp_path, (
        f"<h1>Title</h1>{PARA * 6}<p>The end of the part.</p>"
        f"<h2 style='break-before: page'>Data</h2>{PARA}"
        f"<table><thead><tr><th>State</th><th>Count</th></tr></thead><tbody>{rows}</tbody>"
        "</table>"))
    assert layout_problems(path) == ()


def page(name: str) -> SimpleNamespace:
    return SimpleNamespace(_page_box=SimpleNamespace(page_type=SimpleNamespace(name=name)))


@pytest.mark.parametrize("text_pages, kept", [(21, 3), (22, 2), (23, 1), (24, 0)])
def test_notes_pages_make_up_a_multiple_of_four(text_pages, kept):
    pages = [page("") for _ in range(text_pages - 1)] + [page("notes")] * 3 + [page("back")]
    printed = booklet_pages(pages)
    assert len(printed) % 4 == 0
    assert [p._page_box.page_type.name for p in printed].count("notes") == kept
    assert printed[-1]._page_box.page_type.name == "back"  # the back cover stays last


DOCUMENTS = ["bulletin", "profiles", "table", "calendar", "factsheet", "map", "updates"]


@pytest.mark.parametrize("kind, lang", pdf_cases(DOCUMENTS))
def test_the_documents_pass_the_layout_check(shipped_pdf, kind, lang):
    assert layout_problems(shipped_pdf(kind, lang)) == ()


@pytest.mark.parametrize("kind, lang", pdf_cases(["bulletin"]))
def test_the_bulletin_s_page_count_is_a_multiple_of_four(shipped_pdf, kind, lang):
    assert len(PdfReader(shipped_pdf(kind, lang)).pages) % 4 == 0


@pytest.mark.print
def test_the_bulletin_has_the_same_page_count_in_every_language(shipped_pdf):
    counts = {lang: len(PdfReader(shipped_pdf("bulletin", lang)).pages) for lang in LANGUAGES}
    assert len(set(counts.values())) == 1, counts
