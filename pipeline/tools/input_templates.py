"""Blank input workbooks for the editors, written from schema.py: `make templates`.

``inputs-template/mechanisms.xlsx`` and ``meetings.xlsx`` hold the contract's
headers (with their help as a comment), an instruction sheet in English,
French and Spanish, dropdown lists (Excel data validation) for every
enumerated column and for ``mechanism_id``, a date format on date columns and
a frozen header row. They never overwrite ``inputs/``.

    python -m pipeline.input_templates --inputs inputs --out inputs-template
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .. import cells, ingest, validate
from ..errors import BulletinError, ConfigError
from ..kinds import MECHANISM
from ..schema import MECHANISMS, MEETINGS, PARTICIPANTS, TABLES, TableSpec
from ..vocabularies import VOCABULARIES
from ..write import save_workbook

STAMP = dt.datetime(2025, 1, 1)
"""Fixed document dates, so that the templates' bytes depend on the contract only."""
LAST_ROW = 1_048_576
LISTS_SHEET = "Lists"
REQUIRED_FILL = PatternFill("solid", fgColor="1F4E8C")
OPTIONAL_FILL = PatternFill("solid", fgColor="5B7DB1")

INSTRUCTIONS = {
    "English": [
        "One row per {row}. Do not rename the sheets or the headers; columns in dark blue "
        "are required.",
        "Hover over a header to read what it holds. Cells with a dropdown accept only the "
        "listed values (lists such as regions or IOM's role: several values separated by ;).",
        "Dates: dd/mm/yyyy, day first (11/02/2025 is 11 February 2025). Years: four digits.",
        "mechanism_id: the mechanism's id from mechanisms.xlsx (its acronym or name also work).",
        "Countries: their usual English, French or Spanish name.",
        "Save as .xlsx and put the file in inputs/. `make check` lists anything to correct.",
    ],
    "Français": [
        "Une ligne par {row_fr}. Ne renommez ni les feuilles ni les en-têtes ; les colonnes "
        "en bleu foncé sont obligatoires.",
        "Survolez un en-tête pour lire ce qu'il contient. Les cellules à liste déroulante "
        "n'acceptent que les valeurs proposées (listes comme les régions ou le rôle de l'OIM : "
        "plusieurs valeurs séparées par ;).",
        "Dates : jj/mm/aaaa, le jour d'abord (11/02/2025 est le 11 février 2025). Années : "
        "quatre chiffres.",
        "mechanism_id : l'identifiant du mécanisme dans mechanisms.xlsx (son sigle ou son nom "
        "conviennent aussi).",
        "Pays : leur nom usuel en anglais, français ou espagnol.",
        "Enregistrez en .xlsx dans inputs/. `make check` liste ce qu'il faut corriger.",
    ],
    "Español": [
        "Una fila por {row_es}. No cambie el nombre de las hojas ni de los encabezados; las "
        "columnas en azul oscuro son obligatorias.",
        "Pase el cursor sobre un encabezado para leer qué contiene. Las celdas con lista "
        "desplegable solo aceptan los valores propuestos (listas como las regiones o el papel "
        "de la OIM: varios valores separados por ;).",
        "Fechas: dd/mm/aaaa, primero el día (11/02/2025 es el 11 de febrero de 2025). Años: "
        "cuatro cifras.",
        "mechanism_id: el identificador del mecanismo en mechanisms.xlsx (su sigla o su nombre "
        "también sirven).",
        "Países: su nombre usual en inglés, francés o español.",
        "Guarde en .xlsx en inputs/. `make check` enumera lo que haya que corregir.",
    ],
}
ROWS = {"mechanisms.xlsx": ("mechanism (sheet mechanisms), one row per participation "
                            "(sheet participants)",
                            "mécanisme (feuille mechanisms), une ligne par participation "
                            "(feuille participants)",
                            "mecanismo (hoja mechanisms), una fila por participación "
                            "(hoja participants)"),
        "meetings.xlsx": ("meeting", "réunion", "reunión")}


def write_templates(out_dir: Path, inputs_dir: Path | None = None) -> list[Path]:
    """Write the blank workbooks to out_dir; mechanism ids for meetings.xlsx come from
    inputs_dir when its mechanisms can be read."""
    if inputs_dir is not None and out_dir.resolve() == inputs_dir.resolve():
        raise ConfigError(f"Refusing to write templates into {inputs_dir}: the inputs are "
                          "never overwritten. Choose another folder.")
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = known_mechanism_ids(inputs_dir) if inputs_dir else []
    written = []
    for workbook in dict.fromkeys(spec.workbook for spec in TABLES):
        book = Workbook()
        write_instructions(book.active, workbook)
        lists = None
        if workbook == MEETINGS.workbook:
            lists = book.create_sheet(LISTS_SHEET)
            lists.append(["Mechanism ids (from mechanisms.xlsx; update them when it changes)"])
            for mechanism_id in ids:
                lists.append([mechanism_id])
            lists.column_dimensions["A"].width = 30
        for spec in TABLES:
            if spec.workbook == workbook:
                write_table_sheet(book.create_sheet(spec.name), spec, len(ids))
        if lists is not None:
            book.move_sheet(lists, offset=len(book.sheetnames))
        written.append(save_workbook(book, out_dir / workbook, STAMP))
    return written


def known_mechanism_ids(inputs_dir: Path) -> list[str]:
    """The ids of the mechanisms in inputs/, or none when they cannot be read."""
    try:
        raw = ingest.read_inputs(inputs_dir)
        tables, _ = validate.check(raw, cells.default_year(raw))
    except BulletinError:
        return []
    return sorted(tables.mechanisms["id"]) if tables is not None else []


def write_instructions(sheet, workbook: str) -> None:
    sheet.title = "Instructions"
    sheet.column_dimensions["A"].width = 110
    bold = Font(bold=True, size=12)
    row_en, row_fr, row_es = ROWS[workbook]
    for language, lines in INSTRUCTIONS.items():
        sheet.append([language])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        for line in lines:
            sheet.append([line.format(row=row_en, row_fr=row_fr, row_es=row_es)])
            sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=True)
        sheet.append([])
    sheet.append(["Columns · Colonnes · Columnas"])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    for spec in TABLES:
        if spec.workbook != workbook:
            continue
        for column in spec.template_columns:
            required = "required · obligatoire · obligatorio" if column.required else ""
            sheet.append([f"{spec.name} › {column.name}: {column.help} {required}".strip()])
    sheet.append(["The full contract: docs/inputs.md."])


def write_table_sheet(sheet, spec: TableSpec, id_count: int) -> None:
    """Headers with their help, frozen; dropdowns and formats column by column."""
    header_font = Font(bold=True, color="FFFFFF")
    for position, column in enumerate(spec.template_columns, start=1):
        letter = get_column_letter(position)
        cell = sheet.cell(row=1, column=position, value=column.name)
        cell.font = header_font
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        cell.comment = Comment(f"{column.help}{' (required)' if column.required else ''}",
                               "iscm-bulletin", width=300, height=80)
        sheet.column_dimensions[letter].width = column.kind.width
        cells = f"{letter}2:{letter}{LAST_ROW}"
        if column.kind.number_format:
            sheet.column_dimensions[letter].number_format = column.kind.number_format
        validation = dropdown(spec, column, id_count)
        if validation is not None:
            validation.add(cells)
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"


def dropdown(spec: TableSpec, column, id_count: int) -> DataValidation | None:
    """The dropdown of a column: its vocabulary, or the mechanism ids."""
    if column.vocabulary:
        values = list(VOCABULARIES[column.vocabulary])
        # A list column takes several values separated by ';', which a strict
        # dropdown would refuse: offer the values, warn but accept others.
        strict = not column.kind.several
        return DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True,
                              showErrorMessage=True, errorStyle="stop" if strict else "warning",
                              error=f"Use one of: {', '.join(values)}.",
                              errorTitle=column.name)
    if column.kind is MECHANISM:
        if spec is PARTICIPANTS:
            source = f"{MECHANISMS.name}!$A$2:$A${LAST_ROW}"
        else:
            source = f"{LISTS_SHEET}!$A$2:$A${max(id_count + 1, 2)}"
        # Acronyms and names are accepted too: warn, do not refuse.
        return DataValidation(type="list", formula1=source, allow_blank=True,
                              showErrorMessage=True, errorStyle="warning",
                              error="Not an id of mechanisms.xlsx: check it.",
                              errorTitle=column.name)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=Path("inputs"))
    parser.add_argument("--out", type=Path, default=Path("inputs-template"))
    args = parser.parse_args()
    try:
        written = write_templates(args.out, args.inputs if args.inputs.is_dir() else None)
    except BulletinError as error:
        raise SystemExit(f"Error: {error.message}") from None
    for path in written:
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
