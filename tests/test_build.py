"""End to end: the shipped inputs build in every language; builds are deterministic and atomic."""

import csv
import dataclasses
import datetime as dt
import functools
import html as html_lib
import json
import re
import subprocess
import unicodedata
from html.parser import HTMLParser

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.errors import ValidationFailed
from pipeline.languages import language
from pipeline.publish.outputs import CHOSEN, kinds
from pipeline.read.ingest import read_inputs
from pipeline.utils.text import typographic
from tests.conftest import (
    ARCHIVE_PAGES,
    MECHANISM_ROWS,
    MEETING_ROWS,
    ROOT,
    SHIPPED_INPUTS,
    pdf_cases,
    write_inputs,
)
from tests.pdfcheck import BIDI_CONTROLS

FONTS = ROOT / "templates" / "assets" / "fonts"
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def text_of(shipped_pdf):
    """text_of(kind, lang): the text of that shipped PDF, bidi controls dropped, whitespace
    collapsed."""
    @functools.cache
    def text(kind: str, lang: str) -> str:
        return " ".join(shipped_pdf.text(kind, lang).translate(BIDI_CONTROLS).split())
    return text


def test_shipped_inputs_build_every_document_in_every_language(shipped):
    """As HTML and spreadsheets (the shared build's formats; its PDFs: `shipped_pdf`)."""
    year = shipped.folder.name
    expected = {f"summary-{year}.json", f"validation-report-{year}.html",
                f"validation-report-{year}.xlsx"} | {
        f"{stem}-{year}-{lang}.{suffix}" for lang in LANGUAGES
        for stem, suffix in [("iscm-highlights", "html"), ("iscm-table", "html"),
                             ("iscm-table", "xlsx"), ("iscm-calendar", "html"),
                             ("iscm-calendar", "ics"), ("iscm-profiles", "html"),
                             ("iscm-factsheet", "html"), ("iscm-map", "html"),
                             ("iscm-updates", "html")]} | {
        "data/datapackage.json"} | {
        f"data/{hxl}{table}.csv" for hxl in ("", "hxl/")
        for table in ("mechanisms", "participations", "meetings", "memberships",
                      "gcm_objectives")}
    assert set(shipped.files) == expected


def test_shipped_bulletin_pdf_shows_the_figures_and_every_active_mechanism(shipped, text_of):
    year = shipped.folder.name
    summary = json.loads((shipped.folder / f"summary-{year}.json").read_text())
    text = text_of("bulletin", "en")
    assert f"ISCM {year} · Highlights" in " ".join(text.split())
    assert f"{summary['meetings_in_year']} meetings in {year}" in text
    assert (f"{summary['member_states']} States are members of at least one of the "
            f"{summary['member_lists_known']} mechanisms whose member lists are known") in text
    assert summary["mechanisms"] == 35 and summary["member_lists_known"] < 35
    table = text_of("table", "en")
    from openpyxl import load_workbook
    sheet = load_workbook(shipped.folder / f"iscm-table-{year}-en.xlsx").active
    status = [c.value for c in sheet[1]].index("Status")
    active = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)
              if row[status] == "Active"]
    assert len(active) >= 22
    for name in active:
        assert " ".join(name.split()) in table


def big_numbers(html: str) -> list[str]:
    """The key figures of a page, as printed ('22 active mechanisms')."""
    found = re.search(r'<ul class="big-numbers">(.*?)</ul>', html, re.S)[1]
    return [" ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", li)).split())
            for li in re.findall(r"<li>(.*?)</li>", found, re.S)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_factsheet_is_two_pages_with_the_bulletins_figures(shipped, shipped_pdf, text_of,
                                                                 lang):
    year = shipped.folder.name
    summary = json.loads((shipped.folder / f"summary-{year}.json").read_text())
    assert len(PdfReader(shipped_pdf("factsheet", lang)).pages) == 2
    pages = {kind: (shipped.folder / f"iscm-{kind}-{year}-{lang}.html").read_text()
             for kind in ("factsheet", "highlights")}
    figures = big_numbers(pages["factsheet"])
    assert figures == big_numbers(pages["highlights"]) and len(figures) == 3
    if lang == "en":
        assert figures == [
            f"{summary['mechanisms_by_status']['active']} active mechanisms",
            f"{summary['meetings_in_year']} meetings in {year}",
            f"{summary['member_states']} States are members of at least one of the "
            f"{summary['member_lists_known']} mechanisms whose member lists are known"]
    text = text_of("factsheet", lang)
    for figure in (summary["mechanisms_by_status"]["active"], summary["member_states"]):
        assert str(figure) in text
    active = re.findall(r'<ul class="mechanism-list">(.*?)</ul>', pages["factsheet"], re.S)
    assert sum(part.count("<li>") for part in active) == \
        summary["mechanisms_by_status"]["active"]


def test_meeting_sentences_reach_the_pdf(shipped, text_of):
    year = int(shipped.folder.name)
    html = (shipped.folder / f"iscm-highlights-{year}-en.html").read_text()
    text = text_of("bulletin", "en")
    sentences = [s for s in html.split("<li>") if " took place " in s or ", adopted " in s]
    assert len(sentences) >= 20
    # Its summary says the adoption: the sentence does not say it a second time.
    assert "The Second Ministerial Meeting of the Khartoum Process took place on 9 April 2025 " \
           "in the New Administrative Capital, Egypt. Ministers of the 40 member States" in text
    assert "The Third RSO Constructive Dialogue, held on 25–26 February 2025 in Bangkok, " \
           "Thailand, adopted the Constructive Dialogue Outcome Statement." in text
    assert "The 15th GFMD Summit took place on 2–4 September 2025 in Riohacha, Colombia." in text
    assert "The PIDC-IOM-UNODC regional training on migration data took place from 28 April " \
           "to 2 May 2025 in Brisbane, Australia." in text


def shipped_meetings(year: int) -> pd.DataFrame:
    frame = read_inputs(SHIPPED_INPUTS)["meetings"].frame
    return frame[pd.to_datetime(frame["start_date"]).dt.year == year]


def test_every_meeting_title_of_the_year_is_printed_as_written(shipped, text_of):
    """A title is printed verbatim (apostrophes and number ranges typographic), never
    replaced by a label made from the level and the edition."""
    year = int(shipped.folder.name)
    html = html_text(shipped.folder / f"iscm-highlights-{year}-en.html")
    pdf = text_of("bulletin", "en")
    titles = [typographic(" ".join(t.split())) for t in shipped_meetings(year)["title"]]
    assert len(titles) == 29
    for title in titles:
        assert title in html, title
        assert title in pdf, title


def html_text(path) -> str:
    """The visible text of an HTML page, tags dropped, entities read, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", path.read_text())
    return " ".join(html_lib.unescape(text).split())


REPEATED_IN_BRACKETS = re.compile(r"(?<![\w(])([^\W\d][^()]{2,}?) \(\1\)")


def test_no_name_is_repeated_in_brackets(shipped):
    """No 'Budapest Process (Budapest Process)', in any document or language (the PDFs:
    test_each_pdf_embeds_the_bundled_fonts_covers_every_character_and_repeats_no_name)."""
    for page in shipped.folder.glob("*.html"):
        text = html_text(page)
        assert not REPEATED_IN_BRACKETS.search(text), (page.name,
                                                       REPEATED_IN_BRACKETS.search(text))
    assert REPEATED_IN_BRACKETS.search("the Budapest Process (Budapest Process) met")


# Per language: section titles, a date range (the PIDC training, 28 April to 2 May 2025,
# in the calendar) and three countries, as the reader's language writes them.
IN_EACH_LANGUAGE = {
    "en": (["Key figures of 2025", "About ISCMs", "Highlights of 2025", "Calendar of 2025",
            "IOM’s role"], "28 April–2 May 2025", ["Switzerland", "Egypt", "Thailand"]),
    "fr": (["Chiffres clés de 2025", "À propos des MCIM", "Faits saillants de 2025",
            "Calendrier 2025", "Rôle de l’OIM"], "28 avril – 2 mai 2025",
           ["Suisse", "Égypte", "Thaïlande"]),
    "es": (["Cifras clave de 2025", "Acerca de los MCIM", "Aspectos destacados de 2025",
            "Calendario de 2025", "Papel de la OIM"], "28 de abril a 2 de mayo de 2025",
           ["Suiza", "Egipto", "Tailandia"]),
    "ru": (["Ключевые показатели 2025 года", "О МКМ", "Основные события 2025 года",
            "Календарь совещаний 2025 года", "Роль МОМ"], "28 апреля – 2 мая 2025 г.",
           ["Швейцария", "Египет", "Таиланд"]),
    "ar": (["أرقام رئيسية لعام 2025", "نبذة عن آليات التشاور", "أبرز أحداث عام 2025",
            "جدول اجتماعات عام 2025", "دور المنظمة الدولية للهجرة"],
           "28 نيسان/أبريل – 2 أيار/مايو 2025",
           ["سويسرا", "مصر", "تايلند"]),
}


@pytest.mark.parametrize("kind, lang", pdf_cases(["bulletin"]))
def test_each_language_pdf_is_in_that_language(shipped_pdf, text_of, kind, lang):
    titles, date_range, countries = IN_EACH_LANGUAGE[lang]
    text = text_of(kind, lang)
    lines = shipped_pdf.text(kind, lang).translate(BIDI_CONTROLS).splitlines()
    for expected in titles + countries:
        # A heading with a number: in Arabic, the PDF's text keeps the visual order around
        # the digits ('2025 أرقام رئيسية لعام'), as for the dates below.
        assert expected in text or (lang == "ar" and any(
            line.strip() == " ".join([expected.split()[-1], *expected.split()[:-1]])
            for line in lines)), expected
    # A date in a table cell joins its UN Arabic month's two names (U+2060, filter joined).
    assert date_range in shipped_pdf.html(kind, lang).replace("\u2060", "")
    if lang == "ar":
        # The calendar cell wraps the range over lines, each day with its two UN month
        # names; the PDF's text keeps Arabic in visual order around the digits.
        for day in (("28", "نيسان", "أبريل"), ("2", "أيار", "مايو")):
            assert any(all(part in line for part in day) for line in lines), day
    else:
        assert date_range in text


def test_arabic_is_right_to_left(shipped, text_of):
    year = shipped.folder.name
    for kind, stem in (("bulletin", "iscm-highlights"), ("table", "iscm-table")):
        html = (shipped.folder / f"{stem}-{year}-ar.html").read_text()
        assert '<html lang="ar" dir="rtl">' in html
        assert len(ARABIC.findall(text_of(kind, "ar"))) > 1000
    assert not ARABIC.search(text_of("bulletin", "en"))
    arabic = text_of("bulletin", "ar") + text_of("table", "ar")
    assert "،" in arabic and "«" in arabic  # the Arabic comma and quotation marks are there


TITLES = {"en": "ISCM 2025 · Highlights", "fr": "MCIM 2025 · Faits saillants",
          "ar": "آليات التشاور بشأن الهجرة 2025 · أبرز الأحداث"}


@pytest.mark.parametrize("kind, lang", pdf_cases(["bulletin"], TITLES))
def test_pdf_metadata_carries_the_language_and_the_translated_title(shipped_pdf, kind, lang):
    reader = PdfReader(shipped_pdf(kind, lang))
    assert reader.metadata.title == TITLES[lang]
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_xlsx_headers_are_translated(shipped):
    from openpyxl import load_workbook
    year = shipped.folder.name
    headers = {lang: [c.value for c in load_workbook(
        shipped.folder / f"iscm-table-{year}-{lang}.xlsx").active[1]] for lang in LANGUAGES}
    assert headers["en"][:3] == ["Type", "Region", "Mechanism"]
    assert headers["fr"][:3] == ["Type", "Région", "Mécanisme"]
    assert headers["ru"][:3] == ["Тип", "Регион", "Механизм"]
    assert headers["ar"][:3] == ["النوع", "المنطقة", "الآلية"]


def pdf_fonts(pdf) -> list[list[str]]:
    out = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@functools.cache
def bundled_characters() -> frozenset[int]:
    from fontTools.ttLib import TTFont
    return frozenset(c for font in FONTS.glob("*.ttf") for c in TTFont(font).getBestCmap())


@pytest.mark.parametrize("kind, lang", pdf_cases())
def test_each_pdf_embeds_the_bundled_fonts_covers_every_character_and_repeats_no_name(
        shipped_pdf, text_of, kind, lang):
    """Only the bundled fonts, embedded; every character of the text in one of them (no
    tofu, no system fallback); no 'Budapest Process (Budapest Process)'."""
    fonts = pdf_fonts(shipped_pdf(kind, lang))
    assert fonts and all("Noto-Sans" in f[0] for f in fonts), fonts
    assert all(f[-5] == "yes" for f in fonts)  # embedded
    text = text_of(kind, lang)
    assert not {c for c in text if ord(c) not in bundled_characters() and not c.isspace()}
    assert not REPEATED_IN_BRACKETS.search(text), REPEATED_IN_BRACKETS.search(text)


def test_two_builds_give_the_same_bytes(small_inputs, tmp_path):
    # Arabic: shaping and bidi are where a renderer is likeliest to vary; English builds
    # of every document are compared byte for byte in test_parallel. The bulletin holds
    # all that the other documents draw: the map, charts, tables, lists, Arabic text.
    config = lambda name: load_config(small_inputs, tmp_path / name, langs="ar",  # noqa: E731
                                      docs="bulletin", kinds=kinds())
    first, second = build.build(config("a")), build.build(config("b"))
    assert first.files == second.files
    for name in first.files:
        assert (first.folder / name).read_bytes() == (second.folder / name).read_bytes(), name


def test_an_input_error_leaves_previous_outputs_untouched(tmp_path):
    good = write_inputs(tmp_path / "good")
    config = load_config(good, tmp_path / "out", langs="en", edition_date=dt.date(2026, 1, 1),
                         formats="html", format_choices=CHOSEN)
    result = build.build(config)
    before = {p: p.read_bytes() for p in result.folder.rglob("*") if p.is_file()}
    bad_rows = [dict(r) for r in MEETING_ROWS]
    bad_rows[0]["country"] = "Atlantis"
    bad = write_inputs(tmp_path / "bad", meetings=bad_rows)
    inputs_before = {p.name: p.read_bytes() for p in bad.iterdir()}
    with pytest.raises(ValidationFailed):
        build.build(load_config(bad, tmp_path / "out", langs="en"))
    after = {p: p.read_bytes() for p in result.folder.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["2025", *ARCHIVE_PAGES])
    assert {p.name: p.read_bytes() for p in bad.iterdir()} == inputs_before


def test_regions_as_editors_write_them_are_kept_and_grouped(tmp_path):
    """The region names of a real office sheet: none refused, each shown as written, the
    mechanisms grouped by macro-region (an unknown name by its member States)."""
    written = {"midsa": "Southern Africa", "midwa": "",
               "gfmd": "Global", "rcm": "Caribbean; Central America",
               "apc": "South-East Asia; Pacific"}
    mechanisms = [dict(row, region=written[row["id"]]) for row in MECHANISM_ROWS]
    mechanisms[1]["region"] = "Golfe de Guinée"  # MIDWA: an unknown name; its members: West Africa
    inputs = write_inputs(tmp_path / "in", mechanisms=mechanisms)
    config = load_config(inputs, tmp_path / "out", langs="en", formats="html",
                         format_choices=CHOSEN)
    result = build.build(config)
    assert [(p.row, p.code, p.value) for p in result.report.warnings
            if p.code == "unknown-region"] == [(3, "unknown-region", "Golfe de Guinée")]
    html = (result.folder / "iscm-table-2025-en.html").read_text()
    groups = re.findall(r'<th scope="colgroup" colspan="8">([^<]+)</th>', html)
    assert groups == ["Regional consultative processes (RCPs) · Africa",
                      "Regional consultative processes (RCPs) · Americas",
                      "Regional consultative processes (RCPs) · Asia-Pacific",
                      "Global processes · Global"]
    for region in ("Southern Africa", "Golfe de Guinée", "Caribbean", "Central America",
                   "South-East Asia", "Pacific"):
        assert region in html_lib.unescape(html), region
    summary = json.loads((result.folder / "summary-2025.json").read_text())
    assert summary["mechanisms_by_region"]["Africa"] == 2
    assert summary["mechanisms_by_region"]["Asia-Pacific"] == 1


def html_build(inputs, outputs, **options) -> build.BuildResult:
    """A quick build: HTML documents only, in English."""
    config = load_config(inputs, outputs, langs="en", formats="html", format_choices=CHOSEN,
                         **options)
    return build.build(config, jobs=1)


def test_a_meetings_sheet_with_headers_and_no_rows_builds_an_empty_calendar(tmp_path):
    """Was KeyError: 'start_date' in aggregate.year_meetings."""
    result = html_build(write_inputs(tmp_path / "in", meetings=[]), tmp_path / "out", year=2025)
    page = html_text(result.folder / "iscm-highlights-2025-en.html")
    assert page.count("No meetings were recorded for 2025.") == 2  # highlights and calendar
    summary = json.loads((result.folder / "summary-2025.json").read_text())
    assert summary["meetings_in_year"] == 0 and summary["mechanisms"] == 5


def test_a_totals_row_under_a_blank_row_builds_and_is_reported(tmp_path):
    """Was TypeError: Object of type int64 is not JSON serializable, writing the manifest:
    the footer's row number came from the frame's index once the blank row was dropped."""
    rows = MEETING_ROWS[:2] + [{}] + MEETING_ROWS[2:]
    inputs = write_inputs(tmp_path / "in", meetings=rows)
    book = openpyxl.load_workbook(inputs / "meetings.xlsx")
    book["meetings"].append(["Total", 4])
    book.save(inputs / "meetings.xlsx")
    result = html_build(inputs, tmp_path / "out")
    manifest = json.loads((result.folder / ".manifest.json").read_text())
    assert {"file": "meetings.xlsx", "sheet": "meetings", "row": 7, "column": "mechanism_id",
            "code": "footer-row", "severity": "warning", "value": "Total",
            "message": "looks like a row of totals or notes under the data, so it is not read",
            "hint": "If it is data, fill in its required columns; otherwise move it to "
                    "another sheet."} in manifest["report"]["problems"]


def test_control_characters_in_the_cells_do_not_reach_the_documents(tmp_path):
    """Was IllegalCharacterError from openpyxl writing the ISCM table: Excel stores a control
    character (pasted from another program) as _x0001_, and calamine reads it back."""
    rows = [dict(r) for r in MECHANISM_ROWS]
    rows[0]["name_en"] = "Migration Dialogue_x0001_for Southern Africa_x001B_"
    inputs = write_inputs(tmp_path / "in", mechanisms=rows)
    config = dataclasses.replace(load_config(inputs, tmp_path / "out", langs="en"),
                                 formats=("html", "xlsx"))
    result = build.build(config, jobs=1)
    sheet = openpyxl.load_workbook(result.folder / "iscm-table-2025-en.xlsx").active
    assert "Migration Dialogue for Southern Africa" in [row[2] for row in sheet.values]
    assert "\x01" not in (result.folder / "iscm-highlights-2025-en.html").read_text()


# The data in five languages ------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]{3,}")
SHARED_WORDS = {"fr": {"but", "panel", "finals", "jammu"}, "es": {"jammu"}, "ru": {"pro"}}
"""Words of the language that English has too, and more often ('le but': the aim; 'les
documents finals', the UN's French plural); the Latin 'pro tempore' in Russian; Jammu, a
place the poster's boundary note names as the UN's French and Spanish do
('Jammu-et-Cachemire', 'Jammu y Cachemira')."""


def own_words(lang: str) -> set[str]:
    """Words of the language the frequency test would take for English: proper names as
    the language writes them (UN country names, the gazetteer's cities: 'Iraq', 'Victoria
    Falls', 'Brisbane'), CLDR's month names and abbreviations ('may', 'ago' in Spanish)."""
    from babel import Locale

    names = [row[lang] for table in ("un_country_names.csv", "cities.csv") for row in
             csv.DictReader((ROOT / "pipeline" / "world" / "data" / table).open(encoding="utf-8"))]
    months = [name for context in Locale.parse(lang).months.values()
              for width in context.values() for name in width.values()]
    return {w.lower() for text in names + months for w in WORD.findall(text)} | \
        SHARED_WORDS.get(lang, set())


def in_latin_letters(lang: str) -> bool:
    """Whether a language is written in Latin letters (its CLDR name of January is), where an
    English word may be the language's own too."""
    from babel.dates import get_month_names

    january = get_month_names("wide", locale=language(lang).babel_locale)[1]
    return all("LATIN" in unicodedata.name(c) for c in january if c.isalpha())


def english_words(page: str, lang: str) -> dict[str, str]:
    """The English words a document's visible text holds (word -> where), outside the
    titles of documents (<cite>), the language switcher, what the page marks not to be
    translated (translate="no": the publisher's postal address and licence statement, as the
    editor's publication settings give them), acronyms and proper names: a word
    common in English (wordfreq) and ten times rarer in the page's language (loanwords
    such as 'meeting' are in French corpora too); in a language not written in Latin
    letters (Russian, Arabic), any such word."""
    from lxml import html as lxml_html

    allowed = own_words(lang)
    root = lxml_html.fromstring(page)
    for element in root.xpath("//head|//cite|//script|//style|//*[contains(@class,'switcher')]"
                              "|//*[@translate='no']"):
        element.drop_tree()
    found = {}
    for text in root.itertext():
        for word in english_words_of(text, lang, allowed):
            found.setdefault(word.lower(), text.strip()[:100])
    return found


def english_words_of(text: str, lang: str, allowed: set[str]) -> list[str]:
    """The words of a text that read as English in a page of lang (english_words): common in
    English, and ten times rarer in the language where it is written in Latin letters."""
    from wordfreq import zipf_frequency

    found = []
    for word in WORD.findall(text):
        if word.isupper() or word.lower() in allowed:
            continue
        english = zipf_frequency(word, "en")
        if english >= 3 and (not in_latin_letters(lang)
                             or english - zipf_frequency(word, lang) >= 1):
            found.append(word)
    return found


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
@pytest.mark.parametrize("document", ["iscm-highlights", "iscm-table", "iscm-calendar",
                                      "iscm-factsheet", "iscm-map"])
def test_a_translated_document_holds_no_english_word(shipped, document, lang):
    """The shipped inputs come with their translations (inputs/translations/): each
    document reads in its language, but for proper names and the titles of documents."""
    page = (shipped.folder / f"{document}-{shipped.folder.name}-{lang}.html").read_text()
    assert english_words(page, lang) == {}


class LanguageRuns(HTMLParser):
    """Every text of a page with the language it inherits from the lang attributes, as a
    screen reader or a PDF's /Lang takes it: the page's head, scripts, styles, language
    switcher (codes: EN, FR…) and what the page marks not to be translated (translate="no":
    the publication settings' postal address and licence, as the editor gives them) apart."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})
    SKIPPED = frozenset({"head", "script", "style"})

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str, bool]] = [("", lang, False)]
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        _, lang, skipped = self.open[-1]
        skipped = (skipped or tag in self.SKIPPED or attributes.get("translate") == "no"
                   or "languages" in (attributes.get("class") or "").split())
        self.open.append((tag, attributes.get("lang") or lang, skipped))

    def handle_endtag(self, tag):
        while len(self.open) > 1 and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        _, lang, skipped = self.open[-1]
        text = " ".join(data.translate(BIDI_CONTROLS).split())
        if text and not skipped:
            self.runs.append((lang, text))


def language_runs(page: str, lang: str) -> list[tuple[str, str]]:
    """(language, text) of every text node of a page of lang."""
    parser = LanguageRuns(lang)
    parser.feed(page)
    return parser.runs


URL = re.compile(r"https?://\S+")


def kept_as_written(data, page_lang: str) -> dict[str, set[str]]:
    """Language -> the texts the data gives a reason to print in it, as written, in the
    documents of page_lang: the mechanisms' names in their languages (the names blocks, and
    the English name where page_lang has none), a text whose translation into page_lang is
    the text itself (kept so by a translator), a title or document published in a language
    (title_language, outcome_document_language) that page_lang has no translation of."""
    from pipeline.compose.names import TABLE_OF
    from pipeline.validate.translations import NAMES, translated_columns

    reasons: dict[str, set[str]] = {}
    for mechanism in data.mechanisms:
        for lang, name in mechanism.names.items():
            reasons.setdefault(lang, set()).add(name)
    parties = [p for m in data.mechanisms for p in m.members + m.observers + m.partners]
    for record in (*data.mechanisms, *parties, *data.calendar, *data.recent):
        for column in translated_columns(TABLE_OF[type(record)]):
            if column.name == NAMES:
                continue
            english = record.english(column)
            given = record.translations.get(column.name, {}).get(page_lang)
            written_in = record.written_in(column)
            for item in english if isinstance(english, tuple) else (english,):
                kept = given == english or (isinstance(given, tuple) and item in given)
                if item and (kept or (written_in != "en" and given is None)):
                    reasons.setdefault(written_in, set()).add(item)
    return {lang: {typographic(text, lang) for text in texts} for lang, texts in reasons.items()}


@pytest.fixture(scope="module")
def shipped_data():
    """What the shipped inputs' documents show (the shared build's), in no language yet."""
    return build.bulletin_data(load_config(SHIPPED_INPUTS))[0]


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
@pytest.mark.parametrize("document", ["iscm-highlights", "iscm-profiles"])
def test_no_english_outside_what_the_data_keeps_as_written(shipped, shipped_data, document,
                                                           lang):
    """Every text node of the bulletin and the profiles, with the language it inherits: in
    the page's language, no English word (but web addresses); marked with another language,
    only a text the data gives a reason to print as written in it (kept_as_written)."""
    page = (shipped.folder / f"{document}-{shipped.folder.name}-{lang}.html").read_text()
    allowed, reasons = own_words(lang), kept_as_written(shipped_data, lang)
    runs = language_runs(page, lang)
    english = {text for run_lang, text in runs if run_lang == lang
               and english_words_of(URL.sub("", text), lang, allowed)}
    unexplained = {(run_lang, text) for run_lang, text in runs
                   if run_lang != lang and text not in reasons.get(run_lang, set())}
    assert (english, unexplained) == (set(), set())
    assert any(run_lang != lang for run_lang, _ in runs)  # the names blocks, at least


def test_the_language_runs_of_a_page():
    page = ('<html lang="fr"><head><title>Titre</title></head><body><nav class="languages">'
            '<a lang="en">EN</a></nav><p>Le <cite><span lang="es" dir="ltr">\u2066Declaración'
            '\u2069</span></cite> et <br>la <span lang="en">Baku Declaration</span>.</p>'
            '<p>The meeting</p></body></html>')
    assert language_runs(page, "fr") == [("fr", "Le"), ("es", "Declaración"), ("fr", "et"),
                                         ("fr", "la"), ("en", "Baku Declaration"),
                                         ("fr", "."), ("fr", "The meeting")]
    assert english_words_of("The meeting of https://www.rabat-process.org", "fr", set()) == [
        "The", "meeting", "process"]
    assert english_words_of(URL.sub("", "Voir https://www.rabat-process.org"), "fr",
                            set()) == []


def test_the_english_word_check_finds_english():
    page = ("<html><body><p>Le sommet <cite>Baku Declaration</cite> a eu lieu. The meeting "
            "adopted a plan. <span lang='en'>Regional Conference</span> IOM</p></body></html>")
    assert set(english_words(page, "fr")) == {"the", "meeting", "adopted", "regional",
                                              "conference"}
    assert set(english_words("<p>Совещание Senior Officials</p>", "ru")) == {
        "senior", "officials"}


NAURU = {"en": "Nauru", "fr": "Nauru", "es": "Nauru", "ru": "Науру", "ar": "ناورو"}
NAOERO = ("Naoero", "Наоэро", "ناويرو")
"""UNTERM's 2026 name of Nauru, which could not be confirmed: not applied."""


def test_the_2025_edition_names_nauru_as_in_2025(shipped, shipped_data):
    """Nauru (a member of the Bali Process and PIDC) by the name in force on the edition's
    date, in every language; its unconfirmed 2026 name nowhere; the summary keeps NRU."""
    assert shipped_data.edition_date.year == 2025
    pages = {path.name: path.read_text(encoding="utf-8")
             for path in shipped.folder.glob("*.html")}
    for lang, name in NAURU.items():
        assert name in pages[f"iscm-profiles-{shipped.folder.name}-{lang}.html"], lang
    assert [page for page, text in pages.items() if any(n in text for n in NAOERO)] == []
    assert "NRU" in (shipped.folder / f"summary-{shipped.folder.name}.json").read_text()
