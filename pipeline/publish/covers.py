"""Cover thumbnails for the archive page: the first page of each document's PDF, as a small
PNG, drawn by the build that writes the archive page for the PDFs that have none yet.

They live beside the archive pages, in outputs/covers/<year>/, not in the year's folder:
they are the archive page's pictures, not files of the edition (the bundle leaves them
out, and so does the year's manifest). Each is named after its PDF and the start of the
PDF's SHA-256, so that a PDF made again gets a new thumbnail and the old one goes; the
same PDF gives the same bytes (PDFium draws it, Pillow writes the PNG, neither dates it).
A year with no PDF (FORMATS=html) has no covers: the page shows the documents' titles.

The first page is each document's own: today the bulletin's title page, the poster
whole; the covers of the series (issue 21) will be drawn here as they come, unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .editions import EditionFile
from .incremental import read_manifest
from .outputs import MAP, PDF

FOLDER = "covers"
"""The covers' folder in the outputs folder, beside the archive pages."""
WIDTH = 240
"""Pixels across a document's thumbnail: twice the 120 CSS pixels the page shows it at."""
WIDTHS = {MAP.kind: 640}
"""Wider for the poster: the archive page shows it as the year's map too."""


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


def render_cover(pdf: Path, target: Path, width: int) -> tuple[int, int] | None:
    """Draw the PDF's first page width pixels across into a PNG at target; its size. None
    for a file PDFium cannot read (a PDF copied in damaged): the page shows its title."""
    import pypdfium2  # here: only a build with new PDFs draws covers

    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError:
        return None
    try:
        page = document[0]
        # PDFium rounds the size up: a hair under the width keeps it from becoming width + 1.
        image = page.render(scale=(width - 0.001) / page.get_width()).to_pil()
    finally:
        document.close()
    partial = target.with_name(f".{target.name}")
    image.save(partial, format="PNG")
    partial.replace(target)
    return image.size


def image_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def make_covers(outputs: Path, files: list[EditionFile]) -> dict[str, Cover]:
    """The thumbnail of every document's PDF among the files, by the PDF's href
    (2025/iscm-map-2025-fr.pdf): drawn if new, kept if its PDF has not changed; the
    thumbnails of PDFs no longer there are removed, and the year folders left empty."""
    covers: dict[str, Cover] = {}
    wanted: set[Path] = set()
    for file in files:
        if file.format != PDF.name:
            continue
        folder = outputs / str(file.year)
        stem = file.name.removesuffix(f".{PDF.file_suffix}")
        target = outputs / FOLDER / str(file.year) / \
            f"{stem}-{pdf_digest(folder, file.name)[:12]}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        size = image_size(target) if target.is_file() else render_cover(
            folder / file.name, target, WIDTHS.get(file.kind, WIDTH))
        if size is None:
            continue
        wanted.add(target)
        covers[file.href] = Cover(target.relative_to(outputs).as_posix(), *size)
    root = outputs / FOLDER
    for old in sorted(root.glob("*/*.png")) if root.is_dir() else ():
        if old not in wanted:
            old.unlink()
    for year in sorted(root.iterdir()) if root.is_dir() else ():
        if year.is_dir() and not any(year.iterdir()):
            year.rmdir()
    if root.is_dir() and not any(root.iterdir()):
        root.rmdir()
    return covers
