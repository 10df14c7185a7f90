"""No input reaches a traceback: property-based tests drawn from the input contract.

Hypothesis draws the three input tables from pipeline/schema.py, and now and then the
optional themes sheet and the publication settings (publication.xlsx, from
pipeline/publication.py) (which columns, which headers among their names and aliases, which
vocabulary values), fills them with values of each column's kind mixed with junk of
every type, writes them as workbooks and runs them through ``check`` and an HTML-only
``build``. Every run ends in a built bulletin (whose calendar shows every meeting title
of the year) or in ``ValidationFailed`` whose errors are located, with nothing written.
Any other exception is a bug.

The seeds are fixed, so ``make test`` runs the same 45 examples every time (about three
quarters build, a quarter stop on errors), in three tests of 15 that pytest-xdist runs
side by side: about 14 s of processor time in all. Hunt longer with
ISCM_HYPOTHESIS_EXAMPLES=500, and draw other examples with ISCM_HYPOTHESIS_SEED=<n>.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as html_lib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st

from pipeline import build
from pipeline.aggregate.titles import leading_ordinal
from pipeline.config import load_config
from pipeline.contract.kinds import EXCEL_EPOCH
from pipeline.contract.schema import (
    MECHANISMS,
    MEETINGS,
    PARTICIPANTS,
    TABLES,
    THEMES,
    TRANSLATION_LANGUAGES,
    Column,
    TableSpec,
)
from pipeline.contract.schema import SETTINGS as SETTINGS_TABLE
from pipeline.contract.vocabularies import VOCABULARIES
from pipeline.errors import Report, ValidationFailed
from pipeline.publish import incremental
from pipeline.publish.outputs import CHOSEN
from pipeline.utils.text import clean_text, header_key, typographic
from pipeline.validate.publication import SETTINGS
from tests.conftest import ARCHIVE_PAGES

EXAMPLES = int(os.environ.get("ISCM_HYPOTHESIS_EXAMPLES", "45"))
SEED = os.environ.get("ISCM_HYPOTHESIS_SEED")
PARTS = 3

# Values ---------------------------------------------------------------------------------

COUNTRIES = ("Namibia", "South Africa", "Switzerland", "Suisse", "Mexico", "México",
             "Côte d'Ivoire", "Ivory Coast", "Türkiye", "Turkey", "Egypt", "Égypte", "Kosovo",
             "Hong Kong", "Thailand", "United States of America", "Federación de Rusia",
             "Democratic Republic of the Congo", "Maroc", "Sri Lanka")
NOT_COUNTRIES = ("Atlantis", "Mexco", "Swizerland", "Narnia", "Europe")
ORGANISATIONS = ("IOM", "UNHCR", "ECOWAS", "World Bank", "Frobnitz Council")
NAMES = ("Migration Dialogue for Southern Africa", "Budapest Process", "Processus de Rabat",
         "Proceso de Quito", "Global Forum on Migration and Development",
         "Regional Conference on Migration (Puebla Process)", "مسار الخرطوم",
         "Алматинский процесс", "Colombo Process")
TITLES = ("Ministerial Meeting", "Senior Officials' Meeting", "Fourth Ministerial Conference",
          "Regional workshop on labour migration", "19th Plenary", "The Hague Forum",
          "Réunion technique sur la migration de travail", "Reunión de viceministros",
          "Thematic meeting on return 2024-2025", "اجتماع الخبراء", "Совещание экспертов",
          "Meeting <on> \"data\" & 'statistics'", "XXIII Regional Conference",
          "Working group on smuggling of migrants", "Steering Committee")
FREE_ITEMS = ("West Africa", "Horn of Africa", "Pacific", "Gulf", "Mediterranean",
              "labour-migration", "Regular pathways", "climate mobility", "Windhoek Declaration",
              "Action Plan", "Nowhere-land")
URLS = ("https://www.budapestprocess.org", "http://example.org/a?b=c", "https://gfmd.org/")
BAD_URLS = ("javascript:alert(1)", "file:///etc/passwd", "data:,x", "https://a b.org")
PROSE = ("IOM", "Government of Morocco", "Support Unit", "Completed its mission", "ECOWAS",
         "Ministers adopted a declaration.", "Le Maroc", "La presidencia pro tempore")
SEPARATORS = ("; ", ";", ", ", " / ")
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")

TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=40)
"""Any printable text (openpyxl refuses control characters; see '_x0001_' below)."""
PLAIN_TEXT = TEXT.map(lambda t: t.lstrip("="))
"""Text that openpyxl does not write as a formula."""
HOSTILE = st.builds("{}{}{}".format, TEXT, st.sampled_from((
    "_x0001_", "_x000B_", "_x001F_", "_x0000_", "\u202e", "\u200f", "<script>", "</td>",
    "&nbsp;", "{{ doc }}", "{% raw %}", "%(year)s", "{0}", "\\", "'", '"', "’s", "2024-2025",
    "\n")), TEXT)
"""Text holding something a template, a format string or a writer could trip on.
'_x0001_' is how Excel keeps a control character in a cell: calamine gives it back."""
SCALAR_JUNK = (
    None, "", "   ", "\u00a0", "\u200b\ufeff", "\t", "Total", "TOTAL 12", "Sub-total",
    "Note: provisional figures", "* to be confirmed", "N/A", "nan", "NaN", "None", "null",
    "-", "—", "?", "TBC", "0", "-1", "1e5", "2002.0", "٢٠٢٥", "=1+1", "=SUM(A1:A3)",
    "+33 1 23 45", "@import", "#REF!", "#N/A", "#DIV/0!", "Err:502", "#NAME?",
    "<script>alert(1)</script>", "<b>bold</b> &amp; co", "مسار الرباط", "\u202bمسار\u202c",
    "שלום", "移民", "🌍", "line\nbreak", "31/02/2025", "2025-13-01", "00/00/0000",
    "1er févr. 2025", True, False, 0, -1, 10**20, -10**15, 1e308, -0.5, 2.5e-300,
    float("nan"), float("inf"), 45678, 45678.75, dt.date(1900, 1, 1),
    dt.datetime(2999, 12, 31, 23, 59), dt.time(12, 30), dt.date(1979, 12, 31), dt.date(1, 1, 1),
    dt.date(9999, 12, 31), dt.timedelta(days=-3), "1" * 5000, "٠٥/٠٣/٢٠٢٥", "31/12/9999",
    "9999-12-31", "05/03/0001", "29/02/2024", "29/02/2025", "3 de marzo de 2025",
    "Word_x000B_break", "_x0001_", "bell_x0007_", "nul_x0000_l")
NEAR_MISSES: dict[str, tuple[object, ...]] = {
    "text": ("=A1", "'quoted'", "\u202eevil", "a" * 3000, "Migration_x0001_Dialogue",
             "_x001F_"),
    "id": ("Budapest Process", "ID-01", "budapest_process", "é", "-a-", "a--b", "123", "a" * 300),
    "enum": ("plenary", "Ministerial\u00a0", "member state", "observer; member", "other ", "x"),
    "list": (";;;", " , , ", "a;;b", "/", "member / observer, partner", "secretariat-support;"
             "secretariat support", "West Africa (ECOWAS); Sahel"),
    "year": ("2002.5", "'2002", "02", "20022", "MMXX", "2020-2021", "circa 2001", "٢٠٢٠", "1979",
             "2100", 0, 2002.5, -2002),
    "date": ("2025-02-29", "29/02/2025", "1/1/25", "01.03.2025", "3 mars", "March 2025", "2025",
             "45678", "1e5", "2025-03-05T10:00:00", "5 de marzo de 2025", "1er février 2024",
             "31/04/2025", "00/01/2025", "15/13/2025", 2025, 20001, 79999.99, -45678),
    "country": ("CHE", "ch", "XK", "Kosovo*", "Republic of Korea", "Korea", "Congo", "online",
                "Türkiye (Republic of)", "Various", "Switzerland; France", "UK", "USA", "EU"),
    "url": ("https://", "http://exa mple.com", "mailto:a@b.org", "HTTPS://EXAMPLE.ORG",
            "//example.org", "https://example.org/" + "a" * 3000, "https://[::1"),
    "mechanism": ("CRM (Processus de Puebla)", "Budapest", "budapest process", "GFMD; RCM", "(",
                  ")", "()", "((a))", "MIDSA (MIDWA)", "Process"),
    "bool": ("maybe", "yes/no", "Y ", "2", "TRUE", "1.0", 1, 0.0),
    "int": ("4th", "IV", "4.5", "-4", "1" * 5000, "١٢", "4 ", "04", "1e3", "9" * 7, -4, 4.5),
}
"""Junk close to what a column of each kind holds: where parsers are most likely to slip."""


class Literal(str):
    """Text written as text though it looks like a formula ('=1+1' typed after a quote)."""


JUNK = st.one_of(
    HOSTILE,
    st.sampled_from(SCALAR_JUNK),
    st.integers(-10**30, 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    TEXT,
    TEXT.map(lambda t: Literal("=" + t)),
    st.sampled_from(("lorem ipsum ", "مسار ", "ж ")).map(lambda w: w * 300),
)


def one_in(draw, n: int) -> bool:
    """True once in n draws (the top of the range: Hypothesis favours small integers)."""
    return draw(st.integers(1, n)) == n


def rarely(faulty: bool, usual: st.SearchStrategy, odd: st.SearchStrategy, odds: int = 20
           ) -> st.SearchStrategy:
    """The usual values and, in a faulty example, once in a while an odd one."""
    if not faulty:
        return usual
    return st.integers(1, odds).flatmap(lambda n: odd if n == odds else usual)


def kind_of(column: Column) -> str:
    """The strategies' name for a column's kind: every list kind is a "list"."""
    return ("list" if column.kind.several else "enum" if column.kind.name == "choice"
            else column.kind.name)


def vocabulary_words(name: str) -> tuple[str, ...]:
    """Every way the contract accepts a vocabulary value: canonical, then aliases."""
    return tuple(w for canonical, aliases in VOCABULARIES[name].items()
                 for w in (canonical, *aliases))


def odd_case(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A word as offices type it: any case, stray spaces, sometimes without accents."""
    return st.tuples(words, st.sampled_from(("", "", "upper", "title", "plain", "spaced"))
                     ).map(lambda pair: restyle(*pair))


def restyle(word: str, style: str) -> str:
    """The word in one of odd_case's styles."""
    if style == "upper":
        return word.upper()
    if style == "title":
        return word.title()
    if style == "plain":  # accents dropped, as on a keyboard without them
        return "".join(c for c in unicodedata.normalize("NFKD", word)
                       if not unicodedata.combining(c))
    if style == "spaced":
        return f"  {word.replace(' ', '  ')} "
    return word


def dates() -> st.SearchStrategy[tuple[object, dt.date]]:
    """(cell, the date it means), in 2024 or 2025."""
    return st.tuples(st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
                     st.integers(0, 7)).map(lambda pair: (date_cell(*pair), pair[0]))


def date_cell(day: dt.date, form: int) -> object:
    """A date as a date, a datetime, an Excel serial, day-first, ISO or written-out text."""
    return (day, dt.datetime.combine(day, dt.time(9, 30)), (day - EXCEL_EPOCH).days,
            float((day - EXCEL_EPOCH).days), day.strftime("%d/%m/%Y"), day.isoformat(),
            f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}",
            day.strftime("%-d %B %Y"))[form]


def listed(items: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One to three items in one cell, separated as offices separate them."""
    return st.tuples(st.lists(items, min_size=1, max_size=3), st.sampled_from(SEPARATORS)
                     ).map(lambda pair: pair[1].join(pair[0]))


def valid_values(column: Column, references: tuple[str, ...], faulty: bool
                 ) -> st.SearchStrategy[object]:
    """What a person would type in a column of this kind and vocabulary (when faulty, now
    and then a value the contract refuses: a misspelt country, a javascript: link)."""
    if column.vocabulary:
        word = odd_case(st.sampled_from(vocabulary_words(column.vocabulary)))
        return listed(word) if kind_of(column) == "list" else word
    kinds: dict[str, st.SearchStrategy] = {
        "text": st.one_of(st.sampled_from(PROSE + TITLES), PLAIN_TEXT),
        "id": st.from_regex(r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,3})?", fullmatch=True),
        "list": listed(st.sampled_from(FREE_ITEMS)),
        "year": st.integers(1980, 2023).flatmap(
            lambda y: st.sampled_from((y, str(y), float(y), dt.date(y, 6, 1)))),
        "date": dates().map(lambda pair: pair[0]),
        "country": odd_case(rarely(faulty, st.sampled_from(COUNTRIES),
                                   st.sampled_from(NOT_COUNTRIES))),
        "url": rarely(faulty, st.sampled_from(URLS), st.sampled_from(BAD_URLS)),
        "mechanism": st.sampled_from(references or ("no-mechanism",)),
        "int": st.integers(1, 40).flatmap(lambda n: st.sampled_from((n, str(n), float(n)))),
    }
    return kinds[kind_of(column)]


@dataclasses.dataclass(frozen=True)
class Mess:
    """How untidy an example is: the share of cells holding junk, and where."""

    percent: int = 0
    faulty: bool = False
    """Junk in any column, and faults in the layout (headers misspelt or missing, merges);
    otherwise junk only where the contract takes anything (free text, free lists): such
    inputs build, and carry their junk into every document."""

    def junk(self, draw, column: Column) -> bool:
        """Whether this cell holds junk."""
        free = kind_of(column) == "text" or kind_of(column) == "list" and not column.vocabulary
        if not self.percent or not (self.faulty or free):
            return False
        return draw(st.integers(1, 100)) > 100 - self.percent

    @property
    def label(self) -> str:
        return "junk" if self.faulty else "text junk" if self.percent else "clean"


MESSES = st.sampled_from((Mess(), Mess(), Mess(5), Mess(20), Mess(50), Mess(2, True),
                          Mess(8, True), Mess(30, True)))


@st.composite
def cell(draw, column: Column, references: tuple[str, ...], mess: Mess) -> object:
    """A value of the column's kind or, as often as the mess says, junk; optional cells are
    often blank."""
    if mess.junk(draw, column):
        free = HOSTILE if kind_of(column) in ("text", "list") else st.nothing()
        return draw(JUNK | st.sampled_from(NEAR_MISSES[kind_of(column)]) | free)
    if not column.required and one_in(draw, 4):
        return None
    return draw(valid_values(column, references, mess.faulty))


# Tables -------------------------------------------------------------------------------

@dataclasses.dataclass
class Sheet:
    """One table as its sheet holds it, and what its meetings should print."""

    name: str
    rows: list[list[object]]
    """Cells by Excel row, from row 1 (title and header rows included)."""
    merges: list[tuple[int, int, int, int]] = dataclasses.field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column), from 1."""
    hidden: list[int] = dataclasses.field(default_factory=list)
    meetings: dict[int, tuple[object, dt.date | None]] = dataclasses.field(default_factory=dict)
    """Excel row -> (its title cell or None, the start date drawn or None if junk)."""


@dataclasses.dataclass(frozen=True)
class Mechanism:
    """How the other tables may refer to a drawn mechanism."""

    id: str
    acronym: str
    name: str

    @property
    def references(self) -> tuple[str, ...]:
        return (self.id, self.acronym, self.name, self.acronym.lower(),
                f"{self.acronym} ({self.name})")


def header_choices(spec: TableSpec, column: Column) -> tuple[str, ...]:
    """The column's name, and the aliases that name it alone in its table."""
    owners: dict[str, set[str]] = {}
    for other in spec.columns:
        for name in (other.name, *other.aliases):
            owners.setdefault(header_key(name), set()).add(other.name)
    return (column.name, *(a for a in column.aliases if owners[header_key(a)] == {column.name}))


@st.composite
def header(draw, spec: TableSpec, column: Column, faulty: bool) -> str:
    """A header for the column as an office writes it; in a faulty example, rarely a typo."""
    text = draw(odd_case(st.sampled_from(header_choices(spec, column))))
    note = draw(st.sampled_from(("",) * 8 + (" (required)", " (jj/mm/aaaa)", " [dd/mm/yyyy]")))
    if faulty and len(text) > 6 and one_in(draw, 60):
        cut = draw(st.integers(1, len(text) - 2))
        text = text[:cut] + text[cut + 1:]  # a slip of the keyboard
    return text + note


@st.composite
def columns(draw, spec: TableSpec, faulty: bool) -> list[Column | str]:
    """Some of the table's columns in any order: every required one (in a faulty example,
    nearly every one), half of the others, now and then one the contract does not know."""
    chosen: list[Column | str] = [
        c for c in spec.template_columns  # translation columns: tests/validate/test_translations.py
        if (not (faulty and one_in(draw, 30)) if c.required else not one_in(draw, 2))]
    chosen += draw(st.lists(st.sampled_from(("Notes", "Budget", "")), max_size=1))
    return draw(st.permutations(chosen))


@st.composite
def mechanisms(draw) -> list[Mechanism]:
    """The mechanisms, drawn first so that most references elsewhere name one of them; an
    acronym that folds to another one's id would name two, and is left out."""
    size = draw(st.integers(0 if one_in(draw, 6) else 1, 5))
    ids = draw(st.lists(valid_values(MECHANISMS.column("id"), (), False), min_size=size,
                        max_size=size, unique=True))
    acronyms = draw(st.lists(st.from_regex(r"[A-Z]{2,6}", fullmatch=True), min_size=size,
                             max_size=size, unique=True))
    names = draw(st.permutations(NAMES))
    return [Mechanism(*m) for m in zip(ids, acronyms, names) if m[1].lower() not in ids]


def fixed_cells(spec: TableSpec, mechanism: Mechanism | None, faulty: bool, draw
                ) -> dict[str, object]:
    """The cells of a row that must agree with the drawn mechanisms or with each other."""
    if spec is MECHANISMS:  # names drawn freely would name two mechanisms now and then
        names = (mechanism.name, f"{mechanism.name} ({mechanism.acronym})", "")
        return {"id": mechanism.id, "acronym": mechanism.acronym, "name_en": mechanism.name} | {
            f"name_{lang}": draw(st.sampled_from(names)) for lang in TRANSLATION_LANGUAGES}
    if spec is PARTICIPANTS:
        return participant_cells(faulty, draw)
    if spec is THEMES:
        return {}
    start, meant = draw(dates())
    days = draw(rarely(faulty, st.integers(0, 4), st.just(-1), 40))
    end = date_cell(meant + dt.timedelta(days=days), draw(st.integers(0, 7)))
    title = draw(st.sampled_from(TITLES) | PLAIN_TEXT.map(lambda t: f"{t} meeting"))
    return {"start_date": start, "end_date": end, "title": title, "_meant": meant}


def participant_cells(faulty: bool, draw) -> dict[str, object]:
    """A State or an organisation, its years and, in a tidy example, its one role."""
    joined = draw(st.integers(1980, 2023))
    left = draw(st.none() | st.integers(joined, 2023))
    cells = {"joined": joined,
             "left": draw(rarely(faulty, st.just(left), st.integers(1980, 2023), 8))}
    if one_in(draw, 4):
        cells |= {"participant": draw(rarely(faulty, st.sampled_from(ORGANISATIONS[:4]),
                                             st.sampled_from(ORGANISATIONS))),
                  "participant_type": draw(st.sampled_from(("organisation", "IGO", "")))}
    else:
        cells["participant"] = draw(odd_case(rarely(faulty, st.sampled_from(COUNTRIES),
                                                    st.sampled_from(NOT_COUNTRIES))))
    if not faulty:  # listed twice with two roles would be an error (conflicting-duplicate)
        role = list(VOCABULARIES["role"])[len(header_key(cells["participant"])) % 3]
        cells["role"] = draw(odd_case(st.sampled_from((role, *VOCABULARIES["role"][role]))))
    return cells


@st.composite
def sheet(draw, spec: TableSpec, drawn: list[Mechanism], mess: Mess) -> Sheet:
    """One table: a title row, headers, rows, blank rows, a totals row, merges, hidden rows."""
    faulty = mess.faulty
    layout = draw(columns(spec, faulty))
    references = tuple(r for m in drawn for r in m.references)
    result = Sheet(draw(odd_case(st.sampled_from(spec.sheet_aliases[:3]))), [])
    rows = result.rows
    if one_in(draw, 6):
        rows.append([f"ISCM {spec.name} 2025"])
        if len(layout) > 1 and one_in(draw, 2):  # the title centred over the table
            result.merges.append((1, 1, 1, len(layout)))
    headers = [draw(header(spec, c, faulty)) if isinstance(c, Column) else c for c in layout]
    if faulty and headers and one_in(draw, 8):
        headers[draw(st.integers(0, len(headers) - 1))] = draw(JUNK)
    if faulty and headers and one_in(draw, 12):
        headers.append(headers[draw(st.integers(0, len(headers) - 1))])  # the same twice
    rows.append(headers)
    first_data = len(rows) + 1
    count = len(drawn) if spec is MECHANISMS else draw(st.integers(0, 8 if drawn else 0))
    for i in range(count):
        fixed = fixed_cells(spec, drawn[i] if spec is MECHANISMS else None, faulty, draw)
        row, kept = [], set()
        for c in layout:
            if not isinstance(c, Column):
                row.append(draw(st.sampled_from(("", "see note", 12))))
            # Names and acronyms stay as drawn unless faulty: others refer to them.
            elif c.name in fixed and not ((faulty or c.name == "title") and mess.junk(draw, c)):
                row.append(fixed[c.name])
                kept.add(c.name)
            else:
                row.append(draw(cell(c, references, mess)))
        if one_in(draw, 7):
            rows.append([])  # a blank row in the data
        if faulty and one_in(draw, 10):
            row += [None] * draw(st.integers(0, 2)) + [draw(JUNK)]  # past the last header
        rows.append(row)
        if spec is MEETINGS:
            title = row[layout.index(MEETINGS.column("title"))] if "title" in kept else None
            start = fixed["_meant"] if "start_date" in kept else None
            result.meetings[len(rows)] = (title, start)
    if one_in(draw, 4):
        rows.append(draw(st.sampled_from((["Total", 4], ["", "Total", 12], [7], ["TOTAL"],
                                          ["Note: figures provisional"], ["* draft"]))))
    width = max(map(len, rows))
    if faulty and one_in(draw, 5):  # anywhere: over data, headers, both, a blank row
        first_row, first_column = draw(st.integers(1, len(rows))), draw(st.integers(1, width))
        merge(result, first_row, first_column, draw(st.integers(first_row, len(rows))),
              draw(st.integers(first_column, width)))
    if len(rows) >= first_data and one_in(draw, 6):
        result.hidden.append(draw(st.integers(first_data, len(rows))))
    return result


def merge(sheet: Sheet, first_row: int, first_column: int, last_row: int, last_column: int
          ) -> None:
    """Merge a range; its meetings are no longer checked, as ingest repeats the range's
    first value in each of its cells (another row's title or date)."""
    if (first_row, first_column) == (last_row, last_column):
        return
    sheet.merges.append((first_row, first_column, last_row, last_column))
    for row in range(first_row, last_row + 1):
        if row in sheet.meetings:
            sheet.meetings[row] = (None, None)


@st.composite
def other_sheet(draw) -> Sheet:
    """A sheet that is no input table, or one holding a table under another name."""
    name = draw(st.sampled_from(("Sheet1", "Instructions", "Lists", "Feuil1", "réunions 2024",
                                 "Members 2024")))
    rows = draw(st.lists(st.lists(JUNK, max_size=5), max_size=4))
    if one_in(draw, 3):
        rows.insert(0, [c.name for c in draw(st.sampled_from(TABLES)).columns if c.required])
    return Sheet(name, rows)


SETTING_NAMES = tuple(word for setting in SETTINGS for word in (setting.name, *setting.aliases))


@st.composite
def settings_sheet(draw, mess: Mess) -> Sheet:
    """publication.xlsx's settings. Tidy: at most one edition date, in 2025 or 2026 (never
    before the year of the edition it dates), and now and then a name that is no setting
    (a warning). Faulty: any names and values, repeated, junk among them."""
    columns = [SETTINGS_TABLE.column("setting"), SETTINGS_TABLE.column("value")]
    rows = [[draw(header(SETTINGS_TABLE, c, mess.faulty)) for c in columns]]
    if mess.faulty:
        names = odd_case(st.sampled_from(SETTING_NAMES)) | JUNK
        values = dates().map(lambda pair: pair[0]) | JUNK | st.sampled_from(NEAR_MISSES["date"])
        rows += draw(st.lists(st.tuples(names, values).map(list), max_size=4))
    else:
        day = st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31))
        value = st.none() | st.tuples(day, st.integers(0, 7)).map(lambda p: date_cell(*p))
        rows.append([draw(odd_case(st.sampled_from(SETTING_NAMES))), draw(value)])
        if one_in(draw, 4):
            rows.append(["publisher", "IOM"])
    return Sheet(draw(odd_case(st.sampled_from(SETTINGS_TABLE.sheet_aliases[:3]))), rows)


@dataclasses.dataclass
class Inputs:
    """One example: the three tables, other sheets, and the build's options."""

    mechanisms: Sheet
    participants: Sheet
    meetings: Sheet
    year: int | None
    langs: str
    formats: tuple[str, ...]
    """HTML, and now and then the XLSX table: its writer refuses some characters."""
    mess: Mess
    others: tuple[Sheet, ...] = ()
    """More sheets of meetings.xlsx."""
    themes: Sheet | None = None
    """The optional themes sheet of mechanisms.xlsx."""
    settings: Sheet | None = None
    """publication.xlsx's sheet, when there is one (it is optional)."""


@st.composite
def inputs(draw) -> Inputs:
    """Three tables drawn from the contract, now and then the optional themes sheet, junk
    from none to a lot, and build options."""
    mess = draw(MESSES)
    drawn = draw(mechanisms())
    tables = [draw(sheet(spec, drawn, mess)) for spec in (MECHANISMS, PARTICIPANTS, MEETINGS)]
    year = draw(st.sampled_from((2025, None, None, 2024)))
    langs = draw(st.sampled_from(("en", "en", "fr", "ar", "en,ar")))
    formats = ("html", "xlsx") if one_in(draw, 2) else ("html",)
    others = (draw(other_sheet()),) if mess.faulty and one_in(draw, 4) else ()
    themes = draw(sheet(THEMES, drawn, mess)) if one_in(draw, 3) else None
    settings = draw(settings_sheet(mess)) if one_in(draw, 3) else None
    return Inputs(*tables, year, langs, formats, mess, others, themes, settings)


# Writing and checking -----------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters no HTML page may hold."""


def write_sheet(book: openpyxl.Workbook, table: Sheet) -> None:
    """The table as a sheet of the workbook, merges and hidden rows included."""
    sheet = book.create_sheet(table.name[:31])
    for r, row in enumerate(table.rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            target = sheet.cell(r, c, value)
            if isinstance(value, Literal):
                target.data_type = "s"
    for first_row, first_column, last_row, last_column in table.merges:
        sheet.merge_cells(start_row=first_row, start_column=first_column, end_row=last_row,
                          end_column=last_column)
    for row in table.hidden:
        sheet.row_dimensions[row].hidden = True


def write_inputs(folder: Path, drawn: Inputs) -> None:
    """mechanisms.xlsx (mechanisms, participants, themes) and meetings.xlsx (meetings,
    others)."""
    folder.mkdir()
    themes = (drawn.themes,) if drawn.themes else ()
    for file, tables in (("mechanisms.xlsx", (drawn.mechanisms, drawn.participants, *themes)),
                         ("meetings.xlsx", (drawn.meetings, *drawn.others)),
                         ("publication.xlsx", (drawn.settings,) if drawn.settings else ())):
        if not tables:
            continue
        book = openpyxl.Workbook()
        book.remove(book.active)
        for table in tables:
            write_sheet(book, table)
        book.save(folder / file)


def page_text(path: Path) -> str:
    """The visible text of an HTML page, tags dropped, entities read, spaces collapsed."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", path.read_text())).split())


def assert_located(report: Report) -> None:
    """There are errors, and each says where it is and what is wrong."""
    assert report.errors
    for problem in report.errors:
        assert problem.file and problem.message and problem.code, problem
        assert type(problem.row) is int, problem


def printed_titles(drawn: Inputs, report: Report, year: int) -> list[str]:
    """The titles the calendar must show: meetings of the year whose title and start date
    were drawn as such, but the rows the report set aside as footers."""
    footers = {p.row for p in report.problems
               if p.code == "footer-row" and p.sheet == drawn.meetings.name[:31]}
    titles = []
    for row, (title, start) in drawn.meetings.meetings.items():
        if isinstance(title, str) and start and start.year == year and row not in footers:
            text = " ".join(typographic(clean_text(title)).split())
            titles.append(text[len(leading_ordinal(text)):])  # an acronym may follow it
    return titles


def assert_not_built(config, failed: ValidationFailed) -> None:
    """build stops on the errors check found, and writes nothing."""
    assert_located(failed.report)
    event("validation failed")
    for code in sorted({p.code for p in failed.report.errors}):
        event(f"error {code}")
    try:
        build.build(config, jobs=1)
    except ValidationFailed as again:
        assert again.report == failed.report
    else:
        raise AssertionError("check found errors that build did not")
    assert not config.outputs_dir.exists() or not any(config.outputs_dir.iterdir())


def assert_built(config, report: Report, drawn: Inputs) -> None:
    """build writes the year's documents, which show the year's meetings."""
    event(f"built: {drawn.mess.label}")
    result = build.build(config, jobs=1)
    assert result.report == report
    year = int(result.folder.name)
    assert config.year in (None, year)
    assert sorted(p.name for p in config.outputs_dir.iterdir()) == sorted(
        [result.folder.name, *ARCHIVE_PAGES])
    assert incremental.up_to_date(config) == incremental.Published(result.folder, report)
    for page in result.folder.glob("*.html"):
        assert not CONTROL.search(page.read_text()), page.name
    titles = printed_titles(drawn, report, year)
    event(f"titles checked: {min(len(titles), 3)}{'+' if len(titles) > 3 else ''}")
    for lang in config.langs:
        stem = f"{year}-{lang}"
        assert (result.folder / f"iscm-table-{stem}.html").is_file()
        assert (result.folder / f"iscm-table-{stem}.xlsx").is_file() == ("xlsx" in config.formats)
        text = page_text(result.folder / f"iscm-highlights-{stem}.html")
        for title in titles:
            assert title in text, (lang, title)


def run_inputs(drawn: Inputs) -> None:
    """check, then build: each ends in a bulletin or in located errors, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_inputs(folder / "inputs", drawn)
        config = load_config(folder / "inputs", folder / "outputs", year=drawn.year,
                             langs=drawn.langs, formats=drawn.formats, format_choices=CHOSEN)
        try:
            report = build.check(config)
        except ValidationFailed as failed:
            assert_not_built(config, failed)
        else:
            assert_built(config, report, drawn)


def property_test(part: int):
    """One third of the examples, from its own fixed seed: three tests, so that
    pytest-xdist runs them side by side."""
    @seed(int(SEED or 0) * PARTS + part)
    @settings(max_examples=-(-EXAMPLES // PARTS), deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(drawn=inputs())
    def test(drawn: Inputs) -> None:
        run_inputs(drawn)
    return test


test_no_input_reaches_a_traceback_1 = property_test(1)
test_no_input_reaches_a_traceback_2 = property_test(2)
test_no_input_reaches_a_traceback_3 = property_test(3)
