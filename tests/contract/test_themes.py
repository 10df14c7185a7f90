"""Themes: a vocabulary declared as data (pipeline/contract/data/themes.csv), variants matched
to their theme, a theme nobody knows kept as written and reported, and an editor's themes sheet."""

from __future__ import annotations

import csv

import pytest

from pipeline import aggregate
from pipeline.config import LANGUAGES, BulletinConfig
from pipeline.contract.schema import THEMES
from pipeline.contract.themes import DATA, ThemeIndex, built_in, make_theme, theme_key
from pipeline.errors import Problem
from pipeline.lang.catalogues import report_wording
from pipeline.lang.localiser import Localiser
from pipeline.model import Theme
from pipeline.render import pages
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, input_books, validated, write_sheet

with DATA.open(encoding="utf-8", newline="") as declaration:
    DECLARED = list(csv.DictReader(declaration))


@pytest.mark.parametrize("row", DECLARED, ids=lambda row: row["key"])
def test_every_known_theme_has_a_label_in_every_language(row):
    """Generated from the declaration: one test per row of data/themes.csv."""
    assert all(row[f"label_{lang}"].strip() == row[f"label_{lang}"] != ""
               for lang in LANGUAGES), row
    assert row["key"] == theme_key(row["key"])  # a key is a slug, its own folded form
    theme = built_in()[row["key"]]
    assert dict(theme.labels) == {lang: row[f"label_{lang}"] for lang in LANGUAGES}


def test_the_declaration_keeps_the_labels_the_catalogues_had():
    """The labels moved out of messages.po without a word lost."""
    assert [row["key"] for row in DECLARED][:3] == [
        "labour-migration", "irregular-migration", "trafficking-smuggling"]
    assert len(DECLARED) == 17
    labour = built_in()["labour-migration"].labels
    assert labour == {"en": "Labour migration", "fr": "Migration de main-d’œuvre",
                      "es": "Migración laboral", "ru": "Трудовая миграция",
                      "ar": "هجرة اليد العاملة"}
    assert built_in()["global-compacts"].labels["ar"] == "الاتفاقان العالميان"


def test_no_name_answers_to_two_themes_and_every_alias_can_be_written_in_a_cell():
    index = ThemeIndex.of(built_in())
    assert index.clashes == ()
    for theme in built_in().values():
        for alias in theme.aliases:  # a cell's list splits on ';', ',' and ' / '
            assert not any(mark in alias for mark in (";", ",", " / ")), alias
            assert index.resolve(alias) == theme.key, alias


@pytest.mark.parametrize("written, key", [
    ("labour migration", "labour-migration"),
    ("labor-migration", "labour-migration"),
    ("Labour Migration", "labour-migration"),
    ("LABOR MIGRATION", "labour-migration"),
    ("Smuggling and trafficking", "trafficking-smuggling"),
    ("smuggling & trafficking", "trafficking-smuggling"),
    ("« Migration et développement »", "migration-development"),
    ("Migration & Development", "migration-development"),
    ("migración laboral", "labour-migration"),
    ("Migration de main-d'oeuvre", "labour-migration"),
    ("Трудовая миграция", "labour-migration"),
    ("Datos e investigación", "data-research"),
    ("Climate and human mobility", "climate-mobility"),
])
def test_a_theme_written_as_offices_write_it_is_that_theme(written, key):
    assert ThemeIndex.of(built_in()).resolve(written) == key


@pytest.mark.parametrize("written, suggested", [
    ("irregular-migraton", ["irregular-migration"]),
    ("labour-migrations", ["labour-migration"]),
    ("Regional integration", []),  # nothing near: no suggestion, not 'integration'
])
def test_a_near_miss_is_offered_never_taken(written, suggested):
    index = ThemeIndex.of(built_in())
    assert index.resolve(written) is None
    assert index.suggest(written) == suggested


def test_the_normalisation_folds_spelling_and_connectors_only():
    assert theme_key("Labor Organization & Mobilization") == "labour-organisation-mobilisation"
    assert theme_key("Datos e investigación") == "datos-investigacion"
    assert theme_key("Trafficking and smuggling") != theme_key("Smuggling and trafficking")


# --- Through validation: the inputs' themes by their keys ---------------------------------

def write(folder, meetings=MEETING_ROWS, mechanisms=None, themes=None):
    """The small inputs, their meetings' themes as given, with a themes sheet if given."""
    folder.mkdir(parents=True, exist_ok=True)
    books = input_books(mechanisms=mechanisms, meetings=meetings)
    if themes is not None:
        write_sheet(books["mechanisms.xlsx"], "thèmes", [c.name for c in THEMES.columns],
                    themes)
    for name, book in books.items():
        book.save(folder / name)
    return folder


def with_themes(*themes: str) -> list[dict]:
    """The small inputs' meetings, the i-th given the i-th themes."""
    return [dict(row, themes=theme) for row, theme in zip(MEETING_ROWS, themes)]


def coded(report, code: str) -> list[Problem]:
    return [p for p in report.problems if p.code == code]


def test_variants_count_with_their_theme_in_the_summary(tmp_path):
    folder = write(tmp_path, with_themes("labor-migration", "Labour Migration; « Migration "
                                         "et développement »", "migration-development",
                                         "Migración laboral"))
    tables, report = validated(folder, langs=("en",))
    assert coded(report, "unknown-theme") == []
    assert tables.meetings["themes"].tolist() == [
        ("labour-migration",), ("labour-migration", "migration-development"),
        ("migration-development",), ("labour-migration",)]
    summary = aggregate.summarise(tables, 2025).summary
    assert summary.meetings_by_theme == {"labour-migration": 2, "migration-development": 2}


def test_a_misspelt_theme_is_kept_reported_and_the_nearest_known_one_offered(tmp_path):
    folder = write(tmp_path, with_themes("labour-migration", "irregular-migraton; "
                                         "Irregular migration"))
    tables, report = validated(folder, langs=("en",))
    assert coded(report, "unknown-theme") == [Problem(
        "meetings.xlsx", "meetings", 3, "themes", "unknown-theme", "warning",
        "irregular-migraton",
        "is not a known theme: it is shown as written, and counted as a theme of its own",
        "Did you mean irregular-migration? Correct it; or, if it is a theme of its own or "
        "another name of one, declare it in a themes sheet (theme, label_en, label_fr…, "
        "aliases: see docs/inputs.md).")]
    # Never a second copy of a known theme, never refused: a theme of its own, as written.
    assert tables.meetings.at[3, "themes"] == ("irregular-migraton", "irregular-migration")
    assert tables.themes["irregular-migraton"] == make_theme(
        "irregular-migraton", {"en": "irregular-migraton"}, known=False)
    line = coded(report, "unknown-theme")[0].line(report_wording("fr"))
    assert "Vouliez-vous dire irregular-migration\u202f? Corrigez-le" in line


def bulletin(folder, lang: str, year: int = 2025) -> tuple[str, object]:
    """The bulletin's HTML in a language, and the report of its inputs."""
    tables, report = validated(folder, langs=("en", lang))
    data = aggregate.summarise(tables, year)
    return pages.render_html(data, "bulletin.html", lang, BulletinConfig()), report


def untranslated(report, lang: str) -> Problem:
    return next(p for p in coded(report, "untranslated") if f"strings-{lang}" in p.hint
                or f"label_{lang}" in p.hint)


def theme_row(label: str, meetings: int) -> str:
    """A theme's row in the data of the chart of the meetings' themes."""
    return f'<tr><th scope="row">{label}</th><td class="num">{meetings}</td></tr>'


def test_an_unknown_theme_is_printed_as_written_marked_english_and_counted(tmp_path):
    mechanisms = [dict(row, thematic_focus="Regional integration") if row["id"] == "midwa"
                  else row for row in MECHANISM_ROWS]
    folder = write(tmp_path, with_themes("labour-migration", "Regional integration"),
                   mechanisms=mechanisms)
    html, report = bulletin(folder, "fr")
    marked = '<span lang="en" dir="ltr">Regional integration</span>'
    assert theme_row(marked, 1) in html  # the meetings' themes (their chart's data)
    assert f'<th scope="col"><span class="head">{marked}</span></th>' in html  # the matrix
    assert theme_row("Migration de main-d’œuvre", 1) in html
    warning = untranslated(report, "fr")
    assert "1 themes" in warning.message, warning.message  # one theme, in two columns
    assert "Give each theme its French label in a themes sheet" in warning.hint
    english, _ = bulletin(folder, "en")
    assert theme_row("Regional integration", 1) in english


def test_a_themes_sheet_adds_a_theme_with_its_labels(tmp_path):
    folder = write(tmp_path, with_themes("labour-migration", "Regional integration"),
                   themes=[{"theme": "Regional integration",
                            "label_en": "Regional integration",
                            "label_fr": "Intégration régionale",
                            "aliases": "intégration régionale; integración regional"}])
    html, report = bulletin(folder, "fr")
    assert theme_row("Intégration régionale", 1) in html
    assert coded(report, "unknown-theme") == []
    assert not any("themes" in p.message for p in coded(report, "untranslated"))
    tables, _ = validated(folder, langs=("en",))
    assert tables.themes["regional-integration"].labels == {
        "en": "Regional integration", "fr": "Intégration régionale"}
    spanish, report = bulletin(folder, "es")  # no Spanish label: the English, marked
    assert theme_row('<span lang="en" dir="ltr">Regional integration</span>', 1) in spanish
    assert "Give each theme its Spanish label" in untranslated(report, "es").hint


def test_a_themes_sheet_changes_a_known_themes_labels_and_adds_to_its_aliases(tmp_path):
    folder = write(tmp_path, with_themes("labour migration", "Labour mobility and skills",
                                         "migrant workers", "skills partnerships"),
                   themes=[{"theme": "Labour Migration", "label_en": "Labour migration",
                            "label_fr": "Migrations de travail",
                            "aliases": "labour mobility and skills"}])
    tables, report = validated(folder, langs=("en",))
    assert tables.meetings["themes"].tolist() == [
        ("labour-migration",), ("labour-migration",), ("labour-migration",),
        ("skills-partnerships",)]
    assert [p.value for p in coded(report, "unknown-theme")] == ["skills partnerships"]
    assert tables.themes["labour-migration"].labels["fr"] == "Migrations de travail"
    assert tables.themes["labour-migration"].labels["es"] == "Migración laboral"
    assert tables.themes["labour-migration"].aliases[-2:] == (
        "trabajadores migrantes", "labour mobility and skills")


THEME_ROW = {"theme": "regional-integration", "label_en": "Regional integration",
             "gcm_objectives": "23"}  # with its crosswalk: no no-crosswalk warning


@pytest.mark.parametrize("rows, expected", [
    ([THEME_ROW, dict(THEME_ROW, theme="Regional Integration", label_fr="Intégration")],
     Problem("mechanisms.xlsx", "thèmes", 3, "theme", "duplicate-theme", "error",
             "Regional Integration",
             "declares the theme regional-integration again (row 2 declares it first)",
             "Keep one row per theme: merge the two rows.")),
    ([THEME_ROW, THEME_ROW],
     Problem("mechanisms.xlsx", "thèmes", 3, "theme", "duplicate-row", "warning",
             "regional-integration", "repeats row 2 exactly and is ignored",
             "Delete the repeated row.")),
    ([dict(THEME_ROW, label_fr="Migration de main-d’œuvre")],
     Problem("mechanisms.xlsx", "thèmes", 2, "label_fr", "ambiguous-theme", "error",
             "Migration de main-d’œuvre",
             "is also a name of the theme labour-migration: a theme written so could not be "
             "told apart",
             "Remove it from this row; or, if the two are one theme, declare them in one row "
             "(theme labour-migration).")),
    ([THEME_ROW, {"theme": "regional cooperation", "label_en": "Regional cooperation",
                  "aliases": "regional integration", "gcm_objectives": "none"}],
     Problem("mechanisms.xlsx", "thèmes", 3, "aliases", "ambiguous-theme", "error",
             "regional integration",
             "is also a name of the theme regional-integration: a theme written so could not "
             "be told apart",
             "Remove it from this row; or, if the two are one theme, declare them in one row "
             "(theme regional-integration).")),
    ([{"theme": "regional-integration", "label_fr": "Intégration régionale",
       "gcm_objectives": "23"}],
     Problem("mechanisms.xlsx", "thèmes", 2, "label_en", "required-value", "error", "",
             "'label_en' is required but blank",
             "Fill it in: The theme's label in English.")),
    ([{"theme": "—", "label_en": "Dash"}],
     Problem("mechanisms.xlsx", "thèmes", 2, "theme", "required-value", "error", "—",
             "has no letter or digit, so it names no theme",
             "Write the theme's key or name.")),
])
def test_bad_rows_of_the_themes_sheet_are_located(tmp_path, rows, expected):
    _, report = validated(write(tmp_path, themes=rows), langs=("en",))
    assert [p for p in report.problems if p.sheet == "thèmes"] == [expected]


def test_without_a_themes_sheet_the_known_themes_alone(tmp_path):
    tables, report = validated(write(tmp_path), langs=("en",))
    assert dict(tables.themes) == dict(built_in())
    assert not any(p.sheet == "themes" for p in report.problems)


def test_the_iscm_table_prints_the_labels_and_an_unknown_theme_as_written(tmp_path):
    mechanisms = [dict(row, thematic_focus="labor migration; Regional integration")
                  if row["id"] == "midsa" else row for row in MECHANISM_ROWS]
    tables, _ = validated(write(tmp_path, mechanisms=mechanisms), langs=("en", "fr"))
    data = aggregate.summarise(tables, 2025)
    _, headers, rows, _ = pages.table_sheet(data, "fr")
    focus = {row[3]: row[10] for row in rows}  # acronym -> thematic focus
    assert focus["MIDSA"] == "Migration de main-d’œuvre et Regional integration"
    assert focus["MIDWA"] == "Libre circulation"
    html = pages.render_html(data, "table.html", "fr", BulletinConfig())
    assert ('Migration de main-d’œuvre et <span lang="en" dir="ltr">Regional integration'
            '</span>') in html


def test_the_localiser_marks_a_label_it_lacks_as_english():
    themes = {"x": Theme("x", {"en": "New theme"}, known=False),
              "y": Theme("y", {"en": "Why", "ar": "لماذا"})}
    assert str(Localiser("fr").theme("x", themes)) == \
        '<span lang="en" dir="ltr">New theme</span>'
    assert str(Localiser("ar").theme("y", themes)) == "لماذا"
    assert str(Localiser("en").theme("y", themes)) == "Why"
    assert Localiser("ar").theme_text("x", themes) == "New theme"


def test_the_messy_twin_writes_its_themes_as_offices_do_and_means_the_same():
    """tests/data/messy writes 'Labor Migration; Migration irrégulière', 'Migration &
    Development', « Migration et développement », 'Vías regulares de migración' and
    declares APC's theme by its name under French headers, in a sheet 'Thèmes'."""
    from tests.data.make_corpus import DATA

    (clean, clean_report), (messy, messy_report) = (
        validated(DATA / name, langs=("en", "fr")) for name in ("clean", "messy"))
    for tables in (clean, messy):
        assert tables.themes["displacement"].labels["fr"] == "Déplacements"
    assert dict(zip(messy.mechanisms["id"], messy.mechanisms["thematic_focus"])) == \
        dict(zip(clean.mechanisms["id"], clean.mechanisms["thematic_focus"])) == {
            "midsa": ("labour-migration", "irregular-migration"), "midwa": ("free-movement",),
            "gfmd": ("migration-development",), "rcm": ("regular-pathways",),
            "apc": ("displacement",)}
    assert sorted(messy.meetings["themes"]) == sorted(clean.meetings["themes"])
    for report in (clean_report, messy_report):
        assert not [p for p in report.problems if "theme" in p.code or "themes" in p.message]
