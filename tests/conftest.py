"""Shared fixtures: small input workbooks written from Python rows, and configs."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest

from pipeline.config import LANGUAGES, BulletinConfig, load_config
from pipeline.contract.schema import MECHANISMS, MEETINGS, PARTICIPANTS
from pipeline.publish.outputs import (
    BULLETIN,
    CHOSEN,
    DOCUMENTS,
    FACTSHEET,
    PDF,
    PROFILES,
    TABLE,
    kinds,
)
from pipeline.publish.plan import archive_name, file_name

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
    from pipeline import build, validate
    from pipeline.read import ingest

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


GOLDEN_PLAN = ROOT / "tests" / "golden" / "plan.txt"


class PlannedFile(NamedTuple):
    """One line of tests/golden/plan.txt."""

    name: str
    format: str
    document: str
    """Its document's kind; '-' for an asset."""
    lang: str
    """The language it is in; '-' for none."""


def golden_plan() -> list[PlannedFile]:
    """The files a full build of the small inputs plans (every document, language and
    format), in the order the plan makes them: tests/golden/plan.txt, written by `make
    golden` from the plan itself (tests/update_golden.py), so that the tests read the plan's
    names rather than restate them."""
    lines = GOLDEN_PLAN.read_text(encoding="utf-8").splitlines()
    return [PlannedFile(*line.split()) for line in lines if line and not line.startswith("#")]


FAST_PDFS = frozenset({(d.kind, "en") for d in DOCUMENTS if d is not PROFILES}
                      | {(BULLETIN.kind, "ar"), (TABLE.kind, "ar")}
                      | {(FACTSHEET.kind, lang) for lang in LANGUAGES})
"""The (document, language) PDFs of the shipped inputs that `make test` renders: every
document in English, the bulletin and the table in Arabic (the Arabic font, right to
left, the map and charts mirrored), and the factsheet in every language (its two pages
must hold each language's words); not the profiles, which take half of all the rendering
time (`make test` checks their PDF on the small inputs: small_build). The other PDFs are
`print` checks, made by `make test-browser`."""


def pdf_cases(documents=None, langs=LANGUAGES) -> list:
    """pytest parameters (kind, lang) for a test of the shipped PDFs: those outside
    FAST_PDFS are marked `print`."""
    return [pytest.param(kind, lang, id=f"{kind}-{lang}",
                         marks=() if (kind, lang) in FAST_PDFS else pytest.mark.print)
            for kind in documents or kinds() for lang in langs]


@contextlib.contextmanager
def locked(path: Path):
    """Held by one process of the test run at a time (pytest-xdist runs one per core)."""
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def run_folder(tmp_path_factory, name: str) -> Path:
    """A folder every process of this test run shares: beside the workers' own under
    pytest-xdist (named by the run, so that no earlier run's is reused), in the session's
    own without."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    return base.parent / f"{name}-{run}" if run else base / name


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """One build of the shipped inputs, shared by every test that reads its documents (and
    changes none): every document in every language, as HTML and spreadsheets, with the
    summary, the .ics and the validation report. Its PDFs: `shipped_pdf`.

    With pytest-xdist (make test) each process has its own session: the first to get here
    builds, under a lock, into a folder they share; the others find it up to date and
    read its report from its manifest, as `iscm build` does.
    """
    from pipeline import build
    from pipeline.publish import incremental, write

    shared = run_folder(tmp_path_factory, "shipped-build")
    config = load_config(SHIPPED_INPUTS, shared, formats="html,xlsx", format_choices=CHOSEN)
    with locked(shared.with_suffix(".lock")):
        if not shared.is_dir():
            return build.build(config)
    built = incremental.up_to_date(config)
    if built is None:
        pytest.fail("the shared build of the shipped inputs failed in another process")
    folder = built.folder
    return build.BuildResult(folder, write.published_files(folder), built.report)


class ShippedPdfs:
    """The PDFs of the shipped build, rendered from its HTML as the build renders them
    (parallel.PdfRenderer) into a folder every process of the run shares: each of the
    FAST_PDFS by the first test to ask for it, the others (the `print` checks) all at once
    in the build's pool when the first of them is asked for."""

    def __init__(self, pages: Path, folder: Path):
        self.pages, self.folder = pages, folder
        self.year = int(pages.name)
        self.config = load_config(SHIPPED_INPUTS, folder)
        folder.mkdir(exist_ok=True)

    def path(self, kind: str, lang: str) -> Path:
        document = next(d for d in DOCUMENTS if d.kind == kind)
        return self.folder / file_name(document, self.year, lang, PDF)

    def html(self, kind: str, lang: str) -> str:
        """The page the PDF is rendered from, as the shared build wrote it."""
        return (self.pages / self.path(kind, lang).with_suffix(".html").name).read_text(
            encoding="utf-8")

    def __call__(self, kind: str, lang: str) -> Path:
        if (kind, lang) in FAST_PDFS:
            self.render([(kind, lang)])
        else:
            every = [(k, language) for k in kinds() for language in LANGUAGES]
            self.render([case for case in every if case not in FAST_PDFS])
        return self.path(kind, lang)

    def text(self, kind: str, lang: str) -> str:
        """The PDF's text (pdfcheck.pdf_text), extracted once for the whole run: pypdf takes
        seconds over an Arabic document."""
        from tests.pdfcheck import pdf_text

        pdf = self(kind, lang)
        text = pdf.with_suffix(".txt")
        with locked(pdf.with_name(f".{text.name}.lock")):
            if not text.exists():
                text.with_name(f".{text.name}").write_text(pdf_text(pdf), encoding="utf-8")
                text.with_name(f".{text.name}").rename(text)
        return text.read_text(encoding="utf-8")

    def render(self, cases: list[tuple[str, str]]) -> None:
        """Render the PDFs of cases not yet made: in this process for one, in the build's
        pool for more. Each is locked while it is made (in one order, so that two
        processes never wait for each other), and written under a hidden name, then given
        its own: whole or absent."""
        from pipeline.render import parallel

        paths = {self.path(kind, lang): (kind, lang) for kind, lang in cases}
        with contextlib.ExitStack() as locks:
            for path in sorted(p for p in paths if not p.exists()):
                locks.enter_context(locked(path.with_name(f".{path.name}.lock")))
            missing = [p for p in paths if not p.exists()]
            with parallel.PdfRenderer(self.config, None if len(missing) > 1 else 1) as pool:
                for path in missing:
                    pool.submit(path.with_name(f".{path.name}"), self.html(*paths[path]))
                pool.wait()
            for path in missing:
                path.with_name(f".{path.name}").rename(path)


@pytest.fixture(scope="session")
def shipped_pdf(shipped, tmp_path_factory) -> ShippedPdfs:
    """shipped_pdf(kind, lang): the path of that shipped document's PDF."""
    return ShippedPdfs(shipped.folder, run_folder(tmp_path_factory, "shipped-pdfs"))


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
                             langs="en,fr,ar", formats="html", format_choices=CHOSEN)
        result = build.build(config, jobs=1)
        built[year] = (build.bulletin_data(config)[0], result.folder)
    return built


@pytest.fixture(scope="session")
def small_build(tmp_path_factory):
    """(config, BuildResult): one build of the small inputs in English, every format,
    PDFs rendered in this process, for the tests that read it and do not change it (copy
    it first to change it)."""
    from pipeline import build

    root = tmp_path_factory.mktemp("small-build")
    config = load_config(write_inputs(root / "inputs"), root / "outputs", langs="en",
                         edition_date=dt.date(2026, 1, 15))
    return config, build.build(config, jobs=1)


@pytest.fixture
def small_inputs(tmp_path) -> Path:
    return write_inputs(tmp_path / "inputs")


@pytest.fixture
def small_config(small_inputs, tmp_path) -> BulletinConfig:
    return load_config(small_inputs, tmp_path / "outputs", langs="en",
                       edition_date=dt.date(2026, 1, 15))
