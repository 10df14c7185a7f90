"""Country names in, ISO 3166-1 alpha-3 codes out, and back to names in any language.

Recognition, in this order: the project table below (forms no library knows),
CLDR names in English, French and Spanish (Babel), then country-converter's
regular expressions (official long forms, former names, 'Congo, Dem. Rep.').
Names going out always come from CLDR, in the reader's language.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import country_converter
import pandas as pd
from babel import Locale
from rapidfuzz import fuzz, process, utils

from .text import header_key

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
    "laos": "LAO",
    "macedonia": "MKD",
    "fyrom": "MKD",
    "russia": "RUS",
    "palestine": "PSE",
    "stateofpalestine": "PSE",
    "koreasouth": "KOR",
    "southkorea": "KOR",
}

# CLDR's names are the everyday ones ('Congo - Kinshasa', 'Russia', 'ОАЭ'); documents
# for UN bodies use the short names of the UN terminology database (UNTERM), which
# differ for these States in one language or more. ISO2 -> (en, fr, es, ru, ar).
UN_SHORT_NAMES: dict[str, tuple[str, str, str, str, str]] = {
    "AE": ("United Arab Emirates", "Émirats arabes unis", "Emiratos Árabes Unidos",
           "Объединенные Арабские Эмираты", "الإمارات العربية المتحدة"),
    "AG": ("Antigua and Barbuda", "Antigua-et-Barbuda", "Antigua y Barbuda", "Антигуа и Барбуда",
           "أنتيغوا وبربودا"),
    "BA": ("Bosnia and Herzegovina", "Bosnie-Herzégovine", "Bosnia y Herzegovina",
           "Босния и Герцеговина", "البوسنة والهرسك"),
    "BD": ("Bangladesh", "Bangladesh", "Bangladesh", "Бангладеш", "بنغلاديش"),
    "BH": ("Bahrain", "Bahreïn", "Bahrein", "Бахрейн", "البحرين"),
    "BJ": ("Benin", "Bénin", "Benin", "Бенин", "بنن"),
    "BN": ("Brunei Darussalam", "Brunéi Darussalam", "Brunei Darussalam", "Бруней-Даруссалам",
           "بروني دار السلام"),
    "BO": ("Bolivia (Plurinational State of)", "Bolivie (État plurinational de)",
           "Bolivia (Estado Plurinacional de)", "Боливия (Многонациональное Государство)",
           "بوليفيا (دولة - المتعددة القوميات)"),
    "BW": ("Botswana", "Botswana", "Botswana", "Ботсвана", "بوتسوانا"),
    "BY": ("Belarus", "Bélarus", "Belarús", "Беларусь", "بيلاروس"),
    "CD": ("Democratic Republic of the Congo", "République démocratique du Congo",
           "República Democrática del Congo", "Демократическая Республика Конго",
           "جمهورية الكونغو الديمقراطية"),
    "CG": ("Congo", "Congo", "Congo", "Конго", "الكونغو"),
    "CI": ("Côte d’Ivoire", "Côte d’Ivoire", "Côte d’Ivoire", "Кот-д’Ивуар", "كوت ديفوار"),
    "CK": ("Cook Islands", "Îles Cook", "Islas Cook", "Острова Кука", "جزر كوك"),
    "CV": ("Cabo Verde", "Cabo Verde", "Cabo Verde", "Кабо-Верде", "كابو فيردي"),
    "CZ": ("Czechia", "Tchéquie", "Chequia", "Чехия", "تشيكيا"),
    "DJ": ("Djibouti", "Djibouti", "Djibouti", "Джибути", "جيبوتي"),
    "DO": ("Dominican Republic", "République dominicaine", "República Dominicana",
           "Доминиканская Республика", "الجمهورية الدومينيكية"),
    "FJ": ("Fiji", "Fidji", "Fiji", "Фиджи", "فيجي"),
    "FM": ("Micronesia (Federated States of)", "Micronésie (États fédérés de)",
           "Micronesia (Estados Federados de)", "Микронезия (Федеративные Штаты)",
           "ميكرونيزيا (ولايات - الموحدة)"),
    "GB": ("United Kingdom", "Royaume-Uni", "Reino Unido", "Соединенное Королевство",
           "المملكة المتحدة"),
    "GW": ("Guinea-Bissau", "Guinée-Bissau", "Guinea-Bissau", "Гвинея-Бисау", "غينيا - بيساو"),
    "HK": ("Hong Kong, China", "Hong Kong (Chine)", "Hong Kong (China)", "Гонконг (Китай)",
           "هونغ كونغ (الصين)"),
    "IQ": ("Iraq", "Iraq", "Iraq", "Ирак", "العراق"),
    "IR": ("Iran (Islamic Republic of)", "Iran (République islamique d’)",
           "Irán (República Islámica del)", "Иран (Исламская Республика)",
           "إيران (جمهورية - الإسلامية)"),
    "KE": ("Kenya", "Kenya", "Kenya", "Кения", "كينيا"),
    "KG": ("Kyrgyzstan", "Kirghizistan", "Kirguistán", "Кыргызстан", "قيرغيزستان"),
    "KN": ("Saint Kitts and Nevis", "Saint-Kitts-et-Nevis", "Saint Kitts y Nevis",
           "Сент-Китс и Невис", "سانت كيتس ونيفس"),
    "KP": ("Democratic People’s Republic of Korea", "République populaire démocratique de Corée",
           "República Popular Democrática de Corea", "Корейская Народно-Демократическая Республика",
           "جمهورية كوريا الشعبية الديمقراطية"),
    "KR": ("Republic of Korea", "République de Corée", "República de Corea", "Республика Корея",
           "جمهورية كوريا"),
    "LA": ("Lao People’s Democratic Republic", "République démocratique populaire lao",
           "República Democrática Popular Lao", "Лаосская Народно-Демократическая Республика",
           "جمهورية لاو الديمقراطية الشعبية"),
    "LC": ("Saint Lucia", "Sainte-Lucie", "Santa Lucía", "Сент-Люсия", "سانت لوسيا"),
    "LK": ("Sri Lanka", "Sri Lanka", "Sri Lanka", "Шри-Ланка", "سري لانكا"),
    "LS": ("Lesotho", "Lesotho", "Lesotho", "Лесото", "ليسوتو"),
    "MD": ("Republic of Moldova", "République de Moldova", "República de Moldova",
           "Республика Молдова", "جمهورية مولدوفا"),
    "MH": ("Marshall Islands", "Îles Marshall", "Islas Marshall", "Маршалловы Острова",
           "جزر مارشال"),
    "MM": ("Myanmar", "Myanmar", "Myanmar", "Мьянма", "ميانمار"),
    "MO": ("Macao, China", "Macao (Chine)", "Macao (China)", "Макао (Китай)", "ماكاو (الصين)"),
    "MV": ("Maldives", "Maldives", "Maldivas", "Мальдивы", "ملديف"),
    "MW": ("Malawi", "Malawi", "Malawi", "Малави", "ملاوي"),
    "PS": ("State of Palestine", "État de Palestine", "Estado de Palestina",
           "Государство Палестина", "دولة فلسطين"),
    "QA": ("Qatar", "Qatar", "Qatar", "Катар", "قطر"),
    "RU": ("Russian Federation", "Fédération de Russie", "Federación de Rusia",
           "Российская Федерация", "الاتحاد الروسي"),
    "RW": ("Rwanda", "Rwanda", "Rwanda", "Руанда", "رواندا"),
    "SA": ("Saudi Arabia", "Arabie saoudite", "Arabia Saudita", "Саудовская Аравия",
           "المملكة العربية السعودية"),
    "SB": ("Solomon Islands", "Îles Salomon", "Islas Salomón", "Соломоновы Острова", "جزر سليمان"),
    "SC": ("Seychelles", "Seychelles", "Seychelles", "Сейшельские Острова", "سيشيل"),
    "SR": ("Suriname", "Suriname", "Suriname", "Суринам", "سورينام"),
    "ST": ("Sao Tome and Principe", "Sao Tomé-et-Principe", "Santo Tomé y Príncipe",
           "Сан-Томе и Принсипи", "سان تومي وبرينسيبي"),
    "SV": ("El Salvador", "El Salvador", "El Salvador", "Сальвадор", "السلفادور"),
    "SY": ("Syrian Arab Republic", "République arabe syrienne", "República Árabe Siria",
           "Сирийская Арабская Республика", "الجمهورية العربية السورية"),
    "SZ": ("Eswatini", "Eswatini", "Eswatini", "Эсватини", "إسواتيني"),
    "TC": ("Turks and Caicos Islands", "Îles Turques-et-Caïques", "Islas Turcas y Caicos",
           "Острова Теркс и Кайкос", "جزر تركس وكايكوس"),
    "TL": ("Timor-Leste", "Timor-Leste", "Timor-Leste", "Тимор-Лешти", "تيمور - ليشتي"),
    "TR": ("Türkiye", "Türkiye", "Türkiye", "Тюркийе", "تركيا"),
    "TT": ("Trinidad and Tobago", "Trinité-et-Tobago", "Trinidad y Tabago", "Тринидад и Тобаго",
           "ترينيداد وتوباغو"),
    "TZ": ("United Republic of Tanzania", "République-Unie de Tanzanie",
           "República Unida de Tanzanía", "Объединенная Республика Танзания",
           "جمهورية تنزانيا المتحدة"),
    "US": ("United States of America", "États-Unis d’Amérique", "Estados Unidos de América",
           "Соединенные Штаты Америки", "الولايات المتحدة الأمريكية"),
    "VC": ("Saint Vincent and the Grenadines", "Saint-Vincent-et-les Grenadines",
           "San Vicente y las Granadinas", "Сент-Винсент и Гренадины", "سانت فنسنت وجزر غرينادين"),
    "VE": ("Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)",
           "Venezuela (República Bolivariana de)", "Венесуэла (Боливарианская Республика)",
           "فنزويلا (جمهورية - البوليفارية)"),
    "VN": ("Viet Nam", "Viet Nam", "Viet Nam", "Вьетнам", "فييت نام"),
    "ZW": ("Zimbabwe", "Zimbabwe", "Zimbabwe", "Зимбабве", "زمبابوي"),
}
UN_NAMES: dict[str, dict[str, str]] = {
    lang: {iso2: names[i] for iso2, names in UN_SHORT_NAMES.items()}
    for i, lang in enumerate(("en", "fr", "es", "ru", "ar"))
}
"""Language -> ISO2 -> UN short name, where it differs from CLDR's."""

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


# Beyond UN Member States, the States that count as States in the figures.
# Kosovo is counted as a territory, in line with UN usage (UNSCR 1244).
OBSERVER_STATES = frozenset({"VAT", "PSE"})
CLDR_LANGUAGES = ("en", "fr", "es")
"""Languages whose CLDR country names are recognised in the inputs."""


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
def _cldr_index() -> dict[str, str]:
    """Folded UN short name or CLDR name (en, fr, es) -> ISO3."""
    iso3_by_iso2 = {iso2: iso3 for iso3, iso2 in _codes()["ISO2"].items()}
    iso3_by_iso2["XK"] = "XKX"
    index: dict[str, str] = {}
    for lang in CLDR_LANGUAGES:
        names = [*UN_NAMES[lang].items(), *Locale.parse(lang).territories.items()]
        for iso2, name in names:
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
    if iso3 in OBSERVER_STATES:
        return True
    codes = _codes()
    return iso3 in codes.index and pd.notna(codes.at[iso3, "UNmember"])


@lru_cache(maxsize=8192)
def country_name(iso3: str, lang: str) -> str:
    """The CLDR name of a country in the reader's language."""
    iso2 = "XK" if iso3 == "XKX" else _codes().at[iso3, "ISO2"]
    override = UN_NAMES.get(lang, {}).get(iso2)
    return override or Locale.parse(lang).territories.get(iso2, iso3)


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    return {name: iso3 for iso3 in _codes().index
            if (name := country_name(iso3, "en")) != iso3}


def suggest_countries(name: str, limit: int = 3) -> list[str]:
    """The closest English country names, for 'did you mean' hints."""
    matches = process.extract(name, list(_english_names()), scorer=fuzz.WRatio,
                              processor=utils.default_process, limit=limit, score_cutoff=75)
    # Only the close runners-up: 'Swizerland' suggests Switzerland, not Poland too.
    return [m[0] for m in matches if m[1] >= matches[0][1] - 5]
