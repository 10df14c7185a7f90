"""Reader-facing labels for the vocabularies, marked for translation.

The keys are the canonical values of schema.VOCABULARIES; the values are
English msgids that ``pybabel extract`` collects (N_ marks them without
translating at import). Themes carry their labels in every language as data
(data/themes.csv, themes.py), not here.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message with its context (pgettext) for extraction; translated where shown."""
    return context, message


TYPE_PLURAL = {
    "RCP": N_("Regional consultative processes (RCPs)"),
    "IRF": N_("Interregional forums (IRFs)"),
    "Global": N_("Global processes"),
}
TYPE_SHORT = {"RCP": N_("RCP"), "IRF": N_("IRF"), "Global": N_("Global process")}

STATUS = {"active": N_("Active"), "emerging": N_("Emerging"), "inactive": N_("Inactive")}

REGION = {
    "Africa": N_("Africa"),
    "Americas": N_("Americas"),
    "Asia-Pacific": N_("Asia-Pacific"),
    "Europe": N_("Europe"),
    "Middle East and North Africa": N_("Middle East and North Africa"),
    "Central Asia": N_("Central Asia"),
    "Global": N_("Global"),
    "Other": N_("Other regions"),
}

LEVEL = {
    "ministerial": N_("Ministerial"),
    "senior-officials": N_("Senior officials"),
    "technical": N_("Technical"),
    "thematic": N_("Thematic"),
    "working-group": N_("Working group"),
    "summit": N_("Summit"),
    "other": N_("Other"),
}

IOM_ROLE = {
    "member": N_("Member"),
    "observer": N_("Observer"),
    "secretariat": N_("Secretariat"),
    "secretariat-support": N_("Secretariat support"),
    "interim-secretariat": N_("Interim secretariat"),
    "technical-support": N_("Technical support"),
    "partner": N_("Partner"),
}

# A meeting's status, as the calendar marks it; held meetings carry no mark.
MEETING_STATUS = {
    "held": N_("Held"),
    "planned": N_("Upcoming"),
    "postponed": N_("Postponed"),
    "cancelled": N_("Cancelled"),
}

VOCABULARY_LABELS = {
    "meeting_status": MEETING_STATUS,
    "type": TYPE_SHORT,
    "type_plural": TYPE_PLURAL,
    "status": STATUS,
    "region": REGION,
    "level": LEVEL,
    "iom_role": IOM_ROLE,
}
