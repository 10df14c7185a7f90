"""'ISCMs and the Global Compact': what the bulletin's section says, in the reader's language.

The figures are the summary's (gcm_objectives, sdg_targets: aggregate/gcm.py); here
they become sentences, each said only where the data supports it, a ranked chart of
the objectives addressed (the chart code of charts.py, its data table with the
mechanisms beside the meetings), the SDG targets with their official text, and the
crosswalk of the themes the year's meetings hold. An objective is printed by its
number and its name in the reader's language where one was sourced
(contract/data/gcm_objectives.csv), else by its number alone: no name is made up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..contract import gcm
from ..lang.localiser import Localiser, plain_text
from ..model import BulletinData, Meeting, Summary, Theme
from .charts import Chart, bar_chart

DASH = "—"
"""What a cell of the crosswalk's table holds for 'none'."""


@dataclass(frozen=True)
class TargetRow:
    """An SDG target on migration the year's meetings addressed."""

    code: str
    text: str
    """Its official text in the reader's language."""
    meetings: str
    mechanisms: str


@dataclass(frozen=True)
class CrosswalkRow:
    """A theme of the year's meetings, and what it counts towards."""

    theme: Markup
    objectives: str
    targets: str


@dataclass(frozen=True)
class GcmSection:
    """The section, worded for one language; empty (false) when no meeting was held."""

    sentences: tuple[str, ...] = ()
    chart: Chart | None = None
    targets: tuple[TargetRow, ...] = ()
    crosswalk: tuple[CrosswalkRow, ...] = ()
    method: str = ""

    def __bool__(self) -> bool:
        return bool(self.sentences)


def objective_name(number: int, loc: Localiser) -> str:
    """'Objective 5: Regular pathways' ('Objectif 5 : …'); 'Objective 5' alone in a
    language with no sourced name for it."""
    objective = gcm.objectives()[number]
    name = objective.short.get(loc.lang) or objective.title.get(loc.lang)
    label = loc.gettext("Objective {number}", number=number)
    return plain_text(loc.labelled(label, name)) if name else label


def numbers(items, loc: Localiser) -> str:
    """'9, 10' ('—' for none): objectives or targets in a cell."""
    return loc.comma.join(str(item) for item in items) if items else DASH


def counted(meetings: int, mechanisms: int, loc: Localiser) -> str:
    """'13 meetings; 5 mechanisms'."""
    return loc.comma.join([loc.ngettext("{n} meeting", "{n} meetings", meetings),
                      loc.ngettext("{n} mechanism", "{n} mechanisms", mechanisms)])


def addressed(summary: Summary) -> list[int]:
    """The objectives the year's meetings addressed, the most meetings first (then by
    number)."""
    counts = summary.gcm_objectives
    return sorted((n for n, c in counts.items() if c["meetings"]),
                  key=lambda n: (-counts[n]["meetings"], n))


def sentences(summary: Summary, loc: Localiser) -> list[str]:
    """What the year's meetings addressed, in the Compact's terms."""
    year, held, counts = summary.year, summary.meetings_in_year, summary.gcm_objectives
    ranked = addressed(summary)
    if not ranked:
        return [loc.ngettext(
            "The meeting held in {year} could not be linked to an objective of the Global "
            "Compact for Migration, by its themes or by objectives it names.",
            "None of the {n} meetings held in {year} could be linked to an objective of the "
            "Global Compact for Migration, by their themes or by objectives they name.",
            held, year=year)]
    said = [loc.ngettext(
        "The meeting held in {year} addressed {k} of the {total} objectives of the Global "
        "Compact for Safe, Orderly and Regular Migration.",
        "The {n} meetings held in {year} addressed {k} of the {total} objectives of the "
        "Global Compact for Safe, Orderly and Regular Migration.",
        held, year=year, k=loc.number(len(ranked)),
        total=loc.number(len(counts)))]
    top = counts[ranked[0]]
    leaders = [n for n in ranked if counts[n] == top]
    said.append(loc.ngettext(
        "Addressed by the most meetings: {objectives} ({counts}).",
        "Addressed by the most meetings, each: {objectives} ({counts}).", len(leaders),
        objectives=loc.list([objective_name(n, loc) for n in leaders]),
        counts=counted(top["meetings"], top["mechanisms"], loc)))
    missing = [n for n in counts if not counts[n]["meetings"]]
    if missing:
        said.append(loc.ngettext(
            "No meeting addressed objective {objectives}.",
            "No meeting addressed objectives {objectives}.", len(missing),
            objectives=loc.list([str(n) for n in missing])))
    return said + [target_sentence(summary, loc)]


def target_sentence(summary: Summary, loc: Localiser) -> str:
    """The SDG targets on migration the meetings' themes count towards, the most first."""
    counts = summary.sdg_targets
    reached = sorted((t for t, c in counts.items() if c["meetings"]),
                     key=lambda t: -counts[t]["meetings"])
    if not reached:
        return loc.gettext("No meeting of {year} addressed an SDG target on migration through "
                           "its themes.", year=summary.year)
    items = [loc.gettext("target {target} ({meetings})", target=t,
                         meetings=loc.ngettext("{n} meeting", "{n} meetings",
                                               counts[t]["meetings"], in_words=True))
             for t in reached]
    # The targets are listed whole: their count would only repeat the list.
    return loc.ngettext(
        "Through their themes, the meetings addressed one SDG target on migration: {targets}.",
        "Through their themes, the meetings addressed these SDG targets on migration: "
        "{targets}.", len(reached), targets=loc.list(items))


def objectives_chart(summary: Summary, loc: Localiser) -> Chart | None:
    """The objectives addressed, ranked by meetings, with the mechanisms in its data table."""
    ranked = addressed(summary)
    if not ranked:
        return None
    counts = summary.gcm_objectives
    names = [objective_name(n, loc) for n in ranked]
    chart = bar_chart(
        "chart-gcm", loc.gettext("Objectives of the Global Compact addressed by the meetings "
                                 "of {year}", year=summary.year),
        sentences(summary, loc)[1], loc, names,
        [(loc.gettext("Meetings"), [counts[n]["meetings"] for n in ranked])],
        (loc.gettext("Objective"), loc.gettext("Meetings")))
    return replace(chart, headers=(*chart.headers, loc.gettext("Mechanisms")),
                   rows=tuple((*row, loc.number(counts[n]["mechanisms"]))
                              for row, n in zip(chart.rows, ranked)))


def method(summary: Summary, loc: Localiser) -> str:
    """How the figures are made: direct tags, else the crosswalk of the themes."""
    named = summary.gcm_meetings_named
    how = loc.gettext(
        "Method: a meeting counts towards the objectives that the meetings sheet names for it, "
        "or else towards those its themes are linked to by the "
        "crosswalk below, an editorial reading of each objective’s title and commitments in "
        "the Global Compact (A/RES/73/195); a meeting may count towards several objectives. "
        "Only meetings held by the edition date are counted.")
    if named:
        told = loc.ngettext("{n} meeting named its objectives itself.",
                            "{n} meetings named their objectives themselves.", named)
    else:
        told = loc.gettext("No meeting named its objectives itself: every figure comes from "
                           "the crosswalk.")
    return f"{how} {told}"


def crosswalk_rows(meetings: tuple[Meeting, ...], themes: Mapping[str, Theme], loc: Localiser
                   ) -> tuple[CrosswalkRow, ...]:
    """The themes of the year's meetings held, by label, with what each counts towards."""
    keys = {key for m in meetings if m.status == "held" for key in m.themes}
    rows = []
    for key in sorted(keys, key=lambda k: loc.sort_key(loc.theme_text(k, themes))):
        theme = themes.get(key)
        rows.append(CrosswalkRow(loc.theme(key, themes),
                                 numbers(getattr(theme, "gcm_objectives", None) or (), loc),
                                 numbers(getattr(theme, "sdg_targets", None) or (), loc)))
    return tuple(rows)


def gcm_section(data: BulletinData, loc: Localiser) -> GcmSection:
    """The section in the reader's language; empty when no meeting was held in the year."""
    summary = data.summary
    if not summary.meetings_in_year:
        return GcmSection()
    counts = summary.sdg_targets
    targets = tuple(
        TargetRow(code, target.title.get(loc.lang) or target.title["en"],
                  loc.number(counts[code]["meetings"]), loc.number(counts[code]["mechanisms"]))
        for code, target in gcm.targets().items() if counts[code]["meetings"])
    return GcmSection(tuple(sentences(summary, loc)), objectives_chart(summary, loc), targets,
                      crosswalk_rows(data.calendar, data.theme_names, loc),
                      method(summary, loc))


def mechanism_objectives(meetings: tuple[Meeting, ...]) -> tuple[int, ...]:
    """The objectives some held meetings addressed, by number (a profile, the ISCM table)."""
    return tuple(sorted({n for m in meetings if m.status == "held" for n in m.gcm_objectives}))
