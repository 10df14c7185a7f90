"""The records' wording in the reader's language: names, and texts as the documents print them.

A mechanism's name and short name, its participants' names, its regions, status and
other texts, a meeting's texts: each translated where a translation is given; otherwise
as its column of the contract says a text with no translation is printed
(contract/printing.py: a city by the gazetteer's name, a State by its UN name…), else
in English, marked as English. The language primitives (gettext, numbers, lists,
labels, dates) are the Localiser's (lang/localiser.py); these methods are the templates'
filters too (render/pages.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..contract.grammar import Grammar, grammar_key
from ..contract.printing import ACRONYM, printed_name
from ..contract.schema import (
    MECHANISMS,
    MEETINGS,
    PARTICIPANTS,
    TRANSLATION_LANGUAGES,
    UPDATES,
    Column,
    TableSpec,
)
from ..lang.localiser import DATA_LANGUAGE, Localiser, plain_text
from ..model import Mechanism, Meeting, Party, Translated, Update
from ..utils.text import typographic, words_key

BRACKETED = re.compile(r"\(([^()]+)\)")
FINAL_BRACKET = re.compile(r"(.*\S)\s*\(([^()]+)\)")
"""A name that ends with a bracket: 'Regional Conference on Migration (Puebla Process)'."""
ACRONYM_LIKE = re.compile(r"[A-Z0-9][A-Z0-9&+./-]*[A-Z][A-Z0-9&+./-]*")
"""Initials in capitals, as a name's own bracket gives its acronym: 'PCR-IGAD', 'MIDCOM'."""
TABLE_OF: dict[type, TableSpec] = {Mechanism: MECHANISMS, Meeting: MEETINGS,
                                   Party: PARTICIPANTS, Update: UPDATES}
"""The table of the contract each kind of record is read from."""


def column_of(record: Translated, name: str) -> Column:
    """The contract's column of a record's table, by name: how a template names a text
    ({{ m|tr('secretariat') }})."""
    return TABLE_OF[type(record)].column(name)


ACRONYM_COLUMN, REGION, STATUS_DETAIL = (MECHANISMS.column(name) for name in
                                         ("acronym", "region", "status_detail"))
PARTICIPANT = PARTICIPANTS.column("participant")


@dataclass(frozen=True)
class Names:
    """The records' wording in one language; its methods are the templates' filters too."""

    loc: Localiser

    # A record's texts ------------------------------------------------------

    def translation(self, record: Translated, column: Column) -> object | None:
        """A text of a record in the reader's language, when it is translated there."""
        return record.translation(column, self.loc.lang)

    def grammar(self, record: Translated, column: Column) -> tuple[Grammar, ...] | None:
        """The gender and number of a text's translation in the reader's language (of each
        document, for a list), as the translator gave them (contract/grammar.py); None
        where not given."""
        return record.translations.get(grammar_key(column.name), {}).get(self.loc.lang)

    def tr(self, record: Translated, column: Column, country: str | None = None) -> Markup:
        """A text of the inputs as the reader's documents print it: translated where it is;
        else as its column prints it untranslated (untranslated). country: the State of the
        row, for a column printed by a place's name (Column.country_from)."""
        if translated := self.translation(record, column):
            return self.loc.isolated(typographic(translated, self.loc.lang))
        return self.untranslated(column, record.english(column), country,
                                 record.written_in(column))

    def untranslated(self, column: Column, text: str, country: str | None = None,
                     written_in: str = DATA_LANGUAGE) -> Markup:
        """A text with no translation: by the name it is printed by in the language
        (printing.printed_name), else as written, marked with the language it is written in
        (English, or the row's: a title published in Spanish). Initials are isolated, so that
        they keep their order in a right-to-left line."""
        name = printed_name(column, text, self.loc.lang, country, self.loc.as_of)
        if name is None:
            return self.loc.data_text(text, written_in)
        if column.printed_as == ACRONYM:
            return Markup("<bdi>{}</bdi>").format(self.loc.isolated(name))
        return escape(name)

    def tr_items(self, record: Translated, column: Column) -> list[Markup]:
        """The items of a list column (outcome documents) as tr prints a text: an item left
        as written in the translation (a title published only in English, or in the
        language its row gives) is marked with its language, unless the language writes it
        so too (a region's name, 'Europe' in French: printing.printed_name)."""
        sources = record.english(column)
        translated = self.translation(record, column) or sources
        written_in = record.written_in(column)
        return [self.loc.data_text(item, written_in)
                if item in sources and printed_name(column, item, self.loc.lang) != item
                else self.loc.isolated(typographic(item, self.loc.lang)) for item in translated]

    def written(self, record: Translated, column: Column) -> tuple[str, str | None]:
        """A text as a secretariat wrote it (a yearly update's narrative), and the language
        to mark it with (None: the reader's): its translation into the reader's language;
        else its English; else, for a text written in another language alone (an update sent
        in Spanish), that text. A text neither translated nor given in English is never
        left out for want of a translation."""
        if translated := self.translation(record, column):
            return typographic(str(translated), self.loc.lang), None
        if english := record.english(column):
            return typographic(str(english)), None if self.loc.lang == DATA_LANGUAGE \
                else DATA_LANGUAGE
        given = record.translations.get(column.name, {})
        lang = next((lang for lang in TRANSLATION_LANGUAGES if given.get(lang)), None)
        return ("", None) if lang is None else (typographic(str(given[lang]), lang), lang)

    def text(self, record: Translated, column: Column) -> str:
        """The same text, plain (for a spreadsheet cell, which orders its own text)."""
        return plain_text(self.tr(record, column)) if record.english(column) else ""

    # Mechanisms ------------------------------------------------------------

    def mechanism_name(self, mechanism: Mechanism) -> str:
        """The name in the reader's language, else in English; its apostrophes typographic
        ('l’Afrique australe'), in a spreadsheet cell as on a page."""
        if self.loc.lang in mechanism.names:
            return typographic(mechanism.names[self.loc.lang], self.loc.lang)
        return typographic(mechanism.names["en"])

    def display_name(self, mechanism: Mechanism) -> Markup:
        """The name for a page: when it falls back to English, tagged as English."""
        return self.shown_name(mechanism, self.mechanism_name(mechanism))

    def shown_name(self, mechanism: Mechanism, text: str) -> Markup:
        """A mechanism's name, or a part of it, as a page shows it: in the reader's language,
        isolated; else in English, tagged as English."""
        if self.loc.lang in mechanism.names:
            return self.loc.isolated(typographic(text, self.loc.lang))
        return self.loc.data_text(text)

    def short_name(self, mechanism: Mechanism) -> Markup:
        """The acronym or short name in the reader's language where it is translated (FMMD,
        Processus de Bali); else initials as written, isolated, and a short name of several
        words in English, marked (the acronym column prints so: contract/printing.py)."""
        return self.tr(mechanism, ACRONYM_COLUMN)

    def acronym(self, mechanism: Mechanism) -> Markup:
        """The short name to print in brackets after the name; '' when the name already
        says it: 'Budapest Process', '… Initiative (Khartoum Process)'."""
        acronym = words_key(self.text(mechanism, ACRONYM_COLUMN))
        if not acronym.strip() or acronym in words_key(self.mechanism_name(mechanism)):
            return Markup()
        names = [self.mechanism_name(mechanism)] if self.loc.lang in mechanism.names \
            else list(mechanism.names.values())
        for name in names:
            if acronym == words_key(name) or acronym in map(words_key, BRACKETED.findall(name)):
                return Markup()
        return self.short_name(mechanism)

    def full_name(self, mechanism: Mechanism) -> Markup:
        """The name followed by the short name in brackets, unless the name already says it.

        Never two brackets in a row: a name that ends with its own short name in brackets
        ('Regional Conference on Migration (Puebla Process)') takes the acronym inside that
        bracket, after a semicolon ('(Puebla Process; RCM)'); one that ends with its own
        acronym ('… (PCR-IGAD)') takes no second one."""
        acronym = self.acronym(mechanism)
        if not acronym:
            return self.display_name(mechanism)
        name = self.mechanism_name(mechanism)
        if not (bracketed := FINAL_BRACKET.fullmatch(name)):
            return self.display_name(mechanism) + Markup(
                ' <span class="acronym">({})</span>').format(acronym)
        base, inner = bracketed.groups()
        if ACRONYM_LIKE.fullmatch(inner):
            return self.display_name(mechanism)
        separator = self.loc.pgettext("a short name and an acronym in one bracket", "; ")
        return Markup('{} ({}{}<span class="acronym">{}</span>)').format(
            self.shown_name(mechanism, base), self.shown_name(mechanism, inner), separator,
            acronym)

    def acronym_key(self, mechanisms: tuple[Mechanism, ...]) -> list[tuple[Markup, Markup]]:
        """(acronym, name) of the mechanisms that have an acronym their name does not say,
        alphabetical by acronym: the key of a document that names mechanisms by acronym."""
        pairs = [(acronym, self.display_name(m)) for m in mechanisms
                 if (acronym := self.acronym(m))]
        return sorted(pairs, key=lambda pair: self.loc.sort_key(plain_text(pair[0])))

    def party_names(self, parties: tuple[Party, ...], markup: bool = False) -> str | Markup:
        """States and territories alphabetical in the reader's language, then organisations,
        by their translated names where they have one (an English one is tagged as such).
        A State is always printed by its UN name (the participant column: printing.py)."""
        named = [(p, printed_name(PARTICIPANT, p.name, self.loc.lang, p.code, self.loc.as_of))
                 for p in parties]
        countries = [escape(name) for name in sorted((name for _, name in named if name),
                                                     key=self.loc.sort_key)]
        others = sorted((self.tr(p, PARTICIPANT, p.code) for p, name in named if not name),
                        key=lambda name: self.loc.sort_key(plain_text(name)))
        names = countries + others
        if not markup:
            return self.loc.comma.join(plain_text(name) for name in names)
        return escape(self.loc.comma).join(names)

    def status(self, mechanism: Mechanism) -> Markup:
        """'Inactive: completed its mission' (the detail as written), or 'Active'."""
        status = self.loc.label(mechanism.status, "status")
        if not mechanism.status_detail:
            return escape(status)
        return self.loc.labelled(status, self.tr(mechanism, STATUS_DETAIL))

    def regions(self, mechanism: Mechanism) -> list[Markup]:
        """The regions in the reader's language: translated where they are; else each one
        that is a UN region or a State by its name in the language, the others as written
        (marked English)."""
        if self.loc.lang == DATA_LANGUAGE:
            return [escape(item) for item in mechanism.regions]  # as the editor wrote them
        if self.translation(mechanism, REGION):
            return self.tr_items(mechanism, REGION)
        return [self.untranslated(REGION, item) for item in mechanism.regions]
