"""make collect APPLY=1 (pipeline/updates/merge.py) into a French office's workbooks
(tests/data/french-office: other file names, sheets and headers in French): each value goes
under its own header, whatever its language, with its provenance; a workbook returned in
French puts its narrative in the French columns; nothing else changes."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from pipeline.errors import InputError
from pipeline.updates import merge, request, returns, review, source
from tests.data.make_corpus import DATA
from tests.test_corpus import snapshot

MECHANISMS = "Mécanismes et membres.xlsx"
MADE = dt.date(2025, 12, 1)
SENT = dt.date(2026, 1, 20)


def row_of(sheet, column: int, value: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value == value)


def headers(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


@pytest.fixture
def office(tmp_path):
    """A copy of the French office's inputs, MIDWA working in French."""
    inputs = tmp_path / "inputs"
    shutil.copytree(DATA / "french-office", inputs)
    book = openpyxl.load_workbook(inputs / MECHANISMS)
    sheet = book["Mécanismes"]
    sheet.cell(row_of(sheet, 1, "midwa"), headers(sheet)["Langue de travail"]).value = "fr"
    book.save(inputs / MECHANISMS)
    return inputs


def returned(inputs, folder, mechanism: str, fill) -> None:
    """The request made from inputs, filled in, put in folder."""
    made = request.write_requests(source.read_source(inputs), folder.parent / "requests",
                                  MADE, (mechanism,)).written[0]
    book = openpyxl.load_workbook(made)
    fill(book)
    folder.mkdir(exist_ok=True)
    book.save(folder / made.name)


def test_the_values_go_under_the_french_headers_with_their_provenance(office, tmp_path):
    folder = tmp_path / "returns"

    def khartoum(book):
        facts = book["Facts"]
        facts.cell(row_of(facts, 1, "Chair"), 3).value = "Italy"
        update = book["Update"]
        update["B5"], update["B6"] = "Khartoum Process secretariat", SENT

    def midwa(book):
        facts, update = book["Informations"], book["Mise à jour"]
        facts.cell(row_of(facts, 1, "Site Web"), 3).value = "https://www.ecowas.int"
        update["B2"] = "Les États membres ont adopté une feuille de route."
        update["B5"], update["B6"] = "Secrétariat du MIDWA", SENT

    returned(office, folder, "khartoum", khartoum)
    returned(office, folder, "midwa", midwa)
    before = openpyxl.load_workbook(office / MECHANISMS)
    data = source.read_source(office)
    found = review.review(data, returns.find_returns(folder), folder)
    assert found.problems == ()
    assert {(c.mechanism, c.column, c.new) for c in found.changes} == {
        ("khartoum", "chair", "Italy"), ("khartoum", "sent_by", "Khartoum Process secretariat"),
        ("khartoum", "sent_on", "2026-01-20"), ("midwa", "website", "https://www.ecowas.int"),
        ("midwa", "achievements_fr", "Les États membres ont adopté une feuille de route."),
        ("midwa", "sent_by", "Secrétariat du MIDWA"), ("midwa", "sent_on", "2026-01-20")}
    written = merge.apply(data, found, office, SENT)
    assert [path.name for path in written] == [MECHANISMS, "updates.xlsx"]
    after = openpyxl.load_workbook(office / MECHANISMS)
    sheet, old = after["Mécanismes"], before["Mécanismes"]
    columns = headers(sheet)
    assert [c.value for c in sheet[1]] == [c.value for c in old[1]]  # the headers as they were
    khartoum_row, midwa_row = row_of(sheet, 1, "khartoum"), row_of(sheet, 1, "midwa")
    assert sheet.cell(khartoum_row, columns["Présidence en exercice"]).value == "Italy"
    assert sheet.cell(khartoum_row, columns["Provenance"]).value == (
        "Khartoum Process secretariat (Khartoum Process secretariat), yearly update of "
        "2026-01-20")
    assert sheet.cell(midwa_row, columns["Site internet"]).value == "https://www.ecowas.int"
    changed = {(name, cell.coordinate) for name in after.sheetnames
               for row in after[name].iter_rows() for cell in row
               if cell.value != old_value(before, name, cell.coordinate)}
    assert changed == {("Mécanismes", f"{get_column_letter(columns[header])}{row}")
                       for header, row in (("Présidence en exercice", khartoum_row),
                                           ("Provenance", khartoum_row),
                                           ("Site internet", midwa_row),
                                           ("Provenance", midwa_row))}
    updates = list(openpyxl.load_workbook(office / "updates.xlsx")["updates"]
                   .iter_rows(values_only=True))
    by_mechanism = {row[0]: dict(zip(updates[0], row)) for row in updates[1:]}
    assert by_mechanism["midwa"]["achievements_fr"] == \
        "Les États membres ont adopté une feuille de route."
    assert by_mechanism["midwa"]["achievements"] is None
    assert by_mechanism["khartoum"]["sent_on"] == dt.datetime(2026, 1, 20)


def old_value(book, sheet: str, coordinate: str):
    return book[sheet][coordinate].value if sheet in book.sheetnames else None


def test_a_workbook_a_rewrite_would_damage_is_left_alone(office, tmp_path):
    """Charts and pictures would be lost by saving it again: nothing is applied at all."""
    folder = tmp_path / "returns"

    def khartoum(book):
        facts = book["Facts"]
        facts.cell(row_of(facts, 1, "Chair"), 3).value = "Italy"
    returned(office, folder, "khartoum", khartoum)
    book = openpyxl.load_workbook(office / MECHANISMS)
    chart = BarChart()
    chart.add_data(Reference(book["Mécanismes"], min_col=13, min_row=1, max_row=5))
    book["Mécanismes"].add_chart(chart, "AD2")
    book.save(office / MECHANISMS)
    before = snapshot(office)
    data = source.read_source(office)
    found = review.review(data, returns.find_returns(folder), folder)
    with pytest.raises(InputError) as refused:
        merge.apply(data, found, office, SENT)
    assert refused.value.message.startswith(
        f"{MECHANISMS} holds charts, pictures, pivot tables or macros, which writing into it "
        "would lose: nothing was applied.")
    assert snapshot(office) == before
