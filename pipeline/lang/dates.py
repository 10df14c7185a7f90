"""Dates as each language writes them: months, days, ranges, in tables and in sentences.

A mixin of Localiser (localiser.py), which gives it lang, locale and pgettext: kept apart so
that each module stays short enough to read.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import cache
from pathlib import Path

from babel.dates import format_date

from ..contract.labels import NC_

MONTH_NAMES = Path(__file__).resolve().parent / "data" / "un_month_names.csv"
"""The months as UN documents write them where CLDR's differ: the Arabic ones, the Levantine
name then the Egyptian one ('24 نيسان/أبريل 2025'), where CLDR has only the second
(data/SOURCES.md)."""
ELISION = re.compile(r"\bde (?=[aeiouyâàéèêîïôûh])", re.IGNORECASE)
"""French elides 'de' before a vowel: 'Réunions d’avril', 'd’août', 'd’octobre'."""


@cache
def un_month_names() -> dict[str, tuple[str, ...]]:
    """Language -> its twelve months as UN documents write them, for the languages of
    MONTH_NAMES (Arabic); the others' are CLDR's."""
    with MONTH_NAMES.open(encoding="utf-8", newline="") as file:
        rows = sorted(csv.DictReader(file), key=lambda row: int(row["month"]))
    return {lang: tuple(row[lang] for row in rows) for lang in rows[0] if lang != "month"}


class Dates:
    """The dates part of a Localiser."""

    lang: str
    locale: str

    def date(self, value: dt.date, form: str = "long") -> str:
        """A date in a table or a line ('23 January 2025'); in full, in a language whose
        months the UN writes otherwise than CLDR, the day, the UN's month and the year."""
        if (months := un_month_names().get(self.lang)) and form == "long":
            return f"{value.day} {months[value.month - 1]} {value.year}"
        return format_date(value, form, locale=self.locale)

    def month(self, month: int, width: str = "wide", heading: bool = True) -> str:
        """The month's name on its own (nominative): capitalised as a heading, or as
        written inside a sentence ('mai' in French, 'May' in English)."""
        if (months := un_month_names().get(self.lang)) and width == "wide":
            return months[month - 1]
        form = "LLLL" if width == "wide" else "LLL"
        name = format_date(dt.date(2000, month, 1), form, locale=self.locale)
        return name[:1].upper() + name[1:] if heading else name

    def month_of(self, value: dt.date) -> str:
        """The month's name as it follows a day number (Russian genitive: января)."""
        if months := un_month_names().get(self.lang):
            return months[value.month - 1]
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


DATE_PATTERNS = {
    # Translators: dates in tables. {month} is the month's name in the form that follows a
    # day number (Russian genitive: января).
    "day": NC_("date", "{day} {month} {year}"),
    "two days": NC_("date range, two days", "{day1}–{day2} {month} {year}"),
    "same month": NC_("date range, same month", "{day1}–{day2} {month} {year}"),
    "same year": NC_("date range, same year", "{day1} {month1}–{day2} {month2} {year}"),
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
