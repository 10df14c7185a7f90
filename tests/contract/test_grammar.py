"""The grammar a translator gives a title or a document's name (contract/grammar.py): read in
any of the ways translators write it, in their languages; what it is not, refused."""

import pytest

from pipeline.contract.grammar import CLASSES, Grammar, parse_grammar, parse_grammars


@pytest.mark.parametrize("written, key", [
    ("f", "feminine"), ("F", "feminine"), ("féminin", "feminine"), ("femenino", "feminine"),
    ("ж", "feminine"), ("ж.р.", "feminine"), ("مؤنث", "feminine"), ("la", "feminine"),
    ("m", "masculine"), ("masculin", "masculine"), ("мужской", "masculine"), ("el", "masculine"),
    ("n", "neuter"), ("ср", "neuter"), ("neutre", "neuter"),
    ("f pl", "feminine plural"), ("fpl", "feminine plural"), ("f. pl.", "feminine plural"),
    ("féminin pluriel", "feminine plural"), ("las", "feminine plural"),
    ("m pl", "masculine plural"), ("los", "masculine plural"),
    ("pl", "plural"), ("мн", "plural"), ("n pl", "plural"), ("les", "plural"),
])
def test_a_gender_is_read_as_translators_write_it(written, key):
    grammar = parse_grammar(written)
    assert grammar is not None and grammar.key == key and key in CLASSES


@pytest.mark.parametrize("written", ["", "feminine-ish", "x", "sg", "la f ?"])
def test_what_says_no_gender_is_not_read_as_one(written):
    assert parse_grammar(written) is None


def test_an_elided_article_is_said_with_the_gender():
    assert parse_grammar("l’ f") == Grammar("feminine", False, True)
    assert parse_grammar("l' m") == Grammar("masculine", False, True)


def test_a_list_gives_one_grammar_per_document():
    assert parse_grammars("f; m") == (Grammar("feminine"), Grammar("masculine"))
    assert parse_grammars("f; ?") is None and parse_grammars("") is None
