"""Meeting sentences in each language: named by their own title, dates, places, documents."""

import datetime as dt
import re

import pytest

from pipeline.aggregate.titles import meeting_name
from pipeline.compose.sentences import Sentences
from pipeline.contract.vocabularies import LEVEL
from pipeline.lang.localiser import Localiser
from pipeline.model import Meeting

EN, FR, ES, RU, AR = (Sentences(Localiser(lang)) for lang in ("en", "fr", "es", "ru", "ar"))



def meeting(**values):
    base = dict(mechanism_id="bali", edition=4, title="Fourth Ministerial Meeting",
                start=dt.date(2025, 1, 23), end=dt.date(2025, 1, 24), city="Colombo",
                country="LKA", level="ministerial", themes=(), chair="",
                iom_participation=True, summary="", outcome_documents=(), source="")
    values = base | values
    values.setdefault("name", meeting_name(values["title"], values["edition"], "RCM"))
    return Meeting(**values)


def test_meeting_sentence_with_outcome():
    text = EN.meeting_sentence(meeting(outcome_documents=("Colombo Declaration",),
                                       summary="Ministers agreed on <next> steps."))
    assert str(text) == ("The Fourth RCM Ministerial Meeting, held on 23–24 January 2025 in "
                         "Colombo, Sri Lanka, adopted the <cite>Colombo Declaration</cite>. "
                         "Ministers agreed on &lt;next&gt; steps.")


def test_several_outcome_documents_are_a_list():
    text = plain(EN.meeting_sentence(meeting(
        outcome_documents=("Cairo Declaration", "Cairo Action Plan"))))
    assert text.endswith("adopted the Cairo Declaration and the Cairo Action Plan.")


def test_a_meeting_is_named_by_its_own_title_whatever_its_level_and_edition():
    text = EN.meeting_sentence(meeting(edition=19, level="senior-officials",
                                       title="19th Bali Process Steering Group Meeting"))
    assert str(text).startswith("The 19th Bali Process Steering Group Meeting took place on ")
    text = EN.meeting_sentence(meeting(edition=None, level="thematic", city="",
                                       title="Skills <b>partnerships</b>"))
    assert str(text) == ("The Skills &lt;b&gt;partnerships&lt;/b&gt; took place on 23–24 January "
                         "2025 in Sri Lanka.")
    text = EN.meeting_sentence(meeting(edition=None, title="The Hague Forum"))
    assert str(text).startswith("The Hague Forum took place")


def test_straight_apostrophes_and_number_hyphens_are_made_typographic():
    text = plain(EN.meeting_sentence(meeting(
        edition=None, title="Senior Officials' Meeting", summary="The 2024-2025 plan.")))
    assert text.startswith("The RCM Senior Officials’ Meeting took place")
    assert text.endswith("The 2024–2025 plan.")


def test_online_meeting():
    assert "took place on 23–24 January 2025 online." in str(
        EN.meeting_sentence(meeting(city="Online", country="")))


# Other languages ------------------------------------------------------------------

def plain(markup) -> str:
    """The text a reader sees: no tags, no isolate marks (tested on their own below)."""
    return re.sub(r"<[^>]+>|[\u2066\u2069]", "", str(markup))


@pytest.mark.parametrize("loc, level, text", [
    (FR, "ministerial", "La réunion ministérielle « Fourth RCM Ministerial Meeting », tenue les 23 "
                        "et 24 janvier 2025 à Colombo (Sri Lanka), a adopté le document "
                        "« Colombo Declaration »."),
    (FR, "summit", "Le sommet « Fourth RCM Ministerial Meeting », tenu les 23 et 24 janvier 2025 "
                   "à Colombo (Sri Lanka), a adopté le document « Colombo Declaration »."),
    (ES, "ministerial", "La reunión ministerial «Fourth RCM Ministerial Meeting», celebrada los "
                        "días 23 y 24 de enero de 2025 en Colombo (Sri Lanka), aprobó el "
                        "documento «Colombo Declaration»."),
    (RU, "ministerial", "Совещание министров «Fourth RCM Ministerial Meeting», состоявшееся 23–24 "
                        "января 2025 года в Коломбо (Шри-Ланка), приняло документ «Colombo "
                        "Declaration»."),
    (RU, "summit", "Саммит «Fourth RCM Ministerial Meeting», состоявшийся 23–24 января 2025 года в "
                   "Коломбо (Шри-Ланка), принял документ «Colombo Declaration»."),
    (AR, "ministerial", "اعتمد الاجتماع الوزاري «Fourth RCM Ministerial Meeting»، المعقود يومي 23 "
                        "و24 كانون الثاني/يناير 2025 في كولومبو، سري لانكا، الوثيقة "
                        "«Colombo Declaration»."),
])
def test_meeting_sentences_follow_each_language(loc, level, text):
    m = meeting(level=level, outcome_documents=("Colombo Declaration",))
    assert plain(loc.meeting_sentence(m)).replace("\u00a0", " ") == text


def test_verbs_agree_with_the_noun_of_each_level():
    held = lambda loc, level: plain(loc.meeting_sentence(meeting(level=level)))  # noqa: E731
    assert " s’est tenue le" not in held(FR, "summit") and " s’est tenu les " in held(FR, "summit")
    assert " s’est tenue les " in held(FR, "thematic")
    assert " состоялся " in held(RU, "summit") and " состоялось " in held(RU, "technical")


@pytest.mark.parametrize("loc, text", [
    (EN, "The Fourth RCM Ministerial Meeting is scheduled to take place on 23–24 January 2025 in "
         "Colombo, Sri Lanka. Ministers will review the plan."),
    (FR, "La réunion ministérielle « Fourth RCM Ministerial Meeting » doit se tenir les 23 et 24 "
         "janvier 2025 à Colombo (Sri Lanka)."),
    (ES, "La reunión ministerial «Fourth RCM Ministerial Meeting» se celebrará los días 23 y 24 "
         "de enero de 2025 en Colombo (Sri Lanka)."),
    (RU, "Совещание министров «Fourth RCM Ministerial Meeting» состоится 23–24 января 2025 года "
         "в Коломбо (Шри-Ланка)."),
    (AR, "سيُعقد الاجتماع الوزاري «Fourth RCM Ministerial Meeting» يومي 23 و24 كانون الثاني/يناير "
         "2025 في كولومبو، سري لانكا."),
])
def test_an_upcoming_meeting_is_told_in_the_future_and_has_adopted_nothing(loc, text):
    """A meeting after the edition date (planned): not 'took place', and not 'adopted' though
    its outcome_document is filled in (a declaration expected); its summary as written."""
    m = meeting(status="planned", outcome_documents=("Colombo Declaration",),
                summary="Ministers will review the plan.")
    shown = plain(loc.meeting_sentence(m)).replace("\u00a0", " ")
    # In another language the English summary follows in a line of its own (a span).
    assert shown == text if loc is EN else shown == text + "Ministers will review the plan."
    assert "Colombo Declaration" not in shown


@pytest.mark.parametrize("level", LEVEL.keys)
def test_every_level_has_its_upcoming_sentence(level):
    for loc, words in ((EN, " is scheduled to take place "), (FR, " doit se tenir "),
                       (ES, " se celebrará "), (RU, " состоится "), (AR, "سيُعقد ")):
        shown = plain(loc.meeting_sentence(meeting(level=level, status="planned")))
        assert words in shown and "took place" not in shown, (loc.loc.lang, shown)


def test_english_text_from_the_inputs_is_isolated_in_other_languages():
    sentence = str(AR.meeting_sentence(meeting(edition=None, level="thematic",
                                               title="Skills <b>", summary="Agreed.")))
    # The marks as well as the tag: WeasyPrint orders the PDF's text by the marks.
    assert '«<span lang="en" dir="ltr">\u2066Skills &lt;b&gt;\u2069</span>»' in sentence
    assert sentence.endswith('<span class="summary" lang="en" dir="ltr">Agreed.</span>')
    assert "Agreed." in str(EN.meeting_sentence(meeting(summary="Agreed.")))


@pytest.mark.parametrize("loc, city, country, text", [
    (FR, "", "LKA", "(pays hôte : Sri Lanka)"), (FR, "Online", "", "en ligne"),
    (ES, "", "LKA", "en Sri Lanka"), (RU, "Онлайн", "", "в онлайн-формате"),
    (AR, "", "LKA", "في سري لانكا"), (AR, "Colombo", "", "في كولومبو"),
    (AR, "Springfield", "", "في Springfield"),
    (RU, "Springfield", "USA", "в г. Springfield (Соединенные Штаты Америки)"),
    (RU, "Geneva", "CHE", "в Женеве (Швейцария)"), (FR, "Cairo", "EGY", "au Caire (Égypte)"),
])
def test_places(loc, city, country, text):
    assert plain(loc.place(meeting(city=city, country=country))).replace("\u00a0", " ") == text
