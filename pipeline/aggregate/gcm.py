"""The meetings in the Global Compact's terms: which objectives and SDG targets each addressed.

A meeting addressed the objectives its gcm_objectives column names, when it names
some (or says none); otherwise those its themes count towards, by the crosswalk of
the themes (themes.csv, a themes sheet: Theme.gcm_objectives). Its SDG targets on
migration are its themes' (Theme.sdg_targets). A theme no crosswalk links counts
towards nothing (validation reports it). The figures count the year's meetings held,
as every meeting figure does, and the mechanisms those meetings are of.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..contract import gcm
from ..model import Theme


def of_themes(keys: Iterable[str], themes: Mapping[str, Theme], field: str) -> tuple:
    """What these themes count towards together (objectives or targets), in order."""
    found = {item for key in keys if key in themes
             for item in (getattr(themes[key], field) or ())}
    return tuple(sorted(found, key=order_of(field)))


def order_of(field: str):
    """Objectives by number; targets in the framework's order."""
    if field == "gcm_objectives":
        return int
    codes = list(gcm.targets())
    return codes.index


def with_objectives(meetings: pd.DataFrame, themes: Mapping[str, Theme]) -> pd.DataFrame:
    """The meetings with 'objectives' (a tuple of numbers), 'objectives_named' (whether the
    meeting's own column gave them) and 'targets' (a tuple of SDG targets)."""
    named = meetings["gcm_objectives"].map(lambda cell: cell is not None).astype(bool)
    objectives = [cell if cell is not None else of_themes(keys, themes, "gcm_objectives")
                  for cell, keys in zip(meetings["gcm_objectives"], meetings["themes"])]
    targets = [of_themes(keys, themes, "sdg_targets") for keys in meetings["themes"]]
    return meetings.assign(objectives=pd.Series(objectives, index=meetings.index, dtype=object),
                           objectives_named=named,
                           targets=pd.Series(targets, index=meetings.index, dtype=object))


def counts(meetings: pd.DataFrame, column: str, keys: Iterable) -> dict:
    """Each key (every one, zeros included, in order) -> {'meetings': the meetings whose
    column holds it, 'mechanisms': the mechanisms of those meetings}."""
    pairs = meetings[["mechanism_id", column]].explode(column).dropna()
    return {key: {"meetings": int((pairs[column] == key).sum()),
                  "mechanisms": int(pairs.loc[pairs[column] == key, "mechanism_id"].nunique())}
            for key in keys}


def objective_counts(meetings: pd.DataFrame) -> dict[int, dict[str, int]]:
    """Objective (1-23) -> the meetings that addressed it and their mechanisms."""
    return counts(meetings, "objectives", gcm.objectives())


def target_counts(meetings: pd.DataFrame) -> dict[str, dict[str, int]]:
    """SDG target on migration -> the meetings that addressed it and their mechanisms."""
    return counts(meetings, "targets", gcm.targets())
