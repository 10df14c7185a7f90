"""The benchmark's synthetic inputs: realistic enough to pass validation, N times the rows."""

from bench import synthetic
from pipeline import validate
from pipeline.read import ingest
from pipeline.validate import cells
from pipeline.world.countries import to_iso3
from tests.conftest import SHIPPED_INPUTS


def test_synthetic_inputs_pass_validation_with_scale_times_the_rows(tmp_path):
    shipped = ingest.read_inputs(SHIPPED_INPUTS)
    raw = ingest.read_inputs(synthetic.generate(3, tmp_path / "3x"))
    tables, report = validate.check(raw, cells.default_year(raw))
    assert report.errors == ()
    for name in ("mechanisms", "participants", "meetings"):  # publication.xlsx: not rows
        assert len(raw[name].frame) == 3 * len(shipped[name].frame), name
    assert len(tables.mechanisms) == 3 * len(shipped["mechanisms"].frame)
    copies = tables.mechanisms[tables.mechanisms["id"].str.endswith("-3")]
    assert set(copies["type"]) == set(tables.mechanisms["type"])
    participants = raw["participants"].frame["participant"]
    assert participants.nunique() > shipped["participants"].frame["participant"].nunique()
    assert all(to_iso3(country) for country in set(raw["meetings"].frame["country"]) - {""})


def test_the_same_scale_gives_the_same_rows(tmp_path):
    first = ingest.read_inputs(synthetic.generate(2, tmp_path / "a"))
    second = ingest.read_inputs(synthetic.generate(2, tmp_path / "b"))
    for name, table in first.tables.items():
        assert table.frame.equals(second[name].frame), name
