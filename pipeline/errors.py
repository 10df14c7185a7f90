"""Problems found in the inputs, and the errors that stop a build.

User errors (bad inputs, bad options) are ``BulletinError``s: the CLI prints
them in a line or a table and exits 1 or 2. Anything else is a bug and keeps
its traceback. Nothing here depends on the CLI library: cli.py maps these
errors to messages and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about the inputs, located as the editor sees it.

    Field order is the sort order of a report: by file, sheet, Excel row.
    """

    file: str
    sheet: str = ""
    row: int = 0
    """Excel row number (1-based, as shown in Excel); 0 when the problem is not in a row."""
    column: str = ""
    """The column header as the editor wrote it."""
    code: str = ""
    """Stable identifier of the kind of problem, e.g. 'unknown-country'."""
    severity: Severity = "error"
    value: str = ""
    message: str = ""
    hint: str = ""
    """What to do about it."""

    @property
    def where(self) -> str:
        parts = [self.file, self.sheet, f"row {self.row}" if self.row else "", self.column]
        return " › ".join(p for p in parts if p)

    def line(self) -> str:
        """The problem in one line: where, what, what to do."""
        value = f" {self.value!r}:" if self.value else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.severity}: {self.where}:{value} {self.message}.{hint}"


@dataclass(frozen=True)
class Report:
    """All problems of a run, sorted; errors stop the build, warnings do not."""

    problems: tuple[Problem, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    """Things dropped or repaired quietly, e.g. ('blank rows dropped', 3)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


class BulletinError(Exception):
    """An error the user can fix: printed without a traceback, exit code 1."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ConfigError(BulletinError):
    """A bad option or configuration value: exit code 2, like a usage error."""

    exit_code = 2


class InputError(BulletinError):
    """The inputs cannot be used at all (no input folder, nothing in it)."""


class ValidationFailed(BulletinError):
    """The inputs have errors; nothing was written."""

    def __init__(self, report: Report):
        self.report = report
        n = len(report.errors)
        super().__init__(f"{n} error{'s' if n != 1 else ''} in the inputs; nothing was written.")
