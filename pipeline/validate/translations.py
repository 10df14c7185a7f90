"""Translations of the data: the texts of the inputs in the documents' other languages.

A free text of the inputs (a meeting's title or summary, a secretariat, a chair…)
is shown in the reader's language when a translation is given, in one of two
places, the first winning:

- the spreadsheets' translation columns, ``<column>_<lang>`` (title_fr…);
- the translators' files in ``inputs/translations/``, every one of them
  (translator_files.py reads them): where two translate one text differently, the
  one from the newer kit wins, and the other is reported (translation-replaced).

Each text is a ``String``: its English source and its context (table, column,
record). Its id is a hash of both, so that a translation keeps applying in later
years while the source is unchanged; when the English changes, the translation
no longer applies and is reported as outdated, unless the new English needs no
translation in that language (a chair that is a country, printed by its UN name: each
column says how it is printed untranslated, contract/printing.py, which the documents
read too).

Filling returns new frames (translate): the tables it is given are never written.
What is left in English is counted once (the `untranslated` warning) and listed for the
translation kit (left_in_english) by the same function, apply.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..contract.glyphs import missing_glyphs
from ..contract.grammar import (
    GRAMMATICAL,
    Grammar,
    gender_column,
    grammar_key,
    parse_grammars,
)
from ..contract.printing import needs_translation
from ..contract.schema import (
    MECHANISMS,
    MEETINGS,
    PARTICIPANTS,
    TRANSLATION_LANGUAGES,
    UPDATES,
    Column,
    TableSpec,
)
from ..errors import Problem
from ..languages import SOURCE
from ..read.translator_files import FOLDER, Chosen, Entry, latest, located, replaced, string_id
from ..utils.frames import objects, parse_distinct, rows_by_code
from ..utils.text import clean_text, is_blank
from ..wording import R_, RN_, LanguageName, Text
from .shown import shown_meetings

NAMES = "name_en"
"""The mechanisms' names: left in English, they are reported by name-fallback (one warning
per mechanism), not counted in `untranslated`."""
MAX_GROWTH, MAX_EXTRA = 3, 100
"""A translation may be three times as long as its source, plus 100 characters: longer, it
is not a translation of it (a paragraph pasted on a title's row, a shifted row). Running
text grows by a fifth or so into French, Spanish or Russian (the shipped translations: 1.18
to 1.23 times on average, at most 1.8); short texts full of acronyms grow most, as Arabic
and Russian write the names out ('UNHCR, IOM and OSCE/ODIHR (joint)', 33 characters, is
156 in Arabic; 'ICMPD', 5, is 61 in Russian)."""


@dataclass(frozen=True)
class String:
    """A text of the inputs that the documents show, to be translated."""

    context: str
    """Where it comes from: 'meetings › summary › bali 2025-05-20 «19th Bali Process …»'."""
    source: str
    """The English text, as written."""

    @cached_property
    def id(self) -> str:
        return string_id(self.context, self.source)


@dataclass(frozen=True)
class Applied:
    """What the translators' files give the rows of one table that the documents show."""

    columns: dict[str, pd.Series]
    """Translation column (title_fr) -> the whole column, its blank cells that the files
    translate filled in: new Series, for validate to put in the Tables (the frame given is
    never written). Only the columns of which some cell is filled."""
    problems: list[Problem]
    missing: dict[str, dict[str, tuple[str, String]]]
    """Language built -> id -> (column, String) of each printed text left in English: no
    translation in the spreadsheet nor in the files, and not one the documents print
    otherwise (printing.py: a city the gazetteer names, a State, initials)."""


def context(table: str, column: str, record: str) -> str:
    """Where a text comes from, as translators see it: 'meetings › title › <record>'."""
    return f"{table} › {column} › {record}"


def record_names(spec: TableSpec, rows: pd.DataFrame) -> list[str]:
    """How each row is named in a context: a mechanism by its id; a participant by its name
    (an organisation has one name, whatever it belongs to); a yearly update by its mechanism
    and year; a meeting by its mechanism, date and English title (two meetings of a
    mechanism may share a day)."""
    if spec.name == "mechanisms":
        return [str(key) for key in rows["id"]]
    if spec.name == "participants":
        return [str(name) for name in rows["participant"]]
    if spec.name == "updates":
        return [f"{mechanism} {year}" for mechanism, year in zip(rows["mechanism_id"],
                                                                 rows["year"])]
    return [f"{mechanism} {day:%Y-%m-%d} «{title}»" if day else ""
            for mechanism, day, title in zip(rows["mechanism_id"], rows["start_date"],
                                             rows["title"])]


def source_text(value: object) -> str:
    """A cell as the text to translate: a list's items joined with '; '."""
    return "; ".join(value) if isinstance(value, tuple) else clean_text(value or "")


def strings_of(spec: TableSpec, column: Column, values: pd.Series, records: list[str]
               ) -> tuple[np.ndarray, list[String]]:
    """The texts of a column as Strings: the index of each row's String (-1: a blank text,
    or a row with no name), and the Strings, one for the rows that share it (an
    organisation in many mechanisms)."""
    codes, texts = parse_distinct(values, source_text)
    name = column.name.removesuffix("_en")  # name_en: 'mechanisms › name › …'
    index: dict[tuple[str, int], int] = {}
    strings: list[String] = []
    found = np.full(len(records), -1)
    for position, (record, code) in enumerate(zip(records, codes.tolist())):
        if texts[code] and record:
            if (k := index.get((record, code))) is None:
                k = index[record, code] = len(strings)
                strings.append(String(context(spec.name, name, record), texts[code]))
            found[position] = k
    return found, strings


def needing(column: Column, rows: pd.DataFrame) -> Callable[[str], np.ndarray]:
    """Whether each row's text needs a translation into a language (printing.py): asked
    once per distinct text (with the State its row names, Column.country_from, and the
    language it says the text is written in, Column.language_from)."""
    if not column.printed:
        return lambda lang: np.zeros(len(rows), dtype=bool)
    blank = [None] * len(rows)
    country = rows[column.country_from] if column.country_from else blank
    written_in = rows[column.language_from] if column.language_from else blank
    triples = objects(list(zip(rows[column.name], country, written_in)), rows.index)
    codes, distinct = parse_distinct(triples, lambda triple: triple)
    return lambda lang: np.array([
        needs_translation(column, value, lang, country, written_in or SOURCE)
        for value, country, written_in in distinct], dtype=bool)[codes]


def translated_columns(spec: TableSpec) -> tuple[Column, ...]:
    """The columns whose text is translated (title: title_fr…), in the contract's order."""
    names = dict.fromkeys(c.translates for c in spec.columns if c.translates)
    return tuple(spec.column(name) for name in names)


def translation_column(spec: TableSpec, column: str, lang: str) -> Column:
    """The column that holds a column's translation into a language (title -> title_fr)."""
    return next(c for c in spec.columns if c.translates == column and c.lang == lang)


def blank_cells(values: pd.Series) -> np.ndarray:
    """Whether each cell of a translation column is blank (no translation given)."""
    codes, blank = parse_distinct(values, lambda value: value == () or is_blank(value))
    return np.array(blank, dtype=bool)[codes] if blank else np.zeros(0, dtype=bool)


def too_long(source: str, translation: str) -> bool:
    return len(translation) > MAX_GROWTH * len(source) + MAX_EXTRA


def columns_shown(spec: TableSpec, frame: pd.DataFrame, shown: Callable[[str], pd.Series]
                  ) -> Iterator[tuple[Column, pd.DataFrame, list[str]]]:
    """Each translated column with the rows whose text of it the documents print, and how
    each of those rows is named (record_names): once per set of rows."""
    selected: dict[int, tuple[pd.DataFrame, list[str]]] = {}
    for column in translated_columns(spec):
        mask = shown(column.name)
        if id(mask) not in selected:
            rows = frame.loc[mask.astype(bool)]
            selected[id(mask)] = rows, record_names(spec, rows)
        yield column, *selected[id(mask)]


def apply(spec: TableSpec, frame: pd.DataFrame, shown: Callable[[str], pd.Series],
          chosen: Chosen, langs: tuple[str, ...]) -> Applied:
    """The blank translation cells of the rows shown, filled from the translators' files.

    shown: for a column, a boolean Series, the rows whose text of it the documents print.
    The spreadsheet's own translation wins; a text printed in a language without one
    (printing.needs_translation) needs none. Returns the filled columns, the problems (an
    outdated, replaced or overlong translation, characters no font draws) and, per language
    built, the printed texts left in English.
    """
    problems: list[Problem] = []
    missing: dict[str, dict[str, tuple[str, String]]] = {
        lang: {} for lang in langs if lang != "en"}
    filled: dict[str, dict[object, object]] = {}
    for column, rows, records in columns_shown(spec, frame, shown):
        codes, strings = strings_of(spec, column, rows[column.name], records)
        sharing = rows_by_code(codes + 1)[1:]  # the positions of the rows of each String
        needs = needing(column, rows)
        ids = [string.id for string in strings]
        for lang in TRANSLATION_LANGUAGES:
            target = translation_column(spec, column.name, lang)
            # The spreadsheet's own translation wins: only its blank cells are filled.
            untranslated = blank_cells(rows[target.name]) & (codes >= 0)
            in_english = np.bincount(codes[untranslated & needs(lang)],
                                     minlength=len(strings)).astype(bool).tolist()
            for k in np.flatnonzero(np.bincount(codes[untranslated],
                                                minlength=len(strings))).tolist():
                entry = chosen.by_id.get((lang, ids[k]))
                if entry is not None:
                    value, found = translation(entry, strings[k], target,
                                               chosen.replaced.get((lang, ids[k]), ()))
                    problems += found
                    if value is not None:
                        positions = sharing[k][untranslated[sharing[k]]]
                        filled.setdefault(target.name, {}).update(
                            dict.fromkeys(rows.index[positions], value))
                        grammar, found = grammar_of(chosen.gendered.get((lang, ids[k])),
                                                    column, value)
                        problems += found
                        if grammar is not None:
                            filled.setdefault(gender_column(column.name, lang), {}).update(
                                dict.fromkeys(rows.index[positions], grammar))
                elif in_english[k]:  # printed in English until translated
                    string = strings[k]
                    stale = chosen.by_context.get((lang, string.context))
                    if stale is not None and stale.source != string.source:
                        problems.append(outdated(stale, string, target.name, lang))
                    if lang in missing:
                        missing[lang].setdefault(ids[k], (column.name, string))
    return Applied({name: filled_column(frame[name] if name in frame else
                                        pd.Series(None, index=frame.index, dtype=object), cells)
                    for name, cells in filled.items()}, problems, missing)


def grammar_of(entry: Entry | None, column: Column, value: object
               ) -> tuple[tuple[Grammar, ...] | None, list[Problem]]:
    """The grammar a translator gives a title or documents' translation (one per document),
    for the sentence that names them (contract/grammar.py); None where none is given, or
    one that cannot be read (reported: the sentence then needs none)."""
    if entry is None or column.name not in GRAMMATICAL:
        return None, []
    grammars = parse_grammars(entry.gender)
    items = len(value) if isinstance(value, tuple) else 1
    if grammars is not None and len(grammars) == items:
        return grammars, []
    return None, [Problem(entry.file, entry.sheet, entry.row, entry.gender_column,
                          "unknown-value", "warning", entry.gender[:80],
                          R_("is not the gender of the translation: write m, f or n (pl "
                             "added for a plural)") if items == 1 else
                          R_("is not the gender of each of the {n} documents: write m, f or n "
                             "for each (pl added for a plural), separated by ;", n=items),
                          R_("Or leave it blank: the sentence then names it in a way that "
                             "needs no gender."))]


def translation(entry: Entry, string: String, target: Column, older: tuple[Entry, ...]
                ) -> tuple[object | None, list[Problem]]:
    """A translator's translation of a text, read as its column reads a cell (None: refused,
    as too long to be one), and the problems it raises (older: the translations of the text
    it replaces)."""
    problems = [replaced(entry_before, entry) for entry_before in older]
    if too_long(entry.source or string.source, entry.text):
        return None, problems + [located(
            entry, "translation-too-long",
            R_("is {length} characters long, for a source of {source}: not a translation of "
               "it", length=len(entry.text), source=len(entry.source or string.source)),
            R_("Check that the translation is on the row of its source."), "error")]
    if glyphs := missing_glyphs(entry.text):
        problems.append(located(entry, "missing-glyph",
                                R_("holds characters that no font of the bulletin can draw "
                                   "({characters})", characters=" ".join(glyphs)),
                                R_("Replace or remove them.")))
    return target.kind.parse(entry.text, target, None), problems


def filled_column(column: pd.Series, cells: dict[object, object]) -> pd.Series:
    """A copy of a column with some cells replaced (by row label)."""
    values = column.tolist()
    for position, value in zip(column.index.get_indexer(list(cells)), cells.values()):
        values[position] = value
    filled = np.empty(len(values), dtype=object)
    for position, value in enumerate(values):
        filled[position] = value  # one by one: a tuple is a cell's value, not a row
    return pd.Series(filled, index=column.index, name=column.name, dtype=object)


def outdated(entry: Entry, string: String, column: str, lang: str) -> Problem:
    return located(entry, "translation-outdated",
                   R_("translates '{old}', but the English is now '{new}': the English is "
                      "shown until it is translated again", old=entry.source[:80],
                      new=string.source[:80]),
                   R_("Run make translation-kit LANGS={lang} and have the new English "
                      "translated; put the returned file in inputs/translations/ as it is "
                      "named, beside this one (or write the translation in the {column} "
                      "column).", lang=lang, column=column))


def of_rows(spec: TableSpec, frame: pd.DataFrame) -> list[dict[str, dict[str, object]]]:
    """For each row: column -> language -> translation, for the translations it has (names
    apart: the mechanisms' names are kept in Mechanism.names). Column by column, so that
    the rows with none (most of them) cost nothing."""
    found: list[dict[str, dict[str, object]]] = [{} for _ in range(len(frame))]
    for column in TRANSLATION_COLUMNS[spec.name]:
        values = frame[column.name]
        for position in np.flatnonzero(~blank_cells(values)).tolist():
            found[position].setdefault(column.translates, {})[column.lang] = values.iat[position]
        name = gender_column(column.translates, column.lang)
        if name in frame:  # the grammar of the translations, where the translators gave it
            for position in np.flatnonzero(frame[name].notna().to_numpy()).tolist():
                found[position].setdefault(grammar_key(column.translates), {})[
                    column.lang] = frame[name].iat[position]
    return found


TRANSLATION_COLUMNS = {spec.name: tuple(c for c in spec.columns if c.is_translation)
                       for spec in (MECHANISMS, PARTICIPANTS, MEETINGS, UPDATES)}


AS_WRITTEN = R_("texts shown as written, in another language, in the {language} documents "
                "(kept so by a translator, or published in that language)")
"""The label of the count, per language, of what printed_as_written finds (Report.counts)."""


def translate(mechanisms: pd.DataFrame, participants: pd.DataFrame, meetings: pd.DataFrame,
              entries: list[Entry], year: int, langs: tuple[str, ...],
              themes: Mapping[str, int] | None = None, updates: pd.DataFrame | None = None
              ) -> tuple[tuple[pd.DataFrame, ...], list[Problem],
                         tuple[tuple[str, int, str], ...]]:
    """The tables with the translators' translations in the blank translation cells of what
    the documents show (every mechanism and participant, the meetings shown.py says the
    edition prints, the year's yearly updates): new frames, those given are left as they
    are; the updates' after the three others when they are given. The problems, with one
    warning per language built for what stays in English, themes shown without a label
    included. And the report's counts (Report.counts: label, number, language) of the texts
    each language's documents show as written, for a reason the inputs give."""
    problems: list[Problem] = []
    missing = {lang: +Counter(themes=(themes or {}).get(lang, 0)) for lang in langs
               if lang != "en"}
    as_written: dict[str, set[str]] = {lang: set() for lang in missing}
    chosen = latest(entries)
    frames = []
    for spec, frame, shown in shown_rows(mechanisms, participants, meetings, year, updates):
        applied = apply(spec, frame, shown, chosen, langs)
        problems += applied.problems
        for lang, strings in applied.missing.items():
            missing[lang].update(column for column, _ in strings.values() if column != NAMES)
        frames.append(frame.assign(**applied.columns) if applied.columns else frame)
        for lang, ids in printed_as_written(spec, frames[-1], shown, tuple(missing)).items():
            as_written[lang] |= ids
    counts = tuple((AS_WRITTEN.template, len(ids), lang) for lang, ids in as_written.items()
                   if ids)
    return tuple(frames), problems + [
        untranslated(lang, counts, year) for lang, counts in missing.items() if counts], counts


def printed_as_written(spec: TableSpec, frame: pd.DataFrame,
                       shown: Callable[[str], pd.Series], langs: tuple[str, ...]
                       ) -> dict[str, set[str]]:
    """Language -> the ids of the texts of the (translated) table that its documents show as
    written, in another language than theirs, for a reason the inputs give: the translation
    given is the text itself (a document published in English only, kept so by its
    translator), or the row says the text is written in another language (a title published
    in Spanish) and no other translation is given. A text the language writes the same way
    (a region's name, 'Europe' in French: printing.py) is not counted; nor are the
    mechanisms' names, which name-fallback reports."""
    found: dict[str, set[str]] = {lang: set() for lang in langs}
    for column, rows, records in columns_shown(spec, frame, shown):
        if column.name == NAMES:
            continue
        codes, strings = strings_of(spec, column, rows[column.name], records)
        needs = needing(column, rows)
        written = (rows[column.language_from].to_numpy(dtype=object) if column.language_from
                   else np.full(len(rows), "", dtype=object))
        for lang in langs:
            target = rows[translation_column(spec, column.name, lang).name]
            itself = (target == rows[column.name]).to_numpy(dtype=bool)
            elsewhere = ~np.isin(written, ("", SOURCE, lang))
            shown_as_written = (itself & needs(lang)) | (elsewhere & (itself | blank_cells(target)))
            found[lang].update(strings[k].id for k in
                               set(codes[shown_as_written & (codes >= 0)].tolist()))
    return found


def left_in_english(mechanisms: pd.DataFrame, participants: pd.DataFrame,
                    meetings: pd.DataFrame, year: int, lang: str,
                    updates: pd.DataFrame | None = None) -> list[String]:
    """The texts the year's documents print in English in lang, for want of a translation
    (the translation kit: what translators are asked for), by context: those of the
    meetings of the earlier years the profiles list too."""
    found: dict[str, String] = {}
    for spec, frame, shown in shown_rows(mechanisms, participants, meetings, year, updates):
        applied = apply(spec, frame, shown, latest([]), (lang,))
        found.update((key, string) for key, (_, string) in applied.missing[lang].items())
    return sorted(found.values(), key=lambda s: (s.context, s.source))


def shown_rows(mechanisms, participants, meetings, year: int, updates=None):
    """(spec, frame, the rows whose text of a column the documents print) for each table that
    has translations: every mechanism and participant; the meetings of the year, and the
    titles, places and outcome documents of those of the years before it that the profiles
    list (shown.py); the yearly updates of the year, when they are given."""
    def every(rows: pd.Series) -> Callable[[str], pd.Series]:
        return lambda column: rows

    shown = [(MECHANISMS, mechanisms, every(pd.Series(True, index=mechanisms.index, dtype=bool))),
             (PARTICIPANTS, participants,
              every(pd.Series(True, index=participants.index, dtype=bool))),
             (MEETINGS, meetings, shown_meetings(meetings, mechanisms, year))]
    if updates is not None:
        shown.append((UPDATES, updates, every((updates["year"] == year).astype(bool))))
    return tuple(shown)


def untranslated(lang: str, counts, year: int) -> Problem:
    language = LanguageName(lang)
    detail = ", ".join(f"{k} {column}" for column, k in sorted(counts.items()))
    return Problem(FOLDER, code="untranslated", severity="warning",
                   message=RN_("{n} text shown in the {language} documents has no {language} "
                               "translation ({detail}); the English is shown, marked as English",
                               "{n} texts shown in the {language} documents have no {language} "
                               "translation ({detail}); the English is shown, marked as English",
                               sum(counts.values()), language=language, detail=detail),
                   hint=untranslated_hint(lang, language, set(counts), year))


def untranslated_hint(lang: str, language: LanguageName, columns: set[str], year: int) -> Text:
    """What to do: the kit for the texts; for the themes, which it does not carry, a sheet."""
    kit = R_("Run make translation-kit LANGS={lang}, have "
             "outputs/translation-kit/strings-{year}-{lang}-<date>.xlsx (or .xlf) "
             "translated, and put the returned file in inputs/translations/ as it "
             "is named: every file there is read. Or fill the <column>_{lang} "
             "columns.", lang=lang, year=year)
    labels = R_("Give each theme its {language} label in a themes sheet (column label_{lang}; "
                "see docs/inputs.md).", language=language, lang=lang)
    return (kit if "themes" not in columns else labels if columns == {"themes"}
            else R_("{kit} {labels}", kit=kit, labels=labels))
