"""What a build outputs: each format of file declared once, and each document with its files.

An ``OutputFormat`` is one kind of file: its suffix, what readers call it (the archive
page, README.txt), whether FORMATS= may name it, how its key is made (what the file is
made from, hashed: incremental.Keys), and how it is written, or whether the PDF pool
renders it. A ``Document`` declares its title and its outputs: each an ``Output`` of one
format, made in every language or once in none, from the document's page (its
template), its own sheet rows or the year's data. plan.py loops over them and names the
files; nothing else lists formats or documents.

A new format is one OutputFormat here and its writer; a new document one Document here
and its template. Only the standard library is imported at the top (and light modules):
the CLI names files with these declarations on its quick "up to date" path
(plan.file_names), which must not load Jinja, Babel or pandas, so the modules that make
the contents are imported when a content is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import BulletinConfig
from ..contract.labels import N_, NC_
from ..errors import Report
from ..render import xlsx
from . import write

if TYPE_CHECKING:  # model imports pandas
    from ..model import BulletinData
    from .incremental import Keys


@dataclass(frozen=True)
class OutputFormat:
    """One kind of file a build writes."""

    name: str
    """Its suffix (iscm-table-2025-fr.xlsx), what FORMATS= names and the manifest records."""
    key: Callable[[Keys, Any], str]
    """The hash of a content: an unchanged key carries the file over (incremental.py)."""
    write: Callable[[Path, Any], object] | None = None
    """Writes a content at the path it is given; None for a format the pool renders."""
    label: str | None = None
    """What readers call it (N_: translated where it is shown); None for a format no
    document declares (the assets, which README.txt describes one by one)."""
    chosen: bool = False
    """Whether FORMATS= (--formats) may name it; the others are made whatever it says."""
    pooled: bool = False
    """Rendered in the PDF pool (parallel.py), in other processes, from its content."""


HTML = OutputFormat("html", lambda keys, page: keys.text(page), write.write_text,
                    N_("Web page (HTML)"), chosen=True)
PDF = OutputFormat("pdf", lambda keys, page: keys.pdf(page), None, N_("PDF"), chosen=True,
                   pooled=True)
XLSX = OutputFormat("xlsx", lambda keys, sheet: keys.sheet(sheet), xlsx.write_sheet,
                    N_("Spreadsheet (XLSX)"), chosen=True)
JSON = OutputFormat("json", lambda keys, text: keys.text(text), write.write_text,
                    N_("Data (JSON)"))
ICS = OutputFormat("ics", lambda keys, data: keys.text(data), write.write_bytes, N_("ICS"))
ASSET = OutputFormat("asset", lambda keys, source: keys.file(source), write.copy_file)
"""A stylesheet, font, script or map copied from the templates' assets/ folder."""
FORMATS: tuple[OutputFormat, ...] = (HTML, PDF, XLSX, JSON, ICS, ASSET)
"""Every format, in this order wherever formats are listed but by a document (FORMATS=, a
document of another version on the archive page)."""
CHOSEN: tuple[str, ...] = tuple(f.name for f in FORMATS if f.chosen)
"""What FORMATS= (--formats) may name, in this order: html, pdf, xlsx."""


@dataclass(frozen=True)
class Materials:
    """What the files of one document in one language (or in none) are made from."""

    data: BulletinData
    report: Report
    config: BulletinConfig
    document: Document
    lang: str | None
    """The files' language: one of the build's; the report's for a document in it; None."""
    switcher: tuple[tuple[str, str], ...] = ()
    """For a document's page: (language, file name of the page in it) (plan.switcher)."""

    @cached_property
    def page(self) -> str:
        """The document's web page: the PDF is rendered from the same text."""
        from ..render import pages

        return pages.render_html(self.data, self.document.template, self.lang, self.config,
                                 self.switcher, self.document.title, self.document.product)

    def sheet_file(self, sheet: xlsx.SheetRows) -> xlsx.SheetFile:
        """A spreadsheet of these rows, dated with the edition, in the language's direction."""
        from ..lang.localiser import RTL_LANGUAGES

        return xlsx.SheetFile(sheet, self.data.edition_date, self.lang in RTL_LANGUAGES)


@dataclass(frozen=True)
class Output:
    """One file a document declares: its format and how its content is made."""

    format: OutputFormat
    content: Callable[[Materials], Any]
    each_language: bool = True
    """One file per language built (iscm-table-2025-fr.xlsx), else one in none
    (iscm-calendar-2025.ics)."""
    optional: bool = False
    """Made only when FORMATS= names its format (or names none); else always."""
    linked: bool = False
    """Its content links to the document in the other languages (the page's language
    switcher): a file kept by a partial build is out of date when they change."""


@dataclass(frozen=True)
class Document:
    """A document of the build: its kind, file stem, title and files."""

    kind: str
    """Its name in the code, DOCS= and the templates (bulletin.html): bulletin, table."""
    stem: str
    """The start of its file names: iscm-highlights -> iscm-highlights-2025-en.pdf."""
    title: str
    """Its title, %(year)s in it (N_): the manifest, the archive page, README.txt."""
    outputs: tuple[Output, ...]
    """Its files, in the order a language's files are listed (the PDF first), and made."""
    in_report_language: bool = False
    """Its files in no language of their own are in the report's (REPORT_LANG)."""
    product: tuple[str, str] | None = None
    """For a product of the series: its name alone (NC_("product", …)), on its cover."""

    @property
    def template(self) -> str:
        return f"{self.kind}.html"

    def titled(self, gettext: Callable[[str], str], year: int) -> str:
        """Its title in a language (that language's gettext)."""
        return gettext(self.title) % {"year": year}


def page(made: Materials) -> str:
    return made.page


PAGE = Output(HTML, page, linked=True)
PRINTED = Output(PDF, page, optional=True, linked=True)
"""The PDF of a document's page, rendered from the same HTML with the print stylesheet."""


def table_sheet(made: Materials) -> xlsx.SheetFile:
    """The ISCM table as a spreadsheet: its rows, not another document's."""
    from ..render.pages import table_sheet as rows

    return made.sheet_file(rows(made.data, made.lang))


def calendar_ics(made: Materials) -> bytes:
    from ..render.ical import calendar_ics as events

    return events(made.data)


def summary_json(made: Materials) -> str:
    return write.summary_json(made.data.summary)


def report_page(made: Materials) -> str:
    from ..render.validation_report import render_html

    return render_html(made.report, made.config, made.data.year)


def report_sheet(made: Materials) -> xlsx.SheetFile:
    from ..lang.catalogues import report_wording
    from ..render.validation_report import report_sheet as rows

    return made.sheet_file(rows(made.report, report_wording(made.config.report_lang)))


# The longest documents first: the PDF pool renders in this order. One title pattern for
# the six products of the series, "ISCM <year> · <product>", in every language; the product
# alone (product=) is the word of its cover's band.
BULLETIN = Document("bulletin", "iscm-highlights", N_("ISCM %(year)s · Highlights"),
                    (PRINTED, PAGE), product=NC_("product", "Highlights"))
PROFILES = Document("profiles", "iscm-profiles", N_("ISCM %(year)s · Profiles"),
                    (PRINTED, PAGE), product=NC_("product", "Profiles"))
TABLE = Document("table", "iscm-table", N_("ISCM %(year)s · Table"),
                 (PRINTED, PAGE, Output(XLSX, table_sheet, optional=True)),
                 product=NC_("product", "Table"))
CALENDAR = Document("calendar", "iscm-calendar", N_("ISCM %(year)s · Calendar"),
                    (PRINTED, PAGE, Output(ICS, calendar_ics, each_language=False)),
                    product=NC_("product", "Calendar"))
"""Its .ics is in English, for calendar applications, made whatever FORMATS= says."""
FACTSHEET = Document("factsheet", "iscm-factsheet", N_("ISCM %(year)s · Factsheet"),
                     (PRINTED, PAGE), product=NC_("product", "Factsheet"))
MAP = Document("map", "iscm-map", N_("ISCM %(year)s · Map"), (PRINTED, PAGE),
               product=NC_("product", "Map"))
DOCUMENTS: tuple[Document, ...] = (BULLETIN, PROFILES, TABLE, CALENDAR, FACTSHEET, MAP)
"""The documents DOCS= may name, in the order they are made and listed."""

SUMMARY = Document("summary", "summary", N_("Key figures of %(year)s"),
                   (Output(JSON, summary_json, each_language=False),))
"""Every figure of the year, for other tools."""
REPORT = Document("validation-report", "validation-report", N_("Validation report %(year)s"),
                  (Output(HTML, report_page, each_language=False),
                   Output(XLSX, report_sheet, each_language=False)), in_report_language=True)
"""Every warning about the inputs, for the editors."""
DATA_FILES: tuple[Document, ...] = (SUMMARY, REPORT)
"""The year's data files, written by every build whatever DOCS= says, after the documents."""


def kinds() -> tuple[str, ...]:
    """What DOCS= (--docs) may name: every document's kind, in the order they are made."""
    return tuple(document.kind for document in DOCUMENTS)


def declared(kind: str) -> Document | None:
    """The document or data file of that kind; None for one this version does not make."""
    return next((d for d in (*DOCUMENTS, *DATA_FILES) if d.kind == kind), None)


def format_named(name: str) -> OutputFormat | None:
    """The format of that name; None for one this version does not write."""
    return next((f for f in FORMATS if f.name == name), None)
