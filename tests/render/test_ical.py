"""The .ics calendar: parsed back with icalendar, one event per meeting of the year."""

import copy
import datetime as dt

import pytest
from icalendar import Calendar

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.render import ical
from tests.conftest import MEETING_ROWS, write_inputs

EDITION = dt.date(2025, 3, 10)


def year_data(tmp_path, meetings=None):
    folder = write_inputs(tmp_path / "inputs", meetings=meetings)
    config = load_config(folder, tmp_path / "out", langs=",".join(LANGUAGES),
                         edition_date=EDITION)
    return build.bulletin_data(config)[0]


def ics(data, lang: str = "en") -> bytes:
    return ical.calendar_ics(data, lang, f"Calendar {lang}")


def events(data, lang: str = "en") -> dict[str, dict]:
    """Summary -> the event's fields, from the file's bytes."""
    calendar = Calendar.from_ical(ics(data, lang))
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
    assert all(ics(data, lang) == ics(again, lang) for lang in LANGUAGES)
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
    calendar = Calendar.from_ical(ics(year_data(tmp_path, meetings)))
    assert str(calendar["PRODID"]) == "-//iscm-bulletin//ISCM Highlights//EN"
    assert str(calendar["VERSION"]) == "2.0"


def test_the_publisher_and_domain_come_from_the_publication_settings(shipped):
    """The shipped settings name IOM in English and its domain: the UIDs keep the domain
    they had before it was a setting, so that subscribed calendars update their events."""
    year = int(shipped.folder.name)
    calendar = Calendar.from_ical(
        (shipped.folder / f"iscm-calendar-{year}-en.ics").read_bytes())
    assert str(calendar["PRODID"]) == (
        "-//International Organization for Migration (IOM)//ISCM Highlights//EN")
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids and all(u.endswith("@iscm-highlights.iom.int") for u in uids)


def test_each_language_has_its_calendar_with_the_same_events(tmp_path, meetings):
    """The titles, places and descriptions in the file's language (a title without a
    translation as written), the same UIDs and dates in every language."""
    data = year_data(tmp_path, meetings)
    by_lang = {lang: Calendar.from_ical(ics(data, lang)) for lang in LANGUAGES}
    uids = {lang: sorted(str(e["UID"]) for e in c.walk("VEVENT")) for lang, c in by_lang.items()}
    assert all(found == uids["en"] for found in uids.values()) and len(uids["en"]) == 5
    assert str(by_lang["fr"]["X-WR-CALNAME"]) == "Calendar fr"
    summit = {lang: next(e for e in c.walk("VEVENT") if e.decoded("DTSTART") == dt.date(2025, 3, 5))
              for lang, c in by_lang.items()}
    assert str(summit["fr"]["LOCATION"]) == "Genève (Suisse)"  # as the calendar's table
    assert str(summit["ru"]["LOCATION"]) == "Женева (Швейцария)"
    assert str(summit["ar"]["LOCATION"]) == "جنيف، سويسرا"
    assert "Forum mondial sur la migration et le développement" in str(
        summit["fr"]["DESCRIPTION"])
    assert "Niveau" in str(summit["fr"]["DESCRIPTION"])
    assert str(summit["es"]["SUMMARY"]) == "GFMD Summit"  # no Spanish title: as written


def test_the_shipped_build_writes_one_calendar_per_language_with_the_same_events(shipped):
    """The five .ics files parse, hold one event per meeting of the year, with the same
    UIDs; their titles are those of the calendar page in their language."""
    year = int(shipped.folder.name)
    uids = {}
    for lang in LANGUAGES:
        calendar = Calendar.from_ical(
            (shipped.folder / f"iscm-calendar-{year}-{lang}.ics").read_bytes())
        page = (shipped.folder / f"iscm-calendar-{year}-{lang}.html").read_text(
            encoding="utf-8")
        found = calendar.walk("VEVENT")
        assert len(found) == page.count("<tr class=\"status-")
        assert all(e.decoded("DTSTART").year == year for e in found)
        assert all(e.decoded("DTEND") > e.decoded("DTSTART") for e in found)
        uids[lang] = sorted(str(e["UID"]) for e in found)
    assert all(found == uids["en"] for found in uids.values())
    assert not (shipped.folder / f"iscm-calendar-{year}.ics").exists()
