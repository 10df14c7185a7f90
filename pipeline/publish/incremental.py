"""Incremental builds: every output remembers what it was made from, as content hashes.

Two levels, both read from ``outputs/<year>/.manifest.json``, published with
the documents it describes (so it is as atomic as they are):

- the build's *sources* hash, before anything is read, every input file,
  template, stylesheet, font, catalogue, source file, installed library and
  option but the choice of what to make (LANGS, DOCS, FORMATS) and the report's
  language. If it matches a manifest whose files are intact and current, and that
  lists every file the build would make, and the day has not moved a default
  edition date that the build's date cut short (``same_edition_date``), nothing
  can have changed: the build is up to date, and only the standard library was
  needed to know it (no pandas, no WeasyPrint).
- otherwise the build runs, and each output gets a *key*: the hash of what it is
  made from (a PDF: its HTML, the stylesheets and fonts, the code). An output
  whose key is the previous build's is carried over from the previous folder
  by a hard link, keeping its bytes and its modification time.

Each file's entry records the sources it was made from, what it is (its
document, language, format and title, as the plan knows them: the archive page
and the bundle's README.txt read them there), and for a document's page and
PDF, the languages its switcher links to. A partial build (LANGS, DOCS
or FORMATS) carries every file it does not make over, with its entry; one made
from other sources, or whose switcher no longer lists the languages the folder
holds, is kept but marked ``"stale": true``: a full build makes it again.

Only the standard library is imported here: the CLI runs ``up_to_date`` first.
"""

from __future__ import annotations

import ctypes.util
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import BulletinConfig
from ..errors import Problem, Report
from ..read.formats import is_input, translation_files
from . import plan

if TYPE_CHECKING:  # model imports pandas, which "up to date" must not load
    from ..model import EditionDate
    from ..render.xlsx import SheetFile

MANIFEST = ".manifest.json"
SELECTION = ("langs", "docs", "formats")
"""The options that choose what a build makes, not what it is made from."""
YEAR_FOLDER = re.compile(r"[0-9]{4}")
ASSETS = "assets/"
"""The stylesheets and fonts of a year's folder, under assets/ (write.ASSETS)."""
"""The folder of a year's build in the outputs folder: 2025."""
EDITIONS_MARK = "iscm-editions"
"""Starts the comment in the archive page's head that holds editions_key()."""
PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The whole package (this module is in publish/): its every source file, catalogue and data
file is what the code key hashes."""


def digest(*parts: bytes | str) -> str:
    """SHA-256 of the parts, each length-prefixed so that ('ab', 'c') != ('a', 'bc')."""
    sha = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


def file_digest(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def editions_key(outputs: Path) -> str:
    """A hash of what the archive page lists: the names and sizes of the files of the year
    folders. Names and sizes only, so that the quick path can afford it."""
    folders = sorted(p for p in outputs.iterdir() if p.is_dir() and YEAR_FOLDER.fullmatch(
        p.name)) if outputs.is_dir() else []
    return digest(*(f"{folder.name}/{p.name}\0{p.stat().st_size}" for folder in folders
                    for p in sorted(folder.iterdir())
                    if p.is_file() and not p.name.startswith(".")))


def archive_current(outputs: Path, pages: list[Path]) -> bool:
    """Whether the archive pages list what the outputs folder holds: when a build is up to
    date, a year deleted by hand or a page missing still has the pages written again."""
    mark = f"<!-- {EDITIONS_MARK} {editions_key(outputs)} -->"
    return all(page.is_file() and mark in page.read_text(encoding="utf-8") for page in pages)


def listed_files(root: Path) -> list[Path]:
    """Regular files under root in a stable order, Python's caches left out."""
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def tree_digest(root: Path, files: list[Path] | None = None) -> str:
    """One hash for the names and contents of the files under root (or of those listed)."""
    if files is None:
        files = listed_files(root) if root.is_dir() else []
    return digest(*(f"{p.relative_to(root).as_posix()}\0{file_digest(p)}" for p in files))


def installed_libraries() -> str:
    """The installed distributions and their versions, from the names of their
    *.dist-info folders: cheaper than importlib.metadata and just as exact; and whether
    WeasyPrint finds HarfBuzz's subsetter (libharfbuzz-subset), which makes other font
    bytes than its fontTools fallback."""
    names = []
    for entry in sys.path:
        if os.path.isdir(entry):
            names += (n for n in os.listdir(entry) if n.endswith(".dist-info"))
    subsetter = ctypes.util.find_library("harfbuzz-subset") or "no libharfbuzz-subset"
    return "\n".join([sys.version, *sorted(names), subsetter])


class Keys:
    """The hashes one build compares with the manifest, each computed once per build."""

    def __init__(self, config: BulletinConfig):
        self.config = config

    @cached_property
    def code(self) -> str:
        """The pipeline's source and catalogues, Python and every installed library."""
        return digest(tree_digest(PACKAGE_DIR), installed_libraries())

    @cached_property
    def assets(self) -> str:
        """The stylesheets and fonts the documents link to."""
        return tree_digest(self.config.templates_dir / "assets")

    @cached_property
    def sources(self) -> str:
        """Everything the documents are made from, before it is read: options, inputs,
        templates, code. Not which documents, languages and formats a build makes (a file
        made by a build of other ones is as current as if this one had made it), nor the
        report's language (the documents do not depend on it)."""
        config = self.config
        options = dataclasses.asdict(config)
        # Where the files are is not what the documents are made of: the inputs and the
        # templates are hashed below, and the outputs are where the manifest is.
        for name in ("inputs_dir", "outputs_dir", "templates_dir", *SELECTION, "report_lang"):
            del options[name]
        # Nor is the day, unless it moves the default edition date: up_to_date asks.
        del options["build_date"]
        options = json.dumps(options, default=str, sort_keys=True)
        inputs = sorted(p for p in config.inputs_dir.iterdir() if is_input(p))
        inputs += translation_files(config.inputs_dir)
        return digest(options, tree_digest(config.inputs_dir, inputs),
                      tree_digest(config.templates_dir), self.code)

    @staticmethod
    def text(content: str | bytes) -> str:
        """A file that is its text (a web page, the summary, the .ics): the text alone."""
        return digest(content)

    def pdf(self, html: str) -> str:
        """A PDF depends on its HTML, the files it links to, the base URL they resolve
        against, and the renderer's code and version."""
        return digest(html, self.assets, self.config.templates_dir.as_uri(), self.code)

    def data(self, *content: object) -> str:
        """A file our own code writes from plain values."""
        return digest(json.dumps(content, default=str, ensure_ascii=False), self.code)

    def sheet(self, content: SheetFile) -> str:
        """A spreadsheet: its rows, date and direction, and the code that writes them."""
        return self.data(content.sheet, content.edition, content.right_to_left)

    @staticmethod
    def file(source: Path) -> str:
        """A copy of a file (an asset): its bytes."""
        return file_digest(source)


def read_manifest(folder: Path) -> dict | None:
    """The manifest of a folder; None if there is none or it is not one (edited by hand)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    valid = isinstance(manifest, dict) and isinstance(manifest.get("outputs"), dict) and all(
        isinstance(entry, dict) and {"key", "sha256"} <= entry.keys()
        for entry in manifest["outputs"].values())
    return manifest if valid else None


def intact(folder: Path, name: str, entry: dict) -> bool:
    """True if the file is still the one the manifest describes (not edited, not deleted)."""
    path = folder / name
    return path.is_file() and file_digest(path) == entry["sha256"]


@dataclasses.dataclass(frozen=True)
class Published:
    """A year's folder found up to date, as its manifest describes it."""

    folder: Path
    report: Report
    """The validation report of the build that made it."""
    stale: tuple[str, ...] = ()
    """Files a partial build kept that are out of date (a full build makes them again)."""


def up_to_date(config: BulletinConfig) -> Published | None:
    """The published folder if nothing changed since it was built: made from the same
    sources, with the same report language, every file intact, and each file this build
    would make in it and current (a full build: no file out of date nor beyond what it
    makes). None if the build has to run."""
    if not config.outputs_dir.is_dir():
        return None
    sources = Keys(config).sources
    for path in sorted(config.outputs_dir.glob(f"*/{MANIFEST}")):
        if not YEAR_FOLDER.fullmatch(path.parent.name):  # a staging folder left by a killed build
            continue
        manifest = read_manifest(path.parent)
        if not manifest or manifest.get("sources") != sources or \
                manifest.get("report_lang") != config.report_lang or \
                not same_edition_date(manifest, config.build_date):
            continue
        entries = manifest["outputs"]
        wanted = plan.file_names(manifest["year"], config.langs, plan.selected(config),
                                 config.formats)
        stale = tuple(name for name, entry in entries.items() if entry.get("stale"))
        complete = all(name in entries and name not in stale for name in wanted)
        if not plan.is_partial(config):  # the folder is exactly what a full build makes
            complete &= not stale and all(n in wanted or n.startswith(ASSETS) for n in entries)
        if complete and all(intact(path.parent, name, entry) for name, entry in entries.items()):
            report = manifest["report"]
            return Published(path.parent, Report(tuple(Problem(**p) for p in report["problems"]),
                                                 tuple(tuple(c) for c in report["counts"])),
                             stale)
    return None


DEFAULT_FROM = "edition_date_default_from"
"""The manifest's key for the latest meeting date a default edition date was taken from."""
PUBLISHER = "publisher"
"""The manifest's record of the publisher's name in each language (the publication
settings), which `iscm dist` names in README.txt without reading the inputs again."""


def same_edition_date(manifest: dict, build_date: dt.date) -> bool:
    """Whether the edition date would be the same today: a date given, or the default
    taken from the latest meeting date, hold whatever the day; a default the build's date
    cut short (a year still under way) holds only until a new day moves it."""
    latest = manifest.get(DEFAULT_FROM)
    return latest is None or manifest.get("edition_date") == min(
        dt.date.fromisoformat(latest), build_date).isoformat()


class Outputs:
    """The files of one build, each either made anew in the staging folder or carried
    over from the previous build's folder: when its key has not changed, or, in a partial
    build, when the build does not make it."""

    def __init__(self, folder: Path, previous: Path, sources: str):
        self.folder, self.previous, self.sources = folder, previous, sources
        self.old: dict[str, dict] = (read_manifest(previous) or {}).get("outputs", {})
        self.entries: dict[str, dict] = {}
        self.made, self.reused, self.kept = [], [], []  # names, in the order handled
        self.pending: dict[str, tuple[str, dict]] = {}

    def entry(self, key: str, sha256: str, about: dict) -> dict:
        """A file's manifest entry: its key and hash, the sources it is made from, and what
        the plan says of it (plan.Target.described: its document, language, format and
        title; for a document's page or PDF, the languages its switcher links to)."""
        return {"key": key, "sha256": sha256, "sources": self.sources, **about}

    def reuse(self, name: str, key: str, about: dict) -> bool:
        """Carry the previous file over if it was made from the same key and is intact."""
        old = self.old.get(name)
        if old is None or old["key"] != key or not intact(self.previous, name, old):
            return False
        carry_over(self.previous / name, self.folder / name)
        self.entries[name] = self.entry(key, old["sha256"], about)
        self.reused.append(name)
        return True

    def record(self, name: str, key: str, about: dict) -> None:
        """Note a file just written to the staging folder."""
        self.entries[name] = self.entry(key, file_digest(self.folder / name), about)
        self.made.append(name)

    def make(self, name: str, key: str, write: Callable[..., object], *args,
             about: dict | None = None, **kwargs) -> bool:
        """Reuse the file, or write it with write(path, *args, **kwargs). True if written."""
        if self.reuse(name, key, about or {}):
            return False
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path, *args, **kwargs)
        self.record(name, key, about or {})
        return True

    def needs(self, name: str, key: str, about: dict | None = None) -> bool:
        """Reuse the file, or return True: the caller makes it (in the background), and
        it is recorded when the manifest is saved."""
        if self.reuse(name, key, about or {}):
            return False
        self.pending[name] = key, about or {}
        return True

    def keep(self, languages: dict[str, tuple[str, ...]], year: int) -> None:
        """For a partial build: carry over every file of the previous build that this one
        did not make, with its entry. A file made from other sources, edited since, or
        whose switcher does not link to the languages its document now has (languages, by
        kind) is kept and marked stale."""
        known = plan.file_names(year)
        for name, old in sorted(self.old.items()):
            if name in self.entries or name in self.pending or \
                    not (self.previous / name).is_file():
                continue
            carry_over(self.previous / name, self.folder / name)
            kind = known.get(name, (None,))[0]
            linked = "languages" not in old or old["languages"] == list(languages.get(kind, ()))
            current = old.get("sources") == self.sources and linked and \
                intact(self.previous, name, old)
            entry = {k: v for k, v in old.items() if k != "stale"}
            self.entries[name] = entry if current else {**entry, "stale": True}
            self.kept.append(name)

    @property
    def stale(self) -> list[str]:
        return [name for name in self.kept if self.entries[name].get("stale")]

    def save(self, report: Report, year: int, edition: EditionDate, report_lang: str,
             publishers: dict[str, str] | None = None) -> None:
        """Record the files made in the background, then write the manifest; deterministic,
        like every other output. The edition date is kept for `iscm dist`, which dates the
        bundle's entries with it without reading the inputs again, and, when it is the
        default, the latest meeting date it comes from, for same_edition_date()."""
        for name, (key, about) in self.pending.items():
            self.record(name, key, about)
        self.pending.clear()
        manifest = {
            "sources": self.sources,
            "report_lang": report_lang,
            "outputs": dict(sorted(self.entries.items())),
            "report": {"problems": [p.record() for p in report.problems],
                       "counts": [list(c) for c in report.counts]},
            "year": year,
            "edition_date": edition.date.isoformat(),
        }
        if edition.given_by == "default":
            manifest[DEFAULT_FROM] = edition.latest.isoformat()
        if publishers:
            manifest[PUBLISHER] = dict(sorted(publishers.items()))
        text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        previous = self.previous / MANIFEST
        if previous.is_file() and previous.read_text(encoding="utf-8") == text:
            carry_over(previous, self.folder / MANIFEST)
        else:
            (self.folder / MANIFEST).write_text(text, encoding="utf-8", newline="\n")


def carry_over(source: Path, target: Path) -> None:
    """Put the previous build's file in the new folder as it is: bytes and mtime."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)  # the same inode
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)
