"""The translators' files of inputs/translations/: their language, their kit's date, the
translations they hold, and which one is used when several translate a text.

Every file there is read, in subfolders too, whatever its name: a file never replaces
another. Where two files translate one text differently, the one from the newer kit wins
(latest), and the other is reported (translation-replaced). A file is either

- a spreadsheet, with a sheet whose headers name id, context, source and translation
  (schema.TRANSLATOR_SHEET: English, French or Spanish headers, found and checked as the
  input tables' are); or
- XLIFF 2, as make translation-kit writes it and CAT tools return it.

Its language is XLIFF's ``trgLang``; else a language code written as a word of its name
(``strings-2025-fr-2026-12-07.xlsx``, ``bali_es.xlf``, ``strings-fr (revised).xlsx``);
else, for a spreadsheet, the language the kit stamped in it. When it was made: the time
the kit stamped in it (a custom document property of the workbook, which Excel and
LibreOffice keep; a note of the XLIFF file, a core element CAT tools keep), else the date
in its name, else it is undated and older than any dated file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import defusedxml.ElementTree as SafeET

from ..contract.schema import TRANSLATION_LANGUAGES, TRANSLATOR_SHEET
from ..errors import Problem
from ..utils.text import clean_text, is_blank
from ..wording import R_, LanguageName, Text
from .headers import find_header_row, header_map, name_columns
from .readers import Grid
from .sheets import locate

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
KIT_MADE = "iscm-kit-made"
"""The name of the kit's stamp: a custom property of its workbook, the category of a note
of its XLIFF file. Its value: when the kit was made, ISO 8601 with the UTC offset."""
KIT_LANGUAGE = "iscm-kit-language"
"""The workbook's language, stamped beside the date (for a file renamed without it)."""
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
WORDS = re.compile(r"[^0-9a-z]+")
CUSTOM_PROPERTIES = "docProps/custom.xml"

FOLDER = "translations"
"""The folder of inputs/ that holds translators' files."""


@dataclass(frozen=True)
class Entry:
    """A translation read from a translator's file."""

    lang: str
    id: str
    context: str
    source: str
    """The English it translates, as its row (or XLIFF unit) gives it."""
    text: str
    file: str
    """Its file, under inputs/translations/ (2025/strings-2025-fr-2026-12-07.xlsx)."""
    sheet: str = ""
    row: int = 0
    column: str = "translation"
    """Where a problem with it is located: the translation header as written, or the
    XLIFF unit's id."""
    made: dt.datetime | None = None
    """When the kit it was translated from was made; None: not known (oldest)."""
    gender: str = ""
    """The grammar of a title or document's translation, as written in its `gender` column
    (contract/grammar.py); '' when not given."""
    gender_column: str = "gender"
    """That column's header as written, where a problem with it is located."""

    @property
    def rank(self) -> tuple:
        """Newer kits last; then by file name (without its suffix: 'strings-fr revised'
        after 'strings-fr') and row, so that the choice never depends on the order the
        files were read in."""
        return (self.made is not None, self.made or dt.datetime.min.replace(tzinfo=dt.UTC),
                self.file.rpartition(".")[0], self.file, self.row)


def string_id(context: str, source: str) -> str:
    """A short stable id from the source and its context."""
    return hashlib.sha256(f"{context}\0{source}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Chosen:
    """The translators' files' translations, one per language and text: the newest."""

    by_id: dict[tuple[str, str], Entry]
    by_context: dict[tuple[str, str], Entry]
    """(language, context) -> the newest translation of a text in that context, whatever its
    English: the one that is outdated when the English changed."""
    replaced: dict[tuple[str, str], tuple[Entry, ...]]
    """(language, id) -> the older translations of the text that differ from the one used."""
    gendered: dict[tuple[str, str], Entry] = field(default_factory=dict)
    """(language, id) -> the newest translation that gives the grammar (gender) of the text
    used: the one used, or an older file's identical one (a later round that copied the
    translation without its gender does not lose it)."""


def latest(entries: list[Entry]) -> Chosen:
    """For each text, the translation from the newest kit (Entry.rank): files accumulate,
    and a round of translation never undoes a later one."""
    by_id: dict[tuple[str, str], Entry] = {}
    by_context: dict[tuple[str, str], Entry] = {}
    every: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.rank):
        by_id[entry.lang, entry.id] = by_context[entry.lang, entry.context] = entry
        every[entry.lang, entry.id].append(entry)
    replaced = {key: tuple(e for e in found if e.text != by_id[key].text)
                for key, found in every.items()}
    gendered = {key: same[-1] for key, found in every.items()
                if (same := [e for e in found if e.gender and e.text == by_id[key].text])}
    return Chosen(by_id, by_context, {key: found for key, found in replaced.items() if found},
                  gendered)


def located(entry: Entry, code: str, message: Text, hint: Text, severity: str = "warning"
            ) -> Problem:
    """A problem with a translation, where the translator will find it."""
    return Problem(entry.file, entry.sheet, entry.row, entry.column, code, severity,
                   entry.text[:80], message, hint)


def replaced(older: Entry, used: Entry) -> Problem:
    """An older translation of a text that a newer file translates otherwise."""
    dates = [made.strftime("%Y-%m-%d") if made else "" for made in (used.made, older.made)]
    if dates[0] == dates[1] and used.made and older.made:  # the same day: the time says
        dates = [made.strftime("%Y-%m-%d %H:%M") for made in (used.made, older.made)]
    where = (R_("{file} › {sheet} › row {row}", file=used.file, sheet=used.sheet, row=used.row)
             if used.row else R_("{file} › unit {unit}", file=used.file, unit=used.id))
    message = (R_("is not used: {where} translates the same text as '{text}', from a newer "
                  "kit (made {made}; this one: {older})", where=where, text=used.text[:80],
                  made=dates[0], older=dates[1] or R_("undated"))
               if used.rank[:2] > older.rank[:2] else
               R_("is not used: {where} translates the same text as '{text}', and neither "
                  "is from a newer kit, so the later by file name and row is used",
                  where=where, text=used.text[:80]))
    return located(older, "translation-replaced", message,
                   R_("Keep one of the two: delete this translation if the other is right, "
                      "or the other one if this is."))


def language_of(path: Path) -> str | None:
    """The language a file's name says, as a word of it: strings-2025-fr-2026-12-07.xlsx ->
    fr; None when it names none, or more than one."""
    named = {word for word in WORDS.split(path.stem.lower()) if word in TRANSLATION_LANGUAGES}
    return named.pop() if len(named) == 1 else None


def made_in_name(path: Path) -> dt.datetime | None:
    """The date in a file's name (the kit writes it there), as midnight UTC."""
    found = DATE_IN_NAME.search(path.stem)
    try:
        day = dt.date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None
    return dt.datetime.combine(day, dt.time(), dt.UTC) if day else None


def parse_made(stamp: str) -> dt.datetime | None:
    """A kit's stamp as a time (UTC when it names no offset); None when it is not one."""
    try:
        made = dt.datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    return made if made.tzinfo else made.replace(tzinfo=dt.UTC)


def custom_properties(path: Path) -> dict[str, str]:
    """A workbook's custom document properties (File › Properties › Custom), name -> text;
    none when it has none or they cannot be read (the stamp is only a help)."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = SafeET.fromstring(archive.read(CUSTOM_PROPERTIES))
    except (KeyError, OSError, zipfile.BadZipFile, SafeET.ParseError, ValueError):
        return {}
    return {prop.get("name", ""): "".join(prop.itertext()).strip() for prop in root}


def sheet_stamp(path: Path) -> tuple[str | None, dt.datetime | None]:
    """A translator's workbook's language (its name's, else the kit's stamp) and the time
    its kit was made (the stamp, else the name's date)."""
    stamped = custom_properties(path)
    lang = language_of(path) or (stamped.get(KIT_LANGUAGE) if stamped.get(KIT_LANGUAGE)
                                 in TRANSLATION_LANGUAGES else None)
    return lang, parse_made(stamped.get(KIT_MADE, "")) or made_in_name(path)


def read_sheet(name: str, grid: Grid, lang: str, made: dt.datetime | None
               ) -> tuple[list[Entry], list[Problem]] | None:
    """The translated rows of a sheet whose header row names the kit's columns (None when
    it has none): headers misspelt or missing reported as in the input tables."""
    header_row, _ = find_header_row(grid.cells, header_map(TRANSLATOR_SHEET))
    if header_row is None:
        return None
    located = partial(locate, name, grid.sheet)
    headers, positions, problems, _ = name_columns(
        TRANSLATOR_SHEET, grid.cells.iloc[header_row], located, header_row + 1)
    if "translation" not in positions:
        return [], problems
    body = grid.cells.iloc[header_row + 1:, list(positions.values())]
    body.columns = list(positions)
    entries = []
    for index, cells in zip(body.index, body.to_dict("records")):
        if is_blank(cells["translation"]):
            continue
        row, text = index + 1, clean_text(cells["translation"])
        context, source = (clean_text(cells.get(c, "")) for c in ("context", "source"))
        id_ = clean_text(cells.get("id", "")) or (string_id(context, source)
                                                  if context and source else "")
        if id_:
            entries.append(Entry(lang, id_, context, source, text, name, grid.sheet, row,
                                 headers["translation"], made,
                                 "" if is_blank(cells.get("gender")) else
                                 clean_text(cells["gender"]),
                                 headers.get("gender", "gender")))
        else:
            problems.append(without_id(located, row, headers.get("id", "id"), text))
    return entries, problems


def without_id(located, row: int, column: str, text: str) -> Problem:
    return located(row, column, "translation-without-id",
                   R_("this translation has no id, nor the context and source its id is "
                      "made from, so it is not used"),
                   R_("Copy the row's id (or its context and source) back from the file "
                      "make translation-kit wrote."), text[:80], "warning")


def read_xliff(path: Path, name: str) -> tuple[list[Entry], list[Problem]]:
    """The units of an XLIFF 2 file that have a target (defusedxml: no entities, no DTD)."""
    try:
        root = SafeET.fromstring(path.read_bytes())
    except (SafeET.ParseError, ValueError) as error:  # ValueError: a DTD, refused
        return [], [Problem(name, code="damaged-file",
                            message=R_("could not be read as XLIFF: {error}", error=str(error)),
                            hint=R_("Export it again from the translation tool as XLIFF 2."))]
    lang, problems = xliff_language(root.get("trgLang") or "", path, name)
    if lang is None:
        return [], problems
    stamps = [note.text or "" for note in root.iterfind(f"{{{XLIFF}}}file/{{{XLIFF}}}notes/"
                                                         f"{{{XLIFF}}}note")
              if note.get("category") == KIT_MADE]
    made = (parse_made(stamps[0]) if stamps else None) or made_in_name(path)
    entries = []
    for unit in root.iter(f"{{{XLIFF}}}unit"):
        source = " ".join(clean_text("".join(s.itertext()))
                          for s in unit.iter(f"{{{XLIFF}}}source"))
        text = " ".join(clean_text("".join(t.itertext())) for t in unit.iter(f"{{{XLIFF}}}target"))
        if not text.strip():
            continue
        notes = [n.text or "" for n in unit.iter(f"{{{XLIFF}}}note")
                 if n.get("category") == "context"]
        context = clean_text(notes[0]) if notes else ""
        id_ = unit.get("id") or (string_id(context, source) if context and source else "")
        if id_:
            entries.append(Entry(lang, id_, context, source, clean_text(text), name,
                                 column=id_, made=made))
        else:
            problems.append(without_id(partial(locate, name, ""), 0, "id", text))
    return entries, problems


def xliff_language(written: str, path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """An XLIFF file's language: its trgLang, which must agree with its name's."""
    lang, named = written.split("-")[0].lower(), language_of(path)
    if written and named and lang != named:
        return None, [Problem(name, column="trgLang", code="language-mismatch", value=written,
                              message=R_("the file's trgLang attribute says its translations "
                                         "are in {lang}, but its name says {named} "
                                         "({language})", lang=lang, named=named,
                                         language=LanguageName(named)),
                              hint=R_("If they are in {language}, set the file's target "
                                      "language (trgLang) to {named} in the translation tool; "
                                      "otherwise rename the file after its language.",
                                      named=named, language=LanguageName(named)))]
    if written and lang not in TRANSLATION_LANGUAGES:
        return None, [Problem(name, column="trgLang", code="unknown-value", value=written,
                              message=R_("is not a language the documents are translated "
                                         "into (fr, es, ru or ar)"),
                              hint=R_("Export the file again with the language of its "
                                      "translations as its target language."))]
    if not (lang or named):
        return None, [no_language(name)]
    return lang or named, []


def no_language(name: str) -> Problem:
    return Problem(name, code="unknown-value",
                   message=R_("does not say which language it is in"),
                   hint=R_("Keep its language in its name, as make translation-kit writes "
                           "it: strings-2025-fr-2026-12-07.xlsx, bali-es.xlf (one of fr, es, "
                           "ru or ar)."))
