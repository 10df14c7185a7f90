"""The archive page: every edition under outputs/, with links, in the five languages.

``outputs/index.html`` (English) and ``index-fr.html``… list, year by year (newest
first), each document's files by language and format, with their sizes. Every
build rewrites them once its year is published, from what the outputs folder
holds rather than from the build's data: a year built last week, or in fewer
languages, is listed as it is. Only the documents are listed: not the hidden
files (the manifest, staging folders, the preview) nor the folders that are not a
year (dist/, translation-kit/).

File names are recognised from plan.py's names; a document a later version adds
(``iscm-map-2025-fr.pdf``) is still listed, under its stem, until it gets a title here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from babel import Locale
from babel.units import format_unit

from . import write
from .config import LANGUAGES, BulletinConfig
from .labels import N_
from .localiser import Localiser
from .plan import DOCUMENTS, archive_name, document_name, report_name, summary_name
from .render import language_env

TEMPLATE = "archive.html"
T = TypeVar("T")
YEAR_FOLDER = re.compile(r"\d{4}")
OTHER_DOCUMENT = re.compile(r"(?P<stem>[a-z0-9-]+?)-(?P<year>\d{4})(?:-(?P<lang>[a-z]{2}))?"
                            r"\.(?P<format>[a-z0-9]+)")
"""A document this version of the code does not make, named the way plan.py names them."""
SUMMARY, REPORT = "summary", "validation-report"
TITLES = {
    "bulletin": N_("ISCM Highlights %(year)s"),
    "table": N_("ISCM table %(year)s"),
    SUMMARY: N_("Key figures of %(year)s"),
    REPORT: N_("Validation report %(year)s"),
}
"""Each document's title, by its kind in plan.DOCUMENTS."""
FORMATS = {"pdf": N_("PDF"), "html": N_("Web page (HTML)"),
           "xlsx": N_("Spreadsheet (XLSX)"), "json": N_("Data (JSON)")}
"""The formats in the order listed, with their names for readers."""
ALL_LANGUAGES = N_("All languages")
"""The language of a file that has none: the summary's figures serve every language."""


@dataclass(frozen=True)
class ArchivedFile:
    """One file of an edition."""

    year: int
    kind: str
    """bulletin, table, summary, validation-report, or the stem of an unknown document."""
    lang: str | None
    """None for a file in no language (the summary)."""
    format: str
    """The suffix: pdf, html, xlsx, json."""
    href: str
    """Relative to the outputs folder: 2025/iscm-highlights-2025-fr.pdf."""
    size: int
    """In bytes."""

    @property
    def document(self) -> tuple[int, str]:
        """The rank of its document: plan.DOCUMENTS in their order, the documents of a
        later version of the code, then the data files (summary, validation report)."""
        kinds = [d.kind for d in DOCUMENTS]
        rank = (kinds.index(self.kind) if self.kind in kinds else
                len(kinds) + [SUMMARY, REPORT].index(self.kind) + 1
                if self.kind in (SUMMARY, REPORT) else len(kinds))
        return rank, self.kind

    @property
    def language(self) -> tuple[int, str]:
        """The rank of its language, in the order of the language switcher."""
        return (LANGUAGES.index(self.lang) if self.lang in LANGUAGES else len(LANGUAGES),
                self.lang or "")

    def order(self) -> tuple:
        """Newest year first, then by document, language and format."""
        formats = list(FORMATS)
        return (-self.year, self.document, self.language,
                formats.index(self.format) if self.format in formats else len(formats),
                self.format)


def known_files(year: int) -> dict[str, tuple[str, str | None]]:
    """File name -> (kind, language) of every file a build of the year can make."""
    known: dict[str, tuple[str, str | None]] = {
        document_name(d, year, lang, suffix): (d.kind, lang)
        for d in DOCUMENTS for lang in LANGUAGES for suffix in {"html", *d.formats}}
    known[summary_name(year)] = (SUMMARY, None)
    for suffix in ("html", "xlsx"):
        known[report_name(year, suffix)] = (REPORT, "en")  # written in English only
    return known


def archived_file(year: int, name: str, size: int,
                  known: dict[str, tuple[str, str | None]]) -> ArchivedFile | None:
    """A file of the year's folder as the archive lists it; None if it is not a document."""
    if name in known:
        kind, lang = known[name]
    elif match := OTHER_DOCUMENT.fullmatch(name):
        kind, lang = match["stem"], match["lang"]
    else:
        return None
    return ArchivedFile(year, kind, lang, name.rpartition(".")[2], f"{year}/{name}", size)


def archived_files(outputs: Path) -> list[ArchivedFile]:
    """Every document of every year folder, newest year first, then by document, language
    and format. Hidden files and folders are never listed."""
    files = []
    for folder in outputs.iterdir() if outputs.is_dir() else ():
        if folder.is_dir() and YEAR_FOLDER.fullmatch(folder.name):
            year = int(folder.name)
            known = known_files(year)
            files += filter(None, (archived_file(year, p.name, p.stat().st_size, known)
                                   for p in folder.iterdir()
                                   if p.is_file() and not p.name.startswith(".")))
    return sorted(files, key=ArchivedFile.order)


def assets_of(outputs: Path, files: list[ArchivedFile]) -> str:
    """Where the page finds its stylesheets: in the newest year that has them ('' if none
    does); the fonts they name are found beside them."""
    for href in dict.fromkeys(f.href.split("/")[0] for f in files):
        if (outputs / href / write.ASSETS / "css" / "common.css").is_file():
            return f"{href}/{write.ASSETS}"
    return ""


def file_size(size: int, loc: Localiser) -> str:
    """A size as readers write it: '345 kB', '1,2 Mo', '1,2 МБ' (CLDR's units)."""
    if size < 1000:
        return format_unit(size, "digital-byte", length="short", locale=loc.locale)
    if size < 999_500:
        return format_unit(round(size / 1000), "digital-kilobyte", length="short",
                           locale=loc.locale)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", format="#,##0.0",
                       locale=loc.locale)


def language_name(lang: str | None, loc: Localiser, capitalised: bool = True) -> str:
    """A language named in the reader's: 'Anglais' on the French page, 'anglais' in a line."""
    if lang is None:
        return loc.gettext(ALL_LANGUAGES)
    name = Locale.parse(loc.locale).languages.get(lang, lang)
    return name[:1].upper() + name[1:] if capitalised else name


def title(file: ArchivedFile, loc: Localiser) -> str:
    """The document's title with its year: 'Tableau des MCIM 2025'."""
    if file.kind in TITLES:
        return loc.gettext(TITLES[file.kind]) % {"year": file.year}
    return f"{file.kind} {file.year}"


def format_name(file: ArchivedFile, loc: Localiser) -> str:
    return loc.gettext(FORMATS[file.format]) if file.format in FORMATS else file.format.upper()


def describe(file: ArchivedFile, loc: Localiser) -> str:
    """One line on the file: 'ISCM table 2025, French, web page (HTML)' (README.txt)."""
    language = [language_name(file.lang, loc, capitalised=False)] if file.lang else []
    form = format_name(file, loc)
    if form[1:2].islower():  # 'web page', 'page web' inside a line; 'PDF' as it is
        form = form[:1].lower() + form[1:]
    return loc.comma.join([title(file, loc), *language, form])


@dataclass(frozen=True)
class Link:
    """One file, as the page links to it."""

    href: str
    format: str
    size: str
    hreflang: str | None


@dataclass(frozen=True)
class Group(Generic[T]):
    """A heading and what is listed under it: a year and its documents, a document and its
    languages, a language and its files."""

    heading: str
    items: tuple[T, ...]


@dataclass(frozen=True)
class ArchiveContext:
    """What the archive page shows, worded for one language."""

    lang: str
    dir: str
    languages: tuple[tuple[str, str], ...]
    """(language, file name of the page in it), for the switcher."""
    assets: str
    """The folder of the stylesheets, relative to the page; '' for none."""
    editions: tuple[Group[Group[Group[Link]]], ...]
    """Years, newest first; in each, its documents; in each, its languages and their files."""


def grouped(files: list[ArchivedFile], key) -> list[list[ArchivedFile]]:
    """The files (sorted) in groups that share a key, in order."""
    groups: dict[object, list[ArchivedFile]] = {}
    for file in files:
        groups.setdefault(key(file), []).append(file)
    return list(groups.values())


def archive_context(files: list[ArchivedFile], assets: str, loc: Localiser) -> ArchiveContext:
    """The files grouped by year, document and language, worded for the reader."""
    editions = tuple(
        Group(str(year_files[0].year), tuple(
            Group(title(document[0], loc), tuple(
                Group(language_name(rows[0].lang, loc), tuple(
                    Link(f.href, format_name(f, loc), file_size(f.size, loc), f.lang)
                    for f in rows))
                for rows in grouped(document, lambda f: f.lang)))
            for document in grouped(year_files, lambda f: f.kind)))
        for year_files in grouped(files, lambda f: f.year))
    switcher = tuple((lang, archive_name(lang)) for lang in LANGUAGES)
    return ArchiveContext(loc.lang, loc.direction, switcher, assets, editions)


def render_archive(files: list[ArchivedFile], assets: str, config: BulletinConfig,
                   lang: str) -> str:
    """The archive page in one language."""
    loc, env = language_env(config, lang)
    return env.get_template(TEMPLATE).render(doc=archive_context(files, assets, loc))


def write_archive(config: BulletinConfig) -> list[Path]:
    """Write the archive page in every language into the outputs folder. A page whose
    text has not changed is left as it is, modification time included, as a build
    leaves the documents it did not need to make again."""
    outputs = config.outputs_dir
    files = archived_files(outputs)
    assets = assets_of(outputs, files)
    pages = []
    for lang in LANGUAGES:
        path = outputs / archive_name(lang)
        html = render_archive(files, assets, config, lang)
        if not path.is_file() or path.read_text(encoding="utf-8") != html:
            write.atomically(path, write.write_text, text=html)
        pages.append(path)
    return pages
