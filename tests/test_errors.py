"""Problems and errors: English data, shown again in the report language."""

from pipeline.errors import BulletinError, Problem, Report, ValidationFailed
from pipeline.lang.catalogues import report_wording
from pipeline.wording import R_

FOOTER = Problem("meetings.xlsx", "meetings", 7, "mechanism_id", "footer-row", "warning",
                 "Total", R_("looks like a row of totals or notes under the data, so it is not "
                             "read"),
                 R_("If it is data, fill in its required columns; otherwise move it to another "
                    "sheet."))


def test_a_problem_given_texts_holds_its_english_as_before():
    assert FOOTER.message == "looks like a row of totals or notes under the data, so it is not read"
    assert FOOTER == Problem("meetings.xlsx", "meetings", 7, "mechanism_id", "footer-row",
                             "warning", "Total", FOOTER.message, FOOTER.hint)
    assert FOOTER.line() == (
        "warning: meetings.xlsx › meetings › row 7 › mechanism_id: 'Total': looks like a row of "
        "totals or notes under the data, so it is not read. If it is data, fill in its required "
        "columns; otherwise move it to another sheet.")
    assert "texts" not in FOOTER.record() and Problem(**FOOTER.record()) == FOOTER


def test_a_problem_line_in_french_and_spanish():
    assert FOOTER.line(report_wording("fr")) == (
        "avertissement\u00a0: meetings.xlsx › meetings › ligne 7 › mechanism_id\u00a0: "
        "«\u00a0Total\u00a0»\u00a0: ressemble à une ligne de totaux ou de notes sous les "
        "données\u202f; elle n'est donc pas lue. S'il s'agit de données, remplissez ses colonnes "
        "obligatoires\u202f; sinon, déplacez-la dans une autre feuille.")
    assert FOOTER.located(report_wording("es")) == \
        "meetings.xlsx › meetings › fila 7 › mechanism_id"


def test_a_problem_given_strings_stays_english_in_every_language():
    """A problem built without Texts (tests, older code) is shown as it is, not lost."""
    plain = Problem("meetings.xlsx", "meetings", 4, message="is odd", hint="Look.")
    assert plain.line(report_wording("es")) == \
        "error: meetings.xlsx › meetings › fila 4: is odd. Look."


def test_errors_are_rendered_line_by_line_in_the_report_language():
    error = BulletinError(R_("The preview could not build anything."), "as it is")
    assert error.message == "The preview could not build anything.\nas it is"
    assert error.render(report_wording("fr")) == "L'aperçu n'a rien pu produire.\nas it is"
    failed = ValidationFailed(Report((FOOTER, FOOTER)))
    assert failed.message == "0 errors in the inputs; nothing was written."
    assert failed.render(report_wording("es")) == \
        "0 errores en los archivos de entrada; no se escribió nada."
