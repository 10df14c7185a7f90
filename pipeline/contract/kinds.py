"""The kinds of column: each owns its parser, its blank value, its width and format in the
input templates, and whether its text is printed (so its glyphs are checked).

As MkDocs' option types own their validation, a ``Kind`` is the one place that
says what a column of that kind accepts. A parser takes a cell (already known
not to be blank) and returns the value, or raises ``Invalid`` with a message
and what to do. Parsers are pure and know nothing of rows or files: cells.py
applies them to whole columns and turns ``Invalid`` into located ``Problem``s.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol
from urllib.parse import urlsplit

from babel.dates import get_month_names

from ..config import FIRST_YEAR, REPORT_LANGUAGES
from ..utils.text import clean_text, header_key
from ..wording import R_, Either, Text
from ..world.countries import suggest_countries, to_iso3
from . import gcm
from .vocabularies import VOCABULARIES


class Column(Protocol):
    """What a parser needs of its column (schema.Column, which names its kind)."""

    name: str
    vocabulary: str | None


class Invalid(ValueError):
    """A cell that cannot be read: what is wrong, and what to do (in English in ``message``
    and ``hint``; as given, Texts to show in the report's language, in ``texts``)."""

    def __init__(self, code: str, message: str | Text, hint: str | Text = "",
                 severity: str = "error"):
        super().__init__(str(message))
        self.code, self.severity = code, severity
        self.message, self.hint, self.texts = str(message), str(hint), (message, hint)


@dataclass(frozen=True)
class Context:
    """What parsers need beyond the cell."""

    year: int
    """The bulletin year."""
    latest: int = 0
    """The latest year the inputs' meetings reach (0: none). A past edition is built from
    the same inputs as later ones: a year after the bulletin year is simply not yet true
    in it, and only a year after both is refused (a typo such as 2052)."""

    @property
    def last_year(self) -> int:
        """The latest year a cell may hold."""
        return max(self.year, self.latest)


LIST_SEPARATORS = re.compile(r"\s*;\s*")
LOOSE_SEPARATORS = re.compile(r"\s*[;,]\s*|\s+/\s+")
"""Lists of choices, tags and regions may also use ',' or ' / '; names may hold commas."""


def parse_text(value: object, column: Column, ctx: Context) -> str:
    return clean_text(value)


ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_id(value: object, column: Column, ctx: Context) -> str:
    text = clean_text(value)
    if not ID_PATTERN.match(text):
        slug = re.sub(r"[^a-z0-9]+", "-", header_key_keep_spaces(text)).strip("-")
        raise Invalid("bad-id", R_("is not a short id of lowercase letters, digits and hyphens"),
                      R_("Use for example '{slug}'.", slug=slug))
    return text


def header_key_keep_spaces(text: str) -> str:
    return " ".join(header_key(word) for word in text.split())


@cache
def vocabulary_index(name: str) -> dict[str, str]:
    """Folded word or alias -> canonical value, for one vocabulary."""
    index: dict[str, str] = {}
    for canonical, aliases in VOCABULARIES[name].items():
        for word in (canonical, *aliases):
            index.setdefault(header_key(word), canonical)
    return index


def parse_enum(value: object, column: Column, ctx: Context) -> str:
    text = clean_text(value)
    found = vocabulary_index(column.vocabulary).get(header_key(text))
    if found is None:
        allowed = ", ".join(VOCABULARIES[column.vocabulary])
        raise Invalid("unknown-value", R_("is not one of the values of '{column}'",
                                          column=column.name),
                      R_("Use one of: {values}.", values=allowed))
    return found


def split(value: object, separators: re.Pattern) -> list[str]:
    return [item for item in separators.split(clean_text(value)) if item]


def parse_choices(value: object, column: Column, ctx: Context) -> tuple[str, ...]:
    """Values of the column's vocabulary, each checked: 'member; observer'."""
    return tuple(dict.fromkeys(parse_enum(item, column, ctx)
                               for item in split(value, LOOSE_SEPARATORS)))


def parse_places(value: object, column: Column, ctx: Context) -> tuple[str, ...]:
    """Region or theme names as written ('West Africa, Sahel'; 'Labour migration, data'): no
    name holds a comma. Themes are resolved to their keys after (theme_table.py)."""
    return tuple(dict.fromkeys(split(value, LOOSE_SEPARATORS)))


def parse_names(value: object, column: Column, ctx: Context) -> tuple[str, ...]:
    """Names as written, separated by ';' only: a name may hold a comma."""
    return tuple(dict.fromkeys(split(value, LIST_SEPARATORS)))


MAX_INT_DIGITS = 6
"""No edition runs to a million; int() itself refuses text of over 4,300 digits."""


def parse_int(value: object, column: Column, ctx: Context) -> int:
    text = clean_text(value)
    if not re.fullmatch(r"\d+", text):
        raise Invalid("not-a-number", R_("is not a whole number"),
                      R_("Write a number such as 4."))
    if len(text) > MAX_INT_DIGITS:
        raise Invalid("not-a-number", R_("is a number of {digits} digits, too large for "
                                         "'{column}'", digits=len(text), column=column.name),
                      R_("Write a number such as 4."))
    return int(text)


def parse_year(value: object, column: Column, ctx: Context) -> int:
    text = clean_text(value)
    if isinstance(value, (dt.date, dt.datetime)):
        text = str(value.year)
    if not re.fullmatch(r"\d{4}", text):
        raise Invalid("bad-year", R_("is not a year"),
                      R_("Write the year with four digits, e.g. 2019."))
    year = int(text)
    if not FIRST_YEAR <= year <= ctx.last_year:
        raise Invalid("bad-year", R_("is outside {first}–{last}", first=FIRST_YEAR,
                                     last=ctx.last_year),
                      R_("Years before {first} or after the latest year of the inputs are not "
                         "accepted; check the year.", first=FIRST_YEAR))
    return year


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations in the languages the inputs are written in (English,
    French and Spanish: config.REPORT_LANGUAGES) -> 1..12."""
    months: dict[str, int] = {}
    for lang in REPORT_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=lang).items():
                months.setdefault(header_key(name), number)
    months["sept"] = 9
    return months


WRITTEN_DATE = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th|º|°)?\s+(?:de\s+)?([^\W\d]+)\.?,?"
                          r"\s+(?:de\s+)?(\d{4})$", re.IGNORECASE)
TIME_PART = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})" + TIME_PART + "$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + TIME_PART + "$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object, column: Column, ctx: Context) -> dt.date:
    """Real dates, Excel serials, ISO text, day-first text and written-out dates."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # an Excel serial number (1954–2119)
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise Invalid("bad-date", R_("is a number, not a date"),
                      R_("Write the date as dd/mm/yyyy."))
    text = clean_text(value)
    if m := ISO_DATE.match(text):
        year, month, day = (int(x) for x in m.groups())
    elif m := DAY_FIRST.match(text):
        day, month, year = (int(x) for x in m.groups())
    elif (m := WRITTEN_DATE.match(text)) and header_key(m[2]) in month_numbers():
        day, month, year = int(m[1]), month_numbers()[header_key(m[2])], int(m[3])
    else:
        raise Invalid("bad-date", R_("is not a date"),
                      R_("Write it as dd/mm/yyyy (11/02/2024 is 11 February 2024)."))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Invalid("bad-date", R_("is not a date that exists"),
                      R_("Check the day and the month (day first: dd/mm/yyyy).")) from None


def parse_country(value: object, column: Column, ctx: Context) -> str:
    text = clean_text(value)
    code = to_iso3(text)
    if code is None:
        raise Invalid("unknown-country", R_("is not a country name that could be recognised"),
                      R_("{did_you_mean}Write the country's usual English, French or Spanish "
                         "name.", did_you_mean=did_you_mean(suggest_countries(text))))
    return code


def did_you_mean(candidates: list[str]) -> Text:
    """The names a value was probably meant to be, as a question that opens a hint (or
    nothing); the names are the ones the code knows, given as they are."""
    if not candidates:
        return Text("")
    return R_("Did you mean {candidates}? ", candidates=Either(tuple(candidates)))


WRITE_URL = R_("Write the full address, e.g. https://www.budapestprocess.org.")
HOST_FIRST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?"
                        r"(?:[/?#]\S*)?", re.IGNORECASE)
"""A web address as offices write it, without its scheme: www.igc.ch, igc.ch/fr."""


def parse_url(value: object, column: Column, ctx: Context) -> str:
    """A web address; one written without its scheme (www.igc.ch, igc.ch/fr, //igc.ch) is
    read as https://, the scheme every site the mechanisms keep answers to. Any scheme but
    http(s) (javascript:, file:, data:, mailto:) is refused."""
    text = clean_text(value)
    if text.startswith("//"):
        text = f"https:{text}"
    elif HOST_FIRST.fullmatch(text):
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
    except ValueError:  # a bracket left open ('https://[::1'), a full-width '#' in the host
        raise Invalid("bad-url", R_("is not a web address that can be read: the part after "
                                    "https:// is malformed"), WRITE_URL) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        raise Invalid("bad-url", R_("is not a web address starting with https://"), WRITE_URL)
    return text


def parse_bool(value: object, column: Column, ctx: Context) -> bool:
    return parse_enum(value, column, ctx) == "yes"


def parse_as_written(value: object, column: Column, ctx: Context) -> object:
    """The cell as read (a date stays a date): what it holds depends on the row, and the
    row's own kind reads it (a publication setting's value: publication.py)."""
    return value


def is_none_word(text: str) -> bool:
    """Whether a cell says 'no objective' ('none', 'aucun', 'ninguno', '-'): gcm.NONE_WORDS."""
    return text.casefold() in gcm.NONE_WORDS


def parse_objectives(value: object, column: Column, ctx: Context) -> tuple[int, ...]:
    """The Global Compact's objectives a cell names by number ('2; 10; 23'), sorted; () for
    'none'. Text is refused (the objectives are named by their numbers), and so is a number
    outside 1–23."""
    items = split(value, LOOSE_SEPARATORS)
    if len(items) == 1 and is_none_word(items[0]):
        return ()
    found = set()
    for item in items:
        if not re.fullmatch(r"\d{1,6}", item):
            raise Invalid("not-an-objective", R_(
                "is not a list of objective numbers of the Global Compact for Migration"),
                R_("Write the objectives' numbers, from {first} to {last}, separated by ; "
                   "(2; 10; 23), or none.", first=gcm.FIRST, last=gcm.LAST))
        if not gcm.FIRST <= int(item) <= gcm.LAST:
            raise Invalid("unknown-objective", R_(
                "names objective {number}: the Global Compact for Migration has objectives "
                "{first} to {last}", number=int(item), first=gcm.FIRST, last=gcm.LAST),
                R_("Correct the number (docs/inputs.md lists the objectives)."))
        found.add(int(item))
    return tuple(sorted(found))


def parse_targets(value: object, column: Column, ctx: Context) -> tuple[str, ...]:
    """SDG targets on migration by their numbers ('10.7; 8.8'), in the framework's order; ()
    for 'none'. A target that is not one of the targets on migration is refused."""
    items = split(value, LOOSE_SEPARATORS)
    if len(items) == 1 and is_none_word(items[0]):
        return ()
    known = gcm.targets()
    for item in items:
        if item.casefold() not in known:
            raise Invalid("unknown-sdg-target", R_(
                "names {target}, which is not one of the SDG targets on migration",
                target=item), R_("Use one of: {values}; or none.", values=", ".join(known)))
    return tuple(code for code in known if code in {item.casefold() for item in items})


Parser = Callable[[object, Column, Context], object]


@dataclass(frozen=True)
class Kind:
    """A kind of column: how its cells are read, and what that implies elsewhere."""

    name: str
    parse: Parser
    blank: object = ""
    """The value of a blank optional cell."""
    width: int = 20
    """Column width in the blank input templates."""
    number_format: str | None = None
    """Cell format in the input templates (dates, years)."""
    printed: bool = False
    """Its text is printed in the documents as written: characters no bundled font can
    draw are reported."""
    several: bool = False
    """Holds a list of values (a dropdown then suggests values rather than enforcing one)."""


TEXT = Kind("text", parse_text, width=32, printed=True)
ID = Kind("id", parse_id, width=14)
# A reference to a mechanism: resolved against the mechanisms table in validate.
MECHANISM = Kind("mechanism", parse_text, width=16)
CHOICE = Kind("choice", parse_enum, width=18)
CHOICES = Kind("choices", parse_choices, blank=(), width=28, several=True)
TAGS = Kind("tags", parse_places, blank=(), width=28, printed=True, several=True)
"""Themes, as written: an unknown one is printed as written."""
PLACES = Kind("places", parse_places, blank=(), width=28, printed=True, several=True)
NAMES = Kind("names", parse_names, blank=(), width=28, several=True)
TITLES = Kind("titles", parse_names, blank=(), width=28, printed=True, several=True)
WHOLE_NUMBER = Kind("int", parse_int, blank=None, width=9)
YEAR = Kind("year", parse_year, blank=None, width=10, number_format="0")
DATE = Kind("date", parse_date, blank=None, width=13, number_format="DD/MM/YYYY")
COUNTRY = Kind("country", parse_country, width=18)
URL = Kind("url", parse_url, width=30)
YES_NO = Kind("bool", parse_bool, blank=None, width=10)
SETTING = Kind("setting", parse_text, width=24)
"""The name of a publication setting (publication.SETTINGS lists them)."""
AS_WRITTEN = Kind("as written", parse_as_written, width=40)
OBJECTIVES = Kind("objectives", parse_objectives, blank=None, width=16, several=True)
"""Objectives of the Global Compact for Migration by number ('2; 10; 23', or none); blank
(None): not given, so the themes' crosswalk counts."""
SDG_TARGETS = Kind("sdg targets", parse_targets, blank=None, width=16, several=True)
"""SDG targets on migration by number ('10.7; 8.8', or none); blank (None): not given."""
"""A setting's value: read by that setting's kind, once the row says which it is."""
