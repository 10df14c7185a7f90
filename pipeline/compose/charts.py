"""Chart geometry: how long each bar is and what it says, computed here so templates only place it.

The marks are vector graphics: one small inline SVG per bar or column, with a
<title> that names it ('Africa: 12'), so the PDF tags each as a Figure with
its alternative text. The words around them (labels, values, legend) are
HTML, not SVG text: WeasyPrint lays SVG text out letter by letter, which
breaks Arabic shaping and right-to-left order, while HTML text gets the
page's shaping and bidi. A right-to-left page therefore mirrors the layout by
itself (labels on the right); within a bar, the segments are placed from the
right here. Every chart also carries its data as rows for the table printed
under it (the text equivalent).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..lang.localiser import Localiser
from ..model import Summary, Theme

BAR_SPAN = 88
"""Length of the longest bar, in % of its track (the rest holds its value)."""
COLUMN_HEIGHT = 110
"""Height in CSS px of the tallest column of a column chart."""
# Marks are at least 3:1 against white (WCAG 1.4.11), and white text on them (a stacked
# segment's value) at least 4.5:1 (1.4.3): the teal darkened from #2a8a7f (4.2:1).
PALETTE = ("#1f4e8c", "#267d72", "#b4540c", "#6b4a9e")


LABELLED = 7
"""A stacked segment at least this long (% of the track, about 8 mm on the bulletin's
page) carries its value; a shorter one leaves it to the legend's title and the table."""


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar, in the units of its SVG's viewBox (the bar's values)."""

    x: float
    width: float
    colour: str
    value: str = ""
    """The segment's value, formatted, printed inside it; '' where it is too short."""
    share: float = 0
    """Length of the segment, % of its bar."""


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    value: str
    """The bar's total, formatted, shown at its end."""
    total: int
    """The bar's total: its SVG's viewBox is 0 0 total 1."""
    size: float
    """Length of the bar: % of the track for bars, CSS px for columns."""
    title: str
    """Accessible name of the mark: 'Regional consultative processes: 4 (Active 3, …)'."""


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str
    """bars (horizontal, one per row) or columns (vertical, side by side)."""
    title: str
    description: str
    """One sentence summing up the chart, for screen readers and the PDF's /Alt."""
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, str], ...]
    """(colour, series name), shown when a bar has several segments."""
    headers: tuple[str, ...]
    """Header row of the data table."""
    rows: tuple[tuple[str, ...], ...]
    """The chart's data, formatted, for the table under it."""
    number: int = 0
    """The figure's number in its document (number_figures); 0: not numbered."""


def segments(values: list[int], rtl: bool) -> tuple[Segment, ...]:
    """Stacked segments along a bar, from its start (the right on a right-to-left page)."""
    total, placed, start = sum(values), [], 0
    for colour, value in zip(PALETTE, values):
        if value:
            placed.append(Segment(total - start - value if rtl else start, value, colour))
        start += value
    return tuple(placed)


def bar_chart(id: str, title: str, description: str, loc: Localiser, categories: list[str],
              series: list[tuple[str, list[int]]], headers: tuple[str, ...]) -> Chart:
    """Horizontal bars, one per category, stacked when there are several series."""
    rtl = loc.direction == "rtl"
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    scale = BAR_SPAN / max(max(totals, default=0), 1)
    bars = []
    for i, category in enumerate(categories):
        parts = [values[i] for _, values in series]
        detail = "" if len(series) == 1 else " (" + loc.comma.join(
            f"{name} {loc.number(values[i])}" for name, values in series if values[i]) + ")"
        stacked = segments(parts, rtl)
        if len(series) > 1:  # the values inside the segments long enough to hold them
            stacked = tuple(replace(
                segment, share=round(100 * segment.width / totals[i], 2),
                value=loc.number(segment.width) if segment.width * scale >= LABELLED else "")
                for segment in stacked)
        bars.append(Bar(category, stacked, loc.number(totals[i]), totals[i],
                        round(totals[i] * scale, 2),
                        loc.labelled(category, loc.number(totals[i]) + detail)))
    legend = tuple((colour, name) for colour, (name, _) in zip(PALETTE, series)) \
        if len(series) > 1 else ()
    rows = tuple((category, *(loc.number(v[i]) for _, v in series),
                  *((loc.number(totals[i]),) if len(series) > 1 else ()))
                 for i, category in enumerate(categories))
    return Chart(id, "bars", title, description, tuple(bars), legend, headers, rows)


def column_chart(id: str, title: str, description: str, loc: Localiser,
                 categories: list[str], values: list[int], headers: tuple[str, ...]) -> Chart:
    """Vertical columns, e.g. one per month."""
    scale = COLUMN_HEIGHT / max(max(values, default=0), 1)
    bars = tuple(Bar(category, segments([value], False), loc.number(value), value,
                     round(value * scale, 2), loc.labelled(category, loc.number(value)))
                 for category, value in zip(categories, values))
    rows = tuple((c, loc.number(v)) for c, v in zip(categories, values))
    return Chart(id, "columns", title, description, bars, (), headers, rows)


def key_figure_charts(summary: Summary, loc: Localiser) -> tuple[Chart, ...]:
    """The charts of 'Key figures of the year', in the reader's language."""
    _ = loc.gettext
    types = list(summary.mechanisms_by_type)
    statuses = list(summary.mechanisms_by_status)
    by_type = bar_chart(
        "chart-types", _("Mechanisms by type and status"),
        _("{active} active, {emerging} emerging and {inactive} inactive mechanisms.",
          **{s: loc.number(n) for s, n in summary.mechanisms_by_status.items()}),
        loc, [loc.label(t, "type_plural") for t in types],
        [(loc.label(s, "status"),
          [summary.mechanisms_by_type_and_status[t][s] for t in types]) for s in statuses],
        (_("Type"), *(loc.label(s, "status") for s in statuses), _("Total")))
    charts = [by_type]
    if summary.meetings_in_year:
        charts += meeting_charts(summary, loc)
    if summary.top_states:
        charts.append(top_states_chart(summary, loc))
    return tuple(charts)


def meeting_charts(summary: Summary, loc: Localiser) -> list[Chart]:
    """The year's meetings by level and by month (only when there were some)."""
    _ = loc.gettext
    levels = [lvl for lvl, n in summary.meetings_by_level.items() if n]
    by_level = bar_chart(
        "chart-levels", _("Meetings in {year} by level", year=summary.year),
        loc.ngettext("{n} meeting in all.", "{n} meetings in all.", summary.meetings_in_year),
        loc, [loc.label(lvl, "level") for lvl in levels],
        [(_("Meetings"), [summary.meetings_by_level[lvl] for lvl in levels])],
        (_("Level"), _("Meetings")))
    months = list(summary.meetings_by_month)
    busiest = max(months, key=lambda m: (summary.meetings_by_month[m], -int(m)))
    by_month = column_chart(
        "chart-months", _("Meetings in {year} by month", year=summary.year),
        loc.ngettext("The busiest month was {month}, with {n} meeting.",
                     "The busiest month was {month}, with {n} meetings.",
                     summary.meetings_by_month[busiest],
                     month=loc.month(int(busiest), heading=False)),
        loc, [loc.month(int(m), "abbreviated") for m in months],
        [summary.meetings_by_month[m] for m in months], (_("Month"), _("Meetings")))
    return [by_level, by_month]


def top_states_chart(summary: Summary, loc: Localiser) -> Chart:
    """The States in the most mechanisms (only when enough member lists are known)."""
    _ = loc.gettext
    top = summary.top_states
    leaders = [loc.country(code) for code, n in top if n == top[0][1]]
    return bar_chart(
        "chart-states", _("States in the most mechanisms"),
        loc.ngettext("{states} is a member of {count} mechanisms, more than any other State.",
                     "{states} are members of {count} mechanisms each, more than any other "
                     "State.", len(leaders), states=loc.list(leaders),
                     count=loc.number(top[0][1])),
        loc, [loc.country(code) for code, _n in top],
        [(_("Mechanisms"), [n for _code, n in top])], (_("State"), _("Mechanisms")))


def themes_chart(summary: Summary, loc: Localiser, theme_names: Mapping[str, Theme]
                 ) -> Chart | None:
    """The year's meetings by theme as a ranked bar chart, most first (ties in the reader's
    order of the labels); None without meetings."""
    _ = loc.gettext
    counts = summary.meetings_by_theme
    if not counts:
        return None
    text = {t: loc.theme_text(t, theme_names) for t in counts}
    themes = sorted(counts, key=lambda t: (-counts[t], loc.sort_key(text[t])))
    top = [text[t] for t in themes if counts[t] == counts[themes[0]]]
    return bar_chart(
        "chart-themes", _("Themes of the meetings of %(year)s") % {"year": summary.year},
        loc.ngettext("{themes} was the theme of the most meetings: {count}.",
                     "{themes} were the themes of the most meetings: {count} each.",
                     len(top), themes=loc.list(top), count=loc.number(counts[themes[0]])),
        loc, [loc.theme(t, theme_names) for t in themes],
        [(_("Meetings"), [counts[t] for t in themes])], (_("Theme"), _("Meetings")))


MAP_FIGURE = 1
"""The bulletin's world map is its first figure."""


def number_figures(*figures: Chart | None) -> tuple[Chart | None, ...]:
    """The charts numbered in the order given (the order of the page), the None left as
    they are; they follow the world map's, which opens the figures (MAP_FIGURE)."""
    numbered, number = [], MAP_FIGURE
    for chart in figures:
        if chart is not None:
            number += 1
            chart = replace(chart, number=number)
        numbered.append(chart)
    return tuple(numbered)


TREND_YEARS = 10
"""The trends chart shows at most the last ten years of the inputs' meetings."""


def trend_series(by_level: dict[int, dict[str, int]]) -> list[tuple[str, list[str]]]:
    """(level or 'other-levels', the levels it sums): the levels met in these years, in
    the vocabulary's order; past the palette's colours, the last ones summed as one."""
    levels = [lvl for lvl in next(iter(by_level.values()))
              if any(counts[lvl] for counts in by_level.values())]
    if len(levels) <= len(PALETTE):
        return [(lvl, [lvl]) for lvl in levels]
    kept = len(PALETTE) - 1
    return [(lvl, [lvl]) for lvl in levels[:kept]] + [("other-levels", levels[kept:])]


def trends_chart(summary: Summary, loc: Localiser) -> Chart | None:
    """Meetings held per year by level, over the last ten years of the inputs' meetings;
    None with fewer than two years (no trend to show)."""
    _ = loc.gettext
    years = list(summary.meetings_per_year_by_level)[-TREND_YEARS:]
    if len(years) < 2:
        return None
    by_level = {y: summary.meetings_per_year_by_level[y] for y in years}
    series = trend_series(by_level)
    if not series:  # nothing held in these years (all cancelled, say)
        return None
    names = [_("Other levels") if key == "other-levels" else loc.label(key, "level")
             for key, _levels in series]
    busiest = max(years, key=lambda y: (summary.meetings_per_year[y], y))
    return bar_chart(
        "chart-trends", _("Meetings per year by level, {first}–{last}", first=years[0],
                          last=years[-1]),
        loc.ngettext("The busiest of these years was {year}, with {n} meeting.",
                     "The busiest of these years was {year}, with {n} meetings.",
                     summary.meetings_per_year[busiest], year=busiest),
        loc, [str(y) for y in years],
        [(name, [sum(by_level[y][lvl] for lvl in levels) for y in years])
         for name, (_key, levels) in zip(names, series)],
        (_("Year"), *names, *((_("Total"),) if len(series) > 1 else ())))
