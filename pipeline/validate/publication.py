"""The publication settings (inputs/publication.xlsx, sheet settings) and the edition date.

One row per setting: its name in ``setting``, its value in ``value``, and for a
setting whose value differs by language, ``value_fr``, ``value_es``… ``SETTINGS``
is the registry: each setting's kind (how its value is read, as a column's kind
reads a cell: kinds.py), its help and its default. A new setting is one more
entry: docs/inputs.md, the blank template and the checks follow from it.

The edition date is the editor's: the one given on the command line
(``EDITION_DATE=``, ``--edition-date``), else the settings' ``edition_date``,
else the default: the latest date of a meeting held in the year, but never after
the build's date (config.build_date). A finished year builds the same bytes
forever (its last meeting is past), and a year still under way never shows a
meeting as held before it took place. A meeting that starts after the edition
date is never held, whatever its status says (aggregate.meeting_statuses).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process, utils

from ..contract.kinds import (
    DATE,
    Context,
    Invalid,
    Kind,
    did_you_mean,
    parse_date,
    parse_text,
)
from ..contract.schema import SETTINGS as TABLE
from ..contract.schema import TRANSLATION_LANGUAGES
from ..errors import Problem
from ..model import EditionDate, Logo, Publication, RawTable
from ..utils.text import clean_text, header_key, is_blank
from ..wording import R_, Text
from .cells import issue_problem, parse_cell, parse_table, problem


def parse_edition_date(value: object, setting, ctx: Context) -> dt.date:
    """A date no earlier than the year of the edition it dates: a date left from last
    year's edition would show every meeting of this one as upcoming."""
    date = parse_date(value, setting, ctx)
    if date.year < ctx.last_year:
        raise Invalid("edition-before-year",
                      R_("is before {year}, the year of the edition it dates",
                         year=ctx.last_year),
                      R_("Write this edition's date (1 January {year} or later), or clear the "
                         "cell to take the default date.", year=ctx.last_year))
    return date


EDITION_DAY = Kind("date", parse_edition_date, blank=None, width=DATE.width,
                   number_format=DATE.number_format)


def parse_lines(value: object, setting, ctx: Context) -> str:
    """A text whose line breaks are kept (an address: Alt+Enter in a cell), each line
    cleaned, blank lines dropped."""
    lines = (clean_text(line) for line in str(value).splitlines())
    return "\n".join(line for line in lines if line)


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = {"copyright": ("year",), "citation": ("title", "year")}
"""What a pattern setting's {…} may name: {year}, the year of the edition date; {title},
each document's title."""


def parse_pattern(value: object, setting, ctx: Context) -> str:
    """A text in which {year} (and for the citation {title}) stand for a value; any other
    {…} is refused, as is a brace left open."""
    text = parse_lines(value, setting, ctx)
    allowed = PLACEHOLDERS[setting.name]
    wrong = [name for name in PLACEHOLDER.findall(text) if name not in allowed]
    unbalanced = PLACEHOLDER.sub("", text).count("{") + PLACEHOLDER.sub("", text).count("}")
    if wrong or unbalanced:
        raise Invalid("bad-placeholder",
                      R_("names {wrong}, which this setting does not fill in",
                         wrong=", ".join(f"{{{name}}}" for name in wrong) or "{ }"),
                      R_("Write only {allowed} between braces, spelt so, or no braces.",
                         allowed=", ".join(f"{{{name}}}" for name in allowed)))
    return text


def issn_check(digits: str) -> str:
    """The check character of an ISSN's first seven digits (ISO 3297: modulus 11)."""
    rest = -sum(int(d) * weight for d, weight in zip(digits, range(8, 1, -1))) % 11
    return "X" if rest == 10 else str(rest)


def parse_issn(value: object, setting, ctx: Context) -> str:
    """An ISSN, written 1234-5679, 12345679 or 'ISSN 1234-5679': read as 1234-5679, its
    check digit verified."""
    text = re.sub(r"^issn:?\s*", "", clean_text(value), flags=re.IGNORECASE)
    compact = re.sub(r"[\s\u2010-\u2015-]", "", text).upper()
    if not re.fullmatch(r"\d{7}[\dX]", compact):
        raise Invalid("bad-issn", R_("is not an ISSN: eight digits (the last may be X), "
                                     "written 1234-5679"),
                      R_("Copy the ISSN as the ISSN centre gave it, or clear the cell."))
    if issn_check(compact[:7]) != compact[7]:
        raise Invalid("bad-issn", R_("is not a valid ISSN: its check digit should be {digit}",
                                     digit=issn_check(compact[:7])),
                      R_("A digit was probably mistyped: copy the ISSN again from the ISSN "
                         "centre's record."))
    return f"{compact[:4]}-{compact[4:]}"


def isbn_valid(compact: str) -> bool:
    """Whether the check digit of an ISBN-13 (EAN, modulus 10) or ISBN-10 (modulus 11)
    holds."""
    if len(compact) == 13:
        return sum(int(d) * (1, 3)[i % 2] for i, d in enumerate(compact)) % 10 == 0
    return sum((10 if d == "X" else int(d)) * (10 - i) for i, d in enumerate(compact)) % 11 == 0


def parse_isbn(value: object, setting, ctx: Context) -> str:
    """An ISBN-13 or ISBN-10 as written (its hyphens are the agency's: kept), without a
    leading 'ISBN'; its check digit verified."""
    text = re.sub(r"^isbn(?:-1[03])?:?\s*", "", clean_text(value), flags=re.IGNORECASE)
    compact = re.sub(r"[\s\u2010-\u2015-]", "", text).upper()
    if not re.fullmatch(r"\d{12}\d|\d{9}[\dX]", compact):
        raise Invalid("bad-isbn", R_("is not an ISBN: 13 digits (or 10, the last may be X), "
                                     "with or without hyphens"),
                      R_("Copy the ISBN as the ISBN agency gave it, or clear the cell."))
    if not isbn_valid(compact):
        raise Invalid("bad-isbn", R_("is not a valid ISBN: its check digit does not match"),
                      R_("A digit was probably mistyped: copy the ISBN again from the ISBN "
                         "agency's record."))
    return re.sub(r"[\s\u2010-\u2015]", "-", text).upper()


DOMAIN_NAME = re.compile(r"(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
                         r"[a-z]{2,63}", re.IGNORECASE)


def parse_domain(value: object, setting, ctx: Context) -> str:
    """An internet domain (iom.int); written as a web address, its host is taken."""
    text = clean_text(value).lower()
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", text).split("/")[0]
    if not DOMAIN_NAME.fullmatch(host):
        raise Invalid("bad-domain", R_("is not an internet domain name"),
                      R_("Write a domain such as iom.int, or clear the cell."))
    return host


LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}


def parse_logo_name(value: object, setting, ctx: Context) -> str:
    """A file name in the inputs folder, of an SVG or PNG image (its content is read and
    checked with the folder: read_logo)."""
    name = clean_text(value)
    if "/" in name or "\\" in name or name.startswith("."):
        raise Invalid("bad-logo", R_("is a path, not the name of a file in the inputs folder"),
                      R_("Put the logo file beside publication.xlsx and write its name alone "
                         "(e.g. logo.svg)."))
    if Path(name).suffix.lower() not in LOGO_TYPES:
        raise Invalid("bad-logo", R_("is not an SVG or PNG file"),
                      R_("Save the logo as SVG (best: it prints sharp at any size) or PNG, "
                         "and write that file's name."))
    return name


PRINTED_TEXT = Kind("text", parse_text, width=40, printed=True)
LINES = Kind("text", parse_lines, width=40, printed=True)
PATTERN = Kind("text", parse_pattern, width=40, printed=True)
ISSN = Kind("issn", parse_issn, width=14)
ISBN = Kind("isbn", parse_isbn, width=20)
DOMAIN = Kind("domain", parse_domain, width=24)
LOGO_FILE = Kind("file", parse_logo_name, width=20)


@dataclass(frozen=True)
class Setting:
    """One publication setting: what its value holds and what it is without one."""

    name: str
    kind: Kind
    help: Text
    default: Text
    """What the documents use when the setting is not given."""
    aliases: tuple[str, ...] = ()
    """Other names accepted in the setting column (French, Spanish)."""
    per_language: bool = False
    """Its value may differ by language (value_fr…); otherwise value_fr… are not read."""
    edition: bool = False
    """It belongs to one edition (its date; an ISBN, a document symbol): it applies to
    the latest edition of the inputs, not to a past one built from them with YEAR=."""
    vocabulary: str | None = None
    """For a choice: the key in VOCABULARIES (a kind's parser reads it)."""


SETTINGS: tuple[Setting, ...] = (
    Setting("edition_date", EDITION_DAY,
            R_("The date printed on the documents; meetings that start after it are shown "
               "as upcoming (a date, or dd/mm/yyyy; not before the year of the edition)."),
            R_("the latest date of a meeting held in the year, but never later than the day "
               "of the build"),
            aliases=("edition date", "publication date", "date d'édition",
                     "date de l'édition", "date de publication", "fecha de edición",
                     "fecha de la edición", "fecha de publicación"),
            edition=True),
    Setting("publisher", PRINTED_TEXT,
            R_("The publisher's name as the documents print it: on the covers, in the "
               "colophon, as the author of the PDF files and of the calendar file."),
            R_("none: the covers carry no publisher"),
            aliases=("publisher name", "éditeur", "nom de l'éditeur", "editor", "editorial",
                     "nombre del editor"),
            per_language=True),
    Setting("address", LINES,
            R_("The publisher's postal address, with its website and e-mail if wanted, as the "
               "colophon prints it (line breaks within the cell are kept)."),
            R_("none"),
            aliases=("publisher address", "postal address", "adresse", "adresse postale",
                     "dirección", "dirección postal"),
            per_language=True),
    Setting("copyright", PATTERN,
            R_("The copyright line; {year} stands for the year of the edition date (e.g. "
               "© IOM {year}).", year="{year}"),  # the placeholder, printed as such
            R_("© and the publisher's name, then the year; none without a publisher"),
            aliases=("copyright line", "©", "droit d'auteur", "droits d'auteur",
                     "derechos de autor"),
            per_language=True),
    Setting("licence", PRINTED_TEXT,
            R_("The licence the documents are published under, as a sentence (e.g. the "
               "Creative Commons licence)."),
            R_("none: no licence is printed"),
            aliases=("license", "licence statement", "licence d'utilisation", "licencia"),
            per_language=True),
    Setting("citation", PATTERN,
            R_("The required citation; {title} stands for each document's title, {year} for "
               "the year of the edition date.", title="{title}", year="{year}"),
            R_("the publisher, the year and the document's title"),
            aliases=("required citation", "citation requise", "citation recommandée",
                     "cita", "cita requerida", "citación"),
            per_language=True),
    Setting("issn", ISSN,
            R_("The ISSN of the series, printed on every document (e.g. 2789-1234; the "
               "check digit is verified)."),
            R_("none"),
            aliases=("issn number", "numéro issn", "número issn")),
    Setting("isbn", ISBN,
            R_("The ISBN of this edition of the bulletin, for each language its own (ISBN-13 "
               "or ISBN-10, with or without hyphens; the check digit is verified)."),
            R_("none"),
            aliases=("isbn number", "numéro isbn", "número isbn"),
            per_language=True, edition=True),
    Setting("document_symbol", PRINTED_TEXT,
            R_("The document symbol of this edition, printed on every document beside the "
               "ISSN."),
            R_("none"),
            aliases=("document symbol", "symbol", "symbole", "cote", "cote du document",
                     "signatura", "símbolo", "símbolo del documento"),
            edition=True),
    Setting("logo", LOGO_FILE,
            R_("The name of the publisher's logo file, put in the inputs folder beside "
               "this workbook: an SVG or PNG image, printed on the covers."),
            R_("none: the publisher's name is set in type"),
            aliases=("logo file", "fichier du logo", "archivo del logotipo", "logotipo")),
    Setting("disclaimer", PRINTED_TEXT,
            R_("The disclaimer printed with every map, in full."),
            R_("the standard sentence on boundaries and names, translated"),
            aliases=("map disclaimer", "avertissement", "clause de non-responsabilité",
                     "descargo", "descargo de responsabilidad", "exención de responsabilidad"),
            per_language=True),
    Setting("calendar_domain", DOMAIN,
            R_("An internet domain of the publisher's, which makes the identifiers of the "
               "calendar file's events unique (e.g. iom.int). Changing it changes every "
               "identifier: calendars that imported the file would show each meeting twice."),
            R_("iscm-highlights.invalid (a name reserved for no one)"),
            aliases=("domain", "calendar domain", "domaine", "dominio")),
)
"""Every setting publication.xlsx may give, in the order docs/inputs.md lists them."""

NAMES = {word: s for s in SETTINGS for word in (s.name, *s.aliases)}
"""Every name a setting is accepted under -> the setting."""
BY_KEY = {header_key(word): s for word, s in NAMES.items()}


def applies(setting: Setting, ctx: Context) -> bool:
    """Whether a setting holds for the edition being built: one edition's settings belong
    to the latest one, not to a past edition (YEAR= before the latest year of meetings)."""
    return not setting.edition or ctx.year >= ctx.latest


def read_settings(raw: RawTable | None, ctx: Context) -> tuple[Publication, list[Problem]]:
    """The settings given in the table (none without it), each value read by its kind."""
    if raw is None:
        return Publication(), []
    frame, problems = parse_table(raw, TABLE, ctx)
    values: dict[str, object] = {}
    translations: dict[str, dict[str, object]] = {}
    first: dict[str, tuple[int, object]] = {}
    for row, record in frame.iterrows():
        setting = BY_KEY.get(header_key(record["setting"]))
        if setting is None:
            problems += [unknown_setting(raw, row, record["setting"])] if record["setting"] \
                else []  # a blank name is a required-value error already
            continue
        value, found = read_value(raw, row, "value", record["value"], setting, ctx)
        if setting.kind is LOGO_FILE and value is not None:
            value, refusal = read_logo(raw.path.parent, value)
            found += [issue_problem(raw, row, "value", refusal, record["value"])] if refusal \
                else []
        problems += found
        given = {}
        for lang in TRANSLATION_LANGUAGES:
            column = f"value_{lang}"
            if is_blank(record[column]):
                continue
            if not setting.per_language:
                problems.append(not_per_language(raw, row, column, setting, record[column]))
                continue
            given[lang], found = read_value(raw, row, column, record[column], setting, ctx)
            problems += found
        given = {lang: v for lang, v in given.items() if v is not None}
        if value is None and not given:
            continue  # blank (the template's row, the default) or refused: gives nothing
        if setting.name in first:
            problems.append(repeated(raw, row, (value, given), *first[setting.name]))
            continue
        first[setting.name] = (row, (value, given))
        if applies(setting, ctx):
            if value is not None:
                values[setting.name] = value
            if given:
                translations[setting.name] = given
    return Publication(values, translations), problems


def read_value(raw: RawTable, row: int, column: str, cell: object, setting: Setting,
               ctx: Context) -> tuple[object, list[Problem]]:
    """A value read by its setting's kind: (None, []) when blank (an Excel error value in it
    is reported by parse_table, and leaves it blank)."""
    if is_blank(cell):
        return None, []
    value, issue = parse_cell(cell, setting, ctx)
    if issue is None:
        return value, []
    problems = [issue_problem(raw, row, column, issue, cell)]
    return (value if issue.severity == "warning" else None), problems


LOGO_LIMIT = 2 * 1024 * 1024
"""Bytes: a logo is a few kilobytes; a larger file is most likely not one."""
SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "object", "embed", "audio", "video"}


def svg_refusal(data: bytes) -> Text | None:
    """Why an SVG file cannot be printed as a logo, or None: not well-formed XML, not an
    SVG, or active or outside content (a script, an event handler, a link to another file
    or a web address: the documents fetch nothing from outside)."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException, ValueError):
        return R_("is not a well-formed SVG file")
    if root.tag.rsplit("}", 1)[-1].lower() != "svg":
        return R_("is not an SVG image (its first element is not <svg>)")
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in SVG_FORBIDDEN:
            return R_("holds a <{element}> element, which a printed logo may not hold",
                      element=tag)
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (local == "href" and not value.startswith("#")):
                return R_("links to another file or runs a script ({attribute}); the "
                          "documents fetch nothing from outside", attribute=local)
        text = f"{element.text or ''} {element.get('style', '')}"
        if "@import" in text or re.search(r"url\(\s*['\"]?(?!#)", text):
            return R_("links to another file or runs a script ({attribute}); the documents "
                      "fetch nothing from outside", attribute="url()")
    return None


def png_refusal(data: bytes) -> Text | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            if image.format == "PNG":
                return None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        pass
    return R_("is not a PNG image that can be read")


def read_logo(folder: Path, name: str) -> tuple[Logo | None, Invalid | None]:
    """The logo file named in the settings, read from the inputs folder and checked."""
    path = folder / name
    if not path.is_file():
        return None, Invalid("logo-missing",
                             R_("names a file that is not in the inputs folder ({folder})",
                                folder=folder),
                             R_("Put {name} beside publication.xlsx, or correct the name, or "
                                "clear the cell (the publisher's name is then set in type).",
                                name=name))
    suffix = path.suffix.lower()
    data = path.read_bytes() if path.stat().st_size <= LOGO_LIMIT else None
    refusal = (R_("is larger than 2 MB, too large for a logo") if data is None
               else svg_refusal(data) if suffix == ".svg" else png_refusal(data))
    if refusal is not None:
        return None, Invalid("bad-logo", refusal,
                             R_("Export the logo again as a plain SVG (no scripts, no linked "
                                "images or fonts) or a PNG, or clear the cell."))
    return Logo(name, LOGO_TYPES[suffix], data), None


def unknown_setting(raw: RawTable, row: int, name: str) -> Problem:
    matches = process.extract(name, list(NAMES), scorer=fuzz.WRatio,
                              processor=utils.default_process, limit=3, score_cutoff=70)
    nearest = list(dict.fromkeys(NAMES[m[0]].name for m in matches))[:1]
    return problem(raw, row, "setting", "unknown-setting",
                   R_("is not a publication setting; the row is not read"),
                   R_("{did_you_mean}The settings are: {settings} (docs/inputs.md says what "
                      "each holds).", did_you_mean=did_you_mean(nearest),
                      settings=", ".join(s.name for s in SETTINGS)), name, "warning")


def repeated(raw: RawTable, row: int, value: object, first_row: int, first_value: object
             ) -> Problem:
    """A setting given twice: the same value is only noise, another one is an error (which
    of the two would hold?). A row left blank gives none, and repeats nothing."""
    name = raw.frame.at[row, "setting"]
    if value == first_value:
        return problem(raw, row, "setting", "duplicate-row",
                       R_("repeats row {row} exactly and is ignored", row=first_row),
                       R_("Delete the repeated row."), name, "warning")
    return problem(raw, row, "setting", "duplicate-setting",
                   R_("is also given in row {row}, with another value", row=first_row),
                   R_("Keep one of the two rows."), name)


def not_per_language(raw: RawTable, row: int, column: str, setting: Setting,
                     cell: object) -> Problem:
    return problem(raw, row, column, "ignored-value",
                   R_("'{setting}' has one value for every language: this cell is not read",
                      setting=setting.name),
                   R_("Put the value in the '{column}' column, or clear this cell.",
                      column=raw.headers.get("value", "value")), cell, "warning")


def check(raw: RawTable | None, meetings: pd.DataFrame, raw_meetings: RawTable, ctx: Context,
          given: dt.date | None, build_date: dt.date | None
          ) -> tuple[Publication, EditionDate, list[Problem]]:
    """The settings, the edition date of the year (build_date: today when not given) and
    their problems, the meetings marked held after that date among them."""
    publication, problems = read_settings(raw, ctx)
    edition = edition_date(given, publication, meetings, ctx.year,
                           build_date or dt.date.today())
    return publication, edition, problems + held_after_edition(meetings, raw_meetings,
                                                               edition.date, ctx.year)


def latest_meeting_date(meetings: pd.DataFrame, year: int) -> dt.date:
    """The latest date of a meeting held (status blank or held, not planned, postponed or
    cancelled) by the end of the year; the end of the year when there is none. A later
    meeting belongs to a later edition: a past edition keeps its own date."""
    ends = [end for status, start, end in zip(meetings["status"], meetings["start_date"],
                                              meetings["end_date"])
            if status in ("", "held") and start and end and start.year <= year]
    return max(ends, default=dt.date(year, 12, 31))


def edition_date(given: dt.date | None, publication: Publication, meetings: pd.DataFrame,
                 year: int, build_date: dt.date) -> EditionDate:
    """The edition date: the one given on the command line, else the settings', else the
    latest meeting date of the year, but never later than the build's date."""
    if given is not None:
        return EditionDate(given, "option")
    if (setting := publication.values.get("edition_date")) is not None:
        return EditionDate(setting, "settings")
    latest = latest_meeting_date(meetings, year)
    return EditionDate(min(latest, build_date), "default", latest)


def held_after_edition(meetings: pd.DataFrame, raw: RawTable, edition: dt.date, year: int
                       ) -> list[Problem]:
    """Meetings of the year marked held that start after the edition date: shown as
    upcoming (a meeting after the edition date is never held), and reported."""
    late = [row for row, status, start in zip(meetings.index, meetings["status"],
                                              meetings["start_date"])
            if status == "held" and start and edition < start and start.year <= year]
    return [problem(raw, row, "status", "held-after-edition",
                    R_("the meeting is marked held but starts on {start:%d/%m/%Y}, after the "
                       "edition date ({edition:%d/%m/%Y}); it is shown as upcoming",
                       start=meetings.at[row, "start_date"], edition=edition),
                    R_("If it has taken place, give a later edition date (EDITION_DATE=, or "
                       "edition_date in publication.xlsx); if not, write planned or leave "
                       "the status blank."), raw.frame.at[row, "status"], "warning")
            for row in late]
