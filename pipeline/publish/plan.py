"""The build's plan: every output of a build, as data. The only place that names files.

A build gathers everything first, then plans, then writes (as Pelican runs every
generator before any writer, and MkDocs gathers all pages before writing one).
The plan is a loop over the documents, the languages and the outputs each document
declares (outputs.py): each ``Target`` says what a file is called, its format, what
it is made from (its content, and its key: a hash, compared with the previous
build's to decide whether to make it again), and what it is (document, language,
title), which the manifest records for the archive page and the bundle's README.txt.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..config import LANGUAGES, BulletinConfig
from ..errors import Report
from .outputs import (
    ASSET,
    DATA_FILES,
    DEFAULT,
    DOCUMENTS,
    HTML,
    REPORT,
    Document,
    Materials,
    Output,
    OutputFormat,
)

if TYPE_CHECKING:  # model imports pandas, which the CLI's quick path must not load
    from ..model import BulletinData
    from .incremental import Keys


class PlanError(Exception):
    """Two outputs of the plan would write one file: a mistake in the declarations."""


def selected(config: BulletinConfig) -> tuple[Document, ...]:
    """The documents a build makes: those of config.docs, every one when it names none."""
    return tuple(d for d in DOCUMENTS if not config.docs or d.kind in config.docs)


def is_partial(config: BulletinConfig) -> bool:
    """Whether a build makes only some of the documents, languages or formats (DOCS, LANGS,
    FORMATS): it keeps the files of the year it does not make, where a full build makes the
    year's folder anew."""
    return (config.langs != LANGUAGES or selected(config) != DOCUMENTS
            or set(config.formats or DEFAULT) != set(DEFAULT))


def is_made(output: Output, formats: tuple[str, ...]) -> bool:
    """Whether a build of these formats (none named: those made by default) makes the
    output."""
    return not output.optional or output.format.name in (formats or DEFAULT)


def renders_in_pool(config: BulletinConfig) -> bool:
    """Whether the build makes any file the PDF pool renders: if not, no pool is started."""
    return any(output.format.pooled and is_made(output, config.formats)
               for document in selected(config) for output in document.outputs)


def file_name(document: Document, year: int, lang: str | None, form: OutputFormat) -> str:
    """File names come from fixed parts only, never from the data: iscm-table-2025-fr.xlsx,
    summary-2025.json (a file in no language)."""
    return f"{document.stem}-{year}{f'-{lang}' if lang else ''}.{form.file_suffix}"


def archive_name(lang: str) -> str:
    """The page of every edition, in the outputs folder: index.html in English (the page a
    browser opens first), index-fr.html… in the other languages."""
    return "index.html" if lang == LANGUAGES[0] else f"index-{lang}.html"


class Planned(NamedTuple):
    """One file of the plan, known without reading the inputs."""

    name: str
    document: Document
    output: Output
    lang: str | None
    """The language in its name; None for a file named in none."""


def planned(year: int, langs: tuple[str, ...], documents: tuple[Document, ...],
            formats: tuple[str, ...]) -> list[Planned]:
    """The files of these documents, the year's data files after them, in the order they
    are made: for each document, its outputs in each language, then those in none. Raises
    PlanError if two would write one file."""
    files = [Planned(output.name or file_name(document, year, lang, output.format), document,
                     output, lang)
             for document in (*documents, *DATA_FILES) for lang in (*langs, None)
             for output in document.outputs
             if output.each_language == (lang is not None) and is_made(output, formats)]
    twice = [name for name, n in Counter(file.name for file in files).items() if n > 1]
    if twice:
        raise PlanError(f"two outputs of the plan would write {', '.join(twice)}")
    return files


class Named(NamedTuple):
    """What file_names() says of a file."""

    kind: str
    """Its document's kind."""
    lang: str | None
    """The language in its name; None for none (the summary, the validation report)."""
    format: OutputFormat


def file_names(year: int, langs: tuple[str, ...] = LANGUAGES,
               documents: tuple[Document, ...] = DOCUMENTS, formats: tuple[str, ...] = ()
               ) -> dict[str, Named]:
    """Every file a build of these languages, documents and formats (none named: every one)
    writes but the assets (a copy of the templates' assets/ folder): name -> (kind,
    language in the name, format), in the order plan() makes them. Known without reading
    the inputs: `iscm dist` tells a complete edition from it, and the quick "up to date"
    path what a build would make."""
    return {file.name: Named(file.document.kind, file.lang, file.output.format)
            for file in planned(year, langs, documents, formats)}


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
        or file_name(document, year, lang, HTML) in previous) for document in DOCUMENTS}


def switcher(document: Document, year: int, langs: tuple[str, ...]
             ) -> tuple[tuple[str, str], ...]:
    """(language, file name of the same document in it), for the language switcher."""
    return tuple((lang, file_name(document, year, lang, HTML))
                 for lang in LANGUAGES if lang in langs)


@dataclass(frozen=True)
class Target:
    """One file of the build."""

    name: str
    """Its path in the year's folder: iscm-table-2025-fr.xlsx, assets/css/common.css."""
    format: OutputFormat
    key: str
    """The hash of what it is made from: an unchanged key carries the file over."""
    content: Any
    """What its format writes (the pool renders a PDF from its page)."""
    document: str = ""
    """The kind of its document (bulletin, summary); '' for an asset."""
    lang: str | None = None
    """The language it is in; None for a file in none."""
    title: str = ""
    """Its document's title in its language (in English for a file in none)."""
    languages: tuple[str, ...] = ()
    """For a document's web page and PDF: the languages its switcher links to. A page kept
    by a partial build whose switcher no longer lists the folder's languages is out of date."""

    def described(self) -> dict[str, Any]:
        """What the manifest records of it beside its key: what it is (the archive page and
        README.txt read it), and the languages its switcher links to."""
        about = {"document": self.document, "lang": self.lang, "format": self.format.name,
                 "title": self.title} if self.document else {}
        return {**about, **({"languages": list(self.languages)} if self.languages else {})}


def plan(data: BulletinData, report: Report, config: BulletinConfig, keys: Keys,
         languages: dict[str, tuple[str, ...]] | None = None) -> list[Target]:
    """Every output of the build, in the order they are made (the longest PDFs first), the
    assets last. languages: the languages of each document in the folder once built
    (folder_languages; default: those built)."""
    # Imported here: the CLI names files with this module on its quick "up to date" path,
    # which must not load Babel or pandas.
    from ..lang.localiser import Localiser
    from . import write

    year = data.year
    linked = languages or {d.kind: config.langs for d in selected(config)}
    made: dict[tuple[str, str | None], Materials] = {}
    targets: list[Target] = []
    for file in planned(year, config.langs, selected(config), config.formats):
        document, output = file.document, file.output
        lang = file.lang or (config.report_lang if document.in_report_language else None)
        materials = made.setdefault((document.kind, lang), Materials(
            data, report, config, document, lang,
            switcher(document, year, linked.get(document.kind, ()))))
        content = output.content(materials)
        title = document.titled(Localiser(lang or LANGUAGES[0]).gettext, year)
        targets.append(Target(file.name, output.format, output.format.key(keys, content),
                              content, document.kind, lang, title,
                              linked.get(document.kind, ()) if output.linked else ()))
    targets += [Target(name, ASSET, ASSET.key(keys, source), source)
                for name, source in write.asset_files(config)]
    return targets


def report_page(folder: Path) -> Path:
    """The validation report's web page in a year's folder (where the warnings are listed)."""
    return folder / file_name(REPORT, int(folder.name), None, HTML)
