"""The Global Compact for Migration's 23 objectives and the SDG targets on migration, as data.

``data/gcm_objectives.csv`` holds one row an objective: its number, its title in the
resolution that adopted the Compact (A/RES/73/195, paragraph 16) and the short name the
UN Network on Migration gives it, in each language where one could be sourced (blank
where not: nothing is made up; data/SOURCES.md says which). ``data/sdg_targets.csv``
holds the targets of the SDG indicator framework (A/RES/71/313) that name migrants,
migration, remittances or trafficking, with their official text in the five languages.

Which theme counts towards which objective and target (the crosswalk) is a column of the
themes (data/themes.csv, and an editor's themes sheet: theme_table.py); a meeting may
name its objectives itself (its gcm_objectives column). Both are read by the kind
``kinds.OBJECTIVES`` and ``kinds.SDG_TARGETS``, whose numbers are checked here.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ..config import LANGUAGES
from ..languages import require_columns

DATA = Path(__file__).resolve().parent / "data"
OBJECTIVES_FILE = DATA / "gcm_objectives.csv"
TARGETS_FILE = DATA / "sdg_targets.csv"
NONE_WORDS = frozenset({"none", "aucun", "aucune", "ninguno", "ninguna", "-", "–", "—"})
"""What a crosswalk or gcm_objectives cell says for 'no objective' (no target), in English,
French and Spanish: written, it replaces what would otherwise count (a blank does not)."""


@dataclass(frozen=True)
class Objective:
    """One of the Compact's 23 objectives."""

    number: int
    short: Mapping[str, str] = field(hash=False)
    """Language -> the UN Network on Migration's short name, where sourced."""
    title: Mapping[str, str] = field(hash=False)
    """Language -> its title in A/RES/73/195, where sourced."""

    def name(self, lang: str) -> tuple[str, str]:
        """(the name the documents print in lang, the language it is in): the short name,
        else the title, in lang; else the English short name (printed marked English)."""
        for names in (self.short, self.title):
            if names.get(lang):
                return names[lang], lang
        return self.short["en"], "en"


@dataclass(frozen=True)
class Target:
    """An SDG target on migration."""

    code: str
    """'10.7', '10.c': as the framework numbers it."""
    title: Mapping[str, str] = field(hash=False)
    """Language -> its official text."""


def read(path: Path, prefixes: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        for prefix in prefixes:
            require_columns(path.name, reader.fieldnames or (), prefix + "{code}")
        return list(reader)


def by_language(row: Mapping[str, str], prefix: str) -> Mapping[str, str]:
    return MappingProxyType({lang: row[prefix + lang] for lang in LANGUAGES if row[prefix + lang]})


@cache
def objectives() -> Mapping[int, Objective]:
    """The 23 objectives, by number, in order."""
    rows = read(OBJECTIVES_FILE, ("short_", "title_"))
    found = {int(row["objective"]): Objective(int(row["objective"]), by_language(row, "short_"),
                                              by_language(row, "title_")) for row in rows}
    if list(found) != list(range(1, 24)) or any("en" not in o.short for o in found.values()):
        raise ValueError(f"{OBJECTIVES_FILE.name}: the objectives 1 to 23, in order, each with "
                         "its English short name")
    return MappingProxyType(found)


@cache
def targets() -> Mapping[str, Target]:
    """The SDG targets on migration, by code, in the framework's order."""
    rows = read(TARGETS_FILE, ("title_",))
    return MappingProxyType({row["target"]: Target(row["target"], by_language(row, "title_"))
                             for row in rows})


FIRST, LAST = 1, 23
"""The objectives' numbers (A/RES/73/195: 23 objectives)."""
