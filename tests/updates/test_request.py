"""make requests (pipeline/updates/request.py): each mechanism's update workbook, pre-filled,
in its working language, with dropdowns, protection and a checksummed stamp; read back by
openpyxl and calamine (and LibreOffice, where it is installed)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import openpyxl
import pytest
import python_calamine
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import ConfigError
from pipeline.updates import form, request, returns, source, stamp
from tests.conftest import MECHANISM_ROWS, write_inputs

MADE = dt.date(2025, 12, 1)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The small inputs, MIDWA working in French and the GFMD in Arabic."""
    rows = [dict(row) for row in MECHANISM_ROWS]
    rows[1]["working_language"] = "fr"
    rows[2]["working_language"] = "ar"
    return write_inputs(tmp_path_factory.mktemp("requests") / "inputs", mechanisms=rows)


@pytest.fixture(scope="module")
def made(inputs, tmp_path_factory):
    outputs = tmp_path_factory.mktemp("outputs")
    return request.write_requests(source.read_source(inputs), outputs, MADE)


def book_of(made, mechanism: str) -> openpyxl.Workbook:
    (path,) = [p for p in made.written if p.name == f"iscm-update-2025-{mechanism}.xlsx"]
    return openpyxl.load_workbook(path)


def test_one_workbook_per_active_mechanism_by_id(made):
    """APC is inactive: it is not asked."""
    assert [p.name for p in made.written] == [
        "iscm-update-2025-gfmd.xlsx", "iscm-update-2025-midsa.xlsx",
        "iscm-update-2025-midwa.xlsx", "iscm-update-2025-rcm.xlsx"]
    assert made.kept == ()


def test_the_workbook_is_pre_filled_with_what_the_inputs_hold(made):
    book = book_of(made, "midsa")
    assert book.sheetnames == ["Instructions", "Facts", "Participants", "Meetings", "Update",
                               form.LISTS_SHEET, form.STAMP_SHEET]
    facts = {row[0]: row[1] for row in book["Facts"].iter_rows(min_row=2, values_only=True)}
    assert facts["Acronym or short name"] == "MIDSA"
    assert facts["Formal association (e.g. ECOWAS, AU)"] == "SADC"
    assert facts["Year established"] == 2000
    participants = list(book["Participants"].iter_rows(values_only=True))
    assert participants[0] == ("State or organisation", "Role", "Type", "Joined (year)",
                               "Left (year)", "ref")
    assert [row[0] for row in participants[1:6]] == ["South Africa", "Namibia", "Botswana",
                                                     "Angola", "Eswatini"]
    assert [row[5] for row in participants[1:6]] == [1, 2, 3, 4, 5]
    meetings = list(book["Meetings"].iter_rows(min_row=2, values_only=True))
    assert meetings[0][:4] == ("MIDSA Ministerial Meeting", 4, dt.datetime(2025, 1, 23),
                               dt.datetime(2025, 1, 24))
    assert book["Instructions"]["A1"].value == (
        "ISCM Highlights 2025: the yearly update of Migration Dialogue for Southern Africa")


def test_a_workbook_is_in_its_mechanisms_working_language(made):
    french = book_of(made, "midwa")
    assert french.sheetnames[:5] == ["Instructions", "Informations", "Participants",
                                     "Réunions", "Mise à jour"]
    assert [c.value for c in french["Informations"][1]] == [
        "Information", "Valeur actuelle", "Votre correction"]
    assert french["Participants"]["A1"].value == "État ou organisation"
    assert "Côte d’Ivoire" in {c.value for c in french[form.LISTS_SHEET]["A"]}  # UN French
    arabic = book_of(made, "gfmd")
    assert arabic.sheetnames[1] == "المعلومات"
    assert all(sheet.sheet_view.rightToLeft for sheet in arabic.worksheets)
    assert not book_of(made, "midsa")["Facts"].sheet_view.rightToLeft


def validations(sheet) -> dict[str, tuple[str, str, str]]:
    return {str(v.sqref): (v.type, v.formula1, v.errorStyle or "stop")
            for v in sheet.data_validations.dataValidation}


def test_dropdowns_on_every_closed_list_and_checks_on_years_and_dates(made):
    book = book_of(made, "midsa")
    facts = book["Facts"]
    row = {facts.cell(r, 1).value: r for r in range(2, facts.max_row + 1)}
    found = validations(facts)
    status = found[f"C{row['Status (active, emerging or inactive)']}"]
    assert status[:2] == ("list", '"active,emerging,inactive"')
    assert found[f"C{row['Year established']}"][:2] == ("whole", "1980")
    assert found[f"C{row['Working language (en, fr, es, ru or ar)']}"][1] == '"en,fr,es,ru,ar"'
    participants = validations(book["Participants"])
    last = 1 + 5 + form.EXTRA_ROWS["participants"]
    countries = book[form.LISTS_SHEET].max_row
    assert participants[f"A2:A{last}"] == (
        "list", f"'{form.LISTS_SHEET}'!$A$1:$A${countries}", "warning")  # organisations too
    assert participants[f"B2:B{last}"][:2] == ("list", '"member,observer,partner"')
    assert participants[f"D2:D{last}"][0] == participants[f"E2:E{last}"][0] == "whole"
    meetings = validations(book["Meetings"])
    last = 1 + 1 + form.EXTRA_ROWS["meetings"]
    assert meetings[f"C2:C{last}"][0] == meetings[f"D2:D{last}"][0] == "date"
    assert meetings[f"F2:F{last}"][0] == "list"  # the host country
    assert meetings[f"G2:G{last}"][1].startswith('"ministerial,')
    assert meetings[f"K2:K{last}"][1] == '"yes,no"'
    # Excel refuses a list written in the rule longer than 255 characters.
    assert all(len(formula) <= 255 for sheet in book.worksheets
               for _, formula, _ in validations(sheet).values() if formula.startswith('"'))
    assert countries > 190


def test_structure_and_headers_locked_the_cells_to_write_in_open(made):
    book = book_of(made, "midsa")
    assert book.security.lockStructure
    for sheet in book.worksheets:
        assert sheet.protection.sheet, sheet.title
    assert book[form.STAMP_SHEET].sheet_state == book[form.LISTS_SHEET].sheet_state \
        == "veryHidden"
    facts, participants = book["Facts"], book["Participants"]
    assert facts["A2"].protection.locked and facts["B2"].protection.locked
    assert not facts["C2"].protection.locked
    assert participants["A1"].protection.locked and not participants["A2"].protection.locked
    assert not participants[f"A{6 + form.EXTRA_ROWS['participants']}"].protection.locked
    assert participants.column_dimensions["F"].hidden  # the ref column
    assert not participants.protection.insertRows  # rows may be inserted
    assert book["Update"]["A2"].protection.locked and not book["Update"]["B2"].protection.locked


def test_the_stamp_records_what_the_workbook_was_made_from(made, inputs):
    book = book_of(made, "midwa")
    found = stamp.read([row[0] for row in book[form.STAMP_SHEET].iter_rows(values_only=True)])
    assert (found.mechanism, found.year, found.language, found.made) == (
        "midwa", 2025, "fr", "2025-12-01")
    assert found.inputs == source.input_hashes(inputs)
    assert sorted(found.inputs) == ["mechanisms.xlsx", "meetings.xlsx"]
    assert [row.values["participant"] for row in found.participants] == [
        "Nigeria", "Ghana", "Côte d'Ivoire", "Senegal"]
    assert found.sheets["facts"].title == "Informations"
    texts = [row[0] for row in book[form.STAMP_SHEET].iter_rows(values_only=True)]
    with pytest.raises(stamp.BrokenStamp):
        stamp.read([texts[0].replace('"midwa"', '"midsa"'), *texts[1:]])


def test_openpyxl_and_calamine_read_every_sheet(made):
    for path in made.written:
        with python_calamine.CalamineWorkbook.from_path(path) as book:
            names = book.sheet_names
            facts = book.get_sheet_by_name(names[1]).to_python()
        assert len(names) == 7
        assert len(facts) == 1 + len(form.FACTS)
        assert openpyxl.load_workbook(path).sheetnames == names


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_them_without_repair(made, tmp_path):
    path = made.written[0]
    done = subprocess.run(["soffice", "--headless", "--convert-to", "csv", "--outdir",
                           str(tmp_path), str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"{path.stem}.csv").read_text(encoding="utf-8").startswith("ISCM")


def test_the_same_inputs_give_the_same_bytes(made, inputs, tmp_path):
    again = request.write_requests(source.read_source(inputs), tmp_path, MADE)
    assert [p.read_bytes() for p in again.written] == [p.read_bytes() for p in made.written]


def test_a_request_that_holds_answers_is_never_overwritten(inputs, tmp_path):
    first = request.write_requests(source.read_source(inputs), tmp_path, MADE, ("midsa",))
    (path,) = first.written
    book = openpyxl.load_workbook(path)
    book["Update"]["B2"].value = "Typed in by mistake."
    book.save(path)
    kept = path.read_bytes()
    again = request.write_requests(source.read_source(inputs), tmp_path, MADE, ("MIDSA",))
    assert again.kept == (path,)
    assert [p.name for p in again.written] == ["iscm-update-2025-midsa-2.xlsx"]
    assert path.read_bytes() == kept
    assert returns.holds_answers(path) and not returns.holds_answers(again.written[0])
    untouched = request.write_requests(source.read_source(inputs), tmp_path, MADE, ("rcm",))
    assert request.write_requests(source.read_source(inputs), tmp_path, MADE,
                                  ("rcm",)).written == untouched.written  # replaced


def test_an_unknown_mechanism_is_refused_naming_the_nearest(inputs, tmp_path):
    with pytest.raises(ConfigError) as refused:
        request.write_requests(source.read_source(inputs), tmp_path, MADE, ("midsaa",))
    assert refused.value.message == (
        "Config value 'mechanisms': midsaa is not a mechanism of the inputs (nearest: MIDSA "
        "(Migration Dialogue for Southern Africa)).")
    result = CliRunner().invoke(main, ["requests", "--inputs", str(inputs), "--outputs",
                                       str(tmp_path), "--mechanisms", "midsaa"])
    assert result.exit_code == 2 and "midsaa is not a mechanism" in result.output
    assert not (tmp_path / "requests").exists() or not any(
        (tmp_path / "requests").rglob("*.xlsx"))
