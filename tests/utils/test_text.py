"""Text helpers: folding, cleaning cells, typography."""

import pytest

from pipeline.utils.text import (
    clean_text,
    collation_key,
    header_key,
    joined,
    nobreak,
    typographic,
    words_key,
)


def test_clean_text_trims_non_breaking_spaces_and_whole_floats():
    assert clean_text("\u00a0 Budapest\u202fProcess \u00a0") == "Budapest Process"
    assert clean_text(2002.0) == "2002"


def test_clean_text_reads_control_characters_as_spaces():
    """Excel keeps a control character as _x0001_ and calamine gives it back; no document
    can hold it (openpyxl refused to write the ISCM table: IllegalCharacterError)."""
    assert clean_text("Migration\x01Dialogue\x00 \x1b\x7f") == "Migration Dialogue"
    assert clean_text("\x08") == ""


@pytest.mark.parametrize("a, b", [("Date de début ", "date_de_debut"), ("Año", "ano"),
                                  ("Rôle de l'OIM", "ROLE DE L OIM")])
def test_header_key_ignores_case_accents_spaces_and_punctuation(a, b):
    assert header_key(a) == header_key(b)


@pytest.mark.parametrize("text, printed", [
    ("Senior Officials' Meeting", "Senior Officials’ Meeting"),
    ("India's Chairmanship", "India’s Chairmanship"),
    ("the 2024-2025 plan, 1-5 December", "the 2024–2025 plan, 1–5 December"),
    ("'Circular migration'", "'Circular migration'"),  # quotation marks are left as written
    ("PIDC-IOM-UNODC, COVID-19", "PIDC-IOM-UNODC, COVID-19"),  # not between numbers
])
def test_typographic_curls_apostrophes_and_dashes_number_ranges_only(text, printed):
    assert typographic(text) == printed


def test_words_key_compares_whole_words():
    assert words_key("Budapest Process") in words_key("the Budapest Process (Hungary)")
    assert words_key("IGC") not in words_key("Intergovernmental Consultations")


def test_arabic_order_ignores_the_article():
    assert sorted(["إسبانيا", "الأردن", "البحرين"], key=lambda t: collation_key(t, "ar")) == [
        "الأردن", "إسبانيا", "البحرين"]


def test_a_date_breaks_at_its_spaces_in_a_column_and_nowhere_in_a_sentence():
    """joined: no break after the dash of a range of days or the slash of a UN Arabic month
    (the review saw '29 كانون الثاني/' / 'يناير 2025'); nobreak: none at the spaces either,
    but a range of two full dates may break after its dash."""
    assert joined("23–24 January 2025") == "23–\u206024 January 2025"
    assert joined("29 كانون الثاني/يناير 2025") == "29 كانون الثاني/\u2060يناير 2025"
    assert nobreak("18 December 2025") == "18\u00a0December\u00a02025"
    assert nobreak("23 January – 2 February 2025") == \
        "23\u00a0January\u00a0– 2\u00a0February\u00a02025"
