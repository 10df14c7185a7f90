"""XLSX: one sheet of rows, and any openpyxl workbook saved so that the same content always
gives the same bytes (no clock in its properties, fixed ZIP timestamps); text never becomes
a formula."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
SheetRows = tuple[str, list[str], list[list[object]], list[int]]
"""One sheet: its title, headers, rows and column widths."""


@dataclass(frozen=True)
class SheetFile:
    """What a spreadsheet of the build is made from: its one sheet, the date its properties
    carry (the edition's) and its direction."""

    sheet: SheetRows
    edition: dt.date
    right_to_left: bool = False


def write_sheet(path: Path, content: SheetFile) -> Path:
    """A spreadsheet of the build (write_xlsx)."""
    return write_xlsx(path, content.sheet, content.edition, content.right_to_left)


def write_xlsx(path: Path, sheet: SheetRows, edition: dt.date, right_to_left: bool = False,
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
