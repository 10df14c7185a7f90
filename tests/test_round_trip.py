"""The yearly round trip on the shipped inputs: make requests writes one workbook per active or
emerging mechanism; three secretariats fill theirs in (a chair changed, a member added with
the year it joined, a meeting added, a narrative written); make collect lists exactly those
changes; APPLY=1 merges them, every other cell of the input workbooks as it was; and the
next build prints them in the bulletin, the table and the compendium of ISCM updates."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.publish.outputs import CHOSEN, kinds
from pipeline.updates import returns, review, source
from pipeline.updates.request import ASKED
from tests.conftest import SHIPPED_INPUTS

YEAR = 2025
SENT_ON = dt.date(2026, 1, 20)
NEW_CHAIR = "Tuvalu"
NEW_MEMBER = "Mauritania"
MEETING = {"title": "Rabat Process Thematic Meeting on labour mobility (round-trip test)",
           "start_date": dt.date(2025, 10, 7), "end_date": dt.date(2025, 10, 8),
           "city": "Dakar", "country": "Senegal", "level": "thematic"}
NARRATIVES = {
    "pidc": "The 27th Regular Annual Meeting agreed a regional data-sharing work plan.",
    "midwa": "Member States adopted a free-movement roadmap with Mauritania.",
    "rabat": "The thematic meeting in Dakar reviewed labour mobility pilots.",
}
SENDERS = {"pidc": "PIDC secretariat (Programme Officer)",
           "midwa": "MIDWA secretariat (Coordinator)",
           "rabat": "Rabat Process secretariat (Project Officer)"}


def run(*args: str) -> object:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def row_of(sheet, first_column_value: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1)
                if sheet.cell(r, 1).value == first_column_value)


def first_empty_row(sheet) -> int:
    return next(r for r in range(2, sheet.max_row + 2) if sheet.cell(r, 1).value is None)


def headed(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def fill(path: Path, mechanism: str) -> None:
    """What a secretariat types into its workbook (English headers: the shipped mechanisms
    work in English), saved as a spreadsheet program saves it."""
    book = openpyxl.load_workbook(path)
    if mechanism == "pidc":
        facts = book["Facts"]
        facts.cell(row_of(facts, "Chair"), 3).value = NEW_CHAIR
    if mechanism == "midwa":
        sheet = book["Participants"]
        columns, row = headed(sheet), first_empty_row(sheet)
        sheet.cell(row, columns["State or organisation"]).value = NEW_MEMBER
        sheet.cell(row, columns["Role"]).value = "member"
        sheet.cell(row, columns["Joined (year)"]).value = YEAR
    if mechanism == "rabat":
        sheet = book["Meetings"]
        columns, row = headed(sheet), first_empty_row(sheet)
        for header, key in (("Title", "title"), ("Start date", "start_date"),
                            ("End date", "end_date"), ("City", "city"),
                            ("Country", "country"), ("Level", "level")):
            sheet.cell(row, columns[header]).value = MEETING[key]
    update = book["Update"]
    update.cell(row_of(update, f"Achievements in {YEAR}"), 2).value = NARRATIVES[mechanism]
    update.cell(row_of(update, "Filled in by (name, function)"), 2).value = SENDERS[mechanism]
    update.cell(row_of(update, "Date (dd/mm/yyyy)"), 2).value = SENT_ON
    book.save(path)


@dataclass(frozen=True)
class RoundTrip:
    original: Path
    inputs: Path
    requests: list[Path]
    review: review.Review
    collect_output: str
    apply_output: str
    outputs: Path


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> RoundTrip:
    root = tmp_path_factory.mktemp("round-trip")
    inputs = root / "inputs"
    shutil.copytree(SHIPPED_INPUTS, inputs)
    outputs = root / "outputs"
    made = run("requests", "--inputs", str(inputs), "--outputs", str(outputs))
    assert made.exit_code == 0, made.output
    requests = sorted((outputs / "requests" / str(YEAR)).glob("*.xlsx"))
    folder = inputs / "returns"
    folder.mkdir()
    for mechanism in NARRATIVES:
        sent = folder / f"iscm-update-{YEAR}-{mechanism}.xlsx"
        shutil.copyfile(outputs / "requests" / str(YEAR) / sent.name, sent)
        fill(sent, mechanism)
    found = review.review(source.read_source(inputs), returns.find_returns(folder), folder)
    collected = run("collect", "--inputs", str(inputs), "--outputs", str(outputs))
    assert collected.exit_code == 0, collected.output
    applied = run("collect", "--inputs", str(inputs), "--outputs", str(outputs), "--apply")
    assert applied.exit_code == 0, applied.output
    from pipeline import build

    build.build(load_config(inputs, outputs, langs="en", formats="html",
                            docs="bulletin,table,updates", kinds=kinds(),
                            format_choices=CHOSEN), jobs=1)
    return RoundTrip(SHIPPED_INPUTS, inputs, requests, found, collected.output,
                     applied.output, outputs / str(YEAR))


def test_one_request_per_active_or_emerging_mechanism(round_trip):
    book = openpyxl.load_workbook(SHIPPED_INPUTS / "mechanisms.xlsx", read_only=True)
    rows = list(book["mechanisms"].iter_rows(values_only=True))
    ids = sorted(row[rows[0].index("id")] for row in rows[1:]
                 if row[rows[0].index("status")] in ASKED)
    assert len(ids) == 24
    assert [path.name for path in round_trip.requests] == [
        f"iscm-update-{YEAR}-{mechanism}.xlsx" for mechanism in ids]


def test_the_review_lists_exactly_what_the_secretariats_changed(round_trip):
    found = {(c.mechanism, c.part, c.column, c.old, c.new, c.kind)
             for c in round_trip.review.changes}
    sent_on = SENT_ON.isoformat()
    assert found == {
        ("pidc", "facts", "chair", "Tonga", NEW_CHAIR, "changed"),
        ("midwa", "participants", "participant", None, NEW_MEMBER, "added"),
        ("midwa", "participants", "role", None, "member", "added"),
        ("midwa", "participants", "joined", None, YEAR, "added"),
        ("rabat", "meetings", "title", None, MEETING["title"], "added"),
        ("rabat", "meetings", "start_date", None, "2025-10-07", "added"),
        ("rabat", "meetings", "end_date", None, "2025-10-08", "added"),
        ("rabat", "meetings", "city", None, "Dakar", "added"),
        ("rabat", "meetings", "country", None, "Senegal", "added"),
        ("rabat", "meetings", "level", None, "thematic", "added"),
        *((m, "update", "achievements", None, text, "added") for m, text in NARRATIVES.items()),
        *((m, "update", "sent_by", None, who, "added") for m, who in SENDERS.items()),
        *((m, "update", "sent_on", None, sent_on, "added") for m in NARRATIVES),
    }
    assert round_trip.review.problems == ()
    # The terminal (not a tty here: one line per change), then the last line.
    assert f"pidc: iscm-update-{YEAR}-pidc.xlsx › Facts › row 16 › Chair: 'Tonga' → " \
           f"'{NEW_CHAIR}' (changed)" in round_trip.collect_output
    assert round_trip.collect_output.splitlines()[-1] == (
        "19 changes found, not applied yet: run make collect APPLY=1 (iscm collect --apply) "
        "to merge them into the inputs.")
    assert round_trip.apply_output.splitlines()[-1] == (
        "19 changes applied to mechanisms.xlsx, meetings.xlsx, updates.xlsx.")


def test_the_review_page_and_workbook_list_the_changes(round_trip):
    folder = round_trip.outputs.parent / "requests" / str(YEAR)
    page = (folder / f"review-{YEAR}.html").read_text(encoding="utf-8")
    assert NEW_CHAIR in page and MEETING["title"] in page and NEW_MEMBER in page
    rows = list(openpyxl.load_workbook(folder / f"review-{YEAR}.xlsx").active
                .iter_rows(min_row=2, values_only=True))
    assert ("pidc", "changed", f"iscm-update-{YEAR}-pidc.xlsx", "Facts", 16, None, "Chair",
            "Tonga", NEW_CHAIR) in rows


def cells(path: Path) -> dict[tuple[str, str], tuple]:
    """Every cell of a workbook that holds a value or a style: value, format, font, fill."""
    book = openpyxl.load_workbook(path)
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None or cell.has_style:
                    found[sheet.title, cell.coordinate] = (
                        cell.value, cell.number_format, cell.font.b, cell.fill.fgColor.rgb)
    return found


def workbook_shape(path: Path) -> tuple:
    book = openpyxl.load_workbook(path)
    return tuple((sheet.title, sheet.sheet_state, sheet.freeze_panes,
                  sorted(str(v.sqref) for v in sheet.data_validations.dataValidation))
                 for sheet in book.worksheets)


def test_apply_changes_only_the_cells_of_the_changes(round_trip):
    before_mech, after_mech = (cells(folder / "mechanisms.xlsx")
                               for folder in (round_trip.original, round_trip.inputs))
    before_meet, after_meet = (cells(folder / "meetings.xlsx")
                               for folder in (round_trip.original, round_trip.inputs))
    book = openpyxl.load_workbook(round_trip.inputs / "mechanisms.xlsx")
    mechanisms, participants = book["mechanisms"], book["participants"]
    header = {c.value: c.column_letter for c in mechanisms[1]}
    pidc = row_of(mechanisms, "pidc")
    added = participants.max_row
    assert [c.value for c in participants[added]][:5] == ["midwa", NEW_MEMBER, "member", None,
                                                          YEAR]
    provenance = f"PIDC secretariat ({SENDERS['pidc']}), yearly update of {SENT_ON}"
    expected = {("mechanisms", f"{header['chair']}{pidc}"): NEW_CHAIR,
                ("mechanisms", f"{header['source']}{pidc}"): provenance}
    changed = {key for key in before_mech.keys() | after_mech.keys()
               if before_mech.get(key) != after_mech.get(key)}
    assert changed - {("participants", f"{c}{added}") for c in "ABCDEFG"} == set(expected)
    for key, value in expected.items():
        assert after_mech[key][0] == value
    assert participants[f"G{added}"].value == \
        f"MIDWA secretariat ({SENDERS['midwa']}), yearly update of {SENT_ON}"
    meetings = openpyxl.load_workbook(round_trip.inputs / "meetings.xlsx")["meetings"]
    new_meeting = max(r for r in range(2, meetings.max_row + 1)
                      if meetings.cell(r, 1).value == "rabat")
    changed = {key for key in before_meet.keys() | after_meet.keys()
               if before_meet.get(key) != after_meet.get(key)}
    # Within the sheet's columns.
    assert {coordinate[0] for _, coordinate in changed} <= set("ABCDEFGHIJKLMNOPQR")
    assert {int(coordinate[1:]) for _, coordinate in changed} == {new_meeting}
    column = {c.value: c.column for c in meetings[1]}
    assert meetings.cell(new_meeting, column["title"]).value == MEETING["title"]
    assert meetings.cell(new_meeting, column["start_date"]).value == dt.datetime(2025, 10, 7)
    for name in ("mechanisms.xlsx", "meetings.xlsx", "publication.xlsx"):
        assert workbook_shape(round_trip.original / name) \
            == workbook_shape(round_trip.inputs / name), name
    assert (round_trip.original / "publication.xlsx").read_bytes() \
        == (round_trip.inputs / "publication.xlsx").read_bytes()
    updates = list(openpyxl.load_workbook(round_trip.inputs / "updates.xlsx")["updates"]
                   .iter_rows(values_only=True))
    header = updates[0]
    by_mechanism = {row[header.index("mechanism_id")]: row for row in updates[1:]}
    assert sorted(by_mechanism) == sorted(NARRATIVES)
    assert by_mechanism["rabat"][header.index("achievements")] == NARRATIVES["rabat"]
    assert by_mechanism["rabat"][header.index("year")] == YEAR


def test_collecting_again_finds_nothing_left_to_do(round_trip, tmp_path):
    result = run("collect", "--inputs", str(round_trip.inputs), "--outputs", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == ("No changes: the returns hold nothing that the "
                                              "inputs do not already say.")


def test_the_next_build_prints_the_changes(round_trip):
    folder = round_trip.outputs
    bulletin = (folder / f"iscm-highlights-{YEAR}-en.html").read_text(encoding="utf-8")
    table = (folder / f"iscm-table-{YEAR}-en.html").read_text(encoding="utf-8")
    compendium = (folder / f"iscm-updates-{YEAR}-en.html").read_text(encoding="utf-8")
    joined = bulletin.split(f": {NEW_MEMBER} joined.", 1)[0].rsplit("<", 3)
    assert "MIDWA" in "".join(joined[-3:]), joined[-3:]
    assert "Dakar" in bulletin and "labour mobility (round-trip test)" in bulletin
    midwa = table.split('id="t-midwa"', 1)[1].split("</tr>", 1)[0]
    # 12 Member States before the year
    assert NEW_MEMBER in midwa and '<span class="count">13 Member States</span>' in midwa
    for mechanism, text in NARRATIVES.items():
        section = compendium.split(f'id="u-{mechanism}"', 1)[1].split("</section>", 1)[0]
        assert text in section
        assert f"Sent by <bdi>{SENDERS[mechanism]}</bdi> on 20 January 2026." in section
    assert NEW_CHAIR in compendium.split('id="u-pidc"', 1)[1].split("</section>", 1)[0]
    assert NEW_MEMBER in compendium.split('id="u-midwa"', 1)[1].split("</section>", 1)[0]
    assert MEETING["title"] in compendium.split('id="u-rabat"', 1)[1].split("</section>", 1)[0]
    silent = compendium.split('id="no-update"', 1)[1]
    assert "Khartoum Process" in silent and "Rabat Process" not in silent


def test_the_make_variables_reach_the_commands():
    from tests.test_makefile import make_commands

    asked = make_commands("requests", "MECHANISMS=midsa,rcm", "YEAR=2025")
    assert asked[0] == "requests" and asked[-4:] == ["--year", "2025", "--mechanisms",
                                                     "midsa,rcm"]
    collected = make_commands("collect", "RETURNS=/tmp/returns", "APPLY=1")
    assert collected[0] == "collect" and collected[-3:] == ["--returns", "/tmp/returns",
                                                            "--apply"]
    assert "--apply" not in make_commands("collect")
