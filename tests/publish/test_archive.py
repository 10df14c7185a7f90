"""The archive page: every edition under outputs/, in five languages, every link resolving."""

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import build
from pipeline.config import LANGUAGES, load_config
from pipeline.lang.localiser import Localiser
from pipeline.publish import archive, incremental, write
from pipeline.publish.outputs import CHOSEN
from pipeline.publish.plan import archive_name


class Page(HTMLParser):
    """The links (all, and those of the files' tables), images, language, direction and
    table captions of a page."""

    def __init__(self, path: Path):
        super().__init__()
        self.links: list[str] = []
        self.file_links: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.stylesheets: list[str] = []
        self.captions: list[str] = []
        self.attrs: dict[str, str | None] = {}
        self.in_caption = self.in_table = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.attrs = attrs
        elif tag == "a":
            self.links.append(attrs["href"])
            if self.in_table:
                self.file_links.append(attrs["href"])
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "link":
            self.stylesheets.append(attrs["href"])
        self.in_table = self.in_table or tag == "table"
        self.in_caption = tag == "caption"

    def handle_endtag(self, tag):
        self.in_table = self.in_table and tag != "table"

    def handle_data(self, data):
        if self.in_caption:
            self.captions.append(data)
            self.in_caption = False


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    """Two editions from one input set (2025 in English and French, 2024 in English), HTML
    only, with the things the page must leave out."""
    from tests.conftest import write_inputs

    root = tmp_path_factory.mktemp("archive")
    inputs = write_inputs(root / "inputs")
    out = root / "outputs"
    for year, langs in ((2025, "en,fr"), (2024, "en")):
        build.build(load_config(inputs, out, year, langs, dt.date(2026, 1, 15), "html",
                                format_choices=CHOSEN))
    for hidden in (".preview/2025/iscm-highlights-2025-en.html", "dist/iscm-2025.zip",
                   "translation-kit/strings-fr.xlsx", "2025/.notes.html", "2025/notes.txt"):
        (out / hidden).parent.mkdir(parents=True, exist_ok=True)
        (out / hidden).write_text("not a document")
    # A document of a later version, as its build describes it in the manifest.
    (out / "2025" / "iscm-atlas-2025-fr.html").write_text("<html lang=fr></html>")
    manifest = json.loads((out / "2025" / incremental.MANIFEST).read_text())
    manifest["outputs"]["iscm-atlas-2025-fr.html"] = {
        "key": "k", "sha256": "s", "document": "atlas", "lang": "fr", "format": "html",
        "title": "Atlas des MCIM 2025"}
    (out / "2025" / incremental.MANIFEST).write_text(json.dumps(manifest))
    archive.write_archive(load_config(inputs, out))
    return out


def document_links(page: Page) -> list[str]:
    """The links of the files' tables: every file of every edition, once."""
    return page.file_links


def links_to_files(page: Page) -> list[str]:
    """Every link, image and stylesheet of a page but the skip link: each must be a file."""
    hrefs = [h for h in page.links + page.stylesheets + [i["src"] for i in page.images]
             if not h.startswith("#")]
    assert len(hrefs) > len(LANGUAGES)
    return hrefs


def test_every_link_resolves_and_every_document_is_linked(outputs):
    page = Page(outputs / "index.html")
    links = document_links(page)
    assert all((outputs / href).is_file() for href in links_to_files(page))
    documents = sorted(f"{year}/{name}" for year in ("2024", "2025")
                       for name in write.published_files(outputs / year) if name != "notes.txt")
    assert sorted(links) == documents
    assert "2025/iscm-highlights-2025-fr.html" in links and "2024/summary-2024.json" in links
    assert "2025/iscm-atlas-2025-fr.html" in links
    assert "2025/data/datapackage.json" in links and "2025/data/hxl/meetings.csv" in links


def test_editions_newest_first_then_by_document_language_and_format(outputs):
    links = document_links(Page(outputs / "index.html"))
    assert links[:18] == ["2025/iscm-highlights-2025-en.html",
                          "2025/iscm-highlights-2025-fr.html",
                          "2025/iscm-profiles-2025-en.html", "2025/iscm-profiles-2025-fr.html",
                          "2025/iscm-table-2025-en.html", "2025/iscm-table-2025-fr.html",
                          "2025/iscm-calendar-2025-en.html", "2025/iscm-calendar-2025-en.ics",
                          "2025/iscm-calendar-2025-fr.html", "2025/iscm-calendar-2025-fr.ics",
                          "2025/iscm-factsheet-2025-en.html",
                          "2025/iscm-factsheet-2025-fr.html",
                          "2025/iscm-map-2025-en.html", "2025/iscm-map-2025-fr.html",
                          "2025/iscm-updates-2025-en.html", "2025/iscm-updates-2025-fr.html",
                          "2025/iscm-atlas-2025-fr.html",
                          "2025/summary-2025.json"]
    tables = ("mechanisms", "participations", "meetings", "memberships", "gcm_objectives")
    assert links[18:30] == ["2025/data/datapackage.json",  # the open data, as declared
                            *(f"2025/data/{t}.csv" for t in tables),
                            *(f"2025/data/hxl/{t}.csv" for t in tables),
                            "2025/validation-report-2025.html"]
    assert links.index("2025/validation-report-2025.xlsx") < links.index(
        "2024/iscm-highlights-2024-en.html")


def test_hidden_files_and_other_folders_are_not_listed(outputs):
    text = (outputs / "index.html").read_text()
    for name in (".preview", "dist/", "translation-kit", ".notes", "notes.txt", "manifest"):
        assert name not in text


def test_one_page_per_language_each_with_the_switcher(outputs):
    for lang in LANGUAGES:
        page = Page(outputs / archive_name(lang))
        assert page.attrs["lang"] == lang
        assert page.attrs["dir"] == ("rtl" if lang == "ar" else "ltr")
        assert [h for h in page.links if h.startswith("index")] == [
            archive_name(other) for other in LANGUAGES]
    assert Page(outputs / "index-fr.html").captions[:8] == [
        "MCIM 2025 · Faits saillants", "MCIM 2025 · Profils", "MCIM 2025 · Tableau",
        "MCIM 2025 · Calendrier", "MCIM 2025 · Fiche d’information", "MCIM 2025 · Carte",
        "MCIM 2025 · Recueil des mises à jour", "Atlas des MCIM 2025"]
    french = (outputs / "index-fr.html").read_text()
    assert "Page web (HTML)" in french and "Anglais" in french and "Français" in french


@pytest.mark.parametrize("size, lang, expected", [
    (345, "en", "345 byte"), (18_432, "en", "18 kB"), (1_234_567, "en", "1.2 MB"),
    (1_234_567, "fr", "1,2\u202fMo"), (18_432, "fr", "18\u202fko"), (1_234_567, "ru", "1,2 МБ"),
    (999_999, "es", "1,0 MB"),
])
def test_sizes_are_written_in_the_readers_number_format(size, lang, expected):
    assert archive.file_size(size, Localiser(lang)) == expected


def test_the_page_is_deterministic_and_left_alone_when_unchanged(outputs, tmp_path):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in outputs.glob("index*")}
    archive.write_archive(load_config(outputs.parent / "inputs", outputs))
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
            for p in outputs.glob("index*")} == before
    copy = tmp_path / "copy"
    shutil.copytree(outputs, copy, ignore=shutil.ignore_patterns("index*"),
                    copy_function=shutil.copy)  # new modification times
    archive.write_archive(load_config(outputs.parent / "inputs", copy))
    assert {p.name: p.read_bytes() for p in copy.glob("index*")} == {
        name: data for name, (data, _) in before.items()}


def test_an_empty_outputs_folder_says_so(tmp_path):
    archive.write_archive(load_config(outputs=tmp_path))
    page = (tmp_path / "index.html").read_text()
    assert "No edition has been built yet." in page and "stylesheet" not in page


def test_every_build_rewrites_the_page_with_the_shipped_edition(shipped):
    outputs = shipped.folder.parent
    page = Page(outputs / "index.html")
    linked = {href.split("/", 1)[1] for href in document_links(page)
              if href.startswith(f"{shipped.folder.name}/")}
    assert linked == set(shipped.files)
    assert all((outputs / href).is_file() for href in links_to_files(page))
    sizes = re.findall(r'<td class="num">([^<]+)</td>', (outputs / "index-ar.html").read_text())
    assert len(sizes) == len(shipped.files)
    assert all("بايت" in s or "م.ب" in s for s in sizes)  # bytes, kB or MB, in Arabic


def test_each_calendar_file_is_listed_under_its_language(outputs):
    """The .ics of each language is in that language's rows of the calendar, linked with
    its language (no longer one English file under 'All languages')."""
    text = (outputs / "index.html").read_text(encoding="utf-8")
    for lang in ("en", "fr"):
        row = re.search(rf'<a href="2025/iscm-calendar-2025-{lang}.ics"[^>]*>', text)
        assert row and f'hreflang="{lang}"' in row.group(0)
        group = text[:row.start()].rsplit('scope="rowgroup"', 1)[1]
        assert f'href="2025/iscm-calendar-2025-{lang}.html"' in group
    assert "iscm-calendar-2025.ics" not in text


def edition_part(page: str, year: int) -> str:
    """A year's section of a page's text, up to its files' tables."""
    start = page.index(f'<section class="edition" aria-labelledby="edition-{year}">')
    return page[start:page.index('<table class="archive">', start)]


def test_each_edition_opens_on_its_key_figures_documents_and_languages(outputs):
    """The year's three key figures, from its summary, in the reader's numbers and words;
    a card for each document, linking to its page in the reader's language (else in
    English, said by hreflang) and to the other languages it is in; the languages of the
    edition; no picture in a year built without PDFs."""
    summary = json.loads((outputs / "2025" / "summary-2025.json").read_text())
    french = edition_part((outputs / "index-fr.html").read_text(), 2025)
    assert "Chiffres clés de 2025" in french
    assert re.findall(r'<span class="big">([^<]+)</span>', french) == [
        str(summary["mechanisms_by_status"]["active"]), str(summary["meetings_in_year"]),
        str(summary["member_states"])]
    page = Page(outputs / "index-fr.html")
    cards = re.findall(r'<a class="product" href="([^"]+)" hreflang="(\w+)">', french)
    assert cards == [(f"2025/iscm-{stem}-2025-fr.html", "fr") for stem in (
        "highlights", "profiles", "table", "calendar", "factsheet", "map", "updates", "atlas")]
    assert re.findall(r'<li><a href="([^"]+)" hreflang="\w+">(\w+)</a></li>', french)[:2] == [
        ("2025/iscm-highlights-2025-en.html", "Anglais"),
        ("2025/iscm-highlights-2025-fr.html", "Français")]
    assert "<dt>Langues</dt><dd>anglais et français</dd>" in french
    older = edition_part((outputs / "index-fr.html").read_text(), 2024)
    assert '<a class="product" href="2024/iscm-highlights-2024-en.html" hreflang="en">' in older
    assert "<dd>anglais</dd>" in older and 'class="versions"' not in older
    assert page.images == [] and not (outputs / "covers").exists()


def blank_pdf(path: Path, width: float, height: float) -> None:
    import pikepdf

    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(width, height))
        pdf.save(path, deterministic_id=True)


def test_the_pdfs_first_pages_are_the_cards_thumbnails_and_the_posters_the_years_map(
        tmp_path):
    """A thumbnail of each PDF's first page under covers/<year>/ (the poster's wider), named
    by the PDF's digest; each card shows its PDF's in the reader's language, else
    another's; the poster's is also the year's map; made once, remade when its PDF
    changes, removed with it; a damaged PDF has none and breaks nothing."""
    year = tmp_path / "2025"
    year.mkdir()
    blank_pdf(year / "iscm-map-2025-en.pdf", 1190.55, 841.89)
    blank_pdf(year / "iscm-highlights-2025-fr.pdf", 595.28, 841.89)
    (year / "iscm-table-2025-en.pdf").write_bytes(b"not a PDF")
    archive.write_archive(load_config(outputs=tmp_path))
    covers = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "covers").rglob("*"))
    assert [re.sub(r"-[0-9a-f]{12}\.png$", ".png", c) for c in covers] == [
        "covers/2025", "covers/2025/iscm-highlights-2025-fr.png",
        "covers/2025/iscm-map-2025-en.png"]
    bulletin, poster = (tmp_path / c for c in covers[1:])
    from PIL import Image

    assert Image.open(poster).size == (640, 453) and Image.open(bulletin).size == (240, 340)
    english = Page(tmp_path / "index.html")
    assert all((tmp_path / href).is_file() for href in links_to_files(english))
    assert [(i["src"], i["width"], i["height"], i["alt"]) for i in english.images] == [
        (covers[2], "640", "453", "ISCM 2025 · Map"),  # the year's map
        (covers[1], "240", "340", ""), (covers[2], "640", "453", "")]  # the cards
    text = (tmp_path / "index.html").read_text()
    assert '<a class="product" href="2025/iscm-highlights-2025-fr.pdf" hreflang="fr">' in text
    assert '<a class="product" href="2025/iscm-table-2025-en.pdf" hreflang="en"><span>' in text

    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (bulletin, poster)}
    archive.write_archive(load_config(outputs=tmp_path))
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (bulletin, poster)} == before
    blank_pdf(year / "iscm-map-2025-en.pdf", 841.89, 1190.55)  # made again, another page
    archive.write_archive(load_config(outputs=tmp_path))
    (new,) = (tmp_path / "covers" / "2025").glob("iscm-map-*.png")
    assert new != poster and not poster.exists() and Image.open(new).size == (640, 906)
    for pdf in year.glob("*.pdf"):
        pdf.unlink()
    archive.write_archive(load_config(outputs=tmp_path))
    assert not (tmp_path / "covers").exists()
