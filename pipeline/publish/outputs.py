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
    from ..render.datapackage import Package
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
    suffix: str = ""
    """Its files' suffix when it is not its name: print.pdf (iscm-map-2025-fr.print.pdf)."""
    by_default: bool = True
    """Whether a build whose FORMATS= names none makes it; else only when FORMATS= names it."""
    pdf_variant: str = ""
    """For a format the pool renders: the PDF variant WeasyPrint writes (render/pdf.py)."""

    @property
    def file_suffix(self) -> str:
        return self.suffix or self.name


HTML = OutputFormat("html", lambda keys, page: keys.text(page), write.write_text,
                    N_("Web page (HTML)"), chosen=True)
PDF = OutputFormat("pdf", lambda keys, page: keys.pdf(page), None, N_("PDF"), chosen=True,
                   pooled=True, pdf_variant="pdf/ua-1")
"""The accessible PDF (PDF/UA-1: tagged), for readers."""
PRINT = OutputFormat("print", lambda keys, page: keys.pdf(page), None,
                     N_("PDF for the printer (PDF/X-4)"), chosen=True, pooled=True,
                     suffix="print.pdf", by_default=False, pdf_variant="pdf/x-4")
"""The print-ready PDF (PDF/X-4, 3 mm bleed and crop marks), for a printer: made only when
FORMATS= names it (FORMATS=print): its pages are the PDF's, and a full build has no use for
it, at a tenth of the build's time (docs/maintainers.md)."""
XLSX = OutputFormat("xlsx", lambda keys, sheet: keys.sheet(sheet), xlsx.write_sheet,
                    N_("Spreadsheet (XLSX)"), chosen=True)
JSON = OutputFormat("json", lambda keys, text: keys.text(text), write.write_text,
                    N_("Data (JSON)"))
ICS = OutputFormat("ics", lambda keys, data: keys.text(data), write.write_bytes, N_("ICS"))
CSV = OutputFormat("csv", lambda keys, text: keys.text(text), write.write_text,
                   N_("Data (CSV)"))
ASSET = OutputFormat("asset", lambda keys, source: keys.file(source), write.copy_file)
"""A stylesheet, font, script or map copied from the templates' assets/ folder."""
FORMATS: tuple[OutputFormat, ...] = (HTML, PDF, PRINT, XLSX, JSON, CSV, ICS, ASSET)
"""Every format, in this order wherever formats are listed but by a document (FORMATS=, a
document of another version on the archive page)."""
CHOSEN: tuple[str, ...] = tuple(f.name for f in FORMATS if f.chosen)
"""What FORMATS= (--formats) may name, in this order: html, pdf, print, xlsx."""
DEFAULT: tuple[str, ...] = tuple(f.name for f in FORMATS if f.chosen and f.by_default)
"""What a build whose FORMATS= names none makes: html, pdf, xlsx."""


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
    def open_data(self) -> Package:
        """The year's open data package (render/datapackage.py), made once for its files."""
        from ..render.datapackage import package

        return package(self.data)

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
    (summary-2025.json)."""
    optional: bool = False
    """Made only when FORMATS= names its format (or names none); else always."""
    linked: bool = False
    """Its content links to the document in the other languages (the page's language
    switcher): a file kept by a partial build is out of date when they change."""
    name: str = ""
    """Its path in the year's folder, for a file not named after its document
    (data/meetings.csv); blank: <stem>-<year>[-<lang>].<format> (plan.file_name)."""
    label: str | None = None
    """What readers call it (N_), where its format's label would not tell it from the
    document's other files of that format: 'Meetings (CSV)'."""


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
PRESS = Output(PRINT, page, optional=True, linked=True)
"""The print-ready PDF of a document's page: the same HTML and stylesheet, with bleed and
crop marks."""


def table_sheet(made: Materials) -> xlsx.SheetFile:
    """The ISCM table as a spreadsheet: its rows, not another document's."""
    from ..render.pages import table_sheet as rows

    return made.sheet_file(rows(made.data, made.lang))


def calendar_ics(made: Materials) -> bytes:
    """The calendar's .ics in the language of its page, named by the document's title."""
    from ..lang.localiser import Localiser
    from ..render.ical import calendar_ics as events

    name = made.document.titled(Localiser(made.lang).gettext, made.data.year)
    return events(made.data, made.lang, name)


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
# the products of the series, "ISCM <year> · <product>", in every language; the product
# alone (product=) is the word of its cover's band.
BULLETIN = Document("bulletin", "iscm-highlights", N_("ISCM %(year)s · Highlights"),
                    (PRINTED, PAGE, PRESS), product=NC_("product", "Highlights"))
PROFILES = Document("profiles", "iscm-profiles", N_("ISCM %(year)s · Profiles"),
                    (PRINTED, PAGE), product=NC_("product", "Profiles"))
TABLE = Document("table", "iscm-table", N_("ISCM %(year)s · Table"),
                 (PRINTED, PAGE, Output(XLSX, table_sheet, optional=True)),
                 product=NC_("product", "Table"))
CALENDAR = Document("calendar", "iscm-calendar", N_("ISCM %(year)s · Calendar"),
                    (PRINTED, PAGE, Output(ICS, calendar_ics)),
                    product=NC_("product", "Calendar"))
"""Its .ics, one per language, for calendar applications, made whatever FORMATS= says."""
FACTSHEET = Document("factsheet", "iscm-factsheet", N_("ISCM %(year)s · Factsheet"),
                     (PRINTED, PAGE), product=NC_("product", "Factsheet"))
MAP = Document("map", "iscm-map", N_("ISCM %(year)s · Map"), (PRINTED, PAGE, PRESS),
               product=NC_("product", "Map"))
UPDATES = Document("updates", "iscm-updates", N_("ISCM %(year)s · Compendium of updates"),
                   (PRINTED, PAGE), product=NC_("product", "Updates"))
"""Each mechanism's yearly update as its secretariat sent it (make requests, make collect)."""
DOCUMENTS: tuple[Document, ...] = (BULLETIN, PROFILES, TABLE, CALENDAR, FACTSHEET, MAP,
                                   UPDATES)
"""The documents DOCS= may name, in the order they are made and listed."""

SUMMARY = Document("summary", "summary", N_("Key figures of %(year)s"),
                   (Output(JSON, summary_json, each_language=False),))
"""Every figure of the year, for other tools."""
REPORT = Document("validation-report", "validation-report", N_("Validation report %(year)s"),
                  (Output(HTML, report_page, each_language=False),
                   Output(XLSX, report_sheet, each_language=False)), in_report_language=True)
"""Every warning about the inputs, for the editors."""
DATA_FOLDER = "data"
"""The open data package's folder in the year's folder."""


def data_table(name: str, hxl: bool = False) -> Callable[[Materials], str]:
    """The content of one table of the open data package: its CSV, or its HXL variant."""
    return lambda made: made.open_data.table(name).csv(hxl)


def data_descriptor(made: Materials) -> str:
    return made.open_data.descriptor()


DATA_TABLES = (("mechanisms", N_("Mechanisms (CSV)"), N_("Mechanisms, with HXL hashtags (CSV)")),
               ("participations", N_("Participations (CSV)"),
                N_("Participations, with HXL hashtags (CSV)")),
               ("meetings", N_("Meetings (CSV)"), N_("Meetings, with HXL hashtags (CSV)")),
               ("memberships", N_("Memberships per State (CSV)"),
                N_("Memberships per State, with HXL hashtags (CSV)")),
               ("gcm_objectives", N_("GCM objectives by meeting (CSV)"),
                N_("GCM objectives by meeting, with HXL hashtags (CSV)")))
"""The package's tables (datapackage.TABLES, in order) and what readers call their files."""
OPEN_DATA = Document(
    "data", DATA_FOLDER, N_("Open data %(year)s"),
    (Output(JSON, data_descriptor, each_language=False, name=f"{DATA_FOLDER}/datapackage.json",
            label=N_("Data package description (Frictionless JSON)")),
     *(Output(CSV, data_table(table), each_language=False, name=f"{DATA_FOLDER}/{table}.csv",
              label=label) for table, label, _hxl in DATA_TABLES),
     *(Output(CSV, data_table(table, hxl=True), each_language=False,
              name=f"{DATA_FOLDER}/hxl/{table}.csv", label=hxl)
       for table, _label, hxl in DATA_TABLES)))
"""The tables behind the figures, as CSV, with their Frictionless descriptor: the mechanisms,
the participations as of the year, the meetings, the memberships per State and the GCM
objectives by meeting; the same with HXL hashtags under hxl/."""
DATA_FILES: tuple[Document, ...] = (SUMMARY, OPEN_DATA, REPORT)
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
