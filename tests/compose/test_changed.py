"""'What changed in <year>': the sentences match the history set's known changes (in
English, French and Arabic), each said only where the data supports it."""

from __future__ import annotations

import dataclasses
import re

import pytest

from pipeline.compose.changed import change_sentences, meeting_sentences
from pipeline.lang.localiser import Localiser

NBSP = "\u00a0"


def section(folder, year, lang) -> list[str]:
    """The section's sentences as a reader sees them (tags and isolate marks removed)."""
    html = (folder / f"iscm-highlights-{year}-{lang}.html").read_text()
    if 'id="what-changed"' not in html:
        return []
    items = html.split('<ul class="changes">', 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"<[^>]+>|[\u2066-\u2069]", "", li).strip() for li in items.split("<li>")[1:]]


EXPECTED = {
    (2025, "en"): [
        "Migration Dialogue for COMESA Member States (MIDCOM): Kenya and Uganda joined.",
        "Migration Dialogue for Southern Africa (MIDSA): Zambia joined.",
        "Regional Conference on Migration (Puebla Process; RCM): Belize and Panama joined.",
        "Migration Dialogue for West Africa (MIDWA): Senegal left.",
        "Established in 2025: Migration Dialogue for COMESA Member States (MIDCOM).",
        "Became inactive in 2025: Asia-Pacific Consultations on Refugees, Displaced Persons "
        "and Migrants (APC).",
        "Four meetings in 2025, one more than in 2024.",
        "Two ministerial meetings in 2025, one more than in 2024."],
    (2024, "en"): [
        "Migration Dialogue for Southern Africa (MIDSA): Angola joined.",
        "Migration Dialogue for Southern Africa (MIDSA): Eswatini left.",
        "Became active in 2024: Migration Dialogue for West Africa (MIDWA).",
        "Three meetings in 2024, two more than in 2023.",
        "One ministerial meeting in 2024, as many as in 2023."],
    (2025, "fr"): [
        "Conférence régionale sur la migration (Processus de Puebla\u202f; RCM) – nouveaux États "
        f"membres{NBSP}: Belize et Panama.",
        f"Dialogue sur la migration pour l’Afrique australe (MIDSA) – nouvel État membre{NBSP}: "
        "Zambie.",
        "Dialogue sur la migration pour les États membres du COMESA (MIDCOM) – nouveaux États "
        f"membres{NBSP}: Kenya et Ouganda.",
        "Dialogue sur la migration pour l’Afrique de l’Ouest (MIDWA) – État qui s’est "
        f"retiré{NBSP}: Sénégal.",
        f"Mécanisme créé en 2025{NBSP}: Dialogue sur la migration pour les États membres du "
        "COMESA (MIDCOM).",
        f"Devenu inactif en 2025{NBSP}: Consultations Asie-Pacifique sur les réfugiés, les "
        "personnes déplacées et les migrants (APC).",
        "Quatre réunions en 2025, soit une de plus qu’en 2024.",
        "Deux réunions ministérielles en 2025, soit une de plus qu’en 2024."],
    (2025, "ar"): [
        "حوار الهجرة للجنوب الأفريقي (MIDSA): انضمت زامبيا.",
        "حوار الهجرة للدول الأعضاء في الكوميسا (MIDCOM): انضمت أوغندا وكينيا.",
        "المؤتمر الإقليمي المعني بالهجرة (عملية بويبلا؛ RCM): انضمت بليز وبنما.",
        "حوار الهجرة لغرب أفريقيا (MIDWA): انسحبت السنغال.",
        "آلية أُنشئت في عام 2025: حوار الهجرة للدول الأعضاء في الكوميسا (MIDCOM).",
        "أصبحت غير نشطة في عام 2025: مشاورات آسيا والمحيط الهادئ بشأن اللاجئين والمشردين "
        "والمهاجرين (APC).",
        "أربعة اجتماعات في عام 2025، أي بزيادة اجتماع واحد عن عام 2024.",
        "اجتماعان وزاريان في عام 2025، أي بزيادة اجتماع واحد عن عام 2024."],
}


@pytest.mark.parametrize("year, lang", sorted(EXPECTED))
def test_the_section_says_the_known_changes(history_editions, year, lang):
    assert section(history_editions[year][1], year, lang) == EXPECTED[year, lang]


def test_the_section_is_in_the_contents(history_editions):
    html = (history_editions[2025][1] / "iscm-highlights-2025-fr.html").read_text()
    assert '<a href="#what-changed"><span class="toc-text">Ce qui a changé en 2025</span>' in html


def with_meetings(data, per_year: dict[int, dict[str, int]]):
    """The summary of `data` with other meetings per year (by level)."""
    return dataclasses.replace(data.summary, meetings_per_year_by_level=per_year,
                               meetings_per_year={y: sum(v.values())
                                                  for y, v in per_year.items()})


@pytest.mark.parametrize("before, now, expected", [
    ((5, 2), (3, 0), ["Three meetings in 2025, two fewer than in 2024.",
                      "No ministerial meeting in 2025, against two in 2024."]),
    ((1, 0), (1, 0), ["One meeting in 2025, as many as in 2024."]),
    ((0, 0), (0, 0), []),  # never '0 meetings'
])
def test_meetings_are_compared_with_the_year_before(history_editions, before, now, expected):
    data = history_editions[2025][0]
    per_year = {y: {"ministerial": m, "technical": n - m} for y, (n, m)
                in ((2024, before), (2025, now))}
    assert meeting_sentences(with_meetings(data, per_year), Localiser("en")) == expected


def test_no_comparison_before_the_first_year_of_the_data(history_editions):
    data = history_editions[2025][0]
    summary = with_meetings(data, {2025: {"ministerial": 2, "technical": 1}})
    assert meeting_sentences(summary, Localiser("en")) == []


def test_nothing_changed_says_nothing(history_editions):
    data = history_editions[2025][0]
    summary = dataclasses.replace(
        with_meetings(data, {2025: {"ministerial": 0}}),
        changes=dataclasses.replace(data.summary.changes, joined={}, left={}, established=[],
                                    status_changed={}))
    assert change_sentences(summary, {m.id: m for m in data.mechanisms}, Localiser("fr")) == ()


def test_russian_plural_forms_agree_with_the_number(history_editions):
    summary = with_meetings(history_editions[2025][0], {2024: {"ministerial": 0, "technical": 21},
                                                        2025: {"ministerial": 0, "technical": 22}})
    assert meeting_sentences(summary, Localiser("ru")) == [
        "22 совещания в 2025 году, на одно больше, чем в 2024 году."]
