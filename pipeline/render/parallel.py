"""Render the PDFs in a pool of processes, one whole document per task.

WeasyPrint lays out in Python, holding the GIL: threads would not help, so each
document goes to a worker process. Workers are forked when the build starts,
with the pipeline already imported, and load WeasyPrint while the parent reads
the inputs. A worker keeps one WeasyPrint cache for all the documents it
renders. Tasks run in the order they are submitted: the caller submits the
longest documents first, so that no long one is left for the end. With jobs=1
the documents render in this process, one after another; the bytes are the
same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from ..config import BulletinConfig
from ..utils.progress import Lines, Progress
from . import pdf

CACHE: dict = {}
"""WeasyPrint's cache, shared by the documents one process renders."""


def default_jobs() -> int:
    return os.cpu_count() or 1


def load_renderer() -> None:
    import weasyprint  # noqa: F401  (half a second: done by each worker while the parent works)


def render_pdf(path: Path, html: str, config: BulletinConfig, variant: str = pdf.ACCESSIBLE
               ) -> Path:
    return pdf.write_pdf(path, html, config, cache=CACHE, variant=variant)


class PdfRenderer:
    """Renders PDFs in the background while the caller does the rest of the build.

    The workers start when it is created. ``wait()`` returns when every PDF is
    written and raises the first error; leaving the ``with`` block stops the workers
    (and the progress bar).
    """

    def __init__(self, config: BulletinConfig, jobs: int | None = None,
                 progress: Progress | None = None):
        self.config = config
        self.jobs = max(1, jobs or default_jobs())
        self.progress = progress or Lines()
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[Future, str] = {}
        """The pool's tasks and the names of the PDFs they render."""
        self.queue: list[tuple[Path, str, str]] = []
        """With one job: the PDFs to render in this process when the caller waits."""
        if self.jobs > 1:
            # fork: workers start without importing the pipeline again (Linux's default,
            # named because Python 3.14 changes the default).
            context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=context,
                                            initializer=load_renderer)
            self.pool.submit(int)  # start the workers now, not at the first PDF

    def submit(self, path: Path, html: str, variant: str = pdf.ACCESSIBLE) -> None:
        """Render html to path as a PDF of that variant (pdf/ua-1, or pdf/x-4 for print)."""
        self.progress.expect(path.name)
        if self.pool is None:
            self.queue.append((path, html, variant))
        else:
            self.futures[self.pool.submit(render_pdf, path, html, self.config, variant)] = \
                path.name

    def wait(self) -> None:
        """Render the queue (one job), or wait for the pool; each PDF counted as it ends."""
        while self.queue:
            path, html, variant = self.queue.pop(0)
            render_pdf(path, html, self.config, variant)
            self.progress.done(path.name)
        for future in as_completed(self.futures):
            future.result()
            self.progress.done(self.futures[future])

    def __enter__(self) -> PdfRenderer:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.progress.close()
        if self.pool is not None:
            # After an error, do not wait for workers still loading WeasyPrint.
            self.pool.shutdown(wait=error is None, cancel_futures=True)
