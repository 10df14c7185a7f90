"""Blank input workbooks for the editors, and the workbooks of inputs/ dressed like them.

``make templates`` writes ``inputs-template/mechanisms.xlsx``, ``meetings.xlsx`` and
``publication.xlsx`` (every setting listed, its value blank: the default): the
contract's headers, dressed (dressing.py) with an instruction sheet, each header's
help as a comment, dropdown lists (Excel data validation) for every enumerated column
and for ``mechanism_id``, a date format on date columns and a frozen header row. They
never overwrite ``inputs/``. ``make dress-inputs`` (``--dress inputs``) dresses the
workbooks of inputs/ the same way, in place, without changing a cell the build reads.
The instructions are in English, French and Spanish; with ``--report-lang fr`` (or
``es``; ``make templates REPORT_LANG=fr``) the instructions, help texts and dropdown
messages are in that language only.

    python -m pipeline.tools.input_templates --inputs inputs --out inputs-template
    python -m pipeline.tools.input_templates --dress inputs
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment

from .. import validate
from ..config import check_report_lang
from ..contract.schema import SETTINGS as SETTINGS_TABLE
from ..contract.schema import TABLES
from ..errors import BulletinError, ConfigError, InputError
from ..lang.catalogues import report_wording
from ..publish.write import atomically, write_bytes
from ..read import ingest, safety
from ..render.xlsx import save_workbook
from ..validate import cells
from ..validate.publication import SETTINGS
from ..wording import ENGLISH, R_, Text, Wording
from .dressing import AUTHOR, STAMP, dress, own_sheets, setting_help


def write_templates(out_dir: Path, inputs_dir: Path | None = None, lang: str = "en"
                    ) -> list[Path]:
    """Write the blank workbooks to out_dir, in a report language (en, fr, es); mechanism
    ids for meetings.xlsx come from inputs_dir when its mechanisms can be read."""
    if inputs_dir is not None and out_dir.resolve() == inputs_dir.resolve():
        raise ConfigError(R_("Refusing to write templates into {folder}: the inputs are "
                             "never overwritten. Choose another folder.", folder=inputs_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = known_mechanism_ids(inputs_dir) if inputs_dir else []
    written = []
    for workbook in dict.fromkeys(spec.workbook for spec in TABLES):
        book = openpyxl.Workbook()
        book.remove(book.active)
        for spec in TABLES:
            if spec.workbook == workbook:
                book.create_sheet(spec.name).append([c.name for c in spec.template_columns])
        if SETTINGS_TABLE.name in book.sheetnames:
            list_settings(book[SETTINGS_TABLE.name], report_wording(lang))
        dress(book, workbook, ids, lang)
        written.append(save_workbook(book, out_dir / workbook, STAMP))
    return written


def list_settings(sheet, wording: Wording) -> None:
    """One row per setting, its value blank (the default): what it holds in a note on its
    name, and its kind's format on its value."""
    for row, setting in enumerate(SETTINGS, start=2):
        name = sheet.cell(row=row, column=1, value=setting.name)
        name.comment = Comment(setting_help(setting).render(wording), AUTHOR, width=300,
                               height=100)
        if setting.kind.number_format:
            sheet.cell(row=row, column=2).number_format = setting.kind.number_format


def known_mechanism_ids(inputs_dir: Path) -> list[str]:
    """The ids of the mechanisms in inputs/, or none when they cannot be read."""
    try:
        raw = ingest.read_inputs(inputs_dir)
        tables, _ = validate.check(raw, cells.default_year(raw))
    except BulletinError:
        return []
    return sorted(tables.mechanisms["id"]) if tables is not None else []


def dress_inputs(folder: Path, lang: str = "en") -> list[Path]:
    """Dress every .xlsx workbook of folder that holds a contract table, in place. All are
    checked first: if one cannot be dressed without changing what the build reads, none is
    written, and the error says why for each."""
    if not folder.is_dir():
        raise ConfigError(R_("Config value 'inputs': {folder} is not a folder.", folder=folder))
    ids = known_mechanism_ids(folder)
    dressed: dict[Path, bytes] = {}
    refusals: list[Text] = []
    for path in ingest.find_input_files(folder):
        if path.suffix.lower() != ".xlsx":
            continue
        try:
            data = dressed_bytes(path, ids, lang)
        except BulletinError as error:
            refusals += error.lines
            continue
        if data is not None:
            dressed[path] = data
    if refusals:
        raise InputError(*refusals, R_("Nothing was dressed."))
    for path, data in dressed.items():
        atomically(path, write_bytes, data=data)
    return list(dressed)


def dressed_bytes(path: Path, ids: list[str], lang: str) -> bytes | None:
    """The workbook dressed, as bytes; None when it holds no contract table. Refused when
    it cannot be read, holds what openpyxl would lose, or would read differently."""
    before, problems = ingest.read_file(path)
    if problems:
        reason = dict(problems[0].texts).get("message", problems[0].message)
        raise InputError(R_("{file} cannot be read ({reason}): `make check` says more.",
                            file=path.name, reason=reason))
    if safety.unkept_parts(path):
        raise InputError(R_("{file} holds charts, pictures, pivot tables or macros, which "
                            "dressing would lose: it was left as it was.", file=path.name))
    book = openpyxl.load_workbook(path, rich_text=True)
    replaced = set(own_sheets(book))
    if not dress(book, path.name, ids, lang):
        return None
    with tempfile.TemporaryDirectory() as scratch:
        copy_path = save_workbook(book, Path(scratch) / path.name, STAMP)
        after = {grid.sheet: grid for grid in ingest.read_file(copy_path)[0]}
        data = copy_path.read_bytes()
    for grid in before:
        if grid.sheet in replaced:
            continue
        kept = after.get(grid.sheet)
        if kept is None or not (kept.cells.equals(grid.cells) and kept.merges == grid.merges
                                and kept.hidden_rows == grid.hidden_rows):
            raise InputError(R_("{file} › {sheet}: dressing would change what the build reads "
                                "(formulas lose their values, for one), so it was left as it "
                                "was. Replace formulas by their values, then dress again.",
                                file=path.name, sheet=grid.sheet))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=Path("inputs"))
    parser.add_argument("--out", type=Path, default=Path("inputs-template"))
    parser.add_argument("--dress", type=Path, metavar="FOLDER",
                        help="Dress the workbooks of FOLDER in place (instructions, "
                             "dropdowns, help) instead of writing blank templates; no cell "
                             "that holds data changes.")
    parser.add_argument("--report-lang", default=os.environ.get("REPORT_LANG") or None,
                        help="Language of the instructions and help texts: en (with French "
                             "and Spanish too), fr or es [default: REPORT_LANG, else en].")
    args = parser.parse_args(argv)
    wording: Wording = ENGLISH  # until the language asked for is known to be one
    try:
        lang = check_report_lang(args.report_lang)
        wording = report_wording(lang)
        if args.dress is not None:
            written = dress_inputs(args.dress, lang)
        else:
            written = write_templates(args.out, args.inputs if args.inputs.is_dir() else None,
                                      lang)
    except BulletinError as error:
        print(R_("Error: {message}", message=error.render(wording)).render(wording),
              file=sys.stderr)
        return error.exit_code
    for path in written:
        print(f"{'dressed' if args.dress is not None else 'wrote'} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
