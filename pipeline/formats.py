"""The input file formats: which files are inputs, and how each kind is checked and read.

Like Pelican's readers, which declare their file extensions, each format says
here which suffixes it takes, its safety check (safety.py) and its reader
(readers.py); nothing else in the package tests a file's suffix. The table of
suffixes is light (the CLI's "up to date" check uses it, with the standard
library only); the checks and readers are imported when files are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KINDS: dict[str, str] = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods", ".csv": "csv",
                         ".xls": "xls"}
"""Suffix -> kind of input. Old .xls files are looked at only to say that they must be
saved as .xlsx."""
NOT_INPUTS = ("~$", ".")
"""Office lock files (~$book.xlsx, .~lock.book.xlsx#) and hidden files: never inputs."""


def is_input(path: Path) -> bool:
    """Whether ingest reads the file: a spreadsheet, not a lock file nor a hidden one."""
    return (path.is_file() and path.suffix.lower() in KINDS
            and not path.name.startswith(NOT_INPUTS))


@dataclass(frozen=True)
class InputFormat:
    """How one kind of input file is checked, then read into grids of cells."""

    check: Callable[[Path], list]
    """Problems that make the file unreadable (after the size check common to all)."""
    read: Callable[[Path], list]
    """The file's grids (readers.Grid), one per sheet."""


@cache
def registry() -> dict[str, InputFormat]:
    """Kind -> its format. Imported here: reading needs pandas, calamine and defusedxml."""
    from . import readers, safety

    return {
        "xlsx": InputFormat(lambda path: safety.check_workbook(path, "xlsx"),
                            lambda path: readers.read_workbook(path, readers.add_xlsx_metadata)),
        "ods": InputFormat(lambda path: safety.check_workbook(path, "ods"),
                           lambda path: readers.read_workbook(path, readers.add_ods_metadata)),
        "csv": InputFormat(safety.check_text, readers.read_csv_grids),
        "xls": InputFormat(safety.refuse_old_xls, lambda path: []),
    }


def input_format(path: Path) -> InputFormat:
    return registry()[KINDS[path.suffix.lower()]]
