"""Everything that depends on the reader's language: messages, numbers, dates, names.

One ``Localiser`` per language holds the gettext catalogue and the Babel
locale. Whole sentences are gettext patterns with named placeholders, so each
language orders them its own way; ordinals carry their grammatical gender in
the pattern itself ('La {n:f} réunion ministérielle'), see ``Ordinal``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import os
import re
from dataclasses import dataclass
from functools import cache, cached_property

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.support import Translations
from markupsafe import Markup, escape

from .catalogues import catalogue_path, compile_catalogue
from .countries import country_name
from .labels import N_, NC_, VOCABULARY_LABELS
from .model import Mechanism, Meeting, Party
from .schema import header_key

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
DATA_LANGUAGE = "en"
"""The language of free text in the inputs (titles, summaries)."""


def collation_key(text: str, lang: str = "en") -> str:
    """Alphabetical order that ignores case, accents and punctuation.

    Arabic lists are ordered without the article: الأردن sorts under ا-ر-د-ن.
    """
    if lang == "ar":
        text = re.sub(r"^\s*ال", "", text)
    return header_key(text)


@cache
def load_translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language; English is the source language.

    `make` compiles the catalogues; a .mo missing or older than its .po is
    compiled again here, in memory if the package folder is read-only.
    """
    if lang == "en":
        return gettext.NullTranslations()
    po, mo = catalogue_path(lang, "po"), catalogue_path(lang, "mo")
    if not mo.exists() or (po.exists() and mo.stat().st_mtime < po.stat().st_mtime):
        data = compile_catalogue(po, lang)
        try:  # atomically: another process may be reading it
            partial = mo.with_suffix(f".mo.{os.getpid()}")
            partial.write_bytes(data)
            partial.replace(mo)
        except OSError:
            return Translations(io.BytesIO(data), domain="messages")
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
            # Masculine 1 and 3 shorten before the noun: 'el 1.er Foro', 'el 3.er Congreso'.
            short = gender == "m" and n % 10 in (1, 3) and n % 100 != 11
            return f"{n}.{'ª' if gender == 'f' else 'er' if short else 'º'}"
        if lang == "ru":
            return f"{n}-{ {'f': 'я', 'n': 'е'}.get(gender, 'й')}"
        if lang == "ar":
            return arabic_ordinal(n, feminine=gender == "f")
        return str(n)

    def __str__(self) -> str:
        return format(self, "")


ARABIC_UNITS = {
    "m": ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع", "العاشر"),
    "f": ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
          "الثامنة", "التاسعة", "العاشرة"),
}
ARABIC_TENS = ("العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون",
               "التسعون")


def arabic_ordinal(n: int, feminine: bool = False) -> str:
    """The ordinal adjective that follows a definite noun: الاجتماع الوزاري الرابع.

    Words up to 100 (nominative, as the meeting is the subject of its sentence);
    beyond, the digits with the article, as the Arabic press writes them: الـ101.
    """
    g = "f" if feminine else "m"

    def unit(u: int) -> str:
        return ("الحادية" if feminine else "الحادي") if u == 1 else ARABIC_UNITS[g][u - 1]

    if 1 <= n <= 10:
        return ARABIC_UNITS[g][n - 1]
    if 11 <= n <= 19:
        return f"{unit(n - 10)} {'عشرة' if feminine else 'عشر'}"
    if 20 <= n <= 99:
        tens, units = divmod(n, 10)
        return f"{unit(units)} و{ARABIC_TENS[tens - 2]}" if units else ARABIC_TENS[tens - 2]
    if n == 100:
        return "المائة"
    return f"الـ{n}"


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

    def month(self, month: int, width: str = "wide", heading: bool = True) -> str:
        """The month's name on its own (nominative): capitalised as a heading, or as
        written inside a sentence ('mai' in French, 'May' in English)."""
        form = "LLLL" if width == "wide" else "LLL"
        name = format_date(dt.date(2000, month, 1), form, locale=self.locale)
        return name[:1].upper() + name[1:] if heading else name

    def day(self, value: dt.date) -> str:
        """The day of the month; the French write the first 'le 1er janvier'."""
        return "1er" if self.lang == "fr" and value.day == 1 else format_date(
            value, "d", locale=self.locale)

    def date_range(self, start: dt.date, end: dt.date, in_sentence: bool = False) -> str:
        """A date or a range of dates as people write it: in a table, or inside a sentence
        (where French says 'les 23 et 24 janvier', Spanish 'del 23 al 25 de enero')."""
        d = lambda day, form: format_date(day, form, locale=self.locale)  # noqa: E731
        if start == end:
            kind, values = "day", dict(day=self.day(start), month=d(start, "MMMM"),
                                       year=d(start, "y"))
        elif (start.year, start.month) == (end.year, end.month):
            kind = "two days" if (end - start).days == 1 else "same month"
            values = dict(day1=self.day(start), day2=self.day(end), month=d(end, "MMMM"),
                          year=d(end, "y"))
        else:
            kind = "same year" if start.year == end.year else "two years"
            values = dict(day1=self.day(start), month1=d(start, "MMMM"), year1=d(start, "y"),
                          day2=self.day(end), month2=d(end, "MMMM"), year2=d(end, "y"))
            if kind == "same year":
                values["year"] = values.pop("year2")
                del values["year1"]
        context, message = (SENTENCE_DATE_PATTERNS if in_sentence else DATE_PATTERNS)[kind]
        return self.pgettext(context, message, **values)

    def list(self, items: list[str]) -> str:
        return format_list(list(items), locale=self.locale) if items else ""

    def ordinal(self, number: int) -> Ordinal:
        return Ordinal(number, self.lang)

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
            return escape(mechanism.names[self.lang])
        return self.data_text(mechanism.names["en"])

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
        separator = Locale.parse(self.locale).list_patterns["standard"]["middle"].format("", "")
        if self.lang == "ar":
            separator = "، "  # CLDR's middle pattern for Arabic is 'and' (و), not a comma
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

    def place(self, meeting: Meeting) -> Markup:
        """'in Colombo, Sri Lanka', 'in Sri Lanka' or 'online', as the language says it."""
        city, country = meeting.city, self.country(meeting.country)
        if header_key(city) in ONLINE:
            city = ""
        city = self.data_text(city)
        if city and country:
            pattern = self.gettext("in {city}, {country}")
        elif city:
            pattern = self.gettext("in {city}")
        elif country:
            pattern = self.gettext("in {country}")
        else:
            return escape(self.gettext("online"))
        return escape(pattern).format(city=city, country=country)

    def meeting_sentence(self, meeting: Meeting) -> Markup:
        """One sentence per meeting: who, when, where, what it adopted; then its summary.

        Each level has its own patterns, so that verbs and participles agree with
        the noun the language uses for that kind of meeting ('s’est tenue' /
        's’est tenu', 'состоялось' / 'состоялся').
        """
        held, adopted = SENTENCE_PATTERNS[meeting.level]
        values = dict(meeting=self.meeting_name(meeting),
                      dates=self.date_range(meeting.start, meeting.end, in_sentence=True),
                      place=self.place(meeting))
        if meeting.outcome_document:
            pattern = self.pgettext(*adopted)
            values["outcome"] = Markup("<cite>{}</cite>").format(
                self.data_text(meeting.outcome_document))
        else:
            pattern = self.pgettext(*held)
        sentence = escape(pattern).format(**values)
        if meeting.summary and self.lang == DATA_LANGUAGE:
            sentence += Markup(" ") + escape(meeting.summary)
        elif meeting.summary:
            # In another language the English summary gets a line of its own, where it
            # reads left to right even on an Arabic page.
            sentence += Markup('<span class="summary" lang="{}" dir="ltr">{}</span>').format(
                DATA_LANGUAGE, meeting.summary)
        return sentence


# Dates: (message context, pattern). The context tells translators which case it is.
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
    "day": NC_("date in a sentence", "{day} {month} {year}"),
    "two days": NC_("date range in a sentence, two days", "{day1}–{day2} {month} {year}"),
    "same month": NC_("date range in a sentence, same month", "{day1}–{day2} {month} {year}"),
    "same year": NC_("date range in a sentence, same year",
                     "{day1} {month1} – {day2} {month2} {year}"),
    "two years": NC_("date range in a sentence, two years",
                     "{day1} {month1} {year1} – {day2} {month2} {year2}"),
}

EDITION_PATTERNS = {
    # Translators: {n} is the ordinal (4th). Its format gives the gender of the noun it
    # qualifies: {n:m} masculine (default), {n:f} feminine, {n:n} neuter: 'La {n:f} réunion'.
    "ministerial": N_("The {n} Ministerial Meeting"),
    "senior-officials": N_("The {n} Senior Officials’ Meeting"),
    "technical": N_("The {n} Technical Meeting"),
    "thematic": N_("The {n} Thematic Meeting"),
    "working-group": N_("The {n} Working Group Meeting"),
    "summit": N_("The {n} Summit"),
    "other": N_("The {n} Meeting"),
}
TITLE_PATTERNS = {
    # Translators: {title} is the meeting's title as written in the inputs (English).
    "ministerial": N_("The ministerial meeting “{title}”"),
    "senior-officials": N_("The senior officials’ meeting “{title}”"),
    "technical": N_("The technical meeting “{title}”"),
    "thematic": N_("The thematic meeting “{title}”"),
    "working-group": N_("The working group meeting “{title}”"),
    "summit": N_("The summit “{title}”"),
    "other": N_("The meeting “{title}”"),
}

# Per level: (took place, adopted an outcome document). The context names the kind of
# meeting so that translators can make the verb agree with the noun they chose for it.
SENTENCE_PATTERNS = {
    "ministerial": (
        # Translators: {meeting} is 'The 4th Ministerial Meeting' (see those messages),
        # {dates} a date in a sentence, {place} 'in Colombo, Sri Lanka' or 'online'.
        NC_("sentence, ministerial meeting", "{meeting} took place on {dates} {place}."),
        NC_("sentence, ministerial meeting",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
    "senior-officials": (
        NC_("sentence, senior officials’ meeting", "{meeting} took place on {dates} {place}."),
        NC_("sentence, senior officials’ meeting",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
    "technical": (
        NC_("sentence, technical meeting", "{meeting} took place on {dates} {place}."),
        NC_("sentence, technical meeting",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
    "thematic": (
        NC_("sentence, thematic meeting", "{meeting} took place on {dates} {place}."),
        NC_("sentence, thematic meeting",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
    "working-group": (
        NC_("sentence, working group meeting", "{meeting} took place on {dates} {place}."),
        NC_("sentence, working group meeting",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
    "summit": (
        NC_("sentence, summit", "{meeting} took place on {dates} {place}."),
        NC_("sentence, summit",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
    "other": (
        NC_("sentence, other meeting", "{meeting} took place on {dates} {place}."),
        NC_("sentence, other meeting",
            "{meeting}, {dates} {place}, adopted the outcome document “{outcome}”.")),
}
