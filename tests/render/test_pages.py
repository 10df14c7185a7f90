"""Rendering: golden HTML, escaping of untrusted text, the structure readers rely on."""

import copy
import datetime as dt
import re

import pytest

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import plan
from pipeline.publish.outputs import DOCUMENTS
from pipeline.render import pages
from tests.conftest import GOLDEN_PLAN, MECHANISM_ROWS, MEETING_ROWS, write_inputs
from tests.update_golden import GOLDEN, golden_files


@pytest.fixture(scope="module")
def golden():
    return golden_files()


@pytest.mark.parametrize("name", ["iscm-highlights-2025-en.html", "iscm-table-2025-en.html",
                                  "iscm-calendar-2025-en.html", "iscm-profiles-2025-en.html",
                                  *(f"mechanisms-2025-{lang}.html" for lang in LANGUAGES),
                                  GOLDEN_PLAN.name])
def test_the_golden_files_match(golden, name):
    """If this fails on purpose, run `make golden` and read the diff before committing."""
    assert golden[name] == (GOLDEN / name).read_text(encoding="utf-8")


def render_with(tmp_path, mechanisms=None, meetings=None, kind="bulletin", lang="en"):
    folder = write_inputs(tmp_path / "in", mechanisms=mechanisms, meetings=meetings)
    config = load_config(folder, tmp_path / "out")
    data, _ = build.bulletin_data(config)
    document = next(d for d in DOCUMENTS if d.kind == kind)
    return pages.render_html(data, document.template, lang, config,
                              plan.switcher(document, data.year, config.langs), document.title,
                              document.product)


HOSTILE = ('<script>alert(1)</script><img src=x onerror=alert(1)>'
           'url(file:///etc/passwd) http://169.254.169.254/')


def test_untrusted_text_is_shown_literally(tmp_path):
    meetings = copy.deepcopy(MEETING_ROWS)
    meetings[0]["summary"] = HOSTILE
    mechanisms = copy.deepcopy(MECHANISM_ROWS)
    mechanisms[0]["secretariat"] = HOSTILE
    html = render_with(tmp_path, mechanisms, meetings)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_bulletin_structure(tmp_path):
    html = render_with(tmp_path)
    assert html.count("<h1") == 1
    assert '<html lang="en" dir="ltr">' in html
    levels = [int(h) for h in re.findall(r"<h([1-6])", html)]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"
    for section in ("key-figures", "about", "highlights", "calendar", "themes", "iom-role",
                    "not-active"):
        assert f'id="{section}"' in html and f'href="#{section}"' in html
    assert ("The 4th MIDSA Ministerial Meeting, held on 23–24 January 2025 in Windhoek, "
            "Namibia, adopted the <cite>Windhoek Declaration</cite>.") in html


def test_table_groups_by_type_then_region(tmp_path):
    html = render_with(tmp_path, kind="table")
    groups = re.findall(r'<th scope="colgroup" colspan="8">([^<]+)</th>', html)
    assert groups == ["Regional consultative processes (RCPs) · Africa",
                      "Regional consultative processes (RCPs) · Americas",
                      "Regional consultative processes (RCPs) · Asia-Pacific",
                      "Global processes · Global"]
    assert "Angola, Botswana, Eswatini, Namibia, South Africa" in html
    assert '<span class="count">5 Member States</span> Angola' in html


def test_arabic_page_is_right_to_left_and_links_the_other_languages(tmp_path):
    html = render_with(tmp_path, lang="ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<title>آليات التشاور بشأن الهجرة 2025 · أبرز الأحداث</title>" in html
    links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', html)
    assert links == [(f"iscm-highlights-2025-{x}.html", x) for x in LANGUAGES]
    assert 'hreflang="ar" lang="ar" aria-current="page"' in html


def test_table_names_a_mechanism_in_the_readers_language_only(tmp_path):
    """The other languages' names are the profiles' (all five there): the table gives the
    name in the reader's language, its acronym and its regions."""
    mechanisms = copy.deepcopy(MECHANISM_ROWS)
    mechanisms[2]["name_ru"] = "Глобальный форум по миграции и развитию"
    ru = render_with(tmp_path, mechanisms, kind="table", lang="ru")
    gfmd = ru[ru.index('id="t-gfmd"'):][:1200]
    assert 'class="name">Глобальный форум по миграции и развитию</span>' in gfmd
    assert "Global Forum on Migration and Development" not in gfmd
    assert '<b class="acronym"><bdi>GFMD</bdi></b> · Весь мир' in gfmd
    midwa = ru[ru.index('id="t-midwa"'):][:600]  # no Russian name: English shown, marked
    assert 'class="name"><span lang="en" dir="ltr">Migration Dialogue for West Africa' in midwa


SWAZILAND = {"en": "Swaziland", "fr": "Swaziland", "es": "Swazilandia", "ru": "Свазиленд",
             "ar": "سوازيلند"}
ESWATINI = {"en": "Eswatini", "fr": "Eswatini", "es": "Eswatini", "ru": "Эсватини",
            "ar": "إسواتيني"}


@pytest.mark.parametrize("day, shown, not_shown", [
    (dt.date(2018, 4, 18), SWAZILAND, ESWATINI), (dt.date(2018, 4, 19), ESWATINI, SWAZILAND)])
def test_an_edition_prints_the_names_in_force_on_its_date(tmp_path, day, shown, not_shown):
    """The small inputs name Eswatini a member of MIDSA: an edition dated the day before the
    UN's change (19 April 2018) prints its former name, in every document and language (the
    pages and the table's sheet); one dated that day, the new one. The data keeps ISO3."""
    config = load_config(write_inputs(tmp_path / "in"), tmp_path / "out",
                         langs=",".join(LANGUAGES), edition_date=day)
    data, _ = build.bulletin_data(config)
    assert "SWZ" in {p.code for m in data.mechanisms for p in m.members}
    table = next(d for d in DOCUMENTS if d.kind == "table")
    for lang in LANGUAGES:
        texts = [pages.render_html(data, d.template, lang, config) for d in DOCUMENTS]
        sheet = str(pages.table_sheet(data, lang)[2])
        assert shown[lang] in pages.render_html(data, table.template, lang, config)
        assert shown[lang] in sheet
        assert not [text for text in texts + [sheet] if not_shown[lang] in text], lang


def test_the_calendar_is_one_table_with_month_rows_a_year_strip_and_a_key(shipped):
    """The shipped calendar: one table (one header row, repeated by the PDF on each page), a
    group row per month with meetings; the year at a glance with every month and a dot per
    meeting; no status column, every meeting being held; no upcoming block, none being
    planned; the acronyms it uses with their names."""
    from tests.compose.test_profiles import shipped_data

    data = shipped_data(shipped)
    assert {m.status for m in data.calendar} == {"held"}
    html = (shipped.folder / f"iscm-calendar-{data.year}-en.html").read_text(encoding="utf-8")
    assert html.count("<table") == html.count("<thead>") == 1
    months = sorted({m.start.month for m in data.calendar})
    assert re.findall(r'<tr class="month"><th scope="colgroup" colspan="5" id="month-(\d+)">',
                      html) == [str(m) for m in months]
    assert html.count('<span class="glance-month">') == 12
    assert html.count('class="glance-dot status-held"') == len(data.calendar)
    assert ">Status</th>" not in html and 'id="upcoming-title"' not in html
    key = re.search(r'<dl class="acronym-key">(.*?)</dl>', html, re.S)[1]
    assert "<dt><bdi>GFMD</bdi></dt><dd>Global Forum on Migration and Development</dd>" \
        in key.replace("\n", "")
    bulletin = (shipped.folder / f"iscm-highlights-{data.year}-en.html").read_text("utf-8")
    calendar = bulletin[bulletin.index('<section id="calendar"'):]
    assert calendar[:calendar.index("</section>")].count("<table") == 1


def matrix_rows(html: str) -> list[str]:
    matrix = html[html.index('<table class="matrix">'):]
    return [re.sub(r"<[^>]+>|[\u2066-\u2069]", "", row) for row in re.findall(
        r'<tr><th scope="row">(.*?)</th>', matrix[:matrix.index("</table>")])]


def test_the_theme_matrix_rows_are_in_the_same_order_in_every_language(shipped):
    """By the acronym the data writes: an Arabic page once sorted its Latin acronyms ahead
    of its Arabic short names. The heads turn in print: each is wrapped to be turned."""
    year = shipped.folder.name
    pages = {lang: (shipped.folder / f"iscm-highlights-{year}-{lang}.html").read_text("utf-8")
             for lang in ("en", "ar")}
    english, arabic = matrix_rows(pages["en"]), matrix_rows(pages["ar"])
    assert english == sorted(english, key=str.casefold) and len(english) == len(arabic) > 20
    assert [i for i, head in enumerate(english) if head.isascii() and head.isupper()] == \
        [i for i, head in enumerate(arabic) if head.isascii() and head.isupper()]
    assert pages["en"].count('<th scope="col"><span class="head">') > 10
