"""The reader's language: messages, numbers, dates, lists, names and labels.

One ``Localiser`` per language holds the gettext catalogue and the Babel
locale; its methods are the templates' filters. Sentences built from them are
in sentences.py.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .. import languages
from ..contract.labels import VOCABULARY_LABELS
from ..model import Mechanism, Meeting, Party, Theme
from ..utils.text import INITIALS, collation_key, header_key, typographic, words_key
from ..world.countries import country_name, exact_iso3
from ..world.regions import region_name
from .catalogues import load_translations
from .dates import Dates

RTL_LANGUAGES = frozenset(language.code for language in languages.ALL if language.rtl)
ONLINE = frozenset(header_key(word) for word in (
    "online", "virtual", "en ligne", "virtuel", "virtuelle", "en línea", "virtualmente",
    "онлайн", "عبر الإنترنت"))
"""What editors write in the city column for a meeting held online (folded)."""
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
"""Two full stops that are not an ellipsis."""
LRI, PDI = "\u2066", "\u2069"
"""Unicode's left-to-right isolate and its end."""
LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9’'&+./-]| (?=[A-Za-z0-9]))*")
"""Latin words in a row, with the digits and punctuation inside them: 'PAFoM IX', 'U.S.'."""
TAG = re.compile(r"<[^>]*>")
DATA_LANGUAGE = languages.SOURCE
"""The language of free text in the inputs (titles, summaries)."""
ARTICLE = re.compile(r"the\s", re.IGNORECASE)
"""An English title that opens with its own article takes no other: 'The Hague Forum'."""
BRACKETED = re.compile(r"\(([^()]+)\)")


def translation_of(record: Mechanism | Meeting, column: str, lang: str) -> object | None:
    """A record's text translated into lang; None when it is not, or when the 'translation'
    is the English itself (a title kept as published: it is printed marked English)."""
    found = record.translations.get(column, {}).get(lang) if lang != DATA_LANGUAGE else None
    return None if found == getattr(record, column) else found


def plain_text(markup: Markup) -> str:
    """Markup as the text a spreadsheet cell holds: tags and isolate marks removed, entities
    decoded, the spaces kept (Markup.striptags folds non-breaking spaces into plain ones)."""
    return Markup(TAG.sub("", markup)).unescape().translate({ord(LRI): None, ord(PDI): None})


def fill(message: str, values: dict) -> str:
    """A message with its values; a value ending a sentence with its own full stop (the
    Russian 'г.' of a date) takes no second one."""
    return DOUBLE_STOP.sub(".", message.format(**values)) if values else message


@dataclass
class Localiser(Dates):
    """Formatting for one language; its methods are the templates' filters."""

    lang: str

    @cached_property
    def translations(self) -> gettext.NullTranslations:
        return load_translations(self.lang)

    @property
    def locale(self) -> str:
        return languages.language(self.lang).babel_locale

    @property
    def direction(self) -> str:
        return languages.language(self.lang).direction

    def gettext(self, message: str, **values) -> str:
        return fill(self.translations.gettext(message), values)

    def pgettext(self, context: str, message: str, **values) -> str:
        return fill(self.translations.pgettext(context, message), values)

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        return fill(self.translations.ngettext(singular, plural, n),
                    dict(n=self.number(n), **values))

    # Numbers, dates, lists -------------------------------------------------

    def number(self, value: int | float | None) -> str:
        return "–" if value is None else format_decimal(value, locale=self.locale)

    def big_figure(self, n: int, label: str) -> Markup:
        """A key figure: the number, large, above what it counts. Arabic writes one and two
        in the noun itself (آليتان, not '2 آليتان'): the label alone is the figure."""
        if self.lang == "ar" and n in (1, 2):
            return Markup('<span class="big words">{}</span>').format(label)
        return Markup('<span class="big">{}</span> {}').format(self.number(n), label)

    @property
    def comma(self) -> str:
        """What separates the items of an enumeration: ', ', in Arabic '، ' (CLDR's middle
        list pattern for Arabic is 'and', و)."""
        if self.lang == "ar":
            return "، "
        return Locale.parse(self.locale).list_patterns["standard"]["middle"].format("", "")

    def list(self, items: list[str]) -> str:
        """'A, B and C' in the reader's language; in Arabic with the Arabic comma, 'أ، ب وج'
        (CLDR joins every item with و)."""
        items = list(items)
        if self.lang == "ar" and len(items) > 2:
            return f"{self.comma.join(items[:-1])} و{items[-1]}"
        return format_list(items, locale=self.locale) if items else ""

    # Names --------------------------------------------------------------

    def sort_key(self, text: str) -> str:
        return collation_key(text, self.lang)

    def country(self, iso3: str) -> str:
        return country_name(iso3, self.locale.split("_")[0]) if iso3 else ""

    def mechanism_name(self, mechanism: Mechanism) -> str:
        return mechanism.names.get(self.lang) or mechanism.names["en"]

    def display_name(self, mechanism: Mechanism) -> Markup:
        """The name for a page: when it falls back to English, tagged as English."""
        if self.lang in mechanism.names:
            return self.isolated(typographic(mechanism.names[self.lang], self.lang))
        return self.data_text(mechanism.names["en"])

    def short_name(self, mechanism: Mechanism) -> Markup:
        """The acronym or short name in the reader's language where it is translated (FMMD,
        Processus de Bali); else as written, isolated (an English short name marked)."""
        if translation_of(mechanism, "acronym", self.lang):
            return self.tr(mechanism, "acronym")
        if INITIALS.fullmatch(mechanism.acronym):
            return Markup("<bdi>{}</bdi>").format(self.isolated(mechanism.acronym))
        return self.data_text(mechanism.acronym)

    def acronym(self, mechanism: Mechanism) -> Markup:
        """The short name to print in brackets after the name; '' when the name already
        says it: 'Budapest Process', '… Initiative (Khartoum Process)'."""
        acronym = words_key(self.text(mechanism, "acronym"))
        if not acronym.strip() or acronym in words_key(self.mechanism_name(mechanism)):
            return Markup()
        names = [self.mechanism_name(mechanism)] if self.lang in mechanism.names \
            else list(mechanism.names.values())
        for name in names:
            if acronym == words_key(name) or acronym in map(words_key, BRACKETED.findall(name)):
                return Markup()
        return self.short_name(mechanism)

    def full_name(self, mechanism: Mechanism) -> Markup:
        """The name followed by the short name in brackets, unless the name already says it."""
        acronym = self.acronym(mechanism)
        name = self.display_name(mechanism)
        if not acronym:
            return name
        return name + Markup(' <span class="acronym">({})</span>').format(acronym)

    def other_names(self, mechanism: Mechanism) -> list[tuple[str, str]]:
        """(language, name) of the mechanism in the table's other languages, when given
        and not already the name shown."""
        shown = self.mechanism_name(mechanism)
        wanted = [x for x in languages.language(self.lang).other_names if x != self.lang]
        return [(x, mechanism.names[x]) for x in wanted
                if x in mechanism.names and mechanism.names[x] != shown]

    def party_names(self, parties: tuple[Party, ...], markup: bool = False) -> str | Markup:
        """States and territories alphabetical in the reader's language, then organisations,
        by their translated names where they have one (an English one is tagged as such)."""
        countries = [escape(name) for name in sorted(
            (self.country(p.code) for p in parties if p.code), key=self.sort_key)]
        others = sorted((self.tr(p, "participant") for p in parties if not p.code),
                        key=lambda name: self.sort_key(plain_text(name)))
        names = countries + others
        if not markup:
            return self.comma.join(plain_text(name) for name in names)
        return escape(self.comma).join(names)

    def label(self, value: str, vocabulary: str) -> str:
        """The reader's label of a vocabulary value (one without a label, humanised)."""
        message = VOCABULARY_LABELS[vocabulary].get(value)
        if message is None:
            return value.replace("-", " ").capitalize()
        return self.gettext(message)

    def theme(self, key: str, themes: Mapping[str, Theme]) -> Markup:
        """A theme by its label in the reader's language; one with none there (declared in
        English only, or declared nowhere and named as the inputs write it) by its English,
        tagged as English."""
        theme = themes.get(key)
        labels = theme.labels if theme is not None else {DATA_LANGUAGE: key}
        if self.lang != DATA_LANGUAGE and self.lang in labels:
            return self.isolated(typographic(labels[self.lang], self.lang))
        return self.data_text(labels[DATA_LANGUAGE])

    def theme_text(self, key: str, themes: Mapping[str, Theme]) -> str:
        """The same label, plain (a spreadsheet cell, an order)."""
        return plain_text(self.theme(key, themes))

    def data_text(self, text: str) -> Markup:
        """Free text from the inputs, tagged with its language when it is not the reader's.

        The tag also isolates it (dir="ltr"), so an English title keeps its word
        order and punctuation inside an Arabic sentence.
        """
        text = typographic(text)
        if not text or self.lang == DATA_LANGUAGE:
            return escape(text)
        if self.direction == "rtl":
            text = f"{LRI}{text}{PDI}"
        return Markup('<span lang="{}" dir="ltr">{}</span>').format(DATA_LANGUAGE, text)

    def isolated(self, text: str) -> Markup:
        """Text in the reader's language, escaped; on a right-to-left page each Latin run
        in it (an acronym, a title kept in English) isolated with the Unicode marks, so that
        it keeps its order and its brackets ('(PAFoM IX)'). The marks rather than markup:
        WeasyPrint's PDF, like a browser, orders text by them (its CSS unicode-bidi does
        not isolate)."""
        if self.direction != "rtl":
            return escape(text)
        return escape(LATIN_RUN.sub(lambda run: f"{LRI}{run.group(0)}{PDI}", text))

    def translation(self, record: Mechanism | Meeting, column: str) -> object | None:
        """A text of a record in the reader's language, when it is translated there."""
        return translation_of(record, column, self.lang)

    def tr(self, record: Mechanism | Meeting, column: str) -> Markup:
        """A text of the inputs as the reader's documents print it: translated where it is;
        a chair that is a country, as the country's name; else as written, marked English."""
        text = getattr(record, column)
        if translated := self.translation(record, column):
            return self.isolated(typographic(translated, self.lang))
        if column == "chair" and (iso3 := exact_iso3(text)):
            return escape(self.country(iso3))
        return self.data_text(text)

    def tr_items(self, record: Meeting, column: str) -> list[Markup]:
        """The items of a list column (outcome documents) as tr prints a text: an item left
        as written in the translation (a title published only in English) is marked."""
        sources = getattr(record, column)
        translated = self.translation(record, column) or sources
        return [self.data_text(item) if item in sources else
                self.isolated(typographic(item, self.lang)) for item in translated]

    def text(self, record: Mechanism | Meeting, column: str) -> str:
        """The same text, plain (for a spreadsheet cell, which orders its own text)."""
        return plain_text(self.tr(record, column)) if getattr(record, column) else ""

    def labelled(self, label: str, value: str | Markup) -> Markup:
        """'Label: value', as the language writes it (French: a space before the colon)."""
        return escape(self.pgettext("a label and its value", "{label}: {value}")).format(
            label=label, value=value)

    def status(self, mechanism: Mechanism) -> Markup:
        """'Inactive: completed its mission' (the detail as written), or 'Active'."""
        status = self.label(mechanism.status, "status")
        if not mechanism.status_detail:
            return escape(status)
        return self.labelled(status, self.tr(mechanism, "status_detail"))

    def regions(self, mechanism: Mechanism) -> list[Markup]:
        """The regions in the reader's language: translated where they are; else each one
        that is a UN region or a State by its name in the language, the others as written
        (marked English)."""
        if self.lang == DATA_LANGUAGE:
            return [escape(item) for item in mechanism.regions]  # as the editor wrote them
        if self.translation(mechanism, "region"):
            return self.tr_items(mechanism, "region")
        return [escape(name) if (name := region_name(item, self.locale.split("_")[0]))
                else escape(self.country(iso3)) if (iso3 := exact_iso3(item))
                else self.data_text(item) for item in mechanism.regions]

    def markup_list(self, items: list[Markup]) -> Markup:
        """A list of marked-up items in the reader's language ('A, B and C'): CLDR's list
        patterns hold no markup, so joining escaped items keeps them safe."""
        return Markup(self.list([str(item) for item in items]))
