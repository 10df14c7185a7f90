"""The archive page: every edition under outputs/, with links, in the five languages.

``outputs/index.html`` (English) and ``index-fr.html``… are each edition's landing page,
year by year (newest first): the year's key figures (from its summary-<year>.json) and
map (the poster's first page), its documents each with a thumbnail of its first page
(covers.py) and its languages, then every file by document, language and format, with
its size. Every build rewrites them once its year is published, from what the outputs
folder holds rather than from the build's data: a year built last week, or in fewer
languages, is listed as it is. Which file is which document is editions.py's: a new
document is listed without a change here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Generic, TypeVar

from babel.units import format_unit

from ..config import LANGUAGES, BulletinConfig
from ..lang.localiser import Localiser
from ..model import Changes, Summary
from ..render.pages import language_env
from . import write
from .covers import Cover, make_covers
from .editions import EditionFile, edition_files, format_name, grouped, language_name, title
from .incremental import EDITIONS_MARK, editions_key, read_manifest
from .outputs import DATA_FILES, HTML, JSON, MAP, PDF, SUMMARY
from .plan import archive_name

TEMPLATE = "archive.html"
T = TypeVar("T")


def assets_of(outputs: Path, files: list[EditionFile]) -> str:
    """Where the page finds its stylesheets: in the newest year that has them ('' if none
    does); the fonts they name are found beside them."""
    for year in dict.fromkeys(f.href.split("/")[0] for f in files):
        if (outputs / year / write.ASSETS / "css" / "common.css").is_file():
            return f"{year}/{write.ASSETS}"
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
class Figures:
    """A year's key figures, as the bulletin's macro big_numbers reads them (its
    doc.bulletin): the summary its build wrote, and the edition's date."""

    year: int
    edition_date: dt.date
    summary: Summary


@dataclass(frozen=True)
class Version:
    """A document in one language, as its card links to it."""

    language: str
    """Named in the reader's language."""
    href: str
    lang: str


@dataclass(frozen=True)
class Product:
    """A document of an edition, as its card shows it."""

    title: str
    href: str
    """Its page in the reader's language, else in the first language built, else in any;
    its PDF where it has no page."""
    hreflang: str | None
    cover: Cover | None
    """The thumbnail of its PDF's first page, in the same order of languages; None without
    a PDF."""
    versions: tuple[Version, ...]
    """Its page (else PDF) in each language, in the switcher's order."""


@dataclass(frozen=True)
class Edition:
    """One year: the landing part (figures, map, documents, languages), then its files."""

    year: str
    figures: Figures | None
    """None when the year's folder has no summary this version can read."""
    map: Product | None
    """The poster, when it has a thumbnail: the year's map."""
    products: tuple[Product, ...]
    languages: str
    """The languages its documents are in, named in the reader's: 'English, French and
    Arabic'."""
    files: tuple[Group[Group[Link]], ...]
    """Its documents; in each, its languages and their files."""


@dataclass(frozen=True)
class ArchiveContext:
    """What the archive page shows, worded for one language."""

    lang: str
    dir: str
    languages: tuple[tuple[str, str], ...]
    """(language, file name of the page in it), for the switcher."""
    assets: str
    """The folder of the stylesheets, relative to the page; '' for none."""
    editions: tuple[Edition, ...]
    """Years, newest first."""
    mark: str
    """The comment that says which listing the page shows (incremental.archive_current)."""


def read_figures(outputs: Path, files: list[EditionFile]) -> Figures | None:
    """A year's key figures, from the summary and the edition date its build wrote; None
    if it has none, or one another version wrote that this one cannot read."""
    summary = next((f for f in files if f.kind == SUMMARY.kind and f.format == JSON.name),
                   None)
    edition_date = (read_manifest(outputs / str(files[0].year)) or {}).get("edition_date")
    if summary is None or not edition_date:
        return None
    try:
        data = json.loads((outputs / summary.href).read_text(encoding="utf-8"))
        data["changes"] = Changes(**data.get("changes", {}))
        known = {f.name for f in fields(Summary)}
        return Figures(files[0].year, dt.date.fromisoformat(edition_date),
                       Summary(**{k: v for k, v in data.items() if k in known}))
    except (OSError, ValueError, TypeError):
        return None


def in_reader_order(files: list[EditionFile], lang: str) -> list[EditionFile]:
    """The files in the reader's language first, then in the first language, then the rest
    in the switcher's order (the files are sorted so)."""
    return sorted(files, key=lambda f: (f.lang != lang, f.lang != LANGUAGES[0]))


def product(document: list[EditionFile], covers: dict[str, Cover], loc: Localiser
            ) -> Product:
    """A document's card: its page (else PDF) in the reader's language, or the nearest."""
    readable = [f for f in document if f.format in (HTML.name, PDF.name) and f.lang]
    pages = [f for f in readable if f.format == HTML.name] or readable or document
    first = in_reader_order(pages, loc.lang)[0]
    cover = next((covers[f.href] for f in in_reader_order(readable, loc.lang)
                  if f.href in covers), None)
    versions = tuple(Version(language_name(rows[0].lang, loc), rows[0].href, rows[0].lang)
                     for rows in grouped(pages, lambda f: f.lang) if rows[0].lang)
    return Product(title(document, loc), first.href, first.lang, cover, versions)


def edition(year_files: list[EditionFile], figures: Figures | None,
            covers: dict[str, Cover], loc: Localiser) -> Edition:
    """One year's part of the page, worded for the reader."""
    data = {d.kind for d in DATA_FILES}
    documents = grouped(year_files, lambda f: f.kind)
    cards = [(d[0].kind, product(d, covers, loc)) for d in documents if d[0].kind not in data]
    poster = next((card for kind, card in cards if kind == MAP.kind and card.cover), None)
    products = tuple(card for _, card in cards)
    languages = loc.list([language_name(lang, loc, capitalised=False) for lang in LANGUAGES
                          if any(f.lang == lang for f in year_files)])
    files = tuple(
        Group(title(document, loc), tuple(
            Group(language_name(rows[0].lang, loc), tuple(
                Link(f.href, format_name(f, loc), file_size(f.size, loc), f.lang)
                for f in rows))
            for rows in grouped(document, lambda f: f.lang)))
        for document in documents)
    return Edition(str(year_files[0].year), figures, poster, products, languages, files)


def archive_context(files: list[EditionFile], assets: str, key: str, loc: Localiser,
                    figures: dict[int, Figures] | None = None,
                    covers: dict[str, Cover] | None = None) -> ArchiveContext:
    """The editions, newest first, worded for the reader: each year's figures (by year),
    documents with their thumbnails (by their PDF's href), languages and files."""
    figures, covers = figures or {}, covers or {}
    editions = tuple(edition(year_files, figures.get(year_files[0].year), covers, loc)
                     for year_files in grouped(files, lambda f: f.year))
    switcher = tuple((lang, archive_name(lang)) for lang in LANGUAGES)
    return ArchiveContext(loc.lang, loc.direction, switcher, assets, editions,
                          f"{EDITIONS_MARK} {key}")


def render_archive(files: list[EditionFile], assets: str, key: str, config: BulletinConfig,
                   lang: str, figures: dict[int, Figures] | None = None,
                   covers: dict[str, Cover] | None = None) -> str:
    """The archive page in one language."""
    loc, env = language_env(config, lang)
    context = archive_context(files, assets, key, loc, figures, covers)
    return env.get_template(TEMPLATE).render(doc=context)


def write_archive(config: BulletinConfig) -> list[Path]:
    """Write the archive page in every language into the outputs folder, and the
    thumbnails of the documents' PDFs (covers.py). A page whose text has not changed is
    left as it is, modification time included, as a build leaves the documents it did not
    need to make again."""
    outputs = config.outputs_dir
    files, key = edition_files(outputs), editions_key(outputs)
    assets = assets_of(outputs, files)
    figures = {year_files[0].year: found for year_files in grouped(files, lambda f: f.year)
               if (found := read_figures(outputs, year_files))}
    covers = make_covers(outputs, files) if outputs.is_dir() else {}
    pages = []
    for lang in LANGUAGES:
        path = outputs / archive_name(lang)
        html = render_archive(files, assets, key, config, lang, figures, covers)
        if not path.is_file() or path.read_text(encoding="utf-8") != html:
            write.atomically(path, write.write_text, text=html)
        pages.append(path)
    return pages
