"""Region names as editors write them, in three languages -> macro-regions; States -> one."""

import re

import pytest
from babel import Locale

from pipeline.world import regions
from pipeline.world.countries import _converter
from pipeline.world.regions import (
    MACRO_REGIONS,
    macro_region_of_states,
    macro_regions,
    region_label_key,
)

AFRICA, AMERICAS, ASIA_PACIFIC, EUROPE, MENA, CENTRAL_ASIA, GLOBAL = MACRO_REGIONS

# What the editors write (the list), in English, French and Spanish, by the
# macro-regions an ISCM reader expects them under. Spellings vary on purpose.
EXPECTED: dict[tuple[str, ...], list[str]] = {
    (AFRICA,): [
        "Africa", "Afrique", "África",
        "West Africa", "Western Africa", "Afrique de l'Ouest", "Afrique occidentale",
        "África Occidental", "África del Oeste",
        "Southern Africa", "Afrique australe", "África meridional", "África austral",
        "East Africa", "Eastern Africa", "Afrique de l'Est", "Afrique orientale",
        "África Oriental", "África del Este",
        "Central Africa", "Middle Africa", "Afrique centrale", "África Central",
        "Horn of Africa", "Corne de l'Afrique", "Cuerno de África",
        "Sub-Saharan Africa", "Subsaharan Africa", "Afrique subsaharienne",
        "Afrique sub-saharienne", "África subsahariana",
        "Sahel", "Great Lakes", "Grands Lacs", "Grandes Lagos",
        "West and Central Africa", "Afrique de l'Ouest et du Centre",
    ],
    (AMERICAS,): [
        "Americas", "Amériques", "Américas", "America", "América",
        "Caribbean", "Caraïbes", "Caraïbe", "Caribe",
        "Central America", "Amérique centrale", "Centroamérica", "América Central",
        "Mesoamerica", "Mésoamérique", "Mesoamérica",
        "North America", "Amérique du Nord", "América del Norte", "Norteamérica",
        "South America", "Amérique du Sud", "América del Sur", "Sudamérica", "Suramérica",
        "Latin America", "Amérique latine", "América Latina", "Latinoamérica",
        "Latin America and the Caribbean", "Amérique latine et Caraïbes",
        "América Latina y el Caribe",
        "Andean region", "région andine", "región andina",
        "Southern Cone", "Cône Sud", "Cono Sur",
    ],
    (ASIA_PACIFIC,): [
        "Asia-Pacific", "Asia and the Pacific", "Asie-Pacifique", "Asia-Pacífico",
        "Asia y el Pacífico", "Asia", "Asie",
        "South-East Asia", "Asie du Sud-Est", "Sudeste Asiático",
        "South Asia", "Asie du Sud", "Asia del Sur", "Asia meridional",
        "East Asia", "Asie de l'Est", "Asie orientale", "Asia Oriental", "Asia del Este",
        "Pacific", "Pacific Islands", "Pacifique", "îles du Pacifique", "Pacífico",
        "Oceania", "Océanie", "Oceanía",
        "Silk Routes", "routes de la soie", "Rutas de la Seda",
    ],
    (EUROPE,): [
        "Europe", "Europa",
        "Western Balkans", "Balkans occidentaux", "Balcanes Occidentales", "Balkans",
        "Eastern Partnership", "Partenariat oriental", "Asociación Oriental",
        "South Caucasus", "Caucase du Sud", "Cáucaso Sur", "Caucasus",
        "Eastern Europe", "Europe de l'Est", "Europa del Este", "Europa Oriental",
        "European Union", "EU", "Union européenne", "UE", "Unión Europea",
        "Schengen area", "espace Schengen", "espacio Schengen",
        "Nordic countries", "pays nordiques", "países nórdicos",
    ],
    (MENA,): [
        "Middle East and North Africa", "MENA", "Moyen-Orient et Afrique du Nord",
        "Oriente Medio y Norte de África", "Arab region", "Région arabe",
        "North Africa", "Northern Africa", "Afrique du Nord", "África del Norte",
        "Norte de África",
        "Maghreb", "Magreb", "Mashreq", "Machrek",
        "Gulf", "Gulf States", "GCC countries", "Golfe", "pays du Golfe", "Golfo",
        "Estados del Golfo",
        "Arab States", "États arabes", "Estados árabes",
        "Middle East", "Moyen-Orient", "Oriente Medio", "Medio Oriente",
        "Western Asia",
    ],
    (CENTRAL_ASIA,): ["Central Asia", "Asie centrale", "Asia Central"],
    (GLOBAL,): ["Global", "World", "Monde", "Mondial", "Mundo", "Mundial"],
    (EUROPE, MENA): [
        "Mediterranean", "Méditerranée", "Mediterráneo",
        "Western Mediterranean", "Méditerranée occidentale", "Mediterráneo Occidental",
        "Euro-Mediterranean", "euro-méditerranéen", "Euromediterráneo",
    ],
    (EUROPE, CENTRAL_ASIA): [
        "Commonwealth of Independent States", "CIS", "Communauté des États indépendants",
        "CEI", "Comunidad de Estados Independientes",
    ],
    (AMERICAS, EUROPE): ["Ibero-America", "Ibéro-Amérique", "Iberoamérica"],
    (AFRICA, ASIA_PACIFIC): ["Indian Ocean", "océan Indien", "océano Índico"],
}


@pytest.mark.parametrize("name, expected", [
    (name, expected) for expected, names in EXPECTED.items() for name in names
])
def test_written_region_names_resolve_in_three_languages(name, expected):
    assert macro_regions(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Западная Африка", (AFRICA,)), ("Юго-Восточная Азия", (ASIA_PACIFIC,)),
    ("Центральная Азия", (CENTRAL_ASIA,)), ("شمال أفريقيا", (MENA,)),
    ("أمريكا اللاتينية", (AMERICAS,)),
])
def test_cldr_names_in_russian_and_arabic(name, expected):
    assert macro_regions(name) == expected


@pytest.mark.parametrize("name", [
    "South-East Asia", "South East Asia", "Southeast Asia", "SOUTH-EASTERN ASIA",
    "south east asia", "Sud-Est asiatique", "Asie du Sud-Est", "asie du sud est",
    "Asie du Sud\u2011Est",  # non-breaking hyphen
    "Sudeste Asiático", "SUDESTE ASIATICO", "  Southeast  Asia. ",
])
def test_case_accents_spaces_and_punctuation_do_not_matter(name):
    assert region_label_key(name) == "035"


@pytest.mark.parametrize("name, key", [
    ("the Caribbean", "029"), ("la Caraïbe", "029"), ("Caribbean region", "029"),
    ("región del Caribe", "029"), ("Region of the Americas", "019"),
    ("la région des Grands Lacs", "great-lakes"), ("Sahel region", "sahel"),
    ("l’Afrique de l’Ouest", "011"), ("el Cuerno de África", "horn-of-africa"),
    ("Les Amériques", "019"),
])
def test_articles_and_the_word_region_are_ignored(name, key):
    assert region_label_key(name) == key


@pytest.mark.parametrize("name", [
    "Atlantis", "", "   ", "Region", "Western", "Northern Hemisphere", "Commonwealth",
    "Francophonie", "Europe Africa", "Europe; Horn of Africa", "Laos", "Islas Ultramarinas",
])
def test_unknown_names_give_nothing(name):
    assert macro_regions(name) == ()
    assert region_label_key(name) is None


def test_gulf_of_guinea_is_not_the_gulf():
    assert MENA not in macro_regions("Gulf of Guinea")


def test_a_cell_of_several_regions_is_read_name_by_name():
    cell = "Europe; Horn of Africa"
    assert [macro_regions(part) for part in cell.split(";")] == [(EUROPE,), (AFRICA,)]


def test_results_follow_the_table_order_without_repeats():
    every_name = [name for names in EXPECTED.values() for name in names]
    for name in every_name:
        found = macro_regions(name)
        assert list(found) == sorted(set(found), key=MACRO_REGIONS.index), name


def test_every_m49_region_of_cldr_has_a_macro_region():
    # A new M49 code in a later CLDR must be placed, not silently ignored.
    english = Locale.parse("en").territories
    for code in (code for code in english if re.fullmatch(r"\d{3}", code)):
        assert macro_regions(english[code]), (code, english[code])


def test_every_un_sub_region_of_country_converter_is_recognised():
    subregions = set(_converter().data["UNregion"]) - {"Antarctica"}
    assert subregions and all(macro_regions(name) for name in subregions)


def test_no_table_name_is_taken_by_another_region():
    # CLDR is read first: a name it gives another code would silently change meaning.
    tables = [*regions.M49_NAMES.items(),
              *((key, names) for key, (_, names) in regions.PROJECT_REGIONS.items())]
    taken = [(name, key, region_label_key(name))
             for key, names in tables for name in names if region_label_key(name) != key]
    assert taken == []


def test_label_key_gives_the_cldr_name_in_the_readers_language():
    assert Locale.parse("fr").territories[region_label_key("West Africa")] == (
        "Afrique occidentale")
    assert Locale.parse("es").territories[region_label_key("Asie du Sud-Est")] == (
        "Sudeste asiático")
    assert region_label_key("Cuerno de África") == "horn-of-africa"


@pytest.mark.parametrize("states, expected", [
    (["SEN", "NGA", "FRA"], AFRICA),
    (["FRA", "SEN"], AFRICA),  # a tie goes to the first in MACRO_REGIONS
    (["SEN", "FRA", "FRA", "fra "], AFRICA),  # a State counts once, however written
    (["MAR", "DZA", "TUN", "ESP", "FRA", "ITA", "PRT", "MLT"], EUROPE),
    (["EGY", "SDN", "LBY"], MENA),  # Northern Africa
    (["KAZ", "KGZ", "RUS"], CENTRAL_ASIA),
    (["IRN", "AFG"], ASIA_PACIFIC),  # Southern Asia
    (["MEX", "USA", "CAN"], AMERICAS),
    (["CYP", "TUR", "SAU"], EUROPE),  # Western Asia, but counted with Europe
    (["XXX", "SEN"], AFRICA),
])
def test_macro_region_of_states(states, expected):
    assert macro_region_of_states(states) == expected


@pytest.mark.parametrize("states", [[], ["XXX"], ["ATA"], ["Senegal"]])
def test_macro_region_of_unknown_states_is_none(states):
    assert macro_region_of_states(states) is None


# Members of regional groupings, from their own lists, against the names' macro-regions:
# the States' UN sub-regions and the name table must tell the same story.
@pytest.mark.parametrize("name, states", [
    ("Gulf", ["SAU", "ARE", "KWT", "QAT", "BHR", "OMN"]),
    ("Horn of Africa", ["ETH", "SOM", "DJI", "ERI", "KEN", "SDN", "SSD", "UGA"]),
    ("Sahel", ["BFA", "MLI", "MRT", "NER", "TCD"]),
    ("Maghreb", ["DZA", "LBY", "MAR", "MRT", "TUN"]),
    ("Mashreq", ["EGY", "IRQ", "JOR", "LBN", "PSE", "SYR"]),
    ("Eastern Partnership", ["ARM", "AZE", "BLR", "GEO", "MDA", "UKR"]),
    ("Western Balkans", ["ALB", "BIH", "MNE", "MKD", "SRB", "XKX"]),
    ("Silk Routes", ["AFG", "BGD", "IRN", "IRQ", "PAK"]),
    ("Andean Community", ["BOL", "COL", "ECU", "PER"]),
    ("Western Mediterranean", ["ESP", "FRA", "ITA", "MLT", "PRT", "DZA", "LBY", "MAR", "MRT",
                               "TUN"]),
    ("Ibero-America", ["ARG", "BRA", "MEX", "COL", "PER", "CHL", "ESP", "PRT", "AND"]),
    ("Pacific Islands", ["FJI", "PNG", "WSM", "TON", "VUT", "SLB", "KIR"]),
])
def test_members_of_a_grouping_fall_in_its_macro_regions(name, states):
    assert macro_region_of_states(states) in macro_regions(name)


@pytest.mark.parametrize("name, column", [
    ("CIS", "CIS"), ("European Union", "EU"), ("Schengen area", "Schengen"),
])
def test_country_converter_groupings_fall_in_their_macro_regions(name, column):
    data = _converter().data
    members = data.loc[data[column].notna() & (data[column] != ""), "ISO3"]
    assert len(members) > 5
    assert macro_region_of_states(members) in macro_regions(name)
