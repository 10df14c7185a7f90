"""A meeting's printed name: its own title, completed, never replaced."""

import pytest

from pipeline.aggregate.titles import has_ordinal, is_generic, meeting_name


@pytest.mark.parametrize("title", [
    "19th Bali Process Steering Group Meeting", "Third RSO Constructive Dialogue",
    "XXIII South American Conference on Migration", "Ninth Pan-African Forum (PAFoM IX)",
    "Twenty-first Plenary", "3e réunion ministérielle", "Deuxième Conférence",
    "1.ª Reunión de Viceministros", "Segunda Reunión Técnica", "IXe Forum",
    "Meeting No. 5",
])
def test_titles_that_number_the_meeting_already(title):
    assert has_ordinal(title)


@pytest.mark.parametrize("title", [
    "Rabat Process Senior Officials' Meeting", "Migration Dialogue for Southern Africa 2025",
    "GFMD 2024-2025 Thematic Consultations", "PIDC-IOM-UNODC regional training",
    "COVID-19 and mobility", "Meeting of the IGC", "Dialogue on 5 priorities",
])
def test_titles_without_an_ordinal(title):
    assert not has_ordinal(title)


@pytest.mark.parametrize("title, generic", [
    ("Senior Officials' Meeting", True), ("Ministerial Conference", True),
    ("Steering Committee Meeting", True), ("Réunion des hauts fonctionnaires", True),
    ("Reunión Viceministerial", True), ("Fourth Ministerial Meeting", True),
    ("Regional Meeting on Countering People Smuggling", False),
    ("RSO Members' Engagement Function", False), ("Rabat Process Steering Committee", False),
])
def test_generic_titles_name_only_a_kind_of_meeting(title, generic):
    assert is_generic(title) is generic


@pytest.mark.parametrize("title, edition, acronym, name", [
    # Titles with their own name and number are printed as written, whatever the edition.
    ("19th Bali Process Steering Group Meeting", 19, "Bali Process",
     "19th Bali Process Steering Group Meeting"),
    ("Third RSO Constructive Dialogue", 3, "Bali Process", "Third RSO Constructive Dialogue"),
    ("Ninth Pan-African Forum on Migration (PAFoM IX)", 9, "PAFoM",
     "Ninth Pan-African Forum on Migration (PAFoM IX)"),
    # No ordinal: the edition's is added; a generic title takes the acronym.
    ("Bali Process Steering Group Meeting", 19, "Bali Process",
     "19th Bali Process Steering Group Meeting"),
    ("Senior Officials' Meeting", 29, "RCM", "29th RCM Senior Officials' Meeting"),
    ("Senior Officials' Meeting", None, "RCM", "RCM Senior Officials' Meeting"),
    ("Fourth Ministerial Meeting", 4, "RCM", "Fourth RCM Ministerial Meeting"),
    ("Regional Meeting on Smuggling", None, "RCM", "Regional Meeting on Smuggling"),
    ("Summit", 22, "GFMD", "22nd GFMD Summit"),
])
def test_meeting_names(title, edition, acronym, name):
    assert meeting_name(title, edition, acronym) == name
    assert title.split()[-1] in name  # the title is never replaced
