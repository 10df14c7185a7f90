"""The build, top to bottom: read, validate, aggregate, render, write."""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from . import aggregate, ingest, render, validate, validation_report, write
from .config import BulletinConfig
from .errors import Report, ValidationFailed

log = logging.getLogger("iscm")


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    files: tuple[str, ...]
    report: Report


@contextlib.contextmanager
def timed(stage: str):
    """Log one line per stage with its duration."""
    started = time.perf_counter()
    yield
    log.info("%-10s %6.2f s", stage, time.perf_counter() - started)


def check(config: BulletinConfig) -> Report:
    """Read and validate the inputs; write nothing. Raises ValidationFailed on errors."""
    with timed("read"):
        raw = ingest.read_inputs(config.inputs_dir)
    with timed("validate"):
        tables, report = validate.check(raw, config.year, config.langs)
    if report.errors:
        raise ValidationFailed(report)
    return report


def build(config: BulletinConfig) -> BuildResult:
    """Build the bulletin and the ISCM table from the spreadsheets in config.inputs_dir."""
    started = time.perf_counter()
    with timed("read"):
        raw = ingest.read_inputs(config.inputs_dir)
    with timed("validate"):
        tables, report = validate.check(raw, config.year, config.langs)
    if report.errors:
        raise ValidationFailed(report)  # nothing is written
    with timed("aggregate"):
        data = aggregate.summarise(tables, report.year, config.edition_date)
    with write.staging(config, data.year) as folder:
        write.copy_assets(config, folder)
        write.write_json(folder / f"summary-{data.year}.json", data.summary)
        for lang in config.langs:
            for kind in (render.BULLETIN, render.TABLE):
                with timed(f"{kind} {lang}"):
                    html = render.render_html(data, kind, lang, config)
                    stem = folder / render.document_name(kind, data.year, lang, "")
                    write.write_text(stem.with_suffix(".html"), html)
                    write.write_pdf(stem.with_suffix(".pdf"), html, config)
            with timed(f"xlsx {lang}"):
                write.write_xlsx(folder / render.document_name(render.TABLE, data.year, lang,
                                                               "xlsx"),
                                 *render.table_sheet(data, lang), edition=data.edition_date)
        with timed("report"):
            stem = folder / validation_report.file_stem(data.year)
            write.write_text(stem.with_suffix(".html"),
                             validation_report.render_html(report, config))
            write.write_xlsx(stem.with_suffix(".xlsx"), *validation_report.report_sheet(report),
                             edition=data.edition_date)
        files = tuple(sorted(p.name for p in folder.iterdir() if p.is_file()))
    target = config.outputs_dir / str(data.year)
    log.info("Done: wrote %d files to %s in %.1f s", len(files), target,
             time.perf_counter() - started)
    return BuildResult(target, files, report)
