"""The input file formats: which files are inputs, and of which kind.

Like Pelican's readers, which declare their file extensions: the suffixes are
named here and nowhere else. Each kind's safety check and reader are paired in
ingest.FORMATS. This module uses the standard library only: the CLI's quick
"up to date" check reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


def kind_of(path: Path) -> str:
    """The kind of an input file: xlsx, ods, csv or xls."""
    return KINDS[path.suffix.lower()]
