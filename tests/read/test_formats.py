"""The input formats: which files are inputs, and each kind checked and read its own way."""

import pytest

from pipeline.read import formats


@pytest.mark.parametrize("name, read", [
    ("meetings.xlsx", True), ("Meetings.XLSX", True), ("book.xlsm", True), ("book.ods", True),
    ("export.csv", True), ("old.xls", True),  # looked at, to say it must be saved as .xlsx
    ("~$meetings.xlsx", False), (".~lock.meetings.xlsx#", False), (".hidden.xlsx", False),
    ("SOURCES.md", False), ("notes.txt", False), ("report.pdf", False),
])
def test_which_files_are_inputs(tmp_path, name, read):
    (tmp_path / name).write_bytes(b"x")
    assert formats.is_input(tmp_path / name) is read


def test_an_old_xls_is_refused_with_a_message_and_never_read(tmp_path):
    path = tmp_path / "meetings.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    kind = formats.format_of(path)
    assert [p.code for p in kind.check(path)] == ["wrong-format"]
    assert kind.read(path) == []
