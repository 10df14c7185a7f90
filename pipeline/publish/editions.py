"""What a year's folder holds, file by file: which document, language and format each
file is, and its title in the reader's language. The archive page lists the files
this way and the distribution bundle's README.txt describes them this way.

Files are recognised from plan.py's names (plan.DOCUMENTS, the summary, the
validation report). A document added to plan.DOCUMENTS, or made by a later version
of the code, needs nothing here: a file named ``<stem>-<year>[-<lang>].<format>`` is
one of its document's files (a stem of plan.DOCUMENTS: that document's), and its
title is read from the ``<title>`` of its web page, the one the reader's language
has if built, else the English one. Hidden files and other names are not editions'.
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from ..config import LANGUAGES
from ..contract.labels import N_, NC_
from ..lang.localiser import Localiser
from .incremental import YEAR_FOLDER
from .plan import DOCUMENTS, REPORT, SUMMARY, file_names

NAMED = re.compile(r"(?P<stem>[a-z0-9-]+?)-(?P<year>\d{4})(?:-(?P<lang>[a-z]{2}))?"
                   r"\.(?P<format>[a-z0-9]+)")
"""A document's file as plan.py names them: iscm-map-2025-fr.pdf, iscm-calendar-2025.ics."""
HEAD = re.compile(r"<html\b[^>]*?\blang=\"(?P<lang>[a-z]{2})\".*?<title>(?P<title>[^<]*)</title>",
                  re.S | re.I)
HEAD_BYTES = 4096
"""The language and title are in the head, well within the first bytes of a page."""
TITLES = {
    "bulletin": N_("ISCM Highlights %(year)s"),
    "table": N_("ISCM table %(year)s"),
    SUMMARY: N_("Key figures of %(year)s"),
    REPORT: N_("Validation report %(year)s"),
}
"""The titles known here, by kind, translated even where the page in that language was not
built; any other document's title is read from its web pages."""
FORMATS = {"pdf": N_("PDF"), "html": N_("Web page (HTML)"),
           "xlsx": N_("Spreadsheet (XLSX)"), "json": N_("Data (JSON)")}
"""The formats in the order listed, with their names for readers; any other by its suffix."""
ASSETS = {
    "fonts/OFL.txt": NC_("bundle README", "licence of the fonts (SIL Open Font License 1.1)"),
    "map/SOURCE.txt": NC_("bundle README",
                          "source and licence of the world map's geometry (Natural Earth)"),
    "map/world.json": NC_("bundle README",
                          "geometry of the world map the documents draw (JSON: SVG paths in "
                          "the Equal Earth projection)"),
    ".css": NC_("bundle README", "stylesheet of the web pages"),
    ".js": NC_("bundle README", "script of the web pages"),
    ".ttf": NC_("bundle README", "font of the web pages"),
}
"""What the files under assets/ are, for the bundle's README.txt (messages): by their name
there where the suffix says too little (two .txt files, one the fonts' licence, one the
map's source), else by their suffix."""
ALL_LANGUAGES = N_("All languages")
"""The language of a file that has none: the summary's figures serve every language."""


@dataclass(frozen=True)
class EditionFile:
    """One file of an edition."""

    year: int
    kind: str
    """bulletin, table (plan.DOCUMENTS' kinds), summary, validation-report, or the stem of
    a document this version of the code does not make."""
    lang: str | None
    """None for a file in no language (the summary)."""
    format: str
    """The suffix: pdf, html, xlsx, json…"""
    href: str
    """Relative to the outputs folder: 2025/iscm-highlights-2025-fr.pdf."""
    size: int
    """In bytes."""
    title: str | None = None
    """The <title> of a web page; None for other formats."""

    @property
    def name(self) -> str:
        return self.href.rpartition("/")[2]

    def order(self) -> tuple:
        """Newest year first, then by document (plan.DOCUMENTS in their order, documents of
        a later version, then the data files), language (the switcher's order), format."""
        kinds = [d.kind for d in DOCUMENTS]
        data = [SUMMARY, REPORT]
        document = (kinds.index(self.kind) if self.kind in kinds else
                    len(kinds) + 1 + data.index(self.kind) if self.kind in data else len(kinds))
        language = LANGUAGES.index(self.lang) if self.lang in LANGUAGES else len(LANGUAGES)
        formats = list(FORMATS)
        form = formats.index(self.format) if self.format in formats else len(formats)
        return (-self.year, document, self.kind, language, self.lang or "", form, self.format)


def page_head(path: Path) -> tuple[str | None, str | None]:
    """The language and title of a web page, (None, None) if it names neither."""
    with path.open("rb") as page:
        text = page.read(HEAD_BYTES).decode("utf-8", errors="replace")
    match = HEAD.search(text)
    if match is None:
        return None, None
    return match["lang"].lower(), html.unescape(match["title"]).strip() or None


def edition_file(folder: Path, name: str, known: dict[str, tuple[str, str | None]]
                 ) -> EditionFile | None:
    """A file of a year's folder as an edition's; None if it is not a document."""
    year = int(folder.name)
    stems = {d.stem: d.kind for d in DOCUMENTS}
    if name in known:
        kind, lang = known[name]
    elif (match := NAMED.fullmatch(name)) and int(match["year"]) == year:
        kind, lang = stems.get(match["stem"], match["stem"]), match["lang"]
    else:
        return None
    form = name.rpartition(".")[2]
    path = folder / name
    page_lang, title = page_head(path) if form == "html" else (None, None)
    return EditionFile(year, kind, lang or (page_lang if kind == REPORT else None), form,
                       f"{year}/{name}", path.stat().st_size, title)


def year_files(folder: Path, names: list[str] | None = None) -> list[EditionFile]:
    """The documents of a year's folder (or those of its names), sorted. The validation
    report's spreadsheet is in the language of its page (REPORT_LANG at its build)."""
    known = file_names(int(folder.name))
    if names is None:
        names = [p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    files = [f for name in names if "/" not in name and not name.startswith(".")
             if (f := edition_file(folder, name, known)) is not None]
    report = next((f.lang for f in files if f.kind == REPORT and f.lang), None)
    files = [dataclasses.replace(f, lang=report) if f.kind == REPORT else f for f in files]
    return sorted(files, key=EditionFile.order)


def edition_files(outputs: Path) -> list[EditionFile]:
    """Every document of every year folder, newest year first. Hidden files and folders
    that are not years (dist/, translation-kit/, .preview/) are never listed."""
    folders = [p for p in outputs.iterdir() if p.is_dir() and YEAR_FOLDER.fullmatch(p.name)
               ] if outputs.is_dir() else []
    return sorted((f for folder in folders for f in year_files(folder)), key=EditionFile.order)


def grouped(files: list[EditionFile], key) -> list[list[EditionFile]]:
    """The files (sorted) in groups that share a key, in order."""
    groups: dict[object, list[EditionFile]] = {}
    for file in files:
        groups.setdefault(key(file), []).append(file)
    return list(groups.values())


def title(document: list[EditionFile], loc: Localiser) -> str:
    """The title of a document (its files of one year) in the reader's language: from
    TITLES, else its web page's in that language, else in English, else any, else its
    kind and year."""
    first = document[0]
    if first.kind in TITLES:
        return loc.gettext(TITLES[first.kind]) % {"year": first.year}
    titles = {f.lang: f.title for f in document if f.title}
    return (titles.get(loc.lang) or titles.get(LANGUAGES[0]) or next(iter(titles.values()), "")
            or f"{first.kind} {first.year}")


def language_name(lang: str | None, loc: Localiser, capitalised: bool = True) -> str:
    """A language named in the reader's: 'Anglais' on the French page, 'anglais' in a line."""
    if lang is None:
        return loc.gettext(ALL_LANGUAGES)
    name = Locale.parse(loc.locale).languages.get(lang, lang)
    return name[:1].upper() + name[1:] if capitalised else name


def asset_description(name: str, loc: Localiser) -> str | None:
    """What a file of the year's assets/ folder is ('assets/map/SOURCE.txt'), in the
    reader's language; None if not known."""
    inside = name.partition("/")[2]
    described = ASSETS.get(inside) or ASSETS.get(f".{inside.rpartition('.')[2]}")
    return loc.pgettext(*described) if described else None


def format_name(file: EditionFile, loc: Localiser) -> str:
    return loc.gettext(FORMATS[file.format]) if file.format in FORMATS else file.format.upper()


def describe(file: EditionFile, document: list[EditionFile], loc: Localiser) -> str:
    """One line on the file: 'ISCM table 2025, French, web page (HTML)' (README.txt)."""
    language = [language_name(file.lang, loc, capitalised=False)] if file.lang else []
    form = format_name(file, loc)
    if form[1:2].islower():  # 'web page', 'page web' inside a line; 'PDF' as it is
        form = form[:1].lower() + form[1:]
    return loc.comma.join([title(document, loc), *language, form])
