"""Country names in many forms -> ISO3, and back to the UN's names (CLDR where it has none)."""

import datetime as dt
import re
from pathlib import Path

import pytest
from babel import Locale

from pipeline.languages import CODES
from pipeline.world.countries import (
    STATE_STATUSES,
    UN_NAMES_FILE,
    country_name,
    is_known_organisation,
    is_state,
    suggest_countries,
    to_iso3,
    un_countries,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name, iso3", [
    ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
    ("DRC", "COD"), ("UAE", "ARE"), ("UK", "GBR"), ("Swaziland", "SWZ"),
    ("Cape Verde", "CPV"), ("Viet Nam", "VNM"), ("Republic of Korea", "KOR"),
    ("Congo, Dem. Rep.", "COD"), ("Maroc", "MAR"), ("Suisse", "CHE"), ("KOSOVO", "XKX"),
    ("Namibia", "NAM"), ("NA", "NAM"), ("Alemania", "DEU"), ("États-Unis", "USA"),
    ("Federación de Rusia", "RUS"), ("Brésil", "BRA"), ("République du Congo", "COG"),
    ("République démocratique du Congo", "COD"), ("Estado Plurinacional de Bolivia", "BOL"),
])
def test_to_iso3_recognises_names_in_three_languages(name, iso3):
    assert to_iso3(name) == iso3


@pytest.mark.parametrize("name", ["Frnace", "IOM", "European Union", "Atlantis"])
def test_to_iso3_refuses_what_is_not_a_country(name):
    assert to_iso3(name) is None


def test_known_organisations_are_not_read_as_countries():
    assert is_known_organisation("Southern African Development Community")
    assert is_known_organisation("iom")


def test_states_territories_and_kosovo():
    assert is_state("FRA") and is_state("PSE") and is_state("VAT")
    assert not is_state("HKG")
    assert not is_state("XKX")  # counted as a territory, in line with UN usage


@pytest.mark.parametrize("iso3, lang, name", [
    ("COD", "en", "Democratic Republic of the Congo"), ("DEU", "fr", "Allemagne"),
    ("CHE", "es", "Suiza"), ("XKX", "en", "Kosovo"), ("BIH", "en", "Bosnia and Herzegovina"),
])
def test_country_name_is_cldr_or_un(iso3, lang, name):
    assert country_name(iso3, lang) == name


def test_suggestions_for_a_typo():
    assert suggest_countries("Frnace")[0] == "France"
    # The everyday name an editor meant, once a country, though the UN's is longer.
    assert suggest_countries("Untied Kingdom") == ["United Kingdom"]


LANGS = CODES


@pytest.mark.parametrize("iso3, lang, name", [
    # Names a review found wrong when they came from CLDR.
    ("NGA", "fr", "Nigéria"), ("LBR", "fr", "Libéria"), ("KAZ", "es", "Kazajstán"),
    ("BTN", "es", "Bhután"), ("PLW", "es", "Palau"), ("PNG", "es", "Papua Nueva Guinea"),
    ("NZL", "es", "Nueva Zelandia"), ("ROU", "es", "Rumania"), ("MLI", "es", "Malí"),
    ("COM", "ru", "Коморские Острова"),
    # Forms the UN writes its own way.
    ("CIV", "en", "Côte d’Ivoire"), ("TUR", "en", "Türkiye"),
    ("BOL", "en", "Bolivia (Plurinational State of)"),
    ("IRN", "en", "Iran (Islamic Republic of)"), ("IRN", "fr", "Iran (République islamique d’)"),
    ("VEN", "en", "Venezuela (Bolivarian Republic of)"), ("VAT", "en", "Holy See"),
    ("HKG", "en", "China, Hong Kong Special Administrative Region"),
    ("MAC", "fr", "Chine, région administrative spéciale de Macao"),
])
def test_country_name_is_the_un_short_name(iso3, lang, name):
    assert country_name(iso3, lang) == name


def test_printed_names_have_curled_apostrophes():
    """The table keeps the UN's text as published; documents print apostrophes curled."""
    assert "'" in un_countries()["PRK"].names["en"]
    assert country_name("PRK", "en") == "Democratic People’s Republic of Korea"


def test_the_table_has_every_member_and_observer_state_in_five_languages():
    states = {code: c for code, c in un_countries().items() if c.status in STATE_STATUSES}
    assert sum(c.status == "member" for c in states.values()) == 193
    assert {code for code, c in states.items() if c.status == "observer"} == {"VAT", "PSE"}
    assert all(set(c.names) == set(LANGS) for c in states.values()), \
        [code for code, c in states.items() if set(c.names) != set(LANGS)]


def test_the_table_codes_are_well_formed_and_unique():
    countries = list(un_countries().values())
    assert {c.status for c in countries} == {"member", "observer", "territory"}
    assert all(re.fullmatch(r"[A-Z]{3}", c.iso3) and re.fullmatch(r"[A-Z]{2}", c.iso2)
               for c in countries)
    assert len({c.iso2 for c in countries}) == len(countries)
    codes = [c.m49 for c in countries if c.m49]
    assert all(re.fullmatch(r"\d{3}", code) for code in codes) and len(set(codes)) == len(codes)
    assert all("en" in c.names for c in countries)


def test_every_empty_cell_is_listed_in_the_sources():
    """An empty cell falls back to CLDR; SOURCES.md must say which and why."""
    empty = {(code, lang) for code, c in un_countries().items()
             for lang in LANGS if lang not in c.names}
    sources = (UN_NAMES_FILE.parent / "SOURCES.md").read_text(encoding="utf-8")
    listed = {(code, lang) for code, langs in re.findall(r"^\| ([A-Z]{3}) \| ([a-z, ]+) \|",
                                                         sources, re.MULTILINE)
              for lang in langs.split(", ")}
    assert empty == listed


@pytest.mark.parametrize("lang", LANGS)
def test_every_un_name_is_read_back_as_its_country(lang):
    """What the documents print is understood in the inputs, in every language."""
    wrong = {name: (code, to_iso3(name)) for code, c in un_countries().items()
             if (name := c.names.get(lang)) and to_iso3(name) != code}
    assert not wrong


def test_un_names_that_cldr_does_not_have_are_read_back_too():
    assert to_iso3("Nueva Zelandia") == "NZL"
    assert to_iso3("Коморские Острова") == "COM"
    assert to_iso3("Naoero") == "NRU" and to_iso3("Nauru") == "NRU"


def test_is_state_follows_the_status_column():
    assert all(is_state(code) == (c.status in STATE_STATUSES)
               for code, c in un_countries().items())
    assert un_countries()["XKX"].status == "territory"


@pytest.mark.parametrize("iso3, lang, name", [
    ("XKX", "ru", "Косово"),  # no UN name in Russian in the table
    ("ALA", "ru", Locale.parse("ru").territories["AX"]),  # the M49 cell is a slip, left empty
    ("TWN", "en", "Taiwan"),  # not in the table at all
])
def test_country_name_falls_back_to_cldr(iso3, lang, name):
    assert country_name(iso3, lang) == name


@pytest.mark.parametrize("name, iso3", [
    ("République-Unie de Tanzanie", "TZA"), ("Bélarus", "BLR"), ("Viet Nam", "VNM"),
    ("Iran (Islamic Republic of)", "IRN"), ("Estado de Palestina", "PSE"),
])
def test_un_short_names_are_recognised_in_the_inputs(name, iso3):
    assert to_iso3(name) == iso3


# Names as of a day: the UN renamed some States; an edition prints the name of its date.

DATED_CHANGES = {
    "TUR": (dt.date(2022, 6, 1), ("Turkey", "Turquie", "Turquía", "Турция", "تركيا"),
            ("Türkiye", "Türkiye", "Türkiye", "Турция", "تركيا")),
    "CZE": (dt.date(2016, 7, 5),
            ("Czech Republic", "République tchèque", "República Checa", "Чешская Республика",
             "الجمهورية التشيكية"), ("Czechia", "Tchéquie", "Chequia", "Чехия", "تشيكيا")),
    "SWZ": (dt.date(2018, 4, 19), ("Swaziland", "Swaziland", "Swazilandia", "Свазиленд",
                                   "سوازيلند"),
            ("Eswatini", "Eswatini", "Eswatini", "Эсватини", "إسواتيني")),
    "MKD": (dt.date(2019, 2, 14),
            ("The former Yugoslav Republic of Macedonia",
             "ex-République yougoslave de Macédoine", "ex República Yugoslava de Macedonia",
             "бывшая югославская Республика Македония",
             "جمهورية مقدونيا اليوغوسلافية السابقة"),
            ("North Macedonia", "Macédoine du Nord", "Macedonia del Norte",
             "Северная Македония", "مقدونيا الشمالية")),
}
"""The changes SOURCES.md states, with the names before and from the day, en fr es ru ar."""


def test_the_table_records_exactly_the_stated_changes():
    dated = {code: c for code, c in un_countries().items() if c.since or c.previous}
    assert set(dated) == set(DATED_CHANGES)
    assert all(set(c.previous) == set(LANGS) for c in dated.values())
    sources = (UN_NAMES_FILE.parent / "SOURCES.md").read_text(encoding="utf-8")
    for code, c in dated.items():
        assert f"| {code} | {c.since.isoformat()} |" in sources  # its row, with its source


@pytest.mark.parametrize("iso3", sorted(DATED_CHANGES))
def test_an_edition_names_a_renamed_state_as_on_its_date(iso3):
    since, before, after = DATED_CHANGES[iso3]
    day_before = since - dt.timedelta(days=1)
    assert tuple(country_name(iso3, lang, day_before) for lang in LANGS) == before
    assert tuple(country_name(iso3, lang, since) for lang in LANGS) == after
    assert tuple(country_name(iso3, lang, dt.date(2025, 12, 18)) for lang in LANGS) == after
    assert tuple(country_name(iso3, lang) for lang in LANGS) == after  # no date: the latest


@pytest.mark.parametrize("iso3", sorted(DATED_CHANGES))
def test_a_former_name_is_read_as_its_state(iso3):
    _, before, _ = DATED_CHANGES[iso3]
    assert {to_iso3(name) for name in before[:3]} == {iso3}


def test_nauru_is_named_nauru_on_every_date():
    """UNTERM's 'Naoero' of 2026 could not be confirmed: not applied (SOURCES.md)."""
    nauru = ("Nauru", "Nauru", "Nauru", "Науру", "ناورو")
    for day in (None, dt.date(2025, 12, 18), dt.date(2026, 12, 31)):
        assert tuple(country_name("NRU", lang, day) for lang in LANGS) == nauru
    assert un_countries()["NRU"].since is None
