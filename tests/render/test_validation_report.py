"""The validation report: the same problems as a web page, a spreadsheet and a terminal table."""

from pipeline.config import load_config
from pipeline.contract.kinds import did_you_mean
from pipeline.errors import Problem, Report
from pipeline.lang.catalogues import report_wording
from pipeline.render import validation_report
from pipeline.wording import R_

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


# In the report language (REPORT_LANG): the words translated, the data as written.

TRANSLATABLE = Report((
    Problem("meetings.xlsx", "meetings", 4, "country", "unknown-country", "error", "Mexco",
            R_("is not a country name that could be recognised"),
            R_("{did_you_mean}Write the country's usual English, French or Spanish name.",
               did_you_mean=did_you_mean(["Mexico"]))),
    Problem("meetings.xlsx", "meetings", 9, R_("column {letter}", letter="Q"), "unnamed-column",
            "warning", "", R_("column {letter} has values but no header, so it is not read",
                              letter="Q"), R_("Give it a header from docs/inputs.md if it "
                                              "should be read, or delete it.")),
), (("blank rows dropped", 3),))


def test_the_page_in_french_says_so_and_speaks_french(tmp_path):
    page = validation_report.render_html(TRANSLATABLE, load_config(tmp_path, report_lang="fr"),
                                         2025)
    assert '<html lang="fr" dir="ltr">' in page
    assert "<title>Rapport de validation 2025</title>" in page
    assert "<h1>Rapport de validation 2025</h1>" in page
    assert "1 erreur, 1 avertissement." in page and "lignes vides écartées\u00a0: 3" in page
    assert '<th scope="col">Gravité</th>' in page and '<th scope="col">Que faire</th>' in page
    assert "Problèmes trouvés dans les fichiers d'entrée" in page
    assert ("<td>erreur</td><td>meetings.xlsx</td><td>meetings</td><td class=\"num\">4</td>"
            "<td>country</td><td class=\"value\">Mexco</td>"
            "<td>n&#39;est pas un nom de pays reconnaissable</td>") in page
    assert "Vouliez-vous dire Mexico\u202f? Écrivez le nom usuel du pays" in page
    assert "<td>colonne Q</td>" in page
    assert "Aller au contenu principal" in page  # the page shell, from the documents' catalogue


def test_the_page_in_spanish_has_no_problems_to_show(tmp_path):
    page = validation_report.render_html(Report(), load_config(tmp_path, report_lang="es"), None)
    assert '<html lang="es"' in page and "<p>No se encontró ningún problema.</p>" in page
    assert "0 errores, 0 advertencias." in page


def test_the_spreadsheet_in_spanish():
    title, headers, rows, _ = validation_report.report_sheet(TRANSLATABLE, report_wording("es"))
    assert title == "Problemas"
    assert headers == ["Gravedad", "Archivo", "Hoja", "Fila", "Columna", "Valor", "Problema",
                       "Qué hacer", "Código"]
    assert rows[0] == ["error", "meetings.xlsx", "meetings", 4, "country", "Mexco",
                       "no es un nombre de país reconocible",
                       "¿Quiso decir Mexico? Escriba el nombre usual del país en inglés, "
                       "francés o español.", "unknown-country"]
    assert rows[1][:5] == ["advertencia", "meetings.xlsx", "meetings", 9, "columna Q"]


def test_the_terminal_table_in_french():
    table = validation_report.rich_table(TRANSLATABLE, report_wording("fr"))
    assert [c.header for c in table.columns] == ["", "Où", "Valeur", "Problème et que faire"]
    cells = [list(column.cells) for column in table.columns]
    assert cells[0][0] == "[red]erreur[/]"
    assert cells[1] == ["meetings.xlsx › meetings › ligne 4 › country",
                        "meetings.xlsx › meetings › ligne 9 › colonne Q"]
