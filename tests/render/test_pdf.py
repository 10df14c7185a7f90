"""PDF: WeasyPrint fetches only the project's own files."""

import pytest

from pipeline.config import BulletinConfig
from pipeline.render.pdf import project_fetcher


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/",
                                 "https://example.org/font.woff", "file:///etc/passwd"])
def test_the_renderer_fetches_nothing_outside_templates(url):
    from weasyprint.urls import FatalURLFetchingError
    fetcher = project_fetcher(BulletinConfig())
    with pytest.raises(FatalURLFetchingError):
        fetcher.fetch(url)


def test_the_renderer_reads_the_bundled_fonts():
    config = BulletinConfig()
    font = config.templates_dir / "assets" / "fonts" / "NotoSans-Regular.ttf"
    response = project_fetcher(config).fetch(font.as_uri())
    assert response.read(4) == b"\x00\x01\x00\x00"


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Poster</title>
<meta name="dcterms.created" content="2025-12-18">
<style>@page {{ size: A3 landscape; margin: 10mm }} body {{ background: #1f4e8c }}</style>
</head><body><h1>{}</h1></body></html>"""
A3_LANDSCAPE = (1190.55, 841.89)
BLEED = 3 / 25.4 * 72


def test_a_print_ready_pdf_is_pdf_x4_with_bleed_crop_marks_and_the_same_bytes(tmp_path):
    """PDF/X-4 declared (XMP), an output intent with its profile, the trim box the page and
    a 3 mm bleed around it; the same page twice gives the same bytes (no clock, no random
    document ID); the accessible PDF of the same page stays PDF/UA."""
    import pikepdf

    from pipeline.render.pdf import ACCESSIBLE, PRINT_READY, write_pdf

    config = BulletinConfig()
    first, second, screen = (tmp_path / name for name in ("a.pdf", "b.pdf", "c.pdf"))
    for path in (first, second):
        write_pdf(path, PAGE.format("ISCM map"), config, variant=PRINT_READY)
    write_pdf(screen, PAGE.format("ISCM map"), config, variant=ACCESSIBLE)
    assert first.read_bytes() == second.read_bytes()
    with pikepdf.open(first) as pdf:
        with pdf.open_metadata() as xmp:
            assert xmp["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX" and intent.DestOutputProfile.N == 3
        assert pdf.docinfo.Trapped == "/False" and pdf.docinfo.ModDate == "D:20251218"
        page = pdf.pages[0]
        trim = [float(v) for v in page.TrimBox]
        assert trim == pytest.approx([0, 0, *A3_LANDSCAPE], abs=0.01)
        for box in (page.MediaBox, page.BleedBox):
            assert [float(v) for v in box] == pytest.approx(
                [-BLEED, -BLEED, A3_LANDSCAPE[0] + BLEED, A3_LANDSCAPE[1] + BLEED], abs=0.01)
    with pikepdf.open(screen) as pdf:
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1" and "pdfxid:GTS_PDFXVersion" not in xmp
        assert "/OutputIntents" not in pdf.Root and "/StructTreeRoot" in pdf.Root
        assert [float(v) for v in pdf.pages[0].MediaBox] == pytest.approx(
            [0, 0, *A3_LANDSCAPE], abs=0.01)
