"""Country names in three languages and many forms -> ISO3, and back to names."""

import pytest
from babel import Locale

from pipeline.countries import (
    UN_SHORT_NAMES,
    country_name,
    is_known_organisation,
    is_state,
    suggest_countries,
    to_iso3,
)


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
def test_country_name_is_cldr_with_un_forms(iso3, lang, name):
    assert country_name(iso3, lang) == name


def test_suggestions_for_a_typo():
    assert suggest_countries("Frnace")[0] == "France"


LANGS = ("en", "fr", "es", "ru", "ar")


@pytest.mark.parametrize("iso2", sorted(UN_SHORT_NAMES))
def test_each_un_short_name_is_printed_and_read_back_as_its_country(iso2):
    """Every UN form printed in the documents is also understood in the inputs (en, fr, es),
    and each row of the table says something CLDR does not."""
    names = UN_SHORT_NAMES[iso2]
    iso3 = next(code for code in (to_iso3(names[0]), to_iso3(iso2)) if code)
    assert [country_name(iso3, lang) for lang in LANGS] == list(names)
    assert all(to_iso3(name) == iso3 for name in names[:3]), names
    assert any(name != Locale.parse(lang).territories.get(iso2)
               for lang, name in zip(LANGS, names)), f"{iso2}: CLDR says the same"


def test_names_the_un_writes_like_cldr_come_from_cldr():
    assert [country_name("EGY", lang) for lang in LANGS] == ["Egypt", "Égypte", "Egipto",
                                                            "Египет", "مصر"]


@pytest.mark.parametrize("name, iso3", [
    ("République-Unie de Tanzanie", "TZA"), ("Bélarus", "BLR"), ("Viet Nam", "VNM"),
    ("Iran (Islamic Republic of)", "IRN"), ("Estado de Palestina", "PSE"),
])
def test_un_short_names_are_recognised_in_the_inputs(name, iso3):
    assert to_iso3(name) == iso3
