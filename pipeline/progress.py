"""How a build shows its progress and where its time went.

Rendering the PDFs takes most of a full build (minutes): on a terminal a bar
counts them (rich, on stderr, gone once the build is done); elsewhere (a log
file, CI) each PDF is one line, so that a log stays readable and still shows
progress. Both count the PDFs done out of those to render, whatever the number
of processes rendering them.

``Clock`` times a build in stages that follow one another, so that they add up to
the whole build: each stage is the time since the previous one ended.
"""

from __future__ import annotations

import logging
import threading
from time import perf_counter
from typing import Protocol

log = logging.getLogger("iscm")


class Progress(Protocol):
    """Told of each PDF to render and of each one rendered (from any thread)."""

    def expect(self, name: str) -> None: ...

    def done(self, name: str) -> None: ...

    def close(self) -> None: ...


class Lines:
    """One log line per PDF rendered: 'PDF 3/12: iscm-table-2025-fr.pdf'."""

    def __init__(self):
        self.total = self.count = 0
        self.lock = threading.Lock()

    def expect(self, name: str) -> None:
        with self.lock:
            self.total += 1

    def done(self, name: str) -> None:
        with self.lock:
            self.count += 1
            log.info("PDF %d/%d: %s", self.count, self.total, name)

    def close(self) -> None:
        pass


class Bar:
    """A progress bar over the PDFs on the terminal (stderr), removed when they are all
    rendered: the build's summary line is what stays."""

    def __init__(self, console=None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(TextColumn("PDF"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.fields[name]}"),
                            console=console or Console(stderr=True), transient=True)
        self.task = None

    def expect(self, name: str) -> None:
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task("PDF", total=0, name="")
        self.bar.update(self.task, total=self.bar.tasks[0].total + 1)

    def done(self, name: str) -> None:
        self.bar.update(self.task, advance=1, name=name)

    def close(self) -> None:
        if self.task is not None:
            self.bar.stop()


class Clock:
    """A build's stages, timed one after the other: they add up to its total."""

    def __init__(self):
        self.started = self.mark = perf_counter()
        self.stages: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        """The time since the previous stage ended was spent on this one."""
        now = perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + now - self.mark
        self.mark = now

    @property
    def total(self) -> float:
        """From the start to the end of the last stage."""
        return self.mark - self.started
