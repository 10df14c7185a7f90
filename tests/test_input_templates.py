"""Input templates: the contract's headers, dropdowns, date formats, instructions; and a
filled-in template is read like any input."""

import openpyxl
import pytest

from pipeline.errors import ConfigError
from pipeline.kinds import Context
from pipeline.schema import MECHANISMS, MEETINGS, PARTICIPANTS, TABLES
from pipeline.tools.input_templates import write_templates
from tests.conftest import MECHANISM_ROWS, MEETING_ROWS, PARTICIPANT_ROWS, SHIPPED_INPUTS, validated


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    write_templates(folder, SHIPPED_INPUTS)
    return {name: openpyxl.load_workbook(folder / name) for name in ("mechanisms.xlsx",
                                                                     "meetings.xlsx")}


def validations(sheet) -> dict[str, str]:
    """Column header -> the dropdown's source."""
    headers = {c.column_letter: c.value for c in sheet[1]}
    return {headers[str(dv.sqref).split(":")[0].rstrip("0123456789")]: dv.formula1
            for dv in sheet.data_validations.dataValidation}


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_each_table_has_the_contract_headers_frozen(templates, spec):
    sheet = templates[spec.workbook][spec.name]
    assert [c.value for c in sheet[1]] == [c.name for c in spec.template_columns]
    assert sheet.freeze_panes == "A2"
    assert all(c.comment and c.comment.text.startswith(spec.column(c.value).help)
               for c in sheet[1])


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_every_enumeration_and_mechanism_id_has_a_dropdown(templates, spec):
    """Each value a dropdown offers is one the build accepts, as it is."""
    found = validations(templates[spec.workbook][spec.name])
    for column in spec.columns:
        if column.vocabulary:
            offered = found[column.name].strip('"').split(",")
            assert len(offered) == len(set(offered)) > 1
            for value in offered:
                parsed = column.kind.parse(value, column, Context(year=2025))
                assert parsed in (value, (value,), value == "yes"), (column.name, value)
    if spec is not MECHANISMS:
        assert "mechanism_id" in found


def test_mechanism_ids_come_from_the_mechanisms_sheet_or_the_inputs(templates):
    participants = validations(templates["mechanisms.xlsx"]["participants"])
    assert participants["mechanism_id"] == "mechanisms!$A$2:$A$1048576"
    lists = templates["meetings.xlsx"]["Lists"]
    ids = [row[0] for row in lists.iter_rows(min_row=2, values_only=True)]
    assert "budapest" in ids and "gfmd" in ids
    assert validations(templates["meetings.xlsx"]["meetings"])["mechanism_id"] == \
        f"Lists!$A$2:$A${len(ids) + 1}"


def test_date_columns_have_a_date_format(templates):
    sheet = templates["meetings.xlsx"]["meetings"]
    assert sheet.column_dimensions["D"].number_format == "DD/MM/YYYY"  # start_date
    assert sheet.column_dimensions["E"].number_format == "DD/MM/YYYY"  # end_date


def test_instructions_in_english_french_and_spanish(templates):
    for book in templates.values():
        text = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
        assert "dd/mm/yyyy, day first" in text
        assert "jj/mm/aaaa, le jour d'abord" in text
        assert "dd/mm/aaaa, primero el día" in text


def test_a_filled_in_template_is_read_without_problems(tmp_path):
    write_templates(tmp_path)
    mechanisms = openpyxl.load_workbook(tmp_path / "mechanisms.xlsx")
    meetings = openpyxl.load_workbook(tmp_path / "meetings.xlsx")
    for sheet, spec, rows in ((mechanisms["mechanisms"], MECHANISMS, MECHANISM_ROWS[:3]),
                              (mechanisms["participants"], PARTICIPANTS, PARTICIPANT_ROWS[:9]),
                              (meetings["meetings"], MEETINGS, MEETING_ROWS[:2])):
        for row in rows:
            sheet.append([row.get(c.name) for c in spec.columns])
    mechanisms.save(tmp_path / "mechanisms.xlsx")
    meetings.save(tmp_path / "meetings.xlsx")
    tables, report = validated(tmp_path)
    assert report.errors == ()
    assert list(tables.meetings["mechanism_id"]) == ["midsa", "gfmd"]


def test_templates_never_overwrite_the_inputs(tmp_path):
    (tmp_path / "mechanisms.xlsx").write_bytes(b"precious")
    with pytest.raises(ConfigError):
        write_templates(tmp_path, tmp_path)
    assert (tmp_path / "mechanisms.xlsx").read_bytes() == b"precious"


def test_templates_are_the_same_bytes_every_time(tmp_path):
    first = write_templates(tmp_path / "a")
    second = write_templates(tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
