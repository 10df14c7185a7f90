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

from ..config import FORMATS, LANGUAGES, BulletinConfig
from ..errors import Report


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


def is_partial(config: BulletinConfig) -> bool:
    """Whether a build makes only some of the documents, languages or formats (DOCS, LANGS,
    FORMATS): it keeps the files of the year it does not make, where a full build makes the
    year's folder anew."""
    return (config.langs != LANGUAGES or selected(config) != DOCUMENTS
            or set(config.formats) != set(FORMATS))


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


SUMMARY, REPORT = "summary", "validation-report"
"""The kinds of the year's data files, beside the documents' (file_names)."""


def file_names(year: int, langs: tuple[str, ...] = LANGUAGES,
               documents: tuple[Document, ...] = DOCUMENTS, formats: tuple[str, ...] = FORMATS
               ) -> dict[str, tuple[str, str | None]]:
    """Every file a build of these languages, documents and formats writes but the assets
    (a copy of the templates' assets/ folder): name -> (kind, language), the language None
    for a file in none. Known without reading the inputs, as plan() names them: `iscm dist`
    tells a complete edition from it, and the quick "up to date" path what a build would
    make. A document's web page is always made; its PDF and spreadsheet when both it and
    formats have them; the .ics with the calendar."""
    names: dict[str, tuple[str, str | None]] = {}
    for document in documents:
        for lang in langs:
            for suffix in document.formats:
                if suffix == "html" or suffix in formats:
                    names[document_name(document, year, lang, suffix)] = (document.kind, lang)
    names[summary_name(year)] = (SUMMARY, None)
    if CALENDAR in documents:
        names[calendar_name(year)] = (CALENDAR.kind, None)
    for suffix in ("html", "xlsx"):
        names[report_name(year, suffix)] = (REPORT, None)
    return names


def folder_languages(config: BulletinConfig, year: int, previous: set[str]
                     ) -> dict[str, tuple[str, ...]]:
    """Per document kind, the languages its web pages will have in the year's folder once
    built: those the build makes and, for a partial build, those it keeps (previous: the
    files of the folder before the build, empty for a full build, which keeps none). Each
    page's language switcher links to these: a page remade in French still links to the
    English page kept beside it."""
    made = {d.kind for d in selected(config)}
    return {document.kind: tuple(
        lang for lang in LANGUAGES
        if (document.kind in made and lang in config.langs)
        or document_name(document, year, lang, "html") in previous) for document in DOCUMENTS}


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
    languages: tuple[str, ...] = ()
    """For a document's web page and PDF: the languages its switcher links to. A page kept
    by a partial build whose switcher no longer lists the folder's languages is out of date."""


def plan(data, report: Report, config: BulletinConfig, keys,
         languages: dict[str, tuple[str, ...]] | None = None) -> list[Target]:
    """Every output of the build, in the order they are made (the longest PDFs first).

    data is the BulletinData of the year, keys the build's incremental.Keys, languages the
    languages of each document in the folder once built (folder_languages; default: those
    built).
    """
    # Imported here: the CLI names files with this module on its quick "up to date" path,
    # which must not load Jinja, Babel or pandas.
    from ..lang.catalogues import report_wording
    from ..lang.localiser import RTL_LANGUAGES
    from ..render import ical, pages, validation_report, xlsx
    from . import write
    from .incremental import digest, file_digest

    year, edition = data.year, data.edition_date
    wanted = set(config.formats)
    targets: list[Target] = []
    documents = selected(config)
    for document in documents:
        linked = languages[document.kind] if languages else config.langs
        for lang in config.langs:
            html = pages.render_html(data, document.template, lang, config,
                                      switcher(document, year, linked))
            name = partial(document_name, document, year, lang)
            targets.append(Target(name("html"), "html", digest(html),
                                  partial(write.write_text, text=html),
                                  languages=linked))
            if "pdf" in document.formats and "pdf" in wanted:
                targets.append(Target(name("pdf"), "pdf", keys.pdf(html), html=html,
                                      languages=linked))
    for document in documents:
        for lang in config.langs if "xlsx" in document.formats and "xlsx" in wanted else ():
            sheet = pages.table_sheet(data, lang)
            rtl = lang in RTL_LANGUAGES
            targets.append(Target(document_name(document, year, lang, "xlsx"), "xlsx",
                                  keys.data(sheet, edition, rtl),
                                  partial(xlsx.write_xlsx, sheet=sheet, edition=edition,
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
                          partial(xlsx.write_xlsx, sheet=sheet, edition=edition)))
    for name, source in write.asset_files(config):
        targets.append(Target(name, "asset", file_digest(source),
                              partial(write.copy_file, source=source)))
    assert len({t.name for t in targets}) == len(targets), "two targets write one file"
    assert {t.name for t in targets if t.format != "asset"} == set(file_names(
        year, config.langs, documents, config.formats)), "file_names() names other files"
    return targets
