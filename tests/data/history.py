"""tests/data/history/: the clean set over three years, with known joins, departures, a
mechanism founded and status changes, for the editions of 2024 and 2025 (make_corpus.py
writes it; tests/test_history.py builds both years from it).

The facts are made up for the tests, like the rest of the corpus.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

MIDCOM = {"id": "midcom", "acronym": "MIDCOM",
          "name_en": "Migration Dialogue for COMESA Member States",
          "name_fr": "Dialogue sur la migration pour les États membres du COMESA",
          "name_es": "Diálogo sobre Migración para los Estados Miembros del COMESA",
          "name_ar": "حوار الهجرة للدول الأعضاء في الكوميسا",
          "name_ru": "Диалог по вопросам миграции для государств — членов КОМЕСА",
          "type": "RCP", "status": "active", "region": "Eastern Africa", "year_established": 2025,
          "secretariat": "COMESA", "iom_role": "technical-support",
          "thematic_focus": "free-movement"}

STATUS = {"apc": {"status_since": 2025, "status_before": "active"},
          "midwa": {"status_since": 2024, "status_before": "emerging"}}
"""APC became inactive in 2025; MIDWA became active in 2024 (emerging before)."""

YEARS = {("midsa", "Angola"): {"joined": 2024}, ("midsa", "Eswatini"): {"left": 2024},
         ("midwa", "Senegal"): {"left": 2025}}
"""Years given to the clean set's participants."""

NEW_PARTICIPANTS = [
    {"mechanism_id": "midsa", "participant": "Zambia", "role": "member", "joined": 2025},
    {"mechanism_id": "rcm", "participant": "Belize", "role": "member", "joined": 2025},
    {"mechanism_id": "rcm", "participant": "Panama", "role": "member", "joined": 2025},
    {"mechanism_id": "midcom", "participant": "Kenya", "role": "member", "joined": 2025},
    {"mechanism_id": "midcom", "participant": "Uganda", "role": "member", "joined": 2025},
]


def meeting(base: dict, title: str, day: dt.date, level: str) -> dict:
    return dict(base, title=title, start_date=day, end_date=day, level=level, edition=None,
                outcome_document=None)


def history_rows(mechanisms: list[dict], participants: list[dict], meetings: list[dict]
                 ) -> tuple[list[dict], list[dict], list[dict]]:
    """The clean set's rows, with the history above: 2023 has 1 meeting (ministerial),
    2024 has 3 (1 ministerial), 2025 has 4 (2 ministerial)."""
    mechanisms = [dict(m, **STATUS.get(m["id"], {})) for m in mechanisms] + [MIDCOM]
    participants = [dict(p, **YEARS.get((p["mechanism_id"], p["participant"]), {}))
                    for p in participants] + NEW_PARTICIPANTS
    midsa, rcm = meetings[0], meetings[2]
    meetings = meetings + [
        meeting(rcm, "RCM Vice-Ministerial Meeting 2023", dt.date(2023, 6, 8), "ministerial"),
        meeting(midsa, "MIDSA Ministerial Meeting 2024", dt.date(2024, 2, 14), "ministerial"),
        meeting(rcm, "Technical meeting on return", dt.date(2024, 9, 3), "technical"),
        meeting(dict(midsa, mechanism_id="midcom", city="Lusaka", country="Zambia",
                     summary="Ministers launched the dialogue."),
                "MIDCOM Ministerial Meeting", dt.date(2025, 10, 2), "ministerial"),
    ]
    return mechanisms, participants, meetings


EXPECTED_CHANGES = {
    2024: {"joined": {"midsa": ["AGO"]}, "left": {"midsa": ["SWZ"]}, "established": [],
           "status_changed": {"midwa": ["emerging", "active"]}},
    2025: {"joined": {"midcom": ["KEN", "UGA"], "midsa": ["ZMB"], "rcm": ["BLZ", "PAN"]},
           "left": {"midwa": ["SEN"]}, "established": ["midcom"],
           "status_changed": {"apc": ["active", "inactive"]}},
}
EXPECTED_MEETINGS = {2024: {"2023": 1, "2024": 3}, 2025: {"2023": 1, "2024": 3, "2025": 4}}


def write_history(folder: Path, write_clean, rows: tuple[list, list, list]) -> None:
    """Write the history set into folder with make_corpus's writer."""
    mechanisms, participants, meetings = history_rows(*rows)
    write_clean(folder, mechanisms=mechanisms, participants=participants, meetings=meetings)
