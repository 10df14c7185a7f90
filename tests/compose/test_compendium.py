"""The compendium of ISCM updates (compose/compendium.py, templates/updates.html): each
mechanism's update as its secretariat wrote it, in the reader's language where it is
translated, else as written and marked with its language; who sent it and when; what the
data records of its year; and the mechanisms asked that sent none."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from pipeline import build
from pipeline.aggregate import summarise
from pipeline.compose.compendium import compendium
from pipeline.config import load_config
from pipeline.contract.schema import UPDATES
from pipeline.lang.localiser import Localiser
from pipeline.publish import kit
from pipeline.publish.outputs import CHOSEN, kinds
from tests.conftest import PARTICIPANT_ROWS, validated, write_inputs, write_sheet

UPDATE_ROWS = [
    {"mechanism_id": "midsa", "year": 2025,
     "achievements": "Ministers adopted the Windhoek Declaration.\nA labour migration "
                     "action plan was agreed.",
     "achievements_fr": "Les ministres ont adopté la Déclaration de Windhoek.",
     "priorities": "Labour mobility.", "sent_by": "MIDSA secretariat",
     "sent_on": dt.date(2026, 1, 20)},
    {"mechanism_id": "Puebla Process", "year": 2025,
     "achievements_es": "Los viceministros aprobaron un plan de trabajo."},
    {"mechanism_id": "gfmd", "year": 2024, "achievements": "Last year's update."},
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = write_inputs(tmp_path_factory.mktemp("compendium") / "inputs", participants=[
        *PARTICIPANT_ROWS, {"mechanism_id": "midsa", "participant": "Zambia",
                            "role": "member", "joined": 2025}])
    book = openpyxl.Workbook()
    book.remove(book.active)
    write_sheet(book, "updates", [c.name for c in UPDATES.columns], UPDATE_ROWS)
    book.save(folder / "updates.xlsx")
    return folder


@pytest.fixture(scope="module")
def data(inputs):
    tables, report = validated(inputs, 2025)
    assert report.errors == ()
    assert [(p.code, p.row, p.column) for p in report.problems
            if p.file == "updates.xlsx"] == [("update-not-in-english", 3, "achievements")]
    return summarise(tables, 2025)


def test_replies_and_the_mechanisms_that_sent_none(data):
    found = compendium(data, Localiser("en"))
    assert [r.mechanism.id for r in found.replies] == ["midsa", "rcm"]  # by name
    assert [m.id for m in found.silent] == ["gfmd", "midwa"]  # 2024's update is not 2025's


def test_a_narrative_as_written_and_who_sent_it(data):
    midsa = compendium(data, Localiser("en")).replies[0]
    assert [(n.heading, n.lang, n.text) for n in midsa.narrative] == [
        ("Achievements in 2025", None, "Ministers adopted the Windhoek Declaration. A labour "
                                       "migration action plan was agreed."),
        ("Priorities", None, "Labour mobility.")]
    assert str(midsa.sent) == "Sent by <bdi>MIDSA secretariat</bdi> on 20 January 2026."
    assert "Zambia" in str(midsa.joined) and midsa.left == ""
    assert [m.title for m in midsa.meetings] == ["MIDSA Ministerial Meeting"]


def test_translated_where_it_is_else_marked_with_its_language(data):
    french = {r.mechanism.id: r for r in compendium(data, Localiser("fr")).replies}
    achievements, priorities = french["midsa"].narrative
    assert (achievements.lang, achievements.text) == (
        None, "Les ministres ont adopté la Déclaration de Windhoek.")
    assert (priorities.lang, priorities.text) == ("en", "Labour mobility.")
    for lang in ("en", "fr", "ar"):
        (spanish,) = {r.mechanism.id: r for r in compendium(data, Localiser(lang)).replies}[
            "rcm"].narrative
        assert (spanish.lang, spanish.text) == (
            "es", "Los viceministros aprobaron un plan de trabajo.")
    assert french["rcm"].sent == ""


def test_the_translation_kit_asks_for_the_narratives(inputs):
    tables, _ = validated(inputs, 2025, ("fr",))
    strings = {s.source for s in kit.missing_strings(tables, 2025, "fr")}
    assert "Labour mobility." in strings
    assert "Les ministres ont adopté la Déclaration de Windhoek." not in strings
    assert not any(s.startswith("Ministers adopted") for s in strings)  # in French already


def test_the_page_lays_it_out(inputs, tmp_path):
    config = load_config(inputs, tmp_path, langs="en,fr", formats="html", docs="updates",
                         edition_date=dt.date(2026, 1, 15), kinds=kinds(),
                         format_choices=CHOSEN)
    build.build(config, jobs=1)
    page = (tmp_path / "2025" / "iscm-updates-2025-fr.html").read_text(encoding="utf-8")
    assert "<title>MCIM 2025 · Recueil des mises à jour</title>" in page
    assert '<h1 id="cover-title" class="cover-title">' in page  # the series' cover
    assert '<p class="narrative" lang="es" dir="ltr">Los viceministros aprobaron un plan ' \
           'de trabajo.</p>' in page
    assert '<p class="narrative" lang="en" dir="ltr">Labour mobility.</p>' in page
    assert "2 mécanismes ont envoyé leur mise à jour pour 2025." in page
    silent = page.split('id="no-update"', 1)[1]
    assert "Migration Dialogue for West Africa" in silent  # no French name in the inputs
    assert "Forum mondial sur la migration et le développement" in silent
    assert "Afrique australe" not in silent
    english = (tmp_path / "2025" / "iscm-updates-2025-en.html").read_text(encoding="utf-8")
    assert "<p class=\"sent\">Sent by <bdi>MIDSA secretariat</bdi> on 20 January 2026.</p>" \
        in english
