"""Every PDF of every language passes the PDF/UA-1 structure checks (tests/pdfcheck.py)."""

import re

from tests.pdfcheck import check_pdfua, expected_tags


def test_every_pdf_is_tagged_pdfua(shipped):
    failures = {}
    for pdf in sorted(shipped.folder.glob("*.pdf")):
        lang = pdf.stem.rsplit("-", 1)[1]
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]+)</title>", html)[1]
        if problems := check_pdfua(pdf, lang, title, expected_tags(pdf)):
            failures[pdf.name] = problems
    assert failures == {}
