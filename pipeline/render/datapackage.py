"""The open data package: the tables behind the figures, as CSV, described by a Frictionless
Data Package (``outputs/<year>/data/``).

One CSV per table: the mechanisms, their participations as of the year, the year's
meetings, the memberships per State and the Global Compact's objectives by meeting.
UTF-8, ISO 8601 dates, ISO 3166-1 alpha-3 codes beside the English names, and
``datapackage.json``: each table's Table Schema (types, constraints, primary and
foreign keys), the licence, the sources and the edition date.

Each table is declared once (``Field``: name, type, constraints, HXL hashtag,
description): the CSV's header, its HXL variant and its schema all come from it. The
HXL hashtags, which the Humanitarian Data Exchange expects in a row under the
header, are in a variant of each table, ``data/hxl/<table>.csv``, rather than in the
package's own: a row of hashtags is data to Frictionless, pandas or a spreadsheet,
and would break every typed column (a date, a number) and the validation; the
variant is made from the same rows, so the two never differ but for that row.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from ..contract import gcm
from ..lang.localiser import Localiser
from ..model import BulletinData
from .ical import meeting_key

LICENCE = {"name": "CC-BY-IGO-3.0", "title": "Creative Commons Attribution 3.0 IGO",
           "path": "https://creativecommons.org/licenses/by/3.0/igo/"}
"""The data's licence. IOM's to confirm: the publication settings (issue 21) may name it."""
SOURCES = (
    {"title": "ISCM Highlights inputs: the mechanisms, their participants and their meetings, "
              "compiled by IOM from the mechanisms' own sites and public records "
              "(inputs/SOURCES.md of the ISCM Highlights pipeline)"},
    {"title": "Global Compact for Safe, Orderly and Regular Migration, General Assembly "
              "resolution 73/195 (A/RES/73/195)", "path": "https://undocs.org/A/RES/73/195"},
    {"title": "Global indicator framework for the Sustainable Development Goals, General "
              "Assembly resolution 71/313 (A/RES/71/313)", "path": "https://undocs.org/A/RES/71/313"},
)


@dataclass(frozen=True)
class Field:
    """One column of a table: its name, Table Schema type and constraints, HXL hashtag and
    what it holds."""

    name: str
    type: str
    hxl: str
    description: str
    constraints: dict[str, Any] = field(default_factory=dict)

    def schema(self) -> dict[str, Any]:
        described = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "date":
            described["format"] = "%Y-%m-%d"
        return {**described, **({"constraints": self.constraints} if self.constraints else {})}


REQUIRED = {"required": True}
ISO3 = {"pattern": "[A-Z]{3}"}


@dataclass(frozen=True)
class Table:
    """One CSV of the package: its fields, keys and rows."""

    name: str
    title: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: tuple[tuple, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    """(field, table, field of that table)."""

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def csv(self, hxl: bool = False) -> str:
        """The table as CSV (UTF-8, dates ISO 8601, blanks empty); hxl: with a row of HXL
        hashtags under the header."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([f.name for f in self.fields])
        if hxl:
            writer.writerow([f.hxl for f in self.fields])
        writer.writerows([cell(value) for value in row] for row in self.rows)
        return out.getvalue()

    def resource(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [f.schema() for f in self.fields],
                                  "primaryKey": list(self.primary_key)}
        if self.foreign_keys:
            schema["foreignKeys"] = [{"fields": own, "reference": {"resource": table,
                                                                    "fields": theirs}}
                                     for own, table, theirs in self.foreign_keys]
        return {"name": self.name, "title": self.title, "path": self.path,
                "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8", "schema": schema}


def cell(value: object) -> str:
    """A value as the CSV writes it: None blank, booleans true/false, dates ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def listed(values) -> str:
    return "; ".join(str(v) for v in values)


def mechanisms(data: BulletinData) -> Table:
    fields = (
        Field("id", "string", "#org+id", "The mechanism's identifier", REQUIRED),
        Field("acronym", "string", "#org+acronym", "Its acronym or short name", REQUIRED),
        *(Field(f"name_{lang}", "string", f"#org+name+i_{lang}",
                f"Its official name in {language}, where known", REQUIRED if lang == "en" else {})
          for lang, language in (("en", "English"), ("fr", "French"), ("es", "Spanish"),
                                 ("ru", "Russian"), ("ar", "Arabic"))),
        Field("type", "string", "#org+type", "RCP (regional consultative process), IRF "
              "(interregional forum) or Global", {"required": True,
                                                  "enum": ["RCP", "IRF", "Global"]}),
        Field("status", "string", "#status", "Its status at the end of the year",
              {"required": True, "enum": ["active", "emerging", "inactive"]}),
        Field("regions", "string", "#region+name", "The regions it covers, as it writes them, "
              "separated by ;"),
        Field("year_established", "integer", "#date+year+established",
              "The year it was established", {"minimum": 1980}),
        Field("secretariat", "string", "#org+secretariat", "Who provides its secretariat"),
        Field("member_states", "integer", "#indicator+num+member_states",
              "Its member States at the end of the year; blank where its members are not "
              "listed (unknown, not zero)", {"minimum": 0}),
        Field("website", "string", "#meta+url", "Its website"),
    )
    rows = tuple((m.id, m.acronym, *(m.names.get(lang) for lang in ("en", "fr", "es", "ru", "ar")),
                  m.type, m.status, listed(m.regions), m.year_established, m.secretariat or None,
                  m.member_states, m.website or None) for m in data.mechanisms)
    return Table("mechanisms", "Inter-State consultation mechanisms on migration", fields,
                 ("id",), rows)


def participations(data: BulletinData, loc: Localiser) -> Table:
    fields = (
        Field("mechanism_id", "string", "#org+id", "The mechanism (mechanisms.id)", REQUIRED),
        Field("participant", "string", "#group+name", "The participant: a State or territory "
              "by its UN English short name, an organisation as the inputs name it", REQUIRED),
        Field("iso3", "string", "#country+code", "The State's or territory's ISO 3166-1 "
              "alpha-3 code (XKX: Kosovo); blank for an organisation", ISO3),
        Field("participant_type", "string", "#group+type", "state, territory or organisation",
              {"required": True, "enum": ["state", "territory", "organisation"]}),
        Field("role", "string", "#group+role", "member, observer or partner",
              {"required": True, "enum": ["member", "observer", "partner"]}),
    )
    rows = tuple((m.id, loc.country(p.code) if p.code else p.name, p.code or None, p.kind, role)
                 for m in data.mechanisms
                 for role, parties in (("member", m.members), ("observer", m.observers),
                                       ("partner", m.partners)) for p in parties)
    return Table("participations", f"Participations in the mechanisms at the end of "
                 f"{data.year}", fields, ("mechanism_id", "participant", "role"), rows,
                 (("mechanism_id", "mechanisms", "id"),))


def meetings(data: BulletinData, loc: Localiser) -> Table:
    fields = (
        Field("meeting_id", "string", "#event+id", "The meeting's identifier (as in the "
              "calendar's .ics)", REQUIRED),
        Field("mechanism_id", "string", "#org+id", "The mechanism (mechanisms.id)", REQUIRED),
        Field("title", "string", "#event+name", "The meeting's title, as written", REQUIRED),
        Field("start_date", "date", "#date+start", "Its first day", REQUIRED),
        Field("end_date", "date", "#date+end", "Its last day", REQUIRED),
        Field("city", "string", "#loc+name", "Where it was held (blank: online or not known)"),
        Field("country_iso3", "string", "#country+code", "The host country's ISO 3166-1 "
              "alpha-3 code", ISO3),
        Field("country", "string", "#country+name", "The host country's UN English short "
              "name"),
        Field("level", "string", "#event+type", "ministerial, senior-officials, technical, "
              "summit…", REQUIRED),
        Field("status", "string", "#status", "held, planned (after the edition date), "
              "postponed or cancelled", {"required": True,
                                         "enum": ["held", "planned", "postponed", "cancelled"]}),
        Field("themes", "string", "#description+themes", "Its themes, by key, separated by ;"),
        Field("iom_participation", "boolean", "#meta+iom", "Whether IOM took part (blank: not "
              "known)"),
    )
    rows = tuple((meeting_key(m), m.mechanism_id, m.title, m.start, m.end, m.city or None,
                  m.country or None, loc.country(m.country) if m.country else None, m.level,
                  m.status, listed(m.themes), m.iom_participation) for m in data.calendar)
    return Table("meetings", f"Meetings of the mechanisms in {data.year}", fields,
                 ("meeting_id",), rows, (("mechanism_id", "mechanisms", "id"),))


def memberships(data: BulletinData, loc: Localiser) -> Table:
    fields = (
        Field("iso3", "string", "#country+code", "The State's ISO 3166-1 alpha-3 code",
              {**REQUIRED, **ISO3}),
        Field("state", "string", "#country+name", "Its UN English short name", REQUIRED),
        Field("mechanisms", "integer", "#indicator+num+mechanisms", "The mechanisms it is a "
              "member of at the end of the year (those whose member lists are known)",
              {"required": True, "minimum": 1}),
    )
    rows = tuple((code, loc.country(code), n)
                 for code, n in data.summary.memberships_per_state.items())
    return Table("memberships", f"Memberships per State at the end of {data.year}", fields,
                 ("iso3",), rows)


def objectives(data: BulletinData) -> Table:
    fields = (
        Field("meeting_id", "string", "#event+id", "The meeting (meetings.meeting_id)",
              REQUIRED),
        Field("objective", "integer", "#meta+gcm+code", "An objective of the Global Compact "
              "for Migration the meeting addressed (1-23)",
              {"required": True, "minimum": gcm.FIRST, "maximum": gcm.LAST}),
        Field("objective_name", "string", "#meta+gcm+name", "Its short name (UN Network on "
              "Migration)", REQUIRED),
        Field("counted_from", "string", "#meta+source", "meeting: the meetings sheet names it "
              "for the meeting; themes: the crosswalk of the meeting's themes",
              {"required": True, "enum": ["meeting", "themes"]}),
    )
    rows = tuple((meeting_key(m), n, gcm.objectives()[n].short["en"],
                  "meeting" if m.objectives_named else "themes")
                 for m in data.calendar for n in m.gcm_objectives)
    return Table("gcm_objectives", f"Objectives of the Global Compact for Migration addressed "
                 f"by the meetings of {data.year}", fields, ("meeting_id", "objective"), rows,
                 (("meeting_id", "meetings", "meeting_id"),))


@dataclass(frozen=True)
class Package:
    """The tables of a year, and its descriptor."""

    tables: tuple[Table, ...]
    year: int
    edition: str
    """The edition date, ISO 8601."""

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def descriptor(self) -> str:
        """datapackage.json: deterministic (no clock), the edition date as its creation."""
        package = {
            "profile": "tabular-data-package",
            "name": f"iscm-highlights-{self.year}",
            "title": f"ISCM Highlights {self.year}: the data behind the figures",
            "description": (
                "The inter-State consultation mechanisms on migration (ISCMs), their "
                f"participants and their meetings of {self.year}, as of the edition of "
                f"{self.edition}, with the objectives of the Global Compact for Migration each "
                "meeting addressed. The same tables with a row of HXL hashtags under the "
                "header are in the folder hxl/."),
            "created": f"{self.edition}T00:00:00Z",
            "keywords": ["migration", "ISCM", "regional consultative processes",
                         "Global Compact for Migration", "IOM"],
            "licenses": [LICENCE],
            "sources": list(SOURCES),
            "resources": [t.resource() for t in self.tables],
        }
        return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def package(data: BulletinData) -> Package:
    """The year's open data."""
    english = Localiser("en")
    return Package((mechanisms(data), participations(data, english), meetings(data, english),
                    memberships(data, english), objectives(data)), data.year,
                   data.edition_date.isoformat())


TABLES = ("mechanisms", "participations", "meetings", "memberships", "gcm_objectives")
"""The tables of the package, in order (outputs.py declares a file for each)."""
