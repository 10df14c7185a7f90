"""Rebuild the golden HTML files from the small test inputs: `make golden`, then read the diff.

English has both whole documents; every language has the sections of two mechanisms
(the meeting sentences, dates, ordinals, places and names in its own grammar).
"""

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.publish import plan
from pipeline.render import pages
from tests.conftest import write_inputs

GOLDEN = Path(__file__).parent / "golden"
EDITION = dt.date(2026, 1, 15)
SECTIONS = ("midsa", "gfmd")
"""A ministerial meeting with an edition and an outcome; a summit known by its title."""


def golden_documents(langs: tuple[str, ...] = ("en",)) -> dict[str, str]:
    """File name -> HTML, for every document of the small inputs, build date fixed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_inputs(Path(tmp) / "inputs")
        config = load_config(folder, Path(tmp) / "out", langs=",".join(langs),
                             edition_date=EDITION)
        data, _ = build.bulletin_data(config)
        return {plan.document_name(document, data.year, lang, "html"): pages.render_html(
                    data, document.template, lang, config,
                    plan.switcher(document, data.year, config.langs))
                for lang in langs for document in plan.DOCUMENTS}


def mechanism_sections(html: str) -> str:
    """The sections of SECTIONS in a bulletin, as they are in the page."""
    found = [re.search(rf'<section class="mechanism" id="m-{id}".*?</section>', html, re.S)
             for id in SECTIONS]
    return "\n".join(match.group(0) for match in found) + "\n"


GOLDEN_STEMS = (plan.BULLETIN.stem, plan.TABLE.stem, plan.CALENDAR.stem, plan.PROFILES.stem)
"""The documents kept whole; the factsheet and the map are tested by their figures."""


def without_geometry(html: str) -> str:
    """The page with each map shape's outline left out (its State, class and count kept):
    150 KB of committed coordinates (make map-assets) would bury the diff of the page."""
    return re.sub(r'(<path [^>]*?) d="[^"]*"', r'\1 d="…"', html)


def golden_files() -> dict[str, str]:
    """Every golden file name -> its expected content."""
    documents = golden_documents(LANGUAGES)
    files = {name: without_geometry(html) for name, html in documents.items()
             if name.endswith("-en.html") and name.startswith(GOLDEN_STEMS)}
    for lang in LANGUAGES:
        bulletin = documents[plan.document_name(plan.BULLETIN, 2025, lang, "html")]
        files[f"mechanisms-2025-{lang}.html"] = mechanism_sections(bulletin)
    return files


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, html in golden_files().items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
        print(f"wrote tests/golden/{name}", file=sys.stderr)
