"""The edition date is the editor's (EDITION_DATE=, publication.xlsx, else a default that never
passes the build's date), and a meeting that starts after it is never held, in any document."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from dataclasses import replace

import openpyxl
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from pipeline import build, validate
from pipeline.cli import main
from pipeline.config import SOURCE_DATE_EPOCH, load_config
from pipeline.errors import ConfigError
from pipeline.publish import incremental
from pipeline.publish.outputs import CHOSEN
from pipeline.read import ingest
from pipeline.render import pdf
from tests.conftest import MEETING_ROWS, ROOT, write_inputs

EDITION = "2025-06-30"
LATER_MEETINGS = [
    {"mechanism_id": "midwa", "title": "MIDWA Ministerial Conference",
     "start_date": dt.date(2025, 9, 15), "end_date": dt.date(2025, 9, 17), "city": "Dakar",
     "country": "Senegal", "level": "ministerial", "outcome_document": "Dakar Declaration",
     "summary": "Ministers are expected to adopt a declaration."},
    {"mechanism_id": "rcm", "title": "RCM Vice-Ministerial Meeting",
     "start_date": dt.date(2025, 11, 4), "city": "Ottawa", "country": "Canada",
     "level": "ministerial", "status": "held"},  # marked held, after the edition date
    {"mechanism_id": "gfmd", "title": "GFMD Thematic Meeting", "start_date": dt.date(2025, 10, 2),
     "city": "Geneva", "country": "Switzerland", "level": "thematic", "status": "cancelled"},
]
"""After 30 June 2025: upcoming (blank status, and one marked held), and one cancelled."""


def write_publication(folder, rows, headers=("setting", "value")):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "settings"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(folder / "publication.xlsx")


def epoch(day: dt.date) -> str:
    """SOURCE_DATE_EPOCH for noon (UTC) of a day."""
    return str(int(dt.datetime.combine(day, dt.time(12), dt.UTC).timestamp()))


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`iscm build --edition-date 2025-06-30` in English and French, HTML: the folder."""
    root = tmp_path_factory.mktemp("edition")
    inputs = write_inputs(root / "inputs", meetings=MEETING_ROWS + LATER_MEETINGS)
    result = run("build", "--inputs", str(inputs), "--outputs", str(root / "out"), "--quiet",
                 "--edition-date", EDITION, "--lang", "en,fr", "--formats", "html")
    assert result.exit_code == 0, result.output
    return root / "out" / "2025"


def page(folder, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>|[\u2066\u2069]", "", html)).replace("\u00a0",
                                                                                    " ")


def rows(html: str, title: str) -> list[list[str]]:
    """The table rows that name a meeting: the text of each cell."""
    return [[text(cell).strip() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S)]
            for r in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S) if title in r]


def test_the_calendar_shows_meetings_after_the_edition_date_as_upcoming(built):
    html = page(built, "iscm-calendar-2025-en.html")
    assert "Meetings planned after 30 June 2025, the date of this edition, are marked as " \
           "upcoming." in text(html)
    assert rows(html, "MIDWA Ministerial Conference")[0][-2:] == ["Ministerial", "Upcoming"]
    assert rows(html, "RCM Vice-Ministerial Meeting")[0][-2:] == ["Ministerial", "Upcoming"]
    assert rows(html, "GFMD Thematic Meeting")[0][-2:] == ["Thematic", "Cancelled"]
    assert rows(html, "GFMD Summit")[0][-2:] == ["Summit", "Held"]  # 5 March: before it
    assert html.count('class="status-planned"') == 2 and html.count('class="status-held"') == 3
    # The statuses differ: the status column is there; the meetings to come open the page.
    assert ">Status</th>" in html
    upcoming = html[html.index('id="upcoming-title"'):html.index('id="meetings-title"')]
    assert [m in text(upcoming) for m in ("MIDWA Ministerial Conference",
                                          "RCM Vice-Ministerial Meeting", "GFMD Summit")] \
        == [True, True, False]
    assert "À venir" in page(built, "iscm-calendar-2025-fr.html")


def test_the_bulletin_tells_upcoming_meetings_in_the_future(built):
    shown = text(page(built, "iscm-highlights-2025-en.html"))
    assert "Edition of 30 June 2025" in shown
    assert ("The MIDWA Ministerial Conference is scheduled to take place on 15–17 September "
            "2025 in Dakar, Senegal. Ministers are expected to adopt a declaration.") in shown
    assert "The RCM Vice-Ministerial Meeting is scheduled to take place on 4 November 2025 in " \
           "Ottawa, Canada." in shown
    assert "Vice-Ministerial Meeting took place" not in shown
    assert "Dakar Declaration" not in shown  # nothing adopted yet
    assert "GFMD Thematic Meeting" in shown and "Thematic Meeting is scheduled" not in shown
    assert "The 4th MIDSA Ministerial Meeting, held on 23–24 January 2025 in Windhoek, " \
           "Namibia, adopted the Windhoek Declaration." in shown
    assert "MIDWA Ministerial Conference (Upcoming)" in shown  # the bulletin's calendar
    french = text(page(built, "iscm-highlights-2025-fr.html"))
    # An English title, of no known gender in French, in a frame that needs none, unquoted.
    assert "MIDWA Ministerial Conference\u00a0: réunion prévue du 15 au 17 septembre 2025 à " \
           "Dakar" in french.replace(" :", "\u00a0:")
    assert "« MIDWA" not in french


def test_the_profiles_mark_upcoming_meetings(built):
    html = page(built, "iscm-profiles-2025-en.html")
    assert rows(html, "MIDWA Ministerial")[0][1] == "MIDWA Ministerial Conference (Upcoming)"
    assert rows(html, "Vice-Ministerial")[0][1] == "RCM Vice-Ministerial Meeting (Upcoming)"
    assert rows(html, "Technical meeting on labour")[0][1] == "Technical meeting on labour " \
                                                               "mobility"


def test_figures_count_only_the_meetings_held(built):
    summary = json.loads(page(built, "summary-2025.json"))
    assert (summary["meetings_in_year"], summary["meetings_upcoming"]) == (3, 2)
    shown = text(page(built, "iscm-highlights-2025-en.html"))
    assert "3 meetings held by 30 June 2025" in shown  # not "in 2025": more are to come
    assert "than in 2024" not in shown and "as many as in 2024" not in shown  # not yet fewer
    assert "3 réunions tenues jusqu’au 30 juin 2025" in text(page(built,
                                                                "iscm-highlights-2025-fr.html"))
    assert summary["meetings_by_mechanism"] == {"gfmd": 1, "midsa": 1, "rcm": 1}
    assert summary["meetings_by_month"]["09"] == summary["meetings_by_month"]["11"] == 0
    assert summary["meetings_per_year"]["2025"] == 3


def test_the_ics_says_upcoming_and_confirmed(built):
    calendar = Calendar.from_ical((built / "iscm-calendar-2025-en.ics").read_bytes())
    found = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    midwa = found["MIDWA Ministerial Conference"]
    assert midwa["STATUS"] == "CONFIRMED"  # RFC 5545: scheduled, with its dates
    assert str(midwa["DESCRIPTION"]).splitlines()[-1] == "Status: Upcoming"
    assert "Status: Upcoming" in str(found["RCM Vice-Ministerial Meeting"]["DESCRIPTION"])
    assert str(found["GFMD Summit"]["DESCRIPTION"]).endswith("Status: Held")
    french = Calendar.from_ical((built / "iscm-calendar-2025-fr.ics").read_bytes())
    conference = next(e for e in french.walk("VEVENT") if e["UID"] == midwa["UID"])
    assert str(conference["DESCRIPTION"]).splitlines()[-1] == "Statut\u00a0: À venir"
    assert found["GFMD Thematic Meeting"]["STATUS"] == "CANCELLED"
    assert midwa.decoded("DTSTAMP") == dt.datetime(2025, 6, 30, tzinfo=dt.UTC)


def test_a_meeting_marked_held_after_the_edition_date_is_reported(built):
    report = page(built, "validation-report-2025.html")
    assert "held-after-edition" in report
    assert ("the meeting is marked held but starts on 04/11/2025, after the edition date "
            "(30/06/2025); it is shown as upcoming") in report


def test_make_passes_edition_date_to_bulletin_check_and_preview():
    def commands(*variables):
        shown = subprocess.run(["make", "-n", "bulletin", "check", "preview", *variables],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return [line for line in shown.splitlines() if "bin/iscm " in line]

    given = commands(f"EDITION_DATE={EDITION}")
    assert [line.split("bin/iscm ")[1].split()[0] for line in given] == [
        "build", "check", "preview"]
    assert all(f"--edition-date {EDITION}" in line for line in given)
    assert not any("--edition-date" in line for line in commands())


def test_make_bulletin_edition_date_builds_with_it(tmp_path):
    """A real run of the Makefile's variable, on the small inputs (English HTML)."""
    inputs = write_inputs(tmp_path / "in", meetings=MEETING_ROWS + LATER_MEETINGS[:1])
    subprocess.run(["make", "-s", "bulletin", f"INPUTS={inputs}", f"OUTPUTS={tmp_path / 'o'}",
                    f"EDITION_DATE={EDITION}", "LANGS=en", "FORMATS=html", "DOCS=calendar"],
                   cwd=ROOT, capture_output=True, text=True, check=True)
    html = page(tmp_path / "o" / "2025", "iscm-calendar-2025-en.html")
    assert rows(html, "MIDWA Ministerial Conference")[0][-1] == "Upcoming"
    manifest = json.loads(page(tmp_path / "o" / "2025", incremental.MANIFEST))
    assert manifest["edition_date"] == EDITION and incremental.DEFAULT_FROM not in manifest


# Where the date comes from: the option, else publication.xlsx, else the default.

def edition_of(folder, **options):
    data, _ = build.bulletin_data(load_config(folder, langs="en", **options))
    return data.edition_date, data.edition.given_by


def test_the_settings_date_is_used_and_the_option_wins(tmp_path, monkeypatch):
    monkeypatch.delenv(SOURCE_DATE_EPOCH, raising=False)
    folder = write_inputs(tmp_path / "in")
    assert edition_of(folder) == (dt.date(2025, 3, 20), "default")  # the latest meeting
    write_publication(folder, [("edition_date", "30/06/2025")])
    assert edition_of(folder) == (dt.date(2025, 6, 30), "settings")
    assert edition_of(folder, edition_date=dt.date(2026, 1, 31)) == (dt.date(2026, 1, 31),
                                                                     "option")
    write_publication(folder, [("Date d'édition", dt.datetime(2025, 7, 1))],
                      headers=("Paramètre", "Valeur"))  # a French office's sheet
    assert edition_of(folder) == (dt.date(2025, 7, 1), "settings")


def test_the_settings_date_is_the_latest_edition_s_not_a_past_one(tmp_path, monkeypatch):
    monkeypatch.delenv(SOURCE_DATE_EPOCH, raising=False)
    folder = write_inputs(tmp_path / "in")
    write_publication(folder, [("edition_date", dt.datetime(2025, 6, 30))])
    assert edition_of(folder, year=2024) == (dt.date(2024, 6, 12), "default")
    assert edition_of(folder, year=2025) == (dt.date(2025, 6, 30), "settings")


def test_the_default_never_passes_the_build_s_date(tmp_path, monkeypatch):
    folder = write_inputs(tmp_path / "in")
    monkeypatch.setenv(SOURCE_DATE_EPOCH, epoch(dt.date(2025, 3, 4)))
    config = load_config(folder, langs="en")
    assert config.build_date == dt.date(2025, 3, 4)
    data, _ = build.bulletin_data(config)
    assert (data.edition_date, data.edition.latest) == (dt.date(2025, 3, 4), dt.date(2025, 3, 20))
    assert {m.title: m.status for m in data.calendar} == {
        "MIDSA Ministerial Meeting": "held", "GFMD Summit": "planned",
        "Technical meeting on labour mobility": "planned"}
    assert data.summary.meetings_in_year == 1
    monkeypatch.setenv(SOURCE_DATE_EPOCH, epoch(dt.date(2031, 1, 1)))  # a finished year
    assert edition_of(folder) == (dt.date(2025, 3, 20), "default")
    monkeypatch.delenv(SOURCE_DATE_EPOCH)
    assert load_config(folder).build_date == dt.date.today()


def test_a_source_date_epoch_that_is_no_number_is_an_option_error(tmp_path, monkeypatch):
    monkeypatch.setenv(SOURCE_DATE_EPOCH, "yesterday")
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH is 'yesterday', not a number"):
        load_config(write_inputs(tmp_path / "in"))
    result = run("check", "--inputs", str(tmp_path / "in"))
    assert result.exit_code == 2, result.output


def test_a_pdf_rendered_in_this_process_leaves_source_date_epoch_as_it_was(monkeypatch):
    """fontTools reads SOURCE_DATE_EPOCH; so does the build's date: the font epoch is set
    only while a PDF is written."""
    monkeypatch.setenv(SOURCE_DATE_EPOCH, epoch(dt.date(2025, 3, 4)))
    with pdf.font_epoch():
        assert os.environ[SOURCE_DATE_EPOCH] == pdf.FONT_EPOCH
    assert os.environ[SOURCE_DATE_EPOCH] == epoch(dt.date(2025, 3, 4))
    monkeypatch.delenv(SOURCE_DATE_EPOCH)
    with pdf.font_epoch():
        pass
    assert SOURCE_DATE_EPOCH not in os.environ


# publication.xlsx is validated like any input.

def test_a_bad_date_in_the_settings_is_located_and_nothing_is_written(tmp_path):
    folder = write_inputs(tmp_path / "in")
    write_publication(folder, [("edition_date", "31/06/2025")])
    result = run("build", "--inputs", str(folder), "--outputs", str(tmp_path / "out"),
                 "--quiet", "--lang", "en", "--formats", "html")
    assert result.exit_code == 1
    assert ("error: publication.xlsx › settings › row 2 › value: '31/06/2025': is not a date "
            "that exists. Check the day and the month (day first: dd/mm/yyyy).") \
        in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


SETTING_NAMES = ("edition_date, publisher, address, copyright, licence, citation, issn, isbn, "
                 "document_symbol, logo, disclaimer, calendar_domain")


def test_an_unknown_setting_is_a_warning_naming_the_nearest(tmp_path):
    folder = write_inputs(tmp_path / "in")
    write_publication(folder, [("editon_date", "30/06/2025"), ("printing house", "IOM")])
    raw = ingest.read_inputs(folder)
    tables, report = validate.check(raw, 2025)
    found = [(p.row, p.column, p.code, p.severity, p.value, p.message, p.hint)
             for p in report.problems if p.file == "publication.xlsx"]
    assert found == [
        (2, "setting", "unknown-setting", "warning", "editon_date",
         "is not a publication setting; the row is not read",
         f"Did you mean edition_date? The settings are: {SETTING_NAMES} (docs/inputs.md says "
         "what each holds)."),
        (3, "setting", "unknown-setting", "warning", "printing house",
         "is not a publication setting; the row is not read",
         f"The settings are: {SETTING_NAMES} (docs/inputs.md says what each holds).")]
    assert tables.publication.values == {} and tables.edition.given_by == "default"


# "Up to date" cannot outlive the day that moves a default edition date.

def test_up_to_date_until_the_build_s_date_moves_the_default(tmp_path, monkeypatch):
    folder = write_inputs(tmp_path / "in")

    def config_on(day: dt.date):
        monkeypatch.setenv(SOURCE_DATE_EPOCH, epoch(day))
        return load_config(folder, tmp_path / "out", langs="en", formats="html",
                           format_choices=CHOSEN)

    build.build(config_on(dt.date(2025, 3, 4)))  # the default cut short: 4 March
    assert incremental.up_to_date(config_on(dt.date(2025, 3, 4))) is not None
    assert incremental.up_to_date(config_on(dt.date(2025, 3, 5))) is None  # a new day
    second = build.build(config_on(dt.date(2025, 3, 5)))
    assert "Edition of 5 March 2025" in page(second.folder, "iscm-highlights-2025-en.html")
    assert "iscm-table-2025-en.html" in second.made  # its lead says "as of" the date
    build.build(config_on(dt.date(2025, 3, 21)))  # the last meeting past: the latest date
    assert incremental.up_to_date(config_on(dt.date(2027, 6, 1))) is not None
    assert incremental.up_to_date(replace(config_on(dt.date(2027, 6, 1)),
                                          edition_date=dt.date(2025, 4, 1))) is None
    write_publication(folder, [("edition_date", "")])  # an input file: in the fingerprint
    assert incremental.up_to_date(config_on(dt.date(2027, 6, 1))) is None


def test_a_blank_row_gives_nothing_and_a_second_value_is_an_error(tmp_path):
    """The template's blank edition_date row and a row added under it: the added one holds;
    the same date twice is only a duplicate row, two dates an error."""
    folder = write_inputs(tmp_path / "in")

    def settings(*rows):
        write_publication(folder, rows)
        tables, report = validate.check(ingest.read_inputs(folder), 2025)
        return tables.edition.date, [(p.row, p.code, p.severity) for p in report.problems
                                     if p.file == "publication.xlsx"]

    assert settings(("edition_date", None), ("Fecha de edición", "30/06/2025")) == (
        dt.date(2025, 6, 30), [])
    assert settings(("edition_date", "30/06/2025"), ("edition date", "2025-06-30")) == (
        dt.date(2025, 6, 30), [(3, "duplicate-row", "warning")])
    assert settings(("edition_date", "30/06/2025"), ("edition date", "01/07/2025"))[1] == [
        (3, "duplicate-setting", "error")]
