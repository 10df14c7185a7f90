"""Messages kept as data, so that the report can speak the editor's language.

A message about the inputs is a ``Text``: its English template (a ``str.format``
pattern, which is also its msgid in the ``report`` catalogue) and the values
that fill it. Where a problem is found, its Text is rendered in English once,
and ``Problem.message`` stays the plain English string it always was; the
report renders the same Text again in the language it is shown in
(``REPORT_LANG``: catalogues.report_wording). Values stay as the editor wrote
them: only the words of the template are translated.

``R_()`` and ``RN_()`` make Texts; they are the keywords that ``make
translations`` extracts into the report catalogue, so their templates must be
string literals (tests/test_wording.py checks it), never f-strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Protocol


class Wording(Protocol):
    """How one language says things: its catalogue, lists, language names and quotes."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...

    def either(self, items: list[str]) -> str:
        """'A or B' in the language."""

    def language(self, code: str) -> str:
        """The name of a language, as it is written mid-sentence."""

    def quote(self, value: str) -> str:
        """A value of the inputs, quoted the language's way."""


class English:
    """The source language: the templates as they are, and the report's English exactly as
    it was before it could be translated (values quoted with repr(), "A or B or C")."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def either(self, items: list[str]) -> str:
        return " or ".join(items)

    def language(self, code: str) -> str:
        return english_language_name(code)

    def quote(self, value: str) -> str:
        return repr(value)


ENGLISH = English()


@cache
def english_language_name(code: str) -> str:
    """A language's English name (CLDR): asked once per language, not once per message (a
    hundred times the shipped inputs make thousands of name-fallback warnings)."""
    from babel import Locale  # only when a message names a language

    return Locale.parse("en").languages[code]


@dataclass(frozen=True)
class Text:
    """A message: its English template, the values that fill it, and for a message that
    depends on a number, its plural template and that number."""

    template: str
    values: tuple[tuple[str, object], ...] = ()
    plural: str = ""
    count: int = 0

    def render(self, wording: Wording = ENGLISH) -> str:
        """The message in a language; its English when the translation is missing or has
        lost a placeholder (the catalogue tests catch that, a report never crashes on it)."""
        if not self.template:
            return ""  # gettext("") is the catalogue's header
        values = {name: shown(value, wording) for name, value in self.values}
        english = ENGLISH.ngettext(self.template, self.plural, self.count) if self.plural \
            else self.template
        pattern = (wording.ngettext(self.template, self.plural, self.count) if self.plural
                   else wording.gettext(self.template))
        try:
            return pattern.format(**values)
        except (KeyError, IndexError, ValueError):
            return english.format(**values)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Either:
    """Values one of which is meant: 'Mexico or Morocco' (' ou ', ' o ' in the report)."""

    items: tuple[object, ...]

    def render(self, wording: Wording = ENGLISH) -> str:
        return wording.either([str(shown(item, wording)) for item in self.items])


@dataclass(frozen=True)
class LanguageName:
    """A language named in a message ('the Spanish documents'), in the report's language."""

    code: str

    def render(self, wording: Wording = ENGLISH) -> str:
        return wording.language(self.code)


def shown(value: object, wording: Wording) -> object:
    """A value as a message shows it: a nested message in the same language, anything else
    as it is (cell values, headers and sheet names stay as the editor wrote them)."""
    return value.render(wording) if isinstance(value, Text | Either | LanguageName) else value


def R_(template: str, /, **values: object) -> Text:  # noqa: N802 (a gettext-style keyword)
    """A report message: R_("is before the start date ({start:%d/%m/%Y})", start=day)."""
    return Text(template, tuple(values.items()))


def RN_(singular: str, plural: str, n: int, /, **values: object  # noqa: N802
        ) -> Text:
    """A report message that depends on a number, which fills {n}."""
    return Text(singular, tuple({"n": n, **values}.items()), plural, n)
