"""The closed lists of values (type, status, levels, roles…) and how offices write them.

Canonical value -> other ways offices write it (English, French, Spanish),
compared after text.header_key(). Free columns (regions, themes) are not here:
never turn a free column into a closed list.
"""

from __future__ import annotations

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
    "meeting_status": {
        "held": ("took place", "done", "tenue", "tenu", "a eu lieu", "celebrada",
                 "celebrado", "realizada", "realizado"),
        "planned": ("scheduled", "upcoming", "forthcoming", "prévue", "prévu", "à venir",
                    "programmée", "programmé", "prevista", "previsto", "programada",
                    "programado", "próxima"),
        "postponed": ("delayed", "reportée", "reporté", "ajournée", "aplazada", "aplazado",
                      "pospuesta", "pospuesto"),
        "cancelled": ("canceled", "annulée", "annulé", "cancelada", "cancelado",
                      "suspendida"),
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
