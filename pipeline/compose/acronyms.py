"""The list of acronyms of a document, generated from what the document uses.

The candidates are the mechanisms' acronyms (their short names that are initials:
MIDWA, AU-HoAI, 5+5; not 'Bali Process') with their names, and the series' own
(HOUSE: IOM, ISCM, RCP, IRF), each in the reader's language. A candidate is listed when
the document's text uses it as a word: render.pages renders a page that shows the list
once without it, reads its text, then again with the list. Sorted as the reader's
language sorts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..contract.labels import N_, NC_
from ..lang.localiser import Localiser, plain_text
from ..model import Mechanism
from .names import Names

HOUSE = (
    (NC_("acronym", "IOM"), N_("International Organization for Migration")),
    (NC_("acronym", "ISCM"), N_("inter-State consultation mechanism on migration")),
    (NC_("acronym", "RCP"), N_("regional consultative process on migration")),
    (NC_("acronym", "IRF"), N_("interregional forum on migration")),
)
"""The series' own acronyms: (acronym, what it stands for). A language that writes the
words in full (Arabic) never uses them, and the list leaves them out."""
ACRONYM = re.compile(r"[\w+&.-]*[A-Z\u0410-\u042f][\w+&.-]*[A-Z\u0410-\u042f0-9+&][\w+&.-]*")
"""Initials: one word with at least two capitals (or a capital and a digit or +, &),
Latin or Cyrillic: MIDWA, AU-HoAI, 5+5, МОМ; not 'Process'."""
TAG = re.compile(r"<[^>]+>")


def candidates(mechanisms: Iterable[Mechanism], loc: Localiser
               ) -> dict[str, Markup]:
    """Acronym -> what it stands for: the series' own, then the mechanisms'."""
    found: dict[str, Markup] = {}
    for acronym, words in HOUSE:
        found.setdefault(loc.pgettext(*acronym), escape(loc.gettext(words)))
    names = Names(loc)
    for mechanism in mechanisms:
        short = plain_text(names.short_name(mechanism)).strip()
        if ACRONYM.fullmatch(short) or (short and short.isupper() and " " not in short):
            found.setdefault(short, names.display_name(mechanism))
    return found


def used(text: str, acronym: str) -> bool:
    """Whether the text uses the acronym as a word (or its plural: RCPs)."""
    return re.search(rf"(?<![\w+&-]){re.escape(acronym)}s?(?![\w+&-])", text) is not None


def page_text(html: str) -> str:
    """The words of a page's body, without its tags (the acronyms' own list is left out by
    the caller, which reads the page rendered without it)."""
    body = html.split("<body", 1)[-1]
    return Markup(TAG.sub(" ", body)).unescape()


def acronyms(html: str, mechanisms: Iterable[Mechanism], loc: Localiser
             ) -> tuple[tuple[str, Markup], ...]:
    """(acronym, what it stands for) for every candidate the page's text uses, sorted."""
    text = page_text(html)
    found = [(acronym, words) for acronym, words in candidates(mechanisms, loc).items()
             if used(text, acronym)]
    return tuple(sorted(found, key=lambda item: loc.sort_key(item[0])))
