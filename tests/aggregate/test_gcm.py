"""The meetings in the Global Compact's terms (aggregate/gcm.py): the crosswalk of the themes,
a meeting's own gcm_objectives over it, and the counts of the summary."""

import copy

from pipeline import aggregate
from tests.conftest import MEETING_ROWS, validated, write_inputs

# The small inputs' meetings held in 2025, and what the shipped crosswalk
# (contract/data/themes.csv) makes of their themes:
#   MIDSA, labour-migration                      -> objective 6;    targets 8.8
#   GFMD, migration-development                  -> objective 19;   no target
#   RCM, labour-migration; regular-pathways      -> objectives 5, 6; targets 8.8, 10.7
ADDRESSED = {5: {"meetings": 1, "mechanisms": 1}, 6: {"meetings": 2, "mechanisms": 2},
             19: {"meetings": 1, "mechanisms": 1}}
TARGETS = {"8.8": {"meetings": 2, "mechanisms": 2}, "10.7": {"meetings": 1, "mechanisms": 1}}
NONE = {"meetings": 0, "mechanisms": 0}


def summary_of(folder):
    tables, report = validated(folder)
    assert report.errors == ()
    return aggregate.summarise(tables, 2025)


def with_meeting(tmp_path, index: int, **values):
    rows = copy.deepcopy(MEETING_ROWS)
    rows[index].update(values)
    return summary_of(write_inputs(tmp_path / "inputs", meetings=rows))


def moved(before: dict, after: dict) -> dict:
    """The keys whose counts differ: key -> (before, after)."""
    return {key: (before[key], after[key]) for key in before if before[key] != after[key]}


def test_every_objective_and_target_is_counted_zeros_included(small_inputs):
    summary = summary_of(small_inputs).summary
    assert list(summary.gcm_objectives) == list(range(1, 24))
    assert summary.gcm_objectives == {n: ADDRESSED.get(n, NONE) for n in range(1, 24)}
    assert list(summary.sdg_targets) == ["5.2", "8.7", "8.8", "10.7", "10.c", "16.2", "17.18"]
    assert summary.sdg_targets == {t: TARGETS.get(t, NONE) for t in summary.sdg_targets}
    assert summary.gcm_meetings_named == 0


def test_changing_one_meetings_themes_moves_exactly_the_expected_counts(small_inputs,
                                                                         tmp_path):
    """The GFMD Summit re-themed from migration and development to trafficking and
    smuggling: objective 19 loses it, 9 and 10 gain it, and the targets that name
    trafficking (5.2, 8.7, 16.2) gain it; nothing else moves."""
    before = summary_of(small_inputs).summary
    after = with_meeting(tmp_path, 1, themes="trafficking-smuggling").summary
    one = {"meetings": 1, "mechanisms": 1}
    assert moved(before.gcm_objectives, after.gcm_objectives) == {
        9: (NONE, one), 10: (NONE, one), 19: (one, NONE)}
    assert moved(before.sdg_targets, after.sdg_targets) == {
        "5.2": (NONE, one), "8.7": (NONE, one), "16.2": (NONE, one)}


def test_a_meetings_own_objectives_override_the_crosswalk_for_that_meeting_only(
        small_inputs, tmp_path):
    """The RCM meeting (labour-migration; regular-pathways: 5 and 6 by the crosswalk) names
    objectives 2 and 23 itself: it counts towards those alone; MIDSA's meeting, of the
    same labour-migration theme, still counts towards 6 by the crosswalk. Its SDG targets
    are still its themes'."""
    before = summary_of(small_inputs)
    after = with_meeting(tmp_path, 2, gcm_objectives="23; 2")
    by_title = {m.title: m for m in after.calendar}
    rcm = by_title["Technical meeting on labour mobility"]
    assert (rcm.gcm_objectives, rcm.objectives_named) == ((2, 23), True)
    assert rcm.sdg_targets == ("8.8", "10.7")
    midsa = by_title["MIDSA Ministerial Meeting"]
    assert (midsa.gcm_objectives, midsa.objectives_named) == ((6,), False)
    assert {m.title: m.gcm_objectives for m in before.calendar
            if m.title != rcm.title} == {m.title: m.gcm_objectives for m in after.calendar
                                         if m.title != rcm.title}
    one = {"meetings": 1, "mechanisms": 1}
    assert moved(before.summary.gcm_objectives, after.summary.gcm_objectives) == {
        2: (NONE, one), 5: (one, NONE), 6: ({"meetings": 2, "mechanisms": 2}, one),
        23: (NONE, one)}
    assert after.summary.sdg_targets == before.summary.sdg_targets
    assert after.summary.gcm_meetings_named == 1


def test_none_in_a_meetings_column_counts_it_towards_no_objective(tmp_path):
    after = with_meeting(tmp_path, 1, gcm_objectives="aucun")  # French for none
    gfmd = next(m for m in after.calendar if m.mechanism_id == "gfmd")
    assert (gfmd.gcm_objectives, gfmd.objectives_named) == ((), True)
    assert after.summary.gcm_objectives[19] == NONE
    assert after.summary.gcm_meetings_named == 1
