"""Incremental builds: every output remembers what it was made from, as content hashes.

Two levels, both read from ``outputs/<year>/.manifest.json``, published with
the documents it describes (so it is as atomic as they are):

- the build's *fingerprint* hashes, before anything is read, every input file,
  template, stylesheet, font, catalogue, source file, installed library and
  option. If it matches a manifest whose files are intact, and the day has not
  moved a default edition date that the build's date cut short
  (``same_edition_date``), nothing can have changed: the build is up to date,
  and only the standard library was needed to know it (no pandas, no
  WeasyPrint).
- otherwise the build runs, and each output gets a *key*: the hash of what it is
  made from (a PDF: its HTML, the stylesheets and fonts, the code). An output
  whose key is the previous build's is carried over from the previous folder
  by a hard link, keeping its bytes and its modification time.

Only the standard library is imported here: the CLI runs ``up_to_date`` first.
"""

from __future__ import annotations

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

from .config import BulletinConfig
from .errors import Problem, Report
from .formats import is_input, translation_files

if TYPE_CHECKING:  # model imports pandas, which "up to date" must not load
    from .model import EditionDate

MANIFEST = ".manifest.json"
YEAR_FOLDER = re.compile(r"[0-9]{4}")
"""The folder of a year's build in the outputs folder: 2025."""
EDITIONS_MARK = "iscm-editions"
"""Starts the comment in the archive page's head that holds editions_key()."""
PACKAGE_DIR = Path(__file__).resolve().parent


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
    *.dist-info folders: cheaper than importlib.metadata and just as exact."""
    names = []
    for entry in sys.path:
        if os.path.isdir(entry):
            names += (n for n in os.listdir(entry) if n.endswith(".dist-info"))
    return "\n".join([sys.version, *sorted(names)])


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
    def fingerprint(self) -> str:
        """Everything a build reads, before it reads it: options, inputs, templates, code."""
        config = self.config
        options = dataclasses.asdict(config)
        # Where the files are is not what the documents are made of: the inputs and the
        # templates are hashed below, and the outputs are where the manifest is.
        for folder in ("inputs_dir", "outputs_dir", "templates_dir"):
            del options[folder]
        # Nor is the day, unless it moves the default edition date: up_to_date asks.
        del options["build_date"]
        options = json.dumps(options, default=str, sort_keys=True)
        inputs = sorted(p for p in config.inputs_dir.iterdir() if is_input(p))
        inputs += translation_files(config.inputs_dir)
        return digest(options, tree_digest(config.inputs_dir, inputs),
                      tree_digest(config.templates_dir), self.code)

    def pdf(self, html: str) -> str:
        """A PDF depends on its HTML, the files it links to, the base URL they resolve
        against, and the renderer's code and version."""
        return digest(html, self.assets, self.config.templates_dir.as_uri(), self.code)

    def data(self, *content: object) -> str:
        """A file our own code writes from plain values (the XLSX table)."""
        return digest(json.dumps(content, default=str, ensure_ascii=False), self.code)


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


def up_to_date(config: BulletinConfig) -> tuple[Path, Report] | None:
    """The published folder and its validation report if nothing changed since it was
    built; None if the build has to run."""
    if not config.outputs_dir.is_dir():
        return None
    current = Keys(config).fingerprint
    for path in sorted(config.outputs_dir.glob(f"*/{MANIFEST}")):
        if not path.parent.name.isdigit():  # a staging folder left by a killed build
            continue
        manifest = read_manifest(path.parent)
        if manifest and manifest.get("fingerprint") == current and same_edition_date(
                manifest, config.build_date) and all(
                intact(path.parent, name, entry)
                for name, entry in manifest["outputs"].items()):
            report = manifest["report"]
            return path.parent, Report(tuple(Problem(**p) for p in report["problems"]),
                                       tuple(tuple(c) for c in report["counts"]))
    return None


DEFAULT_FROM = "edition_date_default_from"
"""The manifest's key for the latest meeting date a default edition date was taken from."""


def same_edition_date(manifest: dict, build_date: dt.date) -> bool:
    """Whether the edition date would be the same today: a date given, or the default
    taken from the latest meeting date, hold whatever the day; a default the build's date
    cut short (a year still under way) holds only until a new day moves it."""
    latest = manifest.get(DEFAULT_FROM)
    return latest is None or manifest.get("edition_date") == min(
        dt.date.fromisoformat(latest), build_date).isoformat()


class Outputs:
    """The files of one build, each either made anew in the staging folder or carried
    over from the previous build's folder when its key has not changed."""

    def __init__(self, folder: Path, previous: Path):
        self.folder, self.previous = folder, previous
        self.old: dict[str, dict] = (read_manifest(previous) or {}).get("outputs", {})
        self.entries: dict[str, dict] = {}
        self.made: list[str] = []
        self.reused: list[str] = []
        self.pending: dict[str, str] = {}

    def reuse(self, name: str, key: str) -> bool:
        """Carry the previous file over if it was made from the same key and is intact."""
        old = self.old.get(name)
        if old is None or old["key"] != key or not intact(self.previous, name, old):
            return False
        carry_over(self.previous / name, self.folder / name)
        self.entries[name] = old
        self.reused.append(name)
        return True

    def record(self, name: str, key: str) -> None:
        """Note a file just written to the staging folder."""
        self.entries[name] = {"key": key, "sha256": file_digest(self.folder / name)}
        self.made.append(name)

    def make(self, name: str, key: str, write: Callable[..., object], *args, **kwargs) -> bool:
        """Reuse the file, or write it with write(path, *args, **kwargs). True if written."""
        if self.reuse(name, key):
            return False
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path, *args, **kwargs)
        self.record(name, key)
        return True

    def needs(self, name: str, key: str) -> bool:
        """Reuse the file, or return True: the caller makes it (in the background), and
        it is recorded when the manifest is saved."""
        if self.reuse(name, key):
            return False
        self.pending[name] = key
        return True

    def save(self, fingerprint: str, report: Report, year: int, edition: EditionDate
             ) -> None:
        """Record the files made in the background, then write the manifest; deterministic,
        like every other output. The edition date is kept for `iscm dist`, which dates the
        bundle's entries with it without reading the inputs again, and, when it is the
        default, the latest meeting date it comes from, for same_edition_date()."""
        for name, key in self.pending.items():
            self.record(name, key)
        self.pending.clear()
        manifest = {
            "fingerprint": fingerprint,
            "outputs": dict(sorted(self.entries.items())),
            "report": {"problems": [p.record() for p in report.problems],
                       "counts": [list(c) for c in report.counts]},
            "year": year,
            "edition_date": edition.date.isoformat(),
        }
        if edition.given_by == "default":
            manifest[DEFAULT_FROM] = edition.latest.isoformat()
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
