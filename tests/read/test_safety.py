"""Safety checks before parsing: what is refused, with which code, and that it stays cheap."""

import io
import struct
import zipfile

import pytest

from pipeline.errors import InputError
from pipeline.read import ingest, safety
from tests.conftest import write_inputs


@pytest.fixture
def workbook(tmp_path):
    return write_inputs(tmp_path / "in") / "meetings.xlsx"


def codes(path):
    return [p.code for p in ingest.check_file(path)]


def test_a_clean_workbook_passes(workbook):
    assert ingest.check_file(workbook) == []


def test_a_csv_that_is_really_a_workbook_is_refused(tmp_path, workbook):
    path = tmp_path / "meetings.csv"
    path.write_bytes(workbook.read_bytes())
    assert codes(path) == ["wrong-format"]


def test_a_pdf_named_xlsx_is_named_in_the_message(tmp_path):
    path = tmp_path / "meetings.xlsx"
    path.write_bytes(b"%PDF-1.7\n...")
    [problem] = ingest.check_file(path)
    assert problem.code == "wrong-format" and "a PDF document" in problem.message


def test_every_size_limit_counts_inflated_bytes(monkeypatch, workbook):
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_BYTES", 10_000)
    assert codes(workbook) == ["zip-bomb"]


def test_a_file_over_the_size_cap_is_refused_unread(monkeypatch, workbook):
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    assert codes(workbook) == ["file-too-large"]


def lie_about_size(data: bytes, name: str, declared: int) -> bytes:
    """The same archive with one entry's uncompressed size falsified everywhere."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(name)
    data = bytearray(data)
    struct.pack_into("<I", data, info.header_offset + 22, declared)  # local header
    central = data.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + length] == name.encode():
            struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def test_an_entry_that_lies_about_its_size_is_measured_as_it_is(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + " " * 5_000_000 + "</worksheet>")
    path = tmp_path / "liar.xlsx"
    path.write_bytes(lie_about_size(buffer.getvalue(), "xl/worksheets/sheet1.xml", 1000))
    assert codes(path) == ["zip-bomb"]


def test_a_wrong_crc_or_size_is_damage(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>" + " " * 50)
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(lie_about_size(buffer.getvalue(), "xl/workbook.xml", 5))
    assert codes(path) == ["damaged-file"]


def test_an_encrypted_ods_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
        z.writestr("META-INF/manifest.xml", '<m:manifest xmlns:m="urn:oasis:names:tc:'
                   'opendocument:xmlns:manifest:1.0"><m:file-entry><m:encryption-data/>'
                   "</m:file-entry></m:manifest>")
    path = tmp_path / "secret.ods"
    path.write_bytes(buffer.getvalue())
    assert codes(path) == ["encrypted-file"]


def test_reading_stops_when_defusedxml_is_not_active(monkeypatch):
    monkeypatch.setattr("openpyxl.xml.DEFUSEDXML", False)
    with pytest.raises(InputError, match="defusedxml is not active"):
        safety.assert_defusedxml_active()
