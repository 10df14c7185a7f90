"""Editions over time: the inputs as they stood at the end of a year, and what changed in it.

One set of inputs describes every year: a participant counts at the end of year Y when
it had joined by then (or `joined` is blank) and had not left (`left` blank or after Y);
a mechanism established after Y, a status taken after Y, a meeting after Y are simply
not yet true in the Y edition. So ``make bulletin YEAR=2024`` gives the 2024 edition
from this year's spreadsheets. Nothing here depends on the reader's language.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..config import FIRST_YEAR
from ..contract.vocabularies import VOCABULARIES
from ..model import Changes
from ..validate.shown import by_year, established_by, status_not_yet, statuses_at


def edition_mechanisms(mechanisms: pd.DataFrame, year: int) -> pd.DataFrame:
    """The mechanisms of the year's edition, each with its status at the end of the year.

    A status taken after the year gives way to `status_before`; its detail, which tells the
    later status, is left out with its translations. With `status_before` blank the status
    then is not known, and the current one is shown (never a guessed one)."""
    mechanisms = established_by(mechanisms, year).copy()
    earlier = status_not_yet(mechanisms, year)
    if earlier.any():
        mechanisms["status"] = statuses_at(mechanisms, year)
        for column in [c for c in mechanisms if c.startswith("status_detail")]:
            mechanisms.loc[earlier, column] = ""
    return mechanisms


def participants_at(participants: pd.DataFrame, mechanisms: pd.DataFrame, year: int
                    ) -> pd.DataFrame:
    """Participations at the end of the year, in the mechanisms of its edition: joined by
    then (or blank), not left (blank, or a later year)."""
    joined = by_year(participants["joined"], year)
    left = participants["left"].map(lambda y: y is None or y > year).astype(bool)
    existing = participants["mechanism_id"].isin(set(mechanisms["id"]))
    return participants[joined & left & existing]


def states_moving(participants: pd.DataFrame, mechanisms: pd.DataFrame, column: str,
                  year: int) -> dict[str, list[str]]:
    """Mechanism id -> ISO3 codes of the member States whose `column` (joined, left) is the
    year, in the mechanisms of its edition; mechanisms with none left out."""
    moved = participants[(participants[column] == year).astype(bool)
                         & (participants["role"] == "member")
                         & (participants["kind"] == "state")
                         & participants["mechanism_id"].isin(set(mechanisms["id"]))]
    return {m: sorted(set(codes)) for m, codes
            in sorted(moved.groupby("mechanism_id")["code"].apply(list).items())}


def established_in(mechanisms: pd.DataFrame, year: int) -> list[str]:
    """Ids of the mechanisms established in the year."""
    return sorted(mechanisms.loc[(mechanisms["year_established"] == year).astype(bool), "id"])


def status_changes(mechanisms: pd.DataFrame, year: int) -> dict[str, list[str | None]]:
    """Id -> [status before (None: not known), status] of the mechanisms whose status
    dates from the year, when it is not the one they were established with."""
    changed = mechanisms[(mechanisms["status_since"] == year).astype(bool)
                         & (mechanisms["year_established"] != year).astype(bool)
                         & (mechanisms["status_before"] != mechanisms["status"])]
    return {r.id: [r.status_before or None, r.status]
            for r in changed.sort_values("id").itertuples()}


def changes(mechanisms: pd.DataFrame, participants: pd.DataFrame, year: int) -> Changes:
    """What changed in the year: who joined and left, what was founded or changed status.
    `mechanisms` are the edition's (edition_mechanisms), with their status at the year."""
    return Changes(joined=states_moving(participants, mechanisms, "joined", year),
                   left=states_moving(participants, mechanisms, "left", year),
                   established=established_in(mechanisms, year),
                   status_changed=status_changes(mechanisms, year))


def first_year(meetings: pd.DataFrame, year: int) -> int:
    """The first year the meetings of the inputs reach (the bulletin year when none does);
    meetings before FIRST_YEAR are not shown (validate.py warns), so not counted."""
    return min((d.year for d in meetings["start_date"] if d and d.year >= FIRST_YEAR),
               default=year)


def meetings_per_year_by_level(meetings: pd.DataFrame, year: int
                               ) -> dict[int, dict[str, int]]:
    """Year -> level -> meetings held, for every year from the first in the inputs to the
    bulletin year (zeros included). `meetings` are those that were held."""
    counts = Counter(zip((d.year for d in meetings["start_date"]), meetings["level"]))
    return {y: {level: counts[y, level] for level in VOCABULARIES["level"]}
            for y in range(min(first_year(meetings, year), year), year + 1)}
