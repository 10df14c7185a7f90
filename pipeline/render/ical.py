"""The year's meetings as an iCalendar file (RFC 5545), for calendar applications.

One all-day event per meeting of the year, whatever its status, one file per
language: its titles, places and descriptions as that language's documents print
them (a title with no translation as written). Written with the ``icalendar``
library. Same inputs, same bytes: each event's UID is a hash of the meeting's key
(mechanism, start date, title as written), the same in every language, so that a
calendar that subscribed to last build's file updates its events instead of
doubling them, and a reader who switches to another language's file gets the same
events, not a second copy; the DTSTAMP is the edition date, never the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from ..compose.imprint import setting
from ..compose.names import ACRONYM_COLUMN
from ..compose.sentences import Sentences
from ..lang.localiser import Localiser, plain_text
from ..model import BulletinData, Mechanism, Meeting, Publication
from ..utils.text import words_key

GENERATOR = "iscm-bulletin"
"""Names the program in PRODID when the settings name no publisher."""
DEFAULT_DOMAIN = "iscm-highlights.invalid"
"""The UIDs' right-hand side when the settings give no calendar_domain: RFC 5545 recommends
a domain name; .invalid is reserved for no one (RFC 2606)."""


def prodid(publication: Publication) -> str:
    """'-//International Organization for Migration (IOM)//ISCM Highlights//EN': the
    publisher as the settings name it in English (publication.xlsx)."""
    publisher = setting(publication, "publisher", "en") or GENERATOR
    return f"-//{publisher}//ISCM Highlights//EN"


def uid_domain(publication: Publication) -> str:
    """The right-hand side of the UIDs: the settings' calendar_domain (a domain of the
    publisher's), fixed from one build to the next, as RFC 5545 recommends."""
    return str(publication.values.get("calendar_domain") or DEFAULT_DOMAIN)
STATUS = {"held": "CONFIRMED", "planned": "CONFIRMED", "postponed": "TENTATIVE",
          "cancelled": "CANCELLED"}
"""RFC 5545 (3.8.1.11) has three statuses for an event: TENTATIVE, CONFIRMED, CANCELLED.
A meeting held, or planned after the edition date with its dates, is confirmed (a
calendar tells past from future by the dates); the description says which, as the
calendar's status column does. A postponed one keeps the dates it had, which no longer
hold: tentative until the inputs give new ones."""


def meeting_key(meeting: Meeting) -> str:
    """A meeting's identifier: the same for the same meeting on every build, whatever else of
    it changes (place, summary, status). The .ics's UIDs and the open data's meeting_id."""
    key = "\n".join((meeting.mechanism_id, meeting.start.isoformat(), meeting.title))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def meeting_uid(meeting: Meeting, domain: str) -> str:
    """The event's UID, so that calendars update the event rather than double it."""
    return f"{meeting_key(meeting)}@{domain}"


def summary(meeting: Meeting, mechanism: Mechanism | None, sentences: Sentences) -> str:
    """The meeting's own title, then its mechanism's acronym in the language (CRM, ГФМР)
    unless the title names it."""
    title = plain_text(sentences.meeting_title(meeting))
    acronym = sentences.names.text(mechanism, ACRONYM_COLUMN) if mechanism else ""
    if not acronym or words_key(acronym) in words_key(title):
        return title
    return f"{title} ({acronym})"


def link(meeting: Meeting, mechanism: Mechanism | None) -> str:
    """The meeting's source when it is one web address, or opens with one before a ';'
    (make collect adds where an update came from after it); else the mechanism's website;
    '' when neither is (the column is free text: it may name a press release)."""
    candidates = (meeting.source.split(";")[0].strip(), mechanism.website if mechanism else "")
    return next((url for url in candidates
                 if url.startswith(("https://", "http://")) and not any(map(str.isspace, url))),
                "")


def event(meeting: Meeting, mechanism: Mechanism | None, stamp: dt.datetime,
          sentences: Sentences, domain: str) -> Event:
    loc = sentences.loc
    found = Event()
    found.add("uid", meeting_uid(meeting, domain))
    found.add("dtstamp", stamp)
    found.add("dtstart", meeting.start)  # a date: VALUE=DATE, an all-day event
    found.add("dtend", meeting.end + dt.timedelta(days=1))  # exclusive (RFC 5545 3.6.1)
    found.add("summary", summary(meeting, mechanism, sentences))
    if place := plain_text(sentences.table_place(meeting)):
        found.add("location", place)
    # The status as the calendar's column says it on the edition date (DTSTAMP): STATUS
    # has no word for held or upcoming, only CONFIRMED for both.
    description = [loc.labelled(loc.gettext("Level"), loc.label(meeting.level, "level")),
                   loc.labelled(loc.gettext("Status"),
                                loc.label(meeting.status, "meeting_status"))]
    if mechanism:
        description.insert(0, plain_text(sentences.names.full_name(mechanism)))
    found.add("description", "\n".join(plain_text(line) for line in description))
    if url := link(meeting, mechanism):
        found.add("url", url)
    found.add("status", STATUS[meeting.status])
    return found


def calendar_ics(data: BulletinData, lang: str, name: str) -> bytes:
    """The year's meetings as the bytes of an .ics file in a language; name: the calendar's
    (X-WR-CALNAME, which calendar applications show), the document's title in it."""
    sentences = Sentences(Localiser(lang, data.edition_date))
    calendar = Calendar()
    calendar.add("prodid", prodid(data.publication))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime.combine(data.edition_date, dt.time(), dt.UTC)
    by_id = {m.id: m for m in data.mechanisms}
    domain = uid_domain(data.publication)
    for meeting in data.calendar:
        calendar.add_component(event(meeting, by_id.get(meeting.mechanism_id), stamp,
                                     sentences, domain))
    return calendar.to_ical()
