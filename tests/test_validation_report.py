"""The validation report: the same problems as a web page, a spreadsheet and a terminal table."""

from pipeline import validation_report
from pipeline.config import load_config
from pipeline.errors import Problem, Report

REPORT = Report((
    Problem("meetings.xlsx", "meetings", 4, "country", "unknown-country", "error",
            "<b>Mexco</b>", "is not a country name", "Did you mean Mexico?"),
    Problem("mechanisms.xlsx", "mechanisms", 1, "region", "blank-optional", "warning", "",
            "2 rows leave this optional column blank", "Fill them in if known."),
), (("blank rows dropped", 3),))


def test_the_page_lists_every_problem_and_shows_values_as_text(tmp_path):
    page = validation_report.render_html(REPORT, load_config(tmp_path), 2025)
    assert "<title>Validation report 2025</title>" in page
    assert "1 error, 1 warning." in page and "blank rows dropped: 3" in page
    assert "&lt;b&gt;Mexco&lt;/b&gt;" in page and "<b>Mexco" not in page
    assert page.index("unknown-country") < page.index("blank-optional")  # as sorted


def test_the_spreadsheet_has_one_row_per_problem():
    title, headers, rows, widths = validation_report.report_sheet(REPORT)
    assert headers[:5] == ["Severity", "File", "Sheet", "Row", "Column"]
    assert [row[:5] for row in rows] == [["error", "meetings.xlsx", "meetings", 4, "country"],
                                         ["warning", "mechanisms.xlsx", "mechanisms", 1,
                                          "region"]]
    assert len(widths) == len(headers)


def test_the_terminal_table_says_where_and_what_to_do():
    table = validation_report.rich_table(REPORT)
    cells = [list(column.cells) for column in table.columns]
    assert cells[1][0] == "meetings.xlsx › meetings › row 4 › country"
    assert cells[3][0] == "is not a country name. Did you mean Mexico?"
