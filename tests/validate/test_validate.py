"""Validation: every problem located (file, sheet, Excel row, header) with a code."""

import copy
import datetime as dt

import pandas as pd
import pytest

from pipeline.publish.outputs import CHOSEN, kinds
from pipeline.read import ingest
from pipeline.validate import cells
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, PARTICIPANT_ROWS, validated, write_inputs


def check(tmp_path, mechanisms=None, participants=None, meetings=None, year=None):
    folder = write_inputs(tmp_path / "in", mechanisms, participants, meetings)
    tables, report = validated(folder, year)
    return tables, report


def located(report, severity="error"):
    return [(p.file, p.sheet, p.row, p.column, p.code)
            for p in report.problems if p.severity == severity]


def changed(rows, index, **values):
    rows = copy.deepcopy(rows)
    rows[index].update(values)
    return rows


def test_clean_inputs_have_no_errors(tmp_path):
    tables, report = check(tmp_path)
    assert report.errors == ()
    assert cells.default_year(ingest.read_inputs(tmp_path / "in")) == 2025  # latest meetings
    assert len(tables.meetings) == 4


def test_validating_writes_nothing_it_is_given_and_gives_the_same_twice(tmp_path):
    """A check never writes its input: the raw tables are as read after validation (the
    translators' files filled in included), and validating them again gives the same."""
    from pipeline import validate
    from tests.read.test_translator_files import TITLE, kit_row, write_book

    folder = write_inputs(tmp_path / "in")
    write_book(folder / "translations" / "strings-2025-fr-2026-03-02.xlsx",
               [kit_row(TITLE, "GFMD Summit", "Sommet du FMMD")])
    raw = ingest.read_inputs(folder)
    before = {name: table.frame.copy(deep=True) for name, table in raw.tables.items()}
    first, report = validate.check(raw, 2025, ("en", "fr"))
    for name, table in raw.tables.items():
        pd.testing.assert_frame_equal(table.frame, before[name])
    assert "Sommet du FMMD" in set(first.meetings["title_fr"])
    again, report_again = validate.check(raw, 2025, ("en", "fr"))
    assert report_again == report
    for name in ("mechanisms", "participants", "meetings"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(first, name))


@pytest.mark.parametrize("name, table", [("check_status_history", "mechanisms"),
                                         ("check_mechanism_ids", "mechanisms"),
                                         ("check_years", "participants"),
                                         ("check_dates", "meetings")])
def test_no_row_check_writes_the_frame_it_is_given(tmp_path, name, table):
    """Each row check on a table as parse_table reads it (blank end dates included)."""
    from pipeline import validate
    from pipeline.contract import schema
    from pipeline.contract.kinds import Context

    raw = ingest.read_inputs(write_inputs(tmp_path / "in"))[table]
    ctx = Context(year=2025, latest=2025)
    frame, _ = cells.parse_table(raw, next(s for s in schema.TABLES if s.name == table), ctx)
    before = frame.copy(deep=True)
    getattr(validate, name)(frame, raw, *((ctx,) if name == "check_dates" else ()))
    pd.testing.assert_frame_equal(frame, before)


def test_unknown_country_names_the_cell_and_suggests(tmp_path):
    _, report = check(tmp_path, meetings=changed(MEETING_ROWS, 1, country="Swizerland"))
    assert located(report) == [("meetings.xlsx", "meetings", 3, "country", "unknown-country")]
    problem = report.errors[0]
    assert problem.value == "Swizerland"
    assert problem.hint.startswith("Did you mean Switzerland?")


def test_unknown_mechanism_suggests_the_closest_and_the_aliases_column(tmp_path):
    _, report = check(tmp_path, meetings=changed(MEETING_ROWS, 1, mechanism_id="FMMD"))
    assert located(report) == [("meetings.xlsx", "meetings", 3, "mechanism_id",
                                "unknown-mechanism")]
    assert "GFMD (Global Forum on Migration and Development)" in report.errors[0].hint
    assert "add it to the aliases column of mechanisms.xlsx" in report.errors[0].hint


def test_mechanisms_are_found_by_alias_and_bracketed_name(tmp_path):
    tables, report = check(tmp_path, meetings=changed(MEETING_ROWS, 0, mechanism_id="CRM"))
    assert report.errors == ()
    assert list(tables.meetings["mechanism_id"])[:3] == ["rcm", "gfmd", "rcm"]


def test_a_one_letter_difference_is_never_accepted(tmp_path):
    _, report = check(tmp_path, meetings=changed(MEETING_ROWS, 3, mechanism_id="MIDXA"))
    assert located(report)[0][-1] == "unknown-mechanism"


def test_end_before_start(tmp_path):
    rows = changed(MEETING_ROWS, 0, end_date=dt.date(2025, 1, 20))
    _, report = check(tmp_path, meetings=rows)
    assert located(report) == [("meetings.xlsx", "meetings", 2, "end_date", "end-before-start")]


def test_all_problems_of_a_run_are_reported_together_and_sorted(tmp_path):
    mechanisms = changed(MECHANISM_ROWS, 1, type="regional-ish", website="javascript:x")
    meetings = changed(MEETING_ROWS, 2, level="", start_date="31/02/2025")
    _, report = check(tmp_path, mechanisms=mechanisms, meetings=meetings)
    assert located(report) == [
        ("mechanisms.xlsx", "mechanisms", 3, "type", "unknown-value"),
        ("mechanisms.xlsx", "mechanisms", 3, "website", "bad-url"),
        ("meetings.xlsx", "meetings", 4, "level", "required-value"),
        ("meetings.xlsx", "meetings", 4, "start_date", "bad-date"),
    ]


def test_duplicate_id_with_different_data_is_an_error(tmp_path):
    rows = MECHANISM_ROWS + [dict(MECHANISM_ROWS[0], acronym="MiDSA2")]
    _, report = check(tmp_path, mechanisms=rows)
    assert located(report) == [("mechanisms.xlsx", "mechanisms", 7, "id", "duplicate-id")]


def test_exact_duplicate_rows_are_dropped_with_a_warning(tmp_path):
    tables, report = check(tmp_path, participants=PARTICIPANT_ROWS + [PARTICIPANT_ROWS[0]])
    assert report.errors == ()
    assert ("mechanisms.xlsx", "participants", len(PARTICIPANT_ROWS) + 2, "participant",
            "duplicate-row") in located(report, "warning")
    assert len(tables.participants) == len(PARTICIPANT_ROWS)


def test_two_names_of_one_country_are_merged(tmp_path):
    rows = PARTICIPANT_ROWS + [{"mechanism_id": "midwa", "participant": "Ivory Coast",
                                "role": "member"}]
    tables, report = check(tmp_path, participants=rows)
    assert [p.message for p in report.warnings if p.code == "duplicate-row"] == [
        "is the same as row 9 once names are normalised; the two rows are merged"]


def test_participants_are_classified(tmp_path):
    tables, _ = check(tmp_path)
    kinds = dict(zip(tables.participants["participant"], tables.participants["kind"]))
    assert kinds["Namibia"] == "state" and kinds["IOM"] == "organisation"


def test_an_unknown_organisation_needs_its_type(tmp_path):
    rows = PARTICIPANT_ROWS + [{"mechanism_id": "rcm", "participant": "Frobnitz Council",
                                "role": "observer"}]
    _, report = check(tmp_path, participants=rows)
    assert located(report) == [("mechanisms.xlsx", "participants", len(rows) + 1,
                                "participant", "unknown-country")]
    assert "write 'organisation' in the participant_type column" in report.errors[0].hint


def test_missing_required_column(tmp_path):
    rows = [{k: v for k, v in r.items()} for r in MEETING_ROWS]
    folder = write_inputs(tmp_path / "in", meetings=rows)
    import openpyxl
    book = openpyxl.load_workbook(folder / "meetings.xlsx")
    sheet = book["meetings"]
    sheet.delete_cols([cell.value for cell in sheet[1]].index("level") + 1)
    book.save(folder / "meetings.xlsx")
    _, report = validated(folder)
    assert ("meetings.xlsx", "meetings", 1, "level", "missing-column") in located(report)


@pytest.mark.parametrize("column", ["year_established", "status_since"])
def test_a_year_after_a_past_edition_is_not_an_error(tmp_path, column):
    # The meetings reach 2025: building 2024 from them is a past edition, where 2025 is
    # simply not yet true.
    rows = changed(MECHANISM_ROWS, 0, **{column: 2025})
    _, report = check(tmp_path, mechanisms=rows, year=2024)
    assert not report.errors


@pytest.mark.parametrize("year", [2024, 2025])
def test_a_year_after_the_latest_meetings_is_refused(tmp_path, year):
    rows = changed(MECHANISM_ROWS, 0, year_established=2026)
    _, report = check(tmp_path, mechanisms=rows, year=year)
    assert ("mechanisms.xlsx", "mechanisms", 2, "year_established",
            "bad-year") in located(report)


def test_joined_and_left_after_a_past_edition_are_accepted(tmp_path):
    participants = [dict(PARTICIPANT_ROWS[0], joined=2025), dict(PARTICIPANT_ROWS[1], left=2025),
                    *PARTICIPANT_ROWS[2:]]
    _, report = check(tmp_path, participants=participants, year=2024)
    assert not report.errors


def test_names_falling_back_to_english_are_listed_per_language(tmp_path):
    folder = write_inputs(tmp_path / "in")
    _, report = validated(folder, langs=("en", "fr", "es"))
    fallbacks = [(p.row, p.column, p.severity) for p in report.problems
                 if p.code == "name-fallback"]
    # Rows 2-6: midsa (fr given), midwa, gfmd (fr, es given), rcm, apc.
    assert fallbacks == [(2, "name_es", "warning"), (3, "name_es", "warning"),
                         (3, "name_fr", "warning"), (5, "name_es", "warning"),
                         (5, "name_fr", "warning"), (6, "name_es", "warning"),
                         (6, "name_fr", "warning")]
    midwa = next(p for p in report.problems if p.code == "name-fallback" and p.row == 3)
    assert midwa.line() == ("warning: mechanisms.xlsx › mechanisms › row 3 › name_es: MIDWA has "
                            "no Spanish name; the English name is shown in the Spanish "
                            "documents. Add the mechanism's official Spanish name, if it has "
                            "one.")


def test_no_fallback_is_reported_for_languages_not_built(tmp_path):
    folder = write_inputs(tmp_path / "in")
    _, report = validated(folder, langs=("en",))
    assert not [p for p in report.problems if p.code == "name-fallback"]


@pytest.mark.parametrize("edition", ["1" * 5000, "1234567"])
def test_an_edition_of_thousands_of_digits_is_an_error_not_a_crash(tmp_path, edition):
    """Was ValueError from int(): Python refuses to convert over 4,300 digits."""
    _, report = check(tmp_path, meetings=changed(MEETING_ROWS, 1, edition=edition))
    assert located(report) == [("meetings.xlsx", "meetings", 3, "edition", "not-a-number")]
    assert report.errors[0].line() == (
        f"error: meetings.xlsx › meetings › row 3 › edition: {edition!r}: is a number of "
        f"{len(edition)} digits, too large for 'edition'. Write a number such as 4.")


@pytest.mark.parametrize("website", ["https://[::1", "https://a]b.org", "http://\uff03x.org"])
def test_a_web_address_that_cannot_be_split_is_an_error_not_a_crash(tmp_path, website):
    """Was ValueError from urllib's urlsplit (an unclosed IPv6 bracket, NFKC netloc)."""
    _, report = check(tmp_path, mechanisms=changed(MECHANISM_ROWS, 1, website=website))
    assert located(report) == [("mechanisms.xlsx", "mechanisms", 3, "website", "bad-url")]
    assert report.errors[0].line() == (
        f"error: mechanisms.xlsx › mechanisms › row 3 › website: {website!r}: is not a web "
        "address that can be read: the part after https:// is malformed. Write the full "
        "address, e.g. https://www.budapestprocess.org.")


def test_websites_written_as_offices_write_them_build_and_link_as_https(tmp_path):
    """www.igc.ch and igc.ch/fr, as a French office wrote them: read as https, counted at
    the top of the report, linked in the profiles; javascript: is still refused."""
    from pipeline import build
    from pipeline.config import load_config

    mechanisms = changed(changed(MECHANISM_ROWS, 1, website="www.igc.ch"), 2,
                         website="igc.ch/fr")
    folder = write_inputs(tmp_path / "in", mechanisms=mechanisms)
    result = build.build(load_config(folder, tmp_path / "out", langs="en", formats="html",
                                     docs="profiles", kinds=kinds(), format_choices=CHOSEN))
    assert [p.code for p in result.report.problems if p.column == "website"] == []
    assert ("web addresses written without https://, read with it", 2) in result.report.counts
    profiles = (result.folder / f"iscm-profiles-{result.folder.name}-en.html").read_text("utf-8")
    assert 'href="https://www.igc.ch"' in profiles and 'href="https://igc.ch/fr"' in profiles

    _, report = check(tmp_path / "js", mechanisms=changed(mechanisms, 1,
                                                          website="javascript:alert(1)"))
    assert located(report) == [("mechanisms.xlsx", "mechanisms", 3, "website", "bad-url")]


def test_the_status_history_is_checked(tmp_path):
    mechanisms = changed(changed(changed(MECHANISM_ROWS, 0, status_before="emerging"), 1,
                                 status_since=1990, status_before="emerging"), 2,
                         status_since=2015, status_before="active")
    _, report = check(tmp_path, mechanisms=mechanisms)
    assert located(report) == [
        ("mechanisms.xlsx", "mechanisms", 3, "status_since", "status-before-established")]
    assert [w for w in located(report, "warning") if w[3] == "status_before"] == [
        ("mechanisms.xlsx", "mechanisms", 2, "status_before", "status-before-without-since"),
        ("mechanisms.xlsx", "mechanisms", 4, "status_before", "status-unchanged")]
    assert report.errors[0].line() == (
        "error: mechanisms.xlsx › mechanisms › row 3 › status_since: '1990': is before the "
        "year the mechanism was established (2001). Check the two years: status_since is the "
        "year the current status took effect.")


def test_meetings_after_a_past_edition_give_one_warning(tmp_path):
    later = [dict(MEETING_ROWS[1], title=f"GFMD Summit {n}", start_date=dt.date(2026, 1, n))
             for n in range(1, 23)]
    _, report = check(tmp_path, meetings=MEETING_ROWS + later, year=2025)
    grouped = [p for p in report.warnings if p.code == "after-year"]
    assert [p.line() for p in grouped] == [
        "warning: meetings.xlsx › meetings › row 1 › start_date: 22 meetings are after the "
        "bulletin year 2025 and are not shown in its edition (rows 6, 7, 8, 9, 10, 11, 12, 13, "
        "14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 …). They "
        "belong to later editions: build the latest one with make bulletin (without YEAR=), "
        "where they are shown; correct any date that is mistyped."]
