"""Style checks, per language, in the spirit of a linter: every HTML page of the shipped build
is read for the forms a UN reviser strikes out (the UN Editorial Manual for English, UNTERM
and UN usage for the others), and each form has a failing example here.

What a page prints verbatim from a name in the data is skipped: proper names as their owners
write them are not errors ('Oceania Customs Organisation', 'Organisation for Economic
Co-operation and Development'), and the code never respells one. Text marked as another
language than the page's (an English title left untranslated) is checked in its own
language's rules only for quotation marks.

The checks read the text of paragraphs, list items, definitions, headings, captions and
table cells (where numbers stay figures: the check of numbers under ten reads running text
only); charts are left out.
"""

from __future__ import annotations

import html as html_lib
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import pytest

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.contract.vocabularies import VOCABULARIES
from pipeline.lang.localiser import Localiser
from pipeline.model import BulletinData
from pipeline.publish.outputs import CHOSEN
from pipeline.utils.text import typographic
from tests.conftest import SHIPPED_INPUTS


@dataclass(frozen=True)
class Form:
    """A form a reviser strikes out: its name, the pattern that finds it, and an example of
    it that the check must report."""

    name: str
    pattern: re.Pattern
    example: str
    in_cells: bool = True
    """Checked in table cells too (a day range is not: '9–12 septembre 2025' is a table's
    date; in running text, 'du 9 au 12 septembre')."""


def form(name: str, pattern: str, example: str, flags: int = 0, in_cells: bool = True) -> Form:
    return Form(name, re.compile(pattern, flags), example, in_cells)


UN_IZE = ("organis", "finalis", "revitalis", "prioritis", "recognis", "mobilis", "realis",
          "harmonis", "operationalis", "formalis", "institutionalis", "summaris", "categoris",
          "minimis", "maximis", "optimis", "stabilis", "criminalis", "utilis", "authoris",
          "standardis", "modernis", "emphasis[ei]")
"""Stems the UN writes with -ize (organization, finalized, revitalizing)."""
MONTHS = {
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
          "diciembre",
    "ar": "كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين",
}

EN_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
             "December")

FORMS: dict[str, tuple[Form, ...]] = {
    "en": (
        form("-ise for the UN's -ize", rf"\b(?:{'|'.join(UN_IZE)})(?:e|es|ed|ing|ation|ations)\b",
             "five international organisations finalised the plan", re.IGNORECASE),
        form("States in lower case", r"\b(?:member|observer|participating) states\b",
             "the member states adopted it"),
        form("Czech Republic for Czechia", r"\bCzech Republic\b", "Czech Republic (chair)"),
        form("Brasília for the UN's Brasilia", r"\bBrasília\b", "in Brasília, Brazil"),
        form("% for per cent", r"\d\s?%", "grew by 12% in a year"),
        form("an ordinal under tenth in figures", r"\b[1-9](?:st|nd|rd|th)\b",
             "The 3rd Ministerial Conference took place", in_cells=False),
        form("a spaced dash in a date range", rf"\b\d{{1,2}} (?:{EN_MONTHS}) – \d{{1,2}} "
             rf"(?:{EN_MONTHS})\b", "28 April – 2 May 2025"),
    ),
    "fr": (
        form("« le document « … »", r"\b(?:le|du|au) document\s*«", "a adopté le document « X »"),
        form("a day range in figures",
             rf"\b\d{{1,2}}(?:er)?\s?[–-]\s?\d{{1,2}}\s+(?:{MONTHS['fr']})",
             "tenu à Bangkok les 25–26 février 2025", in_cells=False),
        form("« alternatives à la détention »", r"\balternatives à la détention",
             "les alternatives à la détention"),
        form("SACM for IOM's French CSM", r"\bSACM\b", "la Conférence (SACM)"),
        form("the Rabat Process's senior officials named a second way",
             r"\bhauts fonctionnaires du Processus de Rabat",
             "la réunion des hauts fonctionnaires du Processus de Rabat"),
    ),
    "es": (
        form("Abuya for Abuja", r"\bAbuya\b", "en Abuya (Nigeria)"),
        form("Estados Miembros outside UN membership",
             r"\bEstados Miembros\b(?! de las Naciones Unidas)", "13 Estados Miembros del "
             "Proceso de Bali"),
        form("a day range in figures", rf"\b\d{{1,2}}\s?[–-]\s?\d{{1,2}}\s+de\s+(?:{MONTHS['es']})",
             "(1–5 de diciembre de 2025)", in_cells=False),
    ),
    "ru": (),
    "ar": (
        form("a detached و after a comma", r"، و\s", "بوركينا فاسو، و مالي"),
        form("the Pan-African Forum without 'Pan-'", r"المنتدى الأفريقي (?:حول |المعني ب)الهجرة",
             "المنتدى الأفريقي حول الهجرة"),
        form("a day range in figures", rf"\b\d{{1,2}}\s?[–-]\s?\d{{1,2}}\s+(?:{MONTHS['ar']})",
             "(1–5 كانون الأول/ديسمبر 2025)", in_cells=False),
    ),
}

NESTED = {"«": "»", "“": "”", "„": "“"}
"""Each opening quotation mark and its closing one: one of a level inside the same kind (« …
« … » … ») is nested wrongly in every language (« … “ … ” … », «… „…“ …»)."""
CLOSING = {close for close in NESTED.values()}

SMALL_NUMBER = re.compile(r"(?<![\w.,:/–+-])(?<!:\s)(?<!:\u00a0)[1-9](?![\w.,:/–%-])"
                          r"(?=\s+[^\W\d_])")
"""A number under ten standing alone before a word: written in words in running text (not
the figure after a label, 'Border management: 8 meetings', a count in a list of counts)."""
EVERY_MONTH = "|".join((*MONTHS.values(), EN_MONTHS, "января|февраля|марта|апреля|"
                        "мая|июня|июля|августа|сентября|октября|ноября|декабря"))
A_DAY = re.compile(rf"\s+(?:\S+\s+){{0,3}}?(?:{EVERY_MONTH})")
"""What follows a day of the month: its month, within a few words ('1 al 5 de diciembre',
'1 إلى 5 كانون الأول')."""


def nested_quotes(text: str) -> list[str]:
    """The quotation marks opened inside a quotation of the same kind."""
    found, open_marks = [], []
    for position, char in enumerate(text):
        if char in NESTED and not (char == "“" and open_marks and open_marks[-1] == "„"):
            if char in open_marks:
                found.append(text[max(0, position - 30):position + 30])
            open_marks.append(char)
        elif char in CLOSING and open_marks:
            if NESTED[open_marks[-1]] == char:
                open_marks.pop()
    return found


def english_style_lists(text: str) -> list[str]:
    """Arabic lists written as English ones, 'أ، ب وج': items after commas without و, and
    the conjunction only before the last (Arabic repeats it before each item)."""
    found = []
    for clause in re.split(r"[.؛:()«»\n]", text):
        parts = clause.split("، ")
        if len(parts) < 3:
            continue
        *middle, last = parts[1:]
        # Items are short (a few words each), and the last pair is joined by و: a clause
        # between commas is longer, and opens with a word of its own.
        if all(not item.startswith("و") and len(item.split()) <= LIST_ITEM_WORDS
               for item in middle) and not last.startswith("و") \
                and re.match(rf"(?:\S+ ){{1,{LIST_ITEM_WORDS}}}و\w", last):
            found.append(clause.strip()[:80])
    return found


LIST_ITEM_WORDS = 4
"""The most words an item of a list has, for the Arabic list check: names of States, themes."""


NUMBERED = re.compile(r"(?:objectives?|objectifs?|objetivos?|цел[ьиейям]+|الهدف|الأهداف|"
                      r"target|cible|meta|задач[аи]|غاية)\s+(?:\d+(?:[.,]\d+)?(?:,\s*|\s+))*$",
                      re.IGNORECASE)
"""A number that names an item, not a count ('Objective 9', 'objectives 1, 2 and 23')."""
SENTENCE = re.compile(r"[^.!?؟]*(?:[.!?؟]|$)")
LARGER = re.compile(r"(?<![\w.,])(?:[1-9]\d{1,2})(?![\w.,]?\d)")
"""A count of ten or more (not a year, not a decimal such as a target's 10.7)."""


def in_a_series_with_larger_numbers(text: str, at: int) -> bool:
    """UN editorial style writes every count of a series in figures when one of them is ten
    or more ('13 meetings, 5 mechanisms')."""
    sentence = next(m.group(0) for m in SENTENCE.finditer(text) if m.start() <= at <= m.end())
    return bool(LARGER.search(sentence))


def small_numbers(text: str, lang: str) -> list[str]:
    """Numbers one to nine in figures before a word (not a day before its month, not a
    number that names an objective or a target, not a count beside larger ones)."""
    return [text[max(0, m.start() - 20):m.end() + 20] for m in SMALL_NUMBER.finditer(text)
            if not A_DAY.match(text[m.end():])
            and not NUMBERED.search(text[max(0, m.start() - 40):m.start()])
            and not in_a_series_with_larger_numbers(text, m.start())]


def check(text: str, lang: str, cell: bool = False) -> list[str]:
    """Every forbidden form in a text of running text in lang (cell: a table cell, where
    numbers stay figures): 'name: excerpt'."""
    found = [f"{f.name}: {m.group(0)}" for f in FORMS[lang] if f.in_cells or not cell
             for m in f.pattern.finditer(text)]
    found += [f"nested quotation marks: {x}" for x in nested_quotes(text)]
    if lang == "ar":
        found += [f"English-style list: {x}" for x in english_style_lists(text)]
    if not cell:
        found += [f"a number under ten in figures: {x}" for x in small_numbers(text, lang)]
    return found


# Reading a page ---------------------------------------------------------------------------

RUNNING = {"p", "li", "dd", "h1", "h2", "h3", "h4", "figcaption", "caption", "blockquote"}
"""Elements whose text is running text."""
CELLS = {"td", "th", "dt"}
"""Table cells and the terms of a definition list (a key, the poster's '7 mechanisms'):
checked as running text is, but for numbers, which stay figures there."""
FIGURES = {"count", "glance-count", "theme-number"}
"""Classes of figures set apart from the running text around them, whose block is read as a
cell: the count that heads a list of Member States ('8 Member States Angola, …'), the
year at a glance's count under each month, the ISCM table key's theme numbers."""
BLOCKS = RUNNING | CELLS
SKIPPED = {"script", "style", "svg", "title", "nav"}
VOID = {"br", "img", "meta", "link", "hr", "input", "wbr", "source", "col"}


class Blocks(HTMLParser):
    """A page's running text, one string per block of running text, in the page's language
    (text marked as another language, and the data's names, left out of the style checks
    but kept for the quotation marks)."""

    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack: list[tuple[str, str, bool]] = []  # tag, lang, skipped
        self.blocks: list[tuple[str, str, bool]] = []
        """(text in the page's language, all its text, whether it is a table cell)"""
        self.current: list[list[str]] | None = None
        self.cell = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else self.page_lang)
        classes = set((attrs.get("class") or "").split())
        skipped = (tag in SKIPPED or bool(classes & {"other-name", "names", "lang-switch"})
                   or (bool(self.stack) and self.stack[-1][2]))
        self.stack.append((tag, lang, bool(skipped)))
        if tag in BLOCKS and self.current is None and not skipped:
            self.current = [[], []]
            self.cell = tag in CELLS
        if self.current is not None and classes & FIGURES:
            self.cell = True

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            opened, _, _ = self.stack.pop()
            if opened == tag:
                break
        if tag in BLOCKS and self.current is not None and not any(
                t in BLOCKS for t, _, _ in self.stack):
            own, every = ("".join(part) for part in self.current)
            self.blocks.append((own, every, self.cell))
            self.current = None

    def handle_data(self, data):
        if self.current is None or (self.stack and self.stack[-1][2]):
            return
        lang = self.stack[-1][1] if self.stack else self.page_lang
        self.current[1].append(data)
        # Another language's text is left out, a space in its place.
        self.current[0].append(data if lang == self.page_lang else " ")


def running_text(html: str, lang: str) -> list[tuple[str, str, bool]]:
    parser = Blocks(lang)
    parser.feed(html)
    parser.close()
    return parser.blocks


@cache
def shipped_data() -> BulletinData:
    """What the documents of the shipped inputs show (read, validated, aggregated)."""
    with tempfile.TemporaryDirectory() as outputs:
        data, _ = build.bulletin_data(load_config(SHIPPED_INPUTS, outputs,
                                                  format_choices=CHOSEN))
    return data


@cache
def data_names() -> tuple[str, ...]:
    """Every name the data gives (mechanisms, their short names, participants, meetings'
    titles and their outcome documents, in every language they are written), longest first:
    printed verbatim, never checked."""
    names: set[str] = set()
    for mechanism in shipped_data().mechanisms:
        names.update(mechanism.names.values())
        names.add(mechanism.acronym)
        names.update(mechanism.translations.get("acronym", {}).values())
        for party in (*mechanism.members, *mechanism.observers, *mechanism.partners):
            names.add(party.name)
            names.update(party.translations.get("participant", {}).values())
    for meeting in (*shipped_data().recent, *shipped_data().calendar):
        names.update((meeting.title, meeting.name, *meeting.outcome_documents))
        names.update(meeting.translations.get("title", {}).values())
        for documents in meeting.translations.get("outcome_document", {}).values():
            names.update(documents)
    names.discard("")
    return tuple(sorted(names, key=len, reverse=True))


NAME = "Ⓝ"
"""What stands for a name of the data in the text checked: a mark that is neither a word nor
a space, so that no check reads a form across it ('، وⓃ' is not a detached و)."""


def without_names(text: str) -> str:
    for name in data_names():
        if name in text:
            text = text.replace(name, NAME)
    return text


STACKED = re.compile(r"\)\s*\(")
"""Two brackets in a row: 'Regional Conference on Migration (Puebla Process) (RCM)',
'Regional consultative processes (RCPs) (12)'. One bracket holds the short name and the
acronym, or the acronym alone."""


def stacked_brackets(text: str) -> list[str]:
    return [text[max(0, m.start() - 40):m.end() + 10] for m in STACKED.finditer(text)]


def page_findings(html: str, lang: str) -> list[str]:
    """The forms a page's running text should not hold; quotation marks and brackets are
    read over the whole text, the data's names included (a name and the bracket the code
    adds after it)."""
    found = []
    for own, every, cell in running_text(html, lang):
        found += [x for x in check(without_names(own), lang, cell)
                  if not x.startswith("nested quotation marks")]
        found += [f"nested quotation marks: {x}" for x in nested_quotes(every)]
        found += [f"stacked brackets: {x}" for x in stacked_brackets(every)]
    return found


# The tests --------------------------------------------------------------------------------

EXAMPLES = [(lang, f) for lang, forms in FORMS.items() for f in forms]


@pytest.mark.parametrize("lang, form", EXAMPLES, ids=lambda x: getattr(x, "name", x))
def test_each_forbidden_form_has_a_failing_example(lang, form):
    assert [x for x in check(form.example, lang) if x.startswith(form.name)], form


@pytest.mark.parametrize("lang, text", [
    ("fr", "La Réunion thématique « Jeunesse, « innovation » et éducation » s’est tenue."),
    ("ru", "Тематическое совещание «Молодежь «и» образование» состоялось."),
    ("es", "La reunión «Juventud «e» innovación» se celebró."),
    ("ar", "عُقد الاجتماع «الشباب «والابتكار» والتعليم»."),
    ("en", "The “Youth “and” Education” meeting took place."),
])
def test_nested_quotation_marks_of_one_kind_are_reported_in_every_language(lang, text):
    assert any(x.startswith("nested quotation marks") for x in check(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("fr", "La Réunion thématique « Jeunesse “innovation” et éducation » s’est tenue."),
    ("ru", "Тематическое совещание «Молодежь „и“ образование» состоялось."),
    ("es", "La reunión «Juventud “e” innovación» se celebró."),
])
def test_quotation_marks_nested_by_the_language_s_rules_pass(lang, text):
    assert not [x for x in check(text, lang) if x.startswith("nested")]


def test_arabic_lists_written_as_english_ones_are_reported():
    assert check("انسحبت بوركينا فاسو، مالي، تشاد والنيجر.", "ar") == [
        "English-style list: انسحبت بوركينا فاسو، مالي، تشاد والنيجر"]
    assert check("انسحبت بوركينا فاسو، ومالي، وتشاد، والنيجر.", "ar") == []
    assert check("انسحبت بوركينا فاسو ومالي والنيجر.", "ar") == []


@pytest.mark.parametrize("lang, text", [
    ("en", "3 ministerial meetings in 2025, 1 more than in 2024."),
    ("fr", "3 réunions ministérielles en 2025"), ("es", "3 reuniones ministeriales"),
    ("ru", "3 совещания министров"), ("ar", "3 اجتماعات وزارية"),
])
def test_numbers_under_ten_in_figures_in_running_text_are_reported(lang, text):
    assert any(x.startswith("a number under ten") for x in check(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "on 1 March 2025, Three ministerial meetings, 12 States, the 15th Summit"),
    ("fr", "le 1er mars 2025, du 1er au 5 décembre 2025, la 3e Conférence, 12 États"),
    ("es", "el 1 de marzo de 2025, del 1 al 5 de diciembre"),
    ("ru", "1 марта 2025 года, 3-я конференция"),
])
def test_days_ordinals_and_larger_numbers_are_not_reported(lang, text):
    assert check(text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "No meeting addressed objectives 1, 2, 5 and 23. Objective 9 and Objective 10 led."),
    ("en", "Addressed by the most meetings: Objective 9 (13 meetings, 5 mechanisms)."),
    ("fr", "Aucune réunion n’a traité les objectifs 1, 2, 5 et 23."),
    ("ru", "Цель 9 и Цель 10 (13 совещаний, 5 механизмов)."),
    ("ar", "الهدف 9 والهدف 10 (13 اجتماعًا، 5 آليات)."),
])
def test_numbers_naming_objectives_and_counts_beside_larger_ones_are_not_reported(lang, text):
    assert check(text, lang) == []


def test_a_small_count_in_another_sentence_than_the_larger_one_is_reported():
    assert check("Objective 9 had 13 meetings. It had 5 mechanisms.", "en") == [
        "a number under ten in figures: 13 meetings. It had 5 mechanisms."]


@pytest.mark.parametrize("html", [
    '<p class="parties"><span class="count">8 Member States</span> Angola, Botswana</p>',
    '<li><span class="glance-month">Jan</span> <span class="glance-count">2 meetings</span></li>',
    '<li><span class="theme-number">1</span> Border management</li>',
])
def test_figures_set_apart_from_running_text_stay_figures(html):
    """A count heading a list, the year strip's counts, a key's numbers: figures; the same
    words as running text are reported."""
    assert page_findings(html, "en") == []
    plain = re.sub(r'<span class="[\w-]+">([^<]*)</span>', r"\1", html)
    assert [x for x in page_findings(plain, "en") if x.startswith("a number under ten")]


@pytest.mark.parametrize("html", [
    "<h3>Regional Conference on Migration (Puebla Process) (RCM)</h3>",
    "<h3>Regional consultative processes (RCPs) (12)</h3>",
    '<p>Processus consultatif régional de l’IGAD (PCR-IGAD) <span class="acronym">'
    "(IGAD-RCP)</span></p>",
])
def test_stacked_brackets_are_reported(html):
    assert [x for x in page_findings(html, "fr") if x.startswith("stacked brackets")]


def test_names_from_the_data_are_skipped():
    text = "Members include the Organisation for Economic Co-operation and Development."
    assert check(text, "en")
    names = data_names()
    assert any("Organisation" in name for name in names)
    assert not check(without_names(text), "en") or "Organisation for Economic Co-operation " \
        "and Development" not in names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_build_passes_the_style_checks(shipped, lang):
    """Every HTML page of the shipped build in the language: none of the forbidden forms,
    no quotation mark nested in its own kind, numbers under ten in words in running text."""
    found = {}
    for page in sorted(shipped.folder.glob(f"*-{lang}.html")):
        if page.name.startswith("validation-report"):
            continue
        if findings := page_findings(page.read_text(encoding="utf-8"), lang):
            found[page.name] = findings
    assert found == {}


def test_the_french_spreadsheet_has_typographic_apostrophes(shipped):
    """The French ISCM table's cells write ’ as its page does ('l’Afrique australe'), but in a
    web address."""
    import openpyxl

    book = openpyxl.load_workbook(next(shipped.folder.glob("iscm-table-*-fr.xlsx")))
    straight = [value for sheet in book for row in sheet.iter_rows(values_only=True)
                for value in row if isinstance(value, str) and "'" in value
                and not value.startswith(("http://", "https://"))]
    assert straight == []


# The meeting sentences ---------------------------------------------------------------------

MEETINGS_LIST = re.compile(r'<ul class="meetings">(.*?)</ul>', re.S)
ISOLATES = re.compile("[\u2066-\u2069]")
QUOTES = "«»“”„‘\""
"""Quotation marks that may open a quoted title (not the apostrophe of an elided article,
'L’Atelier')."""


def meeting_sentences(page: str) -> list[str]:
    """The text of every meeting sentence of a bulletin page (its highlights' lists)."""
    return [" ".join(ISOLATES.sub("", html_lib.unescape(re.sub(r"<[^>]+>", "", item))).split())
            for part in MEETINGS_LIST.findall(page)
            for item in re.findall(r"<li>(.*?)</li>", part, re.S)]


def printed_title(meeting, lang: str) -> str:
    """The meeting's title as the translation sheet writes it, with the typography every
    text of the data gets (apostrophes, number ranges, French spaces)."""
    return " ".join(typographic(meeting.translations["title"][lang], lang).split())


def sentence_of(title: str, sentences: list[str]) -> str | None:
    """The sentence that names the title earliest."""
    found = [(s.index(title), s) for s in sentences if title in s]
    return min(found)[1] if found else None


def subject_findings(sentence: str, title: str, levels: list[str]) -> list[str]:
    """What is wrong with how a meeting sentence names its meeting: more than an article (or
    an Arabic sentence's opening verb) before the title, a level's label, the title quoted,
    quotation marks of one kind nested."""
    before = sentence[:sentence.index(title)]
    found = []
    if len(before.split()) > 1:
        found.append(f"before the title: {before}")
    if before.rstrip()[-1:] in QUOTES and before.strip():
        found.append(f"the title quoted: {before}")
    found += [f"a level before the title: {level}" for level in levels
              if level in before.casefold()]
    return found + [f"nested quotation marks: {x}" for x in nested_quotes(sentence)]


def level_labels(lang: str) -> list[str]:
    loc = Localiser(lang)
    return [loc.label(key, "level").casefold() for key in VOCABULARIES["level"]]


@pytest.mark.parametrize("lang", [x for x in LANGUAGES if x != "en"])
def test_every_meeting_sentence_names_the_meeting_by_its_translated_title(shipped, lang):
    """Every meeting sentence of the shipped bulletin: its subject is the meeting's title as
    the translation sheet writes it, with at most an article before it (French 'La ', 'L’',
    Spanish 'El ') or the verb that opens an Arabic sentence ('عُقد '), never the label of the
    meeting's level nor a quotation mark; no quotation mark of one level inside one of the
    same kind anywhere in the sentence."""
    data = shipped_data()
    page = (shipped.folder / f"iscm-highlights-{data.year}-{lang}.html").read_text("utf-8")
    sentences = meeting_sentences(page)
    meetings = [m for highlight in data.highlights for m in highlight.meetings]
    assert len(sentences) == len(meetings) == 29
    found, left = {}, list(sentences)
    # Longest titles first: a title may open another's ('Réunion du Comité de pilotage du
    # Processus de Rabat [sous la présidence nigériane]'); each sentence names one meeting.
    for meeting in sorted(meetings, key=lambda m: -len(printed_title(m, lang))):
        title = printed_title(meeting, lang)
        sentence = sentence_of(title, left)
        assert sentence, (meeting.title, title)
        left.remove(sentence)
        if findings := subject_findings(sentence, title, level_labels(lang)):
            found[sentence] = findings
    assert found == {} and left == []


@pytest.mark.parametrize("lang, sentence, title", [
    ("fr", "La réunion des hauts fonctionnaires « Réunion du Comité de pilotage du Processus "
     "de Rabat » s’est tenue le 29 janvier 2025 à Porto (Portugal).",
     "Réunion du Comité de pilotage du Processus de Rabat"),
    ("ru", "Тематическое совещание «Тематическое совещание Рабатского процесса «Молодежь…»» "
     "состоялось 13–14 мая 2025 года в Абудже (Нигерия).",
     "Тематическое совещание Рабатского процесса «Молодежь…»"),
    ("es", "La reunión de altos funcionarios «XXIII Conferencia Suramericana sobre "
     "Migraciones», celebrada los días 18 y 19 de noviembre de 2025…",
     "XXIII Conferencia Suramericana sobre Migraciones"),
    ("ar", "عُقد اجتماع كبار المسؤولين «اجتماع كبار المسؤولين في عملية الرباط»",
     "اجتماع كبار المسؤولين في عملية الرباط"),
])
def test_a_level_before_a_quoted_title_is_caught(lang, sentence, title):
    """The sentences the bulletins of 2025 printed before (issue 20), each refused."""
    findings = subject_findings(sentence, title, level_labels(lang))
    assert any(x.startswith("before the title") for x in findings)
    assert any(x.startswith("the title quoted") for x in findings)
    if lang == "ru":
        assert any(x.startswith("nested quotation marks") for x in findings)
