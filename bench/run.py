"""`make bench`: the build against WeasyPrint alone, rebuilds, and scaling to 100x the data.

Prints a table and writes docs/performance.md. Every figure is the median of
--runs runs (min–max alongside) made in this one invocation, the full build
and the floor alternating so that a change of load on the machine hits both.
Builds and the floor run as separate processes, as an editor runs them; the
shipped inputs are copied first and never modified.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import openpyxl
import psutil
from pypdf import PdfReader

from bench import synthetic
from bench.preview import measure_preview
from pipeline.publish.incremental import YEAR_FOLDER

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "performance.md"
PYTHON = sys.executable
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "pandas", "python-calamine", "openpyxl",
             "Jinja2", "babel", "psutil")
SCALES = (1, 10, 100)
POLL_SECONDS = 0.05


@dataclass
class Run:
    seconds: float
    peak_mb: float
    """Peak of the summed resident memory of the process and its children."""
    cpu: float
    """CPU time (user and system) of the process and its children."""
    stdout: str
    stderr: str


def run(command: list[str]) -> Run:
    """Run a command to its end: wall time, CPU time, and its process tree's memory sampled
    meanwhile."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    output: dict[str, str] = {}
    reader = threading.Thread(target=lambda: output.update(
        zip(("stdout", "stderr"), process.communicate())))
    reader.start()
    peak = 0
    while reader.is_alive():
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:  # a worker ended while being measured
            pass
        reader.join(POLL_SECONDS)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers too, once joined
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{output['stderr']}")
    return Run(seconds, peak / 2**20, cpu, output["stdout"], output["stderr"])


@dataclass
class Figure:
    """One measured quantity over several runs."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def show(self, unit: str, digits: int = 2) -> str:
        low, high = min(self.values), max(self.values)
        return f"{self.median:.{digits}f} {unit} ({low:.{digits}f}–{high:.{digits}f})"


def build_command(inputs: Path, outputs: Path, jobs: int | None) -> list[str]:
    return [PYTHON, "-m", "pipeline", "build", "--inputs", str(inputs), "--outputs",
            str(outputs), "--verbose", "--report-lang", "en",
            *(["--jobs", str(jobs)] if jobs else [])]


def edit_summary(inputs: Path, year: int, text: str) -> str:
    """Change the summary of the first meeting of the year that has one; its title."""
    path = inputs / "meetings.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["meetings"]
    header = synthetic.canonical([cell.value for cell in sheet[1]], "meetings")
    start, summary, title = (header.index(c) for c in ("start_date", "summary", "title"))
    for row in sheet.iter_rows(min_row=2):
        if isinstance(row[start].value, dt.datetime) and row[start].value.year == year \
                and row[summary].value:
            row[summary].value = f"{row[summary].value} {text}"
            book.save(path)
            return row[title].value
    raise SystemExit(f"No meeting with a summary in {year}.")


def made(stderr: str) -> set[str]:
    """The files a build says it made (--verbose: 'made: a.pdf', one a line)."""
    return {line.removeprefix("made: ") for line in stderr.splitlines()
            if line.startswith("made: ")}


def measure_builds(work: Path, runs: int, jobs: int | None) -> dict:
    """Figures 1–3: full build, floor, no-op and one-summary rebuilds."""
    inputs = work / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    full, full_mb, floor, floor_mb = Figure(), Figure(), Figure(), Figure()
    full_cpu, floor_cpu = Figure(), Figure()
    per_document: dict[str, Figure] = {}
    for i in range(runs):
        build = run(build_command(inputs, work / f"full-{i}", jobs))
        full.values.append(build.seconds)
        full_mb.values.append(build.peak_mb)
        full_cpu.values.append(build.cpu)
        folder = next(p for p in (work / f"full-{i}").iterdir()  # not the archive pages
                      if p.is_dir() and YEAR_FOLDER.fullmatch(p.name))
        pages = sorted(p for p in folder.glob("*.html") if p.with_suffix(".pdf").exists())
        rendered = run([PYTHON, "-m", "bench.floor", str(work / f"floor-{i}"), *map(str, pages)])
        floor.values.append(rendered.seconds)
        floor_mb.values.append(rendered.peak_mb)
        floor_cpu.values.append(rendered.cpu)
        for name, seconds in json.loads(rendered.stdout).items():
            per_document.setdefault(name, Figure()).values.append(seconds)
        for pdf in folder.glob("*.pdf"):
            alone = work / f"floor-{i}" / pdf.name
            # The build drops the notes pages a booklet does not need (render/pdf.py,
            # booklet_pages): the floor renders them all.
            notes = pdf.with_suffix(".html").read_text(encoding="utf-8").count(
                'class="notes-page')
            dropped = len(PdfReader(alone).pages) - len(PdfReader(pdf).pages)
            if not 0 <= dropped <= notes:
                raise SystemExit(f"{pdf.name}: the floor's PDF has other pages than the build's.")
    year = int(folder.name)
    languages = sorted(re.sub(rf"^iscm-table-{year}-(\w+)\.html$", r"\1", p.name)
                       for p in pages if p.name.startswith("iscm-table-"))
    out = work / "full-0"
    noop = Figure()
    for _ in range(runs):
        again = run(build_command(inputs, out, jobs))
        if "up to date" not in again.stderr:
            raise SystemExit(f"A rebuild of unchanged inputs was not up to date:\n{again.stderr}")
        noop.values.append(again.seconds)
    summary, remade = Figure(), set()
    # The bulletins show the summary; the validation report changes too when the summary
    # has translations, which the edit makes outdated (translation-outdated). Nothing else
    # is made again.
    expected = {f"iscm-highlights-{year}-{lang}.{suffix}" for lang in languages
                for suffix in ("html", "pdf")}
    report = {f"validation-report-{year}.{suffix}" for suffix in ("html", "xlsx")}
    for i in range(runs):
        title = edit_summary(inputs, year, f"(Revised, benchmark run {i + 1}.)")
        rebuild = run(build_command(inputs, out, jobs))
        summary.values.append(rebuild.seconds)
        remade = made(rebuild.stderr)
        if remade - report != expected:
            raise SystemExit(f"Changing the summary of '{title}' remade {sorted(remade)}, "
                             f"not {sorted(expected)}.")
    preview_inputs = work / "preview-inputs"
    shutil.copytree(ROOT / "inputs", preview_inputs)
    preview = Figure(measure_preview(preview_inputs, work / "preview", runs))
    startup = Figure([run([PYTHON, "-c", "pass"]).seconds for _ in range(runs)])
    cli_import = Figure([run([PYTHON, "-c", "import pipeline.cli"]).seconds
                         for _ in range(runs)])
    return {"full": full, "full_mb": full_mb, "floor": floor, "floor_mb": floor_mb,
            "full_cpu": full_cpu, "floor_cpu": floor_cpu,
            "per_document": per_document, "noop": noop, "summary": summary,
            "remade": sorted(remade), "expected": sorted(expected), "report": sorted(report),
            "edited": title,
            "startup": startup, "cli_import": cli_import, "documents": len(pages),
            "preview": preview,
            "languages": languages, "year": year}


def measure_scaling(work: Path, runs: int) -> dict:
    """Figures 4–5: read to aggregate at 1x, 10x, 100x; calamine against openpyxl."""
    sizes = {}
    for scale in SCALES:
        folder = synthetic.generate(scale, work / f"synthetic-{scale}x")
        results = [json.loads(run([PYTHON, "-m", "bench.stages", str(folder)]).stdout)
                   for _ in range(runs)]
        sizes[scale] = {"seconds": Figure([r["seconds"] for r in results]),
                        "cpu": Figure([r["cpu"] for r in results]),
                        "peak_mb": Figure([r["peak_mb"] for r in results]),
                        "rows": results[0]["rows"]}
    largest = work / f"synthetic-{SCALES[-1]}x"
    engines = {engine: Figure([json.loads(run([PYTHON, "-m", "bench.stages", str(largest),
                                               engine]).stdout)["seconds"]
                               for _ in range(runs)])
               for engine in ("calamine", "openpyxl")}
    return {"sizes": sizes, "engines": engines}


def machine(loads: tuple[str, str]) -> list[tuple[str, str]]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    return [
        ("cores", f"{os.cpu_count()} ({cpu})"),
        ("memory", f"{psutil.virtual_memory().total / 2**30:.1f} GiB"),
        ("system", platform.platform()),
        ("Python", platform.python_version()),
        ("libraries", ", ".join(f"{name} {metadata.version(name)}" for name in LIBRARIES)),
        ("load average (1, 5, 15 min) at the start, at the end", " · ".join(loads)),
    ]


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def results_table(b: dict, s: dict) -> tuple[list[list[str]], dict[str, bool]]:
    full = b["full"].median
    ratio = Figure([f / g for f, g in zip(b["full"].values, b["floor"].values)])
    noop = Figure([n / full for n in b["noop"].values])
    summary = Figure([n / full for n in b["summary"].values])
    small, large = s["sizes"][SCALES[0]], s["sizes"][SCALES[-1]]
    scaling = large["seconds"].median / small["seconds"].median
    engines = s["engines"]
    engine_ratio = engines["openpyxl"].median / engines["calamine"].median
    met = {
        "floor": ratio.median <= 0.6,
        "noop": noop.median <= 0.02,
        "summary": set(b["remade"]) - set(b["report"]) == set(b["expected"]),
        "time100": large["seconds"].median <= 3,
        "memory100": large["peak_mb"].median <= 1024,
        "scaling": scaling <= 100,
        "memory": b["full_mb"].median <= 1536,
        "preview": b["preview"].median <= 1,
    }
    n = f"{b['documents']} PDF and HTML documents in {len(b['languages'])} language(s)"
    rows = [
        ["1", f"Full build, cold: {n}, XLSX, JSON", b["full"].show("s"), "", ""],
        ["1", "CPU time of the full build (all processes)", b["full_cpu"].show("s"), "", ""],
        ["1", "Peak memory of the full build (all processes)", b["full_mb"].show("MB", 0),
         "≤ 1536 MB", verdict(met["memory"])],
        ["2", "WeasyPrint alone, one document after another (floor)", b["floor"].show("s"),
         "", ""],
        ["2", "CPU time of the floor", b["floor_cpu"].show("s"), "", ""],
        ["2", "Full build / floor", ratio.show("×"), "≤ 0.6", verdict(met["floor"])],
        ["3", "No-op rebuild", b["noop"].show("s", 3), "", ""],
        ["3", "No-op rebuild / full build", noop.show("×", 3), "≤ 0.02", verdict(met["noop"])],
        ["3", "Rebuild after one summary changed", b["summary"].show("s"), "", ""],
        ["3", "One-summary rebuild / full build", summary.show("×"),
         "re-renders only the bulletins (and the report)", verdict(met["summary"])],
        ["3", "Files remade after one summary changed", ", ".join(b["remade"]), "", ""],
        ["6", "Live preview: a saved spreadsheet to the rebuilt page",
         b["preview"].show("s"), "≤ 1 s", verdict(met["preview"])],
    ]
    for scale in SCALES:
        size = s["sizes"][scale]
        rows.append(["4", f"Read → aggregate at {scale}× ({rows_text(size['rows'])})",
                     f"{size['seconds'].show('s')}; CPU {size['cpu'].median:.2f} s; "
                     f"peak {size['peak_mb'].median:.0f} MB",
                     "≤ 3 s, ≤ 1024 MB" if scale == SCALES[-1] else "",
                     verdict(met["time100"] and met["memory100"]) if scale == SCALES[-1]
                     else ""])
    rows += [
        ["4", f"{SCALES[-1]}× / {SCALES[0]}× time", f"{scaling:.1f} ×", "≤ 100",
         verdict(met["scaling"])],
        ["5", f"Read the {SCALES[-1]}× spreadsheets: calamine", engines["calamine"].show("s"),
         "", ""],
        ["5", f"Read the {SCALES[-1]}× spreadsheets: openpyxl", engines["openpyxl"].show("s"),
         "", ""],
        ["5", "openpyxl / calamine", f"{engine_ratio:.1f} ×", "", ""],
    ]
    return rows, met


def rows_text(rows: dict[str, int]) -> str:
    return ", ".join(f"{count:,} {name}" for name, count in rows.items())


def explanations(b: dict, s: dict, met: dict[str, bool]) -> list[str]:
    """For each target not met, the cause, in the figures of this run."""
    notes = []
    full, floor = b["full"].median, b["floor"].median
    if not met["floor"]:
        name, longest = max(((n, f.median) for n, f in b["per_document"].items()),
                            key=lambda x: x[1])
        count, cores = len(b["per_document"]), os.cpu_count() or 1
        shared = sum(f.median for f in b["per_document"].values()) / cores
        bound = max(longest, shared)
        extra = b["full_cpu"].median - b["floor_cpu"].median
        notes.append(
            f"**Full build / floor.** Rendering whole documents on {cores} cores, no build can "
            f"take less than {bound:.2f} s, {bound / floor:.2f} × the floor: the longest "
            f"document alone (`{Path(name).stem}`, {longest:.2f} s) or the {count} documents "
            f"shared evenly between the cores ({shared:.2f} s), whichever is longer. The build "
            f"took {full - bound:.2f} s more than that. Before the first document can start, "
            f"it starts Python, imports pandas, reads, checks and aggregates the inputs and "
            f"lays out that document's HTML, on one core; and in all it used {extra:.2f} s "
            f"more CPU time than the floor ({b['full_cpu'].median:.2f} s against "
            f"{b['floor_cpu'].median:.2f} s): that work, the other HTML pages, the XLSX and "
            f"JSON files and the validation report, and WeasyPrint loaded by each worker "
            f"rather than once (about half a second each).")
    if not met["noop"]:
        startup, command = b["startup"].median * 1000, b["cli_import"].median * 1000
        notes.append(
            f"**No-op rebuild.** A no-op rebuild reads nothing and imports neither pandas nor "
            f"WeasyPrint: it hashes the inputs, templates, code and outputs and compares them "
            f"with the manifest. Of its {b['noop'].median * 1000:.0f} ms, starting Python and "
            f"importing the command line (click) takes {command:.0f} ms, the interpreter "
            f"alone {startup:.0f} ms: a cost that does not shrink with the build, while the "
            f"full build ({full:.1f} s) grows with every language added.")
    busy = b["floor"].median / b["floor_cpu"].median
    if notes and busy > 1.1:
        notes.append(
            f"**A busy machine.** The floor, which needs one core, took {busy:.2f} × its CPU "
            f"time in wall time: other work was running on the machine (see the load "
            f"average), and a build that needs both cores suffers more from it than one that "
            f"needs one. Run `make bench` again on a quiet machine.")
    if b["summary"].median > 0.8 * full:
        notes.append(
            f"**One-summary rebuild** (met, but slow): only the bulletins are made again, but "
            f"with {len(b['languages'])} language(s) that is "
            f"{len(b['remade']) // 2} document(s) for {os.cpu_count()} cores, the longest "
            f"ones: rendering them takes about as long as the full build, which renders the "
            f"tables on the other core at the same time.")
    large = s["sizes"][SCALES[-1]]
    if not met["time100"]:
        notes.append(
            f"**Read → aggregate at {SCALES[-1]}×.** {large['seconds'].median:.2f} s of wall "
            f"time for {large['cpu'].median:.2f} s of CPU time: the difference is time the "
            f"process waited for a core (see the load average above).")
    if not met["memory"]:
        notes.append(f"**Peak memory.** {b['full_mb'].median:.0f} MB, summed over the build "
                     f"and its workers.")
    return notes


def markdown(b: dict, s: dict, runs: int, jobs: int | None, loads: tuple[str, str]
             ) -> tuple[str, list[list[str]]]:
    rows, met = results_table(b, s)
    lines = [
        "# Performance",
        "",
        f"*Written by `make bench` (`bench/run.py`) on {dt.date.today():%d %B %Y}. Run it "
        "again after a change that may affect speed; the figures are this machine's.*",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in machine(loads)),
        "",
        "## Method",
        "",
        f"- Every figure is the median of {runs} runs made in this invocation, with the "
        "minimum and maximum in brackets. Full builds and floor runs alternate, and the "
        "ratio full / floor is taken for each pair (a build and the floor run right after "
        "it), then its median.",
        f"- **Full build**: `python -m pipeline build` in a new process, into an empty "
        f"outputs folder (no manifest, so nothing to reuse), from a copy of the shipped "
        f"`inputs/`, every language ({', '.join(b['languages'])}), "
        f"{f'--jobs {jobs}' if jobs else f'one PDF process per core ({os.cpu_count()})'}. "
        "Wall time from starting the process to its end.",
        "- **Memory**: the resident memory of the process and all its children (the PDF "
        f"workers), summed, sampled every {POLL_SECONDS * 1000:.0f} ms with psutil; the peak "
        "of that sum. Pages the forked workers share with their parent are counted in each: "
        "an upper bound.",
        "- **Floor**: `bench/floor.py` in a new process: WeasyPrint alone (its API and its "
        "own URL fetcher, no pipeline code) renders the HTML files the build produced, one "
        "after another, with the same stylesheets and fonts (the same base URL) and the same "
        "PDF variant. Its PDFs are checked to have the same pages as the build's, but for the "
        "notes pages the build drops so that a booklet has a multiple of four pages (not the "
        "same bytes: the build also runs its PDF/UA finisher, `pipeline/render/pdfua.py`, which "
        "counts as the build's own work).",
        "- **No-op rebuild**: the same command again on the built outputs; it must say "
        "\"up to date\". **One-summary rebuild**: the summary of one meeting of the year "
        f"('{b['edited']}') is changed in the copied `meetings.xlsx`, then the command runs "
        "again; the files it says it made must be exactly the bulletins (HTML and PDF) of "
        "every language.",
        "- **Live preview**: `iscm preview` on a copy of the shipped inputs, every "
        "language; the title of a meeting is changed in `meetings.xlsx` and the workbook "
        "saved, and the time runs from the save to the moment the server reports the HTML "
        "rebuilt (`bench/preview.py`); the open page reloads at its next poll, 0.25 s at "
        "most later.",
        "- **Read → aggregate**: `bench/stages.py` in a new process for each run: "
        "`build.bulletin_data` (ingest, validate, aggregate) on inputs made by "
        "`bench/synthetic.py` at 1×, 10× and 100× "
        "the shipped rows; the time excludes starting Python and importing; the peak memory "
        "is the process's maximum resident set (`ru_maxrss`), imports included.",
        "- **Engines**: every sheet of the 100× workbooks read with `pandas.read_excel`, "
        "`engine=\"calamine\"` then `engine=\"openpyxl\"` (`ingest` reads through "
        "python-calamine itself, in `pipeline/read/readers.py`).",
        "- **Profiling** the 100× path: `.venv/bin/python -m bench.synthetic 100 /tmp/100x`, "
        "then `.venv/bin/python -m cProfile -s cumtime -m bench.stages /tmp/100x`.",
        "",
        "## Results",
        "",
        "| # | Figure | Median (min–max) | Target | Met |",
        "|---|---|---|---|---|",
        *(f"| {' | '.join(r)} |" for r in rows),
        "",
    ]
    notes = explanations(b, s, met)
    if notes:
        lines += ["## Targets not met, and other notes", "", *(f"- {n}" for n in notes), ""]
    return "\n".join(lines), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure [default: 3]")
    parser.add_argument("--jobs", type=int, default=None,
                        help="PDF processes for the builds [default: one per core]")
    parser.add_argument("--output", type=Path, default=REPORT)
    args = parser.parse_args()
    load_at_start = load_average()
    with tempfile.TemporaryDirectory(prefix="iscm-bench-") as folder:
        work = Path(folder)
        builds = measure_builds(work, args.runs, args.jobs)
        scaling = measure_scaling(work, args.runs)
    loads = (load_at_start, load_average())
    text, rows = markdown(builds, scaling, args.runs, args.jobs, loads)
    args.output.write_text(text, encoding="utf-8")
    width = max(len(r[1]) for r in rows)
    for r in rows:
        print(f"{r[0]}  {r[1]:<{width}}  {r[2]}  {r[3]}  {r[4]}".rstrip())
    print(f"Written to {args.output}")


if __name__ == "__main__":
    main()
