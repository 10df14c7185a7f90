"""The ISCM table: its groups, its key to the themes, its marks of the year's changes and the
rows it lets split between pages."""

import dataclasses
import re

from pipeline.compose.table import LONG_ROW, iscm_table
from pipeline.lang.localiser import Localiser
from pipeline.model import Party


def rows_by_id(table):
    return {row.mechanism.id: row for group in table.groups for row in group.rows}


def test_the_groups_follow_type_then_region_names_alphabetical(history_editions):
    data, _ = history_editions[2025]
    table = iscm_table(data, Localiser("en"))
    assert [(g.type, g.region, [m.id for m in g.mechanisms]) for g in table.groups] == [
        ("RCP", "Africa", ["midcom", "midsa", "midwa"]), ("RCP", "Americas", ["rcm"]),
        ("RCP", "Asia-Pacific", ["apc"]), ("Global", "Global", ["gfmd"])]


def test_the_themes_are_keyed_alphabetically_in_the_readers_language(history_editions):
    data, _ = history_editions[2025]
    en, fr = iscm_table(data, Localiser("en")), iscm_table(data, Localiser("fr"))
    assert [(t.number, t.key) for t in en.themes] == [
        (1, "displacement"), (2, "free-movement"), (3, "irregular-migration"),
        (4, "labour-migration"), (5, "migration-development"), (6, "regular-pathways")]
    assert [(t.number, str(t.label)) for t in fr.themes] == [
        (1, "Déplacements"), (2, "Libre circulation"), (3, "Migration de main-d’œuvre"),
        (4, "Migration et développement"), (5, "Migration irrégulière"),
        (6, "Voies de migration régulière")]


def test_a_rows_themes_stand_each_in_the_place_of_its_number(history_editions):
    data, _ = history_editions[2025]
    midsa = rows_by_id(iscm_table(data, Localiser("en")))["midsa"]
    assert [t.number if t else None for t in midsa.themes] == [None, None, 3, 4, None,
                                                                 None]
    assert [str(label) for label in midsa.theme_labels] == ["Irregular migration",
                                                             "Labour migration"]


def test_the_years_changes_mark_their_rows(history_editions):
    data, _ = history_editions[2025]
    table = iscm_table(data, Localiser("en"))
    rows = rows_by_id(table)
    assert (rows["rcm"].joined, rows["midsa"].joined, rows["midwa"].left) == (
        "Belize and Panama", "Zambia", "Senegal")
    assert rows["midcom"].established and rows["midcom"].joined == "Kenya and Uganda"
    assert rows["apc"].status_before == "Active"
    assert not rows["gfmd"].changed and rows["apc"].changed and table.changed
    assert rows_by_id(iscm_table(data, Localiser("fr")))["rcm"].joined == "Belize et Panama"


def test_the_table_prints_the_marks_and_their_key(history_editions):
    _, folder = history_editions[2025]
    html = (folder / "iscm-table-2025-en.html").read_text(encoding="utf-8")
    assert "Changed in 2025: the row says what changed" in html
    assert re.search(r'<tr id="t-rcm" class="changed">.*?Joined in 2025: Belize and '
                     r'Panama', html, re.S)
    assert "New status in 2025; before: Active" in html
    assert "Established in 2025" in html
    assert '<tr id="t-gfmd">' in html


def test_no_change_no_mark_and_no_key(history_editions):
    data, _ = history_editions[2024]
    quiet = dataclasses.replace(data, summary=dataclasses.replace(
        data.summary, changes=type(data.summary.changes)({}, {}, [], {})))
    assert not iscm_table(quiet, Localiser("en")).changed


def test_a_row_with_more_participants_than_a_page_holds_may_split(history_editions):
    data, _ = history_editions[2025]
    midsa = next(m for m in data.mechanisms if m.id == "midsa")
    crowded = dataclasses.replace(midsa, members=tuple(
        Party("state", "", f"State {n}") for n in range(LONG_ROW + 1)))
    many = dataclasses.replace(data, mechanisms=tuple(
        crowded if m.id == "midsa" else m for m in data.mechanisms))
    rows = rows_by_id(iscm_table(many, Localiser("en")))
    assert rows["midsa"].long and not rows["rcm"].long
