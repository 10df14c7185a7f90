"""The input contract: tables, columns, header aliases and vocabularies.

This is the one place that says what the spreadsheets hold. ``ingest`` finds
tables and headers with it, ``validate`` and ``normalise`` parse cells with it,
``input_templates.py`` writes blank input workbooks from it and ``docs/inputs.md``
documents it for the editors. Aliases are compared after ``header_key()``:
case, accents, spaces, ``_``, ``-`` and punctuation do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16, typed=True)  # called for every reference and name of every row
def header_key(text: object) -> str:
    """Fold a header or a vocabulary word for comparison: 'Date de début ' -> 'datededebut'."""
    text = str(text)
    if text.isascii():  # nothing to decompose: the same result, much faster
        return NOT_WORD.sub("", text.casefold())
    unaccented = unicodedata.normalize("NFKD", text).translate(COMBINING_MARKS)
    return NOT_WORD.sub("", unaccented.casefold())


class CombiningMarks(dict):
    """A str.translate table that deletes combining marks (accents), filled as characters
    are met: much faster than testing every character in Python."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


COMBINING_MARKS = CombiningMarks()


@dataclass(frozen=True)
class Column:
    """One column of an input table."""

    name: str
    """Canonical header, as the contract writes it."""
    kind: str
    """How cells are parsed: text, id, enum, list, year, date, country, url,
    mechanism, bool, int (see normalise.PARSERS)."""
    required: bool = False
    """A missing column is an error; a blank cell is an error."""
    vocabulary: str | None = None
    """For enum and list columns: the key in VOCABULARIES."""
    aliases: tuple[str, ...] = ()
    """Other headers accepted for this column (English, French, Spanish)."""
    help: str = ""
    """One line for the editors (input templates, docs/inputs.md)."""
    warn_blank: bool = False
    """Optional, but the bulletin shows less when it is blank: blanks are reported as a
    warning (one per column)."""


@dataclass(frozen=True)
class TableSpec:
    """One input table (a sheet, or a CSV file)."""

    name: str
    workbook: str
    """The file the contract puts it in (used in messages and templates)."""
    sheet_aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default=())
    """Columns that identify a row (duplicates are checked on them)."""

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


# Vocabularies: canonical value -> other ways offices write it (en, fr, es).
VOCABULARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "type": {
        "RCP": ("regional consultative process", "regional", "PCR",
                "processus consultatif régional", "proceso consultivo regional"),
        "IRF": ("interregional forum", "interregional", "FIR", "forum interrégional",
                "interrégional", "foro interregional"),
        "Global": ("global process", "mondial", "processus mondial", "proceso mundial",
                   "mundial"),
    },
    "status": {
        "active": ("actif", "activo", "en activité"),
        "emerging": ("émergent", "emergente", "nouveau"),
        "inactive": ("inactif", "inactivo", "dormant"),
    },
    "iom_role": {
        "member": ("membre", "miembro"),
        "observer": ("observateur", "observador", "observadora", "observatrice"),
        "secretariat": ("secrétariat", "secretaría", "secretaria"),
        "secretariat-support": ("secretariat support", "support to secretariat",
                                "soutien au secrétariat", "appui au secrétariat",
                                "apoyo a la secretaría"),
        "interim-secretariat": ("interim secretariat", "secrétariat par intérim",
                                "secrétariat intérimaire", "secretaría interina"),
        "technical-support": ("technical support", "support technique", "appui technique",
                              "soutien technique", "apoyo técnico"),
        "partner": ("partenaire", "socio"),
    },
    "role": {
        "member": ("membre", "miembro", "member state", "État membre", "estado miembro"),
        "observer": ("observateur", "observador", "observadora", "observatrice"),
        "partner": ("partenaire", "socio"),
    },
    "participant_type": {
        "state": ("État", "etat", "estado", "country", "pays", "país"),
        "territory": ("territoire", "territorio"),
        "organisation": ("organization", "organisation internationale", "organización",
                         "IGO", "international organisation", "international organization"),
    },
    "level": {
        "ministerial": ("ministerial meeting", "ministerial conference", "ministers",
                        "ministérielle", "ministériel", "réunion ministérielle",
                        "conférence ministérielle", "reunión ministerial",
                        "conferencia ministerial"),
        "senior-officials": ("senior officials", "senior officials meeting", "SOM",
                             "hauts fonctionnaires", "réunion des hauts fonctionnaires",
                             "altos funcionarios", "vice-ministerial", "vice-ministérielle",
                             "viceministerial"),
        "technical": ("technique", "técnica", "técnico", "experts", "expert meeting"),
        "thematic": ("thématique", "temática", "temático"),
        "working-group": ("working group", "groupe de travail", "grupo de trabajo", "WG"),
        "summit": ("sommet", "cumbre"),
        "other": ("autre", "otro", "otra"),
    },
    "bool": {
        "yes": ("y", "x", "true", "1", "oui", "o", "sí", "si", "vrai"),
        "no": ("n", "false", "0", "non", "faux"),
    },
}


def _col(name, kind, *aliases, required=False, vocabulary=None, help="", warn_blank=False):
    return Column(name, kind, required, vocabulary, tuple(aliases), help, warn_blank)


MECHANISMS = TableSpec(
    name="mechanisms",
    workbook="mechanisms.xlsx",
    sheet_aliases=("mechanisms", "mécanismes", "mecanismos", "ISCMs", "ISCM", "MCIM",
                   "processes", "processus", "procesos"),
    key=("id",),
    columns=(
        _col("id", "id", "identifier", "identifiant", "identificador", "code", "slug",
             required=True, help="Short unique slug, e.g. budapest, gfmd, midsa."),
        _col("acronym", "text", "acronyme", "sigle", "acrónimo", "sigla", "abbreviation",
             required=True, help="Acronym or short name, e.g. GFMD."),
        _col("name_en", "text", "name", "english name", "nom anglais", "nombre en inglés",
             required=True, help="Official name in English."),
        _col("name_fr", "text", "nom", "nom français", "french name", "nombre en francés",
             warn_blank=True, help="Official name in French (blank: English is used)."),
        _col("name_es", "text", "nombre", "nom espagnol", "spanish name", "nombre en español",
             warn_blank=True, help="Official name in Spanish (blank: English is used)."),
        _col("name_ar", "text", "arabic name", "nom arabe", "nombre en árabe",
             help="Official name in Arabic (blank: English is used)."),
        _col("name_ru", "text", "russian name", "nom russe", "nombre en ruso",
             help="Official name in Russian (blank: English is used)."),
        _col("aliases", "list", "alias", "other names", "autres noms", "otros nombres",
             help="Other names or acronyms, separated by ;"),
        _col("type", "enum", "mechanism type", "type de mécanisme", "tipo", "categorie",
             "catégorie", required=True, vocabulary="type", help="RCP, IRF or Global."),
        _col("status", "enum", "statut", "estado", "état", required=True, vocabulary="status",
             help="active, emerging or inactive."),
        _col("status_detail", "text", "status detail", "détail du statut", "detalle del estado",
             help="Free text, e.g. 'completed its mission', 'dormant'."),
        _col("region", "list", "regions", "région", "régions", "región", "regiones",
             warn_blank=True, help="Regions or sub-regions as you write them (West Africa; "
                                   "Horn of Africa; Pacific), separated by ;"),
        _col("year_established", "year", "established", "year of establishment",
             "année de création", "création", "año de creación", "creación",
             warn_blank=True, help="Year the mechanism was established."),
        _col("secretariat", "text", "secrétariat", "secretaría",
             help="Who provides the secretariat."),
        _col("iom_role", "list", "IOM role", "IOM roles", "rôle de l'OIM", "role OIM",
             "rol de la OIM", vocabulary="iom_role", warn_blank=True,
             help="member, observer, secretariat, secretariat-support, interim-secretariat, "
                  "technical-support, partner; separated by ;"),
        _col("formal_association", "text", "formal association", "association formelle",
             "asociación formal", "institution", help="E.g. ECOWAS, AU, IGAD."),
        _col("thematic_focus", "list", "themes", "thematic focus", "thématiques",
             "axes thématiques", "enfoque temático", "temas",
             warn_blank=True, help="Thematic tags, separated by ;"),
        _col("chair", "text", "présidence", "président", "presidencia", "chairmanship",
             help="Current chair."),
        _col("website", "url", "site web", "site", "sitio web", "web", "url",
             help="Official website, https://…"),
    ),
)

PARTICIPANTS = TableSpec(
    name="participants",
    workbook="mechanisms.xlsx",
    sheet_aliases=("participants", "members", "membres", "participantes", "miembros",
                   "membership", "membres et observateurs", "miembros y observadores",
                   "participation"),
    key=("mechanism_id", "participant"),
    columns=(
        _col("mechanism_id", "mechanism", "mechanism", "mécanisme", "mecanismo", "ISCM",
             required=True, help="The mechanism's id (or acronym, name, alias)."),
        _col("participant", "text", "country", "pays", "país", "state", "État", "estado",
             "participant name", "nom", "member", required=True,
             help="A State, territory or organisation."),
        _col("role", "enum", "rôle", "rol", "membership", "statut de participation",
             required=True, vocabulary="role", help="member, observer or partner."),
        _col("participant_type", "enum", "type", "type de participant", "tipo de participante",
             vocabulary="participant_type",
             help="state, territory or organisation (blank: a recognised country is a state)."),
        _col("joined", "year", "since", "depuis", "desde", "année d'adhésion", "adhesion",
             help="Year joined."),
        _col("left", "year", "until", "jusqu'à", "hasta", "année de départ",
             help="Year left."),
    ),
)

MEETINGS = TableSpec(
    name="meetings",
    workbook="meetings.xlsx",
    sheet_aliases=("meetings", "réunions", "reuniones", "events", "événements", "eventos",
                   "calendar", "calendrier", "calendario"),
    key=("mechanism_id", "title", "start_date"),
    columns=(
        _col("mechanism_id", "mechanism", "mechanism", "mécanisme", "mecanismo", "ISCM",
             "process", "processus", "proceso", required=True,
             help="The mechanism's id (or acronym, name, alias)."),
        _col("edition", "int", "number", "numéro", "número", "edición", "édition",
             help="Number in the meeting's series: 4 for the 4th Ministerial Meeting."),
        _col("title", "text", "titre", "título", "meeting", "réunion", "reunión",
             required=True, help="The meeting's name."),
        _col("start_date", "date", "start", "date", "date de début", "début",
             "fecha de inicio", "inicio", "fecha", "from", "du", required=True,
             help="First day (a date, or dd/mm/yyyy)."),
        _col("end_date", "date", "end", "date de fin", "fin", "fecha de fin",
             "fecha de término", "to", "au", help="Last day (blank: one-day meeting)."),
        _col("city", "text", "ville", "ciudad", "lieu", "lugar", "venue",
             help="City (blank or 'online' for a virtual meeting)."),
        _col("country", "country", "pays", "país", warn_blank=True, help="Host country."),
        _col("level", "enum", "niveau", "nivel", "meeting level", required=True,
             vocabulary="level",
             help="ministerial, senior-officials, technical, thematic, working-group, "
                  "summit or other."),
        _col("themes", "list", "thèmes", "temas", "topics", "sujets",
             warn_blank=True, help="Thematic tags, separated by ;"),
        _col("chair", "text", "présidence", "presidencia", "chaired by", "président",
             help="Who chaired."),
        _col("iom_participation", "bool", "IOM participation", "IOM", "participation de l'OIM",
             "participación de la OIM", "OIM", vocabulary="bool", warn_blank=True,
             help="yes or no."),
        _col("summary", "text", "résumé", "resumen", "description", "outcome summary",
             warn_blank=True, help="One or two sentences: what it discussed or adopted."),
        _col("outcome_document", "list", "outcome", "document final", "résultat",
             "documento final", "resultado", "declaration",
             help="Documents adopted, if any, separated by ;"),
        _col("source", "text", "sources", "fuente", "reference", "référence", "link", "lien",
             help="Where the facts come from (URL or publication)."),
    ),
)

TABLES: tuple[TableSpec, ...] = (MECHANISMS, PARTICIPANTS, MEETINGS)

IGNORED_SHEETS = frozenset(header_key(name) for name in (
    "instructions", "instrucciones", "notes", "notas", "lists", "listes", "listas",
    "read me", "readme", "lisez-moi", "léame", "help", "aide", "ayuda", "sources", "fuentes"))
"""Sheets never read as a table, whatever their headers (the input templates' own sheets)."""
