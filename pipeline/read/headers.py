"""Headers: which row of a sheet holds them, and which contract column each one names.

A header is matched to a column of the contract (schema.py) by its name or any
alias, after text.header_key() (case, accents, spaces and punctuation do not
matter), below title rows or group headers, with a note in brackets after it
('Date de début (jj/mm/aaaa)') set aside. A header a slip or two away from a
column's name or alias is an error that names the column it probably is: that
column would otherwise not be read, and every value of it would disappear.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
from rapidfuzz.distance import OSA

from ..contract.schema import TableSpec
from ..errors import Problem
from ..utils.text import clean_text, header_key
from ..wording import R_, Either, Text

HEADER_SEARCH_ROWS = 30
"""How far down a sheet the header row may be."""
HEADER_HINT = re.compile(
    r"\s*[(\[](?:(?:[djmya]{1,4}[/.-]){2}[djmya]{1,4}|yyyy|aaaa|required|optional|obligatoire|"
    r"facultatif|obligatorio|opcional)[)\]]\s*$", re.IGNORECASE)
"""A note after a header that is not part of its name: 'Date de début (jj/mm/aaaa)',
'Title (required)'."""


LANGUAGE_SUFFIX = re.compile(r"^(.+?)(?:\s*[_-]\s*|\s+|\s*[(\[]\s*)([a-z]{2})\s*[)\]]?$",
                             re.IGNORECASE)
"""A header that ends by naming a language: 'title_fr', 'Région (es)', 'Titre [FR]'."""


def column_help(column) -> Text:
    """A column's help from the contract, to show in the report's language: `make
    translations` puts every column help of schema.py in the report catalogue."""
    return Text(column.help)


def header_map(spec: TableSpec) -> dict[str, str]:
    """Folded header or alias -> canonical column name.

    A translation column (title_fr) answers to any header of the column it translates
    followed by its language ('Titre (fr)'), under the key 'titre|fr': folded alone,
    'region_es' would be 'regiones', which is a Spanish header of region itself.
    """
    mapping: dict[str, str] = {}
    names = {c.name: c for c in spec.columns}
    for column in spec.columns:
        if column.is_translation:
            source = names[column.translates]
            for alias in (source.name, *source.aliases):
                mapping.setdefault(f"{header_key(alias)}|{column.lang}", column.name)
            continue
        for alias in column.aliases:
            mapping.setdefault(header_key(alias), column.name)
    # Canonical names win over another column's alias ('name' vs 'name_en').
    mapping.update({header_key(c.name): c.name for c in spec.columns if not c.is_translation})
    return mapping


def written_key(header: object, mapping: dict[str, str] | None = None) -> str:
    """A header cell folded for comparison, without a format or required note after it;
    given the header map, a header that names a language at its end as 'titre|fr' when
    that is a translation column's."""
    text = HEADER_HINT.sub("", str(header))
    if mapping is not None and (suffixed := LANGUAGE_SUFFIX.match(text.strip())):
        key = f"{header_key(suffixed[1])}|{suffixed[2].lower()}"
        if key in mapping:
            return key
    return header_key(text)


def find_header_row(cells: pd.DataFrame, mapping: dict[str, str]) -> tuple[int | None, set]:
    """Index of the header row and the columns it names: the first row with at least two
    known headers, or a row under it that knows more (that one held group headers)."""
    found: tuple[int | None, set] = (None, set())
    for i in range(min(HEADER_SEARCH_ROWS, len(cells))):
        known = known_headers(cells.iloc[i], mapping)
        if found[0] is not None and len(known) <= len(found[1]):
            break
        if len(known) >= 2:
            found = (i, known)
    return found


def known_headers(row: pd.Series, mapping: dict[str, str]) -> set[str]:
    """The contract columns a row of cells names."""
    known = {mapping.get(written_key(v, mapping)) for v in row if str(v).strip()}
    known.discard(None)
    return known


Located = Callable[..., Problem]
"""locate() with the file and sheet filled in."""


def name_columns(spec: TableSpec, header: pd.Series, located: Located, row: int
                 ) -> tuple[dict[str, str], dict[str, int], list[Problem], list[str]]:
    """Canonical name -> header as written, and -> position, and the headers left unread;
    duplicate, misspelt and missing columns reported."""
    mapping = header_map(spec)
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    unknown: list[str] = []
    for position, written in enumerate(header):
        text = clean_text(written)
        name = mapping.get(written_key(text, mapping)) if text else None
        if name is None:
            unknown += [text] if text else []
        elif name in headers:
            problems.append(located(row, text, "duplicate-column",
                                    R_("a second column for '{column}' (the first is "
                                       "'{first}')", column=name, first=headers[name]),
                                    R_("Delete or rename one of the two columns.")))
        else:
            headers[name] = text
            positions[name] = position
    misspelt = [(text, near) for text in unknown if (near := misspelt_as(spec, text, headers))]
    problems += [misspelt_column(located, row, text, near) for text, near in misspelt]
    meant = {column for _, near in misspelt for column, _ in near}
    problems += missing_columns(spec, set(headers) | meant, located, row)
    unread = [text for text in unknown if text not in {typed for typed, _ in misspelt}]
    return headers, positions, problems, unread


def missing_columns(spec: TableSpec, found: set[str], located: Located, row: int
                    ) -> list[Problem]:
    """The required columns not found; one that a misspelt header stands for is already
    reported, once is enough."""
    return [located(row, column.name, "missing-column",
                    R_("the required column '{column}' is missing", column=column.name),
                    R_("Add a column headed '{column}' ({help})", column=column.name,
                       help=column_help(column)))
            for column in spec.columns if column.required and column.name not in found]


def typo_cost(typed: str, known: str) -> int:
    """Slips between two folded headers (optimal string alignment): a dropped, doubled or
    swapped letter counts one, a changed letter two, as it often spells another word
    (notes/nomes, days/pays, mode/code)."""
    before, above = [0] * (len(known) + 1), list(range(len(known) + 1))
    for i, a in enumerate(typed, 1):
        row = [i]
        for j, b in enumerate(known, 1):
            cost = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (0 if a == b else 2))
            if i > 1 and j > 1 and a == known[j - 2] and typed[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        before, above = above, row
    return above[-1]


def typo_bound(known: str) -> int:
    """How many slips a folded header of this length can hold and still be recognised: none
    under 4 letters (iom, fin), one under 10 (a changed letter only from 10 on), two from 10."""
    return 0 if len(known) < 4 else 1 if len(known) < 10 else 2


def ends_with_language(header: str, lang: str) -> bool:
    """'Titel_es', 'titel (es)', 'Titel ES': a header that names a language at its end."""
    return re.search(rf"[\s_(\-]{lang}\)?\s*$", header, re.IGNORECASE) is not None


def misspelt_as(spec: TableSpec, text: str, present: dict[str, str]) -> list[tuple[str, str]]:
    """The absent columns a header is probably a misspelling of, as (column, the name or alias
    it resembles): the nearest ones, in contract order. Present columns are not candidates."""
    typed = written_key(text)
    near: dict[str, tuple[int, str]] = {}
    for column in spec.columns:
        if column.name in present or (column.is_translation
                                      and not ends_with_language(text, column.lang)):
            continue  # a translation column (title_es) only for headers that name a language
        for known in (column.name, *column.aliases):
            key, bound = header_key(known), typo_bound(header_key(known))
            if OSA.distance(typed, key, score_cutoff=bound) > bound:
                continue  # rapidfuzz counts every slip as one: a quick sieve
            cost = typo_cost(typed, key)
            if cost <= bound and cost < near.get(column.name, (bound + 1, ""))[0]:
                near[column.name] = (cost, known)
    best = min((cost for cost, _ in near.values()), default=None)
    return [(column, known) for column, (cost, known) in near.items() if cost == best]


def misspelt_column(located: Located, row: int, text: str, near: list[tuple[str, str]]
                    ) -> Problem:
    """The error for a header that looks like a misspelling: it is not read, so say so."""
    likes = Either(tuple(R_("'{header}'", header=known) if known == column else
                         R_("'{header}' (accepted for '{column}')", header=known, column=column)
                         for column, known in near))
    names = Either(tuple(R_("'{header}'", header=known) for _, known in near))
    return located(row, text, "misspelt-column",
                   R_("looks like a misspelling of {headers}, so the column is not read",
                      headers=likes),
                   R_("Rename the header to {headers} (or to another name from "
                      "docs/inputs.md).", headers=names), text)
