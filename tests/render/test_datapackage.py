"""The open data package of the shipped build (outputs/<year>/data/): it validates with
Frictionless, its foreign keys hold, and its figures are the summary JSON's."""

import csv
import json
import shutil
from collections import defaultdict

import frictionless
import pytest

from pipeline.publish import incremental
from pipeline.render.datapackage import TABLES


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def package(shipped):
    """(data folder, summary JSON, table name -> rows) of the shipped build."""
    folder = shipped.folder / "data"
    summary = json.loads((shipped.folder / f"summary-{shipped.folder.name}.json").read_text(
        encoding="utf-8"))
    return folder, summary, {name: read_csv(folder / f"{name}.csv") for name in TABLES}


def errors_of(report: frictionless.Report) -> list:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_validates_the_package(package):
    folder, _, tables = package
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, errors_of(report)
    assert [task.name for task in report.tasks] == list(TABLES)
    assert all(tables[name] for name in TABLES)  # no empty table passes for a valid one


def test_the_descriptor_names_the_edition_licence_sources_and_keys(package, shipped):
    folder, summary, _ = package
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    manifest = json.loads((shipped.folder / incremental.MANIFEST).read_text(encoding="utf-8"))
    assert descriptor["created"] == f"{manifest['edition_date']}T00:00:00Z"
    assert descriptor["name"] == f"iscm-highlights-{summary['year']}"
    assert descriptor["licenses"][0]["path"].startswith("https://creativecommons.org/")
    assert any("A/RES/73/195" in source["title"] for source in descriptor["sources"])
    keys = {r["name"]: [(k["fields"], k["reference"]["resource"], k["reference"]["fields"])
                        for k in r["schema"].get("foreignKeys", [])]
            for r in descriptor["resources"]}
    assert keys == {"mechanisms": [], "memberships": [],
                    "participations": [("mechanism_id", "mechanisms", "id")],
                    "meetings": [("mechanism_id", "mechanisms", "id")],
                    "gcm_objectives": [("meeting_id", "meetings", "meeting_id")]}


def test_the_foreign_keys_hold(package):
    _, _, tables = package
    mechanisms = {row["id"] for row in tables["mechanisms"]}
    meetings = {row["meeting_id"] for row in tables["meetings"]}
    assert {row["mechanism_id"] for row in tables["participations"]} <= mechanisms
    assert {row["mechanism_id"] for row in tables["meetings"]} <= mechanisms
    assert {row["meeting_id"] for row in tables["gcm_objectives"]} <= meetings


def test_a_broken_foreign_key_is_caught_by_the_validation(package, tmp_path):
    """The validation above checks the keys: a meeting of a mechanism the package does not
    have fails it, named."""
    folder, _, _ = package
    spoilt = shutil.copytree(folder, tmp_path / "data")
    meetings = spoilt / "meetings.csv"
    row = meetings.read_text(encoding="utf-8").splitlines()[1].split(",")
    row[0], row[1] = "spoilt-meeting", "no-such-mechanism"
    meetings.write_text(meetings.read_text(encoding="utf-8") + ",".join(row) + "\n",
                        encoding="utf-8")
    report = frictionless.validate(spoilt / "datapackage.json")
    assert not report.valid
    [(row, _, kind, note)] = errors_of(report)
    assert kind == "foreign-key" and "no-such-mechanism" in note
    assert row == len(meetings.read_text(encoding="utf-8").splitlines())  # the added row


def test_the_gcm_objectives_table_gives_the_summarys_counts(package):
    """Per objective (all 23, zeros included): the meetings held that addressed it and
    their mechanisms, counted from the CSVs, are the summary JSON's gcm_objectives."""
    _, summary, tables = package
    held = {row["meeting_id"]: row["mechanism_id"] for row in tables["meetings"]
            if row["status"] == "held"}
    meetings, mechanisms = defaultdict(int), defaultdict(set)
    for row in tables["gcm_objectives"]:
        if row["meeting_id"] in held:
            meetings[int(row["objective"])] += 1
            mechanisms[int(row["objective"])].add(held[row["meeting_id"]])
    counted = {str(n): {"meetings": meetings[n], "mechanisms": len(mechanisms[n])}
               for n in range(1, 24)}
    assert counted == summary["gcm_objectives"]
    assert sum(c["meetings"] for c in counted.values()) > 0
    assert len(held) == summary["meetings_in_year"]


def test_the_other_tables_give_the_summarys_figures(package):
    _, summary, tables = package
    assert {row["iso3"]: int(row["mechanisms"]) for row in tables["memberships"]} == \
        summary["memberships_per_state"]
    assert {row["id"]: int(row["member_states"]) if row["member_states"] else None
            for row in tables["mechanisms"]} == summary["member_states_per_mechanism"]
    members = {(row["mechanism_id"], row["iso3"]) for row in tables["participations"]
               if row["role"] == "member" and row["participant_type"] == "state"}
    assert len({iso3 for _, iso3 in members}) == summary["member_states"]


def test_the_hxl_variants_add_one_row_of_hashtags_and_nothing_else(package):
    folder, _, _ = package
    for name in TABLES:
        plain = (folder / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        hxl = (folder / "hxl" / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        assert hxl[:1] + hxl[2:] == plain
        tags = next(csv.reader([hxl[1]]))
        assert len(tags) == len(next(csv.reader([plain[0]])))
        assert all(tag.startswith("#") for tag in tags), (name, tags)
