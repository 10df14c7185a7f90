"""A meeting's name as printed: its own title, completed but never replaced.

``level`` and ``edition`` classify meetings for the figures; they never stand in
for a title. The title is printed as written, with two additions only: a title
that names no more than a kind of meeting ('Senior Officials' Meeting') takes
its mechanism's acronym, and a title without an ordinal takes the edition's
('19th'). Titles are in the data language (English); they may also be written
in French or Spanish, so ordinals and generic words are recognised in all three.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

ORDINAL_WORDS = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\w+teenth|\w+tieth|hundredth|thousandth"
    r"|premi[eè]re?|seconde?|\w+i[eè]me"
    r"|primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[eé]ptim[oa]"
    r"|octav[oa]|noven[oa]|d[eé]cim[oa]|und[eé]cim[oa]|duod[eé]cim[oa]|\w+[eé]sim[oa])\b",
    re.IGNORECASE)
ORDINAL_NUMBERS = re.compile(
    r"\b\d+\s?(?:st|nd|rd|th|er|re|[eè]re|[eè]me|e|è|\.?[ºª°]|\.(?:er|o|a))(?!\w)"
    r"|(?:\bno\.?|\bn[º°o]|#)\s?\d+\b", re.IGNORECASE)
ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,}(?:e|er|re|ème)?\b)"
                   r"M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})(?:e|er|re|ème)?\b")
"""Roman numerals of two letters or more (IX, XXIII, XIe), in capitals, standing alone."""

GENERIC_WORDS = frozenset("""
    meeting meetings conference ministerial minister ministers senior officials official
    officers summit thematic technical working group steering committee annual regular
    plenary session forum consultation consultations dialogue workshop seminar training
    roundtable round table expert experts high level vice extraordinary special preparatory
    general assembly board council heads directors director joint regional global
    of the and on a an at for in s
    réunion conférence ministérielle ministériel ministres hauts haut fonctionnaires sommet
    thématique technique groupe travail comité pilotage annuelle ordinaire plénière
    atelier séminaire formation ronde niveau conjointe régionale extraordinaire
    préparatoire assemblée générale conseil chefs directeurs des de du la le les l d et sur
    au aux
    reunión conferencia altos alto funcionarios cumbre temática técnica grupo trabajo
    directivo anual ordinaria plenaria sesión foro consulta consultas diálogo taller
    seminario capacitación mesa redonda expertos nivel viceministerial conjunta
    extraordinaria preparatoria asamblea consejo jefes directores del el los las y sobre en
""".split())
"""Words that say what kind of meeting it is, and nothing of what it is about."""
WORD = re.compile(r"[^\W\d_]+")


def has_ordinal(title: str) -> bool:
    """Whether the title numbers the meeting already: '19th', 'Third', 'XXIII', '1.ª', 'IXe'."""
    return bool(ORDINAL_NUMBERS.search(title) or ORDINAL_WORDS.search(title)
                or ROMAN.search(title))


def is_generic(title: str) -> bool:
    """Whether the title only names a kind of meeting: 'Senior Officials’ Meeting',
    'Réunion ministérielle', but not 'Regional Meeting on People Smuggling'."""
    words = [w.casefold() for w in WORD.findall(ROMAN.sub(" ", title))]
    return all(w in GENERIC_WORDS or ORDINAL_WORDS.fullmatch(w) for w in words)


def leading_ordinal(title: str) -> str:
    """The ordinal a title opens with, and the space after it: 'Fourth ', '19th ', ''."""
    first = title.split(" ", 1)[0]
    return f"{first} " if " " in title and has_ordinal(first) else ""


@cache
def english_ordinal(number: int) -> str:
    """'1st', '2nd', '3rd', '11th', '22nd': CLDR's English ordinal categories."""
    category = Locale.parse("en").ordinal_form(number)
    return f"{number}{ {'one': 'st', 'two': 'nd', 'few': 'rd'}.get(category, 'th')}"


def meeting_name(title: str, edition: int | None, acronym: str) -> str:
    """The title as written, with the mechanism's acronym when it is generic and the
    edition's ordinal when it has none: ('Senior Officials’ Meeting', 29, 'RCM') ->
    '29th RCM Senior Officials’ Meeting'."""
    name = title
    if acronym and is_generic(title):  # after a leading ordinal: 'Fourth RCM Ministerial …'
        ordinal = leading_ordinal(title)
        name = f"{title[:len(ordinal)]}{acronym} {title[len(ordinal):]}"
    if edition and not has_ordinal(title):
        name = f"{english_ordinal(edition)} {name}"
    return name
