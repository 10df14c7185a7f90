"""The PDFs are tagged PDF/UA-1: structure, language, title, artifacts, fonts, bookmarks."""

import re

import pytest

from tests.pdfcheck import bookmarks, check_pdfua, expected_tags


def title_of(html: str) -> str:
    return re.search(r"<title>([^<]+)</title>", html)[1]


@pytest.mark.parametrize("kind", ["highlights", "table", "calendar", "profiles"])
def test_shipped_pdfs_pass_the_pdfua_structure_checks(shipped, kind):
    year = shipped.folder.name
    pdfs = sorted(shipped.folder.glob(f"iscm-{kind}-{year}-*.pdf"))
    assert len(pdfs) == 5
    for pdf in pdfs:
        lang = pdf.stem.rsplit("-", 1)[1]
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        assert check_pdfua(pdf, lang, title_of(html), expected_tags(pdf)) == [], pdf.name


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
