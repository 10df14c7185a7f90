"""Cell parsers: one function per kind of column, from a cell as read to a canonical value.

Each parser takes the cell (already known not to be blank) and returns the
value, or raises ``Invalid`` with a message and what to do. They are pure and
know nothing of rows or files: ``validate`` applies them to whole columns and
turns ``Invalid`` into located ``Problem``s.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
from babel.dates import get_month_names

from .config import FIRST_YEAR
from .countries import suggest_countries, to_iso3
from .schema import VOCABULARIES, Column, header_key


class Invalid(ValueError):
    """A cell that cannot be read: what is wrong, and what to do."""

    def __init__(self, code: str, message: str, hint: str = "", severity: str = "error"):
        super().__init__(message)
        self.code, self.message, self.hint, self.severity = code, message, hint, severity


@dataclass(frozen=True)
class Context:
    """What parsers need beyond the cell."""

    year: int
    """The bulletin year: no year after it is accepted."""


SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff\x00-\x08\x0e-\x1b\x7f]+")
"""Spaces of every kind, and control characters: invisible in a cell (Excel keeps one pasted
from elsewhere as _x0001_), and no document may hold them (XLSX refuses them)."""
LIST_SEPARATORS = re.compile(r"\s*;\s*")
LOOSE_SEPARATORS = re.compile(r"\s*[;,]\s*|\s+/\s+")
"""Vocabulary and theme lists may also use ',' or ' / '; names (aliases) may hold commas."""
TAG_COLUMNS = ("thematic_focus", "themes")
LOOSE_COLUMNS = (*TAG_COLUMNS, "region")
"""Lists whose items never hold a comma, so ',' and ' / ' separate them as well as ';'."""


def clean_text(value: object) -> str:
    """A cell as text: spaces (non-breaking ones, control characters) trimmed and runs folded;
    2002.0 -> '2002'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return SPACES.sub(" ", str(value)).strip()


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) \
        or clean_text(value) == ""


def parse_text(value: object, column: Column, ctx: Context) -> str:
    return clean_text(value)


ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_id(value: object, column: Column, ctx: Context) -> str:
    text = clean_text(value)
    if not ID_PATTERN.match(text):
        slug = re.sub(r"[^a-z0-9]+", "-", header_key_keep_spaces(text)).strip("-")
        raise Invalid("bad-id", "is not a short id of lowercase letters, digits and hyphens",
                      f"Use for example '{slug}'.")
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
        raise Invalid("unknown-value", f"is not one of the values of '{column.name}'",
                      f"Use one of: {allowed}.")
    return found


def parse_list(value: object, column: Column, ctx: Context) -> tuple[str, ...]:
    """Items separated by ';' (vocabularies, themes and regions: ',' and ' / ' too).
    Vocabulary lists check each item; free tags are slugged; the rest stay as written."""
    loose = column.vocabulary or column.name in LOOSE_COLUMNS
    separators = LOOSE_SEPARATORS if loose else LIST_SEPARATORS
    items = [i for i in separators.split(clean_text(value)) if i]
    if column.vocabulary:
        return tuple(dict.fromkeys(parse_enum(i, column, ctx) for i in items))
    if column.name in TAG_COLUMNS:
        return tuple(dict.fromkeys(re.sub(r"[\s_]+", "-", i.casefold()) for i in items))
    return tuple(dict.fromkeys(items))


MAX_INT_DIGITS = 6
"""No edition runs to a million; int() itself refuses text of over 4,300 digits."""


def parse_int(value: object, column: Column, ctx: Context) -> int:
    text = clean_text(value)
    if not re.fullmatch(r"\d+", text):
        raise Invalid("not-a-number", "is not a whole number", "Write a number such as 4.")
    if len(text) > MAX_INT_DIGITS:
        raise Invalid("not-a-number", f"is a number of {len(text)} digits, too large for "
                      f"'{column.name}'", "Write a number such as 4.")
    return int(text)


def parse_year(value: object, column: Column, ctx: Context) -> int:
    text = clean_text(value)
    if isinstance(value, (dt.date, dt.datetime)):
        text = str(value.year)
    if not re.fullmatch(r"\d{4}", text):
        raise Invalid("bad-year", "is not a year", "Write the year with four digits, e.g. 2019.")
    year = int(text)
    if not FIRST_YEAR <= year <= ctx.year:
        raise Invalid("bad-year", f"is outside {FIRST_YEAR}–{ctx.year}",
                      f"Years before {FIRST_YEAR} or after the bulletin year are not accepted; "
                      "check the year.")
    return year


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations in English, French and Spanish -> 1..12."""
    months: dict[str, int] = {}
    for lang in ("en", "fr", "es"):
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
        raise Invalid("bad-date", "is a number, not a date", "Write the date as dd/mm/yyyy.")
    text = clean_text(value)
    if m := ISO_DATE.match(text):
        year, month, day = (int(x) for x in m.groups())
    elif m := DAY_FIRST.match(text):
        day, month, year = (int(x) for x in m.groups())
    elif (m := WRITTEN_DATE.match(text)) and header_key(m[2]) in month_numbers():
        day, month, year = int(m[1]), month_numbers()[header_key(m[2])], int(m[3])
    else:
        raise Invalid("bad-date", "is not a date",
                      "Write it as dd/mm/yyyy (11/02/2024 is 11 February 2024).")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Invalid("bad-date", "is not a date that exists",
                      "Check the day and the month (day first: dd/mm/yyyy).") from None


def parse_country(value: object, column: Column, ctx: Context) -> str:
    text = clean_text(value)
    code = to_iso3(text)
    if code is None:
        raise Invalid("unknown-country", "is not a country name that could be recognised",
                      did_you_mean(suggest_countries(text))
                      + "Write the country's usual English, French or Spanish name.")
    return code


def did_you_mean(candidates: list[str]) -> str:
    return f"Did you mean {' or '.join(candidates)}? " if candidates else ""


def parse_url(value: object, column: Column, ctx: Context) -> str:
    text = clean_text(value)
    try:
        parts = urlsplit(text)
    except ValueError:  # a bracket left open ('https://[::1'), a full-width '#' in the host
        raise Invalid("bad-url", "is not a web address that can be read: the part after "
                      "https:// is malformed", "Write the full address, e.g. "
                      "https://www.budapestprocess.org.") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        raise Invalid("bad-url", "is not a web address starting with https://",
                      "Write the full address, e.g. https://www.budapestprocess.org.")
    return text


def parse_bool(value: object, column: Column, ctx: Context) -> bool:
    return parse_enum(value, column, ctx) == "yes"


Parser = Callable[[object, Column, Context], object]

PARSERS: dict[str, Parser] = {
    "text": parse_text,
    # Mechanism references are resolved against the mechanisms table in validate.
    "mechanism": parse_text,
    "id": parse_id,
    "enum": parse_enum,
    "list": parse_list,
    "int": parse_int,
    "year": parse_year,
    "date": parse_date,
    "country": parse_country,
    "url": parse_url,
    "bool": parse_bool,
}

def parse_distinct(values: pd.Series, parse: Callable[[object], object]
                   ) -> tuple[np.ndarray, list]:
    """parse applied once per distinct value: (index of each value's result, the results).

    Tens of thousands of rows hold a few hundred distinct values; parsing those
    once keeps validation fast.
    """
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    return codes, [parse(value) for value in uniques]


def rows_by_code(codes: np.ndarray) -> list[np.ndarray]:
    """Positions holding each code, for codes 0..max: one sort instead of a scan per code."""
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(codes.max(initial=-1) + 2))
    return [order[bounds[k]:bounds[k + 1]] for k in range(len(bounds) - 1)]


EMPTY: dict[str, object] = {"list": (), "int": None, "year": None, "date": None,
                            "bool": None}
"""The value of a blank optional cell, by kind (default '')."""
