"""Rendering: golden HTML, escaping of untrusted text, the structure readers rely on."""

import copy
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
    groups = re.findall(r'<th scope="colgroup" colspan="9">([^<]+)</th>', html)
    assert groups == ["Regional consultative processes (RCPs) · Africa",
                      "Regional consultative processes (RCPs) · Americas",
                      "Regional consultative processes (RCPs) · Asia-Pacific",
                      "Global processes · Global"]
    assert "Angola, Botswana, Eswatini, Namibia, South Africa" in html
    assert "Total: 5" in html


def test_arabic_page_is_right_to_left_and_links_the_other_languages(tmp_path):
    html = render_with(tmp_path, lang="ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<title>آليات التشاور بشأن الهجرة 2025 · أبرز الأحداث</title>" in html
    links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', html)
    assert links == [(f"iscm-highlights-2025-{x}.html", x) for x in LANGUAGES]
    assert 'hreflang="ar" lang="ar" aria-current="page"' in html


def test_table_shows_other_names_without_repeating_the_name_shown(tmp_path):
    mechanisms = copy.deepcopy(MECHANISM_ROWS)
    mechanisms[2]["name_ru"] = "Глобальный форум по миграции и развитию"
    ru = render_with(tmp_path, mechanisms, kind="table", lang="ru")
    gfmd = ru[ru.index('id="t-gfmd"'):][:600]
    assert 'class="name">Глобальный форум по миграции и развитию</span>' in gfmd
    assert 'lang="en">Global Forum on Migration and Development</span>' in gfmd
    midwa = ru[ru.index('id="t-midwa"'):][:600]  # no Russian name: English shown, once
    assert midwa.count("Migration Dialogue for West Africa") == 1
