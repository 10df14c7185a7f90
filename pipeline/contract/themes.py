"""Themes: a vocabulary of labels and variants, without closing the list.

The known themes are declared once, as data: ``data/themes.csv`` holds one row a
theme, its key (the slug the figures and the summary use), its label in the five
languages and the other ways offices write it (``aliases``, English, French or
Spanish, separated by ``;``). ``data/SOURCES.md`` says where they come from. A
themes sheet in the inputs adds themes or changes these labels and aliases
(theme_table.py). The file is read by column name; its columns gcm_objectives and
sdg_targets are the crosswalk: the objectives of the Global Compact for Migration and
the SDG targets on migration a meeting with the theme counts towards (gcm.py), read
as the themes sheet's columns of the same names are.

A theme written in the inputs is matched to a key after ``theme_key()``: case,
accents, separators, 'and' (et, y, e, &), British or American spelling do not
matter; word order does, except where an alias gives the other order
('Smuggling and trafficking'). Exact matches only: a near miss is offered, never
taken. A theme nobody declared is kept as written (theme_table.py).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz, process

from ..config import LANGUAGES
from ..languages import require_columns
from ..model import Theme
from ..utils.text import COMBINING_MARKS
from .kinds import OBJECTIVES, SDG_TARGETS, Invalid, Kind

DATA = Path(__file__).resolve().parent / "data" / "themes.csv"
ALIAS_SEPARATOR = re.compile(r"\s*;\s*")
WORD = re.compile(r"[^\W_]+")
CONNECTORS = frozenset({"and", "et", "y", "e"})
"""'and' in English, French and Spanish (e before i-: 'Datos e investigación'); '&' is no
word. 'Migration & development', 'Migration and development' and the key
migration-development are one name."""
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
SPELLINGS = {"labor": "labour", "labors": "labours", "center": "centre", "centers": "centres",
             "defense": "defence", "program": "programme", "programs": "programmes"}
"""American spellings -> British ones, word by word (besides -ize, -yze: US_ENDINGS)."""
US_ENDINGS = re.compile(r"(?<=\w\w)([iy])z(e|es|ed|ing|ation|ations)$")
"""'organization', 'mobilize', 'analyze' -> 'organisation', 'mobilise', 'analyse'."""
SUGGESTION_CUTOFF = 80
"""How close (rapidfuzz's ratio, 0-100) a name must be to be offered: 'irregular-migraton'
is 97 from irregular-migration; 'regional-integration' is 71 from integration."""


@lru_cache(maxsize=1 << 14)
def theme_key(text: str) -> str:
    """A theme's name folded for comparison, as a slug: 'Labor Migration' and 'labour
    migration' -> 'labour-migration'; « Migration et développement » ->
    'migration-developpement'."""
    folded = unicodedata.normalize("NFKD", text.casefold()).translate(COMBINING_MARKS)
    words = (SPELLINGS.get(word, word) for word in WORD.findall(folded.translate(LIGATURES))
             if word not in CONNECTORS)
    return "-".join(US_ENDINGS.sub(r"\1s\2", word) for word in words)


def make_theme(key: str, labels: Mapping[str, str], aliases: Iterable[str] = (),
               known: bool = True, gcm_objectives: tuple[int, ...] | None = None,
               sdg_targets: tuple[str, ...] | None = None) -> Theme:
    """A theme, its labels kept only where given."""
    return Theme(key, MappingProxyType({lang: labels[lang] for lang in LANGUAGES
                                        if labels.get(lang)}),
                 tuple(dict.fromkeys(a for a in aliases if a)), known, gcm_objectives,
                 sdg_targets)


def crosswalk(row: Mapping[str, str], column: str, kind: Kind) -> tuple | None:
    """A crosswalk cell of data/themes.csv, read by the kind the themes sheet reads it by
    (a mistake in the file is refused on loading: a test reads it)."""
    text = (row.get(column) or "").strip()
    if not text:
        return None
    try:
        return kind.parse(text, None, None)
    except Invalid as invalid:
        raise ValueError(f"{DATA.name}: {row['key']} › {column}: {text!r} {invalid}") from None


def names_of(theme: Theme) -> Iterator[str]:
    """Every name a theme answers to: its key, its labels in every language, its aliases."""
    yield theme.key
    yield from theme.labels.values()
    yield from theme.aliases


@cache
def built_in() -> Mapping[str, Theme]:
    """The known themes of data/themes.csv, by key, in the file's order."""
    with DATA.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        require_columns(DATA.name, reader.fieldnames or (), "label_{code}")
        rows = list(reader)
    themes = {row["key"]: make_theme(row["key"], {lang: row[f"label_{lang}"]
                                                  for lang in LANGUAGES},
                                     ALIAS_SEPARATOR.split(row["aliases"].strip()),
                                     gcm_objectives=crosswalk(row, "gcm_objectives", OBJECTIVES),
                                     sdg_targets=crosswalk(row, "sdg_targets", SDG_TARGETS))
              for row in rows}
    index = ThemeIndex.of(themes)
    if index.clashes:
        name, key, other = index.clashes[0]
        raise ValueError(f"{DATA.name}: '{name}' names both {other} and {key}")
    return MappingProxyType(themes)


@dataclass(frozen=True)
class ThemeIndex:
    """Folded names -> theme keys, for the themes of a run."""

    themes: Mapping[str, Theme]
    keys: Mapping[str, str]
    """theme_key(name) -> the key of the theme it names."""
    clashes: tuple[tuple[str, str, str], ...] = ()
    """(name as written, key of the theme that gives it, key of the one that gave it first):
    a name two themes answer to, which the first keeps."""

    @classmethod
    def of(cls, themes: Mapping[str, Theme],
           order: Iterable[tuple[str, str]] | None = None) -> ThemeIndex:
        """The index of the themes; order: the (key, name) pairs in the order they were
        given, when it is not the themes' own (a themes sheet's rows come after the
        built-in themes they may change)."""
        if order is None:
            order = [(theme.key, name) for theme in themes.values() for name in names_of(theme)]
        keys: dict[str, str] = {}
        clashes = []
        for key, name in order:
            folded = theme_key(name)
            owner = keys.setdefault(folded, key)
            if folded and owner != key:
                clashes.append((name, key, owner))
        keys.pop("", None)
        return cls(themes, keys, tuple(clashes))

    def resolve(self, written: str) -> str | None:
        """The key of the theme a name is written for, or None."""
        return self.keys.get(theme_key(written))

    def suggest(self, written: str, limit: int = 2) -> list[str]:
        """The keys of the known themes nearest to a name, best first (none when no name is
        close)."""
        folded = theme_key(written)
        matches = process.extract(folded, list(self.keys), scorer=fuzz.ratio, limit=8,
                                  score_cutoff=SUGGESTION_CUTOFF)
        found = [self.keys[name] for name, score, _ in matches if score >= matches[0][1] - 5]
        return list(dict.fromkeys(found))[:limit]


def unlabelled(themes: Mapping[str, Theme], keys: Iterable[str], langs: Iterable[str]
               ) -> dict[str, int]:
    """Language -> how many of these themes have no label in it (their English or their
    name as written is printed instead, marked as English)."""
    shown = [themes[key] for key in set(keys) if key in themes]
    counts = {lang: sum(lang not in theme.labels for theme in shown)
              for lang in langs if lang != "en"}
    return {lang: n for lang, n in counts.items() if n}
