"""The input file formats: which files are inputs, and how each kind is checked and read.

Like Pelican's readers, which declare their file extensions: one table, ``FORMATS``,
names each kind's suffixes, its safety check and its reader, and nothing else lists
them. This module imports only the standard library and the safety checks at its
top: the CLI's quick "up to date" check reads it (is_input); the readers, which
load pandas, are imported when a file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import safety

if TYPE_CHECKING:  # readers imports pandas, which "up to date" must not load
    from ..errors import Problem
    from .readers import Grid


@dataclass(frozen=True)
class InputFormat:
    """One kind of input file: the suffixes it is known by, how it is checked, then read."""

    suffixes: tuple[str, ...]
    """Lower case, with the dot: .xlsx."""
    check: Callable[[Path], list[Problem]]
    """Problems that make the file unreadable (after the size check common to all)."""
    read: Callable[[Path], list[Grid]]
    """The file's grids, one per sheet."""


def read_xlsx(path: Path) -> list[Grid]:
    from . import readers

    return readers.read_workbook(path, add_metadata=readers.add_xlsx_metadata)


def read_ods(path: Path) -> list[Grid]:
    from . import readers

    return readers.read_workbook(path, add_metadata=readers.add_ods_metadata)


def read_csv(path: Path) -> list[Grid]:
    from . import readers

    return readers.read_csv_grids(path)


def never_read(path: Path) -> list[Grid]:
    return []


FORMATS: tuple[InputFormat, ...] = (
    InputFormat((".xlsx", ".xlsm"), partial(safety.check_workbook, kind="xlsx"), read_xlsx),
    InputFormat((".ods",), partial(safety.check_workbook, kind="ods"), read_ods),
    InputFormat((".csv",), safety.check_text, read_csv),
    # Old .xls files are looked at only to say that they must be saved as .xlsx.
    InputFormat((".xls",), safety.refuse_old_xls, never_read),
)
BY_SUFFIX: dict[str, InputFormat] = {suffix: kind for kind in FORMATS for suffix in kind.suffixes}
NOT_INPUTS = ("~$", ".")
"""Office lock files (~$book.xlsx, .~lock.book.xlsx#) and hidden files: never inputs."""


def is_input(path: Path) -> bool:
    """Whether ingest reads the file: a spreadsheet, not a lock file nor a hidden one."""
    return (path.is_file() and path.suffix.lower() in BY_SUFFIX
            and not path.name.startswith(NOT_INPUTS))


def format_of(path: Path) -> InputFormat:
    """The format of an input file (is_input), by its suffix."""
    return BY_SUFFIX[path.suffix.lower()]


TRANSLATION_SUFFIXES = (".xlsx", ".xlf", ".xliff")
"""Translators' files, in inputs/translations/: spreadsheets and XLIFF."""


def translation_files(inputs_dir: Path) -> list[Path]:
    """The translators' files under inputs/translations/, in its subfolders too (an editor
    may keep each round in a folder of its own: none is left unread), in name order; lock
    files and hidden files or folders skipped."""
    folder = inputs_dir / "translations"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in TRANSLATION_SUFFIXES
                  and not any(part.startswith(NOT_INPUTS) for part in p.relative_to(folder).parts)
                  and p.is_file())
