"""What each returned workbook changes, what conflicts, and what the contract refuses.

Each value of a return is compared three ways: with what the workbook was made with (its
stamp), with what the inputs hold now, and with itself. Unchanged since the stamp: no
change. Changed, and the inputs still as stamped: a change (old → new). Changed, and the
inputs already saying the same: nothing left to do (a return collected twice). Changed,
while the inputs changed too, to something else: a conflict, never applied. A changed or
added value is then read as the contract reads the inputs (its column's kind, the
participants' countries, a meeting's dates): what it refuses is a problem located in the
return (workbook › sheet › row › column). A return that is no return, is for another year
or an unknown mechanism, is named for another mechanism, or comes twice for one, is
refused whole, with one message.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ..contract.kinds import Context, Invalid
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, UPDATES
from ..errors import Problem
from ..model import RawTable
from ..utils.text import clean_text
from ..validate import check_dates, classify_participants
from ..validate.cells import issue_problem, parse_cell, parse_table
from ..wording import R_
from ..world.countries import to_iso3
from . import form
from .returns import Cell, Return, ReturnedRow, read_return
from .source import Source, meeting_key, narrative_column, participant_key

NAMED = re.compile(r"iscm-update-(\d{4})-([a-z0-9-]+?)(?:-\d+)?$")
"""A request's name as make requests writes it (request.file_name), with a -2 beside a kept
one: the mechanism and year it names."""
SPECS = {"facts": MECHANISMS, "participants": PARTICIPANTS, "meetings": MEETINGS,
         "update": UPDATES}
QUIET = frozenset({"blank-optional", "after-year", "before-first-year", "ignored-column"})
"""What the contract says of a table as a whole, not of what a return changed."""


@dataclass(frozen=True)
class Change:
    """One value a return changes in the inputs."""

    mechanism: str
    part: str
    """facts, participants, meetings or update (form.PARTS)."""
    record: str
    """What the row is: a participant's name, a meeting's title and date; '' for the
    mechanism's own facts and its update."""
    column: str
    """The contract column (in the inputs' table: a narrative's translation column for a
    workbook in another language)."""
    old: object
    """As the inputs write it now (None: blank, or a row to add)."""
    new: object
    """As the return writes it (None: cleared)."""
    file: str
    sheet: str
    row: int
    header: str
    """Where it is in the return."""
    target: int | None
    """The Excel row it goes to in the inputs' table; None for a row to add."""
    group: int = 0
    """For a row to add: which one (the values of one row share it)."""

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class Review:
    """Every return read, the changes they make, and the problems found."""

    year: int
    returns: tuple[Return, ...]
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    def by_mechanism(self) -> dict[str, tuple[Change, ...]]:
        found: dict[str, list[Change]] = {}
        for change in self.changes:
            found.setdefault(change.mechanism, []).append(change)
        return {key: tuple(found[key]) for key in sorted(found)}


def review(source: Source, paths: list[Path], folder: Path) -> Review:
    """Read every return under folder (paths) and say what each changes."""
    read: list[Return] = []
    problems: list[Problem] = []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        returned, found = read_return(path, name)
        found = found or foreign(returned, source, name)
        problems += found
        if returned is not None and not found:
            read.append(returned)
    counts = Counter(r.stamp.mechanism for r in read)
    for mechanism_id in (key for key, n in counts.items() if n > 1):
        twins = [r.name for r in read if r.stamp.mechanism == mechanism_id]
        problems.append(Problem(
            twins[0], code="two-returns",
            message=R_("is one of {n} returns for {mechanism}: {files}", n=len(twins),
                       mechanism=mechanism_id, files=", ".join(twins)),
            hint=R_("Keep one of them in the returns folder (merge their answers into it if "
                    "need be) and move the others out, then collect again.")))
    read = [r for r in read if counts[r.stamp.mechanism] == 1]
    changes: list[Change] = []
    for returned in read:
        found_changes, found = compare(returned, source)
        changes += found_changes
        problems += found
    return Review(source.year, tuple(read), tuple(changes), tuple(sorted(set(problems))))


def foreign(returned: Return | None, source: Source, name: str) -> list[Problem]:
    """A return for another year, for a mechanism the inputs lack, or named for another
    mechanism than its stamp's: one problem, and it is not read further."""
    if returned is None:
        return []
    stamp = returned.stamp
    if stamp.year != source.year:
        return [Problem(name, code="other-year",
                        message=R_("is the update for {year}, not {collected}",
                                   year=stamp.year, collected=source.year),
                        hint=R_("Collect it with YEAR={year}, or move it out of the returns "
                                "folder.", year=stamp.year))]
    if source.mechanism_row(stamp.mechanism) is None:
        return [Problem(name, code="unknown-return-mechanism",
                        message=R_("is the update of {mechanism}, which is not a mechanism of "
                                   "the inputs", mechanism=stamp.mechanism),
                        hint=R_("Add the mechanism to mechanisms.xlsx first (or restore its "
                                "id), then collect again.", ))]
    named = NAMED.match(Path(name).stem)
    if named and (named[2] != stamp.mechanism or int(named[1]) != stamp.year):
        return [Problem(name, code="other-mechanism",
                        message=R_("is named for {named} {year}, but it is the update of "
                                   "{mechanism} {stamped}", named=named[2], year=named[1],
                                   mechanism=stamp.mechanism, stamped=stamp.year),
                        hint=R_("Check with the sender which mechanism it is for: if it is "
                                "{mechanism}'s, rename it iscm-update-{stamped}-{mechanism}"
                                ".xlsx; if not, ask for the right workbook.",
                                mechanism=stamp.mechanism, stamped=stamp.year))]
    return []


def decided(then: object, now: object, new: object) -> str:
    """'same' (unchanged in the return), 'done' (the inputs already say it), 'change' or
    'conflict' (the inputs changed meanwhile, to something else)."""
    if new == then:
        return "same"
    if now == new:
        return "done"
    return "change" if now == then else "conflict"


@dataclass
class Comparison:
    """The changes and problems of one return, as they are found."""

    returned: Return
    source: Source
    changes: list[Change]
    problems: list[Problem]
    groups: int = 0

    @property
    def mechanism(self) -> str:
        return self.returned.stamp.mechanism

    def located(self, part: str, cell: Cell, header: str) -> dict[str, object]:
        return dict(file=self.returned.name, sheet=self.returned.stamp.sheets[part].title,
                    row=cell.row, header=header)

    def value(self, part: str, record: str, column: str, then: object, now: object,
              cell: Cell, header: str, target: int | None, new: object = ...) -> bool:
        """Compare one value; record a change or a conflict. True for a change."""
        new = cell.value if new is ... else new
        verdict = decided(then, now, new)
        if verdict == "conflict":
            where = self.located(part, cell, header)
            self.problems.append(Problem(
                where["file"], where["sheet"], cell.row, header, "conflict", "error",
                clean_text(new if new is not None else ""),
                R_("was '{then}' when the workbook was made; the inputs now say '{now}', and "
                   "the return '{new}'", then=shown(then), now=shown(now), new=shown(new)),
                R_("Decide which is right: clear the cell in the returned workbook to keep "
                   "the inputs' value, or type the returned value into the inputs yourself; "
                   "then collect again.")))
        if verdict != "change":
            return False
        self.changes.append(Change(self.mechanism, part, record, column, now, new,
                                   target=target, **self.located(part, cell, header)))
        return True


def shown(value: object) -> str:
    return "" if value is None else str(value)


def compare(returned: Return, source: Source) -> tuple[list[Change], list[Problem]]:
    """The changes of one return, its conflicts, and what the contract says of them."""
    comparison = Comparison(returned, source, [], [])
    facts(comparison)
    for part in ("participants", "meetings"):
        rows(comparison, part)
    update(comparison)
    checked(comparison)
    return comparison.changes, comparison.problems


def facts(c: Comparison) -> None:
    """The corrections of the facts; a change of status also sets status_since (the year)
    and status_before (the status it replaces), where they are read."""
    stamp = c.returned.stamp
    now = c.source.facts(c.mechanism)
    target = c.source.mechanism_row(c.mechanism)
    for name, cell in c.returned.facts.items():
        new = None if cell.value in form.CLEAR else cell.value
        changed = c.value("facts", "", name, stamp.facts.get(name), now.get(name), cell,
                          c.returned.labels[name], target, new)
        if changed and name == "status" and new is not None:
            status_history(c, cell, target, now)


def status_history(c: Comparison, cell: Cell, target: int, now: dict) -> None:
    """A status changed in the return: the change's year (the return's) and the status it
    replaces, as the inputs record a change of status (status_since, status_before)."""
    before = MECHANISMS.column("status").kind.parse(now["status"] or "", MECHANISMS.column(
        "status"), Context(c.source.year)) if now.get("status") else None
    history = c.source.row(MECHANISMS, target, ("status_since", "status_before"))
    header = c.returned.labels["status"]
    for column, value in (("status_since", c.source.year), ("status_before", before)):
        if history[column] != value:
            c.changes.append(Change(c.mechanism, "facts", "", column, history[column], value,
                                    target=target, **c.located("facts", cell, header)))


def record_name(part: str, values: dict[str, object]) -> str:
    if part == "participants":
        return shown(values.get("participant"))
    return f"{shown(values.get('title'))} ({shown(values.get('start_date'))})"


def rows(c: Comparison, part: str) -> None:
    """The participants or meetings: each pre-filled row against its stamp and the inputs'
    row now (found by what identifies it); each added row, unless the inputs have it."""
    layout = c.returned.stamp.sheets[part]
    headers = dict(zip(layout.columns, layout.headers))
    prefilled = {row.ref: row for row in c.returned.prefilled(part)}
    spec = SPECS[part]
    now_rows = (c.source.participant_rows if part == "participants"
                else c.source.meeting_rows)(c.mechanism)
    for row in c.returned.rows(part):
        if row.ref is None:
            added(c, part, row, now_rows, headers)
            continue
        before = prefilled[row.ref]
        target = now_rows.get(tuple(before.key.values()))
        now = c.source.row(spec, target, form.PARTS[part].columns) if target else {}
        record = record_name(part, before.values)
        for name, cell in row.cells.items():
            if target is None and cell.value != before.values.get(name):
                c.problems.append(gone(c, part, cell, headers[name], record))
                break
            c.value(part, record, name, before.values.get(name), now.get(name), cell,
                    headers[name], target)


def gone(c: Comparison, part: str, cell: Cell, header: str, record: str) -> Problem:
    where = c.located(part, cell, header)
    return Problem(where["file"], where["sheet"], cell.row, header, "conflict", "error",
                   record,
                   R_("this row was changed in the return, but it is no longer in the inputs "
                      "as it was when the workbook was made (deleted or changed since)"),
                   R_("Check the inputs: put the row back as it was to take the return's "
                      "changes, or clear them in the returned workbook; then collect again."))


def added(c: Comparison, part: str, row: ReturnedRow, now_rows: dict, headers: dict) -> None:
    """A row added in the return: its values, unless the inputs have it already (the same:
    nothing to do; different: a problem, as it is to be changed on its own row)."""
    values = {name: cell.value for name, cell in row.cells.items()}
    if part == "participants":
        name = shown(values.get("participant"))
        key = tuple(participant_key(to_iso3(name) or "", "" if to_iso3(name) else
                                    name.casefold()).values())
    else:
        key = tuple(meeting_key(values).values())
    if key in now_rows:
        now = c.source.row(SPECS[part], now_rows[key], form.PARTS[part].columns)
        if any(value is not None and value != now.get(name) for name, value in values.items()):
            cell = next(iter(row.cells.values()))
            where = c.located(part, cell, headers[next(iter(row.cells))])
            c.problems.append(Problem(
                where["file"], where["sheet"], row.row, where["header"], "already-listed",
                "error", record_name(part, values),
                R_("is added as a new row, but the inputs already list it (row {row} of their "
                   "sheet)", row=now_rows[key]),
                R_("Write the change on its own row of the returned workbook (or in the inputs) "
                   "rather than as a new row, and clear the new row; then collect again.")))
        return
    c.groups += 1
    for name, cell in row.cells.items():
        if cell.value is not None:
            c.changes.append(Change(c.mechanism, part, record_name(part, values), name, None,
                                    cell.value, target=None, group=c.groups,
                                    **c.located(part, cell, headers[name])))


def update(c: Comparison) -> None:
    """The narrative and who sent it when, each against the stamp and the inputs now: in
    the workbook's language's column (achievements_es for a workbook in Spanish)."""
    stamp = c.returned.stamp
    now = c.source.update(c.mechanism, stamp.language)
    target = c.source.update_row(c.mechanism)
    for name, cell in c.returned.update.items():
        column = narrative_column(name, stamp.language) if name in form.NARRATIVE else name
        before = len(c.changes)
        c.value("update", "", column, stamp.update.get(name), now.get(name), cell,
                c.returned.labels[name], target)
        if target is None and len(c.changes) > before:
            c.changes[-1] = replace(c.changes[-1], group=-1)


def checked(c: Comparison) -> None:
    """What the contract says of the values changed or added, located in the return."""
    context = Context(c.source.year, c.source.year + 1)
    for change in [x for x in c.changes if x.part in ("facts", "update")]:
        column = SPECS[change.part].column(change.column)
        if change.new is None:
            continue
        _, issue = parse_cell(change.new, column, context)
        if isinstance(issue, Invalid) and issue.code not in QUIET:
            raw = RawTable(SPECS[change.part].name, Path(change.file), change.sheet,
                           pd.DataFrame(), {change.column: change.header})
            c.problems.append(issue_problem(raw, change.row, change.column, issue,
                                            change.new))
    for part in ("participants", "meetings"):
        c.problems.extend(checked_rows(c, part))


def checked_rows(c: Comparison, part: str) -> list[Problem]:
    """The rows of a part that a change touches, read as the contract reads its table:
    every cell (a row added must have its required ones), a participant's country, a
    meeting's dates."""
    touched = {change.row for change in c.changes if change.part == part}
    if not touched:
        return []
    spec = SPECS[part]
    layout = c.returned.stamp.sheets[part]
    frame = pd.DataFrame([{**{column.name: "" for column in spec.columns},
                           **{name: cell.read for name, cell in row.cells.items()},
                           "mechanism_id": c.mechanism}
                          for row in c.returned.rows(part) if row.row in touched],
                         index=[row.row for row in c.returned.rows(part) if row.row in touched],
                         dtype=object)
    raw = RawTable(spec.name, Path(c.returned.name), layout.title, frame,
                   {name: header for name, header in zip(layout.columns, layout.headers)
                    if name != form.REF})
    context = Context(c.source.year, c.source.year + 1)
    parsed, problems = parse_table(raw, spec, context)
    if part == "participants":
        problems += classify_participants(parsed, raw)[1]
    else:
        problems += check_dates(parsed, raw, context)[1]
    return [p for p in problems if p.code not in QUIET and p.column != "mechanism_id"]
