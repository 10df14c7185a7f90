"""Cover thumbnails for the archive page: the first page of each document's PDF, as a small
PNG, made by every build for the PDFs that have none yet.

They live beside the archive pages, in outputs/covers/<year>/, not in the year's folder:
they are the archive page's pictures, not files of the edition (the bundle leaves them
out, and so does the year's manifest). Each is named after its PDF and the start of the
PDF's SHA-256, so that a PDF made again gets a new thumbnail and the old one goes; the
same PDF gives the same bytes (PDFium draws it, Pillow writes the PNG, neither dates it).
A year with no PDF (FORMATS=html) has no covers: the page shows the documents' titles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .editions import EditionFile
from .incremental import read_manifest

FOLDER = "covers"
WIDTH = 240
"""Pixels across a thumbnail: twice the 120 CSS pixels the page shows it at."""


@dataclass(frozen=True)
class Cover:
    """A thumbnail: where the page finds it, and its size in pixels."""

    href: str
    """Relative to the outputs folder: covers/2025/iscm-map-2025-fr-1a2b3c4d5e6f.png."""
    width: int
    height: int


def pdf_digest(folder: Path, name: str) -> str:
    """The PDF's SHA-256, as its build recorded it (else read from the file)."""
    entry = (read_manifest(folder) or {}).get("outputs", {}).get(name, {})
    return entry.get("sha256") or hashlib.sha256((folder / name).read_bytes()).hexdigest()


def render_cover(pdf: Path, target: Path) -> tuple[int, int]:
    """Draw the PDF's first page WIDTH pixels across into a PNG at target; its size."""
    import pypdfium2  # here: only a build with new PDFs draws covers

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=WIDTH / page.get_width()).to_pil()
    finally:
        document.close()
    partial = target.with_name(f".{target.name}")
    image.save(partial, format="PNG", optimize=True)
    partial.replace(target)
    return image.size


def make_covers(outputs: Path, files: list[EditionFile], kinds: tuple[str, ...]
                ) -> dict[str, Cover]:
    """The thumbnail of every PDF of these documents' kinds among the files, by the PDF's
    href (2025/iscm-map-2025-fr.pdf): drawn if new, kept if its PDF has not changed; the
    thumbnails of PDFs no longer there are removed."""
    covers: dict[str, Cover] = {}
    wanted: set[Path] = set()
    for file in files:
        if file.format != "pdf" or file.kind not in kinds:
            continue
        folder = outputs / str(file.year)
        stem = file.name.removesuffix(".pdf")
        target = outputs / FOLDER / str(file.year) / \
            f"{stem}-{pdf_digest(folder, file.name)[:12]}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file():
            from PIL import Image

            with Image.open(target) as image:
                size = image.size
        else:
            size = render_cover(folder / file.name, target)
        wanted.add(target)
        covers[file.href] = Cover(target.relative_to(outputs).as_posix(), *size)
    root = outputs / FOLDER
    for old in sorted(root.glob("*/*.png")) if root.is_dir() else ():
        if old not in wanted:
            old.unlink()
    for year in sorted(root.iterdir()) if root.is_dir() else ():
        if year.is_dir() and not any(year.iterdir()):
            year.rmdir()
    return covers
