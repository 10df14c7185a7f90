"""The command line: exit codes and messages, as an editor sees them."""

import json

from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import MEETING_ROWS, golden_plan, write_inputs


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_check_unknown_country_exits_1_naming_file_sheet_row_column(tmp_path):
    rows = [dict(r) for r in MEETING_ROWS]
    rows[2]["country"] = "Mexco"
    folder = write_inputs(tmp_path / "in", meetings=rows)
    result = run("check", "--inputs", str(folder), "--quiet")
    assert result.exit_code == 1
    assert ("error: meetings.xlsx › meetings › row 4 › country: 'Mexco': is not a country "
            "name that could be recognised. Did you mean Mexico? Write the country's usual "
            "English, French or Spanish name.") in result.output
    assert result.output.rstrip().endswith("Error: 1 error in the inputs; nothing was written.")
    assert "Traceback" not in result.output


def test_check_clean_inputs_exits_0(small_inputs):
    result = run("check", "--inputs", str(small_inputs), "--quiet")
    assert result.exit_code == 0
    # One mechanism without members; 17 names that fall back to English in fr, es, ru, ar.
    assert result.output.count("the English name is shown in the") == 17
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert f"No errors in the inputs ({len(warnings)} warnings)." in result.output
    assert "warning: mechanisms.xlsx › mechanisms › row 4 › id: 'gfmd': has no members" \
        in result.output


def test_build_writes_documents(small_inputs, tmp_path):
    result = run("build", "--inputs", str(small_inputs), "--outputs", str(tmp_path / "o"),
                 "--quiet", "--edition-date", "2026-01-15", "--lang", "en", "--formats", "html")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "o" / "2025" / "summary-2025.json").read_text())
    assert summary["meetings_in_year"] == 3
    assert sorted(p.name for p in (tmp_path / "o" / "2025").glob("iscm-*")) == sorted(
        r.name for r in golden_plan() if r.name.startswith("iscm-") and r.lang in ("en", "-")
        and r.format in ("html", "ics"))  # the web pages, and the calendar's .ics


def test_docs_builds_only_the_documents_named(small_inputs, tmp_path):
    result = run("build", "--inputs", str(small_inputs), "--outputs", str(tmp_path / "o"),
                 "--quiet", "--lang", "en,fr", "--formats", "html", "--docs", "factsheet,map")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "o" / "2025"
    assert sorted(p.name for p in folder.glob("iscm-*")) == sorted(
        r.name for r in golden_plan() if r.document in ("factsheet", "map")
        and r.lang in ("en", "fr") and r.format == "html")
    assert (folder / "summary-2025.json").is_file()
    assert (folder / "validation-report-2025.html").is_file()


def test_usage_errors_exit_2(small_inputs, tmp_path):
    assert run("build", "--year", "twenty").exit_code == 2
    assert run("build", "--inputs", str(tmp_path / "missing")).exit_code == 2
    result = run("build", "--inputs", str(small_inputs), "--lang", "xx")
    assert result.exit_code == 2
    assert "Config value 'lang': xx not among the languages built" in result.output
    result = run("build", "--inputs", str(small_inputs), "--formats", "docx")
    assert result.exit_code == 2 and "Config value 'formats': docx" in result.output
    result = run("build", "--inputs", str(small_inputs), "--docs", "bulletin,poster")
    assert result.exit_code == 2
    assert "Config value 'docs': poster not among the documents (bulletin, profiles, " \
        in result.output


def test_year_with_no_meetings_still_builds_the_table(small_inputs, tmp_path):
    result = run("build", "--inputs", str(small_inputs), "--outputs", str(tmp_path / "o"),
                 "--year", "2024", "--quiet", "--lang", "en", "--formats", "html")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "o" / "2024" / "summary-2024.json").read_text())
    assert summary["meetings_in_year"] == 1


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "build" in result.output and "check" in result.output


def test_check_shows_a_table_in_a_terminal(monkeypatch, capsys):
    from pipeline import cli
    from pipeline.errors import Problem, Report
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    report = Report((Problem("meetings.xlsx", "meetings", 4, "country", "unknown-country",
                             value="Mexco", message="is not a country name",
                             hint="Did you mean Mexico?"),))
    cli.print_problems(report)
    shown = capsys.readouterr().err
    for text in ("meetings.xlsx", "row 4", "Mexco", "Mexico?", "┃"):
        assert text in shown


def test_build_reports_input_errors_in_spanish(tmp_path):
    rows = [dict(r) for r in MEETING_ROWS]
    rows[2]["country"] = "Mexco"
    folder = write_inputs(tmp_path / "in", meetings=rows)
    result = run("build", "--inputs", str(folder), "--outputs", str(tmp_path / "o"), "--quiet",
                 "--lang", "en", "--report-lang", "es")
    assert result.exit_code == 1
    assert ("error: meetings.xlsx › meetings › fila 4 › country: «Mexco»: no es un nombre de "
            "país reconocible. ¿Quiso decir Mexico? Escriba el nombre usual del país en inglés, "
            "francés o español.") in result.output
    assert result.output.rstrip().endswith(
        "Error: 1 error en los archivos de entrada; no se escribió nada.")
    assert not (tmp_path / "o").exists()


def test_the_report_language_can_come_from_the_environment(small_inputs):
    result = CliRunner(env={"REPORT_LANG": "fr"}).invoke(
        main, ["check", "--inputs", str(small_inputs), "--quiet", "--lang", "en"])
    assert result.exit_code == 0
    assert ("avertissement\u00a0: mechanisms.xlsx › mechanisms › ligne 4 › id\u00a0: «\u00a0gfmd"
            "\u00a0»\u00a0: n'a aucun membre indiqué dans la feuille participants\u202f; son "
            "nombre d'États membres est indiqué comme inconnu. Ajoutez ses membres s'ils sont "
            "connus.") in result.output
    assert result.output.rstrip().endswith(
        "Aucune erreur dans les fichiers d'entrée (4 avertissements).")


def test_an_unknown_report_language_is_a_usage_error_naming_the_choices(small_inputs):
    for args in (["check", "--report-lang", "de"], ["build", "--report-lang", "de"]):
        result = run(*args, "--inputs", str(small_inputs))
        assert result.exit_code == 2
        assert result.output == ("Error: Config value 'report_lang': de is not among the "
                                 "report languages (en, fr, es).\n")


def test_bad_options_are_explained_in_the_report_language(tmp_path):
    result = run("check", "--inputs", str(tmp_path / "missing"), "--year", "1850",
                 "--report-lang", "fr")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Erreur\u00a0: Valeur de l'option «\u00a0inputs\u00a0»\u00a0: "
        f"{(tmp_path / 'missing').resolve()} n'est pas un dossier.",
        "Valeur de l'option «\u00a0year\u00a0»\u00a0: 1850 n'est pas une année comprise entre "
        "1980 et 2100."]


def test_a_build_ends_with_its_warnings_counted_in_the_report_language(small_inputs, tmp_path):
    result = run("build", "--inputs", str(small_inputs), "--outputs", str(tmp_path / "o"),
                 "--quiet", "--lang", "en", "--formats", "html", "--report-lang", "es")
    assert result.exit_code == 0, result.output
    page = tmp_path / "o" / "2025" / "validation-report-2025.html"
    assert result.output == (f"4 advertencias (blank-optional 3, no-members 1): consulte "
                             f"{page} o ejecute «make check».\n")
    assert '<html lang="es"' in page.read_text()
