"""Figures computed from the small input set, checked by hand."""

import datetime as dt

import pandas as pd
import pytest

from pipeline import aggregate, validate
from pipeline.read import ingest
from tests.conftest import MEETING_ROWS, PARTICIPANT_ROWS, validated, write_inputs


@pytest.fixture
def tables(small_inputs):
    tables, report = validated(small_inputs)
    assert report.errors == ()
    return tables


def test_summary_figures(tables):
    s = aggregate.summarise(tables, 2025).summary
    assert s.mechanisms_by_type == {"RCP": 4, "IRF": 0, "Global": 1}
    assert s.mechanisms_by_status == {"active": 4, "emerging": 0, "inactive": 1}
    assert s.mechanisms_by_type_and_status["RCP"] == {"active": 3, "emerging": 0, "inactive": 1}
    assert s.mechanisms_by_region["Africa"] == 2
    assert s.meetings_in_year == 3  # the 2024 MIDWA meeting is not counted
    assert s.meetings_by_mechanism == {"gfmd": 1, "midsa": 1, "rcm": 1}
    assert s.meetings_by_level["ministerial"] == 1 and s.meetings_by_level["summit"] == 1
    assert s.meetings_by_month["01"] == 1 and s.meetings_by_month["03"] == 2
    assert s.member_states == 13  # 5 + 4 + 4 States; Colombia observes, IOM is a partner
    assert s.memberships_per_state["NAM"] == 1
    assert s.member_states_per_mechanism == {"apc": None, "gfmd": None, "midsa": 5,
                                             "midwa": 4, "rcm": 4}
    assert s.iom_roles == {"observer": ["gfmd"], "secretariat": ["rcm"],
                           "secretariat-support": ["gfmd", "midsa", "midwa"]}
    assert s.meetings_by_theme == {"labour-migration": 2, "migration-development": 1,
                                   "regular-pathways": 1}


def test_territories_count_apart_from_states(small_inputs, tmp_path):
    rows = PARTICIPANT_ROWS + [{"mechanism_id": "rcm", "participant": "Hong Kong",
                                "role": "member"}]
    folder = write_inputs(tmp_path / "t", participants=rows)
    tables, _ = validated(folder)
    s = aggregate.summarise(tables, 2025).summary
    assert (s.member_states, s.member_states_and_territories) == (13, 14)


def test_members_who_left_before_the_year_are_not_counted(tmp_path):
    rows = [dict(r) for r in PARTICIPANT_ROWS]
    rows[0]["left"] = 2020
    tables, _ = validated(write_inputs(tmp_path / "l", participants=rows))
    assert aggregate.summarise(tables, 2025).summary.member_states_per_mechanism["midsa"] == 4


def test_highlights_and_calendar(tables):
    data = aggregate.summarise(tables, 2025)
    assert [h.mechanism.id for h in data.highlights] == ["gfmd", "midsa", "rcm"]
    assert [m.start for m in data.calendar] == [dt.date(2025, 1, 23), dt.date(2025, 3, 5),
                                                dt.date(2025, 3, 20)]
    assert data.calendar[2].end == dt.date(2025, 3, 20)  # blank end: a one-day meeting
    assert data.edition_date == dt.date(2025, 3, 20)


@pytest.mark.parametrize("counts, expected", [
    ({"A": 3, "B": 2, "C": 1}, [("A", 3), ("B", 2), ("C", 1)]),
    ({f"S{i:02d}": 5 for i in range(20)} | {"TOP": 6}, [("TOP", 6)]),
])
def test_top_states_keeps_ties_unless_they_swell_the_list(counts, expected):
    assert aggregate.top_states(counts, size=3 if len(counts) == 3 else 10) == expected


def test_a_meetings_table_without_rows_gives_an_empty_year(tmp_path):
    """Was KeyError: 'start_date': an empty object column selected columns, not rows."""
    folder = write_inputs(tmp_path / "e", meetings=[])
    tables, report = validated(folder, 2025)
    assert report.errors == ()
    data = aggregate.summarise(tables, 2025)
    assert (data.calendar, data.highlights, data.summary.meetings_in_year) == ((), (), 0)
    assert data.summary.meetings_by_level["summit"] == 0
    assert data.edition_date == dt.date(2025, 12, 31)


def test_a_meeting_after_the_edition_date_is_never_held():
    """Blank or held: planned after the edition date (held by it when blank); postponed,
    cancelled and planned stay as written."""
    meetings = pd.DataFrame({
        "status": ["", "held", "postponed", "cancelled", "", "planned", "held"],
        "start_date": [dt.date(2025, 7, 1)] * 4 + [dt.date(2025, 6, 30)] * 3})
    statuses = aggregate.meeting_statuses(meetings, dt.date(2025, 6, 30))
    assert list(statuses) == ["planned", "planned", "postponed", "cancelled", "held", "planned",
                              "held"]


def test_upcoming_meetings_have_their_mechanism_s_highlight(tmp_path):
    rows = MEETING_ROWS + [
        {"mechanism_id": "midwa", "title": "MIDWA Ministerial Conference", "level": "ministerial",
         "start_date": dt.date(2025, 9, 15)},
        {"mechanism_id": "gfmd", "title": "GFMD Thematic Meeting", "level": "thematic",
         "start_date": dt.date(2025, 9, 20), "status": "postponed"}]
    tables, _ = validate.check(ingest.read_inputs(write_inputs(tmp_path / "u", meetings=rows)),
                               2025, edition_date=dt.date(2025, 6, 30))
    data = aggregate.summarise(tables, 2025)
    told = {h.mechanism.id: [(m.title, m.status) for m in h.meetings] for h in data.highlights}
    assert told["midwa"] == [("MIDWA Ministerial Conference", "planned")]  # it has not met
    assert told["gfmd"] == [("GFMD Summit", "held")]  # the postponed meeting is not told
    assert data.summary.meetings_in_year == 3
