"""Text helpers every stage uses: folding for comparison, cleaning cells, typography.

This module imports nothing from the package, so that any stage may use it and
imports still run one way (ingest -> validate -> aggregate -> render -> write).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache

NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16, typed=True)  # called for every reference and name of every row
def header_key(text: object) -> str:
    """Fold a header or a vocabulary word for comparison: 'Date de début ' -> 'datededebut'."""
    text = str(text)
    if text.isascii():  # nothing to decompose: the same result, much faster
        return NOT_WORD.sub("", text.casefold())
    unaccented = unicodedata.normalize("NFKD", text).translate(COMBINING_MARKS)
    return NOT_WORD.sub("", unaccented.casefold())


class CombiningMarks(dict):
    """A str.translate table that deletes combining marks (accents), filled as characters
    are met: much faster than testing every character in Python."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


COMBINING_MARKS = CombiningMarks()


SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff\x00-\x08\x0e-\x1b\x7f]+")
"""Spaces of every kind, and control characters: invisible in a cell (Excel keeps one pasted
from elsewhere as _x0001_), and no document may hold them (XLSX refuses them)."""


def clean_text(value: object) -> str:
    """A cell as text: spaces (non-breaking ones too) trimmed and runs folded; 2002.0 -> '2002'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return SPACES.sub(" ", str(value)).strip()


def is_blank(value: object) -> bool:
    if isinstance(value, str):  # the common case, without the copy clean_text makes
        return value == "" or SPACES.fullmatch(value) is not None
    return value is None or (isinstance(value, float) and math.isnan(value)) \
        or clean_text(value) == ""


APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=[sS])'(?=\s|$|[,.;:)])")
NUMBER_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")


FRENCH_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]?:(?=\s|$)")
FRENCH_STOPS = re.compile(r"(?<=\S)[ \u00a0\u202f]?([;!?])(?=\s|$|[»)])")
FRENCH_QUOTES = (re.compile(r"«[ \u00a0\u202f]*"), re.compile(r"[ \u00a0\u202f]*»"))
INITIALS = re.compile(r"[\w+&.-]+")
"""An acronym of one word (PIDC, AU-HoAI, 5+5) reads the same in every language; one of
several words is a short name ('Bali Process'), to be translated."""


def typographic(text: str, lang: str = "en") -> str:
    """Data text as printed: straight apostrophes curled (Officials’, Cote d’Ivoire) and
    hyphens between numbers made en dashes (2024–2025), as UN style writes them. Nothing
    else of what the editor wrote changes; quotation marks stay as they are.

    French text also gets the spaces French typography puts inside it, unbreakable so that
    no line starts with the mark: before ':' (U+00A0), before ';', '!' and '?' (the narrow
    U+202F), inside « ». A colon between digits or in a web address is left alone.
    """
    text = NUMBER_HYPHEN.sub("–", APOSTROPHE.sub("’", text))
    if lang == "fr":
        text = FRENCH_STOPS.sub("\u202f\\1", FRENCH_COLON.sub("\u00a0:", text))
        text = FRENCH_QUOTES[1].sub("\u00a0»", FRENCH_QUOTES[0].sub("«\u00a0", text))
    return text


SPACED_DASH = re.compile(r"\s+([–—])\s+")
"""The dash between the two ends of a range of dates ('23 January – 2 February 2025')."""
BREAK_AFTER = re.compile(r"(?<=\S)([–—/])(?=\S)")
"""A dash or slash inside a word ('23–24', 'كانون الثاني/يناير'), after which a line may
break."""
NBSP, WORD_JOINER = "\u00a0", "\u2060"


def joined(text: str) -> str:
    """A date for a narrow column: lines may break at its spaces, never after the dash of
    '23–24' or the slash of a UN Arabic month ('كانون الثاني/يناير')."""
    return BREAK_AFTER.sub(lambda m: m.group(1) + WORD_JOINER, text.strip())


def nobreak(text: str) -> str:
    """A date, or a range of dates, that no line breaks inside: its spaces unbreakable, no
    break after the dash of '23–24' or the slash of a UN Arabic month ('كانون الثاني/يناير').
    A range of two full dates may still break after its spaced dash, to fit a narrow
    column: '23 January –' / '2 February 2025'."""
    text = joined(text)
    parts = SPACED_DASH.split(text)  # a date, then a dash and a date, and so on
    kept = NBSP.join(parts[0].split())
    for dash, date in zip(parts[1::2], parts[2::2]):
        kept += f"{NBSP}{dash} {NBSP.join(date.split())}"
    return kept


def words_key(text: str) -> str:
    """Text folded word by word, for whole-word comparisons: ' budapest process '."""
    return f" {' '.join(filter(None, map(header_key, text.split())))} "


def collation_key(text: str, lang: str = "en") -> str:
    """Alphabetical order that ignores case, accents and punctuation.

    Arabic lists are ordered without the article: الأردن sorts under ا-ر-د-ن.
    """
    if lang == "ar":
        text = re.sub(r"^\s*ال", "", text)
    return header_key(text)


