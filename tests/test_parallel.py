"""Parallel rendering: the same bytes as one after another, and errors come back."""

import dataclasses
import os

import pytest

from pipeline import build, parallel


def every_file(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_parallel_and_serial_builds_give_the_same_bytes(small_build, tmp_path):
    """Two builds of the same inputs, one rendering its PDFs in this process, the other in
    a pool: every file the same, byte for byte (Arabic: test_build)."""
    config, serial = small_build
    pooled = build.build(dataclasses.replace(config, outputs_dir=tmp_path), jobs=2)
    assert {n for n in serial.made if n.endswith(".pdf")} == {
        "iscm-highlights-2025-en.pdf", "iscm-table-2025-en.pdf", "iscm-calendar-2025-en.pdf",
        "iscm-profiles-2025-en.pdf", "iscm-factsheet-2025-en.pdf", "iscm-map-2025-en.pdf"}
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


def rendered_by(monkeypatch, tmp_path, jobs) -> set[int]:
    """The processes that render four PDFs (each file records its renderer's pid)."""
    monkeypatch.setattr(parallel.write, "write_pdf",  # forked workers inherit it
                        lambda path, html, config, cache: path.write_text(str(os.getpid())))
    with parallel.PdfRenderer(None, jobs) as pdfs:
        for n in range(4):
            pdfs.submit(tmp_path / f"{n}.pdf", "<p>x</p>")
        pdfs.wait()
    return {int((tmp_path / f"{n}.pdf").read_text()) for n in range(4)}


def test_one_job_renders_in_this_process(monkeypatch, tmp_path):
    assert rendered_by(monkeypatch, tmp_path, jobs=1) == {os.getpid()}


def test_by_default_the_pdfs_render_in_other_processes(monkeypatch, tmp_path):
    renderers = rendered_by(monkeypatch, tmp_path, jobs=None)
    if (os.cpu_count() or 1) > 1:
        assert os.getpid() not in renderers
    else:
        assert renderers == {os.getpid()}
