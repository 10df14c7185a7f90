"""Sentences, dates and ordinals in the reader's language."""

import datetime as dt

import pytest

from pipeline.i18n import Localiser, Ordinal
from pipeline.model import Meeting

EN = Localiser("en")


@pytest.mark.parametrize("start, end, text", [
    (dt.date(2025, 1, 23), dt.date(2025, 1, 23), "23 January 2025"),
    (dt.date(2025, 1, 23), dt.date(2025, 1, 24), "23–24 January 2025"),
    (dt.date(2025, 1, 30), dt.date(2025, 2, 2), "30 January – 2 February 2025"),
    (dt.date(2024, 12, 30), dt.date(2025, 1, 2), "30 December 2024 – 2 January 2025"),
])
def test_english_date_ranges(start, end, text):
    assert EN.date_range(start, end) == text


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"),
                                     (11, "11th"), (12, "12th"), (21, "21st"), (23, "23rd")])
def test_english_ordinals(n, text):
    assert f"{Ordinal(n, 'en')}" == text


def test_ordinal_gender_comes_from_the_pattern():
    assert "La {n:f} réunion".format(n=Ordinal(1, "fr")) == "La 1re réunion"
    assert "Le {n:m} sommet".format(n=Ordinal(1, "fr")) == "Le 1er sommet"
    assert "La {n:f} Reunión".format(n=Ordinal(4, "es")) == "La 4.ª Reunión"


def meeting(**values):
    base = dict(mechanism_id="bali", edition=4, title="Fourth Ministerial Meeting",
                start=dt.date(2025, 1, 23), end=dt.date(2025, 1, 24), city="Colombo",
                country="LKA", level="ministerial", themes=(), chair="",
                iom_participation=True, summary="", outcome_document="", source="")
    return Meeting(**(base | values))


def test_meeting_sentence_with_outcome():
    text = EN.meeting_sentence(meeting(outcome_document="Colombo Declaration",
                                       summary="Ministers agreed on <next> steps."))
    assert str(text) == ("The 4th Ministerial Meeting, 23–24 January 2025 in Colombo, "
                         "Sri Lanka, adopted the outcome document “<cite>Colombo Declaration"
                         "</cite>”. Ministers agreed on &lt;next&gt; steps.")


def test_meeting_sentence_without_edition_quotes_the_title():
    text = EN.meeting_sentence(meeting(edition=None, level="thematic", city="",
                                       title="Skills <b>partnerships</b>"))
    assert str(text) == ("The thematic meeting “Skills &lt;b&gt;partnerships&lt;/b&gt;” "
                         "took place on 23–24 January 2025 in Sri Lanka.")


def test_online_meeting():
    assert "took place on 23–24 January 2025 online." in str(
        EN.meeting_sentence(meeting(city="Online", country="")))


def test_numbers_and_lists():
    assert EN.number(1234) == "1,234"
    assert EN.number(None) == "–"
    assert EN.list(["A", "B", "C"]) == "A, B and C"
