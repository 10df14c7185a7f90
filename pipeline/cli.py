"""Command line: arguments, logging and exit codes. No pipeline logic here.

Exit codes: 0 built, 1 input errors, 2 usage or configuration error.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections import Counter

import click

from .config import LANGUAGES, REPORT_LANGUAGES, check_report_lang, load_config
from .errors import BulletinError, ConfigError, InputError, Report, ValidationFailed
from .publish import incremental
from .publish.outputs import CHOSEN, kinds
from .publish.plan import archive_name, report_page
from .utils import progress
from .wording import ENGLISH, R_, RN_, Wording

log = logging.getLogger("iscm")


def wording_for(report_lang: str | None) -> Wording:
    """How messages are printed: in the report language; in English when it is not one
    (load_config then says so, in English)."""
    try:
        lang = check_report_lang(report_lang)
    except ConfigError:
        return ENGLISH
    if lang == "en":
        return ENGLISH
    from .lang.catalogues import report_wording

    return report_wording(lang)


def print_problems(report: Report, wording: Wording = ENGLISH) -> None:
    """One line per problem, sorted by file, sheet and row, errors and warnings alike;
    on a terminal, the same rows as a table."""
    if report.problems and sys.stderr.isatty():
        from rich.console import Console  # imported here: "up to date" must stay quick

        from .render import validation_report

        Console(stderr=True).print(validation_report.rich_table(report, wording))
        return
    for problem in report.problems:
        click.echo(problem.line(wording), err=True)


def summarise_warnings(report: Report, folder, wording: Wording = ENGLISH) -> None:
    """After a build, warnings in one line by kind: the full list is in the report file
    (and `iscm check` prints it), so a rebuild does not bury its last line."""
    if not report.warnings:
        return
    kinds = Counter(p.code for p in report.warnings)
    by_kind = ", ".join(f"{code} {n}" for code, n in sorted(kinds.items()))
    page = report_page(folder)
    click.echo(RN_("{n} warning ({kinds}): see {page}, or run 'make check'.",
                   "{n} warnings ({kinds}): see {page}, or run 'make check'.",
                   len(report.warnings), kinds=by_kind, page=page).render(wording), err=True)


def summarise_build(result, report_lang: str, wording: Wording, verbose: bool, quiet: bool
                    ) -> None:
    """After a build: with --verbose, each file and the stages' times; the files kept out
    of date, if any; then, unless --quiet, the one-line summary."""
    lines = [*(progress.listing(result, wording) if verbose else []),
             progress.out_of_date(result.stale, result.folder, wording),
             "" if quiet else progress.summary(result, report_lang, wording)]
    for line in filter(None, lines):
        click.echo(line, err=True)


def echo_files(files, kept, wording: Wording) -> None:
    """The files a command kept (kept(path): the message saying why) and those it wrote:
    the translation kit and the update requests, neither of which overwrites a file that
    holds someone's work."""
    for path in files.kept:
        click.echo(kept(path).render(wording), err=True)
    for path in files.written:
        click.echo(f"wrote {path}", err=True)


def setup_logging(quiet: bool) -> None:
    logging.basicConfig(format="%(message)s", level=logging.WARNING if quiet else logging.INFO,
                        stream=sys.stderr)
    # WeasyPrint reports every CSS property it ignores; only its errors matter here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def common_options(function):
    options = [
        click.option("--inputs", type=click.Path(file_okay=False), default=None,
                     help="Folder of input spreadsheets [default: inputs]."),
        click.option("--year", type=int, default=None,
                     help="Bulletin year [default: the latest year with meetings]."),
        click.option("--debug", is_flag=True, help="Show tracebacks for input errors too."),
        click.option("--quiet", "-q", is_flag=True, help="Only print problems."),
        click.option("--report-lang", envvar="REPORT_LANG", default=None,
                     metavar="|".join(REPORT_LANGUAGES),
                     help="Language of the problems and of the validation report "
                          "[default: en; or the REPORT_LANG environment variable]."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


edition_option = click.option(
    "--edition-date", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
    help="Date printed on the documents; meetings that start after it are upcoming "
         "[default: edition_date in publication.xlsx, else the latest meeting date of the "
         "year, never later than today (SOURCE_DATE_EPOCH's date when it is set)].")


def day(value: dt.datetime | None) -> dt.date | None:
    """The date of a --edition-date (click reads it as a datetime)."""
    return value.date() if isinstance(value, dt.datetime) else None


def run(debug: bool, action, wording: Wording = ENGLISH) -> None:
    """Run an action, turning user errors into a message (in the report language) and an
    exit code."""
    try:
        action()
    except BulletinError as error:
        if isinstance(error, ValidationFailed):
            print_problems(error.report, wording)
        if debug:
            raise
        click.echo(R_("Error: {message}", message=error.render(wording)).render(wording),
                   err=True)
        sys.exit(error.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build the ISCM Highlights bulletin and the ISCM table from spreadsheets."""


@main.command()
@common_options
@click.option("--outputs", type=click.Path(file_okay=False), default=None,
              help="Folder for the documents; they go to <outputs>/<year>/ [default: outputs].")
@click.option("--lang", "langs", default=None, metavar="en,fr,…",
              help=f"Languages to build, comma-separated [default: {','.join(LANGUAGES)}].")
@edition_option
@click.option("--formats", default=None, metavar=",".join(CHOSEN),
              help="Kinds of document file to write [default: html,pdf,xlsx]; print: the "
                   "print-ready PDFs of the bulletin and the poster (PDF/X-4, bleed, crop "
                   "marks). The summary and the validation report are always written. html "
                   "alone builds in a moment.")
@click.option("--docs", default=None, metavar=",".join(kinds()),
              help="Documents to build, comma-separated [default: all]; the summary and the "
                   "validation report are always written.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help=f"PDFs rendered at once, each in its own process [default: one per core, "
                   f"{os.cpu_count()}]; 1 renders them one after another in this process.")
@click.option("--verbose", "-v", is_flag=True,
              help="List each file of the year and what became of it (made, unchanged, "
                   "kept), and the time of each stage of the build.")
def build(inputs, year, debug, quiet, report_lang, outputs, langs, edition_date, formats,
          docs, jobs, verbose) -> None:
    """Build the bulletin, the profiles, the ISCM table, the calendar (and its .ics), the
    factsheet and the map (HTML, PDF, XLSX) and the summary JSON.

    Only what changed since the last build is made again; when nothing changed,
    nothing is read and the command says "up to date". With --lang, --docs or
    --formats, the other files of the year are kept as they are.
    """
    setup_logging(quiet)

    def action():
        config = load_config(inputs, outputs, year, langs, day(edition_date), formats,
                             report_lang, docs, kinds(), CHOSEN)
        fresh = incremental.up_to_date(config)
        if fresh is not None:
            folder, report = fresh.folder, fresh.report
            summarise_warnings(report, folder, wording)
            lines = [progress.out_of_date(fresh.stale, folder, wording)]
            if not quiet:
                lines.append(R_("{folder}: up to date (nothing changed since the last build).",
                                folder=progress.shown_path(folder)).render(wording))
            for line in filter(None, lines):
                click.echo(line, err=True)
            pages = [config.outputs_dir / archive_name(lang) for lang in LANGUAGES]
            if not incremental.archive_current(config.outputs_dir, pages):
                from .publish import archive

                archive.write_archive(config)
            return
        from . import build as builder

        result = builder.build(config, jobs, progress.Bar() if sys.stderr.isatty() and not quiet
                               else None)
        summarise_warnings(result.report, result.folder, wording)
        summarise_build(result, config.report_lang, wording, verbose, quiet)

    wording = wording_for(report_lang)
    run(debug, action, wording)


@main.command()
@common_options
@click.option("--lang", "langs", default=None, metavar="en,fr,…",
              help=f"Languages the documents will be built in: what they lack is reported "
                   f"[default: {','.join(LANGUAGES)}].")
@edition_option
def check(inputs, year, debug, quiet, report_lang, langs, edition_date) -> None:
    """Validate the input spreadsheets and list every problem; write nothing."""
    setup_logging(quiet)

    def action():
        from . import build as builder

        report = builder.check(load_config(inputs, year=year, langs=langs,
                                           edition_date=day(edition_date),
                                           report_lang=report_lang))
        print_problems(report, wording)
        click.echo(RN_("No errors in the inputs ({n} warning).",
                       "No errors in the inputs ({n} warnings).",
                       len(report.warnings)).render(wording), err=True)

    wording = wording_for(report_lang)
    run(debug, action, wording)


@main.command("translation-kit")
@common_options
@click.option("--outputs", type=click.Path(file_okay=False), default=None,
              help="The kit goes to <outputs>/translation-kit/ [default: outputs].")
@click.option("--lang", "langs", default=None, metavar="fr,es,…",
              help="Languages to write a kit for [default: fr,es,ru,ar].")
def translation_kit(inputs, year, debug, quiet, report_lang, outputs, langs) -> None:
    """Write, for each language, every text of the year's documents that still lacks a
    translation: strings-<year>-<lang>-<date>.xlsx and .xlf (XLIFF 2.1), to be translated
    and put in inputs/translations/ as they are named, beside the earlier ones. A kit file
    that holds translations is never overwritten. The date is today's, or
    SOURCE_DATE_EPOCH's."""
    setup_logging(quiet)

    def action():
        from . import build as builder
        from .publish import kit
        from .read.formats import translation_files

        config = load_config(inputs, outputs, year, langs, report_lang=report_lang)
        tables, _, year_built = builder.validated_tables(config)
        returned = frozenset(p.stem for p in translation_files(config.inputs_dir))
        files = kit.write_kit(tables, year_built, config.langs, config.outputs_dir,
                              kit.made_now(), returned)
        echo_files(files, lambda path: R_(
            "kept {path}: it holds translations (or is open), so the new kit is written "
            "beside it", path=path), wording)

    wording = wording_for(report_lang)
    run(debug, action, wording)


@main.command()
@common_options
@click.option("--outputs", type=click.Path(file_okay=False), default=None,
              help="The workbooks go to <outputs>/requests/<year>/ [default: outputs].")
@click.option("--mechanisms", default=None, metavar="id,id,…",
              help="The mechanisms to ask, by id (or acronym) [default: every active or "
                   "emerging one].")
def requests(inputs, year, debug, quiet, report_lang, outputs, mechanisms) -> None:
    """Write, for each active or emerging mechanism, its yearly update workbook, pre-filled
    with what the inputs hold for it, in its working language:
    <outputs>/requests/<year>/iscm-update-<year>-<id>.xlsx, to send to its secretariat.
    A workbook already there that holds answers is never overwritten."""
    setup_logging(quiet)

    def action():
        from .updates import request, source

        config = load_config(inputs, outputs, year, report_lang=report_lang)
        data = source.read_source(config.inputs_dir, config.year, config.build_date)
        wanted = tuple(m.strip() for m in mechanisms.split(",") if m.strip()) \
            if mechanisms else ()
        files = request.write_requests(data, config.outputs_dir, config.build_date, wanted)
        echo_files(files, lambda path: R_(
            "kept {path}: it holds answers, so the new workbook is written beside it",
            path=path), wording)

    wording = wording_for(report_lang)
    run(debug, action, wording)


@main.command()
@common_options
@click.option("--outputs", type=click.Path(file_okay=False), default=None,
              help="The review goes to <outputs>/requests/<year>/ [default: outputs].")
@click.option("--returns", "returns_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of the returned workbooks [default: <inputs>/returns].")
@click.option("--apply", "apply_changes", is_flag=True,
              help="Merge the changes into the input workbooks (only when the returns have "
                   "no error); without it, nothing is changed.")
def collect(inputs, year, debug, quiet, report_lang, outputs, returns_dir, apply_changes
            ) -> None:
    """Read the returned update workbooks, check them against the inputs and the contract,
    and show what each secretariat changed (also as outputs/requests/<year>/review-<year>
    .html and .xlsx). Nothing changes until --apply; with it, the changes are merged into
    the input workbooks, each row recording where its change came from."""
    setup_logging(quiet)

    def action():
        from pathlib import Path

        from .updates import merge, report, returns, review, source
        from .updates.request import FOLDER

        config = load_config(inputs, outputs, year, report_lang=report_lang)
        data = source.read_source(config.inputs_dir, config.year, config.build_date)
        folder = Path(returns_dir).resolve() if returns_dir else config.inputs_dir / "returns"
        paths = returns.find_returns(folder)
        if not paths:
            raise InputError(R_("No returned workbook in {folder}: put there the workbooks "
                                "the secretariats sent back, as they are named.",
                                folder=folder))
        found = review.review(data, paths, folder)
        applied = merge.apply(data, found, config.inputs_dir, config.build_date) \
            if apply_changes and not found.errors else None
        pages = report.write_review(found, config,
                                    config.outputs_dir / FOLDER / str(found.year),
                                    config.build_date, applied)
        show_review(found, wording, quiet)
        click.echo(R_("The review: {page} and {sheet}.", page=pages[0],
                      sheet=pages[1].name).render(wording), err=True)
        last = report.summary(found, applied, wording)
        if found.errors:
            raise InputError(last)
        click.echo(last, err=True)

    wording = wording_for(report_lang)
    run(debug, action, wording)


def show_review(found, wording: Wording, quiet: bool) -> None:
    """The review: in a terminal as tables (rich), else one line per problem and change."""
    from .updates import report

    if sys.stdout.isatty():
        report.print_review(found, wording)
        return
    print_problems(Report(found.problems), wording)
    if not quiet:
        for line in report.lines(found, wording):
            click.echo(line)


@main.command()
@click.option("--outputs", type=click.Path(file_okay=False), default=None,
              help="Folder of the built documents; the bundle goes to <outputs>/dist/ "
                   "[default: outputs].")
@click.option("--year", type=int, default=None,
              help="Year to bundle [default: the latest year built under <outputs>].")
@click.option("--partial", is_flag=True,
              help="Bundle an edition that lacks files or holds files out of date, as "
                   "iscm-<year>-partial.zip (never the name of a complete bundle).")
@click.option("--with-report", is_flag=True,
              help="Add the validation report (for the editors; left out by default).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("--quiet", "-q", is_flag=True, help="Only print problems.")
def dist(outputs, year, partial, with_report, debug, quiet) -> None:
    """Bundle a built year for distribution: <outputs>/dist/iscm-<year>.zip (every document
    of the year, README.txt in English and French, SHA256SUMS) and the same SHA256SUMS
    beside it. Reads outputs/<year>/ only: run `make bulletin` first. An edition that
    lacks files, or holds files a partial build kept out of date, is refused, naming
    them, unless --partial."""
    setup_logging(quiet)

    def action():
        from .publish import dist as distribution

        bundle = distribution.make_bundle(load_config(outputs=outputs, year=year), partial,
                                          with_report)
        click.echo(f"wrote {bundle.zip} ({len(bundle.names)} files) and {bundle.sums}",
                   err=True)
        if bundle.missing or bundle.stale:
            click.echo(f"{bundle.zip.name} is partial: its README.txt says what it lacks.",
                       err=True)

    run(debug, action)


@main.command()
@common_options
@click.option("--outputs", type=click.Path(file_okay=False), default=None,
              help="The preview goes to <outputs>/.preview/, never <outputs>/<year>/ "
                   "[default: outputs].")
@click.option("--lang", "langs", default=None, metavar="en,fr,…",
              help=f"Languages to preview [default: {','.join(LANGUAGES)}].")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 to serve the preview on.")
@edition_option
def preview(inputs, year, debug, quiet, report_lang, outputs, langs, port, edition_date
            ) -> None:
    """Serve the HTML documents on 127.0.0.1 and rebuild them whenever an input
    spreadsheet or a template is saved; the open page reloads by itself. Ctrl-C stops."""
    setup_logging(quiet)

    def action():
        from . import preview as previewer

        previewer.serve(load_config(inputs, outputs, year, langs, day(edition_date),
                                    report_lang=report_lang), port)

    run(debug, action, wording_for(report_lang))
