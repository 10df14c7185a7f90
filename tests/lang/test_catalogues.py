"""The translation catalogues (the documents' and the report's): complete, up to date with the
code, placeholders intact, French typography."""

import re

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from pipeline.contract.schema import TABLES
from pipeline.lang.catalogues import REPORT, catalogue_path, compile_catalogue
from pipeline.languages import CATALOGUES
from pipeline.tools.translations import catalogue_problems, extracted_messages

TRANSLATED = CATALOGUES["messages"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_catalogue_is_complete(lang):
    """No untranslated, fuzzy or empty plural entry, no placeholder lost or invented."""
    assert catalogue_problems(catalogue_path(lang), lang) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogues_have_every_plural_form_of_the_language(lang):
    """As many forms as gettext's rule for the language has (Babel's table: French, Spanish
    and Russian 3, Arabic 6), every one filled."""
    forms = get_plural(lang).num_plurals
    with catalogue_path(lang).open("rb") as file:
        catalogue = read_po(file, locale=lang)
    assert catalogue.num_plurals == forms
    plurals = [m for m in catalogue if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == forms and all(m.string) for m in plurals)


@pytest.fixture(scope="module")
def in_code():
    return extracted_messages()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogues_hold_every_message_of_the_code(in_code, lang):
    """A message added to a template or the code needs `make translations` and a translation."""
    with catalogue_path(lang).open("rb") as file:
        catalogue = read_po(file, locale=lang)
    in_catalogue = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
                    for m in catalogue if m.id}
    assert in_code - in_catalogue == set()
    assert len(in_code) > 150


def write_po(path, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
                    '"Plural-Forms: nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : '
                    'n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);\\n"\n\n' + body,
                    encoding="utf-8")
    return path


def test_the_check_finds_untranslated_fuzzy_and_broken_entries(tmp_path):
    po = write_po(tmp_path / "ar" / "LC_MESSAGES" / "messages.po", '''
msgid "Contents"
msgstr ""

#, fuzzy
msgid "Type"
msgstr "النوع"

msgid "Calendar of %(year)s"
msgstr "جدول الاجتماعات"

msgid "in {city}"
msgstr "في {town}"

msgid "{n} meeting in all."
msgid_plural "{n} meetings in all."
msgstr[0] "لم يُعقد أي اجتماع."
msgstr[1] "اجتماع واحد في المجموع."
msgstr[2] "اجتماعان في المجموع."
msgstr[3] "اجتماعات في المجموع."
msgstr[4] "{n} اجتماعًا في المجموع."
msgstr[5] ""
''')
    problems = catalogue_problems(po, "ar")
    assert problems == [
        "ar/messages.po: 'Contents': untranslated",
        "ar/messages.po: 'Type': fuzzy (check the translation, then remove the flag)",
        "ar/messages.po: 'Calendar of %(year)s': missing placeholder(s) year",
        "ar/messages.po: 'in {city}': unknown placeholder(s) town",
        "ar/messages.po: 'in {city}': missing placeholder(s) city",
        # Forms 0-2 are for 0, 1 and 2 only and may leave the number out; form 3 may not.
        "ar/messages.po: '{n} meeting in all.': form 3 missing placeholder(s) n",
        "ar/messages.po: '{n} meeting in all.': form 5 untranslated",
    ]


def test_fuzzy_entries_are_not_compiled(tmp_path):
    po = write_po(tmp_path / "ar" / "LC_MESSAGES" / "messages.po",
                  '#, fuzzy\nmsgid "Type"\nmsgstr "النوع"\n\nmsgid "Total"\nmsgstr "المجموع"\n')
    compiled = compile_catalogue(po, "ar")
    assert "المجموع".encode() in compiled and "النوع".encode() not in compiled


# The report catalogues: the messages about the inputs, in the report languages.

REPORT_TRANSLATED = CATALOGUES["report"]


def report_catalogue(lang):
    with catalogue_path(lang, domain=REPORT).open("rb") as file:
        return read_po(file, locale=lang)


@pytest.mark.parametrize("lang", REPORT_TRANSLATED)
def test_every_report_catalogue_is_complete(lang):
    """No untranslated or fuzzy message about the inputs, no placeholder lost or invented."""
    assert catalogue_problems(catalogue_path(lang, domain=REPORT), lang) == []


@pytest.fixture(scope="module")
def in_report_code():
    return extracted_messages(REPORT)


@pytest.mark.parametrize("lang", REPORT_TRANSLATED)
def test_report_catalogues_hold_every_report_message_and_column_help(in_report_code, lang):
    """A message added with R_() (or a column help added to schema.py) needs `make
    translations` and a translation."""
    in_catalogue = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
                    for m in report_catalogue(lang) if m.id}
    assert in_report_code - in_catalogue == set()
    helps = {(None, c.help) for spec in TABLES for c in spec.template_columns}
    assert helps <= in_catalogue and len(in_report_code) > 200


def test_the_report_domain_keeps_to_its_own_messages(in_code, in_report_code):
    """The documents' catalogues (five languages) do not take in the report's messages,
    which exist in three."""
    assert not {m for m in in_report_code if m[0] is None} & in_code


FRENCH_SPACES = [(" :", "a space before ':' (U+00A0 is wanted)"),
                 (" ;", "a space before ';' (U+202F)"), (" ?", "a space before '?' (U+202F)"),
                 (" !", "a space before '!' (U+202F)"), ("« ", "a space after '«' (U+00A0)"),
                 (" »", "a space before '»' (U+00A0)")]


def french_colons_without_space(text):
    """Colons that should have U+00A0 before them: not in placeholders ({start:%d/%m/%Y}),
    web addresses (https://, 127.0.0.1:{port})."""
    text = re.sub(r"\{[^}]*\}|\S+://\S*|127\.0\.0\.1:", "", text)
    return [m.start() for m in re.finditer(r"(?<!\u00a0):", text)]


def test_french_report_messages_follow_french_typography():
    """U+00A0 before ':' and inside « », U+202F before ';', '?' and '!'."""
    problems = []
    for message in report_catalogue("fr"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, strings if message.id else ()):
            problems += [(text, why) for space, why in FRENCH_SPACES if space in text]
            if french_colons_without_space(text):
                problems.append((text, "a ':' without U+00A0 before it"))
            problems += [(text, f"'{mark}' without U+202F before it")
                         for mark in ";?!" if re.search(rf"(?<!\u202f)\{mark}", text)]
            problems += [(text, "a quote not in « »") for quote in "“”\"" if quote in text]
    assert problems == []


def test_spanish_questions_open_with_an_inverted_mark():
    for message in report_catalogue("es"):
        if message.id and "?" in str(message.string):
            assert "¿" in message.string, message.string
