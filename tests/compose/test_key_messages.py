"""The bulletin's key messages and its list of acronyms, composed from the data."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from pipeline import build
from pipeline.compose.acronyms import acronyms, candidates, used
from pipeline.compose.key_messages import key_messages
from pipeline.config import load_config
from pipeline.lang.localiser import Localiser
from tests.conftest import write_inputs


@pytest.fixture(scope="module")
def small_data(tmp_path_factory):
    root = tmp_path_factory.mktemp("key-messages")
    data, _ = build.bulletin_data(load_config(write_inputs(root / "in"), root / "out"))
    return data


def messages(data, lang):
    by_id = {m.id: m for m in data.mechanisms}
    return [str(m) for m in key_messages(data, by_id, Localiser(lang))]


def test_the_key_messages_say_the_year_s_figures(small_data):
    assert messages(small_data, "en") == [
        "4 mechanisms were active in 2025.",
        "3 meetings were held in 2025, by 3 mechanisms.",
        # An item holds 'and': semicolons between the items (Localiser.list, issue 20).
        "Most on the agendas of the year’s meetings: Labour migration (2 meetings); Migration "
        "and development (1); and Regular pathways (1).",
        "Three meetings in 2025, two more than in 2024.",  # under ten in words (issue 20)
        "13 States are members of at least one of the 3 mechanisms whose member lists are "
        "known."]


def test_the_key_messages_are_written_in_every_language(small_data):
    assert messages(small_data, "fr")[:2] == ["4 mécanismes étaient actifs en 2025.",
                                              "3 réunions ont été tenues en 2025, par 3 "
                                              "mécanismes."]
    assert messages(small_data, "ar")[1] == "عُقدت 3 اجتماعات في عام 2025، من جانب 3 آليات."
    for lang in ("es", "ru"):
        assert len(messages(small_data, lang)) == 5
        assert not {"mechanisms", "meetings"} & set(" ".join(messages(small_data, lang)).split())


def test_the_acronyms_listed_are_those_the_page_uses(small_data):
    loc = Localiser("en")
    known = candidates(small_data.mechanisms, loc)
    assert known["IOM"] == "International Organization for Migration"
    assert known["MIDSA"] == "Migration Dialogue for Southern Africa"
    page = "<html><body><p>IOM supports MIDSA and other RCPs.</p><p>MIDSAT</p></body></html>"
    assert acronyms(page, small_data.mechanisms, loc) == (
        ("IOM", Markup("International Organization for Migration")),
        ("MIDSA", Markup("Migration Dialogue for Southern Africa")),
        ("RCP", Markup("regional consultative process on migration")))


@pytest.mark.parametrize("text, acronym, expected", [
    ("the RCPs met", "RCP", True), ("5+5 Dialogue", "5+5", True), ("MIDWAS", "MIDWA", False),
    ("AU-HoAI", "HoAI", False), ("(GFMD)", "GFMD", True)])
def test_an_acronym_is_used_as_a_word(text, acronym, expected):
    assert used(text, acronym) is expected
