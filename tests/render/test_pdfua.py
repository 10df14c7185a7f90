"""The PDFs are tagged PDF/UA-1: structure, language, title, artifacts, fonts, bookmarks."""

import re

import pytest

from tests.conftest import pdf_cases
from tests.pdfcheck import (
    alternative_texts,
    bookmarks,
    check_pdfua,
    expected_tags,
    map_description,
)


def title_of(html: str) -> str:
    return re.search(r"<title>([^<]+)</title>", html)[1]


@pytest.mark.parametrize("kind, lang", pdf_cases())
def test_shipped_pdfs_pass_the_pdfua_structure_checks(shipped_pdf, kind, lang):
    pdf = shipped_pdf(kind, lang)
    assert check_pdfua(pdf, lang, title_of(shipped_pdf.html(kind, lang)),
                       expected_tags(pdf)) == []


def test_the_small_inputs_profiles_pass_the_pdfua_structure_checks(small_build):
    """The profiles' PDF in `make test` (the shipped inputs': `print` checks above)."""
    pdf = small_build[1].folder / "iscm-profiles-2025-en.pdf"
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert check_pdfua(pdf, "en", title_of(html), expected_tags(pdf)) == []


@pytest.mark.parametrize("kind, lang", pdf_cases(["bulletin", "factsheet"], ["en", "ar"]))
def test_the_maps_alternative_text_is_its_description(shipped_pdf, kind, lang):
    """The map's /Alt is the SVG's <title>, in the page's language (the poster's:
    test_maps)."""
    description = map_description(shipped_pdf.html(kind, lang))
    assert description in alternative_texts(shipped_pdf(kind, lang))


def test_bookmarks_cover_every_section_and_mechanism(shipped_pdf):
    html = shipped_pdf.html("bulletin", "en")
    marks = [" ".join(t.split()) for t in bookmarks(shipped_pdf("bulletin", "en"))]
    headings = [" ".join(re.sub(r"<[^>]+>", "", h).split())
                for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]
    headings = [h.replace("&#39;", "'").replace("&amp;", "&") for h in headings]
    assert len(headings) > 20  # the calendar's months are group rows of one table now
    assert [h for h in headings if h not in marks] == []
