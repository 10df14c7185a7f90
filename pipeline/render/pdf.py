"""PDF: an HTML page rendered by WeasyPrint with the print stylesheet, tagged PDF/UA-1.

WeasyPrint may fetch only the project's own files (project_fetcher), and the fonts it
subsets are dated 1980 (font_epoch), so that the same page gives the same bytes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ..config import BulletinConfig
from .pdfua import finish_tagging

FONT_EPOCH = "315532800"
"""1980-01-01 in seconds: the date fontTools stamps into the fonts it subsets (their 'head'
table), read from SOURCE_DATE_EPOCH; otherwise it takes the clock, and two builds differ
whenever WeasyPrint subsets with fontTools (without HarfBuzz's subsetter)."""


def project_fetcher(config: BulletinConfig):
    """A WeasyPrint URL fetcher that reads only the project's files under templates/."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    root = config.templates_dir.resolve()

    class ProjectFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(root):
                raise FatalURLFetchingError(f"Refused to fetch {url!r}: documents may only use "
                                            f"files under {root}.")
            return super().fetch(url, headers)

    return ProjectFetcher(allowed_protocols=("file",))


def write_pdf(path: Path, html: str, config: BulletinConfig, cache: dict | None = None
              ) -> Path:
    """Render HTML with the print stylesheet to a tagged PDF/UA-1 file, laid out once.

    cache is WeasyPrint's image cache, shared by the documents one process renders;
    each document gets its own font configuration, so its fonts are subset once.
    """
    from weasyprint import (
        DEFAULT_OPTIONS,
        HTML,  # imported here: a run that renders no PDF never loads it
    )

    base_url = (config.templates_dir / "index.html").as_uri()
    page = HTML(string=html, base_url=base_url, url_fetcher=project_fetcher(config))
    options = {**DEFAULT_OPTIONS, "pdf_variant": "pdf/ua-1",
               "cache": {} if cache is None else cache}
    with font_epoch():
        document = page.render(**options)
        printed = booklet_pages(document.pages)
        if len(printed) != len(document.pages):
            document = document.copy(printed)
        document.write_pdf(path, finisher=finish_tagging, **options)
    return path


NOTES_PAGE = "notes"
"""The named page (print.css) of the notes pages a document ends with, before its back
cover (the bulletin: _notes.html)."""
SIGNATURE = 4
"""A booklet is printed on sheets folded once: four pages each."""


def page_name(page) -> str:
    return page._page_box.page_type.name


def booklet_pages(pages: list) -> list:
    """The pages to print: all of them, but of a document's notes pages only as many as
    make its page count a multiple of four (a printer imposes four pages to a sheet), the
    first ones. The document lays out enough of them (three); the others are dropped. Their
    pages carry no page number, so that dropping some renumbers nothing."""
    notes = [i for i, page in enumerate(pages) if page_name(page) == NOTES_PAGE]
    if not notes:
        return pages
    kept = -(len(pages) - len(notes)) % SIGNATURE
    dropped = set(notes[kept:])
    return [page for i, page in enumerate(pages) if i not in dropped]


@contextlib.contextmanager
def font_epoch() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to FONT_EPOCH while fontTools subsets, then as it was: the
    variable also gives the build's date (config.build_date), which a PDF rendered in this
    process must not move to 1980 for the builds after it."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FONT_EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
