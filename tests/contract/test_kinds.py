"""The kinds of column: what each accepts, and what it refuses with which code."""

import datetime as dt

import pytest

from pipeline.contract.kinds import Context, Invalid, parse_date, parse_enum, parse_url, parse_year
from pipeline.contract.schema import MECHANISMS, MEETINGS

CTX = Context(year=2025)


def parse(cell, column):
    """A cell read as its column's kind reads it."""
    return column.kind.parse(cell, column, CTX)
START = MEETINGS.column("start_date")


@pytest.mark.parametrize("cell, expected", [
    (dt.datetime(2024, 2, 11, 10, 30), dt.date(2024, 2, 11)),
    (dt.date(2024, 2, 11), dt.date(2024, 2, 11)),
    (45333, dt.date(2024, 2, 11)),            # Excel serial number
    ("2024-02-11", dt.date(2024, 2, 11)),
    ("11/02/2024", dt.date(2024, 2, 11)),      # day first
    ("11.02.2024", dt.date(2024, 2, 11)),
    ("1er février 2024", dt.date(2024, 2, 1)),
    ("3 de marzo de 2025", dt.date(2025, 3, 3)),
    ("23 January 2025", dt.date(2025, 1, 23)),
    ("\u00a023 Jan 2025 ", dt.date(2025, 1, 23)),
])
def test_parse_date_accepts_the_forms_offices_use(cell, expected):
    assert parse_date(cell, START, CTX) == expected


@pytest.mark.parametrize("cell, code", [
    ("31/02/2025", "bad-date"),
    ("next week", "bad-date"),
    (12, "bad-date"),
])
def test_parse_date_refuses_what_is_not_a_date(cell, code):
    with pytest.raises(Invalid) as caught:
        parse_date(cell, START, CTX)
    assert caught.value.code == code


@pytest.mark.parametrize("cell, expected", [(2002, 2002), ("2002", 2002), (2002.0, 2002),
                                            (" 1996 ", 1996)])
def test_parse_year_accepts_numbers_and_text(cell, expected):
    assert parse_year(cell, MECHANISMS.column("year_established"), CTX) == expected


@pytest.mark.parametrize("cell", ["199", "1975", "2030", "two thousand"])
def test_parse_year_refuses_non_years_and_years_out_of_range(cell):
    with pytest.raises(Invalid) as caught:
        parse_year(cell, MECHANISMS.column("year_established"), CTX)
    assert caught.value.code == "bad-year"


@pytest.mark.parametrize("cell, expected", [("rcp", "RCP"), ("Interregional Forum", "IRF"),
                                            ("GLOBAL", "Global"), ("PCR", "RCP")])
def test_parse_enum_folds_case_and_languages(cell, expected):
    assert parse_enum(cell, MECHANISMS.column("type"), CTX) == expected


def test_parse_enum_names_the_allowed_values():
    with pytest.raises(Invalid) as caught:
        parse_enum("regional-ish", MECHANISMS.column("type"), CTX)
    assert caught.value.code == "unknown-value"
    assert caught.value.hint == "Use one of: RCP, IRF, Global."


def test_parse_list_reads_vocabulary_items_and_drops_repeats():
    column = MECHANISMS.column("iom_role")
    assert parse("Member; observer ;member", column) == ("member", "observer")


def test_parse_list_keeps_themes_as_written_for_theme_table_to_resolve():
    column = MECHANISMS.column("thematic_focus")
    assert parse("Labour migration, data_research / Labour migration", column) == (
        "Labour migration", "data_research")


@pytest.mark.parametrize("cell", ["javascript:alert(1)", "file:///etc/passwd",
                                  "data:text/html,<b>x</b>", "mailto:a@b.org", "www.igc .ch"])
def test_parse_url_refuses_anything_but_web_addresses(cell):
    with pytest.raises(Invalid) as caught:
        parse_url(cell, MECHANISMS.column("website"), CTX)
    assert caught.value.code == "bad-url"


@pytest.mark.parametrize("cell, expected", [
    ("www.igc.ch", "https://www.igc.ch"),
    ("igc.ch/fr", "https://igc.ch/fr"),
    ("//www.igc.ch", "https://www.igc.ch"),
    ("http://www.igc.ch", "http://www.igc.ch"),
    ("https://www.budapestprocess.org/about", "https://www.budapestprocess.org/about"),
])
def test_parse_url_reads_addresses_as_offices_write_them(cell, expected):
    assert parse_url(cell, MECHANISMS.column("website"), CTX) == expected


@pytest.mark.parametrize("cell, expected", [
    ("member, observer", ("member", "observer")),
    ("membre / observateur", ("member", "observer")),
    ("miembro; observador", ("member", "observer")),
])
def test_vocabulary_lists_take_commas_and_slashes(cell, expected):
    assert parse(cell, MECHANISMS.column("iom_role")) == expected


@pytest.mark.parametrize("cell, expected", [
    ("West Africa, Horn of Africa", ("West Africa", "Horn of Africa")),
    ("Afrique de l'Ouest / Europe", ("Afrique de l'Ouest", "Europe")),
    ("Gulf of Guinea; Sahel", ("Gulf of Guinea", "Sahel")),
])
def test_regions_are_a_free_list_kept_as_written(cell, expected):
    assert parse(cell, MECHANISMS.column("region")) == expected


def test_aliases_keep_their_commas():
    column = MECHANISMS.column("aliases")
    assert parse("Conference on Migration, Puebla; CRM", column) == (
        "Conference on Migration, Puebla", "CRM")


@pytest.mark.parametrize("cell", ["23/01/2025 09:30", "23/01/2025 09:30:15", "2025-01-23T09:30"])
def test_parse_date_drops_a_time_part(cell):
    assert parse_date(cell, START, CTX) == dt.date(2025, 1, 23)


def test_each_kind_says_what_a_blank_is_and_whether_its_text_is_printed():
    from pipeline.contract import kinds
    assert kinds.TAGS.blank == () and kinds.YEAR.blank is None and kinds.TEXT.blank == ""
    assert MEETINGS.column("outcome_document").kind.printed
    assert not MECHANISMS.column("aliases").kind.printed  # aliases are never printed
    assert MECHANISMS.column("region").kind.several and not MEETINGS.column("level").kind.several
