"""Options: checked all at once, paths resolved, defaults in one place."""

import pytest

from pipeline.config import LANGUAGES, load_config
from pipeline.errors import ConfigError


def test_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config.langs == LANGUAGES and config.year is None
    assert config.docs == () and config.formats == ()  # every document, every format
    assert config.inputs_dir == tmp_path.resolve()


def test_every_bad_option_is_reported_at_once(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "missing", year=1850, langs="fr,xx", formats="html,docx",
                    docs="map,poster", kinds=("bulletin", "map"),
                    format_choices=("html", "pdf"))
    lines = caught.value.message.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Config value 'inputs'", "Config value 'year'", "Config value 'lang'",
        "Config value 'formats'", "Config value 'docs'"]
    assert lines[-2] == "Config value 'formats': docx not among html, pdf."
    assert lines[-1] == "Config value 'docs': poster not among the documents (bulletin, map)."
    assert caught.value.exit_code == 2


def test_languages_and_formats_keep_their_own_order(tmp_path):
    config = load_config(tmp_path, langs="ar, en", formats="pdf,html",
                         format_choices=("html", "pdf", "xlsx"))
    assert config.langs == ("en", "ar") and config.formats == ("html", "pdf")


def test_the_report_language_is_english_unless_asked(tmp_path):
    assert load_config(tmp_path).report_lang == "en"
    assert load_config(tmp_path, report_lang="FR").report_lang == "fr"


def test_an_unknown_report_language_names_the_choices(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, report_lang="de", year=1850)
    assert caught.value.message == ("Config value 'report_lang': de is not among the report "
                                    "languages (en, fr, es).")
    assert caught.value.exit_code == 2
