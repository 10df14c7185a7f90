"""The marks of messages translated where they are shown, and the region groups' labels.

``N_`` and ``NC_`` mark English msgids that ``pybabel extract`` collects (they translate
nothing at import): the labels and sentence patterns of the closed lists
(vocabularies.py), the date patterns (lang/dates.py)… The labels of the vocabularies'
values are declared with the values; ``vocabularies.VOCABULARY_LABELS`` gathers them.
Themes carry their labels in every language as data (data/themes.csv, themes.py), not here.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message with its context (pgettext) for extraction; translated where shown."""
    return context, message


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
"""The groups of the ISCM table (world/regions.GROUPS), as its headings name them: not a
closed list of the inputs, where regions are free text."""
