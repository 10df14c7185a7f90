"""The mechanism profiles: who gets a page, what it holds, and the PDF (pages, bookmarks)."""

import copy
import datetime as dt
import re

import pytest
from markupsafe import escape

from pipeline import build
from pipeline.compose.imprint import imprint
from pipeline.compose.names import Names
from pipeline.compose.profiles import DENSE, Profile, profiles, recent_years
from pipeline.config import LANGUAGES, load_config
from pipeline.lang.localiser import Localiser
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, pdf_cases, write_inputs
from tests.pdfcheck import BIDI_CONTROLS, bookmarks, pdf_text


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    mechanisms = copy.deepcopy(MECHANISM_ROWS)
    mechanisms.append({"id": "new", "acronym": "NMD", "name_en": "New Migration Dialogue",
                       "name_ar": "حوار الهجرة الجديد", "type": "RCP", "status": "emerging",
                       "region": "Africa"})
    meetings = copy.deepcopy(MEETING_ROWS) + [
        {"mechanism_id": "midsa", "title": "MIDSA Technical Meeting", "level": "technical",
         "start_date": dt.date(2023, 9, 4), "city": "Maputo", "country": "Mozambique"},
        {"mechanism_id": "midsa", "title": "MIDSA Ministerial Meeting", "level": "ministerial",
         "start_date": dt.date(2022, 9, 4), "city": "Luanda", "country": "Angola"},
    ]
    folder = write_inputs(tmp_path_factory.mktemp("profiles") / "inputs", mechanisms,
                          meetings=meetings)
    config = load_config(folder, folder.parent / "out", edition_date=dt.date(2025, 12, 31))
    return build.bulletin_data(config)[0]


def test_active_and_emerging_mechanisms_get_a_profile_alphabetically(data):
    found = profiles(data, Localiser("en"))
    assert [p.mechanism.id for p in found] == ["gfmd", "midsa", "midwa", "new", "rcm"]
    assert "apc" not in [p.mechanism.id for p in found]  # inactive


def test_a_profile_names_the_mechanism_in_the_languages_the_inputs_give(data):
    by_id = {p.mechanism.id: p for p in profiles(data, Localiser("fr"))}
    assert [(n.lang, n.language, n.text) for n in by_id["gfmd"].names] == [
        ("en", "Anglais", "Global Forum on Migration and Development"),
        ("fr", "Français", "Forum mondial sur la migration et le développement"),
        ("es", "Espagnol", "Foro Mundial sobre Migración y Desarrollo")]
    arabic = by_id["new"].names[-1]
    assert (arabic.lang, arabic.dir, arabic.text) == ("ar", "rtl", "حوار الهجرة الجديد")


def test_the_map_highlights_the_members_and_is_left_out_without_a_member_list(data):
    by_id = {p.mechanism.id: p for p in profiles(data, Localiser("en"))}
    midsa = by_id["midsa"].map
    assert sorted(re.findall(r'data-iso3="(\w+)" data-member="yes"', midsa.svg)) == [
        "AGO", "BWA", "NAM", "SWZ", "ZAF"]
    assert "Migration Dialogue for Southern Africa" in midsa.description
    assert by_id["gfmd"].map is None and by_id["new"].map is None


def test_a_profile_lists_the_meetings_of_the_last_three_years_latest_first(data):
    midsa = next(p for p in profiles(data, Localiser("en")) if p.mechanism.id == "midsa")
    assert [(m.start.year, m.title) for m in midsa.meetings] == [
        (2025, "MIDSA Ministerial Meeting"), (2023, "MIDSA Technical Meeting")]  # not 2022
    assert recent_years(data, Localiser("en")) == "2023–2025"
    assert recent_years(data, Localiser("fr")) == "2023–2025"  # no digit grouping: not 2 023


@pytest.mark.parametrize("kind, lang", pdf_cases(["profiles"]))
def test_the_pdf_has_a_page_and_a_bookmark_per_profile(shipped, shipped_pdf, kind, lang):
    mechanisms = [m for m in shipped_data(shipped).mechanisms
                  if m.status in ("active", "emerging")]
    assert len(mechanisms) == 24  # the shipped inputs' active and emerging mechanisms
    assert_a_page_and_a_bookmark_per_profile(shipped_pdf(kind, lang), shipped_pdf.html(kind, lang),
                                             mechanisms, lang)


def test_the_small_inputs_pdf_has_a_page_and_a_bookmark_per_profile(small_build):
    config, result = small_build
    pdf = result.folder / "iscm-profiles-2025-en.pdf"
    mechanisms = [m for m in build.bulletin_data(config)[0].mechanisms
                  if m.status in ("active", "emerging")]
    assert [m.id for m in mechanisms] == ["gfmd", "midsa", "midwa", "rcm"]
    assert_a_page_and_a_bookmark_per_profile(
        pdf, pdf.with_suffix(".html").read_text(encoding="utf-8"), mechanisms, "en")


def assert_a_page_and_a_bookmark_per_profile(pdf, html: str, mechanisms, lang: str) -> None:
    """One page per mechanism after the contents, bookmarked by its heading, which
    names it."""
    ids = re.findall(r'<section class="profile[ \w]*" id="p-([\w-]+)"', html)
    assert sorted(ids) == sorted(m.id for m in mechanisms)
    from pypdf import PdfReader
    assert len(PdfReader(pdf).pages) == len(ids) + 3  # the cover, the contents, the back cover
    headings = [" ".join(re.sub(r"<[^>]+>", "", h).split()) for h in re.findall(
        r'<h2 id="p-[\w-]+-title" class="profile-title"[^>]*>(.*?)</h2>', html, re.S)]
    marks = [" ".join(m.translate(BIDI_CONTROLS).split()) for m in bookmarks(pdf)]
    # The profiles' headings, then the back cover's (the series' title).
    assert marks[:-1] == [h.translate(BIDI_CONTROLS).replace("&amp;", "&").replace("&#39;", "'")
                          for h in headings]
    assert re.search(r'<h2 id="back-cover-title"[^>]*>([^<]*)</h2>', html).group(1).replace(
        "\u00a0", " ") == marks[-1].replace("\u00a0", " ")
    text = " ".join(pdf_text(pdf).translate(BIDI_CONTROLS).split())
    words = set(re.findall(r"\w+", text))
    names = Names(Localiser(lang))
    for mechanism in mechanisms:
        name = " ".join(names.mechanism_name(mechanism).split())
        if lang == "ar":  # the PDF's Arabic text is in visual order, its brackets mirrored
            assert set(re.findall(r"\w+", name)) <= words, name
        else:
            assert name in text, name


def shipped_data(shipped):
    from tests.conftest import SHIPPED_INPUTS
    config = load_config(SHIPPED_INPUTS, shipped.folder.parent, langs=",".join(LANGUAGES))
    return build.bulletin_data(config)[0]


def test_a_profile_with_many_meetings_is_set_tighter(data):
    midsa = next(p for p in profiles(data, Localiser("en")) if p.mechanism.id == "midsa")
    assert not midsa.dense
    crowded = Profile(midsa.mechanism, midsa.names, midsa.map, midsa.meetings * (DENSE // 2 + 1))
    assert crowded.dense


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_profiles_html_is_under_500_kb_and_says_the_disclaimer_once(shipped, lang):
    """The locator maps carry only their region (compose/maps.py, locator): the page of 24
    profiles stays light (it weighed 2.1 MB with the whole world on every map), and the
    maps' disclaimer is printed once, not under every map."""
    path = shipped.folder / f"iscm-profiles-{shipped.folder.name}-{lang}.html"
    assert path.stat().st_size < 500_000
    html = path.read_text(encoding="utf-8")
    mechanisms = [m for m in shipped_data(shipped).mechanisms
                  if m.status in ("active", "emerging")]
    # A map on every profile with a member list (two of the 24 have none).
    assert html.count('class="profile-map"') == sum(1 for m in mechanisms if m.members) == 22
    # The disclaimer of the publication settings (the shipped ones give it in every language).
    said = imprint(shipped_data(shipped), Localiser(lang), "").disclaimer
    assert html.count(str(escape(said))) == 1
