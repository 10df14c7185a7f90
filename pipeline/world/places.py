"""Meeting places in the reader's language: a gazetteer of the cities meetings are held in.

data/cities.csv holds one row a city: its key (the English name, as editors write it), the
ISO 3166-1 alpha-3 code of its country, its name in English, French, Spanish, Russian and
Arabic, and the phrase each language puts in a sentence for "in {city}" ('au Caire',
'в Женеве', 'en El Cairo', 'في القاهرة'). data/CITIES-SOURCES.md says where every form
comes from. A city the table does not know gives None: the caller then keeps the name as
written and builds a sentence in which a foreign name need not be declined.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ..languages import CODES, require_columns
from ..utils.text import header_key

DATA = Path(__file__).resolve().parent / "data" / "cities.csv"
LANGUAGES = CODES
"""The gazetteer's languages: a name and a phrase column each (languages.py)."""


@dataclass(frozen=True)
class CityNames:
    """One city of the gazetteer: its names and its 'in {city}' phrase in each language."""

    key: str
    iso3: str | None
    capital: bool
    names: Mapping[str, str] = field(hash=False)
    phrases: Mapping[str, str] = field(hash=False)
    zone: str | None = None
    source: str = ""

    def name(self, lang: str) -> str | None:
        """The bare name in a language ('Le Caire'), or None where the table has none."""
        return self.names.get(language(lang)) or None

    def in_city(self, lang: str) -> str | None:
        """The whole phrase 'in {city}' in a language ('au Caire'), or None."""
        return self.phrases.get(language(lang)) or None


def language(lang: str) -> str:
    """'fr', 'fr_CH' or 'FR-ca' -> 'fr': the gazetteer has one column a language."""
    return lang.replace("-", "_").partition("_")[0].lower()


def _city(row: Mapping[str, str]) -> CityNames:
    """A row of cities.csv as a CityNames."""
    return CityNames(
        key=row["key"], iso3=row["iso3"] or None, capital=row["capital"] == "1",
        names=MappingProxyType({lang: row[lang] for lang in LANGUAGES}),
        phrases=MappingProxyType({lang: row[f"{lang}_in"] for lang in LANGUAGES}),
        zone=row["zone"] or None, source=row["source"])


def _forms(row: Mapping[str, str]) -> set[str]:
    """Every folded form a row answers to: its key, its five names and its aliases."""
    names = [row["key"], *(row[lang] for lang in LANGUAGES), *row["aliases"].split("|")]
    return {header_key(name) for name in names} - {""}


@cache
def cities() -> tuple[CityNames, ...]:
    """Every row of the gazetteer, read once."""
    return tuple(_city(row) for row in _rows())


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with DATA.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        require_columns(DATA.name, reader.fieldnames or (), "{code}", "{code}_in")
        return tuple(reader)


@cache
def _index() -> dict[str, tuple[CityNames, ...]]:
    """Folded name -> the cities that bear it (more than one only across countries)."""
    index: dict[str, list[CityNames]] = {}
    for row, city in zip(_rows(), cities()):
        for form in _forms(row):
            index.setdefault(form, []).append(city)
    return {form: tuple(found) for form, found in index.items()}


def city_names(city: str, iso3: str | None = None) -> CityNames | None:
    """The gazetteer's entry for a city as editors write it, in any of the five languages.

    Case, accents and punctuation do not matter ('Chişinău', 'Nukualofa', 'BRASILIA').
    With a country, only that country's cities answer (a city with no country, such as
    Jerusalem, answers any); without one, a name two countries share answers nothing."""
    found = _index().get(header_key(city), ())
    if iso3:
        found = tuple(c for c in found if c.iso3 in (None, iso3.strip().upper()))
    return found[0] if len(found) == 1 else None


ONLINE = frozenset(header_key(word) for word in (
    "online", "virtual", "en ligne", "virtuel", "virtuelle", "en línea", "virtualmente",
    "онлайн", "عبر الإنترنت"))
"""What editors write in the city column for a meeting held online (folded)."""


def is_online(city: str) -> bool:
    """A meeting held online, by what its city column says ('Online', 'en ligne')."""
    return header_key(city) in ONLINE


def in_city(city: str, iso3: str | None, lang: str) -> str | None:
    """'au Caire', 'в Женеве', 'en El Cairo', 'في القاهرة', 'in Geneva'; None when unknown."""
    entry = city_names(city, iso3)
    return entry.in_city(lang) if entry else None


def city_name(city: str, iso3: str | None, lang: str) -> str | None:
    """The bare name of a city in a language ('Le Caire'); None when unknown."""
    entry = city_names(city, iso3)
    return entry.name(lang) if entry else None
