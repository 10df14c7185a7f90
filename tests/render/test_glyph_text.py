"""Every glyph a PDF draws has its text: lam-alef first drawn in a cluster of two glyphs."""

import re

import pytest

from pipeline.config import BulletinConfig
from pipeline.render.glyph_text import completed, glyph_texts
from tests.conftest import pdf_cases

FONTS = BulletinConfig().templates_dir / "assets" / "fonts"
ARABIC = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>خريطة</title><meta name="dcterms.created" content="2025-12-18">
<link rel="stylesheet" href="assets/css/common.css">
<style>body {{ font-family: "Noto Sans Arabic" }}</style></head><body>{}</body></html>"""
LINES = ["ولا تعني قبولًا", "لا توجد بيانات"]
"""As in the poster's disclaimer and legend: WeasyPrint draws a right-to-left line from its
left, so the first lam-alef it draws is «قبولًا»'s, where lam, tanwin and alef are one
cluster of two glyphs; without glyph_text the tanwin takes the cluster's text «لًا» and
lam-alef none, everywhere («لا توجد بيانات» read «توجد بيانات»)."""


def font(name: str):
    from fontTools.ttLib import TTFont

    return TTFont(FONTS / name, lazy=True)


def test_the_font_gives_each_glyph_its_text_ligatures_from_their_letters():
    arabic = glyph_texts(font("NotoSansArabic-Regular.ttf"))
    assert arabic["uniFEFB"] == "لا" and arabic["uniFEF7"] == "لأ"  # lam-alef, lam-hamza
    assert arabic["uniFEDF"] == "ل" and arabic["uni0648"] == "و"  # initial lam, waw
    assert arabic["uni064B"] == "\u064b"  # tanwin fath
    latin = glyph_texts(font("NotoSans-Regular.ttf"))
    assert latin["fi"] == "fi" and latin["f_f_i"] == "ffi" and latin["space"] == " "


def test_a_glyph_mapped_to_nothing_gets_its_text_and_its_neighbour_gives_it_back():
    own = {1: "و", 2: "لا", 3: "لا", 4: None, 5: "fi", 6: "\u064b", 7: "e"}.get
    # 1 took its cluster «ولا» from 2; 6 (a mark) took «لًا», with the alef after it.
    assert completed({1: "ولا", 2: "", 3: "لا", 4: "", 5: "fi", 7: "e\u0301"}, own) == {
        1: "و", 2: "لا"}
    assert completed({6: "ل\u064bا", 2: ""}, own) == {6: "\u064b", 2: "لا"}
    # Nothing mapped to nothing: nothing changes (7's cluster holds no added text).
    assert completed({1: "ولا", 7: "e\u0301", 5: "fi"}, own) == {}


@pytest.mark.parametrize("variant", ["pdf/ua-1", "pdf/x-4"])
def test_lam_alef_first_drawn_beside_a_mark_still_reads_la_everywhere(tmp_path, variant):
    """Each line reads as written, every letter once (the tanwin, drawn over lam-alef, is
    read after the alef: «قبولاً»), in the same bytes twice; the PDF/UA file stays PDF/UA."""
    from pipeline.render.pdf import ACCESSIBLE, write_pdf
    from tests.pdfcheck import check_pdfua, pdf_text

    page = ARABIC.format("<h1>خريطة</h1>" + "".join(f"<p>{line}</p>" for line in LINES))
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (first, second):
        write_pdf(path, page, BulletinConfig(), variant=variant)
    assert first.read_bytes() == second.read_bytes()
    assert pdf_text(first).split("\n") == ["خريطة", "ولا تعني قبولاً", "لا توجد بيانات"]
    if variant == ACCESSIBLE:
        assert check_pdfua(first, "ar", "خريطة", ("/Document", "/H1", "/P")) == []


def test_a_pdf_whose_glyphs_all_have_their_text_is_as_weasyprint_writes_it(tmp_path):
    """A Latin page (ligatures fi, ffi: one glyph, one cluster) has no glyph mapped to
    nothing: its bytes are those of the PDF WeasyPrint writes without glyph_text."""
    from weasyprint import HTML

    from pipeline.render import pdf
    from pipeline.render.pdfua import finish_tagging

    config = BulletinConfig()
    page = ARABIC.replace('lang="ar" dir="rtl"', 'lang="en"').replace(
        "Noto Sans Arabic", "Noto Sans").format("<p>The office files of the official.</p>")
    ours, theirs = tmp_path / "ours.pdf", tmp_path / "theirs.pdf"
    pdf.write_pdf(ours, page, config)
    source = HTML(string=page, base_url=(config.templates_dir / "index.html").as_uri(),
                  url_fetcher=pdf.project_fetcher(config))
    with pdf.font_epoch():
        source.write_pdf(theirs, pdf_variant=pdf.ACCESSIBLE, finisher=finish_tagging)
    assert ours.read_bytes() == theirs.read_bytes()


def unmapped_glyphs(path) -> dict[str, list[str]]:
    """Font -> the glyph ids its ToUnicode map gives no text, in a PDF."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        return {str(font.BaseFont): found for font in pdf.objects
                if isinstance(font, pikepdf.Dictionary) and "/ToUnicode" in font
                and (found := re.findall(r"<([0-9a-f]{4})> <>",
                                         font.ToUnicode.read_bytes().decode()))}


@pytest.mark.parametrize("kind, lang", pdf_cases(langs=["ar"]))
def test_every_glyph_of_the_shipped_arabic_pdfs_has_its_text(shipped_pdf, kind, lang):
    """Without glyph_text: lam-alef in the poster (every «لا»: «لا توجد بيانات», «سري
    لانكا»), final lam-alef in the updates («اللاجئين»), yeh with hamza in the table
    («اللاجئين», «الهيئة»)."""
    assert unmapped_glyphs(shipped_pdf(kind, lang)) == {}
