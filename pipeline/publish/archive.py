"""The archive page: every edition under outputs/, with links, in the five languages.

``outputs/index.html`` (English) and ``index-fr.html``… list, year by year (newest
first), each document's files by language and format, with their sizes. Every
build rewrites them once its year is published, from what the outputs folder
holds rather than from the build's data: a year built last week, or in fewer
languages, is listed as it is. Which file is which document is editions.py's:
a new document is listed without a change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from babel.units import format_unit

from ..config import LANGUAGES, BulletinConfig
from ..lang.localiser import Localiser
from ..render.pages import language_env
from . import write
from .editions import EditionFile, edition_files, format_name, grouped, language_name, title
from .incremental import EDITIONS_MARK, editions_key
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
    mark: str
    """The comment that says which listing the page shows (incremental.archive_current)."""


def archive_context(files: list[EditionFile], assets: str, key: str, loc: Localiser
                    ) -> ArchiveContext:
    """The files grouped by year, document and language, worded for the reader."""
    editions = tuple(
        Group(str(year_files[0].year), tuple(
            Group(title(document, loc), tuple(
                Group(language_name(rows[0].lang, loc), tuple(
                    Link(f.href, format_name(f, loc), file_size(f.size, loc), f.lang)
                    for f in rows))
                for rows in grouped(document, lambda f: f.lang)))
            for document in grouped(year_files, lambda f: f.kind)))
        for year_files in grouped(files, lambda f: f.year))
    switcher = tuple((lang, archive_name(lang)) for lang in LANGUAGES)
    return ArchiveContext(loc.lang, loc.direction, switcher, assets, editions,
                          f"{EDITIONS_MARK} {key}")


def render_archive(files: list[EditionFile], assets: str, key: str, config: BulletinConfig,
                   lang: str) -> str:
    """The archive page in one language."""
    loc, env = language_env(config, lang)
    return env.get_template(TEMPLATE).render(doc=archive_context(files, assets, key, loc))


def write_archive(config: BulletinConfig) -> list[Path]:
    """Write the archive page in every language into the outputs folder. A page whose
    text has not changed is left as it is, modification time included, as a build
    leaves the documents it did not need to make again."""
    outputs = config.outputs_dir
    files, key = edition_files(outputs), editions_key(outputs)
    assets = assets_of(outputs, files)
    pages = []
    for lang in LANGUAGES:
        path = outputs / archive_name(lang)
        html = render_archive(files, assets, key, config, lang)
        if not path.is_file() or path.read_text(encoding="utf-8") != html:
            write.atomically(path, write.write_text, text=html)
        pages.append(path)
    return pages
