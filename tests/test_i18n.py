"""Sentences, dates and ordinals in the reader's language."""

import datetime as dt
import re

import pytest

from pipeline.i18n import Localiser, Ordinal
from pipeline.model import Meeting

EN = Localiser("en")


@pytest.mark.parametrize("start, end, text", [
    (dt.date(2025, 1, 23), dt.date(2025, 1, 23), "23 January 2025"),
    (dt.date(2025, 1, 23), dt.date(2025, 1, 24), "23–24 January 2025"),
    (dt.date(2025, 1, 30), dt.date(2025, 2, 2), "30 January – 2 February 2025"),
    (dt.date(2024, 12, 30), dt.date(2025, 1, 2), "30 December 2024 – 2 January 2025"),
])
def test_english_date_ranges(start, end, text):
    assert EN.date_range(start, end) == text


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"),
                                     (11, "11th"), (12, "12th"), (21, "21st"), (23, "23rd")])
def test_english_ordinals(n, text):
    assert f"{Ordinal(n, 'en')}" == text


def test_ordinal_gender_comes_from_the_pattern():
    assert "La {n:f} réunion".format(n=Ordinal(1, "fr")) == "La 1re réunion"
    assert "Le {n:m} sommet".format(n=Ordinal(1, "fr")) == "Le 1er sommet"
    assert "La {n:f} Reunión".format(n=Ordinal(4, "es")) == "La 4.ª Reunión"


def meeting(**values):
    base = dict(mechanism_id="bali", edition=4, title="Fourth Ministerial Meeting",
                start=dt.date(2025, 1, 23), end=dt.date(2025, 1, 24), city="Colombo",
                country="LKA", level="ministerial", themes=(), chair="",
                iom_participation=True, summary="", outcome_document="", source="")
    return Meeting(**(base | values))


def test_meeting_sentence_with_outcome():
    text = EN.meeting_sentence(meeting(outcome_document="Colombo Declaration",
                                       summary="Ministers agreed on <next> steps."))
    assert str(text) == ("The 4th Ministerial Meeting, 23–24 January 2025 in Colombo, "
                         "Sri Lanka, adopted the outcome document “<cite>Colombo Declaration"
                         "</cite>”. Ministers agreed on &lt;next&gt; steps.")


def test_meeting_sentence_without_edition_quotes_the_title():
    text = EN.meeting_sentence(meeting(edition=None, level="thematic", city="",
                                       title="Skills <b>partnerships</b>"))
    assert str(text) == ("The thematic meeting “Skills &lt;b&gt;partnerships&lt;/b&gt;” "
                         "took place on 23–24 January 2025 in Sri Lanka.")


def test_online_meeting():
    assert "took place on 23–24 January 2025 online." in str(
        EN.meeting_sentence(meeting(city="Online", country="")))


def test_numbers_and_lists():
    assert EN.number(1234) == "1,234"
    assert EN.number(None) == "–"
    assert EN.list(["A", "B", "C"]) == "A, B and C"


# Other languages ------------------------------------------------------------------

FR, ES, RU, AR = (Localiser(lang) for lang in ("fr", "es", "ru", "ar"))
DAYS = [(dt.date(2025, 1, 23), dt.date(2025, 1, 23)), (dt.date(2025, 1, 23), dt.date(2025, 1, 24)),
        (dt.date(2025, 3, 5), dt.date(2025, 3, 7)), (dt.date(2025, 1, 30), dt.date(2025, 2, 1)),
        (dt.date(2024, 12, 30), dt.date(2025, 1, 2))]


@pytest.mark.parametrize("loc, table, sentence", [
    (FR, ["23 janvier 2025", "23 et 24 janvier 2025", "5–7 mars 2025",
          "30 janvier – 1er février 2025", "30 décembre 2024 – 2 janvier 2025"],
         ["le 23 janvier 2025", "les 23 et 24 janvier 2025", "du 5 au 7 mars 2025",
          "du 30 janvier au 1er février 2025", "du 30 décembre 2024 au 2 janvier 2025"]),
    (ES, ["23 de enero de 2025", "23 y 24 de enero de 2025", "5 a 7 de marzo de 2025",
          "30 de enero a 1 de febrero de 2025", "30 de diciembre de 2024 a 2 de enero de 2025"],
         ["el 23 de enero de 2025", "los días 23 y 24 de enero de 2025",
          "del 5 al 7 de marzo de 2025", "del 30 de enero al 1 de febrero de 2025",
          "del 30 de diciembre de 2024 al 2 de enero de 2025"]),
    (RU, ["23 января 2025 г.", "23–24 января 2025 г.", "5–7 марта 2025 г.",
          "30 января – 1 февраля 2025 г.", "30 декабря 2024 г. – 2 января 2025 г."],
         ["23 января 2025 года", "23–24 января 2025 года", "5–7 марта 2025 года",
          "с 30 января по 1 февраля 2025 года", "с 30 декабря 2024 года по 2 января 2025 года"]),
    (AR, ["23 يناير 2025", "23 و24 يناير 2025", "5–7 مارس 2025", "30 يناير – 1 فبراير 2025",
          "30 ديسمبر 2024 – 2 يناير 2025"],
         ["في 23 يناير 2025", "يومي 23 و24 يناير 2025", "في الفترة من 5 إلى 7 مارس 2025",
          "في الفترة من 30 يناير إلى 1 فبراير 2025",
          "في الفترة من 30 ديسمبر 2024 إلى 2 يناير 2025"]),
])
def test_date_ranges_in_tables_and_in_sentences(loc, table, sentence):
    assert [loc.date_range(a, b) for a, b in DAYS] == table
    assert [loc.date_range(a, b, in_sentence=True) for a, b in DAYS] == sentence


@pytest.mark.parametrize("lang, spec, numbers, texts", [
    ("fr", "f", [1, 2, 4], ["1re", "2e", "4e"]),
    ("fr", "m", [1, 15], ["1er", "15e"]),
    ("es", "f", [1, 4], ["1.ª", "4.ª"]),
    ("es", "m", [1, 3, 4, 11, 21], ["1.er", "3.er", "4.º", "11.º", "21.er"]),
    ("ru", "m", [4], ["4-й"]), ("ru", "f", [4], ["4-я"]), ("ru", "n", [4], ["4-е"]),
    ("ar", "m", [1, 4, 11, 12, 15, 20, 21, 37, 100, 101],
     ["الأول", "الرابع", "الحادي عشر", "الثاني عشر", "الخامس عشر", "العشرون",
      "الحادي والعشرون", "السابع والثلاثون", "المائة", "الـ101"]),
    ("ar", "f", [1, 11, 23], ["الأولى", "الحادية عشرة", "الثالثة والعشرون"]),
])
def test_ordinals_in_each_language(lang, spec, numbers, texts):
    assert [format(Ordinal(n, lang), spec) for n in numbers] == texts


def plain(markup) -> str:
    return re.sub(r"<[^>]+>", "", str(markup))


@pytest.mark.parametrize("loc, level, edition, text", [
    (FR, "ministerial", 4, "La 4e réunion ministérielle, tenue les 23 et 24 janvier 2025 à "
                           "Colombo (Sri Lanka), a adopté le document final « Colombo "
                           "Declaration »."),
    (FR, "summit", 1, "Le 1er sommet, tenu les 23 et 24 janvier 2025 à Colombo (Sri Lanka), a "
                      "adopté le document final « Colombo Declaration »."),
    (ES, "ministerial", 4, "La 4.ª Reunión Ministerial, celebrada los días 23 y 24 de enero de "
                           "2025 en Colombo (Sri Lanka), aprobó el documento final «Colombo "
                           "Declaration»."),
    (RU, "ministerial", 4, "4-е совещание министров, состоявшееся 23–24 января 2025 года в "
                           "Colombo (Шри-Ланка), приняло итоговый документ «Colombo "
                           "Declaration»."),
    (RU, "summit", 15, "15-й саммит, состоявшийся 23–24 января 2025 года в Colombo "
                       "(Шри-Ланка), принял итоговый документ «Colombo Declaration»."),
    (AR, "ministerial", 4, "اعتمد الاجتماع الوزاري الرابع، المعقود يومي 23 و24 يناير 2025 في "
                           "Colombo، سري لانكا، الوثيقة الختامية «Colombo Declaration»."),
])
def test_meeting_sentences_follow_each_language(loc, level, edition, text):
    m = meeting(level=level, edition=edition, outcome_document="Colombo Declaration")
    assert plain(loc.meeting_sentence(m)).replace("\u00a0", " ") == text


def test_verbs_agree_with_the_noun_of_each_level():
    held = lambda loc, level: plain(loc.meeting_sentence(meeting(level=level)))  # noqa: E731
    assert " s’est tenue le" not in held(FR, "summit") and " s’est tenu les " in held(FR, "summit")
    assert " s’est tenue les " in held(FR, "thematic")
    assert " состоялся " in held(RU, "summit") and " состоялось " in held(RU, "technical")


def test_english_text_from_the_inputs_is_isolated_in_other_languages():
    sentence = str(AR.meeting_sentence(meeting(edition=None, level="thematic",
                                               title="Skills <b>", summary="Agreed.")))
    assert '«<span lang="en" dir="ltr">Skills &lt;b&gt;</span>»' in sentence
    assert sentence.endswith('<span class="summary" lang="en" dir="ltr">Agreed.</span>')
    assert "Agreed." in str(EN.meeting_sentence(meeting(summary="Agreed.")))


@pytest.mark.parametrize("loc, city, country, text", [
    (FR, "", "LKA", "(pays hôte : Sri Lanka)"), (FR, "Online", "", "en ligne"),
    (ES, "", "LKA", "en Sri Lanka"), (RU, "Онлайн", "", "в онлайн-формате"),
    (AR, "", "LKA", "في سري لانكا"), (AR, "Colombo", "", "في Colombo"),
])
def test_places(loc, city, country, text):
    assert plain(loc.place(meeting(city=city, country=country))).replace("\u00a0", " ") == text


def test_numbers_lists_and_order_per_locale():
    assert FR.number(1234) == "1\u202f234" and ES.number(1234567) == "1.234.567"
    assert AR.list(["أ", "ب", "ج"]) == "أ وب وج"
    # Arabic lists are sorted without the article: الأردن is filed under أردن, before
    # إسبانيا (ر before س), and البحرين under بحرين, after both.
    assert sorted(["إسبانيا", "الأردن", "البحرين"], key=AR.sort_key) == [
        "الأردن", "إسبانيا", "البحرين"]
    assert RU.month(5, heading=False) == "май" and RU.month(5) == "Май"
