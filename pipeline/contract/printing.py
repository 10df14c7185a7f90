"""How the documents print a text of the inputs that has no translation in their language.

Each translated column of the contract says it (schema.Column.printed_as): a city by
the gazetteer's name in the language, a State by its UN name, a UN region by its name,
an acronym's initials as written; any other text in English, marked as English. That
one fact is read here, by the documents (compose/names.py) and by what counts a text
left in English (validate/translations.py: the `untranslated` warning, the translation
kit), so that the two cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..languages import SOURCE
from ..utils.text import INITIALS
from ..world import places
from ..world.countries import country_name, exact_iso3
from ..world.regions import region_name

if TYPE_CHECKING:
    from .schema import Column

CITY, COUNTRY, REGION, ACRONYM = "city", "country", "region", "initials"
PRINTED_AS: dict[str, str] = {
    CITY: "a city by the gazetteer's name in the language (world/data/cities.csv), in its "
          "row's country; an online meeting by no name (its sentence says 'online')",
    COUNTRY: "a State by its UN name in the language: the row's own code where validation "
             "classifies the rows (participants), else the text if it is a country's name",
    REGION: "each region by its UN name in the language (M49), or a State's by its UN name",
    ACRONYM: "an acronym of one word (PIDC, AU-HoAI) as written, in every language",
}
"""The ways a text is printed without a translation, besides in English (None)."""


def printed_name(column: Column, text: str, lang: str, country: str | None = None,
                 as_of: dt.date | None = None) -> str | None:
    """What the documents in lang print for a text of column that has no translation there,
    when it is not the English text marked as English (None).

    country: what the row says of the State, from column.country_from: a meeting's country
    (for its city), a participant's code ('' for an organisation); None where the text
    itself is looked up (a chair written as a country's name). as_of: the day whose
    country names are printed (the edition's date: countries.country_name).
    """
    match column.printed_as:
        case "city":
            if places.is_online(text):
                return ""
            return places.city_name(text, country or None, lang)
        case "country":
            iso3 = exact_iso3(text) if country is None else country
            return country_name(iso3, lang, as_of) if iso3 else None
        case "region":
            if name := region_name(text, lang):
                return name
            return country_name(iso3, lang, as_of) if (iso3 := exact_iso3(text)) else None
        case "initials":
            return text if INITIALS.fullmatch(text) else None
    return None


def needs_translation(column: Column, value: object, lang: str, country: str | None = None,
                      written_in: str = SOURCE) -> bool:
    """Whether a text the documents print is shown in English in lang until it is
    translated: a printed column's text, some item of which printed_name cannot name.
    written_in: the language the row says the text is written in (Column.language_from);
    one not English is printed as written, marked with its language: it needs no
    translation (a title published in Spanish)."""
    if not column.printed or (written_in or SOURCE) != SOURCE:
        return False
    items = value if isinstance(value, tuple) else (value,)
    return any(printed_name(column, item, lang, country) is None for item in items)
