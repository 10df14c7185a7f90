"""Rebuild the golden files from the small test inputs: `make golden`, then read the diff.

English has both whole documents; every language has the sections of two mechanisms
(the meeting sentences, dates, ordinals, places and names in its own grammar).
plan.txt lists every file the plan of a full build of them makes, in its order: the
plan, CLI and parallel tests read their file names there (conftest.golden_plan).
"""

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import incremental, plan
from pipeline.publish.outputs import BULLETIN, CALENDAR, HTML, PROFILES, TABLE, kinds
from tests.conftest import GOLDEN_PLAN, write_inputs

GOLDEN = Path(__file__).parent / "golden"
EDITION = dt.date(2026, 1, 15)
SECTIONS = ("midsa", "gfmd")
"""A ministerial meeting with an edition and an outcome; a summit known by its title."""


def small_plan(langs: tuple[str, ...] = LANGUAGES) -> list[plan.Target]:
    """The plan of a build of the small inputs in langs (every document and format), the
    edition date fixed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_inputs(Path(tmp) / "inputs")
        config = load_config(folder, Path(tmp) / "out", langs=",".join(langs),
                             edition_date=EDITION)
        data, report = build.bulletin_data(config)
        return plan.plan(data, report, config, incremental.Keys(config))


def golden_documents(targets: list[plan.Target]) -> dict[str, str]:
    """File name -> HTML, for every document's web page of the plan."""
    return {t.name: t.content for t in targets if t.format is HTML and t.document in kinds()}


def plan_listing(targets: list[plan.Target]) -> str:
    """plan.txt: one line per target, its name, format, document and language."""
    width = max(len(t.name) for t in targets) + 2
    return "".join([
        "# The files of a full build of the small test inputs (tests/conftest.py), in the order\n"
        "# the plan makes them: name, format, document, language ('-': none). `make golden`\n"
        "# writes it from the plan (tests/update_golden.py); test_render checks it.\n",
        *(f"{t.name:<{width}}{t.format.name:<7}{t.document or '-':<19}{t.lang or '-'}\n"
          for t in targets)])


def mechanism_sections(html: str) -> str:
    """The sections of SECTIONS in a bulletin, as they are in the page."""
    found = [re.search(rf'<section class="mechanism" id="m-{id}".*?</section>', html, re.S)
             for id in SECTIONS]
    return "\n".join(match.group(0) for match in found) + "\n"


GOLDEN_STEMS = (BULLETIN.stem, TABLE.stem, CALENDAR.stem, PROFILES.stem)
"""The documents kept whole; the factsheet and the map are tested by their figures."""


def without_geometry(html: str) -> str:
    """The page with each map shape's outline left out (its State, class and count kept):
    150 KB of committed coordinates (make map-assets) would bury the diff of the page."""
    return re.sub(r'(<path [^>]*?) d="[^"]*"', r'\1 d="…"', html)


def golden_files() -> dict[str, str]:
    """Every golden file name -> its expected content."""
    targets = small_plan()
    documents = golden_documents(targets)
    files = {name: without_geometry(html) for name, html in documents.items()
             if name.endswith("-en.html") and name.startswith(GOLDEN_STEMS)}
    for lang in LANGUAGES:
        bulletin = documents[plan.file_name(BULLETIN, 2025, lang, HTML)]
        files[f"mechanisms-2025-{lang}.html"] = mechanism_sections(bulletin)
    files[GOLDEN_PLAN.name] = plan_listing(targets)
    return files


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, html in golden_files().items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
        print(f"wrote tests/golden/{name}", file=sys.stderr)
