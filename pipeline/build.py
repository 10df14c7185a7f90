"""The build, top to bottom: read, validate, aggregate, plan, then make what changed.

``bulletin_data()`` gathers everything a document shows; ``plan.plan()`` lists
every output; ``make()`` writes the outputs whose key changed into a staging
folder, carries the others over from the previous build (incremental.py), and
renders the PDFs in a pool of processes meanwhile (parallel.py). The staging
folder replaces ``outputs/<year>/`` only when all of it is made.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from . import aggregate, archive, cells, incremental, ingest, parallel, plan, validate, write
from .config import BulletinConfig
from .errors import Report, ValidationFailed
from .model import BulletinData, RawTables, Tables

log = logging.getLogger("iscm")


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    files: tuple[str, ...]
    """The documents in the folder (not the assets/ folder nor the manifest)."""
    report: Report
    made: tuple[str, ...] = ()
    """Files this build wrote (assets/… included), in the order they were made."""
    reused: tuple[str, ...] = ()
    """Files carried over unchanged from the previous build: same bytes, same mtime."""


@contextlib.contextmanager
def timed(stage: str):
    """Log one line per stage with its duration."""
    started = time.perf_counter()
    yield
    log.info("%-10s %6.2f s", stage, time.perf_counter() - started)


def bulletin_year(config: BulletinConfig, raw: RawTables) -> int | None:
    """The year to build: the one asked for, else the latest year of the inputs."""
    return config.year or cells.default_year(raw)


def check(config: BulletinConfig) -> Report:
    """Validate the inputs only (`iscm check`); write nothing. Raises ValidationFailed."""
    return validated_tables(config)[1]


def validated_tables(config: BulletinConfig) -> tuple[Tables, Report, int]:
    """The inputs read and validated, the report and the year. Raises ValidationFailed when
    the inputs have errors (nothing is written)."""
    with timed("read"):
        raw = ingest.read_inputs(config.inputs_dir)
    year = bulletin_year(config, raw)
    with timed("validate"):
        tables, report = validate.check(raw, year, config.langs, config.edition_date,
                                        config.build_date)
    if report.errors:
        raise ValidationFailed(report)
    return tables, report, year


def bulletin_data(config: BulletinConfig) -> tuple[BulletinData, Report]:
    """Everything the documents show, and the report of the inputs: read, validate,
    aggregate. Raises ValidationFailed when the inputs have errors (nothing is written)."""
    tables, report, year = validated_tables(config)
    with timed("aggregate"):
        return aggregate.summarise(tables, year), report


def build(config: BulletinConfig, jobs: int | None = None) -> BuildResult:
    """Build every document of the plan from the spreadsheets in config.inputs_dir.

    jobs: processes rendering PDFs at once (default: one per core; 1: in this process).
    """
    started = time.perf_counter()
    keys = incremental.Keys(config)
    fingerprint = keys.fingerprint  # before reading: a change made meanwhile shows next time
    data, report = bulletin_data(config)
    target = config.outputs_dir / str(data.year)
    pool_jobs = jobs if "pdf" in config.formats else 1  # no PDF: no processes to start
    # The workers load WeasyPrint while the plan lays out every page.
    with parallel.PdfRenderer(config, pool_jobs) as renderer:
        with timed("plan"):  # the HTML pages are laid out here: the PDFs' keys hash them
            targets = plan.plan(data, report, config, keys)
        with write.staging(config, data.year) as folder:
            outputs = make(targets, folder, target, renderer)
            outputs.save(fingerprint, report, data.year, data.edition)
            files = tuple(sorted(p.name for p in folder.iterdir()
                                 if p.is_file() and not p.name.startswith(".")))
    with timed("archive"):  # once the year is published: the page lists it as it now is
        archive.write_archive(config)
    made = [t.name for t in targets if t.format != "asset" and t.name in outputs.made]
    log.info("Made %s", ", ".join(made) or "nothing")
    log.info("Done: %d files in %s (%d made, %d unchanged) in %.1f s", len(files), target,
             len(made), len(files) - len(made), time.perf_counter() - started)
    return BuildResult(target, files, report, tuple(outputs.made), tuple(outputs.reused))


def make(targets: list[plan.Target], folder: Path, previous: Path,
         renderer: parallel.PdfRenderer) -> incremental.Outputs:
    """Write the targets whose key changed and carry the others over, while the pool
    renders the PDFs that changed."""
    outputs = incremental.Outputs(folder, previous)
    for target in targets:  # the PDFs first, so that the pool works while the rest is written
        if target.format == "pdf" and outputs.needs(target.name, target.key):
            renderer.submit(folder / target.name, target.html)
    with timed("write"):
        for target in targets:
            if target.format != "pdf":
                outputs.make(target.name, target.key, target.write)
    with timed("pdf"):
        renderer.wait()
    return outputs
