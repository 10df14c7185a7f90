"""The ISCM table: its groups and rows, its key to the themes and its marks of the year's
changes, computed here so that table.html only lays them out.

Each mechanism's themes are printed as keyed numbers in fixed places (the first theme of
the key always in the first place, and so on), so that a reader scans one theme down the
column. A row that may run past a page is marked `long`: the print stylesheet lets it
split, because WeasyPrint 70 drops a table's repeated header row on every page that a
row kept whole (break-inside: avoid) but taller than a page starts or runs over
(docs/maintainers.md, "The ISCM table's header row").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from ..contract.vocabularies import VOCABULARIES
from ..lang.localiser import Localiser
from ..model import BulletinData, Mechanism
from ..world.regions import GROUPS
from .names import Names

LONG_ROW = 60
"""Participants (members, observers and partners) past which a row may be taller than a
landscape page: such a row may split between pages (the GFMD's 195 Member States)."""


@dataclass(frozen=True)
class ThemeKey:
    """One theme of the key: its number, as printed in the rows, and its label."""

    number: int
    key: str
    label: Markup


@dataclass(frozen=True)
class TableRow:
    mechanism: Mechanism
    themes: tuple[ThemeKey | None, ...]
    """One place per theme of the key, in its order: the theme where the mechanism has it,
    None where it does not."""
    joined: str = ""
    """The member States that joined in the year, as a list in the reader's language."""
    left: str = ""
    """The member States that left in the year."""
    status_before: str | None = None
    """The status before the year's change, labelled; '' when the change is known but not
    the status before it; None when the status did not change in the year."""
    established: bool = False
    """Established in the year."""
    long: bool = False
    """May be taller than a page: allowed to split between pages (print.css)."""

    @property
    def theme_labels(self) -> list[Markup]:
        """The mechanism's themes by their labels (what the keyed numbers say)."""
        return [theme.label for theme in self.themes if theme]

    @property
    def changed(self) -> bool:
        """Something changed in the year: the row carries the mark of the year's changes."""
        return bool(self.joined or self.left or self.established
                    or self.status_before is not None)


@dataclass(frozen=True)
class TableGroup:
    """Mechanisms of one type and region, under one full-width header in the ISCM table."""

    type: str
    region: str
    rows: tuple[TableRow, ...]

    @property
    def mechanisms(self) -> tuple[Mechanism, ...]:
        return tuple(row.mechanism for row in self.rows)


@dataclass(frozen=True)
class IscmTable:
    groups: tuple[TableGroup, ...]
    themes: tuple[ThemeKey, ...]
    """The key: every theme of a mechanism of the table, alphabetical in the reader's
    language, numbered from 1."""

    @property
    def mechanisms(self) -> tuple[Mechanism, ...]:
        return tuple(m for group in self.groups for m in group.mechanisms)

    @property
    def changed(self) -> bool:
        """Some row carries the mark of the year's changes (the key then explains it)."""
        return any(row.changed for group in self.groups for row in group.rows)


def ordered_groups(mechanisms: tuple[Mechanism, ...], loc: Localiser
                   ) -> list[tuple[str, str, list[Mechanism]]]:
    """(type, region, mechanisms): by type, then by first macro-region, names alphabetical
    in the reader's language."""
    types, groups, names = list(VOCABULARIES["type"]), list(GROUPS), Names(loc)

    def group_of(m: Mechanism) -> tuple[int, int]:
        return types.index(m.type), groups.index(m.macro_regions[0])

    ordered = sorted(mechanisms,
                     key=lambda m: (group_of(m), loc.sort_key(names.mechanism_name(m))))
    return [(types[t], groups[r], list(ms))
            for (t, r), ms in groupby(ordered, key=group_of)]


def theme_key(data: BulletinData, loc: Localiser) -> tuple[ThemeKey, ...]:
    """Every theme a mechanism of the table has, alphabetical in the reader's language."""
    keys = {t for m in data.mechanisms for t in m.thematic_focus}
    ordered = sorted(keys, key=lambda t: loc.sort_key(loc.theme_text(t, data.theme_names)))
    return tuple(ThemeKey(n, key, loc.theme(key, data.theme_names))
                 for n, key in enumerate(ordered, start=1))


def states(codes: list[str], loc: Localiser) -> str:
    return loc.list(sorted((loc.country(code) for code in codes), key=loc.sort_key))


def table_row(m: Mechanism, data: BulletinData, key: tuple[ThemeKey, ...],
              loc: Localiser) -> TableRow:
    changes = data.summary.changes
    before = changes.status_changed.get(m.id)
    return TableRow(
        mechanism=m,
        themes=tuple(theme if theme.key in m.thematic_focus else None for theme in key),
        joined=states(changes.joined.get(m.id, []), loc),
        left=states(changes.left.get(m.id, []), loc),
        status_before=None if before is None else (
            loc.label(before[0], "status") if before[0] else ""),
        established=m.id in changes.established,
        long=len(m.members) + len(m.observers_and_partners) > LONG_ROW)


def iscm_table(data: BulletinData, loc: Localiser) -> IscmTable:
    """The ISCM table in the reader's language."""
    key = theme_key(data, loc)
    return IscmTable(
        groups=tuple(TableGroup(kind, region, tuple(table_row(m, data, key, loc) for m in ms))
                     for kind, region, ms in ordered_groups(data.mechanisms, loc)),
        themes=key)
