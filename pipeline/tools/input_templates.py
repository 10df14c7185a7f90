"""Blank input workbooks for the editors, and the workbooks of inputs/ dressed like them.

``make templates`` writes ``inputs-template/mechanisms.xlsx`` and ``meetings.xlsx``:
the contract's headers, dressed (dressing.py) with an instruction sheet, each header's
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
from pathlib import Path

from openpyxl import Workbook

from ..catalogues import report_wording
from ..config import check_report_lang
from ..errors import BulletinError, ConfigError
from ..schema import TABLES
from ..wording import ENGLISH, R_, Wording
from ..write import save_workbook
from .dressing import STAMP, dress, dress_inputs, known_mechanism_ids


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
        book = Workbook()
        book.remove(book.active)
        for spec in TABLES:
            if spec.workbook == workbook:
                book.create_sheet(spec.name).append([c.name for c in spec.template_columns])
        dress(book, workbook, ids, lang)
        written.append(save_workbook(book, out_dir / workbook, STAMP))
    return written


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
