"""The Global Compact's objectives and the SDG targets on migration as data
(contract/data/gcm_objectives.csv, sdg_targets.csv), the crosswalk in themes.csv, and the
cells that name objectives or targets."""

import unicodedata

import openpyxl
import pytest

from pipeline.contract import gcm
from pipeline.contract.kinds import Context, Invalid
from pipeline.contract.schema import MEETINGS, THEMES
from pipeline.contract.themes import built_in
from tests.conftest import validated, write_inputs

CTX = Context(year=2025)
OBJECTIVES = MEETINGS.column("gcm_objectives")
TARGETS = THEMES.column("sdg_targets")


def test_the_23_objectives_with_their_english_titles_and_short_names():
    objectives = gcm.objectives()
    assert list(objectives) == list(range(1, 24))
    assert objectives[1].title["en"] == ("Collect and utilize accurate and disaggregated data "
                                         "as a basis for evidence-based policies")
    assert objectives[23].short["en"] == "International cooperation"
    assert all(o.short.get("fr") and o.short.get("es") for o in objectives.values())


def test_the_data_files_are_in_composed_unicode():
    """Decomposed accents (e + U+0301, as text copied from a PDF) split words and break
    searches: every text is NFC."""
    for path in (gcm.OBJECTIVES_FILE, gcm.TARGETS_FILE):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name


def test_the_sdg_targets_on_migration_in_five_languages():
    targets = gcm.targets()
    assert list(targets) == ["5.2", "8.7", "8.8", "10.7", "10.c", "16.2", "17.18"]
    assert all(set(t.title) == {"en", "fr", "es", "ru", "ar"} for t in targets.values())
    assert targets["10.7"].title["fr"].startswith("Faciliter la migration et la mobilité")


def test_every_known_theme_has_a_crosswalk_naming_known_objectives_and_targets():
    for theme in built_in().values():
        assert theme.gcm_objectives is not None, theme.key
        assert set(theme.gcm_objectives) <= set(gcm.objectives()), theme.key
        assert set(theme.sdg_targets or ()) <= set(gcm.targets()), theme.key
    assert built_in()["trafficking-smuggling"].gcm_objectives == (9, 10)
    assert built_in()["irregular-migration"].gcm_objectives == ()


@pytest.mark.parametrize("cell, expected", [
    ("2; 10; 23", (2, 10, 23)), ("23, 2", (2, 23)), (10, (10,)), ("none", ()),
    ("Aucun", ()), ("ninguno", ()), ("—", ()),
])
def test_objectives_are_read_by_number_or_none(cell, expected):
    assert OBJECTIVES.kind.parse(cell, OBJECTIVES, CTX) == expected


@pytest.mark.parametrize("cell, code, message", [
    ("2; 24", "unknown-objective", "names objective 24: the Global Compact for Migration has "
                                   "objectives 1 to 23"),
    ("0", "unknown-objective", "names objective 0: the Global Compact for Migration has "
                               "objectives 1 to 23"),
    ("labour migration", "not-an-objective",
     "is not a list of objective numbers of the Global Compact for Migration"),
])
def test_objectives_outside_1_to_23_or_in_words_are_refused(cell, code, message):
    with pytest.raises(Invalid) as refused:
        OBJECTIVES.kind.parse(cell, OBJECTIVES, CTX)
    assert refused.value.code == code
    assert str(refused.value.message) == message


def test_targets_are_read_in_the_frameworks_order_and_others_refused():
    assert TARGETS.kind.parse("10.7; 8.8", TARGETS, CTX) == ("8.8", "10.7")
    assert TARGETS.kind.parse("10.C", TARGETS, CTX) == ("10.c",)
    with pytest.raises(Invalid) as refused:
        TARGETS.kind.parse("4.1", TARGETS, CTX)
    assert refused.value.code == "unknown-sdg-target"


@pytest.mark.parametrize("header", ["GCM objectives", "Objectifs du Pacte mondial",
                                    "objetivos del Pacto Mundial"])
def test_the_headers_offices_write_are_read_as_the_column(tmp_path, header):
    """A French or Spanish office's header for gcm_objectives: the meeting's own objectives
    are read under it."""
    folder = write_inputs(tmp_path / "inputs")
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    column = next(c.column for c in sheet[1] if c.value == "gcm_objectives")
    sheet.cell(1, column, header)
    sheet.cell(2, column, "10; 2")
    book.save(folder / "meetings.xlsx")
    tables, report = validated(folder)
    assert report.errors == ()
    assert tables.meetings["gcm_objectives"].tolist()[:2] == [(2, 10), None]
