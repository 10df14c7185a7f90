"""The bulletin's key messages: a handful of sentences composed from the year's figures.

What a reader of a flagship report finds first (the World Migration Report's key
findings): how many mechanisms were active, the year's meetings and who met most, the
themes most on the agenda, what changed against the year before, and what the figures
on membership rest on. Each sentence is said only where the data supports it (no
meetings: no sentence on them), with whole gettext patterns chosen by the number they
agree with; names stand after a colon or in a list, so that no language needs their case.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

from ..lang.localiser import MEMBERSHIPS_IN_WORDS, Localiser
from ..model import BulletinData, Mechanism, Summary
from .changed import meeting_sentences
from .names import Names
from .sentences import Sentences

TOP_THEMES = 3
"""The themes named in the key messages: the most frequent on the year's agendas."""


def mechanisms_sentence(summary: Summary, loc: Localiser) -> str:
    """'22 mechanisms were active in 2025; 2 more were emerging.'"""
    active = summary.mechanisms_by_status.get("active", 0)
    emerging = summary.mechanisms_by_status.get("emerging", 0)
    said = loc.ngettext("{n} mechanism was active in {year}",
                        "{n} mechanisms were active in {year}", active, year=summary.year)
    if not emerging:
        return f"{said}."
    return loc.gettext("{active}, and {emerging}.", active=said, emerging=loc.ngettext(
        "{n} more was emerging", "{n} more were emerging", emerging))


def meetings_sentence(data: BulletinData, loc: Localiser) -> str:
    """'29 meetings were held in 2025, by 12 mechanisms.' (by the edition date, while
    meetings are still to come, and how many)."""
    summary = data.summary
    held, met = summary.meetings_in_year, sum(1 for n in summary.meetings_by_mechanism.values()
                                              if n)
    by = loc.ngettext("{n} mechanism", "{n} mechanisms", met)
    if summary.meetings_upcoming:
        said = loc.ngettext("{n} meeting was held by {date}, by {mechanisms}.",
                            "{n} meetings were held by {date}, by {mechanisms}.", held,
                            date=loc.date(data.edition_date), mechanisms=by)
        return said + " " + loc.ngettext("{n} more is planned before the end of {year}.",
                                         "{n} more are planned before the end of {year}.",
                                         summary.meetings_upcoming, year=summary.year)
    return loc.ngettext("{n} meeting was held in {year}, by {mechanisms}.",
                        "{n} meetings were held in {year}, by {mechanisms}.", held,
                        year=summary.year, mechanisms=by)


def busiest_sentence(summary: Summary, by_id: Mapping[str, Mechanism], loc: Localiser
                     ) -> Markup | None:
    """'Met most often: Bali Process (9 meetings).' (ties named together); none when no
    mechanism met more than once."""
    most = max(summary.meetings_by_mechanism.values(), default=0)
    if most < 2:
        return None
    names = Names(loc)
    busiest = sorted((by_id[i] for i, n in summary.meetings_by_mechanism.items()
                      if n == most and i in by_id),
                     key=lambda m: loc.sort_key(names.mechanism_name(m)))
    return escape(loc.translations.ngettext(
        "Met most often: {mechanisms} ({meetings}).",
        "Met most often: {mechanisms} ({meetings} each).", len(busiest))).format(
        mechanisms=loc.markup_list([names.display_name(m) for m in busiest]),
        meetings=loc.ngettext("{n} meeting", "{n} meetings", most, in_words=True))


def themes_sentence(data: BulletinData, loc: Localiser) -> Markup | None:
    """'Most on the agendas: trafficking and smuggling (13 meetings), border management (8)
    and …'; none without themes."""
    counts = sorted(data.summary.meetings_by_theme.items(),
                    key=lambda item: (-item[1], loc.sort_key(
                        loc.theme_text(item[0], data.theme_names))))[:TOP_THEMES]
    if not counts:
        return None
    items = [Markup("{} ({})").format(loc.theme(key, data.theme_names),
                                      loc.ngettext("{n} meeting", "{n} meetings", n)
                                      if i == 0 else loc.number(n))
             for i, (key, n) in enumerate(counts)]
    return escape(loc.gettext("Most on the agendas of the year’s meetings: {themes}.")).format(
        themes=loc.markup_list(items))


def changes_sentence(summary: Summary, loc: Localiser) -> str | None:
    """'Against 2024: 3 States joined a mechanism, 1 left.' counted from the year's changes
    (the What changed section names them); none when nothing changed."""
    joined = sum(len(states) for states in summary.changes.joined.values())
    left = sum(len(states) for states in summary.changes.left.values())
    established = len(summary.changes.established)
    parts = ([loc.ngettext("{n} membership began", "{n} memberships began", joined,
                           in_words=True, words=MEMBERSHIPS_IN_WORDS)] if joined else [])
    parts += [loc.ngettext("{n} membership ended", "{n} memberships ended", left,
                           in_words=True, words=MEMBERSHIPS_IN_WORDS)] if left else []
    parts += [loc.ngettext("{n} mechanism was established", "{n} mechanisms were established",
                           established)] if established else []
    if not parts:
        return None
    return loc.gettext("In {year}: {changes}.", year=summary.year, changes=loc.list(parts))


def members_sentence(summary: Summary, loc: Localiser) -> str:
    """'196 States are members of at least one of the 24 mechanisms whose member lists are
    known.' (Arabic writes one and two in the noun alone, as the key figures do)."""
    said = Sentences(loc).members_sentence(summary)
    n = summary.member_states
    return f"{said}." if loc.lang == "ar" and n in (1, 2) else f"{loc.number(n)} {said}."


def key_messages(data: BulletinData, by_id: Mapping[str, Mechanism], loc: Localiser
                 ) -> tuple[Markup, ...]:
    """The key messages of the bulletin, in reading order."""
    summary = data.summary
    found: list[str | Markup | None] = [mechanisms_sentence(summary, loc)]
    if summary.meetings_in_year:
        found += [meetings_sentence(data, loc), busiest_sentence(summary, by_id, loc),
                  themes_sentence(data, loc)]
    compared = meeting_sentences(summary, loc)
    found += [compared[0] if compared else None, changes_sentence(summary, loc),
              members_sentence(summary, loc) if summary.member_states else None]
    return tuple(escape(sentence) for sentence in found if sentence)
