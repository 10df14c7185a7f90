"""Build options: typed, with their defaults in one place, paths resolved here only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError

PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_DIR / "templates"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ru", "ar")
"""Languages the bulletin is built in, in the order of the language switcher."""

FORMATS = ("html", "pdf", "xlsx")

FIRST_YEAR = 1980
"""No mechanism, meeting or membership predates this (the oldest ISCM dates from 1985)."""


@dataclass(frozen=True)
class BulletinConfig:
    inputs_dir: Path = field(default_factory=lambda: PROJECT_DIR / "inputs")
    """Folder holding the input spreadsheets; never written to."""
    outputs_dir: Path = field(default_factory=lambda: PROJECT_DIR / "outputs")
    """Documents go to <outputs_dir>/<year>/."""
    year: int | None = None
    """Bulletin year; None: the latest year that has meetings in the inputs."""
    langs: tuple[str, ...] = LANGUAGES
    """Languages to build."""
    edition_date: dt.date | None = None
    """Date printed on the cover; None: the latest meeting date in the inputs
    (never the clock, so that the same inputs give the same bytes)."""
    templates_dir: Path = TEMPLATES_DIR
    formats: tuple[str, ...] = FORMATS
    """Kinds of file to write: html, pdf, xlsx (the JSON summary and the validation report
    are always written). HTML alone builds in a moment: the property-based tests use it."""


def load_config(
    inputs: str | Path | None = None,
    outputs: str | Path | None = None,
    year: int | None = None,
    langs: str | tuple[str, ...] | None = None,
    edition_date: dt.date | None = None,
    formats: str | tuple[str, ...] | None = None,
) -> BulletinConfig:
    """Check every option, report all bad ones at once, and resolve paths."""
    config = BulletinConfig()
    problems: list[str] = []
    changes: dict = {}
    if inputs is not None:
        changes["inputs_dir"] = Path(inputs).resolve()
    if outputs is not None:
        changes["outputs_dir"] = Path(outputs).resolve()
    inputs_dir = changes.get("inputs_dir", config.inputs_dir)
    if not inputs_dir.is_dir():
        problems.append(f"Config value 'inputs': {inputs_dir} is not a folder.")
    if year is not None:
        if not FIRST_YEAR <= year <= 2100:
            problems.append(f"Config value 'year': {year} is not a year between "
                            f"{FIRST_YEAR} and 2100.")
        changes["year"] = year
    if langs:
        wanted = tuple(x.strip() for x in langs.split(",")) if isinstance(langs, str) else langs
        unknown = [x for x in wanted if x not in LANGUAGES]
        if unknown:
            problems.append(f"Config value 'lang': {', '.join(unknown)} not among "
                            f"the languages built ({', '.join(LANGUAGES)}).")
        changes["langs"] = tuple(x for x in LANGUAGES if x in wanted)
    if edition_date is not None:
        changes["edition_date"] = edition_date
    if formats:
        wanted = tuple(f.strip() for f in formats.split(",")) if isinstance(formats, str) \
            else formats
        unknown = [f for f in wanted if f not in FORMATS]
        if unknown:
            problems.append(f"Config value 'formats': {', '.join(unknown)} not among "
                            f"{', '.join(FORMATS)}.")
        changes["formats"] = tuple(f for f in FORMATS if f in wanted)
    if problems:
        raise ConfigError("\n".join(problems))
    return replace(config, **changes)
