"""The translation catalogues at run time: where they are, and compiled in memory.

`make` compiles each .po into its .mo; a build reads the .mo, or compiles the .po
in memory when the .mo is missing or older (it never writes into the package).
Checking and updating the catalogues is a developer's job: tools/translations.py.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .config import LOCALE_DIR


def catalogue_path(lang: str, suffix: str = "po", locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"messages.{suffix}"


def read_catalogue(path: Path, lang: str) -> Catalog:
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: the {lang} catalogue is part of the "
                                "project; restore it from git.")
    with path.open("rb") as file:
        return read_po(file, locale=lang)


def compile_catalogue(path: Path, lang: str) -> bytes:
    """A .po file compiled to .mo bytes, fuzzy entries left out (as `pybabel compile`)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(path, lang), use_fuzzy=False)
    return buffer.getvalue()



@cache
def load_translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language; English is the source language."""
    if lang == "en":
        return gettext.NullTranslations()
    po, mo = catalogue_path(lang, "po"), catalogue_path(lang, "mo")
    if mo.exists() and not (po.exists() and mo.stat().st_mtime < po.stat().st_mtime):
        data = mo.read_bytes()
    else:  # `make` compiles it; a run without make still reads the current .po
        data = compile_catalogue(po, lang)
    return Translations(io.BytesIO(data), domain="messages")
