"""The review of the returns, for the editor: in the terminal, as a web page and a workbook.

Per mechanism, every value its return adds, changes or removes (old → new), located in the
return (workbook › sheet › row › column as the workbook heads it); then every problem
(refused workbooks, conflicts, what the contract refuses), as the validation report lists
them. In the editor's report language (REPORT_LANG); values stay as written. The page and
the workbook go to outputs/requests/<year>/review-<year>.html and .xlsx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..config import BulletinConfig
from ..errors import Report
from ..publish.write import atomically, write_text
from ..render import xlsx
from ..render.validation_report import ShownProblem, page_keywords, rich_table, shown
from ..wording import ENGLISH, R_, RN_, Wording
from .review import Change, Review

TEMPLATE = "review.html"
KINDS = {"added": R_("added"), "changed": R_("changed"), "removed": R_("removed")}
HEADERS = (R_("Mechanism (id)"), R_("What"), R_("Workbook"), R_("Sheet"), R_("Row"), R_("Record"),
           R_("Column"), R_("Old value"), R_("New value"))
WIDTHS = [14, 10, 30, 14, 6, 30, 26, 40, 40]


@dataclass(frozen=True)
class ShownChange:
    """A change as the review shows it, in the report language."""

    mechanism: str
    kind: str
    """added, changed or removed (the page's CSS class)."""
    kind_word: str
    file: str
    sheet: str
    row: int
    record: str
    column: str
    old: str
    new: str

    def where(self, wording: Wording = ENGLISH) -> str:
        """workbook › sheet › row N › column, as a problem is located."""
        row = R_("row {row}", row=self.row).render(wording) if self.row else ""
        return " › ".join(part for part in (self.file, self.sheet, row, self.column) if part)


def shown_change(change: Change, wording: Wording = ENGLISH) -> ShownChange:
    return ShownChange(change.mechanism, change.kind, KINDS[change.kind].render(wording),
                       change.file, change.sheet, change.row, change.record, change.header,
                       value(change.old), value(change.new))


def value(written: object) -> str:
    return "" if written is None else str(written)


def summary(review: Review, applied: tuple[Path, ...] | None, wording: Wording) -> str:
    """The review's last line: what there is to apply (or was applied), or why nothing."""
    n, errors = len(review.changes), len(review.errors)
    if errors:
        return RN_("{n} error in the returns: nothing was applied. The review lists them, "
                   "each where it is.",
                   "{n} errors in the returns: nothing was applied. The review lists them, "
                   "each where it is.", errors).render(wording)
    if not n:
        return R_("No changes: the returns hold nothing that the inputs do not already "
                  "say.").render(wording)
    if applied is None:
        return RN_("{n} change found, not applied yet: run make collect APPLY=1 (iscm collect "
                   "--apply) to merge it into the inputs.",
                   "{n} changes found, not applied yet: run make collect APPLY=1 (iscm collect "
                   "--apply) to merge them into the inputs.", n).render(wording)
    return RN_("{n} change applied to {files}.", "{n} changes applied to {files}.", n,
               files=", ".join(path.name for path in applied)).render(wording)


def lines(review: Review, wording: Wording = ENGLISH) -> list[str]:
    """The review as lines of text (a log, not a terminal): one per change."""
    return [R_("{mechanism}: {where}: {old} → {new} ({kind})", mechanism=s.mechanism,
               where=s.where(wording), old=wording.quote(s.old), new=wording.quote(s.new),
               kind=s.kind_word).render(wording)
            for s in (shown_change(c, wording) for c in review.changes)]


def print_review(review: Review, wording: Wording = ENGLISH, console: Console | None = None
                 ) -> None:
    """The review in a terminal: the problems as the validation report's table, then a
    table of changes per mechanism."""
    console = console or Console()
    if review.problems:
        console.print(rich_table(Report(review.problems), wording))
    for mechanism, changes in review.by_mechanism().items():
        table = Table(title=mechanism, title_justify="left", header_style="bold", expand=True)
        for header in (R_("What"), R_("Where"), R_("Record"), R_("Old value"),
                       R_("New value")):
            table.add_column(header.render(wording), overflow="fold")
        for change in changes:
            s = shown_change(change, wording)
            table.add_row(s.kind_word, s.where(wording), s.record, s.old, f"[bold]{s.new}[/]")
        console.print(table)


@dataclass(frozen=True)
class ReviewContext:
    """What the review page shows."""

    year: int
    mechanisms: tuple[tuple[str, tuple[ShownChange, ...]], ...]
    problems: tuple[ShownProblem, ...]
    errors: int
    headers: tuple[str, ...]
    problem_headers: tuple[str, ...]
    summary: str
    lang: str = "en"
    dir: str = "ltr"


def review_sheet(review: Review, wording: Wording) -> xlsx.SheetRows:
    """The review as one sheet: the changes, then the problems."""
    rows: list[list[object]] = [
        [s.mechanism, s.kind_word, s.file, s.sheet, s.row, s.record, s.column, s.old, s.new]
        for s in (shown_change(c, wording) for c in review.changes)]
    rows += [["", p.severity_word, p.file, p.sheet, p.row, "", p.column, p.value,
              f"{p.message}. {p.hint}".strip()]
             for p in (shown(problem, wording) for problem in review.problems)]
    return (R_("Review").render(wording), [h.render(wording) for h in HEADERS], rows, WIDTHS)


def write_review(review: Review, config: BulletinConfig, folder: Path, made: dt.date,
                 applied: tuple[Path, ...] | None = None) -> tuple[Path, Path]:
    """The review page and workbook, in folder (outputs/requests/<year>/)."""
    from ..lang.catalogues import report_wording
    from ..render.pages import language_env
    from ..render.validation_report import HEADERS as PROBLEM_HEADERS

    wording = report_wording(config.report_lang)
    _, env = language_env(config, config.report_lang)
    context = ReviewContext(
        review.year,
        tuple((mechanism, tuple(shown_change(c, wording) for c in changes))
              for mechanism, changes in review.by_mechanism().items()),
        tuple(shown(p, wording) for p in review.problems), len(review.errors),
        tuple(h.render(wording) for h in HEADERS[1:]),
        tuple(h.render(wording) for h in PROBLEM_HEADERS),
        summary(review, applied, wording), config.report_lang)
    folder.mkdir(parents=True, exist_ok=True)
    page = env.get_template(TEMPLATE).render(doc=context, **page_keywords(wording))
    html = atomically(folder / f"review-{review.year}.html", write_text, text=page)
    sheet = atomically(folder / f"review-{review.year}.xlsx", xlsx.write_xlsx,
                       sheet=review_sheet(review, wording), edition=made)
    return html, sheet

