"""The input contract: tables, columns, header aliases, kinds and vocabularies.

This is the one place that says what the spreadsheets hold. ``ingest`` finds
tables and headers with it, ``cells`` parses cells with each column's kind,
``tools/input_templates.py`` writes blank input workbooks from it and ``docs/inputs.md``
documents it for the editors. Aliases are compared after ``header_key()``:
case, accents, spaces, ``_``, ``-`` and punctuation do not matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import languages
from ..utils.text import header_key
from .kinds import (
    AS_WRITTEN,
    CHOICE,
    CHOICES,
    COUNTRY,
    DATE,
    ID,
    MECHANISM,
    NAMES,
    OBJECTIVES,
    PLACES,
    SDG_TARGETS,
    SETTING,
    TAGS,
    TEXT,
    TITLES,
    URL,
    WHOLE_NUMBER,
    YEAR,
    YES_NO,
    Kind,
)
from .printing import PRINTED_AS
from .vocabularies import BY_NAME


@dataclass(frozen=True)
class Column:
    """One column of an input table."""

    name: str
    """Canonical header, as the contract writes it."""
    kind: Kind
    """How cells are read, what a blank is, how the templates show it (kinds.py)."""
    required: bool = False
    """A missing column is an error; a blank cell is an error."""
    vocabulary: str | None = None
    """For choice columns: the name of its closed list (vocabularies.py)."""
    aliases: tuple[str, ...] = ()
    """Other headers accepted for this column (English, French, Spanish)."""
    help: str = ""
    """One line for the editors (input templates, docs/inputs.md)."""
    warn_blank: bool = False
    """Optional, but the bulletin shows less when it is blank: blanks are reported as a
    warning (one per column)."""
    translates: str = ""
    """For a translation column (title_fr): the column whose English text it translates."""
    lang: str = ""
    """For a translation column: its language."""
    printed_as: str | None = None
    """For a translated column: how the documents print a text of it that has no
    translation in their language (printing.PRINTED_AS: 'city', 'country', 'region',
    'initials'); None, in English, marked as English. printing.printed_name reads it, for
    the documents and for the count of texts left to translate alike."""
    country_from: str = ""
    """For a text printed by a place's name: the column of its row that names the State it
    is looked up in (a meeting's city in its country; a participant by its code, which
    validation gives it); blank, the text itself is looked up (a chair)."""
    printed: bool = True
    """False for a translated column the documents do not print (formal_association, a
    meeting's chair): its English is neither asked of translators nor counted untranslated."""
    language_from: str = ""
    """For a text that may be written in another language than English (a title published
    in Spanish): the column of its row that says which (a meeting's title_language); blank,
    English. A text written in another language is printed as written, marked with its
    language, wherever it has no translation: it needs none (printing.needs_translation)."""

    def __post_init__(self) -> None:
        if self.printed_as is not None and self.printed_as not in PRINTED_AS:
            raise ValueError(f"{self.name}: printed_as {self.printed_as!r} is not one of "
                             f"{', '.join(PRINTED_AS)}")

    @property
    def is_translation(self) -> bool:
        """A column made by with_translations (title_fr), not one of the contract's own."""
        return self.name == f"{self.translates}_{self.lang}"


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
    required: bool = True
    """A build needs it: missing, it is an error (missing-table). An optional table absent
    is the same as an empty one."""

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def template_columns(self) -> tuple[Column, ...]:
        """The columns a blank template shows: all but the translation columns (title_fr…),
        optional extras that docs/inputs.md describes once."""
        return tuple(c for c in self.columns if not c.is_translation)


def _col(name, kind, *aliases, required=False, vocabulary=None, help="", warn_blank=False,
         printed_as=None, country_from="", printed=True, language_from=""):
    if vocabulary is not None:
        help = help.format(values=values_help(kind, vocabulary))
    return Column(name, kind, required, vocabulary, tuple(aliases), help, warn_blank,
                  printed_as=printed_as, country_from=country_from, printed=printed,
                  language_from=language_from)


def values_help(kind: Kind, vocabulary: str) -> str:
    """A closed list's values as a column's help gives them, from the list itself: 'active,
    emerging or inactive' for a choice; every one, 'member, observer, …', for a column of
    several choices."""
    return BY_NAME[vocabulary].enumeration(", " if kind is CHOICES else " or ")


THEMES_HELP = ("Themes, separated by ; (a known theme's key, labour-migration, or its name in "
               "English, French or Spanish: see docs/inputs.md; another theme is kept).")
GCM_OBJECTIVES_HEADERS = (
    "GCM objectives", "GCM objective", "objectives of the Global Compact",
    "Global Compact objectives", "objectifs du Pacte mondial", "objectifs PMM",
    "objectifs", "objetivos del Pacto Mundial", "objetivos PMM", "objetivos")
"""Headers offices write for a gcm_objectives column (English, French, Spanish)."""
SDG_TARGETS_HEADERS = ("SDG targets", "SDG target", "cibles des ODD", "cibles ODD",
                       "metas de los ODS", "metas ODS")
TRANSLATION_LANGUAGES = languages.TRANSLATED
"""The languages the data is translated into; English is the language of the inputs."""


def with_translations(translated: tuple[str, ...], *columns: Column) -> tuple[Column, ...]:
    """The columns, then a translation column for each language and each column named in
    translated: title_fr, summary_es… (their text, when given, is shown instead of the
    English). The mechanisms' name_fr… columns translate name_en."""
    # A blank name_fr is reported by name-fallback, after the translators' files, which
    # may give it: not also as a blank optional cell.
    columns = tuple(replace(c, translates="name_en", lang=c.name[-2:], warn_blank=False)
                    if c.name in NAME_TRANSLATIONS else c for c in columns)
    return columns + tuple(
        Column(f"{c.name}_{lang}", c.kind,
               help=f"{c.name} in {lang.upper()}, if translated (blank: English is shown).",
               translates=c.name, lang=lang)
        for c in columns if c.name in translated for lang in TRANSLATION_LANGUAGES)


NAME_TRANSLATIONS = tuple(f"name_{lang}" for lang in TRANSLATION_LANGUAGES)


SOURCE = _col("source", TEXT, "sources", "fuente", "fuentes", "reference", "référence",
              "referencia", "provenance", "procedencia",
              help="Where the row's facts come from: a publication, a web address, or the "
                   "secretariat and date of a yearly update (make collect writes it).")
"""A row's provenance (mechanisms, participants): make collect records there the return a
change came from."""

MECHANISMS = TableSpec(
    name="mechanisms",
    workbook="mechanisms.xlsx",
    sheet_aliases=("mechanisms", "mécanismes", "mecanismos", "ISCMs", "ISCM", "MCIM",
                   "processes", "processus", "procesos"),
    key=("id",),
    columns=with_translations(
        ("acronym", "region", "status_detail", "secretariat", "formal_association", "chair"),
        _col("id", ID, "identifier", "identifiant", "identificador", "code", "slug",
             "código", "clé", "clave", "mechanism id", "identifiant du mécanisme",
             "identificador del mecanismo",
             required=True, help="Short unique slug, e.g. budapest, gfmd, midsa."),
        _col("acronym", TEXT, "acronyme", "sigle", "acrónimo", "sigla", "siglas",
             "abbreviation", "abréviation", "abreviatura", "short name", "nom court",
             "nombre corto",
             required=True, printed_as="initials", help="Acronym or short name, e.g. GFMD."),
        _col("name_en", TEXT, "name", "english name", "nom anglais", "nombre en inglés",
             "nom en anglais", "nom EN", "nombre EN", "nombre inglés", "name in English",
             "English", "anglais", "inglés",
             required=True, help="Official name in English."),
        _col("name_fr", TEXT, "nom", "nom français", "french name", "nombre en francés",
             "nom en français", "nom FR", "nombre FR", "nombre francés", "name in French",
             "French", "français", "francés", "dénomination",
             warn_blank=True, help="Official name in French (blank: English is used)."),
        _col("name_es", TEXT, "nombre", "nom espagnol", "spanish name", "nombre en español",
             "nom en espagnol", "nom ES", "nombre ES", "nombre español", "name in Spanish",
             "Spanish", "espagnol", "español", "denominación",
             warn_blank=True, help="Official name in Spanish (blank: English is used)."),
        _col("name_ar", TEXT, "arabic name", "nom arabe", "nombre en árabe", "nom en arabe",
             "nom AR", "nombre AR", "nombre árabe", "name in Arabic", "Arabic", "arabe",
             help="Official name in Arabic (blank: English is used)."),
        _col("name_ru", TEXT, "russian name", "nom russe", "nombre en ruso", "nom en russe",
             "nom RU", "nombre RU", "nombre ruso", "name in Russian", "Russian", "russe",
             "ruso",
             help="Official name in Russian (blank: English is used)."),
        _col("aliases", NAMES, "alias", "other names", "autres noms", "otros nombres",
             "alternative names", "also known as", "autres appellations", "noms alternatifs",
             "autres sigles", "otras denominaciones", "nombres alternativos", "otras siglas",
             "variantes",
             help="Other names or acronyms, separated by ;"),
        _col("type", CHOICE, "mechanism type", "type de mécanisme", "tipo", "categorie",
             "catégorie", "tipo de mecanismo", "categoría", "category",
             "catégorie de mécanisme", required=True, vocabulary="type",
             help="{values}."),
        _col("status", CHOICE, "statut", "estado", "état", "situation", "situación",
             "current status", "statut actuel", "estado actual", required=True,
             vocabulary="status", help="{values}."),
        _col("status_detail", TEXT, "status detail", "détail du statut", "detalle del estado",
             "status details", "détails du statut", "précisions sur le statut",
             "statut (détail)", "detalles del estado", "estado (detalle)",
             help="Free text, e.g. 'completed its mission', 'dormant'."),
        _col("status_since", YEAR, "status since", "status year", "year of status",
             "since (status)", "statut depuis", "année du statut", "depuis (statut)",
             "estado desde", "año del estado", "desde (estado)",
             help="Year the status took effect (blank: not known; e.g. 2016 for a "
                  "mechanism inactive since 2016)."),
        _col("status_before", CHOICE, "status before", "previous status", "former status",
             "statut précédent", "statut antérieur", "ancien statut", "estado anterior",
             "estado previo", vocabulary="status",
             help="{values}: the status before status_since (blank: "
                  "not known; editions before status_since then show the current status)."),
        _col("region", PLACES, "regions", "région", "régions", "región", "regiones", "zone",
             "zona", "zone géographique", "zona geográfica", "région géographique",
             "región geográfica", "geographic region", "geographical region",
             warn_blank=True, printed_as="region",
             help="Regions or sub-regions as you write them (West Africa; Horn of Africa; "
                  "Pacific), separated by ;"),
        _col("year_established", YEAR, "established", "year of establishment",
             "année de création", "création", "año de creación", "creación",
             "year founded", "founded", "established in", "year of creation",
             "année de fondation", "fondation", "date de création", "créé en", "fondé en",
             "año de fundación", "fundación", "fecha de creación", "creado en", "fundado en",
             warn_blank=True, help="Year the mechanism was established."),
        _col("secretariat", TEXT, "secrétariat", "secretaría", "secretariado",
             "secretariat provided by", "technical secretariat", "secrétariat assuré par",
             "secrétariat technique", "secretaría técnica", "secretaría a cargo de",
             help="Who provides the secretariat."),
        _col("iom_role", CHOICES, "IOM role", "IOM roles", "rôle de l'OIM", "role OIM",
             "rol de la OIM", "IOM's role", "IOM", "OIM", "papel de la OIM", "rol OIM",
             "papel OIM", "función de la OIM", vocabulary="iom_role", warn_blank=True,
             help="{values}; separated by ;"),
        _col("formal_association", TEXT, "formal association", "association formelle",
             "asociación formal", "institution", "affiliation", "regional organisation",
             "regional organization", "rattachement", "rattachement institutionnel",
             "institution de rattachement", "organisation régionale", "afiliación",
             "vinculación institucional", "institución", "organización regional",
             printed=False, help="E.g. ECOWAS, AU, IGAD."),
        _col("thematic_focus", TAGS, "themes", "thematic focus", "thématiques",
             "axes thématiques", "enfoque temático", "temas", "theme", "thematic areas",
             "focus", "thématique", "domaines thématiques",
             "priorités thématiques", "tema", "temática", "temáticas", "áreas temáticas",
             "ejes temáticos", "prioridades temáticas", "enfoque",
             warn_blank=True, help=THEMES_HELP),
        _col("chair", TEXT, "présidence", "président", "presidencia", "chairmanship",
             "current chair", "présidence en exercice", "présidence actuelle",
             "pays assurant la présidence", "presidente", "presidenta", "presidencia actual",
             "presidencia pro tempore", "país que ejerce la presidencia",
             printed_as="country", help="Current chair."),
        _col("website", URL, "site web", "site", "sitio web", "web", "url", "web site",
             "homepage", "site internet", "adresse web", "lien", "página web", "sitio",
             "dirección web", "enlace", "internet",
             help="Official website, https://…"),
        _col("working_language", CHOICE, "working language", "language", "langue de travail",
             "langue", "idioma de trabajo", "lengua de trabajo", "idioma",
             vocabulary="language",
             help="{values}: the language its secretariat works in, that of its yearly "
                  "update workbook (make requests; blank: en)."),
        SOURCE,
    ),
)

PARTICIPANTS = TableSpec(
    name="participants",
    workbook="mechanisms.xlsx",
    sheet_aliases=("participants", "members", "membres", "participantes", "miembros",
                   "membership", "membres et observateurs", "miembros y observadores",
                   "participation"),
    key=("mechanism_id", "participant"),
    # participant_fr…: an organisation's name in the language (a State's comes from the
    # UN's names).
    columns=with_translations(
        ("participant",),
        _col("mechanism_id", MECHANISM, "mechanism", "mécanisme", "mecanismo", "ISCM",
             "MCIM", "process", "processus", "proceso", "mechanism name", "nom du mécanisme",
             "sigle du mécanisme", "identifiant du mécanisme", "nombre del mecanismo",
             "siglas del mecanismo", "identificador del mecanismo",
             required=True, help="The mechanism's id (or acronym, name, alias)."),
        _col("participant", TEXT, "country", "pays", "país", "state", "État", "estado",
             "participant name", "nom", "member", "participants", "members",
             "member state", "country or organisation", "membre", "membres", "pays membre",
             "État membre", "nom du participant", "pays ou organisation", "entité",
             "participante", "participantes", "miembro", "miembros", "país miembro",
             "estado miembro", "nombre", "nombre del participante", "país u organización",
             "entidad", required=True, printed_as="country", country_from="code",
             help="A State, territory or organisation."),
        _col("role", CHOICE, "rôle", "rol", "membership", "statut de participation",
             "participant role", "statut", "statut du participant", "rôle du participant",
             "qualité", "en qualité de", "condición", "en calidad de", "calidad",
             "rol del participante", "papel", "membresía",
             required=True, vocabulary="role", help="{values}."),
        _col("participant_type", CHOICE, "type", "type de participant", "tipo de participante",
             "category", "type of participant", "catégorie", "catégorie de participant",
             "type d'entité", "nature", "tipo", "categoría", "categoría de participante",
             "tipo de entidad", "naturaleza", vocabulary="participant_type",
             help="{values} (blank: a recognised country is a state)."),
        _col("joined", YEAR, "since", "depuis", "desde", "année d'adhésion", "adhesion",
             "from", "member since", "year joined", "membre depuis", "année d'entrée",
             "date d'adhésion", "entrée", "miembro desde", "año de adhesión",
             "año de ingreso", "fecha de adhesión", "ingreso",
             help="Year joined."),
        _col("left", YEAR, "until", "jusqu'à", "hasta", "année de départ", "to",
             "year left", "withdrew", "jusqu'en", "départ", "date de départ", "retrait",
             "année de retrait", "sortie", "año de salida", "año de retiro", "fecha de salida",
             "retiro", "salida",
             help="Year left."),
        SOURCE,
    ),
)

MEETINGS = TableSpec(
    name="meetings",
    workbook="meetings.xlsx",
    sheet_aliases=("meetings", "réunions", "reuniones", "events", "événements", "eventos",
                   "calendar", "calendrier", "calendario"),
    key=("mechanism_id", "title", "start_date"),
    columns=with_translations(
        ("title", "summary", "outcome_document", "chair", "city"),
        _col("mechanism_id", MECHANISM, "mechanism", "mécanisme", "mecanismo", "ISCM",
             "process", "processus", "proceso", "MCIM", "mechanism name",
             "nom du mécanisme", "sigle du mécanisme", "identifiant du mécanisme",
             "nombre del mecanismo", "siglas del mecanismo", "identificador del mecanismo",
             required=True, help="The mechanism's id (or acronym, name, alias)."),
        _col("edition", WHOLE_NUMBER, "number", "numéro", "número", "edición", "édition",
             "edition number", "numéro de la réunion", "numéro d'édition",
             "número de edición",
             help="Number in the meeting's series: 4 for the 4th Ministerial Meeting."),
        _col("title", TEXT, "titre", "título", "meeting", "réunion", "reunión",
             "meeting title", "meeting name", "event", "event name", "intitulé", "objet",
             "libellé", "nom de la réunion", "titre de la réunion", "intitulé de la réunion",
             "événement", "titre de l'événement", "nom de l'événement", "denominación",
             "nombre de la reunión", "nombre del evento", "título de la reunión",
             "título del evento", "evento", "asunto",
             required=True, language_from="title_language", help="The meeting's name."),
        _col("title_language", CHOICE, "language of the title", "title written in",
             "langue du titre", "langue de l'intitulé", "idioma del título",
             "lengua del título", vocabulary="language",
             help="The language the title is written in, if not English: {values} (or its "
                  "name, Spanish). It is then printed as written, marked with its language, "
                  "where it has no translation."),
        _col("start_date", DATE, "start", "date", "date de début", "début",
             "fecha de inicio", "inicio", "fecha", "from", "du", "meeting date", "first day",
             "date début", "date d'ouverture", "date de la réunion", "premier jour",
             "fecha inicio", "desde", "fecha de apertura", "fecha de comienzo",
             "fecha de la reunión", "primer día", required=True,
             help="First day (a date, or dd/mm/yyyy)."),
        _col("end_date", DATE, "end", "date de fin", "fin", "fecha de fin",
             "fecha de término", "to", "au", "until", "last day", "date fin",
             "date de clôture", "dernier jour", "fecha fin", "hasta", "fecha de clausura",
             "fecha de finalización", "fecha final", "último día",
             help="Last day (blank: one-day meeting)."),
        _col("city", TEXT, "ville", "ciudad", "lieu", "lugar", "venue", "location",
             "host city", "ville hôte", "ville de la réunion", "lieu de la réunion",
             "localité", "sede", "ciudad sede", "ciudad anfitriona", "lugar de la reunión",
             "localidad", printed_as="city", country_from="country",
             help="City (blank or 'online' for a virtual meeting)."),
        _col("country", COUNTRY, "pays", "país", "host country", "pays hôte",
             "pays d'accueil", "pays de la réunion", "país anfitrión", "país sede",
             "país de la reunión", warn_blank=True, help="Host country."),
        _col("level", CHOICE, "niveau", "nivel", "meeting level", "meeting type",
             "niveau de la réunion", "type de réunion", "catégorie de la réunion",
             "nivel de la reunión", "tipo de reunión", "categoría de la reunión",
             required=True, vocabulary="level",
             help="{values}."),
        _col("status", CHOICE, "statut", "estado", "état", "meeting status",
             "statut de la réunion", "état de la réunion", "estado de la reunión",
             "situación", vocabulary="meeting_status",
             help="{values} (blank: held; a meeting that "
                  "starts after the edition date is never held: planned)."),
        _col("themes", TAGS, "thèmes", "temas", "topics", "sujets", "theme", "keywords",
             "thématiques", "thématique", "sujets abordés", "mots-clés", "tema",
             "temática", "temáticas", "temas tratados", "temas abordados", "palabras clave",
             warn_blank=True, help=THEMES_HELP),
        _col("gcm_objectives", OBJECTIVES, *GCM_OBJECTIVES_HEADERS,
             help="Objectives of the Global Compact for Migration the meeting addressed, by "
                  "number, separated by ; (2; 10; 23), or none (blank: those its themes count "
                  "towards, by the crosswalk of the themes: see docs/inputs.md)."),
        _col("chair", TEXT, "présidence", "presidencia", "chaired by", "président",
             "chairperson", "presided by", "présidé par", "pays président",
             "présidence de la réunion", "presidente", "presidenta", "presidido por",
             "país que preside", "presidencia de la reunión", printed=False,
             help="Who chaired."),
        _col("iom_participation", YES_NO, "IOM participation", "IOM", "participation de l'OIM",
             "participación de la OIM", "OIM", "IOM present", "IOM attended",
             "IOM attendance", "participation OIM", "présence de l'OIM", "présence OIM",
             "OIM présente", "participación OIM", "presencia de la OIM", "presencia OIM",
             vocabulary="bool", warn_blank=True,
             help="{values}."),
        _col("summary", TEXT, "résumé", "resumen", "description", "outcome summary",
             "abstract", "highlights", "résumé de la réunion", "synthèse", "compte rendu",
             "faits saillants", "points saillants", "descripción", "síntesis",
             "resumen de la reunión", "aspectos destacados", "reseña",
             warn_blank=True, help="One or two sentences: what it discussed or adopted."),
        _col("outcome_document", TITLES, "outcome", "document final", "résultat",
             "documento final", "resultado", "declaration", "outcomes", "adopted document",
             "résultats", "document adopté", "documents adoptés",
             "document de résultats", "declaración", "resultados", "documento adoptado",
             "documentos adoptados", "documento de resultados",
             language_from="outcome_document_language",
             help="Documents adopted, if any, separated by ;"),
        _col("outcome_document_language", CHOICE, "outcome document language",
             "language of the outcome documents", "documents written in", "outcome language",
             "langue du document final", "langue des documents finals",
             "langue des documents adoptés", "idioma del documento final",
             "idioma de los documentos finales", "idioma de los documentos adoptados",
             "lengua del documento final", vocabulary="language",
             help="The language the outcome documents are written in, if not English: "
                  "{values} (or its name, Spanish). They are then printed as written, marked "
                  "with their language, where they have no translation."),
        _col("source", TEXT, "sources", "fuente", "reference", "référence", "link", "lien",
             "references", "links", "liens", "fuentes", "referencia",
             "referencias", "enlace", "enlaces", "vínculo",
             help="Where the facts come from (URL or publication)."),
    ),
)


UPDATES = TableSpec(
    name="updates",
    workbook="updates.xlsx",
    sheet_aliases=("updates", "yearly updates", "mises à jour", "mises à jour annuelles",
                   "actualizaciones", "actualizaciones anuales", "compendium", "recueil",
                   "compendio"),
    key=("mechanism_id", "year"),
    required=False,
    # achievements_fr…: the texts in the other languages. A text written in another
    # language than English (a workbook sent in Spanish) is in its column (achievements_es),
    # the English one blank until it is given.
    columns=with_translations(
        ("achievements", "priorities", "upcoming"),
        _col("mechanism_id", MECHANISM, "mechanism", "mécanisme", "mecanismo", "ISCM", "MCIM",
             "process", "processus", "proceso", "mechanism name", "nom du mécanisme",
             "nombre del mecanismo", required=True,
             help="The mechanism's id (or acronym, name, alias)."),
        _col("year", YEAR, "année", "año", "update year", "année de la mise à jour",
             "año de la actualización", required=True,
             help="The year the update tells of (the edition it belongs to)."),
        _col("achievements", TEXT, "achievements of the year", "achievements", "réalisations",
             "réalisations de l'année", "logros", "logros del año", "highlights of the year",
             help="What the mechanism achieved in the year, as its secretariat wrote it."),
        _col("priorities", TEXT, "priorités", "prioridades", "current priorities",
             "priorités actuelles", "prioridades actuales",
             help="Its priorities, as its secretariat wrote them."),
        _col("upcoming", TEXT, "à venir", "próximamente", "upcoming events", "next steps",
             "prochaines étapes", "próximos pasos", "plans",
             help="What is planned next, as its secretariat wrote it."),
        _col("sent_by", TEXT, "sent by", "filled in by", "envoyé par", "rempli par",
             "enviado por", "completado por", "respondent", "répondant", "encuestado",
             help="Who filled in the update (name, function), as written."),
        _col("sent_on", DATE, "sent on", "date of the return", "envoyé le", "date de l'envoi",
             "enviado el", "fecha del envío", "date", "fecha",
             help="When it was filled in (a date, or dd/mm/yyyy)."),
        _col("source", TEXT, "sources", "fuente", "provenance", "procedencia",
             "returned workbook", "classeur renvoyé", "libro devuelto",
             help="The returned workbook it comes from (make collect writes it)."),
    ),
)
"""The yearly updates the secretariats send back (make collect): one row per mechanism and
year, the narrative of the compendium of ISCM updates. Optional: without it, no mechanism
has replied."""


def label_column(lang: str, language: str, *words: str) -> Column:
    """label_fr…: a theme's label in a language, headed also 'label FR', 'French'…"""
    return _col(f"label_{lang}", TEXT, f"label {lang}", f"libellé {lang}", f"etiqueta {lang}",
                f"nom {lang}", f"nombre {lang}", *words, required=lang == "en",
                help=f"The theme's label in {language}"
                     + ("." if lang == "en" else " (blank: a known theme's own, else English)."))


THEMES = TableSpec(
    name="themes",
    workbook="mechanisms.xlsx",
    sheet_aliases=("themes", "thèmes", "temas", "thématiques", "temáticas", "theme list",
                   "liste des thèmes", "lista de temas"),
    key=("theme",),
    required=False,
    columns=(
        _col("theme", TEXT, "key", "theme key", "thème", "tema", "clé", "clave", "code",
             "thème (clé)", "tema (clave)", "theme name", "nom du thème", "nombre del tema",
             required=True, help="The theme's key or name: a known theme's (labour-"
                                 "migration) to change its labels or aliases, or a new one "
                                 "(Regional integration) to add it."),
        label_column("en", "English", "english", "english label", "anglais", "libellé anglais",
                     "inglés", "etiqueta en inglés"),
        label_column("fr", "French", "french", "french label", "français", "libellé français",
                     "francés", "etiqueta en francés"),
        label_column("es", "Spanish", "spanish", "spanish label", "espagnol",
                     "libellé espagnol", "español", "etiqueta en español"),
        label_column("ru", "Russian", "russian", "russian label", "russe", "libellé russe",
                     "ruso", "etiqueta en ruso"),
        label_column("ar", "Arabic", "arabic", "arabic label", "arabe", "libellé arabe",
                     "árabe", "etiqueta en árabe"),
        _col("aliases", TAGS, "alias", "other names", "variants", "autres noms", "variantes",
             "otros nombres", "also written", "aussi écrit", "también escrito",
             help="Other ways the theme is written, separated by ; (added to a known "
                  "theme's own)."),
        _col("gcm_objectives", OBJECTIVES, *GCM_OBJECTIVES_HEADERS,
             help="The objectives of the Global Compact for Migration a meeting with this "
                  "theme counts towards, by number, separated by ; (9; 10), or none (blank: a "
                  "known theme's own; a new theme counts towards none, with a warning)."),
        _col("sdg_targets", SDG_TARGETS, *SDG_TARGETS_HEADERS,
             help="The SDG targets on migration a meeting with this theme counts towards "
                  "(10.7; 8.8), or none (blank: a known theme's own, else none)."),
    ),
)

SETTINGS = TableSpec(
    name="settings",
    workbook="publication.xlsx",
    sheet_aliases=("settings", "publication", "publication settings", "paramètres",
                   "paramètres de publication", "réglages", "publicación", "parámetros",
                   "parámetros de publicación", "configuración", "ajustes"),
    key=("setting",),
    required=False,
    # value_fr…: for a setting whose value differs by language (publication.SETTINGS).
    columns=with_translations(
        ("value",),
        _col("setting", SETTING, "name", "setting name", "paramètre", "nom du paramètre",
             "réglage", "parámetro", "nombre del parámetro", "ajuste", "option", "opción",
             required=True,
             help="The setting's name, from the list in docs/inputs.md (e.g. edition_date)."),
        _col("value", AS_WRITTEN, "valeur", "valor", "contenu", "contenido",
             help="Its value (blank: the default); what it holds depends on the setting (a "
                  "date for edition_date)."),
    ),
)
"""The publication settings: one row per setting (publication.py says which exist, what
each holds and its default). Optional: without it, every setting takes its default."""

TABLES: tuple[TableSpec, ...] = (MECHANISMS, PARTICIPANTS, MEETINGS, THEMES, SETTINGS, UPDATES)

TRANSLATOR_SHEET = TableSpec(
    name="strings",
    workbook="strings-<year>-<lang>-<date>.xlsx",
    sheet_aliases=("strings",),
    key=("id",),
    columns=(
        # Not required: a row that lost its id is still found by its context and source.
        _col("id", TEXT, "identifier", "identifiant", "identificador", "key", "clé", "clave",
             "string id", "code", "código",
             help="The text's id, as the kit wrote it (a hash of its context and source)."),
        _col("context", TEXT, "contexte", "contexto",
             help="Where the text comes from: table › column › record."),
        _col("source", TEXT, "source text", "texte source", "texto fuente", "texto de origen",
             "texto original", "original", "fuente", "English", "anglais", "inglés",
             "source EN", "English text", "texte anglais", "texto en inglés",
             help="The English text, as the kit wrote it."),
        _col("translation", TEXT, "traduction", "traducción", "target", "cible",
             "texte cible", "texto meta", "translated text", "texte traduit",
             "texto traducido",
             required=True, help="The translation; blank: not translated yet."),
        # Not required: the grammar of a title or document's translation, for the sentence
        # that names it (contract/grammar.py); a kit of before it has none.
        _col("gender", TEXT, "genre", "género", "grammatical gender", "genre grammatical",
             "género gramatical", "род", "الجنس", "grammar", "grammaire", "gramática",
             help="For a meeting's title or a document's name: the gender of its head noun "
                  "in your language (m, f or n, with pl for a plural; for several documents, "
                  "one per document, separated by ;)."),
    ),
)
"""A translator's spreadsheet in inputs/translations/, as make translation-kit writes it;
its headers are found and checked as the input tables' are (headers.py)."""

IGNORED_SHEETS = frozenset(header_key(name) for name in (
    "instructions", "instrucciones", "notes", "notas", "lists", "listes", "listas",
    "read me", "readme", "lisez-moi", "léame", "help", "aide", "ayuda", "sources", "fuentes"))
"""Sheets never read as a table, whatever their headers (the input templates' own sheets)."""
