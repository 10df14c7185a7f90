"""The text of every glyph a PDF draws, so that copying or extracting its text (screen
readers, search, `pdftotext`) gives the words the page shows.

WeasyPrint 70 writes each font's ToUnicode map from the first place it draws each glyph:
the glyph gets the text of its HarfBuzz cluster (weasyprint/draw/text.py). When a cluster
holds two glyphs, the text goes to one and the other gets nothing, everywhere in the
document. In the Arabic poster, lam-alef (لا) is first drawn in «قبولًا», where lam,
tanwin and alef make one cluster of two glyphs (the tanwin mark, already mapped, and the
lam-alef ligature): lam-alef then maps to nothing, and «لا توجد بيانات» extracts as
«توجد بيانات».

finish_glyph_text (a WeasyPrint finisher, run before the PDF is written) gives each such
glyph its own text, read from the font itself (fontTools): its character in the font's
cmap, else what the font's substitutions (GSUB) make it from (lam + alef → lam-alef,
lam → its initial form…), else its presentation-form character's compatibility
decomposition (NFKC). A glyph that had taken that text with its own (the other glyph of
the cluster) keeps only its own, so that no text is read twice. Maps without a glyph
mapped to nothing are left exactly as WeasyPrint wrote them.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import pydyf

from .pdfua import number

CMAP_ENTRY = re.compile(rb"<([0-9a-f]{4})> <([0-9a-f]*)>")
"""A line of a ToUnicode map as WeasyPrint writes it (bfchar): glyph id, UTF-16BE text."""


def substitutions(font) -> Iterator[tuple[tuple[str, ...], str]]:
    """(glyphs in, glyph out) for each one-glyph result of the font's GSUB lookups:
    single, alternate, ligature and reverse chaining substitutions, in lookup order
    (contextual lookups apply these, so every one is listed). Multiple substitutions (one
    glyph into several) are left out: the text stays with the first glyph they make."""
    if "GSUB" not in font or font["GSUB"].table.LookupList is None:
        return
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            if lookup.LookupType == 7:  # extension: the real subtable inside
                subtable = subtable.ExtSubTable
            kind = subtable.LookupType
            if kind == 1:
                yield from (((a,), b) for a, b in subtable.mapping.items())
            elif kind == 3:
                yield from (((a,), b) for a, bs in subtable.alternates.items() for b in bs)
            elif kind == 4:
                for first, ligatures in subtable.ligatures.items():
                    yield from (((first, *lig.Component), lig.LigGlyph) for lig in ligatures)
            elif kind == 8:
                yield from (((a,), b) for a, b in zip(subtable.Coverage.glyphs,
                                                      subtable.Substitute))


def derive(texts: dict[str, str], rules: list[tuple[tuple[str, ...], str]]) -> None:
    """Give each glyph a rule makes from glyphs with text the text of those glyphs, until
    no rule gives more (a ligature of initial and final forms, made from base letters)."""
    changed = True
    while changed:
        changed = False
        for inputs, output in rules:
            if output not in texts and all(glyph in texts for glyph in inputs):
                texts[output] = "".join(texts[glyph] for glyph in inputs)
                changed = True


def glyph_texts(font) -> dict[str, str]:
    """Glyph name -> the text it shows, from a fontTools TTFont: its cmap character
    (the lowest, when several), else what the substitutions make it from, else the
    compatibility decomposition of its presentation-form character (U+FEFB → لا)."""
    texts: dict[str, str] = {}
    compatibility: dict[str, str] = {}
    for code, glyph in sorted(font.getBestCmap().items()):
        char = chr(code)
        if unicodedata.decomposition(char).startswith("<"):
            compatibility.setdefault(glyph, unicodedata.normalize("NFKC", char))
        else:
            texts.setdefault(glyph, char)
    rules = list(substitutions(font))
    derive(texts, rules)
    for glyph, text in compatibility.items():
        texts.setdefault(glyph, text)
    derive(texts, rules)
    return texts


def completed(mapping: dict[int, str], own_text) -> dict[int, str]:
    """The entries of a glyph id -> text map to change: each glyph mapped to nothing gets
    own_text(glyph id) (None: unknown, left as it is); a glyph whose text is its own text
    and exactly one of those added texts (in any order: a mark inside a ligature's cluster)
    keeps its own only, so that the added text is not read twice."""
    changes = {glyph: own for glyph, text in mapping.items()
               if not text and (own := own_text(glyph))}
    added = [Counter(text) for text in changes.values()]
    for glyph, text in mapping.items():
        own = own_text(glyph) if text else None
        if own and text != own and Counter(text) - Counter(own) in added \
                and not Counter(own) - Counter(text):
            changes[glyph] = own
    return changes


def cmap_entries(stream: pydyf.Stream) -> Iterator[tuple[int, int, str]]:
    """(line index, glyph id, text) of each bfchar line of a ToUnicode map's stream."""
    for index, line in enumerate(stream.stream):
        if isinstance(line, bytes) and (entry := CMAP_ENTRY.fullmatch(line)):
            glyph, text = entry.groups()
            yield index, int(glyph, 16), bytes.fromhex(text.decode()).decode("utf-16-be")


def cmap_entry(glyph: int, text: str) -> bytes:
    """A bfchar line, as weasyprint/pdf/fonts.py writes it."""
    return f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode()


def font_file(font):
    """The font WeasyPrint drew with, whole (its subset in the PDF has no GSUB): a
    fontTools TTFont of its HarfBuzz face (WeasyPrint 70's pdf.fonts.Font)."""
    from fontTools.ttLib import TTFont
    from weasyprint.text.fonts import get_hb_object_data

    return TTFont(io.BytesIO(get_hb_object_data(font.hb_face)), fontNumber=font.index,
                  lazy=True)


def finish_glyph_text(document, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: every glyph a font's ToUnicode map gives no text gets its own
    (completed), in place in the map's stream. It reads WeasyPrint 70's own objects
    (document.fonts, the map's lines as pdf/fonts.py writes them), which an upgrade may
    change: tests/render/test_glyph_text.py then fails."""
    fonts = {font.name: font for font in document.fonts.values() if not font.bitmap}
    for element in pdf.objects:
        if not (isinstance(element, pydyf.Dictionary) and element.get("Subtype") == "/Type0"
                and element.get("BaseFont") in fonts and "ToUnicode" in element):
            continue
        stream = pdf.objects[number(element["ToUnicode"])]
        entries = list(cmap_entries(stream))
        lines = {glyph: index for index, glyph, _ in entries}
        mapping = {glyph: text for _, glyph, text in entries}
        if all(mapping.values()):
            continue
        font = font_file(fonts[element["BaseFont"]])
        texts = glyph_texts(font)
        by_id = {glyph: texts[name] for glyph, name in enumerate(font.getGlyphOrder())
                 if name in texts}
        changes = completed(mapping, by_id.get)
        for glyph, text in changes.items():
            stream.stream[lines[glyph]] = cmap_entry(glyph, text)
