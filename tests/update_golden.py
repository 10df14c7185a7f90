"""Rebuild the golden HTML files from the small test inputs: `make golden`, then read the diff."""

import datetime as dt
import sys
import tempfile
from pathlib import Path

from pipeline import aggregate, ingest, render, validate
from pipeline.config import load_config
from tests.conftest import write_inputs

GOLDEN = Path(__file__).parent / "golden"
EDITION = dt.date(2026, 1, 15)


def golden_documents(langs: tuple[str, ...] = ("en",)) -> dict[str, str]:
    """File name -> HTML, for every document of the small inputs, build date fixed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_inputs(Path(tmp) / "inputs")
        config = load_config(folder, Path(tmp) / "out", langs=",".join(langs),
                             edition_date=EDITION)
        tables, report = validate.check(ingest.read_inputs(folder))
        data = aggregate.summarise(tables, report.year, EDITION)
        return {render.document_name(kind, data.year, lang, "html"):
                render.render_html(data, kind, lang, config)
                for lang in langs for kind in (render.BULLETIN, render.TABLE)}


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, html in golden_documents().items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
        print(f"wrote tests/golden/{name}", file=sys.stderr)
