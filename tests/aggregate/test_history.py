"""Editions over time: two years built from one input set (tests/data/history/), each with
its own members, mechanisms, statuses and changes; years after a past edition accepted."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.aggregate import history
from tests.data.history import EXPECTED_CHANGES, EXPECTED_MEETINGS


@pytest.mark.parametrize("year", [2024, 2025])
def test_summary_json_has_the_year_s_changes_and_meetings_per_year(history_editions, year):
    summary = json.loads((history_editions[year][1] / f"summary-{year}.json").read_text())
    assert summary["changes"] == EXPECTED_CHANGES[year]
    assert summary["meetings_per_year"] == EXPECTED_MEETINGS[year]


def test_each_edition_counts_the_members_of_its_year(history_editions):
    members = {year: data.summary.member_states_per_mechanism for year, (data, _)
               in history_editions.items()}
    # MIDSA: Angola joined in 2024, Eswatini left in 2024, Zambia joined in 2025.
    assert members[2024]["midsa"] == 4 and members[2025]["midsa"] == 5
    # MIDWA: Senegal left in 2025, so it is a member at the end of 2024 only.
    assert members[2024]["midwa"] == 4 and members[2025]["midwa"] == 3
    assert members[2024]["rcm"] == 4 and members[2025]["rcm"] == 6
    midsa = {year: sorted(p.code for p in next(m for m in data.mechanisms
                                              if m.id == "midsa").members)
             for year, (data, _) in history_editions.items()}
    assert midsa == {2024: ["AGO", "BWA", "NAM", "ZAF"], 2025: ["AGO", "BWA", "NAM", "ZAF", "ZMB"]}


def test_a_mechanism_founded_later_is_not_in_the_edition(history_editions):
    ids = {year: {m.id for m in data.mechanisms} for year, (data, _) in history_editions.items()}
    assert "midcom" not in ids[2024] and "midcom" in ids[2025]
    html = (history_editions[2024][1] / "iscm-table-2024-en.html").read_text()
    assert "COMESA" not in html


def test_a_status_taken_later_gives_way_to_the_status_before(history_editions):
    status = {year: {m.id: m.status for m in data.mechanisms}
              for year, (data, _) in history_editions.items()}
    assert status[2024]["apc"] == "active" and status[2025]["apc"] == "inactive"
    apc_2024 = next(m for m in history_editions[2024][0].mechanisms if m.id == "apc")
    assert apc_2024.status_detail == ""  # 'Completed its mission' tells the later status
    assert history_editions[2024][0].summary.mechanisms_by_status["active"] == 5


def test_meetings_after_a_past_edition_are_not_in_it(history_editions):
    data = history_editions[2024][0]
    assert {m.start.year for m in data.calendar} == {2024}
    assert data.summary.meetings_in_year == 3
    assert data.edition_date.year == 2024  # not the date of a later edition's meeting


def frame(rows):
    return pd.DataFrame(rows, dtype=object)


def test_a_participant_counts_from_the_year_joined_to_the_year_before_it_left():
    participants = frame([
        {"mechanism_id": "m", "code": "AAA", "joined": None, "left": None},
        {"mechanism_id": "m", "code": "BBB", "joined": 2025, "left": None},
        {"mechanism_id": "m", "code": "CCC", "joined": None, "left": 2025},
        {"mechanism_id": "m", "code": "DDD", "joined": 2020, "left": 2026},
        {"mechanism_id": "later", "code": "EEE", "joined": None, "left": None}])
    mechanisms = frame([{"id": "m"}])
    at = {year: list(history.participants_at(participants, mechanisms, year)["code"])
          for year in (2024, 2025)}
    assert at == {2024: ["AAA", "CCC", "DDD"], 2025: ["AAA", "BBB", "DDD"]}


def test_an_unknown_status_before_keeps_the_current_status():
    mechanisms = frame([{"id": "a", "status": "inactive", "status_detail": "Dormant",
                         "status_since": 2020, "status_before": "", "year_established": None},
                        {"id": "b", "status": "inactive", "status_detail": "Dormant",
                         "status_since": 2020, "status_before": "active",
                         "year_established": 2010}])
    then = history.edition_mechanisms(mechanisms, 2019)
    assert list(then["status"]) == ["inactive", "active"]
    assert list(then["status_detail"]) == ["Dormant", ""]
    assert history.status_changes(history.edition_mechanisms(mechanisms, 2020), 2020) == {
        "a": [None, "inactive"], "b": ["active", "inactive"]}


def test_meetings_per_year_runs_from_the_first_year_to_the_bulletin_year():
    import datetime as dt
    meetings = frame([{"start_date": dt.date(2021, 5, 1), "level": "ministerial"},
                      {"start_date": dt.date(2023, 5, 1), "level": "technical"},
                      {"start_date": dt.date(2023, 6, 1), "level": "technical"}])
    per_year = history.meetings_per_year_by_level(meetings, 2024)
    assert list(per_year) == [2021, 2022, 2023, 2024]
    assert [sum(levels.values()) for levels in per_year.values()] == [1, 0, 2, 0]
    assert per_year[2023]["technical"] == 2
