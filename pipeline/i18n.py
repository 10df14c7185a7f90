"""Everything that depends on the reader's language: messages, numbers, dates, names.

One ``Localiser`` per language holds the gettext catalogue and the Babel
locale. Whole sentences are gettext patterns with named placeholders, so each
language orders them its own way; ordinals carry their grammatical gender in
the pattern itself ('La {n:f} réunion ministérielle'), see ``Ordinal``.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.support import Translations
from markupsafe import Markup, escape

from .config import LOCALE_DIR
from .countries import country_name
from .labels import N_, VOCABULARY_LABELS
from .model import Mechanism, Meeting, Party
from .schema import header_key

BABEL_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}
"""English is written the British way in UN documents: 23 January 2025, 'A, B and C'."""
RTL_LANGUAGES = frozenset({"ar"})
OTHER_NAME_LANGUAGES = {"en": ("fr", "es"), "fr": ("en", "es"), "es": ("en", "fr")}
"""Names shown under a mechanism's name in the ISCM table (default: English)."""
DATA_LANGUAGE = "en"
"""The language of free text in the inputs (titles, summaries)."""


def collation_key(text: str) -> str:
    """Alphabetical order that ignores case, accents and punctuation."""
    return header_key(text)


def load_translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language; English is the source language."""
    if lang == "en":
        return gettext.NullTranslations()
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo"
    if not mo.exists():
        raise FileNotFoundError(f"{mo} is missing: run 'make translations-compile' "
                                "(make bulletin does it).")
    with mo.open("rb") as file:
        return Translations(file, domain="messages")


class Ordinal:
    """A number that formats as an ordinal: f'{Ordinal(4):f}' -> '4e' in French.

    The format spec is the grammatical gender of the noun it qualifies:
    m (masculine, default), f (feminine), n (neuter).
    """

    def __init__(self, number: int, lang: str):
        self.number, self.lang = number, lang

    def __format__(self, gender: str) -> str:
        n, lang, gender = self.number, self.lang, gender or "m"
        if lang == "en":
            category = Locale.parse("en").ordinal_form(n)
            return f"{n}{ {'one': 'st', 'two': 'nd', 'few': 'rd'}.get(category, 'th')}"
        if lang == "fr":
            return f"{n}{('re' if gender == 'f' else 'er') if n == 1 else 'e'}"
        if lang == "es":
            return f"{n}.{'ª' if gender == 'f' else 'º'}"
        if lang == "ru":
            return f"{n}-{ {'f': 'я', 'n': 'е'}.get(gender, 'й')}"
        return str(n)

    def __str__(self) -> str:
        return format(self, "")


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
        text = self.translations.gettext(message)
        return text.format(**values) if values else text

    def pgettext(self, context: str, message: str, **values) -> str:
        text = self.translations.pgettext(context, message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        text = self.translations.ngettext(singular, plural, n)
        return text.format(n=self.number(n), **values)

    # Numbers, dates, lists -------------------------------------------------

    def number(self, value: int | float | None) -> str:
        return "–" if value is None else format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def date(self, value: dt.date, form: str = "long") -> str:
        return format_date(value, form, locale=self.locale)

    def month(self, month: int, width: str = "wide") -> str:
        """The month's name as a heading (nominative, capitalised)."""
        form = "LLLL" if width == "wide" else "LLL"
        name = format_date(dt.date(2000, month, 1), form, locale=self.locale)
        return name[:1].upper() + name[1:]

    def date_range(self, start: dt.date, end: dt.date) -> str:
        """A date or a range of dates as people write it in the language."""
        d = lambda day, form: format_date(day, form, locale=self.locale)  # noqa: E731
        if start == end:
            return self.pgettext("date", "{day} {month} {year}", day=d(start, "d"),
                                 month=d(start, "MMMM"), year=d(start, "y"))
        if (start.year, start.month) == (end.year, end.month):
            context = "two days" if (end - start).days == 1 else "same month"
            return self.pgettext(f"date range, {context}", "{day1}–{day2} {month} {year}",
                                 day1=d(start, "d"), day2=d(end, "d"),
                                 month=d(end, "MMMM"), year=d(end, "y"))
        if start.year == end.year:
            return self.pgettext("date range, same year",
                                 "{day1} {month1} – {day2} {month2} {year}",
                                 day1=d(start, "d"), month1=d(start, "MMMM"),
                                 day2=d(end, "d"), month2=d(end, "MMMM"), year=d(end, "y"))
        return self.pgettext("date range, two years", "{date1} – {date2}",
                             date1=self.date(start), date2=self.date(end))

    def list(self, items: list[str]) -> str:
        return format_list(list(items), locale=self.locale) if items else ""

    def ordinal(self, number: int) -> Ordinal:
        return Ordinal(number, self.lang)

    # Names --------------------------------------------------------------

    def country(self, iso3: str) -> str:
        return country_name(iso3, self.locale.split("_")[0]) if iso3 else ""

    def mechanism_name(self, mechanism: Mechanism) -> str:
        return mechanism.names.get(self.lang) or mechanism.names["en"]

    def other_names(self, mechanism: Mechanism) -> list[tuple[str, str]]:
        """(language, name) of the mechanism in the table's other languages, when given."""
        wanted = [x for x in OTHER_NAME_LANGUAGES.get(self.lang, ("en",)) if x != self.lang]
        return [(x, mechanism.names[x]) for x in wanted if x in mechanism.names]

    def party_names(self, parties: tuple[Party, ...]) -> str:
        """States and territories alphabetical in the reader's language, then organisations."""
        countries = sorted((self.country(p.code) for p in parties if p.code), key=collation_key)
        others = sorted((p.name for p in parties if not p.code), key=collation_key)
        return ", ".join(countries + others)

    def label(self, value: str, vocabulary: str) -> str:
        """The reader's label of a vocabulary value; unknown tags are shown humanised."""
        message = VOCABULARY_LABELS[vocabulary].get(value)
        if message is None:
            return value.replace("-", " ").capitalize()
        return self.gettext(message)

    def data_text(self, text: str) -> Markup:
        """Free text from the inputs, tagged with its language when it is not the reader's."""
        if not text or self.lang == DATA_LANGUAGE:
            return escape(text)
        return Markup('<span lang="{}" dir="ltr">{}</span>').format(DATA_LANGUAGE, text)

    # Meeting sentences ----------------------------------------------------

    def meeting_name(self, meeting: Meeting) -> Markup:
        """'The 4th Ministerial Meeting', or 'The thematic meeting “Title”'."""
        if meeting.edition:
            pattern = EDITION_PATTERNS[meeting.level]
            return escape(self.gettext(pattern, n=self.ordinal(meeting.edition)))
        pattern = escape(self.gettext(TITLE_PATTERNS[meeting.level]))
        return pattern.format(title=self.data_text(meeting.title))

    def place(self, meeting: Meeting) -> str:
        city, country = meeting.city, self.country(meeting.country)
        if city.casefold() in ("online", "virtual", "en ligne", "en línea", "virtuel"):
            city = ""
        if city and country:
            return self.gettext("in {city}, {country}", city=city, country=country)
        if city or country:
            return self.gettext("in {place}", place=city or country)
        return self.gettext("online")

    def meeting_sentence(self, meeting: Meeting) -> Markup:
        """One sentence per meeting: who, when, where, what it adopted; then its summary."""
        values = dict(meeting=self.meeting_name(meeting),
                      dates=self.date_range(meeting.start, meeting.end),
                      place=self.place(meeting))
        if meeting.outcome_document:
            pattern = self.gettext("{meeting}, {dates} {place}, adopted the outcome document "
                                   "“{outcome}”.")
            values["outcome"] = Markup("<cite>{}</cite>").format(
                self.data_text(meeting.outcome_document))
        else:
            pattern = self.gettext("{meeting} took place on {dates} {place}.")
        sentence = escape(pattern).format(**values)
        if meeting.summary:
            sentence += Markup(" ") + self.data_text(meeting.summary)
        return sentence


EDITION_PATTERNS = {
    "ministerial": N_("The {n} Ministerial Meeting"),
    "senior-officials": N_("The {n} Senior Officials’ Meeting"),
    "technical": N_("The {n} Technical Meeting"),
    "thematic": N_("The {n} Thematic Meeting"),
    "working-group": N_("The {n} Working Group Meeting"),
    "summit": N_("The {n} Summit"),
    "other": N_("The {n} Meeting"),
}
TITLE_PATTERNS = {
    "ministerial": N_("The ministerial meeting “{title}”"),
    "senior-officials": N_("The senior officials’ meeting “{title}”"),
    "technical": N_("The technical meeting “{title}”"),
    "thematic": N_("The thematic meeting “{title}”"),
    "working-group": N_("The working group meeting “{title}”"),
    "summit": N_("The summit “{title}”"),
    "other": N_("The meeting “{title}”"),
}
