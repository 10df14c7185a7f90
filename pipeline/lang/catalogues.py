"""The translation catalogues at run time: where they are, and compiled in memory.

Two domains: ``messages`` (the documents, in every language built) and ``report``
(the messages about the inputs, in REPORT_LANGUAGES); languages.CATALOGUES lists each
one's languages. `make` compiles each .po into its .mo; a run reads the .mo, or compiles
the .po in memory when the .mo is missing or older (it never writes into the package).
Checking and updating the catalogues is a developer's job: tools/translations.py.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel import Locale
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from ..config import LOCALE_DIR
from ..languages import SOURCE
from ..wording import ENGLISH, Wording

REPORT = "report"
"""The domain of the messages about the inputs."""
QUOTES = {"fr": ("«\u00a0", "\u00a0»"), "es": ("«", "»")}
"""How a value of the inputs is quoted in a report line (English: repr(), as always)."""


def catalogue_path(lang: str, suffix: str = "po", locale_dir: Path = LOCALE_DIR,
                   domain: str = "messages") -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{domain}.{suffix}"


def read_catalogue(path: Path, lang: str) -> Catalog:
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: restore it from git; for a language "
                                "just added to pipeline/languages.py, `make translations` "
                                "makes it, to be translated.")
    with path.open("rb") as file:
        return read_po(file, locale=lang)


def compile_catalogue(path: Path, lang: str) -> bytes:
    """A .po file compiled to .mo bytes, fuzzy entries left out (as `pybabel compile`)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(path, lang), use_fuzzy=False)
    return buffer.getvalue()


@cache
def load_translations(lang: str, domain: str = "messages") -> gettext.NullTranslations:
    """The compiled catalogue of a language; English is the source language."""
    if lang == SOURCE:
        return gettext.NullTranslations()
    po, mo = catalogue_path(lang, "po", domain=domain), catalogue_path(lang, "mo", domain=domain)
    if mo.exists() and not (po.exists() and mo.stat().st_mtime < po.stat().st_mtime):
        data = mo.read_bytes()
    else:  # `make` compiles it; a run without make still reads the current .po
        data = compile_catalogue(po, lang)
    return Translations(io.BytesIO(data), domain=domain)


class CatalogueWording:
    """A report language other than English: the report catalogue, Babel's lists and
    language names, and the language's quotation marks."""

    def __init__(self, lang: str):
        self.lang = lang
        self.translations = load_translations(lang, REPORT)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def either(self, items: list[str]) -> str:
        return format_list(items, style="or", locale=self.lang)

    def language(self, code: str) -> str:
        return Locale.parse(self.lang).languages[code]

    def quote(self, value: str) -> str:
        opening, closing = QUOTES[self.lang]
        return f"{opening}{value}{closing}"


@cache
def report_wording(lang: str) -> Wording:
    """How the report speaks in a language of config.REPORT_LANGUAGES."""
    return ENGLISH if lang == SOURCE else CatalogueWording(lang)
