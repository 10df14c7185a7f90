"""What an edition shows of the inputs: the rows whose texts its documents print.

Every mechanism and participant (the ISCM table, the profiles); the meetings of its year
(the bulletin, the calendars); and the meetings of the years just before it of the
mechanisms that have a profile, those active or emerging at the end of the year (the
profiles list a mechanism's meetings of the last RECENT_YEARS years). The count of texts
left in English (translations.py: the `untranslated` warning, the translation kit) and the
documents (aggregate/, compose/profiles.py) read these definitions alike, so that what is
counted is what is printed.

A past edition is built from the same inputs (aggregate/history.py): a mechanism
established after the year is not in it, and a status taken after the year gives way to
the status before it, when the inputs give it.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

RECENT_YEARS = 3
"""A mechanism's profile lists its meetings of the bulletin year and the two before it."""
PROFILED = ("active", "emerging")
"""The mechanisms that get a profile: those that work, or are being set up."""


def by_year(values: pd.Series, year: int) -> pd.Series:
    """Whether each year (None: not known, taken as always) is by the end of `year`."""
    return values.map(lambda y: y is None or y <= year).astype(bool)


def established_by(mechanisms: pd.DataFrame, year: int) -> pd.DataFrame:
    """The mechanisms established by the end of the year (year_established blank: always)."""
    return mechanisms[by_year(mechanisms["year_established"], year)]


def status_not_yet(mechanisms: pd.DataFrame, year: int) -> pd.Series:
    """Mechanisms whose status was taken after the year and whose status before is known."""
    since = mechanisms["status_since"].map(lambda y: y is not None and y > year).astype(bool)
    return since & (mechanisms["status_before"] != "")


def statuses_at(mechanisms: pd.DataFrame, year: int) -> pd.Series:
    """Each mechanism's status at the end of the year: its status, or the status before it
    where the status was taken after the year (and the status before is known)."""
    return mechanisms["status"].where(~status_not_yet(mechanisms, year),
                                      mechanisms["status_before"])


def in_years(meetings: pd.DataFrame, year: int, years: int = 1) -> pd.Series:
    """Whether each meeting started in the year or the years - 1 years before it."""
    since = year - years + 1
    # astype(bool): an empty object Series would select columns, not rows.
    return meetings["start_date"].map(lambda d: bool(d) and since <= d.year <= year
                                      ).astype(bool)


def profiled(mechanisms: pd.DataFrame, year: int) -> set[str]:
    """The ids of the mechanisms that have a profile in the year's edition."""
    existing = established_by(mechanisms, year)
    return set(existing.loc[statuses_at(existing, year).isin(PROFILED), "id"])


IN_PROFILES = ("title", "city", "outcome_document")
"""The texts of a meeting a profile prints (profiles.html: its title, its place and the
documents it adopted); its summary, themes and chair are the year's documents' alone."""


def shown_meetings(meetings: pd.DataFrame, mechanisms: pd.DataFrame, year: int
                   ) -> Callable[[str], pd.Series]:
    """For a text column of the meetings, whether the year's edition prints it for each
    meeting: for one of the year, every text; for one of the years the profiles cover whose
    mechanism has a profile, those of IN_PROFILES."""
    of_year = in_years(meetings, year)
    recent = in_years(meetings, year, RECENT_YEARS)
    with_profile = meetings["mechanism_id"].isin(profiled(mechanisms, year))
    in_profiles = (of_year | (recent & with_profile)).astype(bool)
    return lambda column: in_profiles if column in IN_PROFILES else of_year
