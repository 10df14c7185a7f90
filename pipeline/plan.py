"""The build's plan: every output of a build, as data. The only place that names files.

A build gathers everything first, then plans, then writes (as Pelican runs every
generator before any writer, and MkDocs gathers all pages before writing one).
Each ``Target`` says what a file is called, what it is made from (its key: a hash,
compared with the previous build's to decide whether to make it again) and how it
is written. A PDF has no writer of its own: the pool renders it from its HTML.

A new document is one line in ``DOCUMENTS``: its template, file stem and formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .config import LANGUAGES, BulletinConfig
from .errors import Report


@dataclass(frozen=True)
class Document:
    """A document made in every language, from one template."""

    kind: str
    """Its name in the code and the templates: bulletin, table."""
    stem: str
    """The start of its file names: iscm-highlights -> iscm-highlights-2025-en.pdf."""
    formats: tuple[str, ...]
    """html always; pdf (rendered from the HTML) and xlsx (from its rows) when listed."""

    @property
    def template(self) -> str:
        return f"{self.kind}.html"


# The longest documents first: the PDF pool renders in this order.
DOCUMENTS: tuple[Document, ...] = (
    Document("bulletin", "iscm-highlights", ("html", "pdf")),
    Document("profiles", "iscm-profiles", ("html", "pdf")),
    Document("table", "iscm-table", ("html", "pdf", "xlsx")),
    Document("calendar", "iscm-calendar", ("html", "pdf")),
    Document("factsheet", "iscm-factsheet", ("html", "pdf")),
    Document("map", "iscm-map", ("html", "pdf")),
)
BULLETIN, PROFILES, TABLE, CALENDAR, FACTSHEET, MAP = DOCUMENTS


def kinds() -> tuple[str, ...]:
    """What `--docs` (DOCS=) may name: every document's kind, in the order they are made."""
    return tuple(document.kind for document in DOCUMENTS)


def selected(config: BulletinConfig) -> tuple[Document, ...]:
    """The documents a build makes: those of config.docs, every one when it names none."""
    return tuple(d for d in DOCUMENTS if not config.docs or d.kind in config.docs)


def document_name(document: Document, year: int, lang: str, suffix: str) -> str:
    """File names come from fixed parts only, never from the data."""
    return f"{document.stem}-{year}-{lang}.{suffix}"


def summary_name(year: int) -> str:
    return f"summary-{year}.json"


def calendar_name(year: int) -> str:
    """The year's meetings for calendar applications: one file, in English."""
    return f"iscm-calendar-{year}.ics"


def report_name(year: int, suffix: str) -> str:
    return f"validation-report-{year}.{suffix}"


def archive_name(lang: str) -> str:
    """The page of every edition, in the outputs folder: index.html in English (the page a
    browser opens first), index-fr.html… in the other languages."""
    return "index.html" if lang == LANGUAGES[0] else f"index-{lang}.html"


def switcher(document: Document, year: int, langs: tuple[str, ...]
             ) -> tuple[tuple[str, str], ...]:
    """(language, file name of the same document in it), for the language switcher."""
    return tuple((lang, document_name(document, year, lang, "html"))
                 for lang in LANGUAGES if lang in langs)


@dataclass(frozen=True)
class Target:
    """One file of the build."""

    name: str
    """Its path in the year's folder: iscm-table-2025-fr.xlsx, assets/css/common.css."""
    format: str
    """html, pdf, xlsx, json, ics or asset."""
    key: str
    """The hash of what it is made from: an unchanged key carries the file over."""
    write: Callable[[Path], object] | None = None
    """Writes the file at the path it is given; None for a PDF (the pool renders it)."""
    html: str = ""
    """For a PDF: the page it is rendered from."""


def plan(data, report: Report, config: BulletinConfig, keys) -> list[Target]:
    """Every output of the build, in the order they are made (the longest PDFs first).

    data is the BulletinData of the year, keys the build's incremental.Keys.
    """
    # Imported here: the CLI names files with this module on its quick "up to date" path,
    # which must not load Jinja, Babel or pandas.
    from . import ical, render, validation_report, write
    from .catalogues import report_wording
    from .incremental import digest, file_digest
    from .localiser import RTL_LANGUAGES

    year, edition = data.year, data.edition_date
    wanted = set(config.formats)
    targets: list[Target] = []
    documents = selected(config)
    for document in documents:
        for lang in config.langs:
            html = render.render_html(data, document.template, lang, config,
                                      switcher(document, year, config.langs))
            name = partial(document_name, document, year, lang)
            targets.append(Target(name("html"), "html", digest(html),
                                  partial(write.write_text, text=html)))
            if "pdf" in document.formats and "pdf" in wanted:
                targets.append(Target(name("pdf"), "pdf", keys.pdf(html), html=html))
    for document in documents:
        for lang in config.langs if "xlsx" in document.formats and "xlsx" in wanted else ():
            sheet = render.table_sheet(data, lang)
            rtl = lang in RTL_LANGUAGES
            targets.append(Target(document_name(document, year, lang, "xlsx"), "xlsx",
                                  keys.data(sheet, edition, rtl),
                                  partial(write.write_xlsx, sheet=sheet, edition=edition,
                                          right_to_left=rtl)))
    text = write.summary_json(data.summary)
    targets.append(Target(summary_name(year), "json", digest(text),
                          partial(write.write_text, text=text)))
    if CALENDAR in documents:  # the calendar's other format, whatever FORMATS says
        ics = ical.calendar_ics(data)
        targets.append(Target(calendar_name(year), "ics", digest(ics),
                              partial(write.write_bytes, data=ics)))
    page = validation_report.render_html(report, config, year)
    targets.append(Target(report_name(year, "html"), "html", digest(page),
                          partial(write.write_text, text=page)))
    sheet = validation_report.report_sheet(report, report_wording(config.report_lang))
    targets.append(Target(report_name(year, "xlsx"), "xlsx", keys.data(sheet, edition),
                          partial(write.write_xlsx, sheet=sheet, edition=edition)))
    for name, source in write.asset_files(config):
        targets.append(Target(name, "asset", file_digest(source),
                              partial(write.copy_file, source=source)))
    assert len({t.name for t in targets}) == len(targets), "two targets write one file"
    return targets
