"""Country names in, ISO 3166-1 alpha-3 codes out, and back to names in any language.

Recognition, in this order: the project table below (forms no library knows),
the UN's short names (data/un_country_names.csv, in its five languages) and CLDR
names in English, French and Spanish (Babel), then country-converter's regular
expressions (official long forms, former names, 'Congo, Dem. Rep.').
Names going out are the UN's short names in the reader's language, or CLDR's
where the UN table has none.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import country_converter
import pandas as pd
from babel import Locale
from rapidfuzz import fuzz, process, utils

from ..languages import CODES, REPORT_CODES, require_columns
from ..utils.text import header_key, typographic

# Forms people write that neither CLDR nor country-converter knows. Keys are folded
# with header_key(), so case, accents and punctuation do not matter.
PROJECT_NAMES: dict[str, str] = {
    "drc": "COD",
    "republiquedemocratiqueducongo": "COD",
    "republiquedemocratiquedecongo": "COD",
    "republiquedecoree": "KOR",
    "rdc": "COD",
    "uae": "ARE",
    "eau": "ARE",
    "uk": "GBR",
    "usa": "USA",
    "kosovo": "XKX",
    "kosovounscr1244": "XKX",
    "kosovo1244": "XKX",
    "holysee": "VAT",
    "vatican": "VAT",
    "swaziland": "SWZ",
    "capeverde": "CPV",
    "ivorycoast": "CIV",
    "turkey": "TUR",
    "turquie": "TUR",
    "turquia": "TUR",
    "burma": "MMR",
    # UNTERM's 2026 entry for Nauru, which the table does not apply (data/SOURCES.md).
    "naoero": "NRU",
    "laos": "LAO",
    "macedonia": "MKD",
    "fyrom": "MKD",
    "russia": "RUS",
    "palestine": "PSE",
    "stateofpalestine": "PSE",
    "koreasouth": "KOR",
    "southkorea": "KOR",
}

# CLDR's names are the everyday ones ('Congo - Kinshasa', 'Russia', 'ОАЭ'); documents for
# UN bodies print the UN's short names (UNTERM, UN M49) instead, read from this table.
# data/SOURCES.md says where each name comes from; an empty cell falls back to CLDR.
UN_NAMES_FILE = Path(__file__).parent / "data" / "un_country_names.csv"
STATE_STATUSES = frozenset({"member", "observer"})
"""Statuses in the table that count as States in the figures; 'territory' does not."""


@dataclass(frozen=True)
class UNCountry:
    """One row of the UN names table: codes, status and the names it gives."""

    iso3: str
    iso2: str
    m49: str
    status: str
    names: dict[str, str]
    """Language -> UN short name, for the languages whose cell is filled."""
    since: dt.date | None = None
    """The day from which the UN uses these names (a State renamed: Türkiye, 1 June 2022);
    None: no change the table records."""
    previous: dict[str, str] = field(default_factory=dict)
    """Language -> the UN short name in force before since."""

    def names_on(self, day: dt.date | None) -> dict[str, str]:
        """The names in force on a day (an edition's date); None: the latest."""
        if day is not None and self.since is not None and day < self.since:
            return self.previous
        return self.names


# Organisations that take part in mechanisms. Checked before country names, so
# that 'Southern African Development Community' is not read as South Africa nor
# 'IOM' as the Isle of Man. Others need participant_type = organisation.
KNOWN_ORGANISATIONS = frozenset(header_key(name) for name in (
    "IOM", "International Organization for Migration", "UNHCR", "UNODC", "ILO", "OHCHR",
    "UNDP", "UNICEF", "UNFPA", "UN Women", "UNESCO", "UN DESA", "World Bank", "ICMPD",
    "Frontex", "EUAA", "Europol", "INTERPOL", "OSCE", "Council of Europe", "OECD", "ICRC",
    "IFRC", "European Union", "EU", "European Commission", "African Union", "AU",
    "African Union Commission", "AUC", "ECOWAS", "Economic Community of West African States",
    "SADC", "Southern African Development Community", "COMESA",
    "Common Market for Eastern and Southern Africa", "IGAD",
    "Intergovernmental Authority on Development", "EAC", "East African Community", "ECCAS",
    "League of Arab States", "LAS", "Arab League", "Gulf Cooperation Council", "GCC",
    "ASEAN", "Association of Southeast Asian Nations", "SAARC", "Pacific Islands Forum",
    "PIF", "Pacific Islands Forum Secretariat", "CARICOM", "Caribbean Community", "SICA",
    "Central American Integration System", "OAS", "Organization of American States",
    "MERCOSUR", "Andean Community", "CAN", "Indian Ocean Commission", "IOC", "COI",
    "Commonwealth Secretariat", "UNOCHA", "OCHA", "WHO", "World Health Organization",
    "IDB", "Inter-American Development Bank", "ICAT", "Global Forum on Migration and "
    "Development", "Migration Policy Institute", "Bali Process Regional Support Office",
))


CLDR_LANGUAGES = REPORT_CODES
"""Languages whose CLDR country names are recognised in the inputs: those of the offices that
keep them (languages.py)."""


# country-converter logs every name it does not find; validate reports those itself.
logging.getLogger("country_converter").setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def _converter() -> country_converter.CountryConverter:
    # country-converter reads its table with pandas' default missing values, and
    # pandas 3 then reads Namibia's ISO2 code 'NA' as missing and fails: hand it
    # the table read with explicit missing-value rules instead.
    path = Path(country_converter.__file__).parent / "country_data.tsv"
    data = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, na_values=[""])
    return country_converter.CountryConverter(country_data=data)


@lru_cache(maxsize=1)
def _codes() -> pd.DataFrame:
    """ISO3 -> ISO2 and UN membership, from country-converter's table."""
    data = _converter().data.set_index("ISO3")[["ISO2", "UNmember"]]
    # The ISO2 column holds a regular expression ('^GB$|^UK$'): keep the code.
    data["ISO2"] = data["ISO2"].str.extract(r"([A-Z]{2})", expand=False)
    return data


@lru_cache(maxsize=1)
def un_countries() -> dict[str, UNCountry]:
    """ISO3 -> the UN's codes, status and short names, from UN_NAMES_FILE."""
    with UN_NAMES_FILE.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        require_columns(UN_NAMES_FILE.name, reader.fieldnames or (), "{code}",
                        "previous_{code}")
        rows = list(reader)
    return {row["iso3"]: UNCountry(
        row["iso3"], row["iso2"], row["m49"], row["status"],
        {lang: row[lang] for lang in CODES if row[lang]},
        dt.date.fromisoformat(row["since"]) if row["since"] else None,
        {lang: name for lang in CODES if (name := row[f"previous_{lang}"])})
        for row in rows}


@lru_cache(maxsize=1)
def _cldr_index() -> dict[str, str]:
    """Folded UN short name (any of its five languages) or CLDR name (en, fr, es) -> ISO3."""
    index: dict[str, str] = {}
    # The UN's names first: should a CLDR name of one country fold like the UN name of
    # another, the UN's reading wins, as it is the one the documents print.
    for country in un_countries().values():
        for name in country.names.values():
            index.setdefault(header_key(name), country.iso3)
    # A former name ('Swaziland') still names the State, in an older sheet or a minute.
    for country in un_countries().values():
        for name in country.previous.values():
            index.setdefault(header_key(name), country.iso3)
    iso3_by_iso2 = {iso2: iso3 for iso3, iso2 in _codes()["ISO2"].items()}
    iso3_by_iso2["XK"] = "XKX"
    for lang in CLDR_LANGUAGES:
        for iso2, name in Locale.parse(lang).territories.items():
            if iso2 in iso3_by_iso2:
                index.setdefault(header_key(name), iso3_by_iso2[iso2])
    return index


def is_known_organisation(name: str) -> bool:
    return header_key(name) in KNOWN_ORGANISATIONS


# 'Democratic' is never dropped: the Democratic Republic of the Congo and the
# Republic of the Congo differ by that word only.
# Official long forms are the short name behind a fixed opening ('Federación de
# Rusia'); CLDR only has short names, so the opening is tried without, last.
LONG_FORM = re.compile(
    r"^(?:(?:united|federal|islamic|plurinational|bolivarian|"
    r"unie|fédérale|islamique|unida|islámica)\s+)*"
    r"(?:republic|kingdom|state|federation|sultanate|principality|grand duchy|"
    r"république|royaume|état|fédération|principauté|sultanat|"
    r"república|reino|estado|federación|principado|sultanato)"
    r"(?:\s+(?:unie|fédérale|islamique|unida|islámica|plurinacional|bolivariana|federal))*"
    r"\s+(?:of(?:\s+the)?|de(?:\s+la|\s+los|\s+las|l)?|du|des|d['’])\s*", re.IGNORECASE)


@lru_cache(maxsize=4096)
def to_iso3(name: str) -> str | None:
    """The ISO3 code of a country name in English, French or Spanish, or None."""
    code = lookup_iso3(name)
    if code is None and (short := LONG_FORM.sub("", name, count=1)) != name:
        code = lookup_iso3(short)
    return code


def exact_iso3(name: str) -> str | None:
    """The ISO3 code of a usual country name (UN or CLDR, en/fr/es), without the loose
    patterns of country-converter, which read 'Gulf of Guinea' as Guinea."""
    key = header_key(name)
    return PROJECT_NAMES.get(key) or _cldr_index().get(key)


def lookup_iso3(name: str) -> str | None:
    key = header_key(name)
    if not key:
        return None
    if key in PROJECT_NAMES:
        return PROJECT_NAMES[key]
    if key in _cldr_index():
        return _cldr_index()[key]
    code = _converter().convert(name, to="ISO3", not_found="")
    # For a three-letter word it does not know ('IOM'), it returns the word itself.
    return code if isinstance(code, str) and code in _codes().index else None


@lru_cache(maxsize=1024)
def is_state(iso3: str) -> bool:
    """True for UN Member States and observer States; False for territories (and Kosovo)."""
    if (country := un_countries().get(iso3)) is not None:
        return country.status in STATE_STATUSES
    codes = _codes()
    return iso3 in codes.index and pd.notna(codes.at[iso3, "UNmember"])


@lru_cache(maxsize=8192)
def country_name(iso3: str, lang: str, as_of: dt.date | None = None) -> str:
    """The UN short name of a country in the reader's language, else CLDR's. as_of: the day
    whose names are printed (an edition's date: an edition of 2020 says 'Turkey', one of
    2023 'Türkiye'); None, the latest."""
    country = un_countries().get(iso3)
    if country is not None and (name := country.names_on(as_of).get(lang)):
        # The table keeps the UN's text as published; print apostrophes curled, as
        # typographic() does for all data text ('People's' -> 'People’s').
        return typographic(name)
    iso2 = country.iso2 if country is not None else _codes().at[iso3, "ISO2"]
    return Locale.parse(lang).territories.get(iso2, iso3)


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """English name -> ISO3: the UN's, then CLDR's where it differs ('United Kingdom')."""
    english = Locale.parse("en").territories
    names = {name: iso3 for iso3 in _codes().index
             if (name := country_name(iso3, "en")) != iso3}
    for iso3, iso2 in _codes()["ISO2"].items():
        # An editor who mistypes 'Untied Kingdom' is shown the name they meant to write.
        if isinstance(iso2, str) and iso2 in english:
            names.setdefault(english[iso2], iso3)
    return names


def suggest_countries(name: str, limit: int = 3) -> list[str]:
    """The closest English country names, for 'did you mean' hints."""
    matches = process.extract(name, list(_english_names()), scorer=fuzz.WRatio,
                              processor=utils.default_process, limit=limit, score_cutoff=75)
    # Only the close runners-up: 'Swizerland' suggests Switzerland, not Poland too;
    # and one name a country, though the UN's and CLDR's may both come close.
    best: dict[str, str] = {}
    for name, score, _ in matches:
        if score >= matches[0][1] - 5:
            best.setdefault(_english_names()[name], name)
    return list(best.values())
