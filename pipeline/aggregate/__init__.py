"""From the validated tables to every figure and list the bulletin shows.

One small function per figure, named after what it returns (Hamilton's
style); ``summarise()`` only assembles them. Nothing here depends on the
reader's language.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..config import LANGUAGES
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, UPDATES
from ..contract.vocabularies import VOCABULARIES
from ..model import (
    BulletinData,
    Highlight,
    Mechanism,
    Meeting,
    Party,
    Summary,
    Tables,
    Update,
)
from ..validate import translations
from ..validate.shown import RECENT_YEARS, in_years
from ..world import regions
from . import gcm, history, titles

TOP_STATES = 10
"""How many States 'the States in the most mechanisms' lists (more when tied)."""
RANKING_COVERAGE = 0.9
"""Share of the active mechanisms whose member lists must be known for the States to be
ranked by membership: with the Budapest, Rabat and GFMD lists missing, a ranking only
shows which lists were typed in."""


def state_members(participants: pd.DataFrame) -> pd.DataFrame:
    """Member participations of States (territories and organisations excluded)."""
    return participants[(participants["role"] == "member") & (participants["kind"] == "state")]


def year_meetings(meetings: pd.DataFrame, year: int) -> pd.DataFrame:
    """The meetings that started in the bulletin year, in date order."""
    return recent_meetings(meetings, year, years=1)


def recent_meetings(meetings: pd.DataFrame, year: int, years: int = RECENT_YEARS
                    ) -> pd.DataFrame:
    """The meetings that started in the bulletin year or the years just before it, in date
    order (a profile shows what a mechanism has done lately, not only this year)."""
    recent = meetings[in_years(meetings, year, years)]
    return recent.sort_values(["start_date", "end_date", "mechanism_id", "title"])


def count_by(values: pd.Series, order: list[str]) -> dict[str, int]:
    """Counts of each value, every value of `order` present (zeros included), in that order."""
    counts = values.value_counts()
    return {key: int(counts.get(key, 0)) for key in order}


def mechanisms_by_type(mechanisms: pd.DataFrame) -> dict[str, int]:
    """Number of mechanisms of each type."""
    return count_by(mechanisms["type"], list(VOCABULARIES["type"]))


def mechanisms_by_status(mechanisms: pd.DataFrame) -> dict[str, int]:
    """Number of mechanisms in each status."""
    return count_by(mechanisms["status"], list(VOCABULARIES["status"]))


def mechanisms_by_type_and_status(mechanisms: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Type -> status -> number of mechanisms."""
    return {kind: mechanisms_by_status(mechanisms[mechanisms["type"] == kind])
            for kind in VOCABULARIES["type"]}


def mechanisms_by_region(mechanisms: pd.DataFrame) -> dict[str, int]:
    """Number of mechanisms in each macro-region (a mechanism may span several); 'Other'
    only when some mechanism could not be placed."""
    counts = count_by(mechanisms["macro_regions"].explode().dropna(), list(regions.GROUPS))
    return {group: n for group, n in counts.items() if n or group != regions.OTHER}


def meetings_by_mechanism(meetings: pd.DataFrame) -> dict[str, int]:
    """Mechanism id -> meetings held in the year (mechanisms that met), by id."""
    return {k: int(v) for k, v in sorted(meetings["mechanism_id"].value_counts().items())}


def meetings_by_level(meetings: pd.DataFrame) -> dict[str, int]:
    """Meetings held in the year at each level."""
    return count_by(meetings["level"], list(VOCABULARIES["level"]))


def meetings_by_month(meetings: pd.DataFrame) -> dict[str, int]:
    """'01'…'12' -> meetings that started in that month."""
    months = meetings["start_date"].map(lambda d: f"{d.month:02d}")
    return count_by(months, [f"{m:02d}" for m in range(1, 13)])


def meetings_by_theme(meetings: pd.DataFrame) -> dict[str, int]:
    """Theme key -> number of the year's meetings with the theme, most frequent first."""
    counts = meetings["themes"].explode().dropna().value_counts()
    return {k: int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


def memberships_per_state(participants: pd.DataFrame) -> dict[str, int]:
    """ISO3 -> number of mechanisms the State is a member of."""
    members = state_members(participants)
    counts = members.drop_duplicates(["mechanism_id", "code"])["code"].value_counts()
    return {k: int(v) for k, v in sorted(counts.items())}


def member_states(participants: pd.DataFrame) -> int:
    """Distinct States that are members of at least one mechanism."""
    return int(state_members(participants)["code"].nunique())


def member_states_and_territories(participants: pd.DataFrame) -> int:
    """Distinct States and territories that are members of at least one mechanism."""
    members = participants[(participants["role"] == "member")
                           & participants["kind"].isin(["state", "territory"])]
    return int(members["code"].nunique())


def with_member_list(participants: pd.DataFrame) -> set[str]:
    """Ids of the mechanisms with at least one member listed (a State or not)."""
    return set(participants.loc[participants["role"] == "member", "mechanism_id"])


def active_without_member_list(mechanisms: pd.DataFrame, participants: pd.DataFrame
                               ) -> list[str]:
    """Ids of the active mechanisms whose members are not listed."""
    active = mechanisms.loc[mechanisms["status"] == "active", "id"]
    return sorted(set(active) - with_member_list(participants))


def ranking_is_meaningful(mechanisms: pd.DataFrame, participants: pd.DataFrame) -> bool:
    """Whether enough active mechanisms have member lists for States to be ranked."""
    active = int((mechanisms["status"] == "active").sum())
    missing = len(active_without_member_list(mechanisms, participants))
    return active > 0 and (active - missing) / active >= RANKING_COVERAGE


def member_states_per_mechanism(mechanisms: pd.DataFrame, participants: pd.DataFrame
                                ) -> dict[str, int | None]:
    """Mechanism id -> member States; None where no member list is given (unknown, not 0)."""
    listed = with_member_list(participants)
    counts = state_members(participants).groupby("mechanism_id")["code"].nunique()
    return {m: (int(counts.get(m, 0)) if m in listed else None)
            for m in sorted(mechanisms["id"])}


def iom_roles(mechanisms: pd.DataFrame) -> dict[str, list[str]]:
    """IOM role -> ids of the mechanisms where IOM has it (roles with none left out)."""
    roles = mechanisms[["id", "iom_role"]].explode("iom_role").dropna()
    return {role: sorted(roles.loc[roles["iom_role"] == role, "id"])
            for role in VOCABULARIES["iom_role"] if (roles["iom_role"] == role).any()}


def top_states(memberships: dict[str, int], size: int = TOP_STATES) -> list[tuple[str, int]]:
    """The States in the most mechanisms; ties at the cut are kept unless they swell the list."""
    ranked = sorted(memberships.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) <= size:
        return ranked
    cut = ranked[size - 1][1]
    selected = [kv for kv in ranked if kv[1] >= cut]
    if len(selected) > size * 3 // 2:
        selected = [kv for kv in ranked if kv[1] > cut]
    return selected


def parties(participants: pd.DataFrame) -> dict[tuple[str, str], tuple[Party, ...]]:
    """(mechanism id, role) -> the participants in that role: States and territories, then
    organisations. One pass over the table, however many mechanisms."""
    found: dict[tuple[str, str], list[Party]] = {}
    columns = participants[["mechanism_id", "role", "kind", "code", "participant"]]
    for (mechanism_id, role, kind, code, name), translated in zip(
            columns.itertuples(index=False, name=None),
            translations.of_rows(PARTICIPANTS, participants)):
        found.setdefault((mechanism_id, role), []).append(Party(kind, code, name, translated))
    order = lambda p: (p.kind == "organisation", p.code, p.name)  # noqa: E731
    return {key: tuple(sorted(listed, key=order)) for key, listed in found.items()}


def mechanism_objects(mechanisms: pd.DataFrame, participants: pd.DataFrame,
                      states_per_mechanism: dict[str, int | None]) -> tuple[Mechanism, ...]:
    """Every mechanism with its participants, by id."""
    by_role = parties(participants)
    result = []
    mechanisms = mechanisms.sort_values("id")
    for r, translated in zip(mechanisms.itertuples(),
                             translations.of_rows(MECHANISMS, mechanisms)):
        names = {lang: getattr(r, f"name_{lang}") for lang in LANGUAGES}
        result.append(Mechanism(
            id=r.id, acronym=r.acronym, names={k: v for k, v in names.items() if v},
            type=r.type, status=r.status, status_detail=r.status_detail, regions=r.region,
            macro_regions=r.macro_regions,
            year_established=r.year_established, secretariat=r.secretariat,
            iom_roles=r.iom_role, formal_association=r.formal_association,
            thematic_focus=r.thematic_focus, chair=r.chair, website=r.website,
            members=by_role.get((r.id, "member"), ()),
            observers=by_role.get((r.id, "observer"), ()),
            partners=by_role.get((r.id, "partner"), ()), member_states=states_per_mechanism[r.id],
            translations=translated))
    return tuple(result)


def meeting_statuses(meetings: pd.DataFrame, edition: dt.date) -> pd.Series:
    """Each meeting's status: as written, except that a meeting that starts after the
    edition date is never held (blank or held: planned; validate reports one marked held);
    blank, held when it started by the edition date."""
    return pd.Series([("planned" if status in ("", "held") else status) if start > edition
                      else status or "held"
                      for status, start in zip(meetings["status"], meetings["start_date"])],
                     index=meetings.index, dtype=object)


def held(meetings: pd.DataFrame, edition: dt.date) -> pd.DataFrame:
    """The meetings that took place: what the figures count and the highlights tell."""
    return meetings[(meeting_statuses(meetings, edition) == "held").astype(bool)]


WRITTEN_IN = {column.name: column.language_from for column in MEETINGS.columns
              if column.language_from}
"""A meeting's texts that may be written in another language than English, and the column of
the row that says which (schema.Column.language_from)."""


def written_in(meetings: pd.DataFrame) -> list[dict[str, str]]:
    """For each meeting: column -> the language its text is written in, where the row says
    it is not English."""
    return [{text: language for text, language in zip(WRITTEN_IN, row) if language}
            for row in zip(*(meetings[column] for column in WRITTEN_IN.values()))]


def meeting_objects(meetings: pd.DataFrame, mechanisms: pd.DataFrame, edition: dt.date
                    ) -> tuple[Meeting, ...]:
    """The meetings as typed objects, in the frame's order, each with its printed name."""
    acronyms = dict(zip(mechanisms["id"], mechanisms["acronym"]))
    meetings = meetings.assign(status=meeting_statuses(meetings, edition))
    return tuple(Meeting(
        mechanism_id=r.mechanism_id, edition=r.edition, title=r.title,
        name=titles.meeting_name(r.title, r.edition, acronyms.get(r.mechanism_id, "")),
        start=r.start_date, end=r.end_date, city=r.city, country=r.country, level=r.level,
        themes=r.themes, chair=r.chair, iom_participation=r.iom_participation,
        summary=r.summary, outcome_documents=r.outcome_document, source=r.source,
        status=r.status, gcm_objectives=r.objectives, objectives_named=r.objectives_named,
        sdg_targets=r.targets, translations=translated, languages=languages)
        for r, translated, languages in zip(meetings.itertuples(),
                                            translations.of_rows(MEETINGS, meetings),
                                            written_in(meetings)))


def update_objects(updates: pd.DataFrame | None, mechanisms: pd.DataFrame, year: int
                   ) -> tuple[Update, ...]:
    """The yearly updates of the year (the compendium), of the mechanisms of the edition, by
    mechanism id."""
    if updates is None:
        return ()
    rows = updates[(updates["year"] == year).astype(bool)
                   & updates["mechanism_id"].isin(set(mechanisms["id"])).astype(bool)]
    rows = rows.sort_values("mechanism_id")
    return tuple(Update(
        mechanism_id=r.mechanism_id, year=r.year, achievements=r.achievements,
        priorities=r.priorities, upcoming=r.upcoming, sent_by=r.sent_by, sent_on=r.sent_on,
        translations=translated)
        for r, translated in zip(rows.itertuples(), translations.of_rows(UPDATES, rows)))


HIGHLIGHTED = ("held", "planned")
"""The meetings the highlights tell, in the past or the future tense (sentences.py): not
those postponed or cancelled, which the calendars list with their status."""


def highlights(mechanisms: tuple[Mechanism, ...], calendar: tuple[Meeting, ...]
               ) -> tuple[Highlight, ...]:
    """Mechanisms that met or are to meet in the year, by English name, each with those
    meetings, held and upcoming, in date order."""
    meetings: dict[str, list[Meeting]] = {}
    for meeting in (m for m in calendar if m.status in HIGHLIGHTED):
        meetings.setdefault(meeting.mechanism_id, []).append(meeting)
    met = [Highlight(m, tuple(meetings[m.id])) for m in mechanisms if m.id in meetings]
    return tuple(sorted(met, key=lambda h: h.mechanism.names["en"]))


def themes_in_use(mechanisms: pd.DataFrame, meetings: pd.DataFrame) -> tuple[str, ...]:
    """Keys of the themes of the active mechanisms and of the year's meetings, sorted."""
    active = mechanisms.loc[mechanisms["status"] == "active", "thematic_focus"]
    tags = set(active.explode().dropna()) | set(meetings["themes"].explode().dropna())
    return tuple(sorted(tags))


def summarise(tables: Tables, year: int) -> BulletinData:
    """Assemble every figure and list of the bulletin for one year (the year the tables
    were validated for: their edition date is that year's, publication.py)."""
    # The inputs as they stood at the end of the year (history.py): every figure uses them.
    mechanisms = history.edition_mechanisms(tables.mechanisms, year)
    participants = history.participants_at(tables.participants, mechanisms, year)
    edition = tables.edition.date
    all_meetings = gcm.with_objectives(tables.meetings, tables.themes)
    calendar_rows = year_meetings(all_meetings, year)
    meetings = held(calendar_rows, edition)
    per_year = history.meetings_per_year_by_level(held(tables.meetings, edition), year)
    memberships = memberships_per_state(participants)
    per_mechanism = member_states_per_mechanism(mechanisms, participants)
    summary = Summary(
        year=year,
        mechanisms_by_type=mechanisms_by_type(mechanisms),
        mechanisms_by_status=mechanisms_by_status(mechanisms),
        mechanisms_by_type_and_status=mechanisms_by_type_and_status(mechanisms),
        mechanisms_by_region=mechanisms_by_region(mechanisms),
        meetings_in_year=len(meetings),
        meetings_upcoming=int((meeting_statuses(calendar_rows, edition) == "planned").sum()),
        meetings_by_mechanism=meetings_by_mechanism(meetings),
        meetings_by_level=meetings_by_level(meetings),
        meetings_by_month=meetings_by_month(meetings),
        meetings_by_theme=meetings_by_theme(meetings),
        member_states=member_states(participants),
        member_states_and_territories=member_states_and_territories(participants),
        memberships_per_state=memberships,
        member_states_per_mechanism=per_mechanism,
        iom_roles=iom_roles(mechanisms),
        mechanisms=len(mechanisms),
        member_lists_known=len(with_member_list(participants) & set(mechanisms["id"])),
        active_without_member_list=active_without_member_list(mechanisms, participants),
        top_states=(top_states(memberships)
                    if ranking_is_meaningful(mechanisms, participants) else []),
        changes=history.changes(mechanisms, tables.participants, year),
        meetings_per_year={y: sum(levels.values()) for y, levels in per_year.items()},
        meetings_per_year_by_level=per_year,
        gcm_objectives=gcm.objective_counts(meetings),
        sdg_targets=gcm.target_counts(meetings),
        gcm_meetings_named=int(meetings["objectives_named"].sum()),
    )
    all_mechanisms = mechanism_objects(mechanisms, participants, per_mechanism)
    calendar = meeting_objects(calendar_rows, mechanisms, edition)
    return BulletinData(
        year=year,
        edition_date=edition,
        summary=summary,
        mechanisms=all_mechanisms,
        highlights=highlights(all_mechanisms, calendar),
        calendar=calendar,
        themes=themes_in_use(mechanisms, meetings),
        theme_names=tables.themes,
        recent=meeting_objects(recent_meetings(all_meetings, year), mechanisms, edition),
        publication=tables.publication,
        edition=tables.edition,
        updates=update_objects(tables.updates, mechanisms, year),
    )
