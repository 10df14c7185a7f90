"""Figure 6 of `make bench`: how soon the live preview shows a saved spreadsheet.

`iscm preview` runs on a copy of the shipped inputs, as an editor runs it; the
title of one meeting is changed and the workbook saved, and the time is taken
from the save to the moment the server reports the rebuild done (the open page
reloads at its next poll, a quarter of a second at most later).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openpyxl

from bench.synthetic import canonical

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_number(port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__build", timeout=2) as answer:
            return json.loads(answer.read())["number"]
    except OSError:
        return -1


def wait_for_build(port: int, after: int, timeout: float = 60) -> float:
    """Seconds until the preview's build number passes `after`."""
    started = time.perf_counter()
    while build_number(port) <= after:
        if time.perf_counter() - started > timeout:
            raise SystemExit("The preview did not rebuild.")
        time.sleep(0.01)
    return time.perf_counter() - started


def retitle(path: Path, n: int) -> float:
    """Append a mark to the first meeting's title and save; the moment it was saved."""
    book = openpyxl.load_workbook(path)
    sheet = book["meetings"]
    column = canonical([cell.value for cell in sheet[1]], "meetings").index("title") + 1
    cell = sheet.cell(row=2, column=column)
    cell.value = f"{str(cell.value).split(' (rev. ')[0]} (rev. {n})"
    book.save(path)
    return time.perf_counter()


def measure_preview(inputs: Path, outputs: Path, runs: int) -> list[float]:
    """Seconds from saving meetings.xlsx to the rebuilt preview, once per run."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "preview", "--inputs",
                               str(inputs), "--outputs", str(outputs), "--port", str(port),
                               "--quiet"], cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        wait_for_build(port, 0)
        seconds = []
        for n in range(runs):
            before = build_number(port)
            saved = retitle(inputs / "meetings.xlsx", n)
            wait_for_build(port, before)
            seconds.append(time.perf_counter() - saved)
            time.sleep(0.5)  # the editor reads the page before saving again
        return seconds
    finally:
        server.terminate()
        server.wait()
