"""The records' names and texts in the reader's language (compose/names.py): translated
where they are, else as their column prints a text without translation."""

import pytest

from pipeline.compose.names import Names, column_of
from pipeline.contract.schema import MECHANISMS, MEETINGS
from pipeline.lang.localiser import Localiser, plain_text
from pipeline.model import Mechanism, Meeting, Party

EN, FR, ES, RU, AR = (Names(Localiser(lang)) for lang in ("en", "fr", "es", "ru", "ar"))
SECRETARIAT, STATUS_DETAIL, CHAIR = (MECHANISMS.column(name) for name in
                                     ("secretariat", "status_detail", "chair"))


def mechanism(**values):
    base = dict(id="gfmd", acronym="GFMD",
                names={"en": "Global Forum on Migration and Development",
                       "fr": "Forum mondial sur la migration et le développement"},
                type="Global", status="active", status_detail="", regions=("Global",),
                macro_regions=("Global",), year_established=2007, secretariat="GFMD Support Unit",
                iom_roles=(), formal_association="", thematic_focus=(), chair="",
                website="")
    return Mechanism(**(base | values))


def test_an_acronym_is_printed_as_the_readers_language_writes_it():
    gfmd = mechanism(translations={"acronym": {"fr": "FMMD"}})
    assert FR.full_name(gfmd).striptags() == (
        "Forum mondial sur la migration et le développement (FMMD)")
    assert EN.full_name(gfmd).striptags() == "Global Forum on Migration and Development (GFMD)"
    # Untranslated initials stay as written; an untranslated short name is marked English.
    assert str(ES.short_name(gfmd)) == "<bdi>GFMD</bdi>"
    bali = mechanism(id="bali", acronym="Bali Process", names={"en": "Bali Process on …"})
    assert str(RU.short_name(bali)) == '<span lang="en" dir="ltr">Bali Process</span>'


def test_a_short_name_the_translated_name_already_says_is_not_repeated():
    rabat = mechanism(id="rabat", acronym="Rabat Process", names={
        "en": "Euro-African Dialogue on Migration and Development (Rabat Process)",
        "es": "Diálogo Euroafricano sobre Migración y Desarrollo (Proceso de Rabat)"},
        translations={"acronym": {"es": "Proceso de Rabat"}})
    assert ES.full_name(rabat).striptags() == (
        "Diálogo Euroafricano sobre Migración y Desarrollo (Proceso de Rabat)")


def test_a_translation_equal_to_the_english_is_printed_marked_english():
    kept = mechanism(secretariat="ICMPD", translations={"secretariat": {"fr": "ICMPD"}})
    assert str(FR.tr(kept, SECRETARIAT)) == '<span lang="en" dir="ltr">ICMPD</span>'
    translated = mechanism(translations={"secretariat": {"fr": "Unité d'appui du FMMD"}})
    assert str(FR.tr(translated, SECRETARIAT)) == "Unité d’appui du FMMD"
    assert FR.text(translated, SECRETARIAT) == "Unité d’appui du FMMD"


def test_french_translations_get_french_spacing():
    detail = mechanism(status="inactive", status_detail="Dormant: see https://x.org/a?b=1",
                       translations={"status_detail": {
                           "fr": "En sommeil : voir « Rapport » ; https://x.org/a?b=1"}})
    assert FR.tr(detail, STATUS_DETAIL) == (
        "En sommeil\u00a0: voir «\u00a0Rapport\u00a0»\u202f; https://x.org/a?b=1")
    assert plain_text(FR.status(detail)) == (
        "Inactif\u00a0: En sommeil\u00a0: voir «\u00a0Rapport\u00a0»\u202f; https://x.org/a?b=1")


def test_a_spreadsheet_cell_has_no_isolate_marks():
    """A spreadsheet cell orders its text itself: no marks there."""
    pafom = mechanism(secretariat="AUC", translations={"secretariat": {"ar": "مفوضية AUC"}})
    assert AR.text(pafom, SECRETARIAT) == "مفوضية AUC"
    assert "\u2066" in AR.tr(pafom, SECRETARIAT)


def test_a_chair_that_is_a_country_is_printed_by_its_un_name_unless_translated():
    assert str(FR.tr(mechanism(chair="Morocco"), CHAIR)) == "Maroc"
    assert str(RU.tr(mechanism(chair="Niger Basin Authority"), CHAIR)) == (
        '<span lang="en" dir="ltr">Niger Basin Authority</span>')
    chaired = mechanism(chair="Morocco", translations={"chair": {"fr": "Royaume du Maroc"}})
    assert str(FR.tr(chaired, CHAIR)) == "Royaume du Maroc"


def test_regions_are_named_in_the_language_where_they_are_un_regions_or_states():
    m = mechanism(regions=("Western Africa", "Horn of Africa", "Chad"))
    assert [str(r) for r in FR.regions(m)] == [
        "Afrique occidentale", '<span lang="en" dir="ltr">Horn of Africa</span>', "Tchad"]
    assert [str(r) for r in EN.regions(m)] == ["Western Africa", "Horn of Africa", "Chad"]


def test_states_by_their_un_names_then_organisations_translated_or_marked():
    parties = (Party("organisation", "", "IOM", {"participant": {"fr": "OIM"}}),
               Party("state", "MAR", "Morocco"), Party("organisation", "", "ICMPD"),
               Party("state", "DZA", "Algeria", {"participant": {"fr": "Algérie (RADP)"}}))
    assert FR.party_names(parties) == "Algérie, Maroc, ICMPD, OIM"
    assert str(FR.party_names(parties, markup=True)).startswith(
        'Algérie, Maroc, <span lang="en" dir="ltr">ICMPD</span>, OIM')


def test_a_template_names_a_text_by_the_contract_column_of_its_record():
    meeting = Meeting(mechanism_id="bali", edition=None, title="T", name="T", start=None,
                      end=None, city="Genève", country="CHE", level="other", themes=(),
                      chair="", iom_participation=None, summary="", outcome_documents=("A",),
                      source="")
    assert column_of(meeting, "city") is MEETINGS.column("city")
    assert column_of(mechanism(), "secretariat") is SECRETARIAT
    assert meeting.english(column_of(meeting, "outcome_document")) == ("A",)
    with pytest.raises(StopIteration):
        column_of(meeting, "secretariat")  # not a column of the meetings


def test_a_name_that_ends_with_its_short_name_takes_the_acronym_in_the_same_bracket():
    """Never two brackets in a row (issue 20): 'Regional Conference on Migration (Puebla
    Process; RCM)', not '(Puebla Process) (RCM)'; a name whose own bracket is its acronym
    takes no second one ('… (PCR-IGAD)', not '(PCR-IGAD) (IGAD-RCP)')."""
    rcm = mechanism(id="rcm", acronym="RCM", names={
        "en": "Regional Conference on Migration (Puebla Process)",
        "fr": "Conférence régionale sur la migration (Processus de Puebla)"},
        translations={"acronym": {"fr": "CRM"}})
    assert EN.full_name(rcm).striptags() == (
        "Regional Conference on Migration (Puebla Process; RCM)")
    assert plain_text(FR.full_name(rcm)) == (
        "Conférence régionale sur la migration (Processus de Puebla\u202f; CRM)")
    igad = mechanism(id="igad-rcp", acronym="IGAD-RCP", names={
        "en": "IGAD Regional Consultative Process on Migration (IGAD-RCP)",
        "fr": "Processus consultatif régional de l'IGAD sur la migration (PCR-IGAD)"})
    assert FR.full_name(igad).striptags() == (
        "Processus consultatif régional de l’IGAD sur la migration (PCR-IGAD)")
    assert EN.full_name(igad).striptags() == (
        "IGAD Regional Consultative Process on Migration (IGAD-RCP)")
    for names, m in ((EN, rcm), (FR, rcm), (FR, igad)):
        assert ") (" not in names.full_name(m).striptags()


def test_a_spreadsheet_names_a_mechanism_with_typographic_apostrophes():
    """The French XLSX as the page: 'l’Afrique australe', not 'l'Afrique australe'."""
    midsa = mechanism(id="midsa", acronym="MIDSA", names={
        "en": "Migration Dialogue for Southern Africa",
        "fr": "Dialogue sur la migration pour l'Afrique australe"})
    assert FR.mechanism_name(midsa) == "Dialogue sur la migration pour l’Afrique australe"
