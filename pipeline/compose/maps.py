"""World maps: each State coloured by how many mechanisms it is a member of, and one
mechanism's members highlighted. Computed here so that templates only place them.

The geometry is projected and simplified once, by `make map-assets`
(pipeline/tools/map_assets.py), into templates/assets/map/world.json: an SVG
path per State in Equal Earth coordinates. This module only colours it, so a
build needs neither pyproj nor shapely. Like the charts, the drawing is SVG and
the words (legend, disclaimer, data table) are HTML: WeasyPrint lays SVG text
out letter by letter, which breaks Arabic. The SVG's first <title> becomes the
PDF's /Alt; each shape carries data-iso3, and on the world map data-mechanisms
where the count is known. A State too small to see at the map's scale is drawn
as a dot, so that every Member State can be found, down to Tuvalu and Nauru.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from ..config import TEMPLATES_DIR
from ..lang.localiser import Localiser
from ..world.countries import is_state

WORLD = TEMPLATES_DIR / "assets" / "map" / "world.json"
PALETTE = ("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b")
"""Sequential blues (ColorBrewer), evenly spaced in lightness: the classes stay apart when
printed in grey, and the darkest reads as 'most'."""
NO_DATA = ("#f4f4f4", "#a6a6a6")
"""A pale grey hatched darker: told apart from the palest class in grey print, too."""
HIGHLIGHT, OTHER = "#1f4e8c", "#dcdcdc"
"""A mechanism's members (the charts' first colour, 3:1 on white) and everyone else."""
CLASSES = 5
DOT_AREA = 1e-5
"""A State smaller than this share of the squared width of the view (about 12,000 km² on
the world map: Lebanon, Qatar, Cyprus, the island States) is drawn as a dot."""
DOT_RADIUS = 0.004
"""Radius of a dot, as a share of the width of the view (0.7 mm on an A4 page)."""
MARGIN, MIN_WIDTH = 0.08, 500
"""Around a mechanism's members: a margin (share of their extent), and at least this many
units across (4,300 km), so that a small region keeps its neighbours around it."""
PROFILE_RATIO = 3 / 2
"""Width to height of a mechanism's map (the profiles' locator map): taller than the
world's 2.3:1, so that a region fills its frame."""
CLIP_MARGIN = 0.02
"""A cropped map keeps its geometry this far (share of the view's width) past its frame:
the States' outlines, cut there, are never seen cut."""


@dataclass(frozen=True)
class MapClass:
    """One entry of the legend: a colour class and the range of counts it holds."""

    name: str
    """CSS class of its shapes: c1…c5, no-data, member, other."""
    colour: str
    label: str
    """'1–3' in the reader's number format, or 'No data'."""
    low: int | None = None
    high: int | None = None
    background: str = ""
    """CSS background of the legend's swatch (the no-data hatching)."""


@dataclass(frozen=True)
class Map:
    id: str
    title: str
    """What the map shows; also the heading of its legend."""
    description: str
    """One or two sentences for screen readers and the PDF's /Alt (the SVG's <title>)."""
    svg: Markup
    legend: tuple[MapClass, ...]
    """In reading order, lowest first, no data last."""
    direction: str
    """ltr or rtl: the legend runs in the page's direction (a right-to-left page mirrors it,
    lowest on the right)."""
    disclaimer: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """The map's data for the table printed with it: State and count, most first."""

    @property
    def legend_left_to_right(self) -> tuple[MapClass, ...]:
        """The legend's entries as they stand from left to right on the page."""
        return self.legend[::-1] if self.direction == "rtl" else self.legend


@cache
def load_world(path: Path = WORLD) -> dict:
    """The projected geometry written by `make map-assets`."""
    return json.loads(path.read_text(encoding="utf-8"))


def natural_breaks(values: Iterable[int], classes: int = CLASSES) -> list[tuple[int, int]]:
    """Fisher–Jenks natural breaks: the (low, high) ranges that keep each class's counts
    closest together, covering every whole number from the least count to the most.

    Exact, by dynamic programming over the distinct counts: there are a few dozen at most
    (nobody is in a hundred mechanisms), so this is instant, where mapclassify would bring
    scipy and scikit-learn into the build for the same answer.
    """
    tally: dict[int, int] = {}
    for value in values:
        tally[value] = tally.get(value, 0) + 1
    distinct = sorted(tally)
    if not distinct:
        return []
    k = min(classes, len(distinct))

    def cost(i: int, j: int) -> float:  # squared deviations of distinct[i..j], weighted
        ws = [(tally[v], v) for v in distinct[i:j + 1]]
        n, total, squares = (sum(w for w, _ in ws), sum(w * v for w, v in ws),
                             sum(w * v * v for w, v in ws))
        return squares - total * total / n

    m = len(distinct)
    best = [[cost(0, j) for j in range(m)]]  # best[c][j]: distinct[0..j] in c + 1 classes
    cut = [[0] * m]
    for c in range(1, k):
        row, starts = [float("inf")] * m, [0] * m
        for j in range(c, m):
            row[j], starts[j] = min((best[c - 1][i - 1] + cost(i, j), i)
                                    for i in range(c, j + 1))
        best.append(row)
        cut.append(starts)
    ends, j = [], m - 1
    for c in range(k - 1, -1, -1):
        ends.append(distinct[j])
        j = cut[c][j] - 1
    ends.reverse()
    return [(distinct[0] if n == 0 else ends[n - 1] + 1, end) for n, end in enumerate(ends)]


def spread(k: int) -> tuple[str, ...]:
    """k colours of the palette, as far apart as they can be (2 classes: palest, darkest)."""
    if k <= 1:
        return PALETTE[len(PALETTE) // 2:][:k]
    return tuple(PALETTE[round(i * (len(PALETTE) - 1) / (k - 1))] for i in range(k))


def range_label(low: int, high: int, loc: Localiser) -> str:
    if low == high:
        return loc.number(low)
    return loc.pgettext("a range of numbers", "{low}–{high}", low=loc.number(low),
                        high=loc.number(high))


def no_data_class(loc: Localiser) -> MapClass:
    light, dark = NO_DATA
    return MapClass("no-data", light, loc.gettext("No data"), background=(
        f"repeating-linear-gradient(135deg, {dark}, {dark} 1px, {light} 1px, {light} 4px)"))


def disclaimer(loc: Localiser) -> str:
    return loc.gettext("The boundaries and names shown and the designations used on this map "
                       "do not imply official endorsement or acceptance by IOM.")


def world_map(counts: Mapping[str, int], loc: Localiser, id: str = "map-world") -> Map:
    """The world, each State coloured by the number of mechanisms it is a member of.

    counts: ISO3 -> mechanisms, for the States whose membership is known (the
    summary's memberships_per_state); every other State is drawn as 'no data'.
    """
    _ = loc.gettext
    ranges = natural_breaks(counts.values())
    classes = [MapClass(f"c{n + 1}", colour, range_label(low, high, loc), low, high)
               for n, ((low, high), colour) in enumerate(zip(ranges, spread(len(ranges))))]
    legend = (*classes, no_data_class(loc))

    def class_of(iso3: str) -> MapClass:
        if iso3 not in counts:
            return legend[-1]
        return next(c for c in classes if c.low <= counts[iso3] <= c.high)

    def attributes(iso3: str) -> dict[str, object]:
        found = {"data-iso3": iso3}
        if iso3 in counts:
            found["data-mechanisms"] = counts[iso3]
        return found

    def title(iso3: str) -> str:
        value = loc.number(counts[iso3]) if iso3 in counts else _("No data")
        return loc.labelled(loc.country(iso3), value)

    if counts:
        description = loc.ngettext(
            "World map: {n} State is shaded by the number of mechanisms it is a member of, "
            "from {low} to {high}; the others have no data.",
            "World map: {n} States are shaded by the number of mechanisms they are members "
            "of, from {low} to {high}; the others have no data.", len(counts),
            low=loc.number(ranges[0][0]), high=loc.number(ranges[-1][1]))
    else:
        description = _("World map: no State’s membership is known.")
    world = load_world()
    svg = draw(id, description, world, world["viewBox"], class_of, attributes, title,
               wanted=lambda iso3: iso3 in counts or is_state(iso3))
    return Map(id, _("Number of mechanisms a State is a member of"), description, svg,
               legend, loc.direction, disclaimer(loc), (_("Mechanisms"), _("Member States")),
               rows_by_count(counts, loc))


def rows_by_count(counts: Mapping[str, int], loc: Localiser) -> tuple[tuple[str, str], ...]:
    """The table printed with the world map: one row per count, most first, with its
    States in the reader's alphabetical order. A row per State would take four pages of
    the bulletin for what a dozen rows say."""
    by_count: dict[int, list[str]] = {}
    for iso3, n in counts.items():
        by_count.setdefault(n, []).append(loc.country(iso3))
    return tuple((loc.number(n), loc.comma.join(sorted(states, key=loc.sort_key)))
                 for n, states in sorted(by_count.items(), reverse=True))


def mechanism_map(members: Iterable[str], name: str, loc: Localiser, id: str,
                  crop: bool = True) -> Map:
    """The world with one mechanism's members highlighted; cropped to them, with a margin,
    unless crop is False. name: the mechanism's name as the page prints it."""
    _ = loc.gettext
    world = load_world()
    members = sorted(set(members) & set(world["states"]))
    legend = (MapClass("member", HIGHLIGHT, _("Member")),
              MapClass("other", OTHER, _("Not a member")))
    description = loc.ngettext("World map highlighting the {n} member of {mechanism}.",
                               "World map highlighting the {n} members of {mechanism}.",
                               len(members), mechanism=name)
    if crop and members:
        view = crop_to(world, members, PROFILE_RATIO)
        world = locator(tuple(view), tuple(members))
    else:
        view = world["viewBox"]
    svg = draw(id, description, world, view,
               lambda iso3: legend[iso3 not in members],
               lambda iso3: {} if iso3 == OTHERS else {
                   "data-iso3": iso3, **({"data-member": "yes"} if iso3 in members else {})},
               lambda iso3: _("Not a member") if iso3 == OTHERS else
               loc.labelled(loc.country(iso3), _("Member"))
               if iso3 in members else loc.country(iso3),
               wanted=members.__contains__)  # dots for the members only: no clutter
    rows = tuple((country,) for country in sorted(map(loc.country, members),
                                                  key=loc.sort_key))
    return Map(id, name, description, svg, legend, loc.direction, disclaimer(loc),
               (_("Member States"),), rows)


def crop_to(world: dict, members: list[str], ratio: float | None = None) -> list[float]:
    """A view around the members' main territory, width to height ratio (by default the
    world map's proportions), within the world's; the world's proportions when the members
    span more than that ratio can show."""
    boxes = [world["states"][iso3]["main"] for iso3 in members]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    _, _, full_width, full_height = world["viewBox"]
    ratio = ratio or full_width / full_height
    width = max((x1 - x0) * (1 + 2 * MARGIN), (y1 - y0) * (1 + 2 * MARGIN) * ratio, MIN_WIDTH)
    if width > full_height * ratio:  # members across the world (GFMD): the whole width
        ratio = full_width / full_height
    width = min(width, full_width, full_height * ratio)
    height = width / ratio
    left = min(max((x0 + x1 - width) / 2, 0), full_width - width)
    top = min(max((y0 + y1 - height) / 2, 0), full_height - height)
    return [round(left, 1), round(top, 1), round(width, 1), round(height, 1)]


def draw(id: str, description: str, world: dict, view: list[float], class_of, attributes,
         title, wanted) -> Markup:
    """The SVG: the frame, then every State in view (a dot where too small to see), then
    the dots on top; disputed areas as no data.

    class_of, attributes and title give each State's MapClass, data attributes and
    tooltip; wanted says which States get a dot (not the territories without data).
    """
    x, y, width, height = view
    stroke, radius = width / 2000, width * DOT_RADIUS
    smallest = DOT_AREA * width * width
    hatch = f"{id}-no-data"
    shapes, dots = [], []
    for iso3, state in world["states"].items():
        left, top, right, bottom = state["bounds"]
        if right < x or left > x + width or bottom < y or top > y + height:
            continue
        is_dot = state["area"] < smallest
        if is_dot and not wanted(iso3):
            is_dot = False
            if not state["d"]:
                continue
        mapclass = class_of(iso3)
        fill = f"url(#{hatch})" if mapclass.name == "no-data" and not is_dot else mapclass.colour
        if is_dot:
            cx, cy = state["dot"]
            d = (f"M{cx - radius:.1f} {cy:.1f}a{radius:.1f} {radius:.1f} 0 1 0 {2 * radius:.1f} 0"
                 f"a{radius:.1f} {radius:.1f} 0 1 0 {-2 * radius:.1f} 0z")
        else:
            d = state["d"]
        data = "".join(f' {k}="{escape(v)}"' for k, v in attributes(iso3).items())
        (dots if is_dot else shapes).append(Markup(
            '<path class="{}"{} fill="{}" d="{}"><title>{}</title></path>').format(
            f"{mapclass.name} dot" if is_dot else mapclass.name, Markup(data), fill, d,
            title(iso3)))
    disputed = [Markup('<path class="no-data disputed" fill="url(#{})" d="{}"/>').format(
        hatch, area["d"]) for area in world["disputed"]]
    light, dark = NO_DATA
    size = round(width / 400, 2)
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="map" id="{id}" role="img" '
        'aria-label="{label}" '
        'viewBox="{view}" preserveAspectRatio="xMidYMid meet" width="100%">'
        '<title>{label}</title><defs><pattern id="{hatch}" width="{size}" height="{size}" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="{size}" height="{size}" fill="{light}"/>'
        '<rect width="{line}" height="{size}" fill="{dark}"/></pattern></defs>'
        '<path class="frame" d="{frame}" fill="none" stroke="#b0b0b0" stroke-width="{frame_w}"/>'
        '<g class="states" stroke="#ffffff" stroke-width="{stroke}" stroke-linejoin="round">'
        '{shapes}</g><g class="dots" stroke="#404040" stroke-width="{dot_w}">{dots}</g></svg>'
    ).format(id=id, label=description, view=" ".join(f"{v:g}" for v in view), hatch=hatch,
             size=size, light=light, dark=dark, line=round(size / 3, 2), frame=world["outline"],
             frame_w=round(stroke * 1.5, 2), stroke=round(stroke, 2),
             shapes=Markup("").join(shapes + disputed), dots=Markup("").join(dots),
             dot_w=round(stroke * 1.2, 2))


# Cropped maps carry only the geometry inside their frame ------------------------------

PATH_TOKEN = re.compile(r"[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)")


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The closed rings (or the open line) of SVG path data made of M, L, H, V and Z
    commands, absolute or relative, as lists of absolute points."""
    found: list[list[tuple[float, float]]] = []
    x = y = 0.0
    command, numbers = "M", []
    for token in PATH_TOKEN.findall(d) + ["Z"]:
        if token.isalpha():
            command = token
            if command in "Zz" and found:
                x, y = found[-1][0]
            continue
        numbers.append(float(token))
        need = 1 if command in "HhVv" else 2
        if len(numbers) < need:
            continue
        relative = command.islower()
        if command in "Hh":
            x = numbers[0] + (x if relative else 0)
        elif command in "Vv":
            y = numbers[0] + (y if relative else 0)
        else:
            x, y = (numbers[0] + x, numbers[1] + y) if relative else (numbers[0], numbers[1])
        if command in "Mm":
            found.append([])
            command = "l" if relative else "L"  # pairs after a move are lines
        found[-1].append((x, y))
        numbers = []
    return found


def clip_ring(ring: list[tuple[float, float]], box: tuple[float, float, float, float]
              ) -> list[tuple[float, float]]:
    """A ring cut to a rectangle (Sutherland–Hodgman): what lies outside is replaced by the
    rectangle's edge, which a cropped map never shows."""
    left, top, right, bottom = box
    edges = ((lambda p: p[0] >= left, lambda a, b: (left, cross_y(a, b, left))),
             (lambda p: p[0] <= right, lambda a, b: (right, cross_y(a, b, right))),
             (lambda p: p[1] >= top, lambda a, b: (cross_x(a, b, top), top)),
             (lambda p: p[1] <= bottom, lambda a, b: (cross_x(a, b, bottom), bottom)))
    points = ring
    for inside, crossing in edges:
        if not points:
            break
        kept = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(crossing(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(crossing(previous, current))
        points = kept
    return points


def cross_y(a: tuple[float, float], b: tuple[float, float], x: float) -> float:
    return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def cross_x(a: tuple[float, float], b: tuple[float, float], y: float) -> float:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1])


def path_data(points_of_rings: list[list[tuple[float, float]]]) -> str:
    """Compact SVG path data in whole units: each ring moved to, then relative lines."""
    parts = []
    for ring in points_of_rings:
        points = [(round(x), round(y)) for x, y in ring]
        steps = "".join(f"{dx:+d}{dy:+d}" for dx, dy in (
            (x - px, y - py) for (px, py), (x, y) in zip(points, points[1:])))
        parts.append(f"M{points[0][0]} {points[0][1]}l{steps}z"
                     .replace("l+", "l").replace("+", " "))
    return "".join(parts)


def thinned(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A ring simplified (Douglas–Peucker): the points that stray less than tolerance from
    the line between their neighbours kept are detail a small map cannot show."""
    if len(ring) < 4:
        return ring
    points = ring + ring[:1]  # closed: the last point is the first
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = (dx * dx + dy * dy) ** 0.5
        farthest, index = -1.0, first
        for i in range(first + 1, last):
            x, y = points[i]
            distance = (abs(dy * (x - x0) - dx * (y - y0)) / length if length
                        else abs(x - x0) + abs(y - y0))
            if distance > farthest:
                farthest, index = distance, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points[:-1], keep) if kept]


@cache
def parsed(d: str) -> tuple[tuple[list[tuple[float, float]], tuple[float, ...]], ...]:
    """Each ring of path data with its bounds (left, top, right, bottom), parsed once."""
    return tuple((ring, (min(x for x, _ in ring), min(y for _, y in ring),
                         max(x for x, _ in ring), max(y for _, y in ring)))
                 for ring in rings(d) if ring)


def clip_path(d: str, box: tuple[float, float, float, float], tolerance: float = 1) -> str:
    """Path data cut to a rectangle and thinned to tolerance; '' when nothing of it is
    inside. A ring wholly inside is kept as it is, one wholly outside left out."""
    left, top, right, bottom = box
    kept = []
    for ring, (x0, y0, x1, y1) in parsed(d):
        if x1 < left or x0 > right or y1 < top or y0 > bottom:
            continue
        inside = left <= x0 and x1 <= right and top <= y0 and y1 <= bottom
        points = ring if inside else clip_ring(ring, box)
        if len(points) >= 3 and len(points := thinned(points, tolerance)) >= 3:
            kept.append(points)
    return path_data(kept)


THINNING = 1 / 300
"""A cropped map leaves out detail smaller than this share of its width (0.3 mm on a
profile's 88 mm map): what keeps each profiles HTML under 500 KB."""


OTHERS = "others"
"""A cropped mechanism map's one shape for every State that is not a member."""


@cache
def locator(view: tuple[float, float, float, float], members: tuple[str, ...]) -> dict:
    """The geometry of a mechanism's cropped map: its view's (clipped), each member a shape
    of its own, the other States one shape (OTHERS) drawn under them."""
    cut = clipped(view)
    x, y, width, height = view
    others = {"d": "".join(state["d"] for iso3, state in cut["states"].items()
                           if iso3 not in members),
              "bounds": [x, y, x + width, y + height], "main": [x, y, x + width, y + height],
              "area": width * height, "dot": [x + width / 2, y + height / 2]}
    states = {OTHERS: others} | {iso3: state for iso3, state in cut["states"].items()
                                 if iso3 in members}
    return dict(cut, states=states)


@cache
def clipped(view: tuple[float, float, float, float]) -> dict:
    """The world's geometry for a cropped view: each State, disputed area and boundary cut
    to the view and a margin around it and thinned to what its scale shows, those wholly
    outside left out (a profile's map carries its region, not the whole world)."""
    world = load_world()
    x, y, width, height = view
    margin, tolerance = CLIP_MARGIN * width, max(THINNING * width, 1)
    box = (x - margin, y - margin, x + width + margin, y + height + margin)

    def inside(bounds: list[float]) -> bool:
        left, top, right, bottom = bounds
        return right >= box[0] and left <= box[2] and bottom >= box[1] and top <= box[3]

    states = {}
    for iso3, state in world["states"].items():
        if not inside(state["bounds"]):
            continue
        # A State thinned away (Malta, Tuvalu) keeps its place: a member is drawn as a dot.
        states[iso3] = dict(state, d=clip_path(state["d"], box, tolerance) if state["d"] else "")
    cut = dict(world, states=states, outline=clip_path(world["outline"], box, tolerance))
    if "disputed" in world:
        cut["disputed"] = [dict(area, d=found) for area in world["disputed"]
                           if (found := clip_path(area["d"], box, tolerance))]
    if "boundaries" in world:  # lines, not areas: kept whole where they reach the view
        cut["boundaries"] = [line for line in world["boundaries"]
                             if any(box[0] <= x <= box[2] and box[1] <= y <= box[3]
                                    for ring in rings(line["d"]) for x, y in ring)]
    return cut
