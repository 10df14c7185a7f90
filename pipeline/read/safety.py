"""Refuse hostile or damaged input files before any parser opens them.

Spreadsheets arrive by e-mail from many offices. Before calamine reads a file,
this module checks that it is what its extension says (magic bytes: ZIP for
.xlsx/.xlsm/.ods, text for .csv; OLE2 means an encrypted workbook or an old
.xls), that the archive is whole, that it does not inflate beyond a fixed size
or ratio (a zip bomb; Apache POI's ZipSecureFile is the model: more than 100×
for an entry past its first 100 KiB is refused, with an absolute cap beside
it), and that no XML part declares a DTD (entity bombs and external entities,
XXE, need one). Sizes are counted on the bytes actually inflated, not on what
the archive declares.
"""

from __future__ import annotations

import copy
import re
import zipfile
import zlib
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from ..errors import InputError, Problem
from ..wording import R_, Text

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted .xlsx keeps inside its OLE2 container."""

MAX_FILE_BYTES = 50_000_000
"""Largest input file accepted, as stored (the shipped inputs are about 20 kB)."""
MAX_UNCOMPRESSED_BYTES = 200_000_000
"""Largest total size of a workbook's parts once inflated."""
MAX_RATIO = 100
"""Largest expansion of one archive entry (POI: MIN_INFLATE_RATIO = 0.01)."""
RATIO_GRACE_BYTES = 100 * 1024
"""Entries smaller than this inflated are not held to MAX_RATIO (POI: GRACE_ENTRY_SIZE)."""
MAX_ENTRIES = 10_000
CHUNK = 1 << 20

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
RECOPY_HINT = R_("Copy it again from the original, or open it in Excel or LibreOffice and save "
                 "it again.")
SAVE_AS_XLSX = R_("Open it in Excel or LibreOffice and save it as .xlsx.")
DO_NOT_USE = R_("Do not use this file; ask the sender for the spreadsheet itself.")


def assert_defusedxml_active() -> None:
    """openpyxl parses XML with defusedxml only when it is installed and OPENPYXL_DEFUSEDXML
    is not 'False', and silently falls back otherwise: refuse to run in that case."""
    from openpyxl.xml import DEFUSEDXML

    if not (defusedxml.__version__ and DEFUSEDXML):
        raise InputError(R_("defusedxml is not active for openpyxl (is OPENPYXL_DEFUSEDXML "
                            "set to False?): refusing to read spreadsheets without XML "
                            "protection. Unset OPENPYXL_DEFUSEDXML and reinstall with `make "
                            "setup`."))


def check_size(path: Path) -> list[Problem]:
    """A file too large for any input spreadsheet is refused before it is opened."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return [refuse(path, "file-too-large",
                       R_("is {size:.0f} MB; input files larger than {limit:.0f} MB are not "
                          "read", size=size / 1e6, limit=MAX_FILE_BYTES / 1e6),
                       R_("Remove what is not part of the input tables (images, other "
                          "sheets) and save it again."))]
    return []


def head(path: Path) -> bytes:
    """The first bytes of a file: its magic number."""
    with path.open("rb") as file:
        return file.read(8)


def refuse_old_xls(path: Path) -> list[Problem]:
    return [refuse(path, "wrong-format", R_("is in the Excel 97–2003 format (.xls), which is "
                                            "not read"), SAVE_AS_XLSX)]


def check_workbook(path: Path, kind: str) -> list[Problem]:
    """A workbook (xlsx or ods): a ZIP archive of the right kind, whole, of sane sizes,
    with no XML entity declarations; or an encrypted file, or an old .xls in disguise."""
    start = head(path)
    if start.startswith(OLE2_MAGIC):
        return [check_ole2(path)]
    if not start.startswith(ZIP_MAGIC):
        return [refuse(path, "wrong-format", R_("is not a {suffix} workbook: it looks like "
                                                "{kind}", suffix=path.suffix.lower(),
                                                kind=describe(start, path)), SAVE_AS_XLSX)]
    return check_archive(path, kind)


def refuse(path: Path, code: str, message: Text, hint: Text) -> Problem:
    return Problem(path.name, code=code, message=message, hint=hint)


def describe(head: bytes, path: Path) -> Text:
    """What a file that is not a workbook looks like, for the message."""
    if head.startswith(b"%PDF"):
        return R_("a PDF document")
    with path.open("rb") as file:
        start = file.read(2048).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table")):
        return R_("a web page (HTML), as some systems export 'Excel' files")
    if b"\x00" not in start:
        return R_("a text file (perhaps CSV: then name it .csv)")
    return R_("some other kind of file")


def check_text(path: Path) -> list[Problem]:
    """A CSV file: text, not a workbook under another name."""
    if head(path).startswith((ZIP_MAGIC, OLE2_MAGIC)):
        return [refuse(path, "wrong-format", R_("is a workbook, not a CSV text file"),
                       R_("Rename it to .xlsx (or save it from Excel as CSV)."))]
    with path.open("rb") as file:
        if b"\x00" in file.read(65536):
            return [refuse(path, "wrong-format", R_("is not a text file, so not CSV"),
                           R_("Save it from Excel or LibreOffice as CSV (UTF-8)."))]
    return []


ENCRYPTED = R_("is protected by a password (encrypted), so it cannot be read")


def check_ole2(path: Path) -> Problem:
    """An OLE2 container: an encrypted (password-protected) workbook, or an old .xls."""
    if ENCRYPTED_STREAM in path.read_bytes():
        return refuse(path, "encrypted-file", ENCRYPTED,
                      R_("Open it in Excel, remove the password (File › Info › Protect "
                         "Workbook › Encrypt with Password: clear it), save it and try again."))
    return refuse(path, "wrong-format", R_("is an Excel 97–2003 (.xls) file, not {suffix}",
                                           suffix=path.suffix), SAVE_AS_XLSX)


def check_archive(path: Path, kind: str) -> list[Problem]:
    try:
        with zipfile.ZipFile(path) as archive:
            problem = (check_kind(path, archive, kind) or check_declared_sizes(path, archive)
                       or check_inflated_sizes(path, archive) or check_xml_parts(path, archive)
                       or check_ods_encryption(path, archive))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        problem = refuse(path, "damaged-file", R_("is damaged or incomplete (truncated) and "
                                                  "cannot be read"), RECOPY_HINT)
    return [problem] if problem else []


def check_kind(path: Path, archive: zipfile.ZipFile, kind: str) -> Problem | None:
    """An .xlsx must hold a workbook part, an .ods its content.xml and mimetype."""
    suffix = path.suffix.lower()
    names = set(archive.namelist())
    if len(names) > MAX_ENTRIES:
        return zip_bomb(path, R_("holds {parts} parts", parts=len(names)))
    is_ods = False
    if "mimetype" in names:  # read a few bytes only: sizes are not checked yet
        with archive.open("mimetype") as stream:
            is_ods = stream.read(len(ODS_MIMETYPE) + 2).strip() == ODS_MIMETYPE
    is_xlsx = "xl/workbook.xml" in names
    if kind == "ods" and is_xlsx or kind != "ods" and is_ods:
        actual = ".xlsx" if is_xlsx else ".ods"
        renamed = path.stem + actual
        return refuse(path, "wrong-format", R_("is a {actual} workbook named {suffix}",
                                               actual=actual, suffix=suffix),
                      R_("Rename it to {name}.", name=renamed))
    if not (is_ods or is_xlsx):
        return refuse(path, "wrong-format", R_("is a ZIP archive but not a {suffix} workbook "
                                               "(perhaps a Word document or a folder of "
                                               "files)", suffix=suffix),
                      R_("Put the spreadsheet itself in inputs/."))
    return None


def check_ods_encryption(path: Path, archive: zipfile.ZipFile) -> Problem | None:
    """An encrypted .ods lists encryption data in its manifest (sizes and DTDs checked)."""
    if "META-INF/manifest.xml" not in archive.namelist():
        return None
    manifest = SafeET.fromstring(archive.read("META-INF/manifest.xml"))
    if any(e.tag.endswith("}encryption-data") for e in manifest.iter()):
        return refuse(path, "encrypted-file", ENCRYPTED,
                      R_("Open it in LibreOffice, save it without a password and try again."))
    return None


def zip_bomb(path: Path, what: Text) -> Problem:
    return refuse(path, "zip-bomb", R_("{what}: far more than any input spreadsheet, so it is "
                                       "refused unread (it may be a 'zip bomb')", what=what),
                  DO_NOT_USE)


def check_declared_sizes(path: Path, archive: zipfile.ZipFile) -> Problem | None:
    """A quick refusal on what the archive says about itself, before inflating anything."""
    entries = archive.infolist()
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        return zip_bomb(path, R_("says it inflates to {size:.0f} MB", size=total / 1e6))
    for entry in entries:
        if too_expanded(entry.file_size, entry.compress_size):
            return zip_bomb(path, R_("has a part ({part}) that inflates {times} times",
                                     part=entry.filename,
                                     times=entry.file_size // max(entry.compress_size, 1)))
    return None


def too_expanded(inflated: int, compressed: int) -> bool:
    return inflated > RATIO_GRACE_BYTES and inflated > MAX_RATIO * max(compressed, 1)


def check_inflated_sizes(path: Path, archive: zipfile.ZipFile) -> Problem | None:
    """Inflate every part, counting real bytes, never holding more than a chunk.

    zipfile stops reading an entry at its declared size; a copy of the entry that
    declares the cap instead makes it read the real stream, so a part that lies
    about its size is measured (and its CRC checked) as it really is.
    """
    total = 0
    for entry in archive.infolist():
        measured = copy.copy(entry)
        measured.file_size = MAX_UNCOMPRESSED_BYTES + 1
        inflated = 0
        with archive.open(measured) as stream:
            while chunk := stream.read(CHUNK):
                inflated += len(chunk)
                if total + inflated > MAX_UNCOMPRESSED_BYTES:
                    return zip_bomb(path, R_("inflates to more than {size:.0f} MB",
                                             size=MAX_UNCOMPRESSED_BYTES / 1e6))
                if too_expanded(inflated, entry.compress_size):
                    return zip_bomb(path, R_("has a part ({part}) that inflates more than "
                                             "{times} times", part=entry.filename,
                                             times=MAX_RATIO))
        if inflated != entry.file_size:
            raise zipfile.BadZipFile(f"{entry.filename}: size differs from the directory")
        total += inflated
    return None


def check_xml_parts(path: Path, archive: zipfile.ZipFile) -> Problem | None:
    """No part may declare a DTD: spreadsheets never need one, entity attacks always do.

    A DTD can only stand before the root element, so parsing stops at the first element.
    """
    for name in archive.namelist():
        if not name.endswith((".xml", ".rels")):
            continue
        with archive.open(name) as stream:
            try:
                next(SafeET.iterparse(stream, events=("start",), forbid_dtd=True), None)
            except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden,
                    defusedxml.ExternalReferenceForbidden):
                return refuse(path, "unsafe-xml", R_("has a part ({part}) that declares XML "
                                                     "entities, which spreadsheets never do: "
                                                     "it may be an attack (entity bomb or "
                                                     "external entity) and is refused unread",
                                                     part=name),
                              R_("Do not use this file; ask the sender for a fresh copy saved "
                                 "from Excel or LibreOffice."))
            except SafeET.ParseError:
                raise zipfile.BadZipFile(f"{name} is not XML") from None
    return None


UNKEPT_PARTS = re.compile(r"^xl/(charts|chartsheets|media|pivotTables|pivotCache|slicers|"
                          r"timelines|drawings/drawing\d|vbaProject)")
"""Parts of a workbook that openpyxl would drop or damage on saving it again: the tools that
write into the input workbooks (dressing, make collect) leave such a workbook as it is."""


def unkept_parts(path: Path) -> list[str]:
    """The parts of a workbook that saving it with openpyxl would lose (charts, pictures,
    pivot tables, macros): a workbook that has any is never rewritten."""
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if UNKEPT_PARTS.match(name)]


MACROS = re.compile(r"(^|/)vbaProject\.bin$|^xl/macrosheets/|^xl/dialogsheets/|"
                    r"^Basic/|^Scripts/", re.IGNORECASE)
"""Parts that hold macros: Excel's VBA project and macro sheets, LibreOffice Basic and
scripts."""
EXTERNAL = re.compile(r"^xl/externalLinks/|^xl/connections\.xml$|^xl/embeddings/|^xl/activeX/",
                      re.IGNORECASE)
"""Parts that reach outside the workbook: links to other workbooks, data connections,
embedded objects and ActiveX controls."""


def check_active_content(path: Path) -> list[Problem]:
    """A workbook sent back from outside (a secretariat's yearly update) holds values only:
    one with macros, or with links, connections or objects that reach outside it, is refused
    unread. The archive must have passed check_workbook."""
    if path.suffix.lower() == ".xlsm":
        return [refuse(path, "macros", R_("is a macro-enabled workbook (.xlsm), which is not "
                                          "accepted from outside"), MACROS_HINT)]
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    if any(MACROS.search(name) for name in names):
        return [refuse(path, "macros", R_("holds macros, which are not accepted from "
                                          "outside"), MACROS_HINT)]
    if found := [name for name in names if EXTERNAL.search(name)]:
        return [refuse(path, "external-links",
                       R_("holds links or objects that reach outside the workbook ({part}), "
                          "which are not accepted from outside", part=found[0]),
                       R_("Ask the sender to remove the links to other files (Excel: Data › "
                          "Edit Links › Break Link) and save it again as .xlsx; or copy its "
                          "values into the workbook they were sent."))]
    return []


MACROS_HINT = R_("Ask the sender to save it as an .xlsx workbook without macros (Excel: File › "
                 "Save As › Excel Workbook), and send it again.")
