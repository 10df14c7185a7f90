"""Meeting sentences in each language: named by their own title, dates, places, documents."""

import datetime as dt
import re

import pytest

from pipeline.aggregate.titles import meeting_name
from pipeline.compose.sentences import ADOPTED, FRAMES, Sentences
from pipeline.contract.grammar import CLASSES, parse_grammars
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


def translated(lang: str, title: str, gender: str = "", documents: tuple[str, ...] = (),
               genders: str = "", **values) -> Meeting:
    """A meeting whose title (and documents) a translator translated into lang, with the
    gender of each as the translator's sheet gives it ('f', 'm pl', 'f; m')."""
    translations: dict = {"title": {lang: title}}
    if gender:
        translations["title_gender"] = {lang: parse_grammars(gender)}
    if documents:
        translations["outcome_document"] = {lang: documents}
        values.setdefault("outcome_documents", tuple(f"Document {n}" for n, _ in
                                                     enumerate(documents)))
    if genders:
        translations["outcome_document_gender"] = {lang: parse_grammars(genders)}
    return meeting(translations=translations, **values)


SENTENCES = {lang: Sentences(Localiser(lang)) for lang in ("en", "fr", "es", "ru", "ar")}


@pytest.mark.parametrize("lang, title, gender, text", [
    ("fr", "3e Conférence ministérielle du Processus d’Almaty", "f",
     "La 3e Conférence ministérielle du Processus d’Almaty s’est tenue les 23 et 24 janvier "
     "2025 à Colombo (Sri Lanka)."),
    ("fr", "15e Sommet du FMMD", "m",
     "Le 15e Sommet du FMMD s’est tenu les 23 et 24 janvier 2025 à Colombo (Sri Lanka)."),
    ("fr", "Atelier du Processus de Budapest", "m",
     "L’Atelier du Processus de Budapest s’est tenu les 23 et 24 janvier 2025 à Colombo "
     "(Sri Lanka)."),
    ("fr", "Deuxièmes consultations thématiques du FMMD", "f pl",
     "Les Deuxièmes consultations thématiques du FMMD se sont tenues les 23 et 24 janvier "
     "2025 à Colombo (Sri Lanka)."),
    ("es", "Tercer Foro Fronterizo de la RSO", "m",
     "El Tercer Foro Fronterizo de la RSO se celebró los días 23 y 24 de enero de 2025 en "
     "Colombo (Sri Lanka)."),
    ("es", "Segundas Consultas Temáticas del FMMD", "fpl",
     "Las Segundas Consultas Temáticas del FMMD se celebraron los días 23 y 24 de enero de "
     "2025 en Colombo (Sri Lanka)."),
    ("ru", "3-я министерская конференция Алматинского процесса", "ж",
     "3-я министерская конференция Алматинского процесса состоялась 23–24 января 2025 года "
     "в Коломбо (Шри-Ланка)."),
    ("ru", "11-е совещание Руководящей группы", "n",
     "11-е совещание Руководящей группы состоялось 23–24 января 2025 года в Коломбо "
     "(Шри-Ланка)."),
    ("ru", "15-й саммит ГФМР", "m",
     "15-й саммит ГФМР состоялся 23–24 января 2025 года в Коломбо (Шри-Ланка)."),
    ("ru", "Вторые тематические консультации ГФМР", "pl",
     "Вторые тематические консультации ГФМР состоялись 23–24 января 2025 года в Коломбо "
     "(Шри-Ланка)."),
    ("ar", "المؤتمر الوزاري الثالث لعملية ألماتي", "m",
     "عُقد المؤتمر الوزاري الثالث لعملية ألماتي يومي 23 و24 كانون الثاني/يناير 2025 في "
     "كولومبو، سري لانكا."),
    ("ar", "القمة الخامسة عشرة للمنتدى العالمي المعني بالهجرة والتنمية", "مؤنث",
     "عُقدت القمة الخامسة عشرة للمنتدى العالمي المعني بالهجرة والتنمية يومي 23 و24 كانون "
     "الثاني/يناير 2025 في كولومبو، سري لانكا."),
])
def test_the_translated_title_is_the_subject_and_the_verb_agrees_with_it(lang, title, gender,
                                                                          text):
    """No name of a kind of meeting before the title, no quotation marks around it: the
    title, with the article its gender takes, and the verb agreeing with it."""
    shown = plain(SENTENCES[lang].meeting_sentence(translated(lang, title, gender)))
    assert shown.replace("\u00a0", " ").replace("\u202f", " ") == text


@pytest.mark.parametrize("lang, text", [
    ("fr", "La Deuxième réunion ministérielle, tenue les 23 et 24 janvier 2025 à Colombo (Sri "
           "Lanka), a adopté la Déclaration du Caire et le Plan d’action du Caire."),
    ("es", "La Segunda Reunión Ministerial, celebrada los días 23 y 24 de enero de 2025 en "
           "Colombo (Sri Lanka), aprobó la Declaración de El Cairo y el Plan de Acción de El "
           "Cairo."),
    ("ru", "Второе министерское совещание состоялось 23–24 января 2025 года в Коломбо "
           "(Шри-Ланка); по его итогам были приняты Каирская декларация и Каирский план "
           "действий."),
    ("ar", "اعتمد الاجتماع الوزاري الثاني، المعقود يومي 23 و24 كانون الثاني/يناير 2025 في "
           "كولومبو، سري لانكا، إعلان القاهرة وخطة عمل القاهرة."),
])
def test_outcome_documents_are_named_directly(lang, text):
    """'a adopté la Déclaration du Caire et le Plan d’action du Caire', not 'le document
    « … »': each with the article its own gender takes."""
    title, documents = {
        "fr": ("Deuxième réunion ministérielle", ("Déclaration du Caire",
                                                 "Plan d’action du Caire")),
        "es": ("Segunda Reunión Ministerial", ("Declaración de El Cairo",
                                               "Plan de Acción de El Cairo")),
        "ru": ("Второе министерское совещание", ("Каирская декларация",
                                                 "Каирский план действий")),
        "ar": ("الاجتماع الوزاري الثاني", ("إعلان القاهرة", "خطة عمل القاهرة")),
    }[lang]
    gender = {"fr": "f", "es": "f", "ru": "n", "ar": "m"}[lang]
    m = translated(lang, title, gender, documents, "m; f" if lang == "ar" else "f; m")
    shown = plain(SENTENCES[lang].meeting_sentence(m)).replace("\u00a0", " ")
    assert shown == text
    assert "«" not in shown and "document" not in shown and "документ" not in shown


def test_one_document_agrees_in_russian():
    m = translated("ru", "3-я министерская конференция", "f", ("Бакинская декларация",), "f")
    assert plain(RU.meeting_sentence(m)).endswith(
        "; по её итогам была принята Бакинская декларация.")


@pytest.mark.parametrize("lang, text", [
    ("fr", "Fourth RCM Ministerial Meeting : réunion tenue les 23 et 24 janvier 2025 à Colombo "
           "(Sri Lanka), qui a adopté le document Colombo Declaration."),
    ("es", "Fourth RCM Ministerial Meeting: reunión celebrada los días 23 y 24 de enero de 2025 "
           "en Colombo (Sri Lanka), que aprobó el documento Colombo Declaration."),
    ("ru", "Fourth RCM Ministerial Meeting: совещание, состоявшееся 23–24 января 2025 года в "
           "Коломбо (Шри-Ланка); по его итогам был принят документ Colombo Declaration."),
    ("ar", "Fourth RCM Ministerial Meeting: اجتماع عُقد يومي 23 و24 كانون الثاني/يناير 2025 "
           "في كولومبو، سري لانكا واعتمد الوثيقة Colombo Declaration."),
])
def test_a_title_of_unknown_gender_is_told_in_a_frame_that_needs_none(lang, text):
    """A title left in English (or translated without its gender) is not given a gender it
    may not have, nor the name of a kind of meeting: the frame needs no agreement."""
    m = meeting(outcome_documents=("Colombo Declaration",))
    assert plain(SENTENCES[lang].meeting_sentence(m)).replace("\u00a0", " ") == text


def test_a_summary_that_names_the_documents_is_not_followed_by_a_second_adoption():
    """The summary says the adoption: the sentence does not say it again (the summary, the
    editor's words, says more), in every language alike."""
    m = meeting(outcome_documents=("Baku Declaration",),
                summary="The conference adopted the Baku Declaration setting priorities.")
    assert plain(EN.meeting_sentence(m)) == (
        "The Fourth RCM Ministerial Meeting took place on 23–24 January 2025 in Colombo, Sri "
        "Lanka. The conference adopted the Baku Declaration setting priorities.")
    other = meeting(outcome_documents=("Baku Declaration",), summary="Ministers met.")
    assert "adopted the Baku Declaration. Ministers met." in plain(EN.meeting_sentence(other))


@pytest.mark.parametrize("lang, gender, text", [
    ("en", "", "The Fourth RCM Ministerial Meeting is scheduled to take place on 23–24 January "
               "2025 in Colombo, Sri Lanka. Ministers will review the plan."),
    ("fr", "f", "La 4e réunion ministérielle doit se tenir les 23 et 24 janvier 2025 à Colombo "
                "(Sri Lanka)."),
    ("fr", "", "4e réunion ministérielle : réunion prévue les 23 et 24 janvier 2025 à Colombo "
               "(Sri Lanka)."),
    ("es", "f", "La 4.ª Reunión Ministerial se celebrará los días 23 y 24 de enero de 2025 en "
                "Colombo (Sri Lanka)."),
    ("ru", "n", "4-е министерское совещание состоится 23–24 января 2025 года в Коломбо "
                "(Шри-Ланка)."),
    ("ar", "m", "سيُعقد الاجتماع الوزاري الرابع يومي 23 و24 كانون الثاني/يناير 2025 في "
                "كولومبو، سري لانكا."),
])
def test_an_upcoming_meeting_is_told_in_the_future_and_has_adopted_nothing(lang, gender, text):
    """A meeting after the edition date (planned): not 'took place', and not 'adopted' though
    its outcome_document is filled in (a declaration expected); its summary as written."""
    title = {"en": "", "fr": "4e réunion ministérielle", "es": "4.ª Reunión Ministerial",
             "ru": "4-е министерское совещание", "ar": "الاجتماع الوزاري الرابع"}[lang]
    values = dict(status="planned", outcome_documents=("Colombo Declaration",),
                  summary="Ministers will review the plan.")
    m = translated(lang, title, gender, **values) if title else meeting(**values)
    shown = plain(SENTENCES[lang].meeting_sentence(m)).replace("\u00a0", " ")
    # In another language the English summary follows in a line of its own (a span).
    assert shown == (text if lang == "en" else text + "Ministers will review the plan.")
    assert "Colombo Declaration" not in shown


@pytest.mark.parametrize("key", [*CLASSES, None])
def test_every_class_of_title_has_its_frames_in_every_language(key):
    """Each gender and number a title can have, and none known, has its three frames, each
    translated (not left English) in every language but English."""
    for lang in ("fr", "es", "ru", "ar"):
        loc = Localiser(lang)
        for message in (FRAMES[key].held, FRAMES[key].adopted, FRAMES[key].upcoming):
            assert loc.pgettext(*message) != message[1], (lang, key, message)
    assert set(ADOPTED) == set(CLASSES)


def test_english_text_from_the_inputs_is_isolated_in_other_languages():
    sentence = str(AR.meeting_sentence(meeting(edition=None, level="thematic",
                                               title="Skills <b>", summary="Agreed.")))
    # The marks as well as the tag: WeasyPrint orders the PDF's text by the marks.
    assert '<span lang="en" dir="ltr">\u2066Skills &lt;b&gt;\u2069</span>' in sentence
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
