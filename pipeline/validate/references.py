"""Resolve how editors refer to a mechanism: id, acronym, any name, an alias.

Exact matches only (after folding case, accents and punctuation). A name in
brackets counts as a name, and so does the part before the brackets: both
'Processus de Quito' and 'Réunion technique internationale …' name the mechanism
called 'Réunion technique internationale … (Processus de Quito)'. A reference
written in two parts, 'CRM (Processus de Puebla)', resolves when its parts point
to one mechanism and no other. A fuzzy match is never accepted, only offered:
MIDSA and MIDWA differ by one letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process, utils

from ..utils.text import header_key

BRACKETED = re.compile(r"\(([^()]+)\)")
OUTSIDE_BRACKETS = re.compile(r"\s*\([^()]*\)\s*")
NAME_COLUMNS = ("name_en", "name_fr", "name_es", "name_ar", "name_ru")


def name_parts(name: str) -> list[str]:
    """The parts of 'Name (Other name)': what is in brackets, and what is before them."""
    bracketed = BRACKETED.findall(name)
    if not bracketed:
        return []
    return [*bracketed, OUTSIDE_BRACKETS.sub(" ", name).strip()]


@dataclass(frozen=True)
class MechanismIndex:
    keys: dict[str, str]
    """Folded reference -> mechanism id (ambiguous references left out)."""
    labels: dict[str, str]
    """Every reference as written -> mechanism id, for suggestions."""
    titles: dict[str, str]
    """Mechanism id -> 'GFMD (Global Forum on Migration and Development)'."""

    @classmethod
    def from_frame(cls, mechanisms: pd.DataFrame) -> MechanismIndex:
        owners: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        titles: dict[str, str] = {}
        for row in mechanisms.itertuples():
            references = [row.id, row.acronym, *row.aliases]
            for column in NAME_COLUMNS:
                name = getattr(row, column)
                references += [name, *name_parts(name)]
            for reference in filter(None, references):
                owners.setdefault(header_key(reference), set()).add(row.id)
                labels.setdefault(reference, row.id)
            titles[row.id] = f"{row.acronym} ({row.name_en})"
        keys = {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1 and key}
        return cls(keys, labels, titles)

    def resolve(self, reference: str) -> str | None:
        """The id of the one mechanism the reference names, or None."""
        found = self.keys.get(header_key(reference))
        if found is not None:
            return found
        ids = {self.keys.get(header_key(part)) for part in name_parts(reference)}
        ids.discard(None)
        return ids.pop() if len(ids) == 1 else None

    def suggest(self, reference: str, limit: int = 2) -> list[str]:
        """Titles of the closest mechanisms, best first."""
        matches = process.extract(reference, list(self.labels), scorer=fuzz.WRatio,
                                  processor=utils.default_process, limit=8, score_cutoff=60)
        matches = [m for m in matches if m[1] >= matches[0][1] - 10]
        ids = dict.fromkeys(self.labels[m[0]] for m in matches)
        return [self.titles[i] for i in list(ids)[:limit]]
