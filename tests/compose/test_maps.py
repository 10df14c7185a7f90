"""World maps: every State drawn, each shape carrying its count, classes from the data,
the legend in the reader's language and direction, the disclaimer translated, the
geometry's source named, and no projection library in the build."""

import csv
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
DISCLAIMER = ("The boundaries and names shown and the designations used on this map do not "
              "imply official endorsement or acceptance by IOM.")


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
    assert {"fr": "OIM", "es": "OIM", "ru": "МОМ", "ar": "المنظمة الدولية للهجرة"}[lang] in text


def test_the_assets_source_names_natural_earth_and_the_pinned_package():
    lock = json.loads((ROOT / "tools" / "map-assets" / "package-lock.json").read_text())
    version = lock["packages"]["node_modules/world-atlas"]["version"]
    source = (WORLD.parent / "SOURCE.txt").read_text(encoding="utf-8")
    assert "Natural Earth" in source and "public domain" in source
    assert f"world-atlas {version}" in source and "ISC" in source
    assert load_world()["source"].startswith(f"world-atlas {version}")
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
def test_the_posters_pdf_has_the_maps_alternative_text_its_legend_and_counts(
        shipped_pdf, kind, lang):
    """The poster's one figure: its /Alt is the map's description; the legend and the
    table of counts are text (the PDF/UA checks of the poster: test_pdfua)."""
    alts = alternative_texts(shipped_pdf(kind, lang))
    assert alts == [map_description(shipped_pdf.html(kind, lang))]
    loc = Localiser(lang)
    text = shipped_pdf.text(kind, lang)
    assert loc.country("FRA") in text and no_data_class(loc).label in text


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
    assert uncounted and all("no-data" in p.get("class").split() for p in uncounted)


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
