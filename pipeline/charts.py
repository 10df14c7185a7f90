"""Chart geometry: where each bar and label goes, computed here so templates only place it.

Charts are drawn as inline SVG by templates/_charts.html. Every chart also
carries its data as rows for the table printed under it (the text equivalent).
Right-to-left languages get the mirror image: labels on the right, bars
growing leftwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Localiser
from .model import Summary

WIDTH = 640
LABEL_WIDTH = 250
VALUE_WIDTH = 48
ROW_HEIGHT = 24
BAR_HEIGHT = 15
LEGEND_HEIGHT = 28
# Marks are at least 3:1 against white (WCAG 1.4.11); text on them is avoided.
PALETTE = ("#1f4e8c", "#2a8a7f", "#b4540c", "#6b4a9e")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str
    """Tooltip and accessible name of the mark: 'Africa: 12'."""


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str
    """SVG text-anchor: start, middle or end."""


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    """One sentence summing up the chart, for screen readers and the PDF's /Alt."""
    width: float
    height: float
    marks: tuple[Rect, ...]
    labels: tuple[Text, ...]
    legend: tuple[tuple[Rect, Text], ...]
    headers: tuple[str, ...]
    """Header row of the data table."""
    rows: tuple[tuple[str, ...], ...]
    """The chart's data, formatted, for the table under it."""


def mirror(x: float, width: float, rtl: bool) -> float:
    return WIDTH - x - width if rtl else x


def anchor(name: str, rtl: bool) -> str:
    return {"start": "end", "end": "start"}.get(name, name) if rtl else name


def bar_chart(id: str, title: str, description: str, loc: Localiser, categories: list[str],
              series: list[tuple[str, list[int]]], headers: tuple[str, ...]) -> Chart:
    """Horizontal bars, one per category, stacked when there are several series."""
    rtl = loc.direction == "rtl"
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max(max(totals, default=0), 1)
    top = LEGEND_HEIGHT if len(series) > 1 else 0
    marks, labels = [], []
    for i, category in enumerate(categories):
        y = top + i * ROW_HEIGHT
        labels.append(Text(mirror(LABEL_WIDTH - 8, 0, rtl), y + BAR_HEIGHT - 3, category,
                           anchor("end", rtl)))
        x = LABEL_WIDTH
        for colour, (name, values) in zip(PALETTE, series):
            width = values[i] * scale
            if width:
                what = f"{category}, {name}" if len(series) > 1 else category
                marks.append(Rect(mirror(x, width, rtl), y, width, BAR_HEIGHT, colour,
                                  f"{what}: {loc.number(values[i])}"))
            x += width
        labels.append(Text(mirror(x + 6, 0, rtl), y + BAR_HEIGHT - 3,
                           loc.number(totals[i]), anchor("start", rtl)))
    legend = []
    if len(series) > 1:
        x = LABEL_WIDTH
        for colour, (name, _) in zip(PALETTE, series):
            swatch = Rect(mirror(x, 12, rtl), 4, 12, 12, colour, name)
            legend.append((swatch, Text(mirror(x + 18, 0, rtl), 15, name, anchor("start", rtl))))
            x += 18 + 9 * len(name) + 24
    rows = tuple((category, *(loc.number(v[i]) for _, v in series),
                  *((loc.number(totals[i]),) if len(series) > 1 else ()))
                 for i, category in enumerate(categories))
    height = top + len(categories) * ROW_HEIGHT + 4
    return Chart(id, title, description, WIDTH, height, tuple(marks), tuple(labels),
                 tuple(legend), headers, rows)


def column_chart(id: str, title: str, description: str, loc: Localiser,
                 categories: list[str], values: list[int], headers: tuple[str, ...]) -> Chart:
    """Vertical columns, e.g. one per month; mirrored for right-to-left languages."""
    rtl = loc.direction == "rtl"
    plot_height, label_height = 150, 34
    step = WIDTH / max(len(categories), 1)
    scale = (plot_height - 18) / max(max(values, default=0), 1)
    marks, labels = [], []
    for i, (category, value) in enumerate(zip(categories, values)):
        x = mirror(i * step + step * 0.2, step * 0.6, rtl)
        height = value * scale
        if height:
            marks.append(Rect(x, plot_height - height, step * 0.6, height, PALETTE[0],
                              f"{category}: {loc.number(value)}"))
        centre = x + step * 0.3
        labels.append(Text(centre, plot_height - height - 4, loc.number(value), "middle"))
        labels.append(Text(centre, plot_height + 16, category, "middle"))
    rows = tuple((c, loc.number(v)) for c, v in zip(categories, values))
    return Chart(id, title, description, WIDTH, plot_height + label_height, tuple(marks),
                 tuple(labels), (), headers, rows)


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
                     summary.meetings_by_month[busiest], month=loc.month(int(busiest))),
        loc, [loc.month(int(m), "abbreviated") for m in months],
        [summary.meetings_by_month[m] for m in months], (_("Month"), _("Meetings")))
    top = summary.top_states
    leaders = [loc.country(code) for code, n in top if n == top[0][1]]
    by_state = bar_chart(
        "chart-states", _("States in the most mechanisms"),
        loc.ngettext("{states} is a member of {count} mechanisms, more than any other State.",
                     "{states} are members of {count} mechanisms each, more than any other "
                     "State.", len(leaders), states=loc.list(leaders),
                     count=loc.number(top[0][1])) if top else "",
        loc, [loc.country(code) for code, _n in top],
        [(_("Mechanisms"), [n for _code, n in top])], (_("State"), _("Mechanisms")))
    return by_type, by_level, by_month, by_state
