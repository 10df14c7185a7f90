"""The writers: HTML and JSON text, PDF, XLSX and the assets, each into the staging folder.

Files of the build are written here only (the preview and the developer tools
write files of their own).

Everything goes to a staging folder next to the outputs, which replaces
``outputs/<year>/`` only once every document is built: a failed run leaves the
previous outputs as they were. Files that have not changed since the previous
build are carried over into it rather than written again, and so are, in a
partial build (LANGS, DOCS, FORMATS), the files it does not make (incremental.py).
Every writer is deterministic: no clock, no random identifiers, fixed ZIP
timestamps.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .config import BulletinConfig
from .model import Summary
from .pdfua import finish_tagging

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FONT_EPOCH = "315532800"
"""1980-01-01 in seconds: the date fontTools stamps into the fonts it subsets (their 'head'
table), read from SOURCE_DATE_EPOCH; otherwise it takes the clock, and two builds differ
whenever WeasyPrint subsets with fontTools (without HarfBuzz's subsetter)."""
ASSETS = "assets"


@contextlib.contextmanager
def staging(config: BulletinConfig, year: int) -> Iterator[Path]:
    """A fresh folder to write into; it becomes outputs/<year>/ only if the block succeeds."""
    config.outputs_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".staging-{year}-", dir=config.outputs_dir))
    stage.chmod(0o755)  # mkdtemp makes it private; the documents are for everyone
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    publish(stage, config.outputs_dir / str(year))


def publish(stage: Path, target: Path) -> None:
    """Swap the staging folder into place: two renames, the old copy removed last."""
    old = None
    if target.exists():
        old = target.with_name(f".previous-{target.name}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    stage.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def asset_files(config: BulletinConfig) -> list[tuple[str, Path]]:
    """(name under the outputs folder, source) of the stylesheets and fonts the HTML files
    link to: they are copied next to them, so that they work offline."""
    root = config.templates_dir / ASSETS
    return [(f"{ASSETS}/{p.relative_to(root).as_posix()}", p)
            for p in sorted(root.rglob("*")) if p.is_file()]


def copy_file(path: Path, source: Path) -> Path:
    shutil.copy2(source, path)
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def atomically(path: Path, writer, **content) -> Path:
    """Write a file beside its place, then move it there: never a half-written file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        writer(partial, **content)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def summary_json(summary: Summary) -> str:
    return json.dumps(asdict(summary), indent=2, ensure_ascii=False) + "\n"


def project_fetcher(config: BulletinConfig):
    """A WeasyPrint URL fetcher that reads only the project's files under templates/."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    root = config.templates_dir.resolve()

    class ProjectFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(root):
                raise FatalURLFetchingError(f"Refused to fetch {url!r}: documents may only use "
                                            f"files under {root}.")
            return super().fetch(url, headers)

    return ProjectFetcher(allowed_protocols=("file",))


def write_pdf(path: Path, html: str, config: BulletinConfig, cache: dict | None = None
              ) -> Path:
    """Render HTML with the print stylesheet to a tagged PDF/UA-1 file, laid out once.

    cache is WeasyPrint's image cache, shared by the documents one process renders;
    each document gets its own font configuration, so its fonts are subset once.
    """
    from weasyprint import HTML  # imported here: a run that renders no PDF never loads it

    base_url = (config.templates_dir / "index.html").as_uri()
    document = HTML(string=html, base_url=base_url, url_fetcher=project_fetcher(config))
    with font_epoch():
        document.write_pdf(path, pdf_variant="pdf/ua-1", finisher=finish_tagging,
                           cache={} if cache is None else cache)
    return path


@contextlib.contextmanager
def font_epoch() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to FONT_EPOCH while fontTools subsets, then as it was: the
    variable also gives the build's date (config.build_date), which a PDF rendered in this
    process must not move to 1980 for the builds after it."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FONT_EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def write_xlsx(path: Path, sheet: tuple[str, list[str], list[list[object]], list[int]],
               edition: dt.date, right_to_left: bool = False,
               properties: dict[str, str] | None = None) -> Path:
    """One sheet (title, headers, rows, column widths), frozen header row, autofilter,
    wrapped text; text never becomes a formula. Right to left (Arabic), the sheet opens
    with its first column on the right, mirrored as the PDF's table is. properties: custom
    document properties (File › Properties › Custom), which Excel and LibreOffice keep."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet_title, headers, rows, widths = sheet
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=col, value=header)
        cell.data_type = "s"
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E8C")
        cell.alignment = wrap
        sheet.column_dimensions[get_column_letter(col)].width = widths[col - 1]
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # '=cmd|…' stays text, never a formula
            cell.alignment = wrap
    sheet.sheet_view.rightToLeft = right_to_left
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    for name, value in (properties or {}).items():
        book.custom_doc_props.append(StringProperty(name=name, value=value))
    return save_workbook(book, path, dt.datetime.combine(edition, dt.time()))


def save_workbook(book, path: Path, stamp: dt.datetime) -> Path:
    """Save an openpyxl workbook so that the same content always gives the same bytes."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = book.properties.modified = stamp
    book.properties.creator = book.properties.lastModifiedBy = "iscm-bulletin"
    buffer = io.BytesIO()
    # Not book.save(): it stamps the clock into docProps/core.xml.
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    path.write_bytes(fixed_zip(buffer.getvalue()))
    return path


def fixed_zip(data: bytes) -> bytes:
    """The same ZIP with every entry's timestamp fixed, so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()
