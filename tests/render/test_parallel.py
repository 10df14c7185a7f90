"""Parallel rendering: the same bytes as one after another, and errors come back."""

import dataclasses
import io
import logging
import os

import pytest

from pipeline import build
from pipeline.render import parallel
from pipeline.utils import progress
from tests.conftest import golden_plan


def every_file(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_parallel_and_serial_builds_give_the_same_bytes(small_build, tmp_path):
    """Two builds of the same inputs, one rendering its PDFs in this process, the other in
    a pool: every file the same, byte for byte (Arabic: test_build)."""
    config, serial = small_build
    pooled = build.build(dataclasses.replace(config, outputs_dir=tmp_path), jobs=2)
    assert {n for n in serial.made if n.endswith(".pdf")} == {
        r.name for r in golden_plan() if r.format == "pdf" and r.lang == "en"}
    assert sorted(pooled.made) == sorted(serial.made)
    assert every_file(pooled.folder) == every_file(serial.folder)


def test_an_error_in_a_worker_stops_the_build(small_config, monkeypatch, tmp_path):
    def fail(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(parallel.pdf, "write_pdf", fail)  # forked workers inherit it
    with pytest.raises(RuntimeError, match="renderer crashed"):
        with parallel.PdfRenderer(small_config, jobs=2) as pdfs:
            pdfs.submit(tmp_path / "a.pdf", "<p>a</p>")
            pdfs.wait()


def rendered_by(monkeypatch, tmp_path, jobs) -> set[int]:
    """The processes that render four PDFs (each file records its renderer's pid)."""
    monkeypatch.setattr(parallel.pdf, "write_pdf",  # forked workers inherit it
                        lambda path, html, config, cache, variant:
                        path.write_text(str(os.getpid())))
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


class Told:
    """A progress that notes what it is told."""

    def __init__(self):
        self.expected, self.rendered, self.closed = [], [], False

    def expect(self, name):
        self.expected.append(name)

    def done(self, name):
        self.rendered.append(name)

    def close(self):
        self.closed = True


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_progress_counts_every_pdf_whatever_the_jobs(monkeypatch, tmp_path, jobs):
    monkeypatch.setattr(parallel.pdf, "write_pdf",
                        lambda path, html, config, cache, variant: path.write_text(html))
    told = Told()
    with parallel.PdfRenderer(None, jobs, told) as pdfs:
        for n in range(3):
            pdfs.submit(tmp_path / f"{n}.pdf", "<p>x</p>")
        assert told.rendered == []  # counted when waited for (one job: rendered then)
        pdfs.wait()
    assert told.expected == ["0.pdf", "1.pdf", "2.pdf"]
    assert sorted(told.rendered) == told.expected and told.closed


def test_off_a_terminal_each_pdf_is_one_line(caplog):
    caplog.set_level(logging.INFO, logger="iscm")
    lines = progress.Lines()
    for name in ("a.pdf", "b.pdf"):
        lines.expect(name)
    lines.done("b.pdf")
    lines.done("a.pdf")
    assert [r.getMessage() for r in caplog.records] == ["PDF 1/2: b.pdf", "PDF 2/2: a.pdf"]


def test_on_a_terminal_a_bar_counts_the_pdfs_done():
    from rich.console import Console

    screen = io.StringIO()
    bar = progress.Bar(Console(file=screen, force_terminal=True, width=100))
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        bar.expect(name)
    bar.done("a.pdf")
    bar.bar.refresh()
    assert "1/3" in screen.getvalue() and "a.pdf" in screen.getvalue()
    bar.done("b.pdf")
    bar.done("c.pdf")
    bar.close()
    assert "3/3" in screen.getvalue()
