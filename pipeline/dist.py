"""The distribution bundle (`iscm dist`, `make dist`): a year's documents in one ZIP file.

``outputs/dist/iscm-<year>.zip`` holds a folder ``iscm-<year>/`` with every file the
build made for the year (the files its manifest lists: never a hidden one), a
``README.txt`` in English and French saying what each file is, and ``SHA256SUMS``
(``cd iscm-<year> && sha256sum -c SHA256SUMS``). The same ``SHA256SUMS`` is written
beside the ZIP file as ``iscm-<year>.SHA256SUMS``, to be sent or published on its own.

The bundle packs what was built: it reads ``outputs/<year>/`` and never the inputs,
and refuses a folder edited since its build. It is reproducible: the entries
sorted, dated with the edition date the build used (kept in its manifest), with
fixed permissions and compression, so that the same documents give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import stat
import textwrap
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import incremental, write
from .config import BulletinConfig
from .editions import describe, grouped, year_files
from .errors import BulletinError
from .localiser import Localiser

FOLDER = "dist"
README, SUMS = "README.txt", "SHA256SUMS"
MODE = stat.S_IFREG | 0o644
"""A regular file, rw-r--r--: every entry, whoever built it, whatever their umask."""
README_LANGUAGES = ("en", "fr")
WIDTH = 78
"""Of the README's paragraphs, for a terminal or a plain text editor."""
ASSET_KINDS = {".css": ("stylesheet of the web pages", "feuille de style des pages web"),
               ".js": ("script of the web pages", "script des pages web"),
               ".ttf": ("font of the web pages", "police des pages web"),
               ".txt": ("licence of the fonts", "licence des polices")}
"""What the files under assets/ are, in English and French."""
TEXTS = {
    "en": {
        "edition": "Edition of {date}.",
        "intro": "The {year} edition of ISCM Highlights, the annual bulletin of the "
                 "inter-State consultation mechanisms on migration, and of the documents "
                 "that go with it (International Organization for Migration). Keep the "
                 "assets folder beside the web pages (.html): they use its stylesheets and fonts.",
        "files": "Files:",
        "readme": "this file",
        "sums": "the SHA-256 checksum of every other file",
        "asset": "used by the web pages",
        "other": "a file of this edition",
        "check": "To check that every file arrived intact, in this folder:\n"
                 "  Linux:   sha256sum -c SHA256SUMS\n"
                 "  macOS:   shasum -a 256 -c SHA256SUMS\n"
                 "  Windows: certutil -hashfile <file> SHA256 (in a command prompt), then "
                 "compare with the file's line in SHA256SUMS.\n"
                 "Every file should be reported OK.",
    },
    "fr": {
        "edition": "Édition du {date}.",
        "intro": "L’édition {year} des Faits saillants des MCIM, le bulletin annuel des "
                 "mécanismes consultatifs interétatiques sur la migration, et des documents "
                 "qui l’accompagnent (Organisation internationale pour les migrations). "
                 "Gardez le dossier assets à côté des pages web (.html)\u00a0: elles en "
                 "utilisent les feuilles de style et les polices.",
        "files": "Fichiers\u00a0:",
        "readme": "ce fichier",
        "sums": "la somme de contrôle SHA-256 de chacun des autres fichiers",
        "asset": "utilisé par les pages web",
        "other": "un fichier de cette édition",
        "check": "Pour vérifier que chaque fichier est arrivé intact, dans ce dossier\u00a0:\n"
                 "  Linux\u00a0:   sha256sum -c SHA256SUMS\n"
                 "  macOS\u00a0:   shasum -a 256 -c SHA256SUMS\n"
                 "  Windows\u00a0: certutil -hashfile <fichier> SHA256 (dans une invite de "
                 "commandes), puis comparez avec la ligne du fichier dans SHA256SUMS.\n"
                 "Chaque fichier doit être signalé OK.",
    },
}


class NotBuilt(BulletinError):
    """The year asked for has no complete build to bundle (exit code 1)."""


@dataclass(frozen=True)
class Bundle:
    """What `iscm dist` wrote."""

    year: int
    zip: Path
    """outputs/dist/iscm-<year>.zip"""
    sums: Path
    """outputs/dist/iscm-<year>.SHA256SUMS: the SHA256SUMS inside the ZIP file."""
    names: tuple[str, ...]
    """The entries of the ZIP file, in their order (iscm-<year>/README.txt…)."""


def bundle_name(year: int) -> str:
    return f"iscm-{year}"


def built_years(outputs: Path) -> list[int]:
    """The years built under outputs/, oldest first: folders named by a year, with a manifest."""
    return sorted(int(p.parent.name) for p in outputs.glob(f"*/{incremental.MANIFEST}")
                  if incremental.YEAR_FOLDER.fullmatch(p.parent.name))


def year_to_bundle(config: BulletinConfig) -> int:
    """The year asked for, else the latest year built (the one `make bulletin` made last,
    unless an older year was asked for since)."""
    if config.year is not None:
        return config.year
    years = built_years(config.outputs_dir)
    if not years:
        raise NotBuilt(f"No edition has been built in {config.outputs_dir} yet: run "
                       "'make bulletin' first.")
    return years[-1]


def built_files(folder: Path, year: int) -> tuple[dt.date, list[str]]:
    """The edition date and the files of the year's build, checked against its manifest."""
    again = f"run 'make bulletin YEAR={year}' first."
    manifest = incremental.read_manifest(folder)
    if manifest is None:
        raise NotBuilt(f"{year} has not been built: {folder} holds no build; {again}")
    if "edition_date" not in manifest:
        raise NotBuilt(f"{folder} was built by an earlier version of the pipeline; {again}")
    names = sorted(n for n in manifest["outputs"] if not any(
        part.startswith(".") for part in n.split("/")))
    changed = [n for n in names if not incremental.intact(folder, n, manifest["outputs"][n])]
    if changed:
        raise NotBuilt(f"{folder} has changed since it was built ({', '.join(changed[:3])}"
                       f"{'…' if len(changed) > 3 else ''} edited or deleted); {again}")
    return dt.date.fromisoformat(manifest["edition_date"]), names


def readme(folder: Path, edition: dt.date, names: list[str]) -> str:
    """README.txt: each file with a line on what it is, the edition date and how to check
    the checksums, in English then in French."""
    year = int(folder.name)
    files = year_files(folder, names)
    documents = {f.name: (f, document) for document in grouped(files, lambda f: f.kind)
                 for f in document}
    width = max(len(n) for n in [*names, README, SUMS]) + 2
    sections = []
    for index, lang in enumerate(README_LANGUAGES):
        loc, text = Localiser(lang), TEXTS[lang]
        lines = [f"{loc.gettext('ISCM Highlights %(year)s') % {'year': year}}",
                 text["edition"].format(date=loc.date(edition)), "",
                 textwrap.fill(text["intro"].format(year=year), WIDTH), "",
                 text["files"], f"  {README:<{width}}{text['readme']}",
                 f"  {SUMS:<{width}}{text['sums']}"]
        for name in names:
            if name in documents:
                line = describe(*documents[name], loc)
            elif name.startswith(f"{write.ASSETS}/"):
                line = ASSET_KINDS.get(Path(name).suffix, (text["asset"],) * 2)[index]
            else:  # a file of a later version, named otherwise
                line = text["other"]
            lines.append(f"  {name:<{width}}{line}")
        sections.append("\n".join([*lines, "", text["check"], ""]))
    return "\n".join(sections)


def checksums(files: dict[str, Path | bytes]) -> str:
    """SHA256SUMS in sha256sum's format: the hash, two spaces, the path; sorted by path."""
    def sha256(content: Path | bytes) -> str:
        if isinstance(content, bytes):
            return hashlib.sha256(content).hexdigest()
        return incremental.file_digest(content)

    return "".join(f"{sha256(files[name])}  {name}\n" for name in sorted(files))


def write_zip(path: Path, root: str, files: dict[str, Path | bytes], stamp: dt.date) -> Path:
    """A ZIP file of the files (name inside root -> source file or bytes), entries sorted,
    each with the same date, permissions and compression: the bytes depend on the contents
    only."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{root}/{name}", date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every system, so that the permissions are read
            info.external_attr = MODE << 16
            content = files[name]
            if isinstance(content, bytes):
                archive.writestr(info, content)
                continue
            with content.open("rb") as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target)
    return path


def make_bundle(config: BulletinConfig) -> Bundle:
    """Write outputs/dist/iscm-<year>.zip and iscm-<year>.SHA256SUMS beside it, each
    atomically; the year's folder is only read. Raises NotBuilt when the year has no
    intact build."""
    year = year_to_bundle(config)
    folder = config.outputs_dir / str(year)
    if not folder.is_dir():
        raise NotBuilt(f"{year} has not been built: there is no {folder}. Run "
                       f"'make bulletin YEAR={year}' first.")
    edition, names = built_files(folder, year)
    files: dict[str, Path | bytes] = {name: folder / name for name in names}
    files[README] = readme(folder, edition, names).encode()
    sums = checksums(files)
    files[SUMS] = sums.encode()
    dist = config.outputs_dir / FOLDER
    dist.mkdir(parents=True, exist_ok=True)
    root = bundle_name(year)
    path = write.atomically(dist / f"{root}.zip", write_zip, root=root, files=files,
                            stamp=edition)
    beside = write.atomically(dist / f"{root}.{SUMS}", write.write_text, text=sums)
    return Bundle(year, path, beside, tuple(f"{root}/{name}" for name in sorted(files)))
