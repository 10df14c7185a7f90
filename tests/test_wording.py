"""Messages as data: a Text renders its English as the f-string it replaced did, again in
another language from the report catalogue, and never crashes on a broken translation."""

import ast
import datetime as dt
from pathlib import Path

import pytest

from pipeline.lang.catalogues import report_wording
from pipeline.wording import ENGLISH, R_, RN_, Either, LanguageName, Text

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


class Broken:
    """A catalogue whose translation lost its placeholder and invented another."""

    def gettext(self, message):
        return "traduction cassée {autre}"

    def ngettext(self, singular, plural, n):
        return "{autre}"

    def either(self, items):
        return " ou ".join(items)

    def language(self, code):
        return code

    def quote(self, value):
        return value


def test_english_is_the_template_filled_in():
    start = dt.date(2025, 1, 23)
    assert str(R_("is before the start date ({start:%d/%m/%Y})", start=start)) == \
        "is before the start date (23/01/2025)"
    assert R_("is outside {first}–{last}", first=1980, last=2025).render(ENGLISH) == \
        "is outside 1980–2025"


@pytest.mark.parametrize("n, english", [(0, "0 errors"), (1, "1 error"), (2, "2 errors")])
def test_a_plural_message_chooses_its_form_by_the_number(n, english):
    assert str(RN_("{n} error", "{n} errors", n)) == english


def test_nested_messages_lists_and_language_names_follow_the_language():
    text = R_("{mechanism} has no {language} name; the English name is shown in the "
              "{language} documents", mechanism="MIDWA", language=LanguageName("es"))
    assert str(text) == ("MIDWA has no Spanish name; the English name is shown in the "
                         "Spanish documents")
    assert text.render(report_wording("fr")) == (
        "MIDWA n'a pas de nom en espagnol\u202f; le nom anglais est présenté dans les "
        "documents en espagnol")
    question = R_("Did you mean {candidates}? ", candidates=Either(("Mexico", "Morocco")))
    assert str(question) == "Did you mean Mexico or Morocco? "
    assert question.render(report_wording("fr")) == "Vouliez-vous dire Mexico ou Morocco\u202f? "
    assert question.render(report_wording("es")) == "¿Quiso decir Mexico o Morocco? "


def test_values_are_never_translated():
    """A cell that happens to be a message of the catalogue stays as the editor wrote it."""
    text = R_("Use for example '{slug}'.", slug="error")
    assert text.render(report_wording("fr")) == "Utilisez par exemple «\u00a0error\u00a0»."


def test_a_broken_translation_falls_back_to_english():
    assert R_("is before the year joined ({year})", year=2002).render(Broken()) == \
        "is before the year joined (2002)"
    assert RN_("{n} warning", "{n} warnings", 3).render(Broken()) == "3 warnings"


def test_an_empty_text_is_empty_in_every_language():
    """gettext('') would be the catalogue's header."""
    assert Text("").render(report_wording("fr")) == ""


def keyword_calls(tree):
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id in ("R_", "RN_")]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_every_report_message_is_a_literal_template(path):
    """`make translations` extracts R_ and RN_ templates as they are written: an f-string
    or a variable would reach the report untranslated (and an f-string, filled in)."""
    for call in keyword_calls(ast.parse(path.read_text())):
        templates = call.args[:1 if call.func.id == "R_" else 2]
        assert templates and all(isinstance(t, ast.Constant) and isinstance(t.value, str)
                                 and t.value for t in templates), (path.name, call.lineno)
