"""The language registry (pipeline/languages.py), and everything a language of it needs,
tested language by language from its rows: a language added there fails here, by name,
until it has its catalogues, a bundled font that draws it, dates, and its columns in the
data files and in the contract (docs/maintainers.md, "Adding a language")."""

from __future__ import annotations

import ast
import csv
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import get_month_names
from babel.messages.pofile import read_po

from pipeline import languages
from pipeline.config import TEMPLATES_DIR
from pipeline.contract import themes
from pipeline.contract.glyphs import FONTS_DIR, missing_glyphs
from pipeline.contract.schema import MECHANISMS, THEMES
from pipeline.lang.catalogues import LOCALE_DIR, QUOTES, catalogue_path
from pipeline.lang.dates import MONTH_NAMES, un_month_names
from pipeline.lang.localiser import Localiser
from pipeline.languages import CATALOGUES, CODES, SOURCE, MissingLanguage
from pipeline.publish.dist import README_LANGUAGES
from pipeline.world import countries, places, regions

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = TEMPLATES_DIR / "assets" / "css" / "common.css"
FONT_FACE = re.compile(r'@font-face\s*\{[^}]*?font-family:\s*"([^"]+)"[^}]*?'
                       r'src:\s*url\("\.\./fonts/([^"]+)"\)')
EVERY = pytest.mark.parametrize("lang", CODES)


def csv_columns(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or ()), list(reader)


# The rows -----------------------------------------------------------------------------


def test_the_source_language_comes_first_and_the_report_is_in_it():
    """English: the inputs' language, the catalogues' msgids, index.html of the archive."""
    assert languages.ALL[0].code == SOURCE and languages.ALL[0].report


def test_each_language_is_declared_once():
    assert len(set(CODES)) == len(CODES) == len(languages.BY_CODE)


@EVERY
def test_its_babel_locale_is_its_language_and_its_direction_cldrs(lang):
    language = languages.language(lang)
    locale = Locale.parse(language.babel_locale)
    assert locale.language == lang
    assert language.direction in ("ltr", "rtl")
    assert (language.direction == "rtl") == (locale.character_order == "right-to-left")


def test_an_unknown_code_is_named_with_those_there_are():
    with pytest.raises(KeyError) as raised:
        languages.language("xx")
    assert raised.value.args == (
        f"'xx' is not a language of pipeline/languages.py ({', '.join(CODES)})",)


def test_a_data_file_without_a_languages_column_names_it():
    *others, last = CODES
    header = ["key", *others, *(f"{code}_in" for code in CODES)]
    languages.require_columns("cities.csv", [*header, last], "{code}", "{code}_in")
    with pytest.raises(MissingLanguage) as raised:
        languages.require_columns("cities.csv", header, "{code}", "{code}_in")
    assert str(raised.value) == (
        f"cities.csv has no column {last}: every language of pipeline/languages.py needs one "
        "(see docs/maintainers.md, 'Adding a language').")


def test_the_registry_needs_nothing_but_the_standard_library():
    """make runs it with the system's Python, before .venv exists."""
    path = ROOT / "pipeline" / "languages.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}
    shown = subprocess.run([sys.executable, "-I", "-S", str(path)], capture_output=True,
                           text=True, check=True).stdout.split()
    assert shown == [f"{domain}/{code}" for domain, codes in CATALOGUES.items()
                     for code in codes]


# What each language needs ---------------------------------------------------------------


@pytest.mark.parametrize("domain, lang", [(d, c) for d, codes in CATALOGUES.items()
                                          for c in codes])
def test_it_has_its_catalogues(domain, lang):
    """messages.po in every language but English; report.po in the report languages.
    `make translations` makes a new language's, to be translated."""
    path = catalogue_path(lang, domain=domain)
    assert path.is_file(), f"{lang}: no {path.relative_to(ROOT)}; run `make translations`"


def test_no_catalogue_is_left_of_a_language_or_domain_not_declared():
    found = {(p.stem, p.parent.parent.name) for p in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")}
    assert found - {(d, c) for d, codes in CATALOGUES.items() for c in codes} == set()


def declared_fonts() -> dict[str, str]:
    """File -> family of the fonts the stylesheet declares (@font-face)."""
    return {file: family for family, file in FONT_FACE.findall(STYLESHEET.read_text())}


def test_every_bundled_font_is_declared_and_in_the_pages_font_stack():
    """The fonts glyphs.py reads are those the pages use: a font added to the folder is
    declared in common.css, and its family is in --font."""
    declared = declared_fonts()
    assert sorted(declared) == sorted(p.name for p in FONTS_DIR.glob("*.ttf"))
    stack = re.search(r"--font:\s*([^;]+);", STYLESHEET.read_text())[1]
    assert set(declared.values()) <= set(re.findall(r'"([^"]+)"', stack))


def letters(lang: str) -> str:
    """What the documents print in the language: its catalogue's translations, its months,
    the names of the countries, cities and themes (those not yet there are left out: the
    other tests name them)."""
    language = languages.language(lang)
    texts = [name for width in ("wide", "abbreviated")
             for name in get_month_names(width, locale=language.babel_locale).values()]
    path = catalogue_path(lang)
    if lang != SOURCE and path.is_file():
        with path.open("rb") as file:
            texts += [s for m in read_po(file, locale=lang) if m.id
                      for s in (m.string if isinstance(m.string, tuple) else (m.string,))]
    for path, column in ((countries.UN_NAMES_FILE, lang), (places.DATA, lang),
                         (themes.DATA, f"label_{lang}")):
        texts += [row.get(column) or "" for row in csv_columns(path)[1]]
    return "".join(texts)


@EVERY
def test_a_bundled_font_draws_it(lang):
    sample = letters(lang)
    assert len(set(sample)) > 10
    missing = missing_glyphs(sample)
    assert missing == "", (
        f"{lang}: no bundled font draws {missing[:30]}…: add a font that does to "
        "templates/assets/fonts/, declared in templates/assets/css/common.css (@font-face, "
        "and its family in --font)")


@EVERY
def test_its_dates_can_be_written(lang):
    """CLDR (Babel) has its months and date forms (or un_month_names.csv its UN months):
    twelve months, a date in full. The patterns of date ranges are in its catalogue."""
    loc = Localiser(lang)
    for width in ("wide", "abbreviated"):
        months = [loc.month(m, width) for m in range(1, 13)]
        assert len(set(months)) == 12 and all(months), (lang, width, months)
    assert "2025" in loc.date(dt.date(2025, 4, 24)) != loc.date(dt.date(2025, 5, 24))


def test_the_un_month_names_are_of_declared_languages_and_complete():
    header, rows = csv_columns(MONTH_NAMES)
    assert header[0] == "month" and set(header[1:]) <= set(CODES)
    assert [int(r["month"]) for r in rows] == list(range(1, 13))
    assert all(len(names) == 12 and all(names) for names in un_month_names().values())


@EVERY
def test_it_has_its_country_names(lang):
    """The UN's short names, un_country_names.csv: a column, filled for (nearly) every row
    (data/SOURCES.md lists the few cells left to CLDR)."""
    header, rows = csv_columns(countries.UN_NAMES_FILE)
    assert lang in header, f"{countries.UN_NAMES_FILE.name} has no column {lang}"
    assert sum(1 for r in rows if r[lang]) >= len(rows) - 5


@EVERY
def test_it_has_its_cities(lang):
    """The gazetteer: the city's name and the phrase 'in {city}' (CITIES-SOURCES.md)."""
    header, rows = csv_columns(places.DATA)
    for column in (lang, f"{lang}_in"):
        assert column in header, f"{places.DATA.name} has no column {column}"
        assert sum(1 for r in rows if r[column]) >= len(rows) - 5, column


@EVERY
def test_it_has_its_theme_labels_and_region_names(lang):
    for path, column in ((themes.DATA, f"label_{lang}"), (regions.UN_NAMES_FILE, lang)):
        header, rows = csv_columns(path)
        assert column in header, f"{path.name} has no column {column}"
        assert all(r[column] for r in rows), (path.name, column)


@EVERY
def test_the_contract_has_its_name_and_label_columns(lang):
    """The mechanisms' name_<lang> and the themes' label_<lang>, each with the headers
    offices write for it (schema.py: 'nom arabe', 'Arabic'…)."""
    for spec, name in ((MECHANISMS, f"name_{lang}"), (THEMES, f"label_{lang}")):
        column = next((c for c in spec.columns if c.name == name), None)
        assert column is not None, f"schema.{spec.name}: no column {name}"
        assert column.aliases, name


@pytest.mark.parametrize("lang", CATALOGUES["report"])
def test_a_report_language_quotes_the_values_of_the_inputs(lang):
    assert len(QUOTES[lang]) == 2


def test_the_bundle_readme_is_in_declared_languages():
    assert set(README_LANGUAGES) <= set(CODES)
