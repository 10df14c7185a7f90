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
translation in that language (a chair that is a country, printed by its UN name).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..contract.glyphs import missing_glyphs
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, TRANSLATION_LANGUAGES, TableSpec
from ..errors import Problem
from ..read.translator_files import FOLDER, Chosen, Entry, latest, located, replaced, string_id
from ..utils.text import INITIALS, clean_text, is_blank
from ..wording import R_, RN_, LanguageName, Text
from ..world import places, regions
from ..world.countries import exact_iso3

PRINTED = {"mechanisms": frozenset({"status_detail", "secretariat", "chair", "acronym",
                                    "region"}),
           "participants": frozenset({"participant"}),
           "meetings": frozenset({"title", "summary", "outcome_document", "city"})}
"""The translatable columns the documents print: a text of these left in English is
counted in the `untranslated` warning (names have their own, name-fallback)."""
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

    @property
    def id(self) -> str:
        return string_id(self.context, self.source)


def context(table: str, column: str, record: str) -> str:
    return f"{table} › {column} › {record}"


def record_of(spec: TableSpec, row: dict) -> str:
    """How a row is named in a context: a mechanism by its id; a meeting by its mechanism,
    date and English title (two meetings of a mechanism may share a day)."""
    if spec.name == "mechanisms":
        return str(row["id"])
    if spec.name == "participants":  # an organisation has one name, whatever it belongs to
        return str(row["participant"])
    day = row["start_date"]
    return f"{row['mechanism_id']} {day:%Y-%m-%d} «{row['title']}»" if day else ""


def strings_of(spec: TableSpec, row: dict) -> Iterator[tuple[str, String]]:
    """(translated column, the String of its source) for each source text of a row."""
    record = record_of(spec, row)
    for column in dict.fromkeys(c.translates for c in spec.columns if c.translates):
        source = row[column]
        text = "; ".join(source) if isinstance(source, tuple) else clean_text(source or "")
        if text and record:
            yield column, String(f"{spec.name} › {column.removesuffix('_en')} › {record}", text)


def needs_translation(spec: TableSpec, column: str, source: str) -> bool:
    """Whether a text the documents print is English to translate: a name, or a text of a
    printed column, but not an acronym's initials."""
    if column == "acronym":
        return not INITIALS.fullmatch(source)
    return column == "name_en" or column in PRINTED[spec.name]


def too_long(source: str, translation: str) -> bool:
    return len(translation) > MAX_GROWTH * len(source) + MAX_EXTRA


def translation_column(spec: TableSpec, column: str, lang: str):
    """The column that holds a column's translation into a language (title -> title_fr)."""
    return next(c for c in spec.columns if c.translates == column and c.lang == lang)


def apply(spec: TableSpec, frame, shown, chosen: Chosen, langs: tuple[str, ...],
          known=lambda column, row, lang: False) -> tuple[list[Problem], dict[str, Counter]]:
    """Fill the blank translation cells of the rows shown from the translators' files.

    shown: a boolean Series, the rows the documents show; known(column, row, lang):
    whether a text is printed in a language without a translation (a city the gazetteer
    names in it, a chair that is a country). Returns the problems (an outdated, replaced or
    overlong translation, characters no font draws) and, per language built, how many
    printed texts have no translation, by column.
    """
    problems: list[Problem] = []
    missing: dict[str, Counter] = {lang: Counter() for lang in langs if lang != "en"}
    counted: set[tuple[str, str]] = set()
    targets = {(c.translates, c.lang): c for c in spec.columns if c.translates}
    wanted = ROW_COLUMNS | {c.name for c in targets.values()} | {c for c, _ in targets}
    rows = frame.loc[shown, [c for c in frame.columns if c in wanted]]
    # Plain dicts of the columns read, not iterrows(): a Series per row of every column
    # made this the slowest step at scale.
    for index, row in zip(rows.index, rows.to_dict("records")):
        for column, string in strings_of(spec, row):
            string_id = string.id
            for lang in TRANSLATION_LANGUAGES:
                target = targets[column, lang]
                if not is_blank(row[target.name]) and row[target.name] != ():
                    continue  # the spreadsheet's own translation wins
                entry = chosen.by_id.get((lang, string_id))
                if entry is None:
                    # Printed in English until translated; not a chair that is a country,
                    # a city the gazetteer knows, initials: those need no translation.
                    if not needs_translation(spec, column, string.source) \
                            or known(column, row, lang):
                        continue
                    stale = chosen.by_context.get((lang, string.context))
                    if stale is not None and stale.source != string.source:
                        problems.append(outdated(stale, string, target.name, lang))
                    if lang in missing and column != "name_en" \
                            and (lang, string_id) not in counted:  # names: name-fallback
                        counted.add((lang, string_id))  # an organisation of many mechanisms
                        missing[lang][column] += 1
                    continue
                problems += [replaced(older, entry)
                             for older in chosen.replaced.get((lang, string_id), ())]
                if too_long(entry.source or string.source, entry.text):
                    problems.append(located(entry, "translation-too-long",
                                            R_("is {length} characters long, for a source of "
                                               "{source}: not a translation of it",
                                               length=len(entry.text),
                                               source=len(entry.source or string.source)),
                                            R_("Check that the translation is on the row of "
                                               "its source."), "error"))
                    continue
                frame.at[index, target.name] = target.kind.parse(entry.text, target, None)
                if glyphs := missing_glyphs(entry.text):
                    problems.append(located(entry, "missing-glyph",
                                            R_("holds characters that no font of the "
                                               "bulletin can draw ({characters})",
                                               characters=" ".join(glyphs)),
                                            R_("Replace or remove them.")))
    return problems, missing


ROW_COLUMNS = frozenset({"id", "participant", "mechanism_id", "start_date", "title", "city",
                         "country", "code", "chair", "region"})
"""The columns apply() reads besides the translated ones: those that name a row
(record_of) and those that say whether a text is printed as is (printed_as_is)."""


def outdated(entry: Entry, string: String, column: str, lang: str) -> Problem:
    return located(entry, "translation-outdated",
                   R_("translates '{old}', but the English is now '{new}': the English is "
                      "shown until it is translated again", old=entry.source[:80],
                      new=string.source[:80]),
                   R_("Run make translation-kit LANGS={lang} and have the new English "
                      "translated; put the returned file in inputs/translations/ as it is "
                      "named, beside this one (or write the translation in the {column} "
                      "column).", lang=lang, column=column))


def of_row(spec: TableSpec, row) -> dict[str, dict[str, object]]:
    """Column -> language -> translation, for the translations a row has (names apart: the
    mechanisms' names are kept in Mechanism.names)."""
    found: dict[str, dict[str, object]] = {}
    for column in TRANSLATION_COLUMNS[spec.name]:
        value = getattr(row, column.name)
        if value if isinstance(value, tuple) else not is_blank(value):
            found.setdefault(column.translates, {})[column.lang] = value
    return found


TRANSLATION_COLUMNS = {spec.name: tuple(c for c in spec.columns if c.is_translation)
                       for spec in (MECHANISMS, PARTICIPANTS, MEETINGS)}


def check(mechanisms, participants, meetings, entries: list[Entry], year: int,
          langs: tuple[str, ...], themes: Mapping[str, int] | None = None) -> list[Problem]:
    """Translations from the translators' files into the blank translation cells of what
    the documents show (every mechanism and participant, the year's meetings); one warning
    per language built for what stays in English, themes shown without a label included."""
    problems: list[Problem] = []
    missing = {lang: +Counter(themes=(themes or {}).get(lang, 0)) for lang in langs
               if lang != "en"}
    chosen = latest(entries)
    for spec, frame, shown in shown_rows(mechanisms, participants, meetings, year):
        found, counts = apply(spec, frame, shown, chosen, langs, printed_as_is)
        problems += found
        for lang, by_column in counts.items():
            missing[lang].update(by_column)
    return problems + [untranslated(lang, counts, year) for lang, counts in missing.items()
                       if counts]


def shown_rows(mechanisms, participants, meetings, year: int):
    """(spec, frame, the rows the documents show) for each table that has translations."""
    everyone = lambda frame: frame.index.to_series().map(lambda _: True)  # noqa: E731
    in_year = meetings["start_date"].map(lambda d: bool(d) and d.year == year).astype(bool)
    return ((MECHANISMS, mechanisms, everyone(mechanisms)),
            (PARTICIPANTS, participants, everyone(participants)),
            (MEETINGS, meetings, in_year))


def printed_as_is(column: str, row, lang: str) -> bool:
    """A text printed in a language without a translation: a city the gazetteer names in
    it, a chair that is a country (its name is printed in the reader's language)."""
    if column == "city":
        return places.city_name(row["city"], row["country"] or None, lang) is not None
    if column == "participant":
        return bool(row["code"])  # a State: its UN name in the language
    if column == "region":
        return all(regions.region_name(name, lang) or exact_iso3(name) for name in row["region"])
    return column == "chair" and exact_iso3(row["chair"]) is not None


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
