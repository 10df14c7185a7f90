"""Rendering: golden HTML, escaping of untrusted text, the structure readers rely on."""

import copy
import re

import pytest

from pipeline import aggregate, ingest, render, validate
from pipeline.config import LANGUAGES, load_config
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, write_inputs
from tests.update_golden import GOLDEN, golden_files


@pytest.fixture(scope="module")
def golden():
    return golden_files()


@pytest.mark.parametrize("name", ["iscm-highlights-2025-en.html", "iscm-table-2025-en.html",
                                  *(f"mechanisms-2025-{lang}.html" for lang in LANGUAGES)])
def test_html_matches_golden(golden, name):
    """If this fails on purpose, run `make golden` and read the diff before committing."""
    assert golden[name] == (GOLDEN / name).read_text(encoding="utf-8")


def render_with(tmp_path, mechanisms=None, meetings=None, kind=render.BULLETIN):
    folder = write_inputs(tmp_path / "in", mechanisms=mechanisms, meetings=meetings)
    tables, report = validate.check(ingest.read_inputs(folder))
    assert report.errors == ()
    data = aggregate.summarise(tables, report.year)
    return render.render_html(data, kind, "en", load_config(folder, tmp_path / "out"))


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
    assert "The 4th Ministerial Meeting, 23–24 January 2025 in Windhoek, Namibia" in html


def test_table_groups_by_type_then_region(tmp_path):
    html = render_with(tmp_path, kind=render.TABLE)
    groups = re.findall(r'<th scope="colgroup" colspan="9">([^<]+)</th>', html)
    assert groups == ["Regional consultative processes (RCPs) · Africa",
                      "Regional consultative processes (RCPs) · Americas",
                      "Regional consultative processes (RCPs) · Asia-Pacific",
                      "Global processes · Global"]
    assert "Angola, Botswana, Eswatini, Namibia, South Africa" in html
    assert "Total: 5" in html
