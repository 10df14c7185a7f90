"""Resolve how editors refer to a mechanism: id, acronym, any name, an alias.

Exact matches only (after folding case, accents and punctuation). A fuzzy
match is never accepted, only offered: MIDSA and MIDWA differ by one letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process, utils

from .schema import header_key

BRACKETED = re.compile(r"\(([^()]+)\)")
NAME_COLUMNS = ("name_en", "name_fr", "name_es", "name_ar", "name_ru")


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
                references.append(name)
                references += BRACKETED.findall(name)  # 'Puebla Process' in 'RCM (Puebla Process)'
            for reference in filter(None, references):
                owners.setdefault(header_key(reference), set()).add(row.id)
                labels.setdefault(reference, row.id)
            titles[row.id] = f"{row.acronym} ({row.name_en})"
        keys = {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1 and key}
        return cls(keys, labels, titles)

    def resolve(self, reference: str) -> str | None:
        return self.keys.get(header_key(reference))

    def suggest(self, reference: str, limit: int = 2) -> list[str]:
        """Titles of the closest mechanisms, best first."""
        matches = process.extract(reference, list(self.labels), scorer=fuzz.WRatio,
                                  processor=utils.default_process, limit=8, score_cutoff=60)
        matches = [m for m in matches if m[1] >= matches[0][1] - 10]
        ids = dict.fromkeys(self.labels[m[0]] for m in matches)
        return [self.titles[i] for i in list(ids)[:limit]]
