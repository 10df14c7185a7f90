"""The validation report: every problem of a run, for the editors to work down the list.

The build writes it next to the documents as a web page and a spreadsheet
(``validation-report-<year>.html`` and ``.xlsx``); ``iscm check`` shows the
same rows in the terminal. All three speak the report language (REPORT_LANG:
en, fr or es); values, file, sheet and column names stay as the editor wrote
them, and the codes stay the README's. This module lays the rows out; write.py
writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape
from rich.table import Table

from ..config import BulletinConfig
from ..errors import SEVERITIES, Problem, Report
from ..wording import ENGLISH, R_, LanguageName, Text, Wording

TEMPLATE = "validation_report.html"
HEADERS = (R_("Severity"), R_("File"), R_("Sheet"), R_("Row"), R_("Column"), R_("Value"),
           R_("Problem"), R_("What to do"), R_("Code"))
WIDTHS = [10, 18, 14, 6, 18, 28, 60, 60, 22]
COUNT_LABELS = (R_("blank rows dropped"), R_("blank columns dropped"),
                R_("sheets ignored (not input tables)"),
                R_("web addresses written without https://, read with it"))
"""The labels Report.counts holds (in English, as ingest, sheets and validate count them), marked
here for the report catalogue (and validate/translations.AS_WRITTEN, per language)."""


def count_label(count: tuple) -> Text:
    """A count's label: its language's name in it, for a count of one language's documents
    ('texts the French documents show as written…')."""
    label, _, *lang = count
    return Text(label, (("language", LanguageName(lang[0])),) if lang else ())


@dataclass(frozen=True)
class ShownProblem:
    """A problem as the report shows it, in the report language."""

    severity: str
    """'error' or 'warning', as in the data (the page's CSS class)."""
    severity_word: str
    file: str
    sheet: str
    row: int | str
    column: str
    value: str
    message: str
    hint: str
    code: str
    where: str


def shown(problem: Problem, wording: Wording = ENGLISH) -> ShownProblem:
    """A problem as one row of the report, in the report language."""
    p = problem
    return ShownProblem(p.severity, SEVERITIES[p.severity].render(wording), p.file, p.sheet,
                        p.row or "", p.shown("column", wording), p.value,
                        p.shown("message", wording), p.shown("hint", wording), p.code,
                        p.located(wording))


def report_rows(report: Report, wording: Wording = ENGLISH) -> list[list[object]]:
    """One row per problem, sorted like the report: file, sheet, Excel row."""
    rows = (shown(p, wording) for p in report.problems)
    return [[s.severity_word, s.file, s.sheet, s.row, s.column, s.value, s.message, s.hint,
             s.code] for s in rows]


def report_sheet(report: Report, wording: Wording = ENGLISH
                 ) -> tuple[str, list[str], list[list[object]], list[int]]:
    """The report as spreadsheet rows: sheet title, headers, rows and column widths."""
    return (R_("Problems").render(wording), [h.render(wording) for h in HEADERS],
            report_rows(report, wording), WIDTHS)


@dataclass(frozen=True)
class ReportContext:
    """What the report page shows, in the report language."""

    year: int | None
    report: Report
    problems: tuple[ShownProblem, ...]
    counts: tuple[tuple[str, int], ...]
    """What was dropped or ignored quietly, labelled in the report language."""
    headers: tuple[str, ...]
    lang: str = "en"
    dir: str = "ltr"


def render_html(report: Report, config: BulletinConfig, year: int | None) -> str:
    """The report as a web page (autoescaped: cell values are shown, never run)."""
    # Imported here: the terminal table (rich_table) is also shown by an "up to date"
    # run, which must not load Jinja, Babel and pandas.
    from ..lang.catalogues import report_wording
    from .pages import language_env

    lang = config.report_lang
    wording = report_wording(lang)
    _, env = language_env(config, lang)
    context = ReportContext(
        year, report, tuple(shown(p, wording) for p in report.problems),
        tuple((count_label(count).render(wording), count[1]) for count in report.counts),
        tuple(h.render(wording) for h in HEADERS), lang)
    return env.get_template(TEMPLATE).render(doc=context, **page_keywords(wording))


def page_keywords(wording: Wording) -> dict[str, object]:
    """R_ and RN_ for the report page's own sentences (the template's literals are in the
    report catalogue): rendered at once, as Jinja's gettext does, the catalogue's text as
    it is and the values escaped."""

    def message(template: str, **values: object) -> Markup:
        return Markup(Text(template, escaped(values)).render(wording))

    def plural_message(one: str, many: str, n: int, **values: object) -> Markup:
        return Markup(Text(one, (("n", n), *escaped(values)), many, n).render(wording))

    return {"R_": message, "RN_": plural_message}


def escaped(values: dict[str, object]) -> tuple[tuple[str, Markup], ...]:
    """The values of a page's sentence, escaped: they may come from the inputs."""
    return tuple((name, escape(value)) for name, value in values.items())


def rich_table(report: Report, wording: Wording = ENGLISH) -> Table:
    """The report as a terminal table, one row per problem."""
    table = Table(show_lines=False, header_style="bold", expand=True)
    for header in (Text(""), R_("Where"), R_("Value"), R_("Problem and what to do")):
        table.add_column(header.render(wording), overflow="fold")
    for p in report.problems:
        s = shown(p, wording)
        style = "red" if p.severity == "error" else "yellow"
        table.add_row(f"[{style}]{s.severity_word}[/]", s.where, s.value,
                      f"{s.message}. {s.hint}".strip(), style=None)
    return table
