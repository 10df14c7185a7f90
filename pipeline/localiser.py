"""The reader's language: messages, numbers, dates, lists, names and labels.

One ``Localiser`` per language holds the gettext catalogue and the Babel
locale; its methods are the templates' filters. Sentences built from them are
in sentences.py.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .catalogues import load_translations
from .countries import country_name, exact_iso3
from .labels import NC_, VOCABULARY_LABELS
from .model import Mechanism, Meeting, Party
from .text import collation_key, header_key, typographic, words_key

BABEL_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}
"""English is written the British way in UN documents: 23 January 2025, 'A, B and C'."""
RTL_LANGUAGES = frozenset({"ar"})
OTHER_NAME_LANGUAGES = {"en": ("fr", "es"), "fr": ("en", "es"), "es": ("en", "fr"),
                        "ru": ("en",), "ar": ("en", "fr")}
"""Names shown under a mechanism's name in the ISCM table. English is the working
language every reader of the table shares; Arabic adds French, the other working
language of the Maghreb mechanisms."""
ONLINE = frozenset(header_key(word) for word in (
    "online", "virtual", "en ligne", "virtuel", "virtuelle", "en línea", "virtualmente",
    "онлайн", "عبر الإنترنت"))
"""What editors write in the city column for a meeting held online (folded)."""
ARABIC_MONTHS = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل",
                 "أيار/مايو", "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر",
                 "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر")
"""The months as United Nations Arabic documents write them: the Levantine name, then the
Egyptian one ('24 نيسان/أبريل 2025'); CLDR has only the second."""
ELISION = re.compile(r"\bde (?=[aeiouyâàéèêîïôûh])", re.IGNORECASE)
"""French elides 'de' before a vowel: 'Réunions d’avril', 'd’août', 'd’octobre'."""
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
"""Two full stops that are not an ellipsis."""
DATA_LANGUAGE = "en"
"""The language of free text in the inputs (titles, summaries)."""
ARTICLE = re.compile(r"the\s", re.IGNORECASE)
"""An English title that opens with its own article takes no other: 'The Hague Forum'."""
BRACKETED = re.compile(r"\(([^()]+)\)")


def fill(message: str, values: dict) -> str:
    """A message with its values; a value ending a sentence with its own full stop (the
    Russian 'г.' of a date) takes no second one."""
    return DOUBLE_STOP.sub(".", message.format(**values)) if values else message


@dataclass
class Localiser:
    """Formatting for one language; its methods are the templates' filters."""

    lang: str

    @cached_property
    def translations(self) -> gettext.NullTranslations:
        return load_translations(self.lang)

    @property
    def locale(self) -> str:
        return BABEL_LOCALES[self.lang]

    @property
    def direction(self) -> str:
        return "rtl" if self.lang in RTL_LANGUAGES else "ltr"

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

    def date(self, value: dt.date, form: str = "long") -> str:
        if self.lang == "ar" and form == "long":
            return f"{value.day} {ARABIC_MONTHS[value.month - 1]} {value.year}"
        return format_date(value, form, locale=self.locale)

    def month(self, month: int, width: str = "wide", heading: bool = True) -> str:
        """The month's name on its own (nominative): capitalised as a heading, or as
        written inside a sentence ('mai' in French, 'May' in English)."""
        if self.lang == "ar" and width == "wide":
            return ARABIC_MONTHS[month - 1]
        form = "LLLL" if width == "wide" else "LLL"
        name = format_date(dt.date(2000, month, 1), form, locale=self.locale)
        return name[:1].upper() + name[1:] if heading else name

    def month_of(self, value: dt.date) -> str:
        """The month's name as it follows a day number (Russian genitive: января)."""
        if self.lang == "ar":
            return ARABIC_MONTHS[value.month - 1]
        return format_date(value, "MMMM", locale=self.locale)

    def month_caption(self, month: int) -> str:
        """The caption of a month's table in the calendar: 'Meetings in January',
        'Réunions de janvier', 'Réunions d’avril'."""
        caption = self.pgettext("calendar caption", "Meetings in {month}",
                                month=self.month(month, heading=False))
        return ELISION.sub("d’", caption) if self.lang == "fr" else caption

    def day(self, value: dt.date) -> str:
        """The day of the month; the French write the first 'le 1er janvier'."""
        return "1er" if self.lang == "fr" and value.day == 1 else format_date(
            value, "d", locale=self.locale)

    def date_range(self, start: dt.date, end: dt.date, in_sentence: bool = False) -> str:
        """A date or a range of dates as people write it: in a table, or inside a sentence
        (where French says 'les 23 et 24 janvier', Spanish 'del 23 al 25 de enero')."""
        month, year = self.month_of, lambda day: str(day.year)
        if start == end:
            kind, values = "day", dict(day=self.day(start), month=month(start),
                                       year=year(start))
        elif (start.year, start.month) == (end.year, end.month):
            kind = "two days" if (end - start).days == 1 else "same month"
            values = dict(day1=self.day(start), day2=self.day(end), month=month(end),
                          year=year(end))
        else:
            kind = "same year" if start.year == end.year else "two years"
            values = dict(day1=self.day(start), month1=month(start), year1=year(start),
                          day2=self.day(end), month2=month(end), year2=year(end))
            if kind == "same year":
                values["year"] = values.pop("year2")
                del values["year1"]
        context, message = (SENTENCE_DATE_PATTERNS if in_sentence else DATE_PATTERNS)[kind]
        return self.pgettext(context, message, **values)

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
            return escape(typographic(mechanism.names[self.lang]))
        return self.data_text(mechanism.names["en"])

    def acronym(self, mechanism: Mechanism) -> str:
        """The acronym to print in brackets after the name; '' when a name already says it:
        'Budapest Process', 'EU-Horn of Africa Migration Route Initiative (Khartoum Process)'."""
        acronym = words_key(mechanism.acronym)
        if not acronym or acronym in words_key(self.mechanism_name(mechanism)):
            return ""
        for name in mechanism.names.values():
            if acronym == words_key(name) or acronym in map(words_key, BRACKETED.findall(name)):
                return ""
        return mechanism.acronym

    def full_name(self, mechanism: Mechanism) -> Markup:
        """The name followed by the acronym in brackets, unless a name already says it."""
        acronym = self.acronym(mechanism)
        name = self.display_name(mechanism)
        if not acronym:
            return name
        return name + Markup(' <span class="acronym">(<bdi>{}</bdi>)</span>').format(acronym)

    def other_names(self, mechanism: Mechanism) -> list[tuple[str, str]]:
        """(language, name) of the mechanism in the table's other languages, when given
        and not already the name shown."""
        shown = self.mechanism_name(mechanism)
        wanted = [x for x in OTHER_NAME_LANGUAGES.get(self.lang, ("en",)) if x != self.lang]
        return [(x, mechanism.names[x]) for x in wanted
                if x in mechanism.names and mechanism.names[x] != shown]

    def party_names(self, parties: tuple[Party, ...], markup: bool = False) -> str | Markup:
        """States and territories alphabetical in the reader's language, then organisations.

        With markup, organisations (named as in the inputs, in English) are tagged as such.
        """
        countries = sorted((self.country(p.code) for p in parties if p.code), key=self.sort_key)
        others = sorted((p.name for p in parties if not p.code), key=collation_key)
        separator = self.comma
        if not markup:
            return separator.join(countries + others)
        return escape(separator).join([escape(c) for c in countries]
                                      + [self.data_text(o) for o in others])

    def label(self, value: str, vocabulary: str) -> str:
        """The reader's label of a vocabulary value; unknown tags are shown humanised."""
        message = VOCABULARY_LABELS[vocabulary].get(value)
        if message is None:
            return value.replace("-", " ").capitalize()
        return self.gettext(message)

    def data_text(self, text: str) -> Markup:
        """Free text from the inputs, tagged with its language when it is not the reader's.

        The tag also isolates it (dir="ltr"), so an English title keeps its word
        order and punctuation inside an Arabic sentence.
        """
        text = typographic(text)
        if not text or self.lang == DATA_LANGUAGE:
            return escape(text)
        return Markup('<span lang="{}" dir="ltr">{}</span>').format(DATA_LANGUAGE, text)

    def translation(self, record: Mechanism | Meeting, column: str) -> object | None:
        """A text of a record in the reader's language, when it is translated there."""
        if self.lang == DATA_LANGUAGE:
            return None
        return record.translations.get(column, {}).get(self.lang)

    def tr(self, record: Mechanism | Meeting, column: str) -> Markup:
        """A text of the inputs as the reader's documents print it: translated where it is;
        a chair that is a country, as the country's name; else as written, marked English."""
        text = getattr(record, column)
        if translated := self.translation(record, column):
            return escape(typographic(translated))
        if column == "chair" and (iso3 := exact_iso3(text)):
            return escape(self.country(iso3))
        return self.data_text(text)

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

    def data_list(self, items: tuple[str, ...]) -> Markup:
        """Items of the inputs (regions as written) as a list in the reader's language."""
        return self.markup_list([self.data_text(item) for item in items])

    def markup_list(self, items: list[Markup]) -> Markup:
        """A list of marked-up items in the reader's language ('A, B and C'): CLDR's list
        patterns hold no markup, so joining escaped items keeps them safe."""
        return Markup(self.list([str(item) for item in items]))

DATE_PATTERNS = {
    # Translators: dates in tables. {month} is the month's name in the form that follows a
    # day number (Russian genitive: января).
    "day": NC_("date", "{day} {month} {year}"),
    "two days": NC_("date range, two days", "{day1}–{day2} {month} {year}"),
    "same month": NC_("date range, same month", "{day1}–{day2} {month} {year}"),
    "same year": NC_("date range, same year", "{day1} {month1} – {day2} {month2} {year}"),
    "two years": NC_("date range, two years",
                     "{day1} {month1} {year1} – {day2} {month2} {year2}"),
}
SENTENCE_DATE_PATTERNS = {
    # Translators: dates inside the meeting sentences, with the words your language puts
    # before them ('le 23 janvier', 'les 23 et 24 janvier', 'del 23 al 25 de enero').
    "day": NC_("date in a sentence", "on {day} {month} {year}"),
    "two days": NC_("date range in a sentence, two days", "on {day1}–{day2} {month} {year}"),
    "same month": NC_("date range in a sentence, same month",
                      "on {day1}–{day2} {month} {year}"),
    "same year": NC_("date range in a sentence, same year",
                     "from {day1} {month1} to {day2} {month2} {year}"),
    "two years": NC_("date range in a sentence, two years",
                     "from {day1} {month1} {year1} to {day2} {month2} {year2}"),
}
