"""Problems found in the inputs, and the errors that stop a build.

User errors (bad inputs, bad options) are ``BulletinError``s: the CLI prints
them in a line or a table and exits 1 or 2. Anything else is a bug and keeps
its traceback. Nothing here depends on the CLI library: cli.py maps these
errors to messages and exit codes.

Problems are data in English (their message, hint and column are the strings
they always were, so reports, tests and the manifest are unchanged); given as
``wording.Text``s, they keep those too, and ``line()``, ``located()`` and
``shown()`` say them again in the report language (REPORT_LANG).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .wording import ENGLISH, R_, RN_, Text, Wording

Severity = Literal["error", "warning"]
SEVERITIES = {"error": R_("error"), "warning": R_("warning")}
"""The severity as the report prints it (the field itself stays 'error' or 'warning')."""
SHOWN_AS_TEXT = ("column", "message", "hint")
"""The fields a Text may be given for: rendered in English into the field, and again in the
report's language when it is shown."""


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
    texts: tuple[tuple[str, Text], ...] = field(default=(), compare=False, repr=False)
    """The Texts the column, message or hint were given as (a str is kept as it is). Not
    compared: a problem is the same problem in every language."""

    def __post_init__(self) -> None:
        texts = dict(self.texts)
        for name in SHOWN_AS_TEXT:
            given = getattr(self, name)
            if isinstance(given, Text):
                texts[name] = given
                object.__setattr__(self, name, given.render())
        object.__setattr__(self, "texts", tuple(texts.items()))

    def shown(self, name: str, wording: Wording = ENGLISH) -> str:
        """A field in the report's language: its Text rendered again, else as it is."""
        text = dict(self.texts).get(name)
        return getattr(self, name) if text is None or wording is ENGLISH \
            else text.render(wording)

    @property
    def where(self) -> str:
        return self.located(ENGLISH)

    def located(self, wording: Wording) -> str:
        """file › sheet › row N › column, as the editor finds it."""
        row = R_("row {row}", row=self.row).render(wording) if self.row else ""
        parts = [self.file, self.sheet, row, self.shown("column", wording)]
        return " › ".join(p for p in parts if p)

    def line(self, wording: Wording = ENGLISH) -> str:
        """The problem in one line: where, what, what to do."""
        hint = self.shown("hint", wording)
        values = dict(severity=SEVERITIES.get(self.severity, self.severity),
                      where=self.located(wording), message=self.shown("message", wording),
                      hint=f" {hint}" if hint else "")
        if self.value:
            return R_("{severity}: {where}: {value}: {message}.{hint}",
                      value=wording.quote(self.value), **values).render(wording)
        return R_("{severity}: {where}: {message}.{hint}", **values).render(wording)

    def record(self) -> dict[str, object]:
        """The problem as plain data, in English (the manifest keeps it)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__
                if name != "texts"}


@dataclass(frozen=True)
class Report:
    """All problems of a run, sorted; errors stop the build, warnings do not."""

    problems: tuple[Problem, ...] = ()
    counts: tuple[tuple, ...] = ()
    """Things dropped, repaired or kept quietly, e.g. ('blank rows dropped', 3); a count of
    one language's documents names it third: (label with {language}, 2, 'fr')."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


class BulletinError(Exception):
    """An error the user can fix: printed without a traceback, exit code 1.

    Given as one or more Texts (one line each), it is printed in the report's language;
    ``message`` is its English.
    """

    exit_code = 1

    def __init__(self, *lines: str | Text):
        self.lines = lines
        self.message = self.render()
        super().__init__(self.message)

    def render(self, wording: Wording = ENGLISH) -> str:
        return "\n".join(line.render(wording) if isinstance(line, Text) else line
                         for line in self.lines)


class ConfigError(BulletinError):
    """A bad option or configuration value: exit code 2, like a usage error."""

    exit_code = 2


class InputError(BulletinError):
    """The inputs cannot be used at all (no input folder, nothing in it)."""


class ValidationFailed(BulletinError):
    """The inputs have errors; nothing was written."""

    def __init__(self, report: Report):
        self.report = report
        super().__init__(RN_("{n} error in the inputs; nothing was written.",
                             "{n} errors in the inputs; nothing was written.",
                             len(report.errors)))
