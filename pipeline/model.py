"""The data objects passed between the stages.

ingest -> RawTables -> validate -> Tables -> aggregate -> BulletinData -> render.
Validating also parses the cells (cells.py, with each column's kind: kinds.py), so
it returns the typed Tables along with the report.
Everything after ``Tables`` is language-neutral: countries are ISO 3166-1
alpha-3 codes, levels and roles are vocabulary keys, names are kept in every
language the inputs give. Rendering picks the language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from .languages import SOURCE


@dataclass(frozen=True)
class BadCell:
    """A cell that holds no usable value: an Excel error value or a formula never calculated.

    Kept in the raw tables in place of the value, so that validation reports it
    where it is, and only when the column is read.
    """

    code: str
    """'excel-error' (#REF!, #N/A…) or 'formula-without-value'."""
    text: str
    """The error value or the formula, as Excel would show it."""

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class RawTable:
    """One input table as read: cells as strings, numbers or dates, '' when blank."""

    name: str
    """The contract's table name: mechanisms, participants or meetings."""
    path: Path
    sheet: str
    """Sheet name ('' for a CSV file)."""
    frame: pd.DataFrame
    """Canonical column names; the index is the Excel row number."""
    headers: dict[str, str]
    """Canonical column name -> header as the editor wrote it."""
    header_row: int = 1
    """Excel row number of the header row."""
    ignored_headers: tuple[str, ...] = ()
    """Headers the contract does not know (reported as warnings)."""

    @property
    def file(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RawTables:
    """Every input table found, plus problems met while reading the files."""

    tables: dict[str, RawTable]
    problems: tuple = ()
    counts: tuple[tuple[str, int], ...] = ()
    translations: tuple = ()
    """translator_files.Entry: the translations read from inputs/translations/."""

    def __getitem__(self, name: str) -> RawTable:
        return self.tables[name]


@dataclass(frozen=True)
class Theme:
    """A theme of the mechanisms and meetings (themes.py): its labels, and the other ways
    offices write it."""

    key: str
    """The canonical key (a slug: labour-migration): what the figures and the summary use."""
    labels: Mapping[str, str] = field(hash=False)
    """Language -> the label printed in it; English always. A theme nobody declared has its
    name as the inputs write it, as its English label."""
    aliases: tuple[str, ...] = ()
    """Other names it is written as (labour mobility; migración laboral…)."""
    known: bool = True
    """False for a theme written in the inputs that neither the built-in list nor a themes
    sheet declares: kept as written, and reported."""
    gcm_objectives: tuple[int, ...] | None = None
    """The crosswalk: the Global Compact's objectives a meeting with the theme counts towards
    (() for none); None where no crosswalk says (a theme nobody declared, a new theme whose
    row leaves it blank): it counts towards none, and is reported."""
    sdg_targets: tuple[str, ...] | None = None
    """The SDG targets on migration a meeting with the theme counts towards; None: not said."""


@dataclass(frozen=True)
class Logo:
    """The publisher's logo file (the publication setting logo), read and checked: the
    documents embed it, and never read the inputs folder."""

    name: str
    """Its file name in the inputs folder."""
    media_type: str
    """image/svg+xml or image/png."""
    data: bytes = field(repr=False)

    @property
    def data_uri(self) -> str:
        """The image as a data: URI, so that the pages and PDFs carry it themselves."""
        import base64

        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class Publication:
    """The publication settings the editor gave (publication.py), each read by its kind;
    a setting not given is absent, and takes its default where it is used."""

    values: dict[str, object] = field(default_factory=dict)
    """Setting name -> its value."""
    translations: dict[str, dict[str, object]] = field(default_factory=dict)
    """Setting name -> language -> its value in that language, for the settings whose
    value differs by language."""


@dataclass(frozen=True)
class EditionDate:
    """The date printed on the documents, and where it comes from (publication.py)."""

    date: dt.date
    given_by: str
    """'option' (EDITION_DATE=, --edition-date), 'settings' (publication.xlsx) or
    'default'."""
    latest: dt.date | None = None
    """For the default: the latest date of a meeting held in the year, which the build's
    date may have cut short (date is the earlier of the two)."""


@dataclass(frozen=True)
class Tables:
    """Validated tables, every cell parsed to its column's type (validate.check)."""

    mechanisms: pd.DataFrame
    participants: pd.DataFrame
    meetings: pd.DataFrame
    themes: Mapping[str, Theme] = field(default_factory=dict)
    """Theme key -> the theme: the built-in ones, a themes sheet's and those written in the
    inputs that nobody declared. The thematic_focus and themes columns hold these keys."""
    publication: Publication = field(default_factory=Publication)
    edition: EditionDate | None = None
    """The edition date of the year validated; None only when the tables were not
    validated for a year."""
    updates: pd.DataFrame | None = None
    """The yearly updates the secretariats sent (the optional updates table: make collect);
    None for tables validated without it (an empty frame when the inputs have none)."""


class ColumnName(Protocol):
    """A column of the contract (contract.schema.Column), which a record's texts are asked by."""

    @property
    def name(self) -> str: ...


class Translated:
    """A record whose texts may be translated (translations), each asked for by the
    contract's column it was read from: the documents print a record's texts by their column
    (compose/names.py), which also says how one is printed untranslated."""

    translations: Mapping[str, Mapping[str, object]]
    """Column name -> language -> the text in that language, where it is translated."""

    def english(self, column: ColumnName) -> object:
        """The record's text of a translated column, as the inputs give it (in English)."""
        raise NotImplementedError

    def translation(self, column: ColumnName, lang: str) -> object | None:
        """The text of a column in lang, where it is translated; None where it is not, or
        where the 'translation' is the English itself (a title kept as published: it is
        printed marked English)."""
        found = self.translations.get(column.name, {}).get(lang)
        return None if found == self.english(column) else found

    def written_in(self, column: ColumnName) -> str:
        """The language the record's text of a column is written in: English, the inputs'
        language, unless the row says otherwise (a title published in Spanish)."""
        return SOURCE


@dataclass(frozen=True)
class Party(Translated):
    """A participant in a mechanism: a State or territory (by code) or an organisation."""

    kind: str
    """state, territory or organisation."""
    code: str
    """ISO 3166-1 alpha-3 for States and territories ('XKX' for Kosovo), '' otherwise."""
    name: str
    """The name as written in the inputs (used for organisations)."""
    translations: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    """'participant' -> language -> an organisation's name in it, where translated."""

    def english(self, column: ColumnName) -> object:
        """The name, for the participants' column ('participant')."""
        return {"participant": self.name}[column.name]


@dataclass(frozen=True)
class Mechanism(Translated):
    id: str
    acronym: str
    names: dict[str, str]
    """Language code -> official name, only for the languages the inputs give."""
    type: str
    status: str
    status_detail: str
    regions: tuple[str, ...]
    """As written in the inputs ('West Africa', 'Horn of Africa')."""
    macro_regions: tuple[str, ...]
    """The groups it falls in (regions.GROUPS), the first one its group in the ISCM table."""
    year_established: int | None
    secretariat: str
    iom_roles: tuple[str, ...]
    formal_association: str
    thematic_focus: tuple[str, ...]
    """Theme keys (Tables.themes)."""
    chair: str
    website: str
    members: tuple[Party, ...] = ()
    observers: tuple[Party, ...] = ()
    partners: tuple[Party, ...] = ()
    member_states: int | None = None
    """Number of member States; None when no member list is given (unknown, not 0)."""
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    """Column -> language -> its text in that language, where translated (acronym, region,
    status_detail, secretariat, formal_association, chair)."""

    def english(self, column: ColumnName) -> object:
        """The text of a translated column of the mechanisms table."""
        return {"acronym": self.acronym, "region": self.regions,
                "status_detail": self.status_detail, "secretariat": self.secretariat,
                "formal_association": self.formal_association, "chair": self.chair
                }[column.name]

    @property
    def observers_and_partners(self) -> tuple[Party, ...]:
        """The participants that are not members, as the ISCM table lists them."""
        return self.observers + self.partners


@dataclass(frozen=True)
class Meeting(Translated):
    mechanism_id: str
    edition: int | None
    title: str
    """As written in the inputs."""
    name: str
    """What the documents print: the title, completed but never replaced (titles.py)."""
    start: dt.date
    end: dt.date
    city: str
    country: str
    """ISO3 code, or '' when not given (e.g. an online meeting)."""
    level: str
    themes: tuple[str, ...]
    """Theme keys (Tables.themes)."""
    chair: str
    iom_participation: bool | None
    summary: str
    outcome_documents: tuple[str, ...]
    source: str
    status: str = "held"
    """held, planned, postponed or cancelled: as written, except that a meeting that starts
    after the edition date is never held (planned, unless postponed or cancelled); blank,
    held when it started by the edition date."""
    gcm_objectives: tuple[int, ...] = ()
    """The Global Compact's objectives it addressed: those its gcm_objectives column names,
    else those its themes count towards (the crosswalk: aggregate/gcm.py)."""
    objectives_named: bool = False
    """Whether gcm_objectives are the meeting's own (its column), not its themes'."""
    sdg_targets: tuple[str, ...] = ()
    """The SDG targets on migration its themes count towards."""
    translations: dict[str, dict[str, object]] = field(default_factory=dict)
    """Column -> language -> its text in that language, where translated (title,
    summary, outcome_document (a tuple, as outcome_documents), chair, city)."""
    languages: dict[str, str] = field(default_factory=dict)
    """Column -> the language its text is written in, where the row says it is not English
    (title: title_language; outcome_document: outcome_document_language)."""

    def english(self, column: ColumnName) -> object:
        """The text of a translated column of the meetings table (as written: in English,
        or in the language written_in gives)."""
        return {"title": self.title, "summary": self.summary,
                "outcome_document": self.outcome_documents, "chair": self.chair,
                "city": self.city}[column.name]

    def written_in(self, column: ColumnName) -> str:
        return self.languages.get(column.name) or SOURCE


@dataclass(frozen=True)
class Update(Translated):
    """A mechanism's yearly update, as its secretariat wrote it (the updates table): the
    narrative of the compendium of ISCM updates."""

    mechanism_id: str
    year: int
    achievements: str
    priorities: str
    upcoming: str
    sent_by: str
    """Who filled it in, as written (a name and function: printed as written)."""
    sent_on: dt.date | None
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    """Column -> language -> its text in that language (achievements_fr…): a text written in
    another language than English is there alone, its English blank."""

    def english(self, column: ColumnName) -> object:
        """The text of a translated column of the updates table."""
        return {"achievements": self.achievements, "priorities": self.priorities,
                "upcoming": self.upcoming}[column.name]


@dataclass(frozen=True)
class Changes:
    """What changed in the bulletin year (history.py); empty where nothing did."""

    joined: dict[str, list[str]]
    """Mechanism id -> ISO3 codes of the member States that joined it in the year."""
    left: dict[str, list[str]]
    """Mechanism id -> ISO3 codes of the member States that left it in the year."""
    established: list[str]
    """Ids of the mechanisms established in the year."""
    status_changed: dict[str, list[str | None]]
    """Id -> [status before (None: not known), status since the year]."""

    def __bool__(self) -> bool:
        return bool(self.joined or self.left or self.established or self.status_changed)


@dataclass(frozen=True)
class Summary:
    """Every figure the bulletin shows; written as summary-<year>.json."""

    year: int
    mechanisms_by_type: dict[str, int]
    mechanisms_by_status: dict[str, int]
    mechanisms_by_type_and_status: dict[str, dict[str, int]]
    mechanisms_by_region: dict[str, int]
    meetings_in_year: int
    """The year's meetings held (by the edition date): what every meeting figure counts."""
    meetings_upcoming: int
    """The year's meetings after the edition date (planned, shown as upcoming): not counted
    in the figures, and no comparison with the year before while there are some."""
    meetings_by_mechanism: dict[str, int]
    meetings_by_level: dict[str, int]
    meetings_by_month: dict[str, int]
    meetings_by_theme: dict[str, int]
    member_states: int
    member_states_and_territories: int
    memberships_per_state: dict[str, int]
    member_states_per_mechanism: dict[str, int | None]
    iom_roles: dict[str, list[str]]
    mechanisms: int
    """All mechanisms in the inputs, whatever their status."""
    member_lists_known: int
    """Mechanisms with at least one member listed: the figures on membership rest on them."""
    active_without_member_list: list[str]
    """Ids of the active mechanisms whose members are not listed."""
    top_states: list[tuple[str, int]]
    """The States in the most mechanisms, most first (ties included); empty when too many
    active mechanisms have no member list for a ranking to mean something."""
    changes: Changes = field(default_factory=lambda: Changes({}, {}, [], {}))
    """Who joined and left which mechanism, what was founded or changed status in the year."""
    meetings_per_year: dict[int, int] = field(default_factory=dict)
    """Year -> meetings held, from the first year of the inputs' meetings to the year."""
    meetings_per_year_by_level: dict[int, dict[str, int]] = field(default_factory=dict)
    """Year -> level -> meetings held, over the same years (the trends chart)."""
    gcm_objectives: dict[int, dict[str, int]] = field(default_factory=dict)
    """Objective of the Global Compact for Migration (1-23, every one) -> {'meetings': the
    year's meetings held that addressed it, 'mechanisms': the mechanisms they are of}."""
    sdg_targets: dict[str, dict[str, int]] = field(default_factory=dict)
    """SDG target on migration ('10.7', every one) -> {'meetings', 'mechanisms'}, likewise."""
    gcm_meetings_named: int = 0
    """Of the year's meetings held, those that name their objectives themselves (the rest
    count by their themes' crosswalk)."""


@dataclass(frozen=True)
class Highlight:
    """One mechanism's section in 'The year's highlights': its meetings held and upcoming
    (not those postponed or cancelled)."""

    mechanism: Mechanism
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class BulletinData:
    """Exactly what the bulletin and the ISCM table show, in no language yet."""

    year: int
    edition_date: dt.date
    summary: Summary
    mechanisms: tuple[Mechanism, ...]
    """All mechanisms, by id."""
    highlights: tuple[Highlight, ...]
    """Mechanisms that met or are to meet in the year, each with those meetings (held or
    upcoming) in date order."""
    calendar: tuple[Meeting, ...]
    """The year's meetings in date order."""
    themes: tuple[str, ...]
    """Keys of the themes of the active mechanisms and the year's meetings, sorted."""
    theme_names: Mapping[str, Theme] = field(default_factory=dict)
    """Theme key -> the theme, with its labels (Tables.themes)."""
    recent: tuple[Meeting, ...] = ()
    """The meetings of the bulletin year and the two before it, in date order, whatever
    their status (the mechanism profiles)."""
    publication: Publication = field(default_factory=Publication)
    """The publication settings (publisher, citation, identifiers…): compose/imprint.py
    words them for a language."""
    edition: EditionDate | None = None
    """How edition_date was chosen: the manifest keeps it, so that a build whose date is
    the default stays up to date only while the build's date does not change it."""
    updates: tuple[Update, ...] = ()
    """The yearly updates of the year the secretariats sent (the compendium), by mechanism."""
