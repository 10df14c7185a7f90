"""How a build shows its progress and where its time went.

Rendering the PDFs takes most of a full build (minutes): on a terminal a bar
counts them (rich, on stderr, gone once the build is done); elsewhere (a log
file, CI) each PDF is one line, so that a log stays readable and still shows
progress. Both count the PDFs done out of those to render, whatever the number
of processes rendering them.

``Clock`` times a build in stages that follow one another, so that they add up to
the whole build: each stage is the time since the previous one ended. At the end,
the command says in one line what the year's folder holds and how long it took
(``summary``), which files kept are out of date (``out_of_date``), and with
--verbose each file and each stage (``listing``), in the report's language.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from time import perf_counter
from typing import Protocol

from ..wording import R_, RN_, Wording

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


def shown_path(path: Path) -> str:
    """A path as the editor typed it: relative to the current folder when under it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def shown_seconds(seconds: float, lang: str) -> str:
    """'211', '2.4' ('2,4' in French): whole seconds from ten on."""
    if seconds >= 10:
        return f"{seconds:.0f}"
    if lang == "en":
        return f"{seconds:.1f}"
    from babel.numbers import format_decimal  # imported here: the quick path never needs it

    return format_decimal(seconds, format="0.0", locale=lang)


def documents(names) -> list[str]:
    """The documents and data files of the year's folder (data/meetings.csv too): not its
    assets/ (publish/write.ASSETS), which the summary does not count."""
    return [name for name in names if not name.startswith("assets/")]


def listing(result, wording: Wording) -> list[str]:
    """--verbose: each file of the build.BuildResult and what became of it, then the time
    of each stage and of the whole."""
    lines = [*(R_("made: {name}", name=name) for name in documents(result.made)),
             *(R_("unchanged: {name}", name=name) for name in documents(result.reused)),
             *(R_("kept, out of date: {name}", name=name) if name in result.stale
               else R_("kept: {name}", name=name) for name in dict.fromkeys(
                 [*documents(result.kept), *result.stale]))]
    stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in result.stages)
    total = f"{result.seconds:.2f}"
    lines.append(R_("Time: {stages}; {seconds} s in all.", stages=stages, seconds=total))
    return [line.render(wording) for line in lines]


def out_of_date(stale: tuple[str, ...], folder: Path, wording: Wording) -> str:
    """The files a partial build kept that are out of date, counted, and what to run;
    '' if none is."""
    return RN_("{n} file kept from an earlier build is out of date: run 'make bulletin "
               "YEAR={year}' to bring it up to date.",
               "{n} files kept from an earlier build are out of date: run 'make bulletin "
               "YEAR={year}' to bring them up to date.", len(stale), year=folder.name
               ).render(wording) if stale else ""


def summary(result, lang: str, wording: Wording) -> str:
    """How many files the year's folder holds, how many this build made, found unchanged
    and kept from an earlier one, and in how long."""
    made, reused, kept = (documents(names) for names in (result.made, result.reused,
                                                         result.kept))
    counts = [RN_("{n} made", "{n} made", len(made))]
    if reused:
        counts.append(RN_("{n} unchanged", "{n} unchanged", len(reused)))
    if kept:
        counts.append(RN_("{n} kept from an earlier build", "{n} kept from an earlier build",
                          len(kept)))
    return RN_("{n} file in {folder}: {counts}, in {seconds} s.",
               "{n} files in {folder}: {counts}, in {seconds} s.", len(result.files),
               folder=shown_path(result.folder),
               counts=", ".join(count.render(wording) for count in counts),
               seconds=shown_seconds(result.seconds, lang)).render(wording)
