"""The translation kit: what a language still lacks, for translators and their CAT tools.

`make translation-kit` (`iscm translation-kit --lang fr`) writes, for each language,
every text the year's documents show that has no translation in it yet, with its
context, to ``outputs/translation-kit/strings-<lang>.xlsx`` (sheet ``strings``: id,
context, source, translation) and ``strings-<lang>.xlf`` (XLIFF 2.1, for memoQ,
Trados or OmegaT). Translated, either file goes back into ``inputs/translations/``:
the next build reads it (translations.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import translations, write
from .model import Tables
from .schema import TRANSLATION_LANGUAGES
from .translations import String

FOLDER = "translation-kit"
HEADERS = ["id", "context", "source", "translation"]
WIDTHS = [18, 60, 80, 80]
EPOCH = dt.date(2000, 1, 1)
"""The kit's files carry no date of their own: the same inputs give the same bytes."""


def missing_strings(tables: Tables, year: int, lang: str) -> list[String]:
    """The texts the documents print for the year that have no translation into lang (a
    city the gazetteer knows and a chair that is a country need none), by context."""
    found: dict[str, String] = {}
    for spec, frame, shown in translations.shown_rows(tables.mechanisms, tables.participants,
                                                      tables.meetings, year):
        for _, row in frame[shown.astype(bool)].iterrows():
            record = row.to_dict()
            for column, string in translations.strings_of(spec, record):
                if column != "name_en" and not translations.needs_translation(
                        spec, column, string.source):
                    continue  # initials, or a text no document prints
                target = translations.translation_column(spec, column, lang)
                blank = not record[target.name]
                if blank and not translations.printed_as_is(column, row, lang):
                    found.setdefault(string.id, string)
    return sorted(found.values(), key=lambda s: (s.context, s.source))


def write_kit(tables: Tables, year: int, langs: tuple[str, ...], outputs_dir: Path
              ) -> list[Path]:
    """The kit's files for each language asked for (English needs none)."""
    folder = outputs_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in (x for x in langs if x in TRANSLATION_LANGUAGES):
        strings = missing_strings(tables, year, lang)
        sheet = ("strings", HEADERS, [[s.id, s.context, s.source, ""] for s in strings], WIDTHS)
        xlsx = write.atomically(folder / f"strings-{lang}.xlsx", write.write_xlsx,
                                sheet=sheet, edition=EPOCH)
        xliff = write.atomically(folder / f"strings-{lang}.xlf", write.write_bytes,
                                 data=xliff_bytes(strings, lang))
        written += [xlsx, xliff]
    return written


def xliff_bytes(strings: list[String], lang: str) -> bytes:
    """An XLIFF 2.1 file of the strings, written with translate-toolkit: one unit per
    string, its context as a note of the unit, no target yet."""
    from lxml import etree
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File(sourcelanguage="en", targetlanguage=lang)
    for string in strings:
        unit = store.addsourceunit(string.source)
        unit.setid(string.id)
    root = store.document.getroot()
    root.set("version", "2.1")  # 2.1 adds modules to 2.0, in the same namespace
    namespace = root.nsmap[None]
    # The context goes in the unit's notes, before its segment, as XLIFF 2 wants them.
    contexts = {s.id: s.context for s in strings}
    for unit in root.iter(f"{{{namespace}}}unit"):
        notes = etree.Element(f"{{{namespace}}}notes")
        note = etree.SubElement(notes, f"{{{namespace}}}note", category="context")
        note.text = contexts[unit.get("id")]
        unit.insert(0, notes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
