"""The build, top to bottom: read, validate, aggregate, plan, then make what changed.

``bulletin_data()`` gathers everything a document shows; ``plan.plan()`` lists
every output; ``make()`` writes the outputs whose key changed into a staging
folder, carries the others over from the previous build (incremental.py), and
renders the PDFs in a pool of processes meanwhile (parallel.py). A partial
build (LANGS, DOCS, FORMATS) carries over too every file of the year it does not
make. The staging folder replaces ``outputs/<year>/`` only when all of it is made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import aggregate, validate
from .compose import imprint
from .config import LANGUAGES, BulletinConfig
from .errors import Report, ValidationFailed
from .model import BulletinData, RawTables, Tables
from .publish import archive, incremental, plan, write
from .read import ingest
from .render import parallel
from .utils.progress import Clock, Progress
from .validate import cells

log = logging.getLogger("iscm")


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    files: tuple[str, ...]
    """The documents and data files in the folder, by their path in it (data/meetings.csv):
    not the assets/ folder nor the manifest (write.published_files)."""
    report: Report
    made: tuple[str, ...] = ()
    """Files this build wrote (assets/… included), in the order they were made."""
    reused: tuple[str, ...] = ()
    """Files carried over unchanged from the previous build: same bytes, same mtime."""
    kept: tuple[str, ...] = ()
    """Files a partial build did not make, carried over as they were (assets/… included)."""
    stale: tuple[str, ...] = ()
    """Of the files kept, those out of date: a full build makes them again."""
    stages: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    """Where the time went, stage by stage, in seconds: they add up to seconds."""
    seconds: float = field(default=0.0, compare=False)


def bulletin_year(config: BulletinConfig, raw: RawTables) -> int | None:
    """The year to build: the one asked for, else the latest year of the inputs."""
    return config.year or cells.default_year(raw)


def check(config: BulletinConfig) -> Report:
    """Validate the inputs only (`iscm check`); write nothing. Raises ValidationFailed."""
    return validated_tables(config)[1]


def read(config: BulletinConfig, clock: Clock) -> tuple[RawTables, int]:
    """The input spreadsheets, and the year to build."""
    raw = ingest.read_inputs(config.inputs_dir)
    clock.lap("read")
    return raw, bulletin_year(config, raw)


def validated(raw: RawTables, year: int, langs: tuple[str, ...], config: BulletinConfig,
              clock: Clock) -> tuple[Tables, Report]:
    """The tables and the report, the names checked in langs. Raises ValidationFailed when
    the inputs have errors (nothing is written)."""
    tables, report = validate.check(raw, year, langs, config.edition_date, config.build_date)
    clock.lap("validate")
    if report.errors:
        raise ValidationFailed(report)
    return tables, report


def validated_tables(config: BulletinConfig, clock: Clock | None = None
                     ) -> tuple[Tables, Report, int]:
    """The inputs read and validated, the report and the year. Raises ValidationFailed when
    the inputs have errors (nothing is written)."""
    clock = clock or Clock()
    raw, year = read(config, clock)
    return *validated(raw, year, config.langs, config, clock), year


def summarised(tables: Tables, year: int, clock: Clock) -> BulletinData:
    data = aggregate.summarise(tables, year)
    clock.lap("aggregate")
    return data


def bulletin_data(config: BulletinConfig, clock: Clock | None = None
                  ) -> tuple[BulletinData, Report]:
    """Everything the documents show, and the report of the inputs: read, validate,
    aggregate. Raises ValidationFailed when the inputs have errors (nothing is written)."""
    clock = clock or Clock()
    tables, report, year = validated_tables(config, clock)
    return summarised(tables, year, clock), report


def build(config: BulletinConfig, jobs: int | None = None, progress: Progress | None = None
          ) -> BuildResult:
    """Build every document of the plan from the spreadsheets in config.inputs_dir.

    jobs: processes rendering PDFs at once (default: one per core; 1: in this process).
    progress: told of each PDF rendered (default: a log line each).
    A partial build keeps the files of the year it does not make; the validation report
    then covers the languages of the documents kept too.
    """
    clock = Clock()
    keys = incremental.Keys(config)
    sources = keys.sources  # before reading: a change made meanwhile shows next time
    clock.lap("hash")
    raw, year = read(config, clock)
    partial = plan.is_partial(config)
    previous = set((incremental.read_manifest(config.outputs_dir / str(year)) or {}).get(
        "outputs", {})) if partial else set()
    languages = plan.folder_languages(config, year, previous)
    in_folder = tuple(lang for lang in LANGUAGES if lang in config.langs
                      or any(lang in langs for langs in languages.values()))
    tables, report = validated(raw, year, in_folder, config, clock)
    data = summarised(tables, year, clock)
    target = config.outputs_dir / str(data.year)
    pool_jobs = jobs if plan.renders_in_pool(config) else 1  # no PDF: no processes to start
    # The workers load WeasyPrint while the plan lays out every page.
    with parallel.PdfRenderer(config, pool_jobs, progress) as renderer:
        targets = plan.plan(data, report, config, keys, languages)  # the HTML laid out here
        clock.lap("plan")
        with write.staging(config, data.year) as folder:
            outputs = make(targets, folder, incremental.Outputs(folder, target, sources),
                           renderer, clock)
            if partial:
                outputs.keep(languages, year)
            outputs.save(report, data.year, data.edition, config.report_lang,
                         imprint.publishers(data.publication))
            files = write.published_files(folder)
    archive.write_archive(config)  # once the year is published: it lists it as it now is
    clock.lap("publish")
    return BuildResult(target, files, report, tuple(outputs.made), tuple(outputs.reused),
                       tuple(outputs.kept), tuple(outputs.stale), tuple(clock.stages.items()),
                       clock.total)


def make(targets: list[plan.Target], folder: Path, outputs: incremental.Outputs,
         renderer: parallel.PdfRenderer, clock: Clock) -> incremental.Outputs:
    """Write the targets whose key changed and carry the others over, while the pool
    renders the PDFs that changed (with one job, the PDFs render after the rest)."""
    for target in targets:  # the pool's first, so that it works while the rest is written
        if target.format.pooled and outputs.needs(target.name, target.key, target.described()):
            renderer.submit(folder / target.name, target.content, target.format.pdf_variant)
    for target in targets:
        if not target.format.pooled:
            outputs.make(target.name, target.key, target.format.write, target.content,
                         about=target.described())
    clock.lap("write")
    renderer.wait()
    clock.lap("pdf")
    return outputs
