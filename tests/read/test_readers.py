"""Reading files into grids: CSV as Excel writes it, error values, ODS metadata, cached formulas."""

import io
import re
import zipfile

import pytest

from pipeline.read import ingest
from tests.conftest import write_inputs
from tests.data.make_corpus import write_ods


def meetings_csv(folder, text: str, encoding: str, name: str = "réunions.csv"):
    write_inputs(folder)
    (folder / "meetings.xlsx").unlink()
    (folder / name).write_bytes(text.encode(encoding))
    return ingest.read_inputs(folder)


CSV_HEADER = "mechanism_id{0}title{0}start_date{0}level{0}summary"


@pytest.mark.parametrize("delimiter, encoding", [(";", "utf-8-sig"), (",", "cp1252"),
                                                 (";", "utf-8"), ("\t", "utf-8")])
def test_csv_files_in_the_forms_excel_writes(tmp_path, delimiter, encoding):
    lines = ["Réunions 2025, version 2", "", CSV_HEADER.format(delimiter),
             delimiter.join(["gfmd", "Sommet", "05/03/2025", "summit",
                             '"Ministers met, talked; agreed"'])]
    raw = meetings_csv(tmp_path, "\r\n".join(lines) + "\r\n", encoding)
    table = raw["meetings"]
    assert (table.sheet, table.header_row, list(table.frame.index)) == ("", 3, [4])
    assert table.frame.at[4, "summary"] == "Ministers met, talked; agreed"
    assert table.frame.at[4, "title"] == "Sommet"


def test_csv_honours_excels_sep_line(tmp_path):
    text = "sep=|\n" + CSV_HEADER.format("|") + "\ngfmd|A|05/03/2025|summit|x,y;z\n"
    raw = meetings_csv(tmp_path, text, "utf-8")
    assert raw["meetings"].frame.at[3, "summary"] == "x,y;z"


def test_error_values_in_text_become_bad_cells(tmp_path):
    raw = meetings_csv(tmp_path, CSV_HEADER.format(",") + "\ngfmd,#N/A,05/03/2025,summit,\n",
                       "utf-8")
    cell = raw["meetings"].frame.at[2, "title"]
    assert (type(cell).__name__, cell.code, str(cell)) == ("BadCell", "excel-error", "#N/A")


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">
<office:body><office:spreadsheet><table:table table:name="réunions">
<table:table-row>{header}</table:table-row>
<table:table-row>{cell}<table:table-cell table:number-rows-spanned="2"
 office:value-type="string"><text:p>Summit</text:p></table:table-cell>{rest}</table:table-row>
<table:table-row table:visibility="collapse">{cell}<table:covered-table-cell/>{rest}
</table:table-row>
<table:table-row>{cell}<table:table-cell table:formula="of:=1/0" office:value-type="string"
 office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>{rest}
</table:table-row>
<table:table-row table:number-rows-repeated="1048572"><table:table-cell
 table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def string_cells(*values):
    return "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                   "</table:table-cell>" for v in values)


def test_ods_hidden_rows_merged_cells_and_error_values(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "meetings.xlsx").unlink()
    write_ods(folder / "meetings.ods", {"x": [["x"]]})
    content = ODS_CONTENT.format(header=string_cells("mechanism_id", "title", "start_date",
                                                     "level"),
                                 cell=string_cells("gfmd"),
                                 rest=string_cells("05/03/2025", "summit"))
    content = re.sub(r">\s+<", "><", content)  # calamine wants no text between cells
    out = io.BytesIO()
    with zipfile.ZipFile(folder / "meetings.ods") as source, zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            z.writestr(info, content if info.filename == "content.xml" else source.read(info))
    (folder / "meetings.ods").write_bytes(out.getvalue())
    raw = ingest.read_inputs(folder)
    table = raw["meetings"]
    assert list(table.frame["title"].map(str)) == ["Summit", "Summit", "#DIV/0!"]
    assert [(p.row, p.column, p.code) for p in raw.problems] == [
        (2, "title", "merged-cells"), (3, "", "hidden-row")]


def test_formula_cells_give_their_cached_values():
    from tests.data.make_corpus import BAD
    frame = ingest.read_inputs(BAD / "formulas-with-cached-values")["meetings"].frame
    assert (frame.at[3, "title"], frame.at[2, "edition"]) == ("GFMD Summit", 4)
