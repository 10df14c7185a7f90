"""The PDFs are tagged PDF/UA-1: structure, language, title, artifacts, fonts, bookmarks."""

import re

import pikepdf
import pytest

from tests.conftest import pdf_cases
from tests.pdfcheck import bookmarks, check_pdfua, expected_tags


def title_of(html: str) -> str:
    return re.search(r"<title>([^<]+)</title>", html)[1]


@pytest.mark.parametrize("kind, lang", pdf_cases())
def test_shipped_pdfs_pass_the_pdfua_structure_checks(shipped, shipped_pdf, kind, lang):
    pdf = shipped_pdf(kind, lang)
    html = (shipped.folder / pdf.with_suffix(".html").name).read_text(encoding="utf-8")
    assert check_pdfua(pdf, lang, title_of(html), expected_tags(pdf)) == []


def test_the_small_inputs_profiles_pass_the_pdfua_structure_checks(small_build):
    """The profiles' PDF in `make test` (the shipped inputs': `print` checks above)."""
    pdf = small_build[1].folder / "iscm-profiles-2025-en.pdf"
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert check_pdfua(pdf, "en", title_of(html), expected_tags(pdf)) == []


@pytest.mark.parametrize("kind, lang", pdf_cases(["bulletin", "factsheet", "map"], ["en", "ar"]))
def test_the_maps_alternative_text_is_its_description(shipped, shipped_pdf, kind, lang):
    """The map's /Alt is the SVG's <title>, in the page's language."""
    pdf = shipped_pdf(kind, lang)
    html = (shipped.folder / pdf.with_suffix(".html").name).read_text(encoding="utf-8")
    description = re.search(r'<svg [^>]*class="map"[^>]*><title>([^<]+)</title>', html)[1]
    with pikepdf.open(pdf) as document:
        alts = [str(o.Alt) for o in document.objects
                if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]
    assert description.replace("&#39;", "'") in alts


def test_bookmarks_cover_every_section_and_mechanism(shipped, shipped_pdf):
    pdf = shipped_pdf("bulletin", "en")
    html = (shipped.folder / pdf.with_suffix(".html").name).read_text(encoding="utf-8")
    marks = [" ".join(t.split()) for t in bookmarks(pdf)]
    headings = [" ".join(re.sub(r"<[^>]+>", "", h).split())
                for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]
    headings = [h.replace("&#39;", "'").replace("&amp;", "&") for h in headings]
    assert len(headings) > 30
    assert [h for h in headings if h not in marks] == []
