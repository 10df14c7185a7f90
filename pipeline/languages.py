"""The languages of the documents: one row each, and every other list of languages derived
from these rows (config, the contract's translation columns, the world's data, the
localiser, the catalogues' domains, the Makefile's LOCALES).

Adding a language (Chinese, say) is one row here, in the language switcher's place; then
`make translations` makes its catalogue, to be translated, and the tests generated from
these rows (tests/test_languages.py) name everything else it still lacks: a bundled font
that draws it, its column in the data files (the UN's country names, the cities, the
themes' labels, the UN regions), its name columns in the contract.

Run as a script (`python3 pipeline/languages.py`), it prints each catalogue, domain/language
(messages/fr … report/fr …), for the Makefile's LOCALES and REPORT_LOCALES: make reads
these rows with the system's Python before .venv exists, so this module imports nothing but
the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A language the documents are built in."""

    code: str
    """ISO 639-1: the files' suffix (iscm-table-2025-fr.pdf), the pages' lang attribute, the
    catalogue's folder (pipeline/locale/fr/), the data files' column (un_country_names.csv)."""
    babel_locale: str
    """The CLDR locale of its numbers, dates, lists and names (Babel). UN documents write
    English the British way: en_GB (23 January 2025; 'A, B and C')."""
    direction: str = "ltr"
    """'rtl' for a language written right to left: its pages are mirrored, its spreadsheets
    open right to left (CLDR's character order, which a test compares)."""
    report: bool = False
    """A language of the secretariats that keep the spreadsheets: the messages about the
    inputs, the validation report and the input templates exist in it (its report.po), and
    the inputs' dates and country names are read in it."""

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


ALL: tuple[Language, ...] = (
    Language("en", "en_GB", report=True),
    Language("fr", "fr", report=True),
    Language("es", "es", report=True),
    Language("ru", "ru"),
    Language("ar", "ar", direction="rtl"),
)
"""Every language, in the order of the language switcher."""

SOURCE = "en"
"""The language of the inputs' free text and of the catalogues' messages (msgids): English,
which has no catalogue of its own."""

CODES: tuple[str, ...] = tuple(language.code for language in ALL)
REPORT_CODES: tuple[str, ...] = tuple(language.code for language in ALL if language.report)
TRANSLATED: tuple[str, ...] = tuple(code for code in CODES if code != SOURCE)
"""The languages the inputs' texts are translated into (title_fr…) and the documents'
messages have a catalogue in."""
CATALOGUES: dict[str, tuple[str, ...]] = {
    "messages": TRANSLATED,
    "report": tuple(code for code in REPORT_CODES if code != SOURCE),
}
"""Each gettext domain (lang/catalogues.py) and the languages it has a catalogue in."""
BY_CODE: dict[str, Language] = {language.code: language for language in ALL}


def language(code: str) -> Language:
    """The row of a language code; a KeyError names the codes there are."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"{code!r} is not a language of pipeline/languages.py "
                       f"({', '.join(CODES)})") from None


class MissingLanguage(LookupError):
    """A data file lacks the column of a language of ALL."""


def require_columns(path, header, *patterns: str) -> None:
    """Raise MissingLanguage, naming the file and its columns, when its header lacks a
    column of a language (patterns: '{code}', '{code}_in', 'label_{code}')."""
    wanted = [pattern.format(code=code) for code in CODES for pattern in patterns]
    missing = [column for column in wanted if column not in header]
    if missing:
        raise MissingLanguage(f"{path} has no column {', '.join(missing)}: every language of "
                              "pipeline/languages.py needs one (see docs/maintainers.md, "
                              "'Adding a language').")


if __name__ == "__main__":  # the Makefile's CATALOGUES
    print(" ".join(f"{domain}/{code}" for domain, codes in CATALOGUES.items() for code in codes))
