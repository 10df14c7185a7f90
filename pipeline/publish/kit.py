"""The translation kit: what a language still lacks, for translators and their CAT tools.

`make translation-kit` (`iscm translation-kit --lang fr`) writes, for each language,
every text the year's documents show that has no translation in it yet, with its
context, to ``outputs/translation-kit/strings-<year>-<lang>-<date>.xlsx`` (sheet
``strings``: id, context, source, translation, gender) and ``.xlf`` (XLIFF 2.1, for memoQ,
Trados or OmegaT). Translated, either file goes back into ``inputs/translations/`` as it
is named, beside the earlier ones: the next build reads them all (translator_files.py).

Each file carries the time the kit was made, in its name (the date) and inside it (a
custom document property of the workbook, a note of the XLIFF file: translator_files.
KIT_MADE), so that where two rounds translate one text, the newer wins. The time is the
clock's, or SOURCE_DATE_EPOCH's when it is set (reproducible kits). A kit file that holds
translations, or is open in Excel or LibreOffice, is never overwritten: a second kit of
the same day goes beside it (…-2.xlsx).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..contract.schema import TRANSLATION_LANGUAGES
from ..model import Tables
from ..read import ingest, translator_files
from ..render import xlsx
from ..validate import translations
from ..validate.translations import String
from . import write

FOLDER = "translation-kit"
HEADERS = ["id", "context", "source", "translation", "gender"]
"""gender: for a meeting's title or a document's name, the gender of the translation's head
noun (contract/grammar.py), which the sentence that names it agrees with."""
WIDTHS = [18, 60, 80, 80, 10]
SUFFIXES = (".xlsx", ".xlf")


@dataclass(frozen=True)
class KitFiles:
    """What one run of the kit wrote, and the files of the same name it kept."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...]
    """Kit files that hold a translator's work: the new kit went beside them."""


def made_now() -> dt.datetime:
    """When the kit is made: SOURCE_DATE_EPOCH (UTC) when set, so that a kit can be made
    again byte for byte; else the clock, in the local time zone."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def missing_strings(tables: Tables, year: int, lang: str) -> list[String]:
    """The texts the documents print for the year that have no translation into lang (a
    city the gazetteer knows and a chair that is a country need none), by context: what
    the `untranslated` warning counts."""
    return translations.left_in_english(tables.mechanisms, tables.participants,
                                        tables.meetings, year, lang, tables.updates)


def write_kit(tables: Tables, year: int, langs: tuple[str, ...], outputs_dir: Path,
              made: dt.datetime, returned: frozenset[str] = frozenset()) -> KitFiles:
    """The kit's files for each language asked for (English needs none), made at `made`.
    returned: the names (without suffix) of the translators' files already in
    inputs/translations/: a kit is never named like one, so that its return, put there as
    it is named, cannot replace an earlier return (a second round the same day)."""
    folder = outputs_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    kept: list[Path] = []
    stamp = made.isoformat()
    for lang in (x for x in langs if x in TRANSLATION_LANGUAGES):
        strings = missing_strings(tables, year, lang)
        stem, busy = free_stem(folder, f"strings-{year}-{lang}-{made:%Y-%m-%d}", returned)
        kept += busy
        sheet = ("strings", HEADERS, [[s.id, s.context, s.source, "", ""] for s in strings], WIDTHS)
        written.append(write.atomically(
            folder / f"{stem}.xlsx", xlsx.write_xlsx, sheet=sheet, edition=made.date(),
            properties={translator_files.KIT_MADE: stamp, translator_files.KIT_LANGUAGE: lang}))
        written.append(write.atomically(folder / f"{stem}.xlf", write.write_bytes,
                                        data=xliff_bytes(strings, lang, stamp)))
    return KitFiles(tuple(written), tuple(kept))


def free_stem(folder: Path, stem: str, returned: frozenset[str] = frozenset()
              ) -> tuple[str, list[Path]]:
    """The first name, from stem, then stem-2, stem-3…, none of whose files holds a
    translator's work and that no returned file already has; and the kit files that held
    work."""
    busy: list[Path] = []
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        found = [folder / f"{name}{suffix}" for suffix in SUFFIXES
                 if holds_work(folder / f"{name}{suffix}")]
        if not found and name not in returned:
            return name, busy
        busy += found
    raise OSError(f"{folder}: a thousand kits of the same day hold translations")


def holds_work(path: Path) -> bool:
    """Whether a kit file may hold a translator's work: translations in it, open in Excel or
    LibreOffice (their lock file beside it), or unreadable (kept rather than guessed at)."""
    locks = (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#")
    if any(path.with_name(lock).exists() for lock in locks):
        return True
    if not path.exists():
        return False
    if path.suffix == ".xlsx":
        entries, problems = ingest.read_translation_sheet(path, path.name)
    else:
        entries, problems = translator_files.read_xliff(path, path.name)
    return bool(entries) or any(p.severity == "error" for p in problems)


def xliff_bytes(strings: list[String], lang: str, made: str) -> bytes:
    """An XLIFF 2.1 file of the strings, written with translate-toolkit: the kit's time as a
    note of the file; one unit per string, its context as a note of the unit, no target."""
    from lxml import etree
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File(sourcelanguage="en", targetlanguage=lang)
    for string in strings:
        unit = store.addsourceunit(string.source)
        unit.setid(string.id)
    root = store.document.getroot()
    root.set("version", "2.1")  # 2.1 adds modules to 2.0, in the same namespace
    namespace = root.nsmap[None]

    def notes(category: str, text: str):
        """<notes><note category=…>text</note></notes>, which XLIFF 2 puts before the
        units of a file and before the segments of a unit."""
        element = etree.Element(f"{{{namespace}}}notes")
        etree.SubElement(element, f"{{{namespace}}}note", category=category).text = text
        return element

    for file in root.iter(f"{{{namespace}}}file"):
        file.insert(0, notes(translator_files.KIT_MADE, made))
    contexts = {s.id: s.context for s in strings}
    for unit in root.iter(f"{{{namespace}}}unit"):
        unit.insert(0, notes("context", contexts[unit.get("id")]))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
