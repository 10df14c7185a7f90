"""Region names as editors write them -> the macro-regions that group the ISCM table.

Recognition, in this order: the names CLDR (Babel) gives the UN M49 regions in English,
French, Spanish, Russian and Arabic; the M49 official names and usual spellings CLDR lacks;
then the project table of IOM / ISCM region names that M49 does not have (Horn of Africa,
Gulf, Sahel...). Names are compared after header_key(): case, accents, spaces and
punctuation do not matter. States go to a macro-region through their UN sub-region, as
country-converter gives it.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from babel import Locale

from ..languages import CODES, require_columns
from ..utils.text import header_key
from .countries import _converter, exact_iso3

AFRICA = "Africa"
AMERICAS = "Americas"
ASIA_PACIFIC = "Asia-Pacific"
EUROPE = "Europe"
MENA = "Middle East and North Africa"
CENTRAL_ASIA = "Central Asia"
GLOBAL = "Global"
MACRO_REGIONS: tuple[str, ...] = (AFRICA, AMERICAS, ASIA_PACIFIC, EUROPE, MENA, CENTRAL_ASIA,
                                  GLOBAL)
"""The macro-regions, in the grouping order of the ISCM table."""

# M49 region code (and CLDR's groupings EU, EZ, QO) -> macro-regions. The macro-regions
# follow IOM's regional offices more than M49's continents, hence the decisions below.
M49_MACRO: dict[str, tuple[str, ...]] = {
    "001": (GLOBAL,),  # World
    "002": (AFRICA,),  # Africa: the macro-region's own name, although it holds Northern Africa
    "011": (AFRICA,),  # Western Africa
    "014": (AFRICA,),  # Eastern Africa
    "017": (AFRICA,),  # Middle Africa
    "018": (AFRICA,),  # Southern Africa
    "202": (AFRICA,),  # Sub-Saharan Africa
    # Northern Africa: with the Arab States, as in IOM's Middle East and North Africa office
    # (Sudan included; Western Sahara too).
    "015": (MENA,),
    "019": (AMERICAS,),  # Americas
    "419": (AMERICAS,),  # Latin America and the Caribbean
    "003": (AMERICAS,),  # North America: Northern and Central America and the Caribbean
    "021": (AMERICAS,),  # Northern America
    "013": (AMERICAS,),  # Central America
    "029": (AMERICAS,),  # Caribbean
    "005": (AMERICAS,),  # South America
    # Asia: the contract read a bare "Asia" as Asia-Pacific; Central Asia and the Arab States
    # have their own groups and are named as such when meant.
    "142": (ASIA_PACIFIC,),
    "030": (ASIA_PACIFIC,),  # Eastern Asia
    "035": (ASIA_PACIFIC,),  # South-eastern Asia
    # Southern Asia: Afghanistan and Iran too, which IOM's Asia-Pacific office covers.
    "034": (ASIA_PACIFIC,),
    "143": (CENTRAL_ASIA,),  # Central Asia
    # Western Asia: 12 of its 18 States are Arab States, plus Israel. Armenia, Azerbaijan,
    # Georgia, Cyprus and Türkiye are counted with Europe one State at a time (STATE_MACRO).
    "145": (MENA,),
    "009": (ASIA_PACIFIC,),  # Oceania
    "053": (ASIA_PACIFIC,),  # Australia and New Zealand
    "054": (ASIA_PACIFIC,),  # Melanesia
    "057": (ASIA_PACIFIC,),  # Micronesia
    "061": (ASIA_PACIFIC,),  # Polynesia
    "QO": (ASIA_PACIFIC,),  # Outlying Oceania
    "150": (EUROPE,),  # Europe
    "151": (EUROPE,),  # Eastern Europe, the Russian Federation included
    "154": (EUROPE,),  # Northern Europe
    "039": (EUROPE,),  # Southern Europe
    "155": (EUROPE,),  # Western Europe
    "EU": (EUROPE,),  # European Union
    "EZ": (EUROPE,),  # Euro area
}

# Locales whose CLDR names are recognised: each language's, and regional ones beside it.
# en_GB and en_001 spell like en today but are what British and UN English follow; fr_CA,
# es_419 and es_MX add spellings editors use ("Asie orientale", "África del Oeste",
# "Sudeste Asiático").
REGIONAL_LOCALES = {"en": ("en_GB", "en_001"), "fr": ("fr_CA",), "es": ("es_419", "es_MX")}
CLDR_LOCALES = tuple(locale for code in CODES
                     for locale in (code, *REGIONAL_LOCALES.get(code, ())))
# es_419 calls Outlying Oceania "Islas Ultramarinas" (overseas islands): that would read
# any overseas territory as Oceania.
CLDR_IGNORED = frozenset({header_key("Islas Ultramarinas")})

# Names of M49 regions that CLDR does not give: the UN Statistics Division's own names
# (unstats.un.org/unsd/methodology/m49), the contract's aliases, and IOM's usage.
M49_NAMES: dict[str, tuple[str, ...]] = {
    # The contract's aliases of Global.
    "001": ("Global", "Worldwide", "Mondial", "Mundial"),
    # IOM Regional Office for West and Central Africa; MIDWA.
    "011": ("West Africa", "Afrique de l'Ouest"),
    # IOM Regional Office for East and Horn of Africa.
    "014": ("East Africa", "Afrique de l'Est", "East and Horn of Africa",
            "Afrique de l'Est et Corne de l'Afrique", "África Oriental y el Cuerno de África"),
    # UNSD uses "Northern Africa"; editors and the contract ("Norte de África") say North.
    "015": ("North Africa", "Afrique du Nord", "Norte de África"),
    # CLDR names it Middle Africa in English only; ECCAS, IOM say Central Africa.
    "017": ("Central Africa",),
    # MIDSA; SADC in Spanish: Comunidad de Desarrollo de África Austral.
    "018": ("África austral",),
    # The UN's French and Spanish forms.
    "202": ("Afrique au sud du Sahara", "África al sur del Sahara"),
    # The contract's aliases of Americas.
    "019": ("America", "Amérique", "Américas"),
    # UNSD's name of 419 (CLDR shortens it); ECLAC / CEPAL.
    "419": ("Latin America and the Caribbean", "Amérique latine et Caraïbes",
            "Amérique latine et les Caraïbes", "América Latina y el Caribe", "América Latina",
            "LAC", "ALC"),
    "013": ("América Central",),
    "029": ("Caraïbe",),  # French usage in the Caribbean itself
    "005": ("América del Sur", "Suramérica"),  # SACM / CSM
    "030": ("East Asia",),
    "034": ("South Asia", "Asie méridionale", "Sur de Asia"),  # SAARC; Colombo Process
    # UNSD's "South-eastern Asia"; ASEAN; the Bali Process.
    "035": ("South-East Asia", "South-eastern Asia", "Sud-Est asiatique", "Sureste asiático",
            "Sudeste de Asia"),
    "145": ("West Asia",),
    # UNSD's names: CLDR says Australasia and "Micronesian Region", the latter because
    # Micronesia is also a State's name (which is in Asia-Pacific as well).
    "053": ("Australia and New Zealand", "Australie et Nouvelle-Zélande",
            "Australia y Nueva Zelandia"),
    "057": ("Micronesia", "Micronésie"),
    "EU": ("EU", "UE", "EU Member States", "États membres de l'UE", "Estados miembros de la UE"),
}

# Regions M49 does not have, as IOM and the ISCM name them: key -> (macro-regions, names in
# English, French and Spanish). The comment above each line says where the usage comes from.
PROJECT_REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # The macro-regions' own names (contract aliases).
    "asia-pacific": ((ASIA_PACIFIC,), (
        "Asia-Pacific", "Asia and the Pacific", "Asie-Pacifique", "Asie et Pacifique",
        "Asie et le Pacifique", "Asia-Pacífico", "Asia y el Pacífico")),
    "mena": ((MENA,), (
        "Middle East and North Africa", "MENA", "Moyen-Orient et Afrique du Nord",
        "Afrique du Nord et Moyen-Orient", "ANMO", "Oriente Medio y Norte de África",
        "Medio Oriente y Norte de África", "Oriente Medio y África del Norte")),
    # IGAD-RCP, Khartoum Process; IOM East and Horn of Africa office.
    "horn-of-africa": ((AFRICA,), ("Horn of Africa", "Corne de l'Afrique", "Cuerno de África")),
    # IOM Regional Office for West and Central Africa (Dakar).
    "west-and-central-africa": ((AFRICA,), (
        "West and Central Africa", "Afrique de l'Ouest et du Centre",
        "Afrique de l'Ouest et centrale", "África Occidental y Central")),
    # G5 Sahel; Rabat Process.
    "sahel": ((AFRICA,), ("Sahel", "Sahel countries", "pays du Sahel", "países del Sahel")),
    # International Conference on the Great Lakes Region (African, not North American).
    "great-lakes": ((AFRICA,), (
        "Great Lakes", "African Great Lakes", "Grands Lacs", "Grands Lacs africains",
        "Grandes Lagos")),
    # Arab Maghreb Union; the 5+5 Dialogue's southern shore.
    "maghreb": ((MENA,), ("Maghreb", "Arab Maghreb", "Maghreb arabe", "Magreb", "Magreb árabe")),
    # Abu Dhabi Dialogue (the GCC States as destination).
    "gulf": ((MENA,), (
        "Gulf", "Gulf States", "Gulf countries", "GCC", "GCC countries",
        "Gulf Cooperation Council", "Arabian Gulf", "Golfe", "États du Golfe", "pays du Golfe",
        "CCG", "pays du CCG", "Conseil de coopération du Golfe", "Golfo", "Estados del Golfo",
        "países del Golfo", "países del CCG", "Consejo de Cooperación del Golfo")),
    # ARCP (Arab Regional Consultative Process); the contract's "Arab region".
    "arab-states": ((MENA,), (
        "Arab States", "Arab region", "Arab countries", "Arab world", "États arabes",
        "Région arabe", "pays arabes", "monde arabe", "Estados árabes", "región árabe",
        "países árabes", "mundo árabe")),
    # IOM Regional Office for the Middle East and North Africa (Cairo).
    "middle-east": ((MENA,), (
        "Middle East", "Near East", "Moyen-Orient", "Proche-Orient", "Oriente Medio",
        "Medio Oriente", "Oriente Próximo", "Cercano Oriente")),
    # EU and ESCWA usage for Egypt, Iraq, Jordan, Lebanon, Palestine, Syria.
    "mashreq": ((MENA,), ("Mashreq", "Mashriq", "Machrek", "Mashrek", "Levant", "Levante")),
    # IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia (Vienna).
    "south-eastern-europe": ((EUROPE,), (
        "South-Eastern Europe", "South-East Europe", "Europe du Sud-Est",
        "Sudeste de Europa", "Europa Sudoriental")),
    # Budapest and Prague Processes; the EU's enlargement policy.
    "western-balkans": ((EUROPE,), (
        "Western Balkans", "Balkans occidentaux", "Balcanes Occidentales")),
    "balkans": ((EUROPE,), ("Balkans", "Balcanes")),
    # Prague Process; the EU's Eastern Partnership (its six States counted with Europe).
    "eastern-partnership": ((EUROPE,), (
        "Eastern Partnership", "Partenariat oriental", "Asociación Oriental")),
    "south-caucasus": ((EUROPE,), (
        "South Caucasus", "Southern Caucasus", "Caucase du Sud", "Cáucaso Sur",
        "Cáucaso Meridional")),
    "caucasus": ((EUROPE,), ("Caucasus", "Caucase", "Cáucaso")),
    # Prague and Almaty Processes: its members are in Eastern Europe and Central Asia.
    "cis": ((EUROPE, CENTRAL_ASIA), (
        "Commonwealth of Independent States", "CIS", "CIS countries",
        "Communauté des États indépendants", "CEI", "pays de la CEI",
        "Comunidad de Estados Independientes", "países de la CEI")),
    # The Schengen Agreement's area, as EU and Budapest Process texts name it.
    "schengen": ((EUROPE,), (
        "Schengen area", "Schengen", "Schengen zone", "Schengen States", "espace Schengen",
        "zone Schengen", "espacio Schengen", "zona Schengen")),
    # The Nordic Council's members.
    "nordic": ((EUROPE,), (
        "Nordic countries", "Nordic region", "Nordics", "pays nordiques", "países nórdicos")),
    "scandinavia": ((EUROPE,), ("Scandinavia", "Scandinavie", "Escandinavia")),
    # MTM (Mediterranean Transit Migration dialogue): both shores.
    "mediterranean": ((EUROPE, MENA), (
        "Mediterranean", "Mediterranean countries", "Méditerranée", "région méditerranéenne",
        "Mediterráneo", "región mediterránea")),
    # 5+5 Dialogue on migration in the Western Mediterranean.
    "western-mediterranean": ((EUROPE, MENA), (
        "Western Mediterranean", "Méditerranée occidentale", "Mediterráneo Occidental")),
    # Routes named in IOM and Frontex reporting: both shores again.
    "central-mediterranean": ((EUROPE, MENA), (
        "Central Mediterranean", "Méditerranée centrale", "Mediterráneo Central")),
    "eastern-mediterranean": ((EUROPE, MENA), (
        "Eastern Mediterranean", "Méditerranée orientale", "Mediterráneo Oriental")),
    # Union for the Mediterranean; Euro-Mediterranean Partnership.
    "euro-mediterranean": ((EUROPE, MENA), (
        "Euro-Mediterranean", "Euromed", "Euro-Mediterranean area", "Euro-Méditerranée",
        "euro-méditerranéen", "région euro-méditerranéenne", "espace euro-méditerranéen",
        "Euromediterráneo", "región euromediterránea", "espacio euromediterráneo")),
    # Budapest Process Silk Routes Partnership: Afghanistan, Bangladesh, Iran and Pakistan
    # (Southern Asia) with Iraq; one Arab State does not make it a MENA group.
    "silk-routes": ((ASIA_PACIFIC,), (
        "Silk Routes", "Silk Route", "Silk Road", "Silk Routes countries", "routes de la soie",
        "route de la soie", "pays des routes de la soie", "Rutas de la Seda", "Ruta de la Seda")),
    # PIDC (Pacific Immigration Development Community); the Pacific Islands Forum.
    "pacific": ((ASIA_PACIFIC,), (
        "Pacific", "Pacific Islands", "Pacific Island countries", "Pacifique",
        "îles du Pacifique", "États insulaires du Pacifique", "Pacífico", "islas del Pacífico",
        "Estados insulares del Pacífico")),
    # Its rim runs from East Africa to Australia (IORA); its island States are African
    # (Indian Ocean Commission) and Asian (Maldives, Sri Lanka).
    "indian-ocean": ((AFRICA, ASIA_PACIFIC), ("Indian Ocean", "océan Indien", "océano Índico")),
    # MiDIOCC: the island States of the Indian Ocean Commission, all African.
    "western-indian-ocean": ((AFRICA,), (
        "Western Indian Ocean", "South-West Indian Ocean", "océan Indien occidental",
        "sud-ouest de l'océan Indien", "océano Índico occidental")),
    # MIDCOM: COMESA's own description of its membership.
    "eastern-southern-africa": ((AFRICA,), (
        "Eastern and Southern Africa", "East and Southern Africa",
        "Afrique orientale et australe", "Afrique de l'Est et australe",
        "África Oriental y Meridional", "África oriental y austral")),
    # Manila Process: its name ("… in East and South-East Asia").
    "east-south-east-asia": ((ASIA_PACIFIC,), (
        "East and South-East Asia", "East and Southeast Asia", "Asie de l'Est et du Sud-Est",
        "Asie orientale et du Sud-Est", "Asia Oriental y Sudoriental")),
    # Regional Conference on Migration (Puebla Process); the Mesoamerican Integration Project.
    "mesoamerica": ((AMERICAS,), ("Mesoamerica", "Mésoamérique", "Mesoamérica")),
    # Andean Community; SACM.
    "andean": ((AMERICAS,), (
        "Andean", "Andean countries", "Andean Community", "Andes", "région andine",
        "pays andins", "Communauté andine", "región andina", "países andinos",
        "Comunidad Andina")),
    # MERCOSUR's founders; SACM.
    "southern-cone": ((AMERICAS,), ("Southern Cone", "Cône Sud", "Cono Sur")),
    # Ibero-American Conference: Latin America with Andorra, Portugal and Spain.
    "ibero-america": ((AMERICAS, EUROPE), (
        "Ibero-America", "Ibero-American countries", "Ibéro-Amérique", "Iberoamérica",
        "países iberoamericanos")),
}

# States whose UN sub-region, Western Asia, would count them with the Arab States, although
# they are Council of Europe members and European processes (Budapest, Prague) count them
# in: Cyprus is in the EU, IOM's Vienna office covers the other four.
STATE_MACRO: dict[str, str] = {"ARM": EUROPE, "AZE": EUROPE, "CYP": EUROPE, "GEO": EUROPE,
                               "TUR": EUROPE}

# "the Caribbean", "la région des Grands Lacs", "Sahel region", "región del Caribe": a name
# not found as written is looked up again without its article and the word "region".
ARTICLE = re.compile(r"^(?:(?:the|la|le|les|el|los|las)\s+|l['’]\s*)", re.IGNORECASE)
REGION_WORD = re.compile(
    r"^r[eé]gi[oó]n\s+(?:(?:of|de|du|des|del)\s+)?(?:(?:the|la|los|las)\s+|l['’]\s*)?"
    r"|\s+r[eé]gi[oó]n$", re.IGNORECASE)


def _bare(name: str) -> str:
    return REGION_WORD.sub("", ARTICLE.sub("", name.strip()))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Folded name -> M49 code or project key; the first source to give a name keeps it."""
    index: dict[str, str] = {}
    for locale in CLDR_LOCALES:
        territories = Locale.parse(locale).territories
        for code in M49_MACRO:
            key = header_key(territories.get(code, ""))
            if key and key not in CLDR_IGNORED:
                index.setdefault(key, code)
    names = [*M49_NAMES.items(), *((key, names) for key, (_, names) in PROJECT_REGIONS.items())]
    for key, spellings in names:
        for name in spellings:
            index.setdefault(header_key(name), key)
    return index


def region_label_key(name: str) -> str | None:
    """The M49 code or project key a written region name resolves to; None if unknown."""
    index = _index()
    return index.get(header_key(name)) or index.get(header_key(_bare(str(name))))


UN_NAMES_FILE = Path(__file__).parent / "data" / "un_region_names.csv"
"""The UN regions whose CLDR name would change the meaning ('Latin America' for Latin America
and the Caribbean), with the names printed instead in every language (data/SOURCES.md)."""


@lru_cache(maxsize=1)
def un_region_names() -> dict[str, dict[str, str]]:
    """M49 code -> language -> the name printed, from UN_NAMES_FILE."""
    with UN_NAMES_FILE.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(file)
        require_columns(UN_NAMES_FILE.name, rows.fieldnames or (), "{code}")
        return {row["m49"]: {lang: row[lang] for lang in CODES} for row in rows}


def region_name(name: str, lang: str) -> str | None:
    """A written region name in a language, when it is a UN M49 region (CLDR's name,
    capitalised as a list item: 'Western Africa' -> 'Afrique occidentale'); None for the
    others (Horn of Africa…), which are translated like any text."""
    code = region_label_key(name)
    if code in un_region_names():
        return un_region_names()[code][lang]
    found = Locale.parse(lang).territories.get(code) if code in M49_MACRO else None
    return found[:1].upper() + found[1:] if found else None


def macro_regions(name: str) -> tuple[str, ...]:
    """The macro-regions a written region name belongs to, in MACRO_REGIONS order."""
    key = region_label_key(name)
    if key is None:
        return ()
    macros = M49_MACRO[key] if key in M49_MACRO else PROJECT_REGIONS[key][0]
    return tuple(macro for macro in MACRO_REGIONS if macro in macros)


@lru_cache(maxsize=1)
def _state_macros() -> dict[str, str]:
    """ISO3 -> macro-region, from the UN sub-region country-converter gives each State."""
    data = _converter().data
    table: dict[str, str] = {}
    for iso3, subregion in zip(data["ISO3"], data["UNregion"]):
        macros = macro_regions(str(subregion))  # Antarctica has none
        if macros:
            table[iso3] = macros[0]
    return table | STATE_MACRO


OTHER = "Other"
"""The group of a mechanism that no region name nor member State places."""
GROUPS: tuple[str, ...] = (*MACRO_REGIONS, OTHER)
"""The groups of the ISCM table, in order."""


def mechanism_groups(written: Iterable[str], member_states: Iterable[str], default: str
                     ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the macro-regions a mechanism is grouped under, the written names not recognised).

    Macro-regions come in the order the regions are written, the first being the
    mechanism's group in the ISCM table. A country written as a region counts as its
    macro-region. When no name is recognised, the mechanism goes where most of its
    member States are; failing that, to `default`.
    """
    found: list[str] = []
    unknown: list[str] = []
    for name in written:
        macros = macro_regions(name)
        if not macros and (iso3 := exact_iso3(name)):
            macros = tuple(filter(None, [macro_region_of_states([iso3])]))
        found += macros
        if not macros:
            unknown.append(name)
    if not found:
        found = [macro_region_of_states(member_states) or default]
    return tuple(dict.fromkeys(found)), tuple(unknown)


def macro_region_of_states(iso3_codes: Iterable[str]) -> str | None:
    """The macro-region of most of the States (ties: MACRO_REGIONS order); None if none known."""
    table = _state_macros()
    states = dict.fromkeys(str(code).strip().upper() for code in iso3_codes)  # once each
    counts = Counter(table[iso3] for iso3 in states if iso3 in table)
    if not counts:
        return None
    return max(MACRO_REGIONS, key=lambda macro: counts[macro])  # max keeps the first of a tie
