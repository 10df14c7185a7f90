"""Synthetic inputs at N times the shipped data, for the scaling benchmark.

Copy k of the shipped data (k = 0 is the shipped data itself) has every
mechanism again under a new id, acronym and names, with as many participants
(States drawn from real country names as editors write them: English, French
or Spanish, short or official forms) and as many meetings (same titles, levels
and themes, dates moved a few days within the same year, summaries remixed
from the shipped sentences). Vocabularies, text lengths and the share of each
kind of row stay those of the shipped data. Seeded: the same scale gives the
same rows.

    python -m bench.synthetic 100 /tmp/inputs-100x
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import openpyxl
from babel import Locale

from pipeline.config import REPORT_LANGUAGES
from pipeline.contract.schema import TABLES
from pipeline.read.headers import header_map, written_key
from pipeline.world.countries import is_state, to_iso3

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def read_workbook(path: Path) -> dict[str, list[list]]:
    """Every sheet as rows of cells, the header row first."""
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)
                            if any(cell is not None for cell in row)]
              for sheet in book.worksheets}
    book.close()
    return sheets


def write_workbook(path: Path, sheets: dict[str, list[list]]) -> None:
    book = openpyxl.Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def country_names(participants: list[dict], meetings: list[dict]) -> list[str]:
    """Real country names: those of the shipped data, and CLDR's English, French and
    Spanish names of every State (the forms editors write)."""
    names = {r["participant"] for r in participants} | {r["country"] for r in meetings}
    for lang in REPORT_LANGUAGES:
        names |= set(Locale.parse(lang).territories.values())
    return sorted(n for n in names if n and (code := to_iso3(n)) and is_state(code))


def suffixed(text: str | None, k: int) -> str | None:
    return f"{text} {k + 1}" if text and k else text


def records(book: dict[str, list[list]], table: str) -> tuple[list, list[dict]]:
    """The rows keyed by the contract's column names, whatever headers the sheet uses
    ('Intitulé' is title): the copies are written under those names."""
    rows = book[table]
    header = canonical(rows[0], table)
    return header, [dict(zip(header, row)) for row in rows[1:]]


def canonical(header: list, table: str) -> list:
    """A header row as the contract names its columns ('Intitulé' -> title)."""
    mapping = header_map(next(spec for spec in TABLES if spec.name == table))
    return [mapping.get(written_key(h, mapping), h) for h in header]


def mechanism_copy(row: dict, k: int) -> dict:
    """The same mechanism under a new id, acronym, names and aliases."""
    copy = dict(row)
    copy["id"] = f"{row['id']}-{k + 1}" if k else row["id"]
    for column in ("acronym", "name_en", "name_fr", "name_es", "name_ar", "name_ru"):
        copy[column] = suffixed(row[column], k)
    if row["aliases"] and k:
        copy["aliases"] = "; ".join(suffixed(a, k) for a in row["aliases"].split("; "))
    return copy


def participants_copy(rows: list[dict], mechanism_id: str, countries: list[str],
                      rng: random.Random) -> list[dict]:
    """A mechanism's participants with other States; organisations stay as they are."""
    states = {id(r) for r in rows if r["participant_type"] in (None, "state")
              and to_iso3(r["participant"])}
    drawn = iter(pick_distinct(countries, len(states), rng))
    return [dict(r, mechanism_id=mechanism_id,
                 participant=next(drawn) if id(r) in states else r["participant"])
            for r in rows]


def pick_distinct(names: list[str], n: int, rng: random.Random) -> list[str]:
    """n names of n different States (one form each, so that no State is listed twice)."""
    chosen: dict[str, str] = {}
    for name in rng.sample(names, len(names)):
        chosen.setdefault(to_iso3(name), name)
        if len(chosen) == n:
            break
    return list(chosen.values())


def meeting_copy(row: dict, mechanism_id: str, countries: list[str], sentences: list[str],
                 rng: random.Random) -> dict:
    copy = dict(row, mechanism_id=mechanism_id)
    start = row["start_date"]
    shift = dt.timedelta(days=rng.randint(-10, 10))
    if start.replace(month=1, day=1) <= start + shift <= start.replace(month=12, day=31):
        copy["start_date"] = start + shift
        copy["end_date"] = row["end_date"] and row["end_date"] + shift
    if row["country"]:
        copy["country"] = rng.choice(countries)
    if row["summary"]:
        count = len(SENTENCE.split(row["summary"]))
        copy["summary"] = " ".join(rng.sample(sentences, count))
    return copy


def generate(scale: int, folder: Path, source: Path = SHIPPED, seed: int = 2025) -> Path:
    """Write mechanisms.xlsx and meetings.xlsx with scale times the rows of source."""
    rng = random.Random(seed)
    books = {name: read_workbook(source / name) for name in ("mechanisms.xlsx",
                                                             "meetings.xlsx")}
    mechanism_header, mechanisms = records(books["mechanisms.xlsx"], "mechanisms")
    participant_header, participants = records(books["mechanisms.xlsx"], "participants")
    meeting_header, meetings = records(books["meetings.xlsx"], "meetings")
    countries = country_names(participants, meetings)
    sentences = sorted({s for r in meetings if r["summary"]
                        for s in SENTENCE.split(r["summary"])})
    by_mechanism: dict[str, list[dict]] = {}
    for row in participants:
        by_mechanism.setdefault(row["mechanism_id"], []).append(row)
    out_mechanisms, out_participants, out_meetings = [], [], []
    for k in range(scale):
        ids = {}
        for row in mechanisms:
            copy = mechanism_copy(row, k)
            ids[row["id"]] = copy["id"]
            out_mechanisms.append(copy)
        for mechanism, rows in by_mechanism.items():
            out_participants += (rows if k == 0 else
                                 participants_copy(rows, ids[mechanism], countries, rng))
        out_meetings += (meetings if k == 0 else
                         [meeting_copy(r, ids[r["mechanism_id"]], countries, sentences, rng)
                          for r in meetings])
    folder.mkdir(parents=True, exist_ok=True)
    write_workbook(folder / "mechanisms.xlsx", {
        "mechanisms": table(mechanism_header, out_mechanisms),
        "participants": table(participant_header, out_participants)})
    write_workbook(folder / "meetings.xlsx", {"meetings": table(meeting_header, out_meetings)})
    return folder


def table(header: list, rows: list[dict]) -> list[list]:
    return [header, *([row[h] for h in header] for row in rows)]


if __name__ == "__main__":
    scale, folder = int(sys.argv[1]), Path(sys.argv[2])
    print(generate(scale, folder))
