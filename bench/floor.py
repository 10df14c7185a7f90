"""The renderer's floor: WeasyPrint alone renders HTML files one after another.

    python -m bench.floor OUT_FOLDER FILE.html...   -> JSON: seconds per file

Same HTML, same stylesheets and fonts (resolved against templates/, as the
build does), same PDF variant; WeasyPrint's own URL fetcher, no pipeline code
(so not the build's PDF/UA finisher either). bench/run.py checks that the PDFs
have the same pages as the build's.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

if __name__ == "__main__":
    from weasyprint import HTML

    out, files = Path(sys.argv[1]), [Path(f) for f in sys.argv[2:]]
    out.mkdir(parents=True, exist_ok=True)
    base_url = (TEMPLATES / "index.html").as_uri()
    seconds = {}
    for path in files:
        started = time.perf_counter()
        HTML(string=path.read_text(encoding="utf-8"), base_url=base_url).write_pdf(
            out / path.with_suffix(".pdf").name, pdf_variant="pdf/ua-1")
        seconds[path.name] = time.perf_counter() - started
    print(json.dumps(seconds))
