"""make preview: serves the HTML documents, rebuilds them when a spreadsheet is saved, shows
input errors in the page, stops cleanly, and never writes into outputs/<year>/."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from pipeline.contract.schema import MEETINGS
from tests.conftest import ROOT, write_inputs

COUNTRY = get_column_letter([c.name for c in MEETINGS.template_columns].index("country") + 1)
"""The meetings sheet's country column, wherever the contract puts it."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return response.read().decode()


def build_number(port: int) -> int:
    return json.loads(get(port, "/__build"))["number"]


def wait_for(condition, timeout: float = 30.0):
    """Poll until condition() is truthy (its value is returned), or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if value := condition():
                return value
        except OSError:
            pass
        time.sleep(0.05)
    pytest.fail("timed out")


def set_cell(path, sheet: str, cell: str, value) -> None:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


@pytest.fixture
def preview(tmp_path):
    inputs = write_inputs(tmp_path / "inputs")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "preview", "--inputs", str(inputs), "--outputs",
         str(tmp_path / "outputs"), "--lang", "en", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(lambda: build_number(port) >= 1)
        yield port, inputs, tmp_path / "outputs", process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def test_a_saved_spreadsheet_shows_in_the_open_page(preview):
    port, inputs, outputs, process = preview
    page = get(port, "/iscm-highlights-2025-en.html")
    assert "The GFMD Summit took place" in page
    assert 'fetch("/__build"' in page  # the page reloads itself after a rebuild
    before = build_number(port)
    set_cell(inputs / "meetings.xlsx", "meetings", "C3", "Global Summit on Skills Mobility")
    wait_for(lambda: build_number(port) > before)  # how soon: make bench measures it
    page = get(port, "/iscm-highlights-2025-en.html")
    assert "The Global Summit on Skills Mobility took place" in page

    # An input error shows in the page as the validation report, and the server stays up.
    set_cell(inputs / "meetings.xlsx", "meetings", f"{COUNTRY}3", "Atlantis")
    wait_for(lambda: "unknown-country" in get(port, "/iscm-highlights-2025-en.html"))
    assert "Atlantis" in get(port, "/")
    set_cell(inputs / "meetings.xlsx", "meetings", f"{COUNTRY}3", "Switzerland")
    wait_for(lambda: "Global Summit on Skills Mobility" in get(
        port, "/iscm-highlights-2025-en.html"))

    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=60)  # a loaded machine: a rebuild may be under way
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert sorted(p.name for p in outputs.iterdir()) == [".preview"]  # never outputs/2025
    shutil.rmtree(outputs)
