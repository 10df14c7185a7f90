"""The distribution bundle (`iscm dist`, `make dist`): a year's documents in one ZIP file.

``outputs/dist/iscm-<year>.zip`` holds a folder ``iscm-<year>/`` with every file the
build made for the year (the files its manifest lists: never a hidden one) but the
validation report, which is for the editors (``--with-report`` adds it), a
``README.txt`` in English and French saying what each file is, and ``SHA256SUMS``
(``cd iscm-<year> && sha256sum -c SHA256SUMS``). The same ``SHA256SUMS`` is written
beside the ZIP file as ``iscm-<year>.SHA256SUMS``, to be sent or published on its own.

The bundle packs what was built: it reads ``outputs/<year>/`` and never the inputs.
It refuses a folder edited since its build, and an edition that is not complete
(a file of the full plan missing: plan.file_names) or holds files kept out of date
by a partial build, naming them. ``--partial`` bundles such an edition all the same,
as ``iscm-<year>-partial.zip``, a name a complete bundle never has, its README
saying what it lacks. It is reproducible: the entries sorted, dated with the
edition date the build used (kept in its manifest), with fixed permissions and
compression, so that the same documents give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import stat
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..config import BulletinConfig
from ..contract.labels import NC_
from ..errors import BulletinError
from ..lang.localiser import Localiser
from . import incremental, plan, write
from .editions import asset_description, describe, grouped, year_files
from .outputs import BULLETIN, REPORT

FOLDER = "dist"
README, SUMS = "README.txt", "SHA256SUMS"
MODE = stat.S_IFREG | 0o644
"""A regular file, rw-r--r--: every entry, whoever built it, whatever their umask."""
README_LANGUAGES = ("en", "fr")
"""The languages of README.txt, in order: English and French, the working languages of the
UN Secretariat. Its texts are messages of the documents' catalogues (context "bundle
README"), which every language of languages.py has."""
WIDTH = 78
"""Of the README's paragraphs, for a terminal or a plain text editor."""
PARTIAL = "partial"
"""Ends the name of a bundle of an incomplete edition: iscm-2025-partial.zip."""
TEXTS = {
    # Translators: README.txt of the distribution bundle (make dist), a plain text file.
    "edition": NC_("bundle README", "Edition of {date}."),
    "intro": NC_("bundle README",
                 "The {year} edition of ISCM Highlights, the annual bulletin of the inter-State "
                 "consultation mechanisms on migration, and of the documents that go with it. "
                 "Keep the assets folder beside the web pages (.html): they use its "
                 "stylesheets and fonts."),
    "publisher": NC_("bundle README", "Published by {publisher}."),
    "files": NC_("bundle README", "Files:"),
    "readme": NC_("bundle README", "this file"),
    "sums": NC_("bundle README", "the SHA-256 checksum of every other file"),
    "asset": NC_("bundle README", "in the folder the web pages use"),
    "other": NC_("bundle README", "a file of this edition"),
    "stale": NC_("bundle README", "out of date"),
    "partial": NC_("bundle README",
                   "This bundle is partial: it holds only part of the edition."),
    "missing": NC_("bundle README", "Missing: {names}."),
    "kept": NC_("bundle README", "Out of date (kept from a build of earlier inputs): {names}."),
    # Translators: keep the line breaks and the spaces that indent and align the commands.
    "check": NC_("bundle README",
                 "To check that every file arrived intact, in this folder:\n"
                 "  Linux:   sha256sum -c SHA256SUMS\n"
                 "  macOS:   shasum -a 256 -c SHA256SUMS\n"
                 "  Windows: certutil -hashfile <file> SHA256 (in a command prompt), then "
                 "compare with the file's line in SHA256SUMS.\n"
                 "Every file should be reported OK."),
}
"""What README.txt says, as messages: (context, English)."""
GROUPS = (("languages", NC_("bundle README", "the files in {languages}")),
          ("documents", NC_("bundle README", "the files of {documents}")),
          ("formats", NC_("bundle README", "the {formats} files")))
"""How described() names the files of whole languages, documents and formats: (the
placeholder, the message)."""


def said(loc: Localiser, key: str, **values) -> str:
    """A text of README.txt in the reader's language."""
    return loc.pgettext(*TEXTS[key], **values)


class NotBuilt(BulletinError):
    """The year asked for has no complete build to bundle (exit code 1)."""


@dataclass(frozen=True)
class Bundle:
    """What `iscm dist` wrote."""

    year: int
    zip: Path
    """outputs/dist/iscm-<year>.zip (iscm-<year>-partial.zip)"""
    sums: Path
    """outputs/dist/iscm-<year>.SHA256SUMS: the SHA256SUMS inside the ZIP file."""
    names: tuple[str, ...]
    """The entries of the ZIP file, in their order (iscm-<year>/README.txt…)."""
    missing: tuple[str, ...] = ()
    """For a partial bundle: the files of the edition it lacks."""
    stale: tuple[str, ...] = ()
    """For a partial bundle: the files it holds that are out of date."""


def bundle_name(year: int, partial: bool = False) -> str:
    return f"iscm-{year}-{PARTIAL}" if partial else f"iscm-{year}"


@dataclass(frozen=True)
class Built:
    """A year's build as its manifest describes it."""

    edition: dt.date
    names: tuple[str, ...]
    """The files to bundle, sorted."""
    missing: tuple[str, ...]
    """The files of the full plan that are not there, in the plan's order."""
    stale: tuple[str, ...]
    """Of names, those a partial build kept out of date."""
    expected: tuple[str, ...]
    """Every file of the full plan but the assets (with the validation report or not)."""
    publishers: dict[str, str] = field(default_factory=dict)
    """Language -> the publisher's name in it (the publication settings, kept by the
    manifest); empty when the settings name none."""


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


def built_files(folder: Path, year: int, with_report: bool = False) -> Built:
    """The edition date and the files of the year's build, checked against its manifest;
    the validation report's only if asked for."""
    again = f"run 'make bulletin YEAR={year}' first."
    manifest = incremental.read_manifest(folder)
    if manifest is None:
        raise NotBuilt(f"{year} has not been built: {folder} holds no build; {again}")
    if "edition_date" not in manifest:
        raise NotBuilt(f"{folder} was built by an earlier version of the pipeline; {again}")
    reports = set() if with_report else {
        name for name, file in plan.file_names(year).items() if file.kind == REPORT.kind}
    names = sorted(n for n in manifest["outputs"] if n not in reports and not any(
        part.startswith(".") for part in n.split("/")))
    changed = [n for n in names if not incremental.intact(folder, n, manifest["outputs"][n])]
    if changed:
        raise NotBuilt(f"{folder} has changed since it was built ({', '.join(changed[:3])}"
                       f"{'…' if len(changed) > 3 else ''} edited or deleted); {again}")
    expected = tuple(n for n in plan.file_names(year) if n not in reports)
    return Built(dt.date.fromisoformat(manifest["edition_date"]), tuple(names),
                 tuple(n for n in expected if n not in manifest["outputs"]),
                 tuple(n for n in names if manifest["outputs"][n].get("stale")), expected,
                 manifest.get(incremental.PUBLISHER, {}))


def described(names: tuple[str, ...], among: tuple[str, ...], year: int, lang: str = "en"
              ) -> str:
    """Some files among others (the missing among the edition's, the out of date among
    those there), as short as exact: the languages, documents and formats all of whose
    files among the others are named (for documents and formats, all those of the
    languages not named before), as such ('the files in es, ru; the files of map; the PDF
    files'), then the other files by name."""
    known = plan.file_names(year)
    axes = (lambda n: known.get(n, (None, None))[1], lambda n: known.get(n, (None,))[0],
            lambda n: n.rpartition(".")[2].upper())
    among = [n for n in known if n in among] + sorted(set(among).difference(known))
    left, rest, parts = set(names), list(among), []
    loc = Localiser(lang)
    for (placeholder, (context, phrase)), value_of in zip(GROUPS, axes, strict=True):
        values = dict.fromkeys(value_of(n) for n in rest if n in left and value_of(n))
        whole = [v for v in values if all(n in left for n in rest if value_of(n) == v)]
        if whole:
            parts.append(loc.pgettext(context, phrase, **{placeholder: ", ".join(whole)}))
            gone = {n for n in rest if value_of(n) in whole}
            left -= gone
            rest = [n for n in rest if n not in gone]
    named = [n for n in among if n in left] + sorted(left.difference(among))
    return "; ".join([*parts, *named])


def refusal(year: int, built: Built) -> str:
    """Why an edition is not bundled: what it lacks and what is out of date, by name."""
    parts = []
    if built.missing:
        many = len(built.missing) > 1
        parts.append(f"{len(built.missing)} of its {len(built.expected)} files "
                     f"{'are' if many else 'is'} missing "
                     f"({described(built.missing, built.expected, year)})")
    if built.stale:
        many = len(built.stale) > 1
        parts.append(f"{len(built.stale)} file{'s' if many else ''} kept from an earlier "
                     f"build {'are' if many else 'is'} out of date "
                     f"({described(built.stale, built.names, year)})")
    return (f"{year} is not complete: {' and '.join(parts)}. Run 'make bulletin YEAR={year}' "
            f"first, or 'make dist PARTIAL=1' to bundle what there is as "
            f"{bundle_name(year, partial=True)}.zip.")


def readme(folder: Path, built: Built, partial: bool = False) -> str:
    """README.txt: each file with a line on what it is, the edition date and how to check
    the checksums, in English then in French; for a partial bundle, what it lacks."""
    year = int(folder.name)
    edition, names = built.edition, list(built.names)
    files = year_files(folder, names)
    documents = {f.name: (f, document) for document in grouped(files, lambda f: f.kind)
                 for f in document}
    width = max(len(n) for n in [*names, README, SUMS]) + 2
    sections = []
    for lang in README_LANGUAGES:
        loc = Localiser(lang)
        lines = [loc.gettext(BULLETIN.title) % {"year": year},  # the series' flagship
                 said(loc, "edition", date=loc.date(edition)), "",
                 textwrap.fill(said(loc, "intro", year=year), WIDTH), ""]
        if publisher := built.publishers.get(lang):  # the publication settings' (manifest)
            lines[-1:] = [textwrap.fill(said(loc, "publisher", publisher=publisher), WIDTH), ""]
        if partial:
            lines += [textwrap.fill(" ".join([said(loc, "partial"), *(
                said(loc, key, names=described(found, among, year, lang))
                for key, found, among in (("missing", built.missing, built.expected),
                                          ("kept", built.stale, built.names)) if found)]),
                WIDTH, break_on_hyphens=False), ""]
        lines += [said(loc, "files"), f"  {README:<{width}}{said(loc, 'readme')}",
                  f"  {SUMS:<{width}}{said(loc, 'sums')}"]
        for name in names:
            if name in documents:
                line = describe(*documents[name], loc)
            elif name.startswith(f"{write.ASSETS}/"):
                line = asset_description(name, loc) or said(loc, "asset")
            else:  # a file of a later version, named otherwise
                line = said(loc, "other")
            if name in built.stale:
                line = f"{line} ({said(loc, 'stale')})"
            lines.append(f"  {name:<{width}}{line}")
        sections.append("\n".join([*lines, "", said(loc, "check"), ""]))
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


def make_bundle(config: BulletinConfig, partial: bool = False, with_report: bool = False
                ) -> Bundle:
    """Write outputs/dist/iscm-<year>.zip and iscm-<year>.SHA256SUMS beside it, each
    atomically; the year's folder is only read. Raises NotBuilt when the year has no
    intact build, or (unless partial) when its edition lacks files or holds files out
    of date; partial, such an edition is bundled as iscm-<year>-partial.zip. The
    validation report is left out unless with_report."""
    year = year_to_bundle(config)
    folder = config.outputs_dir / str(year)
    if not folder.is_dir():
        raise NotBuilt(f"{year} has not been built: there is no {folder}. Run "
                       f"'make bulletin YEAR={year}' first.")
    built = built_files(folder, year, with_report)
    incomplete = bool(built.missing or built.stale)
    if incomplete and not partial:
        raise NotBuilt(refusal(year, built))
    files: dict[str, Path | bytes] = {name: folder / name for name in built.names}
    files[README] = readme(folder, built, incomplete).encode()
    sums = checksums(files)
    files[SUMS] = sums.encode()
    dist = config.outputs_dir / FOLDER
    dist.mkdir(parents=True, exist_ok=True)
    root = bundle_name(year, incomplete)
    path = write.atomically(dist / f"{root}.zip", write_zip, root=root, files=files,
                            stamp=built.edition)
    beside = write.atomically(dist / f"{root}.{SUMS}", write.write_text, text=sums)
    return Bundle(year, path, beside, tuple(f"{root}/{name}" for name in sorted(files)),
                  built.missing, built.stale)
