"""The translations of the data (validate/translations.py): filled in as new frames, never
written into those given; what stays in English counted and listed for the kit by one
function, which asks each column how it is printed untranslated (contract/printing.py), as
the documents do."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.compose.names import Names
from pipeline.contract import printing
from pipeline.contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS
from pipeline.lang.localiser import Localiser
from pipeline.model import Mechanism, Meeting, Party
from pipeline.read.translator_files import Entry
from pipeline.validate import translations
from tests.conftest import MEETING_ROWS, validated, write_inputs
from tests.read.test_translator_files import SUMMIT_SUMMARY, TITLE


def frames(tables) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return tables.mechanisms, tables.participants, tables.meetings


def entry(context: str, source: str, text: str, lang: str = "fr") -> Entry:
    return Entry(lang, translations.string_id(context, source), context, source, text,
                 f"strings-2025-{lang}-2026-03-02.xlsx", "strings", 2)


def test_translating_returns_new_frames_and_leaves_those_given(tmp_path):
    tables, _ = validated(write_inputs(tmp_path / "in"), langs=("en", "fr"))
    given = [frame.copy(deep=True) for frame in frames(tables)]
    (mechanisms, participants, meetings), problems, _ = translations.translate(
        *frames(tables), [entry(TITLE, "GFMD Summit", "Sommet du FMMD")], 2025, ("en", "fr"))
    for before, after in zip(given, frames(tables)):
        pd.testing.assert_frame_equal(before, after)  # not written
    summit = meetings["title"] == "GFMD Summit"
    assert list(meetings.loc[summit, "title_fr"]) == ["Sommet du FMMD"]
    assert list(tables.meetings.loc[summit, "title_fr"]) == [""]
    pd.testing.assert_frame_equal(meetings.drop(columns="title_fr"),
                                  tables.meetings.drop(columns="title_fr"))
    assert mechanisms is tables.mechanisms and participants is tables.participants
    [warning] = [p for p in problems if p.code == "untranslated"]
    # The summit's title is no longer counted; the 2024 MIDWA meeting's title is, as the
    # 2025 profiles list it, but not its summary, which only the 2024 edition prints.
    assert "3 summary, 3 title)" in warning.message


def test_what_the_warning_counts_is_what_the_kit_asks_for(tmp_path):
    tables, report = validated(write_inputs(tmp_path / "in"), langs=("en", "fr"))
    [warning] = [p for p in report.problems if p.code == "untranslated"]
    asked = translations.left_in_english(*frames(tables), 2025, "fr")
    counted = [s for s in asked if not s.context.startswith("mechanisms › name ›")]
    assert f"{len(counted)} texts shown in the French documents" in warning.message
    # The 2024 MIDWA meeting's title too, which the 2025 profiles list, but not its summary.
    assert sorted({s.source for s in asked if s.context.startswith("meetings › title")}) == [
        "GFMD Summit", "MIDSA Ministerial Meeting", "MIDWA Senior Officials Meeting",
        "Technical meeting on labour mobility"]
    assert SUMMIT_SUMMARY in {s.source for s in asked}
    assert "Officials prepared the ministerial meeting." not in {s.source for s in asked}
    # Geneva, Windhoek and Mexico City are printed by the gazetteer's French names.
    assert not [s for s in asked if s.context.startswith("meetings › city")]


@pytest.mark.parametrize("city, asked", [("Online", False), ("en ligne", False),
                                         ("Atlantis", True), ("Geneva", False)])
def test_an_online_meeting_or_a_known_city_needs_no_translation(tmp_path, city, asked):
    rows = [dict(MEETING_ROWS[1], city=city)] + MEETING_ROWS[2:3]
    tables, report = validated(write_inputs(tmp_path / "in", meetings=rows), langs=("en", "fr"))
    listed = {s.source for s in translations.left_in_english(*frames(tables), 2025, "fr")}
    assert (city in listed) is asked
    [warning] = [p for p in report.problems if p.code == "untranslated"]
    assert (" city" in warning.message) is asked


# The documents and the count read one fact ---------------------------------------------

TEXTS = ("Geneva", "Online", "Atlantis", "Morocco", "Niger Basin Authority", "Western Africa",
         "Horn of Africa", "GFMD", "Bali Process", "Colombo Declaration")


def record_with(spec, column, text: str, country: str):
    """A record of a table whose column holds the text (a list column, as one item)."""
    if spec is PARTICIPANTS:
        return Party("state" if country else "organisation", country, text)
    if spec is MEETINGS:
        values = dict(mechanism_id="bali", edition=None, title="T", name="T", start=None,
                      end=None, city="", country=country, level="other", themes=(), chair="",
                      iom_participation=None, summary="", outcome_documents=(), source="")
        field = {"outcome_document": "outcome_documents"}.get(column.name, column.name)
        return Meeting(**(values | {field: (text,) if field.endswith("s") else text}))
    values = dict(id="x", acronym="X", names={"en": "X"}, type="RCP", status="active",
                  status_detail="", regions=(), macro_regions=("Other",), year_established=None,
                  secretariat="", iom_roles=(), formal_association="", thematic_focus=(),
                  chair="", website="")
    field = {"region": "regions"}.get(column.name, column.name)
    return Mechanism(**(values | {field: (text,) if field == "regions" else text}))


PRINTED = [(spec, column) for spec in (MECHANISMS, PARTICIPANTS, MEETINGS)
           for column in translations.translated_columns(spec)
           if column.printed and column.name != "name_en"]


@pytest.mark.parametrize("lang", ["fr", "ru", "ar"])
@pytest.mark.parametrize("spec, column", PRINTED, ids=lambda x: getattr(x, "name", ""))
def test_the_documents_mark_english_exactly_what_the_count_calls_untranslated(spec, column,
                                                                              lang):
    """For every printed column (from the contract), a text is printed marked as English
    (lang="en") exactly when the count says it needs a translation."""
    names = Names(Localiser(lang))
    outcomes = set()
    for text in TEXTS:
        country = {"code": "MAR" if text == "Morocco" else "",
                   "country": "CHE"}.get(column.country_from)
        record = record_with(spec, column, text, country or "")
        shown = (names.regions(record) if column.name == "region" else
                 names.tr_items(record, column) if isinstance(record.english(column), tuple)
                 else [names.tr(record, column, country)])
        marked = any('lang="en"' in str(item) for item in shown)
        value = record.english(column)
        assert marked is printing.needs_translation(column, value, lang, country), (text, shown)
        outcomes.add(marked)
    # A column printed otherwise than in English has texts of both kinds among these.
    assert outcomes == ({True, False} if column.printed_as else {True})


def test_the_report_counts_per_language_the_texts_shown_as_written(tmp_path):
    """A document published in Spanish (outcome_document_language = es) is shown as written
    in the French, Russian and Arabic documents, not in the Spanish ones (it is theirs); a
    title its French translator kept as written (the translation is the text) in the
    French ones only. Each language's documents get a count in the report, in its words."""
    from dataclasses import replace as with_values

    from pipeline.config import BulletinConfig
    from pipeline.errors import Report
    from pipeline.render import validation_report

    rows = [dict(MEETING_ROWS[0], outcome_document="Declaración de Windhoek",
                 outcome_document_language="es"), *MEETING_ROWS[1:]]
    langs = ("en", "fr", "es", "ru", "ar")
    tables, _ = validated(write_inputs(tmp_path / "in", meetings=rows), langs=langs)
    _, _, counts = translations.translate(
        *frames(tables), [entry(TITLE, "GFMD Summit", "GFMD Summit")], 2025, langs)
    label = translations.AS_WRITTEN.template
    assert counts == ((label, 2, "fr"), (label, 1, "ru"), (label, 1, "ar"))
    page = validation_report.render_html(with_values(Report(), counts=counts),
                                         BulletinConfig(inputs_dir=tmp_path), 2025)
    assert ("texts shown as written, in another language, in the French documents (kept so "
            "by a translator, or published in that language): 2") in page
    assert "in the Russian documents" in page and "in the Spanish documents" not in page
