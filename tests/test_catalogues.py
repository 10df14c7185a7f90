"""The translation catalogues: complete, up to date with the code, placeholders intact."""

import pytest
from babel.messages.pofile import read_po

from pipeline.catalogues import catalogue_path, compile_catalogue
from pipeline.config import LANGUAGES
from pipeline.tools.translations import catalogue_problems, extracted_messages

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_catalogue_is_complete(lang):
    """No untranslated, fuzzy or empty plural entry, no placeholder lost or invented."""
    assert catalogue_problems(catalogue_path(lang), lang) == []


@pytest.mark.parametrize("lang, forms", [("fr", 3), ("es", 3), ("ru", 3), ("ar", 6)])
def test_catalogues_have_every_plural_form_of_the_language(lang, forms):
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
