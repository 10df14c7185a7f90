"""The Makefile and the guides agree: every target they name exists, and `make help` lists
every target."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pipeline.languages import CATALOGUES

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def makefile_targets() -> set[str]:
    """The targets a user may run: the rules of the Makefile named in lowercase words."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.MULTILINE))


def test_make_help_lists_every_target_with_its_description():
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    listed = {line.split()[0]: line.split(None, 1)[1] for line in shown.splitlines() if line}
    assert set(listed) == makefile_targets()
    assert all(description.strip() for description in listed.values())


def test_every_make_target_the_guides_name_exists():
    named = {(guide.name, target) for guide in GUIDES
             for target in re.findall(r"\bmake ([a-z][a-z-]*)\b", guide.read_text("utf-8"))}
    assert named, "the guides name no make target"
    missing = sorted((guide, target) for guide, target in named
                     if target not in makefile_targets())
    assert missing == []


def test_the_readme_is_short_and_holds_the_yearly_checklist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    checklist = readme.split("## The yearly checklist", 1)[1].split("\n## ", 1)[0]
    steps = [re.search(r"`(make [a-z-]+)", step)
             for step in re.split(r"\n\d+\. ", checklist)[1:]]
    assert [s.group(1) for s in steps if s] == [
        "make check", "make preview", "make bulletin", "make translation-kit", "make dist"]


def make_commands(*args: str) -> list[str]:
    """The iscm command `make` would run (-n: nothing is run)."""
    shown = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    return [line.split() for line in shown.splitlines() if "/iscm " in line][0][1:]


def test_the_make_variables_reach_the_command():
    assert make_commands("bulletin", "LANGS=fr", "VERBOSE=1")[:1] == ["build"]
    assert {"--verbose", "fr"} <= set(make_commands("bulletin", "LANGS=fr", "VERBOSE=1"))
    assert "--verbose" not in make_commands("bulletin")
    assert make_commands("dist", "PARTIAL=1", "WITH_REPORT=1")[-2:] == ["--partial",
                                                                        "--with-report"]
    assert not {"--partial", "--with-report"} & set(make_commands("dist"))


def test_the_catalogues_make_compiles_are_those_of_the_language_registry():
    """LOCALES and REPORT_LOCALES come from pipeline/languages.py, read by the system's
    Python (make's PYTHON, python3 by default), which has none of .venv's packages."""
    shown = subprocess.run(["make", "-s", "-f", "Makefile", "-f", "-", "show-locales"], cwd=ROOT,
                           input="show-locales:\n\t@echo '$(LOCALES)|$(REPORT_LOCALES)'\n",
                           capture_output=True, text=True, check=True)
    assert shown.stderr == ""
    locales, report = (part.split() for part in shown.stdout.strip().split("|"))
    assert (tuple(locales), tuple(report)) == (CATALOGUES["messages"], CATALOGUES["report"])


def test_a_missing_catalogue_stops_make_saying_how_to_make_it():
    made = subprocess.run(["make", "-s", "pipeline/locale/xx/LC_MESSAGES/messages.mo"],
                          cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 2
    assert made.stderr.splitlines()[0] == (
        "pipeline/locale/xx/LC_MESSAGES/messages.po is missing: run 'make translations' (a "
        "language just added to pipeline/languages.py), or restore it from git.")
