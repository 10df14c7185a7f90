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
as a square symbol (class "dot"), so that every Member State can be found, down
to Tuvalu and Nauru; symbols that would touch are moved apart (place_symbols),
with a leader line to where the State is. Boundaries that United Nations maps do
not draw as settled are dashed (dotted: the Line of Control in Jammu and
Kashmir), and a territory that is part of a State is coloured as that State.

The poster (poster()) adds insets where small States crowd (the Caribbean,
Europe, the Levant and the Gulf) and of the Pacific, which the world map cuts at
180 degrees: views of the same geometry, drawn at a larger scale, their symbols
printed the same size as the world map's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from ..config import TEMPLATES_DIR
from ..contract.labels import N_
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
the world map: Lebanon, Qatar, Cyprus, the island States) is drawn as a symbol."""
DOT_RADIUS = 0.004
"""Half the side of a symbol, as a share of the width of the view (0.7 mm on an A4 page)."""
SYMBOL_GAP = 0.2
"""Space kept between two symbols, as a share of their side."""
BOUNDARY = {"undetermined": "2.4 1.6", "line-of-control": "0.4 1.4"}
"""The dash pattern of each kind of boundary (world.json's boundaries), in widths of its
line: dashed where the boundary is undetermined, dotted for the Line of Control."""
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


@dataclass(frozen=True)
class Scale:
    """What a map draws at a fixed size on paper, as shares of its view's width."""

    symbol: float = 2 * DOT_RADIUS
    """The side of a small State's square symbol."""
    smallest: float = DOT_AREA
    """A State smaller than this share of the squared width is drawn as a symbol."""

    @classmethod
    def printed(cls, width_mm: float, symbol_mm: float, smallest_mm2: float) -> Scale:
        """The scale of a map printed width_mm wide: symbols symbol_mm across, for every
        State smaller than smallest_mm2 on paper."""
        return cls(symbol_mm / width_mm, smallest_mm2 / width_mm ** 2)


A4 = Scale()
"""A map across an A4 page (bulletin, factsheet, profiles): 1.4 mm symbols."""


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
    """IOM's standard map disclaimer, in full (the default of the publication settings'
    disclaimer)."""
    return loc.gettext("This map is for illustration purposes only. The boundaries and names "
                       "shown and the designations used on this map do not imply official "
                       "endorsement or acceptance by the International Organization for "
                       "Migration.")


BOUNDARY_NOTES = {
    "line-of-control": N_("Dotted line represents approximately the Line of Control in Jammu "
                          "and Kashmir agreed upon by India and Pakistan. The final status of "
                          "Jammu and Kashmir has not yet been agreed upon by the parties."),
    "undetermined": N_("Dashed lines represent undetermined boundaries. The final boundary "
                       "between the Sudan and South Sudan has not yet been determined."),
}
"""What a map with such a boundary says of it, in the words of United Nations maps."""


def boundary_notes(loc: Localiser) -> tuple[str, ...]:
    """The notes on the boundaries the world map draws apart (world.json), in the order
    BOUNDARY_NOTES gives them."""
    kinds = {b["kind"] for b in load_world().get("boundaries", ())}
    return tuple(loc.gettext(note) for kind, note in BOUNDARY_NOTES.items() if kind in kinds)


def world_map(counts: Mapping[str, int], loc: Localiser, id: str = "map-world",
              scale: Scale = A4) -> Map:
    """The world, each State coloured by the number of mechanisms it is a member of.

    counts: ISO3 -> mechanisms, for the States whose membership is known (the
    summary's memberships_per_state); every other State is drawn as 'no data', but
    for a territory that is part of a counted State (Greenland), drawn in its class.
    """
    _ = loc.gettext
    world = load_world()
    shading = Shading(counts, loc, world)
    legend = shading.legend

    if counts:
        description = loc.ngettext(
            "World map: {n} State is shaded by the number of mechanisms it is a member of, "
            "from {low} to {high}; the others have no data.",
            "World map: {n} States are shaded by the number of mechanisms they are members "
            "of, from {low} to {high}; the others have no data.", len(counts),
            low=loc.number(shading.ranges[0][0]), high=loc.number(shading.ranges[-1][1]))
    else:
        description = _("World map: no State’s membership is known.")
    svg = draw(id, description, world, world["viewBox"], shading.class_of,
               shading.attributes, shading.title, wanted=shading.wanted, scale=scale)
    return Map(id, _("Number of mechanisms a State is a member of"), description, svg,
               legend, loc.direction, disclaimer(loc), (_("Mechanisms"), _("Member States")),
               rows_by_count(counts, loc))


class Shading:
    """How the world map and its insets shade each State: its class, data attributes and
    tooltip, from the counts."""

    def __init__(self, counts: Mapping[str, int], loc: Localiser, world: dict):
        self.counts, self.loc = counts, loc
        self.parts = {iso3: state["part_of"] for iso3, state in world["states"].items()
                      if "part_of" in state}
        ranges = natural_breaks(counts.values())
        self.ranges = ranges
        self.classes = [MapClass(f"c{n + 1}", colour, range_label(low, high, loc), low, high)
                        for n, ((low, high), colour)
                        in enumerate(zip(ranges, spread(len(ranges))))]
        self.legend = (*self.classes, no_data_class(loc))

    def counted(self, iso3: str) -> str | None:
        """The code whose count shades the shape: its own, or its State's (Greenland's is
        Denmark's); None: no data."""
        if iso3 in self.counts:
            return iso3
        whole = self.parts.get(iso3)
        return whole if whole in self.counts else None

    def class_of(self, iso3: str) -> MapClass:
        code = self.counted(iso3)
        if code is None:
            return self.legend[-1]
        return next(c for c in self.classes if c.low <= self.counts[code] <= c.high)

    def attributes(self, iso3: str) -> dict[str, object]:
        found: dict[str, object] = {"data-iso3": iso3}
        if iso3 in self.counts:
            found["data-mechanisms"] = self.counts[iso3]
        elif self.counted(iso3):
            found["data-part-of"] = self.parts[iso3]
        return found

    def title(self, iso3: str) -> str:
        loc = self.loc
        code = self.counted(iso3)
        value = loc.number(self.counts[code]) if code else loc.gettext("No data")
        name = loc.country(iso3) if code in (iso3, None) else loc.pgettext(
            "a territory and the State it is part of", "{territory} ({state})",
            territory=loc.country(iso3), state=loc.country(code))
        return loc.labelled(name, value)

    def wanted(self, iso3: str) -> bool:
        """Whether a State too small to see gets a symbol: every State, and a territory
        with data."""
        return iso3 in self.counts or is_state(iso3)


POSTER_MAP_MM, INSET_MM = 298, 94
"""How wide the poster prints its world map and each inset (print.css: the poster)."""
SYMBOL_MM, SMALLEST_MM2 = 1.8, 2.0
"""On the poster: the side of a small State's symbol, and the area on paper under which a
State is one (1.4 mm square), on the world map and in the insets alike."""
INSETS = {"caribbean": N_("The Caribbean"), "europe": N_("Europe"),
          "levant-gulf": N_("The Levant and the Gulf"), "pacific": N_("The Pacific")}
"""The title of each of world.json's insets."""


@dataclass(frozen=True)
class Poster:
    """The map poster: the world map, its insets and the States listed by count."""

    map: Map
    insets: tuple[Map, ...]
    """Each a view of the world map at a larger scale; their legend is the world map's."""
    groups: tuple[tuple[str, str], ...]
    """The States by number of mechanisms, most first: ('7 mechanisms', 'Djibouti, France…')."""
    notes: tuple[str, ...]
    """What the map's dashed and dotted boundaries mean."""
    source: str
    """Where the figures come from, and their date (the citation and the disclaimer are the
    publication settings': compose/imprint.py)."""


def poster(counts: Mapping[str, int], loc: Localiser, edition_date, member_lists: int
           ) -> Poster:
    """The poster's maps: the world on POSTER_MAP_MM, the insets on INSET_MM, their small
    States' symbols of one size on paper. member_lists: how many mechanisms' member lists
    the counts rest on."""
    world = load_world()
    main = world_map(counts, loc, "map-world",
                     Scale.printed(POSTER_MAP_MM, SYMBOL_MM, SMALLEST_MM2))
    shading = Shading(counts, loc, world)
    insets = []
    for inset in world.get("insets", ()):
        region = loc.gettext(INSETS[inset["id"]])
        description = loc.gettext(
            "Inset of the world map: {region}, at a larger scale, each State shaded as on "
            "the world map.", region=region)
        # The Pacific's States are its own (another central meridian); the others are views
        # of the world's geometry, its boundaries included.
        geometry = {"states": inset["states"]} if "states" in inset else world
        svg = draw(f"map-{inset['id']}", description, geometry, inset["viewBox"],
                   shading.class_of, shading.attributes, shading.title, shading.wanted,
                   Scale.printed(INSET_MM, SYMBOL_MM, SMALLEST_MM2))
        insets.append(Map(f"map-{inset['id']}", region, description, svg, main.legend,
                          loc.direction, main.disclaimer, (), ()))
    most_first = sorted(set(counts.values()), reverse=True)  # rows_by_count's order
    groups = tuple((loc.ngettext("{n} mechanism", "{n} mechanisms", n), states)
                   for n, (_, states) in zip(most_first, rows_by_count(counts, loc)))
    source = loc.ngettext(
        "Source: the member lists of {n} inter-State consultation mechanism on migration, "
        "as compiled for ISCM Highlights; data as of {date}.",
        "Source: the member lists of {n} inter-State consultation mechanisms on migration, "
        "as compiled for ISCM Highlights; data as of {date}.", member_lists,
        date=loc.date(edition_date))
    return Poster(main, tuple(insets), groups, boundary_notes(loc), source)


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


def place_symbols(wanted: list[tuple[str, float, float]], side: float, view: list[float]
                  ) -> dict[str, tuple[float, float]]:
    """Where each small State's square symbol goes (its centre) so that no two touch:
    each at its place if free, else at the nearest free place around it, tried on rings
    of growing radius, inside the view. wanted: (code, x, y) of the places, in the order
    they are given a place (west to east, north to south, so that a chain of islands
    spreads one way). Deterministic: the same places give the same answer."""
    x0, y0, width, height = view
    half, clear = side / 2, side * (1 + SYMBOL_GAP)
    placed: dict[str, tuple[float, float]] = {}

    def free(x: float, y: float) -> bool:
        return (x0 + half <= x <= x0 + width - half and y0 + half <= y <= y0 + height - half
                and all(abs(x - px) >= clear or abs(y - py) >= clear
                        for px, py in placed.values()))

    for code, x, y in sorted(wanted, key=lambda w: (round(w[1] / side), w[2], w[0])):
        x, y = min(max(x, x0 + half), x0 + width - half), min(max(y, y0 + half),
                                                                y0 + height - half)
        spot = (x, y)
        ring = 0
        while not free(*spot):
            ring += 1
            radius, steps = ring * clear / 2, 8 * ring
            spots = [(x + radius * math.cos(2 * math.pi * k / steps),
                      y + radius * math.sin(2 * math.pi * k / steps)) for k in range(steps)]
            spot = next((c for c in spots if free(*c)), spot)
            if ring > 400:
                raise ValueError(f"no room for the symbol of {code} in the view {view}")
        placed[code] = spot
    return placed


def square(x: float, y: float, side: float) -> str:
    """SVG path data of a square centred on (x, y)."""
    return (f"M{x - side / 2:.1f} {y - side / 2:.1f}h{side:.1f}v{side:.1f}h{-side:.1f}z")


def draw(id: str, description: str, world: dict, view: list[float], class_of, attributes,
         title, wanted, scale: Scale = A4) -> Markup:
    """The SVG: the frame, then every State in view (a symbol where too small to see), the
    boundaries that are not settled, then the symbols on top, apart, each with a leader
    line to its State if it had to move; disputed areas as no data.

    class_of, attributes and title give each State's MapClass, data attributes and
    tooltip; wanted says which States get a symbol (not the territories without data).
    world: the geometry (world.json, or an inset's own States: the Pacific's).
    """
    x, y, width, height = view
    stroke = width / 2000
    side, smallest = width * scale.symbol, scale.smallest * width * width
    hatch = f"{id}-no-data"
    shapes, small = [], []
    for iso3, state in world["states"].items():
        left, top, right, bottom = state["bounds"]
        if right < x or left > x + width or bottom < y or top > y + height:
            continue
        is_dot = state["area"] < smallest and wanted(iso3)
        if not is_dot and not state["d"]:
            continue
        if is_dot:
            small.append((iso3, *state["dot"]))
            continue
        mapclass = class_of(iso3)
        fill = f"url(#{hatch})" if mapclass.name == "no-data" else mapclass.colour
        shapes.append(shape(mapclass.name, attributes(iso3), fill, state["d"], title(iso3)))
    dots, leaders = [], []
    places = place_symbols(small, side, view)
    for iso3, at_x, at_y in small:
        mapclass, (cx, cy) = class_of(iso3), places[iso3]
        if math.hypot(cx - at_x, cy - at_y) > side * 0.6:
            leaders.append(f"M{at_x:.1f} {at_y:.1f}L{cx:.1f} {cy:.1f}")
        dots.append(shape(f"{mapclass.name} dot", attributes(iso3), mapclass.colour,
                          square(cx, cy, side), title(iso3)))
    disputed = [Markup('<path class="no-data disputed" fill="url(#{})" d="{}"/>').format(
        hatch, area["d"]) for area in world.get("disputed", ())]
    line = round(stroke * 1.6, 2)
    boundaries = [Markup('<path class="boundary {}" stroke-dasharray="{}" d="{}"/>').format(
        b["kind"], " ".join(f"{float(v) * line:g}" for v in BOUNDARY[b["kind"]].split()),
        b["d"]) for b in world.get("boundaries", ())]
    light, dark = NO_DATA
    size = round(width / 400, 2)
    frame = Markup('<path class="frame" d="{}" fill="none" stroke="#b0b0b0" '
                   'stroke-width="{}"/>').format(world["outline"], round(stroke * 1.5, 2)) \
        if "outline" in world else Markup("")
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="map" id="{id}" role="img" '
        'aria-label="{label}" '
        'viewBox="{view}" preserveAspectRatio="xMidYMid meet" width="100%">'
        '<title>{label}</title><defs><pattern id="{hatch}" width="{size}" height="{size}" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="{size}" height="{size}" fill="{light}"/>'
        '<rect width="{line}" height="{size}" fill="{dark}"/></pattern></defs>'
        '{frame}'
        '<g class="states" stroke="#ffffff" stroke-width="{stroke}" stroke-linejoin="round">'
        '{shapes}</g>'
        '<g class="boundaries" fill="none" stroke="#4d4d4d" stroke-width="{boundary_w}">'
        '{boundaries}</g>'
        '<g class="leaders" fill="none" stroke="#4d4d4d" stroke-width="{leader_w}">'
        '{leaders}</g>'
        '<g class="dots" stroke="#404040" stroke-width="{dot_w}">{dots}</g></svg>'
    ).format(id=id, label=description, view=" ".join(f"{v:g}" for v in view), hatch=hatch,
             size=size, light=light, dark=dark, line=round(size / 3, 2), frame=frame,
             stroke=round(stroke, 2), shapes=Markup("").join(shapes + disputed),
             boundary_w=line, boundaries=Markup("").join(boundaries),
             leader_w=round(stroke * 0.8, 2),
             leaders=Markup("").join(Markup('<path d="{}"/>').format(d) for d in leaders),
             dots=Markup("").join(dots), dot_w=round(stroke * 1.2, 2))


def shape(name: str, attributes: dict[str, object], fill: str, d: str, title: str) -> Markup:
    """One State's path: its class, data attributes, fill and tooltip."""
    data = "".join(f' {k}="{escape(v)}"' for k, v in attributes.items())
    return Markup('<path class="{}"{} fill="{}" d="{}"><title>{}</title></path>').format(
        name, Markup(data), fill, d, title)


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


def path_data(points_of_rings: list[list[tuple[float, float]]], closed: bool = True) -> str:
    """Compact SVG path data in whole units: each ring moved to, then relative lines
    (closed: areas; open: lines such as boundaries)."""
    parts = []
    for ring in points_of_rings:
        points = [(round(x), round(y)) for x, y in ring]
        steps = "".join(f"{dx:+d}{dy:+d}" for dx, dy in (
            (x - px, y - py) for (px, py), (x, y) in zip(points, points[1:])))
        parts.append(f"M{points[0][0]} {points[0][1]}l{steps}{'z' if closed else ''}"
                     .replace("l+", "l").replace("+", " "))
    return "".join(parts)


def clip_segment(a: tuple[float, float], b: tuple[float, float],
                 box: tuple[float, float, float, float]
                 ) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment a-b inside a rectangle (Liang–Barsky); None when none is."""
    left, top, right, bottom = box
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    start, end = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            start = max(start, t)
        else:
            end = min(end, t)
        if start > end:
            return None
    return (x0 + start * dx, y0 + start * dy), (x0 + end * dx, y0 + end * dy)


def clip_line(d: str, box: tuple[float, float, float, float]) -> str:
    """Open path data (a boundary line) cut to a rectangle: the runs of it inside, each
    its own line; '' when nothing of it is inside."""
    runs: list[list[tuple[float, float]]] = []
    for line in rings(d):
        previous_end = None
        for a, b in zip(line, line[1:]):
            if (part := clip_segment(a, b, box)) is None:
                previous_end = None
                continue
            if previous_end != part[0] or not runs:
                runs.append([part[0]])
            runs[-1].append(part[1])
            previous_end = part[1] if part[1] == b else None
    return path_data([run for run in runs if len(run) >= 2], closed=False)


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
    if "boundaries" in world:  # lines, not areas: cut, not closed
        cut["boundaries"] = [dict(line, d=found) for line in world["boundaries"]
                             if (found := clip_line(line["d"], box))]
    return cut
