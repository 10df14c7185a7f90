"""The publication settings (inputs/publication.xlsx): each read by its kind, located when
wrong, per language where the registry says so, and worded for a document by the imprint."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline import validate
from pipeline.compose.imprint import imprint, publishers
from pipeline.lang.localiser import Localiser
from pipeline.read import ingest
from pipeline.validate.publication import SETTINGS, isbn_valid, issn_check
from tests.conftest import write_inputs
from tests.test_edition import write_publication

HEADERS = ("setting", "value", "value_fr", "value_ar")


def settings_of(tmp_path, rows, headers=HEADERS, files=None):
    folder = write_inputs(tmp_path / "in")
    write_publication(folder, rows, headers)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    tables, report = validate.check(ingest.read_inputs(folder), 2025)
    found = [(p.row, p.column, p.code, p.severity, p.value, p.message)
             for p in report.problems if p.file == "publication.xlsx"]
    return tables.publication, found


def test_the_settings_are_read_per_language_with_their_patterns(tmp_path):
    publication, problems = settings_of(tmp_path, [
        ("publisher", "International Organization for Migration (IOM)",
         "Organisation internationale pour les migrations (OIM)", None),
        ("Adresse", "17 route des Morillons\n\n1211 Geneva 19  ", None, None),
        ("copyright", "© IOM {year}", "© OIM {year}", None),
        ("ISSN", "ISSN 0378-5955", None, None),
        ("isbn", "978-92-9268-000-8", None, None),
    ])
    assert problems == []
    assert publication.values["address"] == "17 route des Morillons\n1211 Geneva 19"
    assert publication.values["issn"] == "0378-5955"
    assert publishers(publication) == {
        "en": "International Organization for Migration (IOM)",
        "fr": "Organisation internationale pour les migrations (OIM)",
        "es": "International Organization for Migration (IOM)",
        "ru": "International Organization for Migration (IOM)",
        "ar": "International Organization for Migration (IOM)"}


@pytest.mark.parametrize("setting, value, code, message", [
    ("issn", "0378-5956", "bad-issn", "is not a valid ISSN: its check digit should be 5"),
    ("issn", "12345", "bad-issn",
     "is not an ISSN: eight digits (the last may be X), written 1234-5679"),
    ("isbn", "978-92-9268-000-1", "bad-isbn",
     "is not a valid ISBN: its check digit does not match"),
    ("citation", "{publisher} ({year}). {title}.", "bad-placeholder",
     "names {publisher}, which this setting does not fill in"),
    ("copyright", "© IOM {year", "bad-placeholder",
     "names { }, which this setting does not fill in"),
    ("logo", "../logo.svg", "bad-logo",
     "is a path, not the name of a file in the inputs folder"),
    ("logo", "logo.gif", "bad-logo", "is not an SVG or PNG file"),
    ("logo", "logo.svg", "logo-missing", None),
    ("calendar_domain", "not a domain", "bad-domain", "is not an internet domain name"),
])
def test_a_bad_setting_is_an_error_located_by_its_row(tmp_path, setting, value, code, message):
    publication, problems = settings_of(tmp_path, [("publisher", "IOM", None, None),
                                                   (setting, value, None, None)])
    assert [(row, column, found, severity, cell) for row, column, found, severity, cell, _
            in problems] == [(3, "value", code, "error", value)]
    if message:
        assert problems[0][5] == message
    assert setting not in publication.values


def test_a_logo_with_a_script_is_refused_and_a_plain_one_embedded(tmp_path):
    plain = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" ' \
        b'height="10"/></svg>'
    scripted = plain.replace(b"<rect", b"<script>alert(1)</script><rect")
    publication, problems = settings_of(tmp_path, [("logo", "logo.svg", None, None)],
                                        files={"logo.svg": plain})
    assert problems == [] and publication.values["logo"].data == plain
    assert publication.values["logo"].data_uri.startswith("data:image/svg+xml;base64,")
    publication, problems = settings_of(tmp_path, [("logo", "logo.svg", None, None)],
                                        files={"logo.svg": scripted})
    assert [p[2:] for p in problems] == [
        ("bad-logo", "error", "logo.svg",
         "holds a <script> element, which a printed logo may not hold")]


def test_a_value_in_another_language_of_a_single_setting_is_a_warning(tmp_path):
    publication, problems = settings_of(tmp_path, [("issn", "0378-5955", "0378-5955", None)])
    assert problems == [(2, "value_fr", "ignored-value", "warning", "0378-5955",
                         "'issn' has one value for every language: this cell is not read")]
    assert publication.values == {"issn": "0378-5955"}


def test_the_same_setting_twice_with_two_values_is_an_error(tmp_path):
    _, problems = settings_of(tmp_path, [("publisher", "IOM", None, None),
                                         ("éditeur", "OIM", None, None)])
    assert [p[:3] for p in problems] == [(3, "setting", "duplicate-setting")]


def test_the_check_digits_follow_iso_3297_and_isbn():
    assert issn_check("0378595") == "5" and issn_check("1234561") == "X"
    assert isbn_valid("9789292680008") and not isbn_valid("9789292680001")
    assert isbn_valid("0306406152")


def test_the_imprint_takes_the_reader_s_language_and_fills_in_the_patterns(tmp_path):
    publication, problems = settings_of(tmp_path, [
        ("publisher", "IOM", "OIM", "المنظمة الدولية للهجرة"),
        ("citation", "IOM ({year}). {title}. Geneva.", "OIM ({year}). {title}. Genève.", None),
        ("document_symbol", "IOM/ISCM/2025/1", None, None),
    ])
    assert problems == []
    data = type("Data", (), {"publication": publication,
                             "edition_date": dt.date(2025, 12, 18)})()
    french = imprint(data, Localiser("fr"), "MCIM 2025 · Faits saillants")
    assert (french.publisher, french.copyright, french.citation) == (
        "OIM", "© OIM 2025", "OIM (2025). MCIM 2025 · Faits saillants. Genève.")
    assert french.identifiers() == (("", "IOM/ISCM/2025/1"),)
    arabic = imprint(data, Localiser("ar"), "title")
    assert arabic.citation == "IOM (2025). title. Geneva."  # no Arabic citation: as given
    assert arabic.copyright == "© المنظمة الدولية للهجرة 2025"


def test_without_settings_the_imprint_builds_on_its_defaults(tmp_path):
    publication, problems = settings_of(tmp_path, [])
    data = type("Data", (), {"publication": publication,
                             "edition_date": dt.date(2025, 12, 18)})()
    english = imprint(data, Localiser("en"), "ISCM 2025 · Table")
    assert (english.publisher, english.copyright, english.licence, english.citation) == (
        "", "", "", "ISCM 2025 · Table (2025).")
    assert english.disclaimer.startswith(
        "This map is for illustration purposes only. The boundaries")
    assert english.identifiers(with_isbn=True) == ()


def test_every_setting_is_documented_in_the_contract():
    from pipeline.tools.contract import contract_markdown

    contract = contract_markdown()
    assert [s.name for s in SETTINGS if f"| `{s.name}` |" not in contract] == []
