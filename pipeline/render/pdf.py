"""PDF: an HTML page rendered by WeasyPrint with the print stylesheet, tagged PDF/UA-1 for
readers, or PDF/X-4 for a printer (3 mm bleed, crop marks: PRESS).

WeasyPrint may fetch only the project's own files (project_fetcher), and the fonts it
subsets are dated 1980 (font_epoch), so that the same page gives the same bytes. Every
glyph drawn has its text (glyph_text), so that the text extracted is the text shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import uuid
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ..config import BulletinConfig
from .glyph_text import finish_glyph_text
from .pdfua import finish_tagging, number

ACCESSIBLE, PRINT_READY = "pdf/ua-1", "pdf/x-4"
"""The PDF variants WeasyPrint writes here: tagged for readers, print-ready for a printer."""
PRESS = """@page { bleed: 3mm; marks: crop; }"""
"""What a print-ready PDF adds to the print stylesheet: every page (covers and poster
included) 3 mm larger on each side for the cut, with crop marks in the bleed."""
OUTPUT_INTENT = "srgb"
"""The print-ready PDF's output intent: WeasyPrint's sRGB profile (the colours are sRGB, as
in the stylesheets), for a colour-managed press that converts them to its inks; no freely
licensed CMYK printing-condition profile (FOGRA39…) ships with the project."""
DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")
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


def write_pdf(path: Path, html: str, config: BulletinConfig, cache: dict | None = None,
              variant: str = ACCESSIBLE) -> Path:
    """Render HTML with the print stylesheet to a tagged PDF/UA-1 file, laid out once; or,
    variant PRINT_READY, to a PDF/X-4 file with bleed and crop marks.

    cache is WeasyPrint's image cache, shared by the documents one process renders;
    each document gets its own font configuration, so its fonts are subset once.
    """
    from weasyprint import CSS, HTML  # here: a run that renders no PDF never loads it

    base_url = (config.templates_dir / "index.html").as_uri()
    source = HTML(string=html, base_url=base_url, url_fetcher=project_fetcher(config))
    options = {"pdf_variant": variant, "cache": {} if cache is None else cache}
    if variant == ACCESSIBLE:
        stylesheets, finisher = [], finishing(finish_tagging, finish_glyph_text)
    else:
        options["output_intent"] = OUTPUT_INTENT
        stylesheets, finisher = [CSS(string=PRESS)], finishing(
            partial(fixed_document_id, html), finish_glyph_text)
    with font_epoch():
        document = source.render(stylesheets=stylesheets, **options)
        printed = booklet_pages(document.pages)
        if len(printed) != len(document.pages):
            document = document.copy(printed)
        if variant != ACCESSIBLE:
            # PDF/X dates the file when it was made unless the document says: the edition's
            # date (dcterms.created), so that the same page gives the same bytes.
            document.metadata.modified = document.metadata.created
        document.write_pdf(path, finisher=finisher, **options)
    return path


def finishing(*finishers):
    """One WeasyPrint finisher (called with the document and the PDF before it is written)
    that applies each of finishers in turn."""
    def finish(document, pdf) -> None:
        for finisher in finishers:
            finisher(document, pdf)
    return finish


def fixed_document_id(html: str, document, pdf) -> None:
    """Replace the random document ID WeasyPrint writes into a PDF/X file's XMP metadata
    (uuid4) with one made from the page, so that the same page gives the same bytes."""
    metadata = pdf.objects[number(pdf.catalog["Metadata"])]
    stable = uuid.uuid5(uuid.NAMESPACE_URL, hashlib.sha256(html.encode("utf-8")).hexdigest())
    metadata.stream = [DOCUMENT_ID.sub(f"xmp.did:{stable}".encode(), part)
                       if isinstance(part, bytes) else part for part in metadata.stream]


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
