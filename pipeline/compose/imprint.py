"""The publication settings worded for one document in one language: the imprint.

What the covers, the colophon and the back covers print about the publication (its
publisher, address, copyright, licence, required citation, identifiers, logo, and the map
disclaimer) comes from the editor's settings (validate/publication.py, read from
inputs/publication.xlsx), each in the reader's language where the editor gave one,
else as given. A setting left blank takes its default here: most print nothing, the
citation is made of the publisher, the year and the document's title, and the disclaimer
is the standard sentence of compose/maps.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import LANGUAGES
from ..lang.localiser import Localiser
from ..model import BulletinData, Logo, Publication
from .maps import disclaimer as standard_disclaimer


@dataclass(frozen=True)
class Imprint:
    """What a document says of its publication, in one language; '' for what it omits."""

    publisher: str
    address: str
    """Line breaks kept: the colophon prints it line by line."""
    copyright: str
    licence: str
    citation: str
    """The required citation of this document (its title in it)."""
    issn: str
    isbn: str
    """The bulletin's ISBN in this language (only the bulletin prints it)."""
    document_symbol: str
    disclaimer: str
    """The map disclaimer, in full: under every map and once in the colophon."""
    logo: Logo | None = None

    def identifiers(self, with_isbn: bool = False) -> tuple[tuple[str, str], ...]:
        """(label, value) of the identifiers to print: ISSN, ISBN (the bulletin's), symbol."""
        found = (("ISSN", self.issn), ("ISBN", self.isbn if with_isbn else ""),
                 ("", self.document_symbol))
        return tuple((label, value) for label, value in found if value)


def setting(publication: Publication, name: str, lang: str) -> object | None:
    """A setting's value in a language: the editor's for that language, else the one value
    (English, or any language's), else None."""
    return publication.translations.get(name, {}).get(lang, publication.values.get(name))


def citation(publication: Publication, loc: Localiser, publisher: str, year: str,
             title: str) -> str:
    given = setting(publication, "citation", loc.lang)
    if given:
        return str(given).replace("{title}", title).replace("{year}", year)
    if publisher:
        return loc.gettext("{publisher}, {year}. {title}.", publisher=publisher,
                           year=year, title=title)
    return loc.gettext("{title} ({year}).", title=title, year=year)


def imprint(data: BulletinData, loc: Localiser, title: str) -> Imprint:
    """The publication settings of a document titled title, for loc's language."""
    publication, lang = data.publication, loc.lang
    text = lambda name: str(setting(publication, name, lang) or "")  # noqa: E731
    publisher = text("publisher")
    year = str(data.edition_date.year)  # the year of publication
    copyright = text("copyright").replace("{year}", year) or (
        f"© {publisher} {year}" if publisher else "")
    return Imprint(
        publisher=publisher, address=text("address"), copyright=copyright,
        licence=text("licence"), citation=citation(publication, loc, publisher, year, title),
        issn=text("issn"), isbn=text("isbn"), document_symbol=text("document_symbol"),
        disclaimer=text("disclaimer") or standard_disclaimer(loc),
        logo=publication.values.get("logo"))


def publishers(publication: Publication) -> dict[str, str]:
    """Language -> the publisher's name in it, for every language; empty without one."""
    found = {lang: setting(publication, "publisher", lang) for lang in LANGUAGES}
    return {lang: str(name) for lang, name in found.items() if name}
