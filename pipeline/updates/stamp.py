"""The stamp of an update workbook: what it was made from, hidden in it and checksummed.

The stamp says which mechanism and year the workbook is for, its language, the day it
was made and the state of the inputs it was made from (each input file's SHA-256), how
each of its sheets is named and headed, and the value of every cell it pre-filled. It is
JSON, cut into cells of a very hidden sheet (a cell holds 32,767 characters at most),
followed by its SHA-256: a stamp edited by hand no longer matches, and the workbook is
refused. Comparing a returned workbook with its stamp says what the secretariat changed;
comparing the stamp with the inputs as they are now says what changed in the inputs
meanwhile (review.py: the conflicts).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

CHUNK = 30_000
"""Characters of the stamp's JSON per cell."""
CHECKSUM = "sha256:"


@dataclass(frozen=True)
class Layout:
    """How one sheet of the workbook is named and headed, in its language."""

    title: str
    headers: tuple[str, ...]
    columns: tuple[str, ...]
    """The contract column under each header ('' for a header that holds none: a fact's
    label, its current value)."""


@dataclass(frozen=True)
class Prefilled:
    """A row the workbook pre-filled (a participant, a meeting): its number, its values as
    written (form.written) and what identifies it in the inputs."""

    ref: int
    values: dict[str, object]
    key: dict[str, object]
    """A participant's ISO3 code and folded name; a meeting's title and start date."""


@dataclass(frozen=True)
class Stamp:
    mechanism: str
    year: int
    language: str
    made: str
    """The day it was made (YYYY-MM-DD)."""
    inputs: dict[str, str]
    """Each input file -> its SHA-256, when the workbook was made."""
    sheets: dict[str, Layout]
    """Part (form.PARTS, and 'instructions') -> its sheet."""
    facts: dict[str, object] = field(default_factory=dict)
    """Each fact's value when the workbook was made (form.written)."""
    participants: tuple[Prefilled, ...] = ()
    meetings: tuple[Prefilled, ...] = ()
    update: dict[str, object] = field(default_factory=dict)
    """The narrative and its sender, as the inputs held them (a second round)."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Stamp:
        data = json.loads(text)
        return cls(
            mechanism=data["mechanism"], year=int(data["year"]), language=data["language"],
            made=data["made"], inputs=dict(data["inputs"]),
            sheets={key: Layout(layout["title"], tuple(layout["headers"]),
                                tuple(layout["columns"]))
                    for key, layout in data["sheets"].items()},
            facts=dict(data["facts"]),
            participants=tuple(Prefilled(**row) for row in data["participants"]),
            meetings=tuple(Prefilled(**row) for row in data["meetings"]),
            update=dict(data["update"]))


def cells(stamp: Stamp) -> list[str]:
    """The stamp as the cells of its sheet, one under the other: its JSON in pieces, then
    its checksum."""
    text = stamp.to_json()
    pieces = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)]
    return [*pieces, CHECKSUM + digest(text)]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class BrokenStamp(ValueError):
    """A stamp sheet whose text no longer matches its checksum, or is not a stamp."""


def read(values: list[object]) -> Stamp:
    """The stamp from the cells of its sheet (column A, top down). Raises BrokenStamp when
    it has been edited."""
    texts = [str(value) for value in values if value not in (None, "")]
    if not texts or not texts[-1].startswith(CHECKSUM):
        raise BrokenStamp("no checksum")
    text = "".join(texts[:-1])
    if digest(text) != texts[-1].removeprefix(CHECKSUM):
        raise BrokenStamp("checksum")
    try:
        return Stamp.from_json(text)
    except (ValueError, KeyError, TypeError) as error:
        raise BrokenStamp(str(error)) from error
