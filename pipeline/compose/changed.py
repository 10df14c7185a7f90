"""'What changed in <year>': the bulletin's sentences on the year against the one before.

Computed from the Summary (history.py) in the reader's language; the template partial
only places them. Each sentence is said only where the data supports it: a mechanism
nobody joined has no 'joined' sentence, a year before the first year of the inputs'
meetings is not compared with, and no sentence ever counts zero States. Sentences are
whole gettext patterns chosen by the number they agree with (ngettext); names and
States stand after a colon, so that no language needs their articles or cases.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..lang.localiser import Localiser, capitalised
from ..model import Mechanism, Summary
from .names import Names

STATUSES = ("active", "emerging", "inactive")


def pattern(change: str, n: int, loc: Localiser) -> str:
    """The sentence pattern for a change in the membership or status of n items (calls
    written out so that pybabel extracts each pattern)."""
    t = loc.translations
    if change == "joined":
        return t.ngettext("{mechanism}: {states} joined.", "{mechanism}: {states} joined.", n)
    if change == "left":
        return t.ngettext("{mechanism}: {states} left.", "{mechanism}: {states} left.", n)
    if change == "established":
        return t.ngettext("Established in {year}: {mechanisms}.",
                          "Established in {year}: {mechanisms}.", n)
    if change == "active":
        return t.ngettext("Became active in {year}: {mechanisms}.",
                          "Became active in {year}: {mechanisms}.", n)
    if change == "emerging":
        return t.ngettext("Became an emerging mechanism in {year}: {mechanisms}.",
                          "Became emerging mechanisms in {year}: {mechanisms}.", n)
    return t.ngettext("Became inactive in {year}: {mechanisms}.",
                      "Became inactive in {year}: {mechanisms}.", n)


def states(codes: list[str], loc: Localiser) -> Markup:
    """The States named in the reader's language, in its alphabetical order, as a list."""
    names = sorted((loc.country(code) for code in codes), key=loc.sort_key)
    return loc.markup_list([escape(name) for name in names])


def mechanisms(ids: list[str], by_id: dict[str, Mechanism], loc: Localiser) -> Markup:
    """The mechanisms by full name, in the reader's alphabetical order, as a list."""
    names = Names(loc)
    ordered = sorted((by_id[i] for i in ids),
                     key=lambda m: loc.sort_key(names.mechanism_name(m)))
    return loc.markup_list([names.full_name(m) for m in ordered])


def membership_sentences(summary: Summary, by_id: dict[str, Mechanism], loc: Localiser
                         ) -> list[Markup]:
    """'MIDWA: Chad and Niger joined.', then '…: … left.', one sentence per mechanism."""
    found = []
    names = Names(loc)
    for change, moved in (("joined", summary.changes.joined), ("left", summary.changes.left)):
        for mechanism_id in sorted(moved, key=lambda i: loc.sort_key(
                names.mechanism_name(by_id[i]))):
            codes = moved[mechanism_id]
            found.append(escape(pattern(change, len(codes), loc)).format(
                states=states(codes, loc), mechanism=names.full_name(by_id[mechanism_id])))
    return found


def mechanism_sentences(summary: Summary, by_id: dict[str, Mechanism], loc: Localiser
                        ) -> list[Markup]:
    """Mechanisms established in the year, then those that became active, emerging or
    inactive."""
    groups = [("established", summary.changes.established)] + [
        (status, [i for i, (_, now) in summary.changes.status_changed.items() if now == status])
        for status in STATUSES]
    return [escape(pattern(change, len(ids), loc)).format(
                mechanisms=mechanisms(ids, by_id, loc), year=summary.year)
            for change, ids in groups if ids]


def compared(n: int, before: int, counted: str, loc: Localiser, year: int) -> str:
    """'29 meetings in 2025, four more than in 2024' (or fewer, or as many as); `counted` is
    the counted noun phrase with its number ('29 meetings', 'Three ministerial meetings':
    one to nine in words, as running text writes them)."""
    values = dict(counted=counted, year=year, previous=year - 1)
    if n == before:
        return capitalised(loc.gettext("{counted} in {year}, as many as in {previous}.",
                                       **values))
    if n > before:
        return capitalised(loc.ngettext(
            "{counted} in {year}, {n} more than in {previous}.",
            "{counted} in {year}, {n} more than in {previous}.", n - before, in_words=True,
            **values))
    return capitalised(loc.ngettext(
        "{counted} in {year}, {n} fewer than in {previous}.",
        "{counted} in {year}, {n} fewer than in {previous}.", before - n, in_words=True,
        **values))


def meeting_sentences(summary: Summary, loc: Localiser) -> list[str]:
    """The year's meetings, and its ministerial meetings, against the year before; only
    when the inputs' meetings reach the year before, there is something to count, and no
    meeting of the year is still to come (a year under way is not yet fewer)."""
    year, by_level = summary.year, summary.meetings_per_year_by_level
    if year - 1 not in by_level or summary.meetings_upcoming:
        return []
    found = []
    now, before = summary.meetings_per_year[year], summary.meetings_per_year[year - 1]
    if now:
        found.append(compared(now, before, loc.ngettext("{n} meeting", "{n} meetings", now,
                                                   in_words=True),
                              loc, year))
    now, before = by_level[year]["ministerial"], by_level[year - 1]["ministerial"]
    if now:
        found.append(compared(now, before, loc.ngettext(
            "{n} ministerial meeting", "{n} ministerial meetings", now, in_words=True), loc,
            year))
    elif before:
        found.append(loc.ngettext(
            "No ministerial meeting in {year}, against {n} in {previous}.",
            "No ministerial meeting in {year}, against {n} in {previous}.",
            before, in_words=True, year=year, previous=year - 1))
    return found


def change_sentences(summary: Summary, by_id: dict[str, Mechanism], loc: Localiser
                     ) -> tuple[Markup, ...]:
    """Every sentence of 'What changed in <year>', in reading order; empty when the data
    supports none (the section is then left out)."""
    return tuple(membership_sentences(summary, by_id, loc)
                 + mechanism_sentences(summary, by_id, loc)
                 + [escape(s) for s in meeting_sentences(summary, loc)])
