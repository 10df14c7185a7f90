"""Where the contract's tables are in an openpyxl workbook: their sheets, header rows and columns.

The tools that write into input workbooks (dressing adds help and dropdowns; make collect
merges the secretariats' changes) find the tables, header rows and columns as the build
finds them (ingest.identify_table, headers), in any language and order, so that what they
write lands where the build reads it.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from ..contract.schema import Column, TableSpec
from . import ingest, readers, sheets
from .headers import HEADER_SEARCH_ROWS, find_header_row, header_map, name_columns


@dataclasses.dataclass(frozen=True)
class PlacedTable:
    """A contract table in a sheet: its header row and the contract column of each column."""

    spec: TableSpec
    sheet: str
    header_row: int
    """Excel row number of the headers."""
    columns: tuple[tuple[int, Column], ...]
    """(Excel column number, the contract column it holds), left to right."""

    def letter(self, name: str) -> str | None:
        return next((get_column_letter(n) for n, c in self.columns if c.name == name), None)

    def number(self, name: str) -> int | None:
        """The Excel column number of a contract column; None when the sheet lacks it."""
        return next((n for n, c in self.columns if c.name == name), None)


def locate_tables(book: openpyxl.Workbook, file_name: str) -> list[PlacedTable]:
    """The contract tables of a workbook, found by sheet name or headers as ingest finds
    them, each with its header row and columns as the build names them."""
    placed = []
    for sheet in book.worksheets:
        # Within the cells in use: iter_rows() creates every cell it passes over.
        rows = [["" if value is None else value for value in row]
                for row in sheet.iter_rows(max_row=min(sheet.max_row, HEADER_SEARCH_ROWS),
                                           max_col=sheet.max_column, values_only=True)]
        grid = readers.Grid(sheet.title, pd.DataFrame(rows, dtype=object))
        spec = ingest.identify_table(Path(file_name), grid)
        if spec is None:
            continue
        header_row, _ = find_header_row(grid.cells, header_map(spec))
        if header_row is None:
            continue
        located = partial(sheets.locate, file_name, sheet.title)
        _, positions, _, _ = name_columns(spec, grid.cells.iloc[header_row], located,
                                          header_row + 1)
        columns = sorted((position + 1, spec.column(name)) for name, position in positions.items())
        placed.append(PlacedTable(spec, sheet.title, header_row + 1, tuple(columns)))
    return placed
