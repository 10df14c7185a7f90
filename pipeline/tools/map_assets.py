"""Maintainer's tool: project Natural Earth's countries once and write the map asset
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
SOURCE = PACKAGE_DIR / "node_modules" / "world-atlas" / "countries-50m.json"
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
MISSING = {"TUV": (179.19, -8.52), "TKL": (-171.85, -9.17)}
"""Lon, lat of the main island of States and territories absent at 1:50m (a dot only)."""


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


def cut_at_antimeridian(arc: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """An arc in pieces that each stay on one side of 180°.

    world-atlas is made for spherical renderers (d3-geo), which cut at the
    antimeridian themselves: Chukotka, Wrangel Island and a Fijian island run
    across it, and drawn flat that edge is a line across the whole world.
    """
    pieces = [[arc[0]]]
    for (x0, y0), (x1, y1) in zip(arc, arc[1:]):
        if abs(x1 - x0) > 180:
            edge = 180.0 if x0 > 0 else -180.0
            span = abs(edge - x0) + abs(x1 + edge)
            lat = y0 + (y1 - y0) * (abs(edge - x0) / span if span else 0.0)
            pieces[-1].append((edge, lat))
            pieces.append([(-edge, lat)])
        pieces[-1].append((x1, y1))
    return [[p for i, p in enumerate(piece) if i == 0 or p != piece[i - 1]] for piece in pieces]


class Projection:
    """Lon/lat to grid units: Equal Earth, scaled so that ±180° spans GRID_WIDTH, y down."""

    def __init__(self):
        self.transformer = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
        west, _ = self.transformer.transform(-180, 0)
        self.scale = GRID_WIDTH / (-2 * west)
        self.x0, self.y0 = west, self.transformer.transform(0, NORTH)[1]

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
        self.lonlat = [cut_at_antimeridian(arc) for arc in decode_arcs(topology)]
        self.projected = [[projection(piece) for piece in arc] for arc in self.lonlat]
        self.grid = [[simplified(piece) for piece in arc] for arc in self.projected]

    def polygons(self, rings: list[list[int]]) -> list[tuple[Polygon, list[list]]]:
        """A TopoJSON polygon as shapely polygons (unsimplified, for areas and dots), each
        with its rings on the grid; two when it crosses 180°, each closed along the edge."""
        runs = [[ring_runs(r, arcs) for r in rings]
                for arcs in (self.lonlat, self.projected, self.grid)]
        if all(len(r) == 1 for r in runs[0]):
            shell, *holes = (r[0] for r in runs[1])
            return [(Polygon(shell, holes), [r[0] for r in runs[2]])]
        if len(rings) > 1:
            raise ValueError("a polygon with holes crosses 180°")
        split = []
        for lonlat, projected, grid in zip(runs[0][0], runs[1][0], runs[2][0]):
            (edge, south), (_, north) = lonlat[-1], lonlat[0]
            steps = max(2, int(abs(north - south)))
            closing = self.projection([(edge, south + (north - south) * i / steps)
                                       for i in range(1, steps)])
            split.append((Polygon(projected + closing),
                          [grid + [(round(x), round(y)) for x, y in closing]]))
        return split


def build_asset(topology: dict) -> dict:
    """Every State's path, dot, bounds and area, and the disputed areas, in grid units."""
    projection = Projection()
    geometry = Geometry(topology, projection)
    codes = state_codes()
    rings: dict[str, list] = {}
    parts: dict[str, list[Polygon]] = {}
    disputed = []
    for feature in topology["objects"]["countries"]["geometries"]:
        name = feature["properties"]["name"]
        if name in DROPPED:
            continue
        polys = [split for p in polygons(feature) for split in geometry.polygons(p)]
        if name in DISPUTED:
            disputed.append({"name": name, "d": path([r for _, rs in polys for r in rs])})
            continue
        iso3 = BY_NAME.get(name) or codes[feature["id"]]
        rings.setdefault(iso3, []).extend(r for _, rs in polys for r in rs)
        parts.setdefault(iso3, []).extend(shapely.make_valid(p) for p, _ in polys)
    states = {}
    for iso3 in sorted(rings):
        flat = [g for p in parts[iso3] for g in getattr(p, "geoms", [p])
                if isinstance(g, Polygon)]
        states[iso3] = {"d": path(rings[iso3]), **shape_of(flat)}
    for iso3, (lon, lat) in MISSING.items():
        (x, y), = projection([(lon, lat)])
        states[iso3] = {"d": "", **shape_of([Point(x, y).buffer(0.5)])}
    return {"viewBox": [0, 0, GRID_WIDTH, round(projection([(0, SOUTH)])[0][1])],
            "outline": outline(projection), "states": dict(sorted(states.items())),
            "disputed": disputed}


def source_text(version: str, integrity: str, licence: str) -> str:
    """SOURCE.txt: where the geometry comes from, its terms, and what was done to it."""
    return f"""Map geometry: templates/assets/map/world.json

Source: Natural Earth, Admin 0 - Countries, 1:50m, version 4.1.0
(https://www.naturalearthdata.com/), as TopoJSON in the npm package
world-atlas {version} (countries-50m.json), pinned in tools/map-assets/package-lock.json
({integrity}).

Natural Earth is in the public domain: "All versions of Natural Earth raster + vector
map data found on this website are in the public domain." Made with Natural Earth.
Free vector and raster map data @ naturalearthdata.com.

world-atlas, which converted the data to TopoJSON, is under the ISC licence:

{licence.strip()}

Made by `make map-assets` (pipeline/tools/map_assets.py) with pyproj and shapely:
projected to Equal Earth ({CRS}), cut at 180 degrees, each shared border simplified
once (Douglas-Peucker, tolerance {TOLERANCE} unit) on a grid of {GRID_WIDTH} units across
the world; Antarctica left out; Northern Cyprus drawn as part of Cyprus, Somaliland of
Somalia, Taiwan of China, the Australian Indian Ocean territories of Australia, as on
United Nations maps; Kosovo as XKX, Siachen Glacier as a disputed area; Tuvalu and
Tokelau, absent at 1:50m, as a dot. Any map drawn from it carries the disclaimer: "The
boundaries and names shown and the designations used on this map do not imply official
endorsement or acceptance by IOM."
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    package = args.source.parent
    version = json.loads((package / "package.json").read_text())["version"]
    lock = json.loads((PACKAGE_DIR / "package-lock.json").read_text())
    integrity = lock["packages"]["node_modules/world-atlas"]["integrity"]
    asset = {"source": f"world-atlas {version}, countries-50m.json (Natural Earth 4.1.0)",
             "crs": CRS, **build_asset(json.loads(args.source.read_text(encoding="utf-8")))}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "world.json"
    target.write_text(json.dumps(asset, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    (args.out / "SOURCE.txt").write_text(
        source_text(version, integrity, (package / "LICENSE").read_text()), encoding="utf-8")
    print(f"{target}: {len(asset['states'])} States and territories, "
          f"{target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
