"""Mechanism references: every way editors name a mechanism, and nothing fuzzy."""

import pandas as pd
import pytest

from pipeline.validate.references import MechanismIndex, name_parts

NAMES = ("name_en", "name_fr", "name_es", "name_ar", "name_ru")


def mechanism(id, acronym, aliases=(), **names):
    return {"id": id, "acronym": acronym, "aliases": tuple(aliases),
            **{n: names.get(n, "") for n in NAMES}}


INDEX = MechanismIndex.from_frame(pd.DataFrame([
    mechanism("quito", "Quito Process",
              name_en="International Technical Meeting on Human Mobility of Venezuelan "
                      "Citizens in the Region (Quito Process)",
              name_fr="Processus de Quito (Réunion technique internationale sur la mobilité "
                      "humaine des citoyens vénézuéliens dans la région)"),
    mechanism("rcm", "RCM", name_en="Regional Conference on Migration (Puebla Process)",
              name_fr="Conférence régionale sur la migration (Processus de Puebla)"),
    mechanism("midsa", "MIDSA", name_en="Migration Dialogue for Southern Africa"),
    mechanism("midwa", "MIDWA", name_en="Migration Dialogue for West Africa"),
]))


@pytest.mark.parametrize("reference, expected", [
    ("quito", "quito"),
    ("Quito Process", "quito"),
    ("Processus de Quito", "quito"),  # the part before the brackets
    ("Réunion technique internationale sur la mobilité humaine des citoyens vénézuéliens "
     "dans la région", "quito"),  # the part in brackets
    ("processus de QUITO", "quito"),
    ("Puebla Process", "rcm"),
    ("Processus de Puebla", "rcm"),
    ("CRM (Processus de Puebla)", "rcm"),  # CRM is unknown; its other part names the RCM
    ("RCM (Puebla Process)", "rcm"),
    ("Conférence régionale sur la migration", "rcm"),
])
def test_references_resolve(reference, expected):
    assert INDEX.resolve(reference) == expected


@pytest.mark.parametrize("reference", [
    "MIDSA (Migration Dialogue for West Africa)",  # two parts, two mechanisms
    "MIDXA",  # one letter off: suggested, never accepted
    "Processus",
    "CRM (Processus)",
])
def test_references_that_do_not_name_one_mechanism_are_refused(reference):
    assert INDEX.resolve(reference) is None


def test_a_near_miss_is_suggested():
    assert INDEX.suggest("MIDXA")[0].startswith("MID")


def test_name_parts():
    assert name_parts("Regional Conference on Migration (Puebla Process)") == [
        "Puebla Process", "Regional Conference on Migration"]
    assert name_parts("Prague Process") == []
