"""The reader's language: messages, numbers, dates, lists, country names and labels.

One ``Localiser`` per language holds the gettext catalogue and the Babel
locale; its methods are the templates' filters. It knows the language, not the
records: their names and texts as the documents print them are compose/names.py's,
and the sentences built from both compose/sentences.py's.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .. import languages
from ..contract.grammar import Grammar
from ..contract.labels import NC_
from ..contract.vocabularies import VOCABULARY_LABELS
from ..model import Theme
from ..utils.text import collation_key, typographic
from ..world.countries import country_name
from .catalogues import load_translations
from .dates import Dates

RTL_LANGUAGES = frozenset(language.code for language in languages.ALL if language.rtl)
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
"""Two full stops that are not an ellipsis."""
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"
"""Unicode's left-to-right and right-to-left isolates, and their end."""
LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9’'&+./-]| (?=[A-Za-z0-9]))*")
"""Latin words in a row, with the digits and punctuation inside them: 'PAFoM IX', 'U.S.'."""
TAG = re.compile(r"<[^>]*>")
DATA_LANGUAGE = languages.SOURCE
"""The language of free text in the inputs (titles, summaries)."""
OWN_ARTICLE = re.compile(r"the\s", re.IGNORECASE)
"""An English name that opens with its own article takes no other: 'The Hague Forum'."""
ARTICLES = {
    "fr": {"masculine": "le ", "feminine": "la ", "neuter": "le ", "masculine plural": "les ",
           "feminine plural": "les ", "plural": "les "},
    "es": {"masculine": "el ", "feminine": "la ", "neuter": "lo ", "masculine plural": "los ",
           "feminine plural": "las ", "plural": "los "},
}
"""The definite article by the name's gender and number (grammar.Grammar.key)."""
ELIDING = re.compile(r"[aeiouâàäéèêëîïôöûùüœæ]", re.IGNORECASE)
"""A French name that opens with a vowel elides the article before it: 'l’Atelier',
'l’Initiative' (not before a digit: 'la 11e réunion'; before a mute h, where the grammar
says so: contract/grammar.py)."""


CONJUNCTIONS = {"en": re.compile(r"\band\b"), "fr": re.compile(r"\bet\b"),
                "es": re.compile(r"\b[ye]\b"), "ru": re.compile(r"(?<!\w)и(?!\w)")}
"""The conjunction that ends a list, where an item may hold it (Localiser.list)."""
CAPITALISED = re.compile(r"[^\W\d_][^\W\d_A-ZÀ-ÞА-ЯЁ]*(?=[\s’'-]|$)")
"""A first word with a capital only at its start: 'Gestion', not 'GCM' nor 'eBorder'."""


def lower_first(label: str) -> str:
    """A label as it reads inside a sentence: its first word in lower case where only its
    initial is a capital ('Gestion des frontières' -> 'gestion des frontières'); text marked
    up (an English label, tagged) as it is."""
    if isinstance(label, Markup) and str(label).startswith("<"):
        return label
    if CAPITALISED.match(label) and label[:1].isupper():
        return label[:1].lower() + label[1:]
    return label


# Translators: numbers of meetings written in words in running text ('Three ministerial
# meetings in 2025, one more than in 2024'), in the form that agrees with your language's
# noun for a meeting (French 'une' for réunion, Russian 'одно' for совещание, Arabic 'ثلاثة'
# for اجتماع).
MEETINGS_IN_WORDS = (
    NC_("a number of meetings, in words", "one"), NC_("a number of meetings, in words", "two"),
    NC_("a number of meetings, in words", "three"),
    NC_("a number of meetings, in words", "four"), NC_("a number of meetings, in words", "five"),
    NC_("a number of meetings, in words", "six"), NC_("a number of meetings, in words", "seven"),
    NC_("a number of meetings, in words", "eight"),
    NC_("a number of meetings, in words", "nine"),
)
# Translators: numbers of memberships written in words in running text ('three memberships
# ended'), in the form that agrees with your language's noun for a membership in the
# messages '{n} membership began' and '{n} membership ended' (French 'une adhésion',
# Russian 'одно членство', Arabic 'ثلاث عضويات').
MEMBERSHIPS_IN_WORDS = (
    NC_("a number of memberships, in words", "one"),
    NC_("a number of memberships, in words", "two"),
    NC_("a number of memberships, in words", "three"),
    NC_("a number of memberships, in words", "four"),
    NC_("a number of memberships, in words", "five"),
    NC_("a number of memberships, in words", "six"),
    NC_("a number of memberships, in words", "seven"),
    NC_("a number of memberships, in words", "eight"),
    NC_("a number of memberships, in words", "nine"),
)


def capitalised(text: str) -> str:
    """A sentence that opens with a word in lower case ('three meetings…'), with its capital."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def plain_text(markup: Markup) -> str:
    """Markup as the text a spreadsheet cell holds: tags and isolate marks removed, entities
    decoded, the spaces kept (Markup.striptags folds non-breaking spaces into plain ones)."""
    return Markup(TAG.sub("", markup)).unescape().translate(
        dict.fromkeys(map(ord, (LRI, RLI, PDI))))


def fill(message: str, values: dict) -> str:
    """A message with its values; a value ending a sentence with its own full stop (the
    Russian 'г.' of a date) takes no second one."""
    return DOUBLE_STOP.sub(".", message.format(**values)) if values else message


@dataclass
class Localiser(Dates):
    """Formatting for one language; its methods are the templates' filters."""

    lang: str
    as_of: dt.date | None = None
    """The day whose country names it prints (the edition's date: names.py, printing.py);
    None, the latest."""

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

    def ngettext(self, singular: str, plural: str, n: int, *, in_words: bool = False,
                 words: tuple[tuple[str, str], ...] = MEETINGS_IN_WORDS, **values) -> str:
        """The message for n, {n} filled in figures; in_words: in words under ten, as
        running text writes a count (in_words), in the forms words gives (a meeting's, or
        MEMBERSHIPS_IN_WORDS)."""
        return fill(self.translations.ngettext(singular, plural, n),
                    dict(n=self.in_words(n, words) if in_words else self.number(n), **values))

    # Numbers, dates, lists -------------------------------------------------

    def number(self, value: int | float | None) -> str:
        return "–" if value is None else format_decimal(value, locale=self.locale)

    def in_words(self, n: int, words: tuple[tuple[str, str], ...] = MEETINGS_IN_WORDS) -> str:
        """A number of meetings (or of what words counts) as running text writes it: one to
        nine in words, in the form that agrees with the language's noun ('une', 'одно',
        'ثلاثة'); ten and more in figures (UN editorial style, in every language)."""
        if 1 <= n <= len(words):
            return self.pgettext(*words[n - 1])
        return self.number(n)

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
        """'A, B and C' in the reader's language. Arabic repeats the conjunction before each
        item after the first ('بوركينا فاسو ومالي', 'حرية التنقل، وإدارة الحدود، والهجرة غير
        النظامية'). Where an item holds the conjunction itself, the items are separated by
        semicolons, so that the last 'and' is not read inside an item ('trafficking and
        smuggling; irregular migration; protection and asylum; and border management')."""
        items = list(items)
        if self.lang == "ar" and len(items) > 1:
            joined = [items[0], *(f"و{item}" for item in items[1:])]
            return (" " if len(items) == 2 else self.comma).join(joined)
        conjunction = CONJUNCTIONS.get(self.lang)
        if len(items) > 2 and conjunction and any(conjunction.search(TAG.sub("", str(item)))
                                                  for item in items):
            semicolon = self.pgettext("list separator", "; ")
            last = self.pgettext("list, last separator when items hold the conjunction",
                                 "; and ")
            return semicolon.join(items[:-1]) + last + items[-1]
        return format_list(items, locale=self.locale) if items else ""

    def label_list(self, labels: list[str], as_written: frozenset[int] = frozenset()
                   ) -> Markup:
        """Labels the documents write (themes, IOM's roles) listed in running text: each after
        the first in lower case, as a language that writes them so lowers them ('Libre
        circulation, gestion des frontières et migration irrégulière'); a word in capitals
        (an acronym, 'GCM'), a label marked as English, and the items at the positions
        as_written (the inputs' own words) keep their case."""
        lowered = [label if position == 0 or position in as_written
                   else escape(lower_first(label)) for position, label in enumerate(labels)]
        return Markup(self.list([str(escape(label)) for label in lowered]))

    def theme_list(self, keys: Iterable[str], themes: Mapping[str, Theme]) -> Markup:
        """A list of themes in running text (label_list); a theme that no table declares is
        the inputs' own words, printed as written."""
        keys = list(keys)
        return self.label_list([self.theme(key, themes) for key in keys],
                               frozenset(i for i, key in enumerate(keys)
                                         if key not in themes or not themes[key].known))

    # Names and labels ----------------------------------------------------

    def sort_key(self, text: str) -> str:
        return collation_key(text, self.lang)

    def country(self, iso3: str) -> str:
        return country_name(iso3, self.locale.split("_")[0], self.as_of) if iso3 else ""

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

    def data_text(self, text: str, written_in: str = DATA_LANGUAGE) -> Markup:
        """Free text from the inputs, tagged with its language when it is not the reader's:
        English, or the language the row says it is written in (a title published in
        Spanish: lang="es", also in the English documents).

        The tag also isolates it (its dir), so an English title keeps its word order and
        punctuation inside an Arabic sentence.
        """
        text = typographic(text)
        if not text or self.lang == written_in:
            return escape(text)
        direction = languages.language(written_in).direction
        if self.direction != direction:
            text = f"{LRI if direction == 'ltr' else RLI}{text}{PDI}"
        return Markup('<span lang="{}" dir="{}">{}</span>').format(written_in, direction, text)

    def isolated(self, text: str) -> Markup:
        """Text in the reader's language, escaped; on a right-to-left page each Latin run
        in it (an acronym, a title kept in English) isolated with the Unicode marks, so that
        it keeps its order and its brackets ('(PAFoM IX)'). The marks rather than markup:
        WeasyPrint's PDF, like a browser, orders text by them (its CSS unicode-bidi does
        not isolate)."""
        if self.direction != "rtl":
            return escape(text)
        return escape(LATIN_RUN.sub(lambda run: f"{LRI}{run.group(0)}{PDI}", text))

    def article(self, name: str, grammar: Grammar | None, opens: bool = False) -> Markup:
        """The article a name takes as the subject or object of a sentence, written before it
        (with its space, or the French apostrophe): English 'the ' (none before a name that
        has its own, 'The Hague Forum'); French and Spanish by the name's gender and number
        (grammar: None, not known, none) and, in French, elided before a vowel ('l’Atelier';
        before a mute h where the grammar says so); none in Russian and Arabic. opens: the
        sentence opens with it, which takes a capital."""
        if self.lang == DATA_LANGUAGE:
            article = "" if OWN_ARTICLE.match(name) else "the "
        elif grammar is None:
            article = ""
        else:
            article = ARTICLES.get(self.lang, {}).get(grammar.key, "")
            if self.lang == "fr" and not grammar.plural and (
                    grammar.elided or ELIDING.match(name)):
                article = "l’"
        return escape(article[:1].upper() + article[1:] if opens else article)

    def labelled(self, label: str, value: str | Markup) -> Markup:
        """'Label: value', as the language writes it (French: a space before the colon)."""
        return escape(self.pgettext("a label and its value", "{label}: {value}")).format(
            label=label, value=value)

    def markup_list(self, items: list[Markup]) -> Markup:
        """A list of marked-up items in the reader's language ('A, B and C'): CLDR's list
        patterns hold no markup, so joining escaped items keeps them safe."""
        return Markup(self.list([str(item) for item in items]))
