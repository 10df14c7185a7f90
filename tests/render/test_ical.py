"""The .ics calendar: parsed back with icalendar, one event per meeting of the year."""

import copy
import datetime as dt

import pytest
from icalendar import Calendar

from pipeline import build
from pipeline.config import load_config
from pipeline.render import ical
from tests.conftest import MEETING_ROWS, write_inputs

EDITION = dt.date(2025, 3, 10)


def year_data(tmp_path, meetings=None):
    folder = write_inputs(tmp_path / "inputs", meetings=meetings)
    config = load_config(folder, tmp_path / "out", langs="en", edition_date=EDITION)
    return build.bulletin_data(config)[0]


def events(data) -> dict[str, dict]:
    """Summary -> the event's fields, from the file's bytes."""
    calendar = Calendar.from_ical(ical.calendar_ics(data))
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def meetings():
    rows = copy.deepcopy(MEETING_ROWS)
    rows[1]["status"] = "cancelled"
    rows.append({"mechanism_id": "midwa", "title": "MIDWA Ministerial Conference",
                 "start_date": dt.date(2025, 6, 2), "end_date": dt.date(2025, 6, 4),
                 "city": "Dakar", "country": "Senegal", "level": "ministerial",
                 "source": "https://example.org/midwa-2025"})
    rows.append({"mechanism_id": "rcm", "title": "RCM Vice-Ministerial Meeting",
                 "start_date": dt.date(2025, 11, 12), "city": "Ottawa", "country": "Canada",
                 "level": "ministerial", "status": "postponed", "source": "press release"})
    return rows


def test_one_all_day_event_per_meeting_of_the_year(tmp_path, meetings):
    found = events(year_data(tmp_path, meetings))
    assert sorted(found) == [
        "4th MIDSA Ministerial Meeting",
        "GFMD Summit",
        "MIDWA Ministerial Conference",
        "RCM Vice-Ministerial Meeting",
        "Technical meeting on labour mobility (RCM)",  # the title does not name it
    ]  # the 2024 MIDWA meeting is not of the year
    summit = found["GFMD Summit"]
    assert summit["DTSTART"].params["VALUE"] == "DATE"
    assert summit.decoded("DTSTART") == dt.date(2025, 3, 5)
    assert summit.decoded("DTEND") == dt.date(2025, 3, 8)  # exclusive: the 7th included
    one_day = found["Technical meeting on labour mobility (RCM)"]
    assert one_day.decoded("DTEND") - one_day.decoded("DTSTART") == dt.timedelta(days=1)
    assert str(summit["LOCATION"]) == "Geneva, Switzerland"
    assert summit["STATUS"] == "CANCELLED"
    assert found["RCM Vice-Ministerial Meeting"]["STATUS"] == "TENTATIVE"  # postponed
    midwa = found["MIDWA Ministerial Conference"]
    assert midwa["STATUS"] == "CONFIRMED"  # planned after the edition date
    assert str(midwa["URL"]) == "https://example.org/midwa-2025"
    assert str(found["4th MIDSA Ministerial Meeting"]["URL"]) == "https://www.sadc.int"  # website
    assert "URL" not in found["RCM Vice-Ministerial Meeting"]  # 'press release': no address
    assert summit.decoded("DTSTAMP") == dt.datetime(2025, 3, 10, tzinfo=dt.UTC)
    assert "Global Forum on Migration and Development" in str(summit["DESCRIPTION"])


def test_uids_are_stable_and_unique_and_two_builds_give_the_same_bytes(tmp_path, meetings):
    data = year_data(tmp_path, meetings)
    again = year_data(tmp_path / "again", meetings)
    assert ical.calendar_ics(data) == ical.calendar_ics(again)
    uids = [str(e["UID"]) for e in events(data).values()]
    # No publication settings: the reserved domain, never one of a real publisher's.
    assert len(set(uids)) == len(uids) and all(u.endswith("@iscm-highlights.invalid")
                                               for u in uids)
    moved = copy.deepcopy(meetings)
    moved[1]["city"], moved[1]["status"] = "Bern", ""  # the same meeting, moved, held
    changed = events(year_data(tmp_path / "moved", moved))["GFMD Summit"]
    assert str(changed["UID"]) == str(events(data)["GFMD Summit"]["UID"])
    assert str(changed["LOCATION"]) == "Bern, Switzerland"


def test_the_calendar_says_who_made_it(tmp_path, meetings):
    calendar = Calendar.from_ical(ical.calendar_ics(year_data(tmp_path, meetings)))
    assert str(calendar["PRODID"]) == "-//iscm-bulletin//ISCM Highlights//EN"
    assert str(calendar["VERSION"]) == "2.0"


def test_the_publisher_and_domain_come_from_the_publication_settings(shipped):
    """The shipped settings name IOM in English and its domain: the UIDs keep the domain
    they had before it was a setting, so that subscribed calendars update their events."""
    year = int(shipped.folder.name)
    calendar = Calendar.from_ical((shipped.folder / f"iscm-calendar-{year}.ics").read_bytes())
    assert str(calendar["PRODID"]) == (
        "-//International Organization for Migration (IOM)//ISCM Highlights//EN")
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids and all(u.endswith("@iscm-highlights.iom.int") for u in uids)


def test_the_shipped_build_writes_one_event_per_meeting_of_the_year(shipped):
    year = int(shipped.folder.name)
    calendar = Calendar.from_ical((shipped.folder / f"iscm-calendar-{year}.ics").read_bytes())
    summary = (shipped.folder / f"iscm-calendar-{year}-en.html").read_text(encoding="utf-8")
    found = calendar.walk("VEVENT")
    assert len(found) == summary.count("<tr class=\"status-")
    assert all(e.decoded("DTSTART").year == year for e in found)
    assert all(e.decoded("DTEND") > e.decoded("DTSTART") for e in found)
