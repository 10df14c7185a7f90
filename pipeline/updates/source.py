"""The inputs as the round trip sees them: each mechanism's cells, as written.

A request pre-fills what the inputs hold for a mechanism, and a return is compared with
what they hold now: both read it here, the same way, so that an untouched cell compares
equal. Cells are taken as the editor wrote them (form.written: a date as a date, a year as
a number, anything else as its text), from the rows validation kept, each row identified
as validation identifies it (a participant by its State or its name, a meeting by its
title and start date).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import validate
from ..contract.kinds import DATE, WHOLE_NUMBER, YEAR
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, UPDATES, TableSpec
from ..errors import ValidationFailed
from ..model import RawTables, Tables
from ..read import ingest
from ..validate import cells
from . import form
from .stamp import Prefilled

PARSED_KINDS = (DATE, YEAR, WHOLE_NUMBER)
"""Kinds whose cells are compared as parsed (a date typed or a date cell, 2019 or
2019.0); the others as written."""


@dataclass(frozen=True)
class Source:
    """The inputs, read and validated for the year of the round trip."""

    raw: RawTables
    tables: Tables
    year: int
    inputs: dict[str, str]
    """Each input file -> its SHA-256."""

    def row(self, spec: TableSpec, index: int, columns: tuple[str, ...]) -> dict[str, object]:
        """A row's cells (form.written), by contract column: parsed for dates and numbers,
        as written for the rest; a column the sheet lacks is blank."""
        raw = self.raw.tables[spec.name].frame
        parsed = self.frame(spec)
        return {name: form.written(spec.column(name),
                                   parsed.at[index, name] if spec.column(name).kind
                                   in PARSED_KINDS else raw.at[index, name])
                for name in columns}

    def frame(self, spec: TableSpec) -> pd.DataFrame:
        return {MECHANISMS.name: self.tables.mechanisms,
                PARTICIPANTS.name: self.tables.participants,
                MEETINGS.name: self.tables.meetings}.get(spec.name, self.tables.updates)

    def mechanism_row(self, mechanism_id: str) -> int | None:
        """The Excel row of a mechanism in its sheet; None for an id the inputs lack."""
        rows = self.tables.mechanisms.index[self.tables.mechanisms["id"] == mechanism_id]
        return int(rows[0]) if len(rows) else None

    def facts(self, mechanism_id: str) -> dict[str, object]:
        return self.row(MECHANISMS, self.mechanism_row(mechanism_id), form.FACTS)

    def participants(self, mechanism_id: str) -> tuple[Prefilled, ...]:
        """A mechanism's participants, in the sheet's order, numbered from 1."""
        rows = self.tables.participants
        rows = rows[rows["mechanism_id"] == mechanism_id]
        return tuple(Prefilled(ref, self.row(PARTICIPANTS, index, form.PARTICIPANT_COLUMNS),
                               participant_key(code, folded))
                     for ref, (index, code, folded) in enumerate(
                         zip(rows.index, rows["code"], rows["folded_name"]), start=1))

    def participant_rows(self, mechanism_id: str) -> dict[tuple[str, str], int]:
        """A mechanism's participants now: their key -> their Excel row."""
        rows = self.tables.participants
        rows = rows[rows["mechanism_id"] == mechanism_id]
        return {tuple(participant_key(code, folded).values()): int(index)
                for index, code, folded in zip(rows.index, rows["code"], rows["folded_name"])}

    def meetings(self, mechanism_id: str) -> tuple[Prefilled, ...]:
        """A mechanism's meetings of the year and the next (those planned), by date."""
        rows = self.meeting_frame(mechanism_id)
        rows = rows[rows["start_date"].map(
            lambda day: bool(day) and day.year in (self.year, self.year + 1)).astype(bool)]
        rows = rows.assign(row=rows.index).sort_values(["start_date", "row"])
        return tuple(Prefilled(ref, values, meeting_key(values))
                     for ref, values in enumerate(
                         (self.row(MEETINGS, index, form.MEETING_COLUMNS)
                          for index in rows.index), start=1))

    def meeting_frame(self, mechanism_id: str) -> pd.DataFrame:
        meetings = self.tables.meetings
        return meetings[meetings["mechanism_id"] == mechanism_id]

    def meeting_rows(self, mechanism_id: str) -> dict[tuple[str, str], int]:
        """A mechanism's meetings now (every year): their key -> their Excel row."""
        return {tuple(meeting_key(self.row(MEETINGS, index, ("title", "start_date")))
                      .values()): int(index)
                for index in self.meeting_frame(mechanism_id).index}

    def update_row(self, mechanism_id: str) -> int | None:
        """The Excel row of the mechanism's update for the year; None when there is none."""
        updates = self.tables.updates
        rows = updates.index[(updates["mechanism_id"] == mechanism_id).astype(bool)
                             & (updates["year"] == self.year).astype(bool)]
        return int(rows[0]) if len(rows) else None

    def update(self, mechanism_id: str, language: str) -> dict[str, object]:
        """The mechanism's narrative for the year in a language (achievements_es… for a
        workbook in Spanish), and who sent it when; blanks when it has none."""
        row = self.update_row(mechanism_id)
        columns = tuple(narrative_column(name, language) for name in form.NARRATIVE)
        if row is None:
            return dict.fromkeys((*form.NARRATIVE, *form.SENDER))
        values = self.row(UPDATES, row, (*columns, *form.SENDER))
        return {name: values[column] for name, column in
                zip((*form.NARRATIVE, *form.SENDER), (*columns, *form.SENDER))}


def narrative_column(name: str, language: str) -> str:
    """Where a narrative written in a language goes: the English column, or its
    translation column (achievements_es)."""
    return name if language == "en" else f"{name}_{language}"


def participant_key(code: str, folded: str) -> dict[str, object]:
    """What identifies a participant of a mechanism, as validation dedupes them: a State by
    its ISO3 code, an organisation by its name folded."""
    return {"code": code or "", "name": folded or ""}


def meeting_key(values: dict[str, object]) -> dict[str, object]:
    """What identifies a meeting of a mechanism: its title and start date, as written."""
    return {"title": (values.get("title") or "").casefold(), "start": values.get("start_date")}


def read_source(inputs_dir: Path, year: int | None = None, build_date=None) -> Source:
    """The inputs read and validated for the year (default: the bulletin year a build
    would choose). Raises ValidationFailed when they have errors: a request is never made,
    nor a return merged, from inputs that do not build."""
    raw = ingest.read_inputs(inputs_dir)
    year = year or cells.default_year(raw)
    tables, report = validate.check(raw, year, (), None, build_date)
    if tables is None or report.errors:
        raise ValidationFailed(report)
    return Source(raw, tables, year, input_hashes(inputs_dir))


def input_hashes(inputs_dir: Path) -> dict[str, str]:
    """Each input file -> its SHA-256: the state of the inputs a request was made from."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in ingest.find_input_files(inputs_dir)}
