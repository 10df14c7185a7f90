"""Glyph coverage: what the bundled fonts draw, and what would print as empty boxes."""

import pytest

from pipeline.contract.glyphs import missing_glyphs


@pytest.mark.parametrize("text", [
    "Côte d’Ivoire — « Déclaration » № 5 €", "Türkiye, São Tomé, Ærø, Łódź",
    "المنتدى العالمي المعني بالهجرة والتنمية", "Российская Федерация", "Ελλάδα",
    "a\u200fb\u200dc\ufeff",  # direction marks and joiners are never drawn
])
def test_text_the_bundled_fonts_draw(text):
    assert missing_glyphs(text) == ""


@pytest.mark.parametrize("text, missing", [
    ("Bali Process 巴厘进程", "巴厘进程"), ("Summit 👍👍", "👍"), ("한국 Korea", "한국"),
])
def test_text_that_would_print_as_boxes(text, missing):
    assert missing_glyphs(text) == missing
