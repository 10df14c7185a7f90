"""The validation report: every problem of a run, for the editors to work down the list.

The build writes it next to the documents as a web page and a spreadsheet
(``validation-report-<year>.html`` and ``.xlsx``); ``iscm check`` shows the
same rows in the terminal. This module lays the rows out; write.py writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table

from .config import BulletinConfig
from .errors import Report

TEMPLATE = "validation_report.html"
HEADERS = ["Severity", "File", "Sheet", "Row", "Column", "Value", "Problem", "What to do",
           "Code"]
WIDTHS = [10, 18, 14, 6, 18, 28, 60, 60, 22]


def report_rows(report: Report) -> list[list[object]]:
    """One row per problem, sorted like the report: file, sheet, Excel row."""
    return [[p.severity, p.file, p.sheet, p.row or "", p.column, p.value, p.message, p.hint,
             p.code] for p in report.problems]


def report_sheet(report: Report) -> tuple[str, list[str], list[list[object]], list[int]]:
    """The report as spreadsheet rows: sheet title, headers, rows and column widths."""
    return "Problems", HEADERS, report_rows(report), WIDTHS


@dataclass(frozen=True)
class ReportContext:
    """What the report page shows (in English, the language of the messages)."""

    year: int | None
    report: Report
    headers: tuple[str, ...] = tuple(HEADERS)
    lang: str = "en"
    dir: str = "ltr"


def render_html(report: Report, config: BulletinConfig, year: int | None) -> str:
    """The report as a web page (autoescaped: cell values are shown, never run)."""
    # Imported here: the terminal table (rich_table) is also shown by an "up to date"
    # run, which must not load Jinja, Babel and pandas.
    from .render import language_env

    _, env = language_env(config, "en")
    context = ReportContext(year, report)
    return env.get_template(TEMPLATE).render(doc=context)


def rich_table(report: Report) -> Table:
    """The report as a terminal table, one row per problem."""
    table = Table(show_lines=False, header_style="bold", expand=True)
    for header in ("", "Where", "Value", "Problem and what to do"):
        table.add_column(header, overflow="fold")
    for p in report.problems:
        style = "red" if p.severity == "error" else "yellow"
        table.add_row(f"[{style}]{p.severity}[/]", p.where, p.value,
                      f"{p.message}. {p.hint}".strip(), style=None)
    return table
