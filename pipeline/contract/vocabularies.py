"""The closed lists of values (type, status, levels, roles…): each value with what belongs to it.

A ``Value`` is declared once with everything that depends on it: its key (what the
tables and the summary hold), the other ways offices write it (English, French,
Spanish, compared after text.header_key()) and the label the documents print.
Everything else derives from these declarations: ``VOCABULARIES`` (the keys and their
aliases, which the kinds parse with), ``VOCABULARY_LABELS``, the help of a column in
the contract (schema.py: ``{values}``) and the test that every value of a shown
vocabulary has a label in every language.

Labels are messages (N_()): ``make translations`` extracts them
where they are written here, with the ``# Translators:`` comment just above them.
Free columns (regions, themes) are not here: never turn a free column into a closed list.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from .. import languages
from .labels import N_, REGION


@dataclass(frozen=True)
class Value:
    """One value of a closed list."""

    key: str
    """The canonical value: what the tables, the figures and the summary hold."""
    aliases: tuple[str, ...] = ()
    """Other ways offices write it (English, French, Spanish)."""
    label: str | None = None
    """What the documents print for it (a msgid, N_); None for a value they never print."""
    plural_label: str | None = None
    """The values of this key together, as a heading ('Regional consultative processes
    (RCPs)'); only where the documents group by the value."""


@dataclass(frozen=True)
class Vocabulary:
    """A closed list: its values, in the order the documents and the figures list them."""

    name: str
    """The key a column names it by (schema.Column.vocabulary)."""
    values: tuple[Value, ...]
    shown: bool = True
    """The documents print its values (by their labels); False for a list that is only read
    (a participant's role or type, yes or no)."""

    def __getitem__(self, key: str) -> Value:
        return next(value for value in self.values if value.key == key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(value.key for value in self.values)

    def enumeration(self, last: str = " or ") -> str:
        """The keys as the contract's help lists them: 'active, emerging or inactive'."""
        keys = self.keys
        return last.join(filter(None, (", ".join(keys[:-1]), keys[-1])))


TYPE = Vocabulary("type", (
    Value("RCP", ("regional consultative process", "regional", "PCR",
                  "processus consultatif régional", "proceso consultivo regional"),
          label=N_("RCP"), plural_label=N_("Regional consultative processes (RCPs)")),
    Value("IRF", ("interregional forum", "interregional", "FIR", "forum interrégional",
                  "interrégional", "foro interregional"),
          label=N_("IRF"), plural_label=N_("Interregional forums (IRFs)")),
    Value("Global", ("global process", "mondial", "processus mondial", "proceso mundial",
                     "mundial"),
          label=N_("Global process"), plural_label=N_("Global processes")),
))

STATUS = Vocabulary("status", (
    Value("active", ("actif", "activo", "en activité"), label=N_("Active")),
    Value("emerging", ("émergent", "emergente", "nouveau"), label=N_("Emerging")),
    Value("inactive", ("inactif", "inactivo", "dormant"), label=N_("Inactive")),
))

IOM_ROLE = Vocabulary("iom_role", (
    Value("member", ("membre", "miembro"), label=N_("Member")),
    Value("observer", ("observateur", "observador", "observadora", "observatrice"),
          label=N_("Observer")),
    Value("secretariat", ("secrétariat", "secretaría", "secretaria"), label=N_("Secretariat")),
    Value("secretariat-support", ("secretariat support", "support to secretariat",
                                  "soutien au secrétariat", "appui au secrétariat",
                                  "apoyo a la secretaría"),
          label=N_("Secretariat support")),
    Value("interim-secretariat", ("interim secretariat", "secrétariat par intérim",
                                  "secrétariat intérimaire", "secretaría interina"),
          label=N_("Interim secretariat")),
    Value("technical-support", ("technical support", "support technique", "appui technique",
                                "soutien technique", "apoyo técnico"),
          label=N_("Technical support")),
    Value("partner", ("partenaire", "socio"), label=N_("Partner")),
))

ROLE = Vocabulary("role", (
    Value("member", ("membre", "miembro", "member state", "État membre", "estado miembro")),
    Value("observer", ("observateur", "observador", "observadora", "observatrice")),
    Value("partner", ("partenaire", "socio")),
), shown=False)

# A meeting's status, as the calendar marks it; held meetings carry no mark.
MEETING_STATUS = Vocabulary("meeting_status", (
    Value("held", ("took place", "done", "tenue", "tenu", "a eu lieu", "celebrada",
                   "celebrado", "realizada", "realizado"), label=N_("Held")),
    Value("planned", ("scheduled", "upcoming", "forthcoming", "prévue", "prévu", "à venir",
                      "programmée", "programmé", "prevista", "previsto", "programada",
                      "programado", "próxima"), label=N_("Upcoming")),
    Value("postponed", ("delayed", "reportée", "reporté", "ajournée", "aplazada", "aplazado",
                        "pospuesta", "pospuesto"), label=N_("Postponed")),
    Value("cancelled", ("canceled", "annulée", "annulé", "cancelada", "cancelado",
                        "suspendida"), label=N_("Cancelled")),
))

PARTICIPANT_TYPE = Vocabulary("participant_type", (
    Value("state", ("État", "etat", "estado", "country", "pays", "país")),
    Value("territory", ("territoire", "territorio")),
    Value("organisation", ("organization", "organisation internationale", "organización",
                           "IGO", "international organisation", "international organization")),
), shown=False)

LEVEL = Vocabulary("level", (
    Value("ministerial",
          ("ministerial meeting", "ministerial conference", "ministers", "ministérielle",
           "ministériel", "réunion ministérielle", "conférence ministérielle",
           "reunión ministerial", "conferencia ministerial"),
          N_("Ministerial")),
    Value("senior-officials",
          ("senior officials", "senior officials meeting", "SOM", "hauts fonctionnaires",
           "réunion des hauts fonctionnaires", "altos funcionarios", "vice-ministerial",
           "vice-ministérielle", "viceministerial"),
          N_("Senior officials")),
    Value("technical", ("technique", "técnica", "técnico", "experts", "expert meeting"),
          N_("Technical")),
    Value("thematic", ("thématique", "temática", "temático"),
          N_("Thematic")),
    Value("working-group", ("working group", "groupe de travail", "grupo de trabajo", "WG"),
          N_("Working group")),
    Value("summit", ("sommet", "cumbre"),
          N_("Summit")),
    Value("other", ("autre", "otro", "otra"),
          N_("Other")),
))
"""A meeting's level: the kind of meeting, for the figures and the tables. The sentences that
tell of a meeting name it by its own title, never by its level (compose/sentences.py)."""

BOOL = Vocabulary("bool", (
    Value("yes", ("y", "x", "true", "1", "oui", "o", "sí", "si", "vrai")),
    Value("no", ("n", "false", "0", "non", "faux")),
), shown=False)



def language_names(language: languages.Language) -> tuple[str, ...]:
    """How offices write a language of pipeline/languages.py: its name in each report
    language and in itself (CLDR: 'Spanish', 'espagnol', 'español'), its locale (en_GB)."""
    names = (Locale.parse(language.code).get_display_name(lang)
             for lang in (*languages.REPORT_CODES, language.code))
    return tuple(name for name in dict.fromkeys((*names, language.babel_locale))
                 if name != language.code)


LANGUAGE = Vocabulary("language", tuple(Value(language.code, language_names(language))
                                        for language in languages.ALL), shown=False)
"""The language a text of the inputs is written in (a meeting's title_language), or a
mechanism's working language, in which its yearly update workbook is written (make
requests): the languages of the documents, from pipeline/languages.py, by code or name."""

ALL: tuple[Vocabulary, ...] = (TYPE, STATUS, IOM_ROLE, ROLE, MEETING_STATUS, PARTICIPANT_TYPE,
                               LEVEL, BOOL, LANGUAGE)
"""Every closed list, in the order docs/inputs.md lists them."""
BY_NAME: dict[str, Vocabulary] = {vocabulary.name: vocabulary for vocabulary in ALL}

VOCABULARIES: dict[str, dict[str, tuple[str, ...]]] = {
    vocabulary.name: {value.key: value.aliases for value in vocabulary.values}
    for vocabulary in ALL}
"""Name -> canonical value -> the other ways offices write it (what the kinds parse)."""

VOCABULARY_LABELS: dict[str, dict[str, str]] = {
    **{vocabulary.name: {value.key: value.label for value in vocabulary.values if value.label}
       for vocabulary in ALL if vocabulary.shown},
    "type_plural": {value.key: value.plural_label for value in TYPE.values},
    "region": REGION,
}
"""What Localiser.label prints: each shown vocabulary's labels, the types as headings
(type_plural), and the ISCM table's region groups (labels.REGION)."""
