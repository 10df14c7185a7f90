"""Render the PDFs in a pool of processes, one whole document per task.

WeasyPrint lays out in Python, holding the GIL: threads would not help, so each
document goes to a worker process (forked: it starts with the pipeline already
imported and imports WeasyPrint once). A worker keeps one WeasyPrint cache for
all the documents it renders. Tasks run in the order they are submitted: the
caller submits the longest documents first, so that no long one is left for
the end. With jobs=1 the documents render here, one after another; the bytes
are the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from . import write
from .config import BulletinConfig

CACHE: dict = {}
"""WeasyPrint's cache, shared by the documents one process renders."""


def default_jobs() -> int:
    return os.cpu_count() or 1


def render_pdf(path: Path, html: str, config: BulletinConfig) -> Path:
    return write.write_pdf(path, html, config, cache=CACHE)


class PdfRenderer:
    """Renders PDFs in the background while the caller writes the other files.

    Leaving the ``with`` block waits for every PDF and raises the first error.
    """

    def __init__(self, config: BulletinConfig, jobs: int | None = None):
        self.config = config
        self.jobs = max(1, jobs or default_jobs())
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future] = []

    def submit(self, path: Path, html: str) -> None:
        if self.jobs == 1:
            render_pdf(path, html, self.config)
            return
        if self.pool is None:
            # fork, so workers start without importing the pipeline again (Linux's default,
            # named because Python 3.14 changes the default).
            context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=context)
        self.futures.append(self.pool.submit(render_pdf, path, html, self.config))

    def __enter__(self) -> PdfRenderer:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if self.pool is None:
            return
        try:
            if error is None:
                for future in self.futures:
                    future.result()
        finally:
            self.pool.shutdown(cancel_futures=True)
