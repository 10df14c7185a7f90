"""The grammar a translation gives a name: the gender and number of a meeting's title or of an
outcome document's name in the reader's language.

A sentence opens with the meeting's own title ('La 3e Conférence ministérielle… s’est
tenue', 'Le 15e Sommet… s’est tenu', '3-я министерская конференция… состоялась', 'عُقدت
القمة…') and names the documents it adopted ('a adopté la Déclaration du Caire et le Plan
d’action du Caire', 'была принята Бакинская декларация'): the article and the agreement
depend on the gender and number of the name's head noun in the language, which only a
translator knows. The translator's sheet gives them, in its `gender` column, on the row of
the title or document's translation (for a list of documents, one per document, separated
by ';' as the documents are). What it accepts is read here, in any of the ways a
translator writes it: 'f', 'féminin', 'femenino', 'ж', 'مؤنث', 'm pl', 'la', 'los'…
A name without it is told in a frame that needs none (compose/sentences.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..utils.text import header_key

GRAMMATICAL = ("title", "outcome_document")
"""The meetings' columns whose translations a sentence names as subject or object."""

MASCULINE, FEMININE, NEUTER = "masculine", "feminine", "neuter"

WORDS: dict[str, dict[str, object]] = {}
"""Folded word -> what it says: {'gender': …}, {'plural': True}, {'elided': True}."""


def _words(meaning: dict[str, object], *words: str) -> None:
    for word in words:
        WORDS[header_key(word)] = meaning


_words({"gender": MASCULINE}, "m", "masc", "masculine", "masculin", "masculino", "м", "муж",
       "мужской", "м.р.", "مذكر", "le", "el", "un")
_words({"gender": FEMININE}, "f", "fem", "feminine", "féminin", "femenino", "ж", "жен",
       "женский", "ж.р.", "مؤنث", "la", "une", "una")
_words({"gender": NEUTER}, "n", "neut", "neuter", "neutre", "neutro", "с", "ср", "средний",
       "ср.р.")
_words({"plural": True}, "pl", "plural", "pluriel", "мн", "множественное", "мн.ч.", "جمع",
       "les")
_words({"plural": False}, "sg", "sing", "singular", "singulier", "ед", "единственное", "مفرد")
_words({"gender": MASCULINE, "plural": True}, "mpl", "los")
_words({"gender": FEMININE, "plural": True}, "fpl", "las")
_words({"elided": True}, "l", "l’", "l'")


@dataclass(frozen=True)
class Grammar:
    """The gender and number of a name in one language."""

    gender: str = ""
    """masculine, feminine, neuter, or '' (not said: a plural whose gender does not matter)."""
    plural: bool = False
    elided: bool = False
    """French: the article is elided (l’) though the name opens with a consonant written
    'h' that is mute ('l’Hospitalité'); the code elides before a vowel by itself."""

    @property
    def key(self) -> str:
        """The class the sentences are worded for: 'feminine', 'masculine plural', 'plural'
        (a plural of no gender said, or neuter: Russian plurals have none)."""
        if not self.plural:
            return self.gender
        return f"{self.gender} plural" if self.gender in (MASCULINE, FEMININE) else "plural"


CLASSES = (MASCULINE, FEMININE, NEUTER, f"{MASCULINE} plural", f"{FEMININE} plural", "plural")
"""Every Grammar.key: the sentences have one wording for each (compose/sentences.py)."""


def parse_grammar(text: str) -> Grammar | None:
    """One name's grammar as a translator writes it ('f', 'm pl', 'féminin pluriel', 'la',
    'l’ f', 'ж'); None when it says neither a gender nor a number, or a word not known."""
    said: dict[str, object] = {}
    for word in text.replace("’", "’ ").replace("'", "' ").split():
        meaning = WORDS.get(header_key(word)) if header_key(word) else WORDS.get(word)
        if meaning is None:
            return None
        said |= meaning
    if "gender" not in said and not said.get("plural"):
        return None
    return Grammar(str(said.get("gender", "")), bool(said.get("plural")),
                   bool(said.get("elided")))


def parse_grammars(text: str) -> tuple[Grammar, ...] | None:
    """The grammar of each item of a list ('f; m'), None if one cannot be read."""
    found = tuple(parse_grammar(item) for item in text.split(";") if item.strip())
    return None if not found or None in found else found  # type: ignore[return-value]


def gender_column(column: str, lang: str) -> str:
    """The column of a table that holds the grammar of a column's translations into lang
    (title -> title_gender_fr), filled from the translators' files."""
    return f"{column}_gender_{lang}"


def grammar_key(column: str) -> str:
    """Where a record keeps it among its translations (Meeting.translations)."""
    return f"{column}_gender"
