"""The mechanism profiles: one page per active and emerging mechanism, in one language.

Computed here so that profiles.html only lays them out: the order, the names in
the five languages, the map of the members and the meetings of the last three
years (validate/shown.py: RECENT_YEARS).
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from ..config import LANGUAGES
from ..lang.localiser import RTL_LANGUAGES, Localiser, plain_text
from ..model import BulletinData, Mechanism, Meeting
from ..utils.text import typographic
from ..validate.shown import PROFILED, RECENT_YEARS
from .gcm import mechanism_objectives
from .maps import Map, mechanism_map
from .names import Names

DENSE = 9
"""More meetings than this on a profile and its page is set tighter (print.css)."""


@dataclass(frozen=True)
class Name:
    """A mechanism's official name in one language."""

    lang: str
    language: str
    """The language's name, in the reader's: 'French', 'français', 'الفرنسية'."""
    dir: str
    text: str


@dataclass(frozen=True)
class Profile:
    """One mechanism's page."""

    mechanism: Mechanism
    names: tuple[Name, ...]
    """In the five languages' order, those the inputs give."""
    map: Map | None
    """Its member States highlighted; None when its members are not listed."""
    meetings: tuple[Meeting, ...]
    """Its meetings of the last three years, the latest first."""
    objectives: tuple[int, ...] = ()
    """The Global Compact's objectives its meetings held in those years addressed."""

    @property
    def dense(self) -> bool:
        """Many meetings: the page prints them smaller, beside a smaller map, to keep the
        profile on one page (the Bali Process met twenty times in two years)."""
        return len(self.meetings) > DENSE


def recent_years(data: BulletinData, loc: Localiser) -> str:
    """The years the profiles' meetings cover, '2023–2025' (years take no digit grouping):
    from the first of the last RECENT_YEARS years that the inputs have meetings of, '2025'
    alone when the inputs start with the year."""
    first = min((m.start.year for m in data.recent), default=data.year)
    first = max(first, data.year - RECENT_YEARS + 1)
    if first >= data.year:
        return str(data.year)
    return loc.pgettext("a range of numbers", "{low}–{high}", low=str(first),
                        high=str(data.year))


def profiles(data: BulletinData, loc: Localiser) -> tuple[Profile, ...]:
    """The profiles of the active and emerging mechanisms, alphabetical in the reader's
    language (the status is printed on each page)."""
    meetings: dict[str, list[Meeting]] = {}
    for meeting in data.recent:
        meetings.setdefault(meeting.mechanism_id, []).append(meeting)
    names = Names(loc)
    chosen = sorted((m for m in data.mechanisms if m.status in PROFILED),
                    key=lambda m: loc.sort_key(names.mechanism_name(m)))
    return tuple(Profile(
        mechanism=m,
        names=tuple(Name(lang, language_name(lang, loc),
                         "rtl" if lang in RTL_LANGUAGES else "ltr",
                         typographic(m.names[lang], lang))
                    for lang in LANGUAGES if lang in m.names),
        map=member_map(m, loc),
        meetings=tuple(reversed(meetings.get(m.id, ()))),
        objectives=mechanism_objectives(tuple(meetings.get(m.id, ()))))
        for m in chosen)


def language_name(lang: str, loc: Localiser) -> str:
    """'French', 'français', 'الفرنسية': a language named in the reader's (CLDR)."""
    name = Locale.parse(lang).get_display_name(loc.locale)
    return name[:1].upper() + name[1:]


def member_map(mechanism: Mechanism, loc: Localiser) -> Map | None:
    """The world cropped to the mechanism's member States and territories."""
    codes = [p.code for p in mechanism.members if p.code]
    if not codes:
        return None
    return mechanism_map(codes, plain_text(Names(loc).display_name(mechanism)), loc,
                         id=f"map-{mechanism.id}")
