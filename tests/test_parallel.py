"""Parallel rendering: the same bytes as one after another, and errors come back."""

import os

import pytest

from pipeline import build, parallel
from pipeline.config import load_config


def every_file(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_parallel_and_serial_builds_give_the_same_bytes(small_inputs, tmp_path):
    serial = build.build(load_config(small_inputs, tmp_path / "serial", langs="en"), jobs=1)
    pooled = build.build(load_config(small_inputs, tmp_path / "pooled", langs="en"), jobs=2)
    assert {n for n in serial.made if n.endswith(".pdf")} == {
        "iscm-highlights-2025-en.pdf", "iscm-table-2025-en.pdf"}
    assert sorted(pooled.made) == sorted(serial.made)
    assert every_file(pooled.folder) == every_file(serial.folder)


def test_an_error_in_a_worker_stops_the_build(small_config, monkeypatch, tmp_path):
    def fail(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(parallel.write, "write_pdf", fail)  # forked workers inherit it
    with pytest.raises(RuntimeError, match="renderer crashed"):
        with parallel.PdfRenderer(small_config, jobs=2) as pdfs:
            pdfs.submit(tmp_path / "a.pdf", "<p>a</p>")
            pdfs.wait()


def test_one_job_renders_in_this_process():
    with parallel.PdfRenderer(None, jobs=1) as serial:
        assert serial.pool is None
    assert parallel.default_jobs() == os.cpu_count()
