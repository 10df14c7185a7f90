"""Cells: each column through its kind, problems located as the editor sees them; the year."""

import datetime as dt
from pathlib import Path

import pandas as pd

from pipeline.contract.kinds import Context
from pipeline.contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, TableSpec
from pipeline.model import BadCell, RawTable, RawTables
from pipeline.validate import cells


def raw(spec: TableSpec, rows: list[dict], headers: dict | None = None) -> RawTable:
    """A table as ingest would hand it over: Excel rows from 2, every column present."""
    frame = pd.DataFrame([[row.get(c.name, "") for c in spec.columns] for row in rows],
                         columns=[c.name for c in spec.columns],
                         index=range(2, 2 + len(rows)), dtype=object)
    written = headers or {c.name: c.name for c in spec.template_columns}
    return RawTable(spec.name, Path(f"{spec.workbook}"), spec.name, frame, written)


def located(problems) -> list[tuple]:
    return [(p.row, p.column, p.code, p.severity) for p in problems]


def test_each_cell_is_read_as_its_kind_and_each_fault_located():
    table = raw(MEETINGS, [
        {"mechanism_id": "gfmd", "title": "Summit", "start_date": "05/03/2025",
         "level": "Sommet", "edition": "4", "themes": "Labour migration, data"},
        {"mechanism_id": "gfmd", "title": "", "start_date": "31/02/2025", "level": "summit",
         "country": BadCell("excel-error", "#REF!")},
    ])
    frame, problems = cells.parse_table(table, MEETINGS, Context(year=2025))
    assert frame.at[2, "start_date"] == dt.date(2025, 3, 5)
    assert frame.at[2, "level"] == "summit" and frame.at[2, "edition"] == 4
    assert frame.at[2, "themes"] == ("Labour migration", "data")  # keys: theme_table.py
    assert frame.at[3, "end_date"] is None  # a blank date is None, not ''
    assert sorted(located(problems)) == [
        (1, "country", "blank-optional", "warning"),
        (1, "iom_participation", "blank-optional", "warning"),
        (1, "summary", "blank-optional", "warning"),
        (1, "themes", "blank-optional", "warning"),
        (3, "country", "excel-error", "error"), (3, "start_date", "bad-date", "error"),
        (3, "title", "required-value", "error")]


def test_a_column_the_sheet_lacks_raises_no_blank_warning():
    table = raw(PARTICIPANTS, [{"mechanism_id": "gfmd", "participant": "Chad", "role": "member"}],
                headers={"mechanism_id": "Mécanisme", "participant": "Pays", "role": "Rôle"})
    _, problems = cells.parse_table(table, PARTICIPANTS, Context(year=2025))
    assert problems == []


def test_a_problem_names_the_header_as_written():
    table = raw(MECHANISMS, [{"id": "Bad Id!", "acronym": "X", "name_en": "X", "type": "RCP",
                              "status": "active"}], headers={"id": "Identifiant"})
    _, problems = cells.parse_table(table, MECHANISMS, Context(year=2025))
    bad = next(p for p in problems if p.code == "bad-id")
    assert (bad.file, bad.sheet, bad.row, bad.column, bad.value) == (
        "mechanisms.xlsx", "mechanisms", 2, "Identifiant", "Bad Id!")
    assert bad.hint == "Use for example 'bad-id'."


def test_the_year_is_the_latest_with_meetings_else_the_latest_the_inputs_name():
    meetings = raw(MEETINGS, [{"start_date": "05/03/2024"}, {"start_date": "not a date"}])
    mechanisms = raw(MECHANISMS, [{"year_established": 2021}])
    participants = raw(PARTICIPANTS, [{"joined": "2023"}])
    tables = RawTables({"meetings": meetings, "mechanisms": mechanisms,
                        "participants": participants})
    assert cells.default_year(tables) == 2024
    empty = RawTables({"meetings": raw(MEETINGS, []), "mechanisms": mechanisms,
                       "participants": participants})
    assert cells.default_year(empty) == 2023
    assert cells.default_year(RawTables({"meetings": raw(MEETINGS, [])})) is None
