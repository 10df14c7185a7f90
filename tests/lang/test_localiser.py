"""Numbers, dates, lists and order in the reader's language."""

import datetime as dt

import pytest

from pipeline.lang.localiser import Localiser
from pipeline.model import Theme

EN = Localiser("en")


@pytest.mark.parametrize("start, end, text", [
    (dt.date(2025, 1, 23), dt.date(2025, 1, 23), "23 January 2025"),
    (dt.date(2025, 1, 23), dt.date(2025, 1, 24), "23–24 January 2025"),
    (dt.date(2025, 1, 30), dt.date(2025, 2, 2), "30 January–2 February 2025"),
    (dt.date(2024, 12, 30), dt.date(2025, 1, 2), "30 December 2024 – 2 January 2025"),
])
def test_english_date_ranges(start, end, text):
    assert EN.date_range(start, end) == text


@pytest.mark.parametrize("start, end, text", [
    (dt.date(2025, 1, 23), dt.date(2025, 1, 23), "on 23 January 2025"),
    (dt.date(2025, 2, 25), dt.date(2025, 2, 26), "on 25–26 February 2025"),
    (dt.date(2025, 4, 28), dt.date(2025, 5, 2), "from 28 April to 2 May 2025"),
    (dt.date(2024, 12, 30), dt.date(2025, 1, 2), "from 30 December 2024 to 2 January 2025"),
])
def test_english_dates_in_sentences_follow_un_style(start, end, text):
    assert EN.date_range(start, end, in_sentence=True) == text


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
    (AR, ["23 كانون الثاني/يناير 2025", "23 و24 كانون الثاني/يناير 2025", "5–7 آذار/مارس 2025",
          "30 كانون الثاني/يناير – 1 شباط/فبراير 2025",
          "30 كانون الأول/ديسمبر 2024 – 2 كانون الثاني/يناير 2025"],
         ["في 23 كانون الثاني/يناير 2025", "يومي 23 و24 كانون الثاني/يناير 2025",
          "في الفترة من 5 إلى 7 آذار/مارس 2025",
          "في الفترة من 30 كانون الثاني/يناير إلى 1 شباط/فبراير 2025",
          "في الفترة من 30 كانون الأول/ديسمبر 2024 إلى 2 كانون الثاني/يناير 2025"]),
])
def test_date_ranges_in_tables_and_in_sentences(loc, table, sentence):
    assert [loc.date_range(a, b) for a, b in DAYS] == table
    assert [loc.date_range(a, b, in_sentence=True) for a, b in DAYS] == sentence


def test_numbers_lists_and_order_per_locale():
    assert FR.number(1234) == "1\u202f234" and ES.number(1234567) == "1.234.567"
    # Arabic repeats the conjunction before every item after the first (issue 20).
    assert AR.list(["أ", "ب", "ج"]) == "أ، وب، وج" and AR.list(["أ", "ب"]) == "أ وب"
    # Arabic lists are sorted without the article: الأردن is filed under أردن, before
    # إسبانيا (ر before س), and البحرين under بحرين, after both.
    assert sorted(["إسبانيا", "الأردن", "البحرين"], key=AR.sort_key) == [
        "الأردن", "إسبانيا", "البحرين"]
    assert RU.month(5, heading=False) == "май" and RU.month(5) == "Май"


# Arabic --------------------------------------------------------------------------------

def test_latin_runs_in_arabic_text_are_isolated():
    assert AR.isolated("المنتدى الأفريقي التاسع (PAFoM IX) في <b>") == (
        "المنتدى الأفريقي التاسع (\u2066PAFoM IX\u2069) في &lt;\u2066b\u2069&gt;")
    assert FR.isolated("Forum (PAFoM IX)") == "Forum (PAFoM IX)"
    assert str(AR.data_text("Bali Process")) == (
        '<span lang="en" dir="ltr">\u2066Bali Process\u2069</span>')


def test_arabic_writes_one_and_two_in_the_noun_not_with_a_digit():
    assert str(AR.big_figure(2, "آليتان نشطتان")) == '<span class="big words">آليتان نشطتان</span>'
    assert str(AR.big_figure(1, "آلية نشطة واحدة")).count("1") == 0
    assert str(AR.big_figure(22, "آلية نشطة")) == '<span class="big">22</span> آلية نشطة'
    assert str(FR.big_figure(2, "mécanismes actifs")) == (
        '<span class="big">2</span> mécanismes actifs')


def test_arabic_months_and_lists_follow_un_arabic_style():
    assert AR.date(dt.date(2025, 4, 24)) == "24 نيسان/أبريل 2025"
    assert AR.month(12) == "كانون الأول/ديسمبر"
    assert AR.list(["بورتو", "البرتغال", "إسبانيا"]) == "بورتو، والبرتغال، وإسبانيا"
    assert "," not in AR.comma


def test_calendar_captions_and_a_date_that_ends_a_sentence():
    assert FR.month_caption(1) == "Réunions de janvier"
    assert FR.month_caption(4) == "Réunions d’avril"
    assert EN.month_caption(1) == "Meetings in January"
    assert ES.month_caption(3) == "Reuniones de marzo"
    # The Russian date ends with 'г.': the sentence takes no second full stop.
    caption = RU.translations.gettext(
        "Inter-State consultation mechanisms on migration, by type and region, as of %(date)s.")
    assert (caption % {"date": RU.date(dt.date(2025, 12, 18))}).endswith("2025\u202fг.")
    assert not (caption % {"date": RU.date(dt.date(2025, 12, 18))}).endswith("г..")


@pytest.mark.parametrize("lang, items, text", [
    ("en", ["Trafficking and smuggling", "irregular migration", "protection and asylum",
            "border management"],
     "Trafficking and smuggling; irregular migration; protection and asylum; and border "
     "management"),
    ("fr", ["Libre circulation", "retour et réintégration", "diaspora"],
     "Libre circulation\u202f; retour et réintégration\u202f; et diaspora"),
    ("es", ["Migración laboral", "datos e investigación", "diáspora"],
     "Migración laboral; datos e investigación; y diáspora"),
    ("ru", ["Трудовая миграция", "данные и исследования", "диаспора"],
     "Трудовая миграция; данные и исследования; и диаспора"),
    # No item holds the conjunction: the language's own list.
    ("en", ["Labour migration", "free movement", "diaspora"],
     "Labour migration, free movement and diaspora"),
])
def test_items_that_hold_the_conjunction_are_separated_by_semicolons(lang, items, text):
    assert Localiser(lang).list(items) == text


def test_labels_in_a_list_are_lower_cased_after_the_first_but_acronyms_and_english():
    fr = Localiser("fr")
    assert fr.label_list(["Libre circulation", "Gestion des frontières", "GCM"]) == (
        "Libre circulation, gestion des frontières et GCM")
    english = fr.data_text("Regional integration")
    assert fr.label_list(["Libre circulation", english]) == (
        'Libre circulation et <span lang="en" dir="ltr">Regional integration</span>')
    assert Localiser("en").label_list(["Observer", "Secretariat"]) == "Observer and secretariat"


def test_a_theme_no_table_declares_is_printed_as_the_inputs_write_it():
    themes = {"border-management": Theme("border-management", {"en": "Border management"}),
              "Regional Integration": Theme("Regional Integration",
                                            {"en": "Regional Integration"}, known=False)}
    assert Localiser("en").theme_list(
        ["irregular", "border-management", "Regional Integration", "Free Movement"],
        themes) == "irregular, border management, Regional Integration and Free Movement"
