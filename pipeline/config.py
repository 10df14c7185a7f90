"""Build options: typed, with their defaults in one place, paths resolved here only."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import languages
from .errors import ConfigError
from .wording import R_, Text

PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_DIR / "templates"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

LANGUAGES: tuple[str, ...] = languages.CODES
"""Languages the bulletin is built in, in the order of the language switcher (languages.py)."""

REPORT_LANGUAGES: tuple[str, ...] = languages.REPORT_CODES
"""Languages the validation report and the messages about the inputs are shown in: those of
the secretariats that keep the spreadsheets (the report catalogues, locale/*/report.po)."""

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
    """Languages to build; fewer than all: a partial build, which keeps the others' files."""
    edition_date: dt.date | None = None
    """Date printed on the documents, given on the command line (EDITION_DATE=,
    --edition-date); None: the publication settings' edition_date, else the default
    (publication.py: the latest meeting date of the year, never after build_date)."""
    build_date: dt.date = field(default_factory=lambda: build_date())
    """The day of the build: SOURCE_DATE_EPOCH's date (UTC) when it is set, else today. The
    default edition date never passes it, so that no meeting is shown as held before it
    took place; with SOURCE_DATE_EPOCH set, a build is the same whatever the clock says."""
    templates_dir: Path = TEMPLATES_DIR
    formats: tuple[str, ...] = ()
    """Kinds of file to write (html, pdf, xlsx: the formats FORMATS= may name, publish/
    outputs.py); empty: every one. The web pages, the JSON summary and the validation report
    are always written. HTML alone builds in a moment: the property-based tests use it."""
    docs: tuple[str, ...] = ()
    """Kinds of document to build (bulletin, table, map…: outputs.kinds()); empty: every one.
    The summary JSON and the validation report are always written. Langs, formats or docs
    naming fewer than all make a partial build (plan.is_partial)."""
    report_lang: str = "en"
    """Language of the validation report and of the messages about the inputs."""


SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
"""The reproducible-builds variable: seconds since 1970-01-01 UTC, the build's date."""


def build_date() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH's day in UTC when it is set, else today's.
    A value that is not a whole number of seconds is a ConfigError (reproducible-builds.org
    asks tools to refuse it rather than fall back to the clock)."""
    value = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ConfigError(R_("The environment variable SOURCE_DATE_EPOCH is '{value}', not a "
                             "number of seconds since 1 January 1970: set it to one, or unset "
                             "it.", value=value)) from None


def check_report_lang(report_lang: str | None) -> str:
    """The report language asked for ('en' when none is); an unknown one is a ConfigError,
    in English, since the language is what is wrong."""
    lang = (report_lang or "en").strip().lower()
    if lang not in REPORT_LANGUAGES:
        raise ConfigError(R_("Config value 'report_lang': {lang} is not among the report "
                             "languages ({choices}).", lang=report_lang,
                             choices=", ".join(REPORT_LANGUAGES)))
    return lang


def load_config(
    inputs: str | Path | None = None,
    outputs: str | Path | None = None,
    year: int | None = None,
    langs: str | tuple[str, ...] | None = None,
    edition_date: dt.date | None = None,
    formats: str | tuple[str, ...] | None = None,
    report_lang: str | None = None,
    docs: str | tuple[str, ...] | None = None,
    kinds: tuple[str, ...] = (),
    format_choices: tuple[str, ...] = (),
) -> BulletinConfig:
    """Check every option, report all bad ones at once (in the report language), and
    resolve paths. kinds: the documents docs may name (outputs.kinds()); format_choices:
    the formats formats may name (outputs.CHOSEN): declared in publish/, which this module,
    earlier in the pipeline, cannot import."""
    problems: list[Text] = []
    try:
        today = build_date()
    except ConfigError as error:
        problems += error.lines
        today = dt.date.today()
    config = BulletinConfig(build_date=today)
    changes: dict = {"report_lang": check_report_lang(report_lang)}
    if inputs is not None:
        changes["inputs_dir"] = Path(inputs).resolve()
    if outputs is not None:
        changes["outputs_dir"] = Path(outputs).resolve()
    inputs_dir = changes.get("inputs_dir", config.inputs_dir)
    if not inputs_dir.is_dir():
        problems.append(R_("Config value 'inputs': {folder} is not a folder.",
                           folder=inputs_dir))
    if year is not None:
        if not FIRST_YEAR <= year <= 2100:
            problems.append(R_("Config value 'year': {year} is not a year between {first} and "
                               "2100.", year=year, first=FIRST_YEAR))
        changes["year"] = year
    if langs:
        changes["langs"], unknown = chosen(langs, LANGUAGES)
        if unknown:
            problems.append(R_("Config value 'lang': {unknown} not among the languages built "
                               "({choices}).", unknown=", ".join(unknown),
                               choices=", ".join(LANGUAGES)))
    if edition_date is not None:
        changes["edition_date"] = edition_date
    if formats:
        changes["formats"], unknown = chosen(formats, format_choices)
        if unknown:
            problems.append(R_("Config value 'formats': {unknown} not among {choices}.",
                               unknown=", ".join(unknown), choices=", ".join(format_choices)))
    if docs:
        changes["docs"], unknown = chosen(docs, kinds)
        if unknown:
            problems.append(R_("Config value 'docs': {unknown} not among the documents "
                               "({choices}).", unknown=", ".join(unknown),
                               choices=", ".join(kinds)))
    if problems:
        raise ConfigError(*problems)
    return replace(config, **changes)


def chosen(value, choices: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    """A comma-separated list ('en, fr') or a tuple, against what may be chosen: the
    choices named, in the choices' order, and the names that are not choices."""
    wanted = tuple(x.strip() for x in value.split(",")) if isinstance(value, str) else value
    return tuple(c for c in choices if c in wanted), [x for x in wanted if x not in choices]
