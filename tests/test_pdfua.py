"""The PDFs are tagged PDF/UA-1: structure, language, title, artifacts, fonts, bookmarks."""

import re

import pikepdf
import pytest

from tests.pdfcheck import bookmarks, check_pdfua, expected_tags


def title_of(html: str) -> str:
    return re.search(r"<title>([^<]+)</title>", html)[1]


@pytest.mark.parametrize("kind", ["highlights", "table", "calendar", "profiles", "factsheet",
                                  "map"])
def test_shipped_pdfs_pass_the_pdfua_structure_checks(shipped, kind):
    year = shipped.folder.name
    pdfs = sorted(shipped.folder.glob(f"iscm-{kind}-{year}-*.pdf"))
    assert len(pdfs) == 5
    for pdf in pdfs:
        lang = pdf.stem.rsplit("-", 1)[1]
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        assert check_pdfua(pdf, lang, title_of(html), expected_tags(pdf)) == [], pdf.name


@pytest.mark.parametrize("kind", ["highlights", "factsheet", "map"])
def test_the_maps_alternative_text_is_its_description(shipped, kind):
    """The map's /Alt is the SVG's <title>, in the page's language."""
    year = shipped.folder.name
    for lang in ("en", "ar"):
        pdf = shipped.folder / f"iscm-{kind}-{year}-{lang}.pdf"
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        description = re.search(r'<svg [^>]*class="map"[^>]*><title>([^<]+)</title>', html)[1]
        with pikepdf.open(pdf) as document:
            alts = [str(o.Alt) for o in document.objects
                    if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]
        assert description.replace("&#39;", "'") in alts, pdf.name


def test_bookmarks_cover_every_section_and_mechanism(shipped):
    year = shipped.folder.name
    pdf = shipped.folder / f"iscm-highlights-{year}-en.pdf"
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    marks = [" ".join(t.split()) for t in bookmarks(pdf)]
    headings = [" ".join(re.sub(r"<[^>]+>", "", h).split())
                for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]
    headings = [h.replace("&#39;", "'").replace("&amp;", "&") for h in headings]
    assert len(headings) > 30
    assert [h for h in headings if h not in marks] == []
