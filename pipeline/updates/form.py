"""What an update workbook holds, part by part, and how each part is named in its language.

A request has four parts after its instructions, each a sheet whose first row is its
headers: the mechanism's facts (each with its current value and a cell for the
correction), its participants and its meetings (rows pre-filled, and empty rows to add;
a hidden column ties each pre-filled row to the stamp), and its narrative update with
who filled it in and when. The columns are the contract's (contract/schema.py): a
returned value is read and checked as the column reads a cell of the inputs. The words
are messages of the documents' catalogue (context "update workbook"), so that a workbook
can be made in each of the five languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..contract.kinds import DATE, WHOLE_NUMBER, YEAR
from ..contract.labels import NC_
from ..contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS, UPDATES, Column, TableSpec
from ..languages import CODES
from ..utils.text import clean_text, is_blank

FACTS = (*(f"name_{lang}" for lang in CODES), "acronym", "status", "status_detail", "region",
         "year_established", "secretariat", "iom_role", "formal_association",
         "thematic_focus", "chair", "website", "working_language")
"""The mechanism's facts a secretariat is asked to check, in the order they are listed:
not its id (which ties the workbook to it), its type (the unit's classification), nor
status_since and status_before (set from a change of status when it is applied)."""
PARTICIPANT_COLUMNS = ("participant", "role", "participant_type", "joined", "left")
MEETING_COLUMNS = ("title", "edition", "start_date", "end_date", "city", "country", "level",
                   "status", "themes", "chair", "iom_participation", "summary",
                   "outcome_document")
NARRATIVE = ("achievements", "priorities", "upcoming")
SENDER = ("sent_by", "sent_on")
CLEAR = frozenset({"-", "–", "—"})
"""What a correction says to clear a value: a dash."""
EXTRA_ROWS = {"participants": 30, "meetings": 15}
"""The empty rows offered to add participants and meetings (more may be inserted)."""
STAMP_SHEET = "iscm-stamp"
LISTS_SHEET = "iscm-lists"
"""The workbook's own hidden sheets: its stamp, and the lists its dropdowns offer."""

SHEET_TITLES = {
    "instructions": NC_("update workbook", "Instructions"),
    "facts": NC_("update workbook", "Facts"),
    "participants": NC_("update workbook", "Participants"),
    "meetings": NC_("update workbook", "Meetings"),
    "update": NC_("update workbook", "Update"),
}
FACT_HEADERS = (NC_("update workbook", "Fact"), NC_("update workbook", "Current value"),
                NC_("update workbook", "Your correction"))
UPDATE_HEADERS = (NC_("update workbook", "Section"), NC_("update workbook", "Your text"))
REF = "ref"
"""The hidden last column of the participants and meetings: a pre-filled row's number in the
stamp (blank: a row added)."""

LABELS = {
    "name": NC_("update workbook", "Official name in {language}"),
    "acronym": NC_("update workbook", "Acronym or short name"),
    "status": NC_("update workbook", "Status (active, emerging or inactive)"),
    "status_detail": NC_("update workbook", "Status: details"),
    "region": NC_("update workbook", "Regions covered (separated by ;)"),
    "year_established": NC_("update workbook", "Year established"),
    "secretariat": NC_("update workbook", "Secretariat"),
    "iom_role": NC_("update workbook", "IOM’s role (separated by ;)"),
    "formal_association": NC_("update workbook", "Formal association (e.g. ECOWAS, AU)"),
    "thematic_focus": NC_("update workbook", "Thematic focus (separated by ;)"),
    "chair": NC_("update workbook", "Chair"),
    "website": NC_("update workbook", "Website"),
    "working_language": NC_("update workbook", "Working language (en, fr, es, ru or ar)"),
    "participant": NC_("update workbook", "State or organisation"),
    "role": NC_("update workbook", "Role"),
    "participant_type": NC_("update workbook", "Type"),
    "joined": NC_("update workbook", "Joined (year)"),
    "left": NC_("update workbook", "Left (year)"),
    "title": NC_("update workbook", "Title"),
    "edition": NC_("update workbook", "Number in its series"),
    "start_date": NC_("update workbook", "Start date"),
    "end_date": NC_("update workbook", "End date"),
    "city": NC_("update workbook", "City"),
    "country": NC_("update workbook", "Country"),
    "level": NC_("update workbook", "Level"),
    "meeting_status": NC_("update workbook", "Status"),
    "themes": NC_("update workbook", "Themes (separated by ;)"),
    "meeting_chair": NC_("update workbook", "Chaired by"),
    "iom_participation": NC_("update workbook", "IOM took part (yes or no)"),
    "summary": NC_("update workbook", "Summary"),
    "outcome_document": NC_("update workbook", "Outcome documents (separated by ;)"),
    "achievements": NC_("update workbook", "Achievements in {year}"),
    "priorities": NC_("update workbook", "Current priorities"),
    "upcoming": NC_("update workbook", "Upcoming: what is planned for {next}"),
    "sent_by": NC_("update workbook", "Filled in by (name, function)"),
    "sent_on": NC_("update workbook", "Date (dd/mm/yyyy)"),
}
"""The label of each part's columns, by contract column (a meeting's status and chair under
their own key, a name in each language under one)."""

INSTRUCTIONS = (
    NC_("update workbook", "ISCM Highlights {year}: the yearly update of {mechanism}"),
    NC_("update workbook",
        "IOM’s ISCM unit keeps the facts of each inter-State consultation mechanism on "
        "migration for ISCM Highlights, the mechanism profiles and the ISCM table. This "
        "workbook holds what the unit knows of {mechanism}: please check it, correct what has "
        "changed, add what is missing, and send it back as it is, under the same name."),
    NC_("update workbook",
        "Facts: each fact’s current value is in the middle column; write a correction on its "
        "right only where it has changed. To clear a value, write a dash (-)."),
    NC_("update workbook",
        "Participants: write the year a State or organisation joined or left on its row; add "
        "new participants in the empty rows under the list."),
    NC_("update workbook",
        "Meetings: the meetings of {year}, and those planned for {next}. Correct a row where "
        "it is wrong; add the meetings that are missing in the empty rows under the list."),
    NC_("update workbook",
        "Update: a short account of the year (achievements, current priorities, what is "
        "planned), as it should be printed in the compendium of ISCM updates; and who filled "
        "in this workbook, and when."),
    NC_("update workbook",
        "Write only in the white cells: the others are locked. Cells with a dropdown take the "
        "values listed. Dates: dd/mm/yyyy (day first). Years: four digits."),
    NC_("update workbook",
        "Do not rename, add or delete sheets, nor change the headers: the workbook is read "
        "back by its structure."),
    NC_("update workbook", "Made on {date} from the data of that day."),
)
"""The instructions sheet, line by line."""
CHECKS = {
    "list": NC_("update workbook", "Choose a value from the list."),
    "year": NC_("update workbook", "Write a year with four digits."),
    "date": NC_("update workbook", "Write a date: dd/mm/yyyy."),
    "country": NC_("update workbook", "Not a name in the list: check it (an organisation is "
                                      "written as it is)."),
}
"""What a cell's dropdown or check says of a value it does not take."""


@dataclass(frozen=True)
class Part:
    """One sheet of the workbook that holds values: its key, the contract table its
    columns are read as, and those columns."""

    key: str
    spec: TableSpec
    columns: tuple[str, ...]

    def column(self, name: str) -> Column:
        return self.spec.column(name)


PARTS = {
    "facts": Part("facts", MECHANISMS, FACTS),
    "participants": Part("participants", PARTICIPANTS, PARTICIPANT_COLUMNS),
    "meetings": Part("meetings", MEETINGS, MEETING_COLUMNS),
    "update": Part("update", UPDATES, (*NARRATIVE, *SENDER)),
}


def label_key(part: str, column: str) -> str:
    """The key of a column's label in LABELS: a meeting's status and chair have their own;
    the names in each language share one."""
    if part == "meetings" and column in ("status", "chair"):
        return f"meeting_{column}"
    return "name" if column.startswith("name_") else column


def written(column: Column, value: object) -> object:
    """A cell as the round trip compares it: a date as YYYY-MM-DD, a year or a number as an
    int, anything else as its text (cleaned: spaces trimmed and folded); None when blank.
    A value that is not what its column holds is kept as text (its column's parser then
    says what is wrong with it)."""
    if value is None or is_blank(value):
        return None
    if column.kind is DATE:
        if hasattr(value, "isoformat"):
            return value.isoformat()[:10]
        return clean_text(value)
    if column.kind in (YEAR, WHOLE_NUMBER):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = clean_text(value)
        return int(text) if text.isdigit() and len(text) <= 6 else text
    return clean_text(value)
