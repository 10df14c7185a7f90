"""The build, top to bottom: read, validate, aggregate, render, write.

Only what changed is made again: each output is carried over from the previous
build when what it is made from has not changed (incremental.py). The PDFs
render in a pool of processes while the other files are written (parallel.py).
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from . import aggregate, incremental, ingest, parallel, render, validate, validation_report, write
from .config import BulletinConfig
from .errors import Report, ValidationFailed
from .model import Tables

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


def read_and_validate(config: BulletinConfig) -> tuple[Tables, Report]:
    """Read and validate the inputs; write nothing. Raises ValidationFailed on errors."""
    with timed("read"):
        raw = ingest.read_inputs(config.inputs_dir)
    with timed("validate"):
        tables, report = validate.check(raw, config.year, config.langs)
    if report.errors:
        raise ValidationFailed(report)  # nothing is written
    return tables, report


def check(config: BulletinConfig) -> Report:
    """Validate the inputs only (`iscm check`)."""
    return read_and_validate(config)[1]


def build(config: BulletinConfig, jobs: int | None = None) -> BuildResult:
    """Build the bulletin and the ISCM table from the spreadsheets in config.inputs_dir.

    jobs: processes rendering PDFs at once (default: one per core; 1: in this process).
    """
    started = time.perf_counter()
    keys = incremental.Keys(config)
    fingerprint = keys.fingerprint  # before reading: a change made meanwhile shows next time
    with parallel.PdfRenderer(config, jobs) as pdfs:  # its workers start loading WeasyPrint
        tables, report = read_and_validate(config)
        with timed("aggregate"):
            data = aggregate.summarise(tables, report.year, config.edition_date)
        year = data.year
        target = config.outputs_dir / str(year)
        with write.staging(config, year) as folder, timed("write"):
            outputs = incremental.Outputs(folder, previous=target)
            for kind in (render.BULLETIN, render.TABLE):  # the longest documents first
                for lang in config.langs:
                    stem = render.document_name(kind, year, lang, "")
                    html = render.render_html(data, kind, lang, config)
                    outputs.make(f"{stem}.html", incremental.digest(html), write.write_text, html)
                    if "pdf" in config.formats and outputs.needs(f"{stem}.pdf", keys.pdf(html)):
                        pdfs.submit(folder / f"{stem}.pdf", html)
            for lang in config.langs if "xlsx" in config.formats else ():
                sheet = render.table_sheet(data, lang)
                outputs.make(render.document_name(render.TABLE, year, lang, "xlsx"),
                             keys.data(sheet, data.edition_date), write.write_xlsx, *sheet,
                             edition=data.edition_date)
            text = write.summary_json(data.summary)
            outputs.make(f"summary-{year}.json", incremental.digest(text), write.write_text, text)
            stem = validation_report.file_stem(year)
            page = validation_report.render_html(report, config)
            outputs.make(f"{stem}.html", incremental.digest(page), write.write_text, page)
            sheet = validation_report.report_sheet(report)
            outputs.make(f"{stem}.xlsx", keys.data(sheet, data.edition_date), write.write_xlsx,
                         *sheet, edition=data.edition_date)
            for name, source in write.asset_files(config):
                outputs.make(name, incremental.file_digest(source), write.copy_file, source)
            pdfs.wait()
            outputs.save(fingerprint, report)
            files = tuple(sorted(p.name for p in folder.iterdir()
                                 if p.is_file() and not p.name.startswith(".")))
    made = [name for name in outputs.made if "/" not in name]  # documents, not assets/
    log.info("Made %s", ", ".join(made) or "nothing")
    log.info("Done: %d files in %s (%d made, %d unchanged) in %.1f s", len(files), target,
             len(made), len(files) - len(made), time.perf_counter() - started)
    return BuildResult(target, files, report, tuple(outputs.made), tuple(outputs.reused))
