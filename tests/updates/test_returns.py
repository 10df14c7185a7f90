"""Returned update workbooks (pipeline/updates/returns.py and review.py), from the corpus
(tests/data/returns/, written by make_corpus.py): each faulty return gives exactly its one
problem, located, and `make collect APPLY=1` then changes nothing; a return sent back
untouched applies nothing and says "no changes"."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.read import safety
from pipeline.updates import returns, review, source
from tests.data.make_corpus import DATA, RETURN_CASES
from tests.test_corpus import snapshot

CASES = DATA / "returns"


def inputs_of(name: str, tmp_path):
    """A copy of the case's inputs (its own, or the clean set), to prove they are kept."""
    own = CASES / name / "inputs"
    copy = tmp_path / "inputs"
    shutil.copytree(own if own.is_dir() else DATA / "clean", copy)
    return copy


def reviewed(name: str, inputs) -> review.Review:
    folder = CASES / name / "returns"
    return review.review(source.read_source(inputs), returns.find_returns(folder), folder)


@pytest.mark.parametrize("name", sorted(RETURN_CASES))
def test_each_return_raises_exactly_its_problems(name, tmp_path):
    case = RETURN_CASES[name]
    found = reviewed(name, inputs_of(name, tmp_path))
    assert tuple((p.code, p.file, p.sheet, p.row, p.column) for p in found.problems) \
        == case.expected, case.doc
    assert all(p.severity == "error" and p.message and p.hint for p in found.problems)
    if case.expected and case.expected[0][0] in WHOLE:
        assert (found.returns, found.changes) == ((), ())  # refused whole, not read further


WHOLE = {"not-a-return", "stamp-mismatch", "renamed-header", "macros", "external-links",
         "formula", "other-year", "other-mechanism", "unknown-return-mechanism", "two-returns"}
"""The problems that refuse a workbook whole; the others (a conflict, a value the contract
refuses) are located on a change, which the review still lists."""


@pytest.mark.parametrize("name", sorted(RETURN_CASES))
def test_collect_apply_changes_nothing_when_a_return_is_refused(name, tmp_path):
    inputs = inputs_of(name, tmp_path)
    before = snapshot(inputs)
    result = CliRunner().invoke(main, ["collect", "--inputs", str(inputs), "--outputs",
                                       str(tmp_path / "outputs"), "--returns",
                                       str(CASES / name / "returns"), "--apply"])
    expected = RETURN_CASES[name].expected
    assert result.exit_code == (1 if expected else 0), result.output
    assert snapshot(inputs) == before
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(lines) == len(expected)
    for (_, file, sheet, row, column), line in zip(expected, lines):
        where = " › ".join(p for p in (file, sheet, f"row {row}" if row else "", column) if p)
        assert line.startswith(f"error: {where}"), line
    if expected:
        assert "nothing was applied" in result.output
    assert "Traceback" not in result.output


def test_a_return_sent_back_untouched_applies_nothing(tmp_path):
    inputs = inputs_of("no-edits", tmp_path)
    before = snapshot(inputs)
    result = CliRunner().invoke(main, ["collect", "--inputs", str(inputs), "--outputs",
                                       str(tmp_path / "outputs"), "--returns",
                                       str(CASES / "no-edits" / "returns"), "--apply"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == ("No changes: the returns hold nothing that the "
                                              "inputs do not already say.")
    assert snapshot(inputs) == before


def test_the_messages_name_what_was_changed(tmp_path):
    """One clear message each: what is wrong with the workbook, and what to do."""
    lines = {}
    for name in ("renamed-header", "changed-on-both-sides", "two-returns-for-one-mechanism",
                 "return-of-an-unknown-mechanism", "another-mechanisms-workbook"):
        (problem,) = reviewed(name, inputs_of(name, tmp_path / name)).problems
        lines[name] = problem.line()
    assert lines["renamed-header"] == (
        "error: iscm-update-2025-midsa.xlsx › Participants › Membership: the header of "
        "column B was changed from 'Role' to 'Membership'. Ask the sender to restore "
        "the header (the workbook is read by its structure), or put it back as it was "
        "yourself.")
    assert lines["changed-on-both-sides"].startswith(
        "error: iscm-update-2025-midsa.xlsx › Facts › row 16 › Chair: 'Zambia': was '' when the "
        "workbook was made; the inputs now say 'Botswana', and the return 'Zambia'.")
    assert "is one of 2 returns for midsa: iscm-update-2025-midsa (revised).xlsx, " \
           "iscm-update-2025-midsa.xlsx" in lines["two-returns-for-one-mechanism"]
    assert "is the update of mtm, which is not a mechanism of the inputs" \
        in lines["return-of-an-unknown-mechanism"]
    assert "is named for midwa 2025, but it is the update of midsa 2025" \
        in lines["another-mechanisms-workbook"]


def test_a_refused_workbook_is_never_opened_by_a_parser(monkeypatch):
    """Macros and links are refused on the archive's part names, before calamine reads it."""
    opened = []
    monkeypatch.setattr("pipeline.read.ingest.read_file",
                        lambda path: opened.append(path) or ([], []))
    for name in ("macro-enabled", "external-link"):
        (path,) = returns.find_returns(CASES / name / "returns")
        found, problems = returns.read_return(path)
        assert found is None and [p.code for p in problems] == [
            "macros" if name == "macro-enabled" else "external-links"]
    assert opened == []
    assert safety.check_active_content(CASES / "no-edits" / "returns" /
                                       "iscm-update-2025-midsa.xlsx") == []
