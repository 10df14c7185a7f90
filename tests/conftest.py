"""Shared fixtures: small input workbooks written from Python rows, and configs."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from pipeline.config import LANGUAGES, BulletinConfig, load_config
from pipeline.plan import archive_name
from pipeline.schema import MECHANISMS, MEETINGS, PARTICIPANTS

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_INPUTS = ROOT / "inputs"
ARCHIVE_PAGES = tuple(archive_name(lang) for lang in LANGUAGES)
"""The archive page in every language, which every build writes beside its year's folder."""

MECHANISM_ROWS = [
    {"id": "midsa", "acronym": "MIDSA", "name_en": "Migration Dialogue for Southern Africa",
     "name_fr": "Dialogue sur la migration pour l’Afrique australe", "type": "RCP",
     "status": "active", "region": "Africa", "year_established": 2000,
     "secretariat": "IOM", "iom_role": "secretariat-support", "formal_association": "SADC",
     "thematic_focus": "labour-migration; irregular-migration",
     "website": "https://www.sadc.int"},
    {"id": "midwa", "acronym": "MIDWA", "name_en": "Migration Dialogue for West Africa",
     "type": "RCP", "status": "active", "region": "Africa", "year_established": 2001,
     "iom_role": "secretariat-support", "thematic_focus": "free-movement"},
    {"id": "gfmd", "acronym": "GFMD", "name_en": "Global Forum on Migration and Development",
     "name_fr": "Forum mondial sur la migration et le développement",
     "name_es": "Foro Mundial sobre Migración y Desarrollo", "type": "Global",
     "status": "active", "region": "Global", "year_established": 2007,
     "secretariat": "GFMD Support Unit", "iom_role": "secretariat-support; observer",
     "thematic_focus": "migration-development"},
    {"id": "rcm", "acronym": "RCM",
     "name_en": "Regional Conference on Migration (Puebla Process)", "type": "RCP",
     "status": "active", "region": "Americas", "year_established": 1996,
     "iom_role": "secretariat", "aliases": "CRM; Conferencia Regional sobre Migración"},
    {"id": "apc", "acronym": "APC", "name_en": "Asia-Pacific Consultations on Refugees, "
     "Displaced Persons and Migrants", "type": "RCP", "status": "inactive",
     "status_detail": "Completed its mission", "region": "Asia-Pacific",
     "year_established": 1996},
]

PARTICIPANT_ROWS = [
    {"mechanism_id": "midsa", "participant": p, "role": "member"}
    for p in ("South Africa", "Namibia", "Botswana", "Angola", "Eswatini")
] + [
    {"mechanism_id": "midwa", "participant": p, "role": "member"}
    for p in ("Nigeria", "Ghana", "Côte d'Ivoire", "Senegal")
] + [
    {"mechanism_id": "rcm", "participant": p, "role": "member"}
    for p in ("Mexico", "Guatemala", "United States of America", "Canada")
] + [
    {"mechanism_id": "rcm", "participant": "Colombia", "role": "observer"},
    {"mechanism_id": "rcm", "participant": "IOM", "role": "partner"},
]

MEETING_ROWS = [
    {"mechanism_id": "midsa", "edition": 4, "title": "MIDSA Ministerial Meeting",
     "start_date": dt.date(2025, 1, 23), "end_date": dt.date(2025, 1, 24),
     "city": "Windhoek", "country": "Namibia", "level": "ministerial",
     "themes": "labour-migration", "iom_participation": "yes",
     "summary": "Ministers reviewed the regional labour migration action plan.",
     "outcome_document": "Windhoek Declaration"},
    {"mechanism_id": "gfmd", "title": "GFMD Summit", "start_date": dt.date(2025, 3, 5),
     "end_date": dt.date(2025, 3, 7), "city": "Geneva", "country": "Switzerland",
     "level": "summit", "themes": "migration-development", "iom_participation": "yes",
     "summary": "The Summit discussed regular pathways."},
    {"mechanism_id": "Puebla Process", "title": "Technical meeting on labour mobility",
     "start_date": dt.date(2025, 3, 20), "city": "Mexico City", "country": "Mexico",
     "level": "technical", "themes": "labour-migration; regular-pathways",
     "iom_participation": "no", "summary": "Experts exchanged practices."},
    {"mechanism_id": "midwa", "title": "MIDWA Senior Officials Meeting",
     "start_date": dt.date(2024, 6, 11), "end_date": dt.date(2024, 6, 12), "city": "Abuja",
     "country": "Nigeria", "level": "senior-officials", "iom_participation": "yes",
     "summary": "Officials prepared the ministerial meeting."},
]


def validated(folder: Path, year: int | None = None, langs: tuple[str, ...] = ()):
    """(tables, report) of a folder of inputs, for a year (default: as a build decides it)."""
    from pipeline import build, ingest, validate

    raw = ingest.read_inputs(folder)
    config = BulletinConfig(inputs_dir=folder, year=year)
    return validate.check(raw, build.bulletin_year(config, raw), langs)


def write_sheet(book: openpyxl.Workbook, title: str, headers: list[str], rows: list[dict]):
    sheet = book.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h, None) for h in headers])
    return sheet


def input_books(mechanisms=None, participants=None, meetings=None
                ) -> dict[str, openpyxl.Workbook]:
    """mechanisms.xlsx and meetings.xlsx as workbooks, with the contract's headers."""
    mech = openpyxl.Workbook()
    mech.remove(mech.active)
    write_sheet(mech, "mechanisms", [c.name for c in MECHANISMS.template_columns],
                MECHANISM_ROWS if mechanisms is None else mechanisms)
    write_sheet(mech, "participants", [c.name for c in PARTICIPANTS.template_columns],
                PARTICIPANT_ROWS if participants is None else participants)
    meet = openpyxl.Workbook()
    meet.remove(meet.active)
    write_sheet(meet, "meetings", [c.name for c in MEETINGS.template_columns],
                MEETING_ROWS if meetings is None else meetings)
    return {"mechanisms.xlsx": mech, "meetings.xlsx": meet}


def write_inputs(folder: Path, mechanisms=None, participants=None, meetings=None) -> Path:
    """Write mechanisms.xlsx and meetings.xlsx under folder, with the contract's headers."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, book in input_books(mechanisms, participants, meetings).items():
        book.save(folder / name)
    return folder


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """One build of the shipped inputs, shared by every test that reads its documents.

    With pytest-xdist (make test) each process has its own session: the first to get here
    builds, under a lock, into a folder they share; the others copy that build and build
    again over it, which reuses every file (the incremental build) in a second.
    """
    from pipeline import build

    shared = tmp_path_factory.getbasetemp().parent / "shipped-build"
    own = tmp_path_factory.mktemp("shipped")
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not shared.is_dir():
            staging = shared.with_name(f"{shared.name}-{os.getpid()}")
            build.build(load_config(SHIPPED_INPUTS, staging))
            staging.rename(shared)
    shutil.copytree(shared, own, dirs_exist_ok=True, copy_function=shutil.copy2)
    return build.build(load_config(SHIPPED_INPUTS, own))


@pytest.fixture(scope="session")
def history_editions(tmp_path_factory):
    """The 2024 and 2025 editions of tests/data/history/ (known joins, departures and status
    changes), built into one outputs folder, HTML in English, French and Arabic:
    year -> (BulletinData, the year's folder)."""
    from pipeline import build

    outputs = tmp_path_factory.mktemp("history")
    built = {}
    for year in (2024, 2025):
        config = load_config(ROOT / "tests" / "data" / "history", outputs, year=year,
                             langs="en,fr,ar", formats="html")
        result = build.build(config, jobs=1)
        built[year] = (build.bulletin_data(config)[0], result.folder)
    return built


@pytest.fixture
def small_inputs(tmp_path) -> Path:
    return write_inputs(tmp_path / "inputs")


@pytest.fixture
def small_config(small_inputs, tmp_path) -> BulletinConfig:
    return load_config(small_inputs, tmp_path / "outputs", langs="en",
                       edition_date=dt.date(2026, 1, 15))
