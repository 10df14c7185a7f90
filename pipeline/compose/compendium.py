"""The compendium of ISCM updates: each mechanism's yearly update as its secretariat wrote it.

One section per mechanism that sent its update for the year (the updates table, which
make collect fills from the returned workbooks): its narrative (achievements,
priorities, what is planned) in the reader's language where it is translated, else as
written, marked with the language it is in; who sent it and when; then what the data
records of its year (its facts, the States that joined or left, its meetings). The
active and emerging mechanisms that sent none, those asked (make requests), are listed
as such. Computed here so that updates.html only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..contract.schema import UPDATES
from ..lang.localiser import RTL_LANGUAGES, Localiser
from ..model import BulletinData, Mechanism, Meeting, Update
from .changed import states
from .names import Names
from .profiles import PROFILED

NARRATIVE = tuple(UPDATES.column(name) for name in ("achievements", "priorities", "upcoming"))
"""The texts of an update, in the order the compendium prints them."""


@dataclass(frozen=True)
class Narrative:
    """One text of an update: its heading, the language it is printed in when it is not the
    reader's (None), and its text as written (one paragraph: the reader of the inputs folds
    the line breaks of a cell, as it folds its spaces)."""

    heading: str
    lang: str | None
    dir: str
    text: str


@dataclass(frozen=True)
class Reply:
    """One mechanism's section: what its secretariat sent, and what the data records."""

    mechanism: Mechanism
    narrative: tuple[Narrative, ...]
    sent: Markup
    """'Sent by … on …' ('' when the update says neither)."""
    joined: Markup
    """The member States that joined it in the year, as a list ('' for none)."""
    left: Markup
    meetings: tuple[Meeting, ...]
    """Its meetings of the year, in date order (held, upcoming, postponed, cancelled)."""


@dataclass(frozen=True)
class Compendium:
    replies: tuple[Reply, ...]
    """The mechanisms that sent their update, alphabetical in the reader's language."""
    silent: tuple[Mechanism, ...]
    """The active and emerging mechanisms that did not, alphabetical."""


def narrative(update: Update, year: int, names: Names) -> tuple[Narrative, ...]:
    """The texts of an update that are given, each with its heading."""
    loc = names.loc
    headings = {"achievements": loc.gettext("Achievements in {year}", year=year),
                "priorities": loc.gettext("Priorities"),
                "upcoming": loc.gettext("Upcoming")}
    found = []
    for column in NARRATIVE:
        text, lang = names.written(update, column)
        if text:
            direction = "rtl" if (lang or loc.lang) in RTL_LANGUAGES else "ltr"
            found.append(Narrative(headings[column.name], lang, direction, text))
    return tuple(found)


def sent(update: Update, loc: Localiser) -> Markup:
    """Who sent the update, and when, as far as it says: the name as written, isolated."""
    name = Markup("<bdi>{}</bdi>").format(update.sent_by) if update.sent_by else None
    day = loc.date(update.sent_on) if update.sent_on else None
    if name and day:
        return escape(loc.gettext("Sent by {name} on {date}.")).format(name=name, date=day)
    if name:
        return escape(loc.gettext("Sent by {name}.")).format(name=name)
    if day:
        return escape(loc.gettext("Sent on {date}.")).format(date=day)
    return Markup()


def compendium(data: BulletinData, loc: Localiser) -> Compendium:
    """The year's replies, and the mechanisms asked that sent none."""
    names = Names(loc)
    by_id = {m.id: m for m in data.mechanisms}
    by_name = lambda m: loc.sort_key(names.mechanism_name(m))  # noqa: E731
    meetings: dict[str, list[Meeting]] = {}
    for meeting in data.calendar:
        meetings.setdefault(meeting.mechanism_id, []).append(meeting)
    changes = data.summary.changes
    replies = sorted((Reply(
        mechanism=by_id[u.mechanism_id], narrative=narrative(u, data.year, names),
        sent=sent(u, loc),
        joined=states(changes.joined.get(u.mechanism_id, []), loc),
        left=states(changes.left.get(u.mechanism_id, []), loc),
        meetings=tuple(meetings.get(u.mechanism_id, ())))
        for u in data.updates), key=lambda reply: by_name(reply.mechanism))
    replied = {u.mechanism_id for u in data.updates}
    silent = sorted((m for m in data.mechanisms if m.status in PROFILED and m.id not in replied),
                    key=by_name)
    return Compendium(tuple(replies), tuple(silent))
