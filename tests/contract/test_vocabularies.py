"""The closed lists, generated from their declaration: every value a document prints has a
label in every language; a meeting of every level is told by its own title, never by its
level's label.

A value added to vocabularies.py without its label fails here, not in a build; nothing
below lists the values again.
"""

import dataclasses
import datetime as dt
import html
import re

import pytest

from pipeline.compose.sentences import Sentences
from pipeline.config import LANGUAGES
from pipeline.contract import schema
from pipeline.contract.vocabularies import (
    ALL,
    BY_NAME,
    LEVEL,
    VOCABULARIES,
    VOCABULARY_LABELS,
    Value,
    Vocabulary,
)
from pipeline.lang.catalogues import catalogue_path, read_catalogue
from pipeline.lang.localiser import Localiser
from pipeline.model import Meeting

SHOWN = [(vocabulary, value) for vocabulary in ALL if vocabulary.shown
         for value in vocabulary.values]


def unworded(vocabulary: Vocabulary) -> list[str]:
    """What a vocabulary's values lack: a label where the documents print the list."""
    return [f"{vocabulary.name} {value.key}: no label" for value in vocabulary.values
            if vocabulary.shown and not value.label]


def test_every_value_has_its_wording():
    assert [problem for vocabulary in ALL for problem in unworded(vocabulary)] == []


def test_a_value_declared_without_its_label_is_caught():
    bare = dataclasses.replace(LEVEL, values=(*LEVEL.values, Value("webinar", ("web",))))
    assert unworded(bare) == ["level webinar: no label"]


@pytest.fixture(scope="module")
def catalogues():
    return {lang: read_catalogue(catalogue_path(lang), lang) for lang in LANGUAGES[1:]}


def translated(catalogue, message: str | tuple[str, str]) -> str:
    context, msgid = message if isinstance(message, tuple) else (None, message)
    entry = catalogue.get(msgid, context=context)
    return entry.string if entry is not None and not entry.fuzzy else ""


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_label_is_translated(catalogues, lang):
    """The labels are extracted where they are declared, and each catalogue translates them."""
    labels = [value.label for _, value in SHOWN] + [value.plural_label for value in
                                                     BY_NAME["type"].values]
    assert [label for label in labels if not translated(catalogues[lang], label)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("vocabulary, value", SHOWN, ids=lambda x: getattr(x, "key", None)
                         or getattr(x, "name", None))
def test_every_shown_value_prints_its_label(vocabulary, value, lang):
    label = Localiser(lang).label(value.key, vocabulary.name)
    assert label == (value.label if lang == "en" else
                     read_catalogue(catalogue_path(lang), lang).get(value.label).string)


def meeting(level: str, **values) -> Meeting:
    base = dict(mechanism_id="bali", edition=None, title="Colombo Meeting <X>",
                name="Colombo Meeting <X>", start=dt.date(2025, 1, 23), end=dt.date(2025, 1, 24),
                city="Colombo", country="LKA", level=level, themes=(), chair="",
                iom_participation=True, summary="", outcome_documents=(), source="")
    return Meeting(**(base | values))


def plain(markup) -> str:
    """The text a reader sees: no tags, no isolate marks, entities decoded."""
    text = html.unescape(re.sub(r"<[^>]+>|[\u2066\u2069]", "", str(markup)))
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("level", LEVEL.keys)
def test_every_level_is_told_by_the_title_never_by_its_label(level, lang):
    """A meeting of each level, held, held with a document adopted, and upcoming: each
    sentence names the meeting by its own title, without its level's label before it (the
    level is not the kind of meeting its title says), and the three differ."""
    sentences = Sentences(Localiser(lang))
    held = plain(sentences.meeting_sentence(meeting(level)))
    adopted = plain(sentences.meeting_sentence(meeting(level, outcome_documents=("Accord",))))
    upcoming = plain(sentences.meeting_sentence(meeting(level, status="planned")))
    label = Localiser(lang).label(level, "level").casefold()
    for sentence in (held, adopted, upcoming):
        assert "Colombo Meeting <X>" in sentence and "{" not in sentence, sentence
        assert label not in sentence.casefold(), sentence
    assert "Accord" in adopted and "Accord" not in held + upcoming
    assert len({held, adopted, upcoming}) == 3


def test_the_contract_lists_each_closed_list_from_its_values():
    """A column's help names the values of its list as declared (a value added is listed)."""
    level = schema.MEETINGS.column("level")
    assert level.help == ", ".join(LEVEL.keys[:-1]) + f" or {LEVEL.keys[-1]}."
    assert schema.MECHANISMS.column("iom_role").help.startswith(
        ", ".join(VOCABULARIES["iom_role"]) + "; separated by ;")
    assert schema.MEETINGS.column("status").help.startswith("held, planned, postponed or "
                                                            "cancelled (blank: held;")


def test_the_label_tables_derive_from_the_values():
    assert VOCABULARY_LABELS["level"] == {value.key: value.label for value in LEVEL.values}
    assert VOCABULARY_LABELS["type_plural"]["RCP"] == "Regional consultative processes (RCPs)"
    assert "role" not in VOCABULARY_LABELS  # read, never printed
    assert VOCABULARIES["level"]["working-group"] == LEVEL["working-group"].aliases
