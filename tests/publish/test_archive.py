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
from pipeline.publish import archive, incremental
from pipeline.publish.outputs import CHOSEN
from pipeline.publish.plan import archive_name


class Page(HTMLParser):
    """The links, language, direction and table captions of a page."""

    def __init__(self, path: Path):
        super().__init__()
        self.links: list[str] = []
        self.stylesheets: list[str] = []
        self.captions: list[str] = []
        self.attrs: dict[str, str | None] = {}
        self.in_caption = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.attrs = attrs
        elif tag == "a":
            self.links.append(attrs["href"])
        elif tag == "link":
            self.stylesheets.append(attrs["href"])
        self.in_caption = tag == "caption"

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
    """The links to documents: not the skip link, nor the switcher's."""
    return [href for href in page.links if "/" in href]


def links_to_files(page: Page) -> list[str]:
    """Every link and stylesheet of a page but the skip link: each must be a file."""
    hrefs = [h for h in page.links + page.stylesheets if not h.startswith("#")]
    assert len(hrefs) > len(LANGUAGES)
    return hrefs


def test_every_link_resolves_and_every_document_is_linked(outputs):
    page = Page(outputs / "index.html")
    links = document_links(page)
    assert all((outputs / href).is_file() for href in links_to_files(page))
    documents = sorted(p.relative_to(outputs).as_posix() for year in ("2024", "2025")
                       for p in (outputs / year).iterdir()
                       if p.is_file() and not p.name.startswith(".") and p.name != "notes.txt")
    assert sorted(links) == documents
    assert "2025/iscm-highlights-2025-fr.html" in links and "2024/summary-2024.json" in links
    assert "2025/iscm-atlas-2025-fr.html" in links


def test_editions_newest_first_then_by_document_language_and_format(outputs):
    links = document_links(Page(outputs / "index.html"))
    assert links[:16] == ["2025/iscm-highlights-2025-en.html",
                          "2025/iscm-highlights-2025-fr.html",
                          "2025/iscm-profiles-2025-en.html", "2025/iscm-profiles-2025-fr.html",
                          "2025/iscm-table-2025-en.html", "2025/iscm-table-2025-fr.html",
                          "2025/iscm-calendar-2025-en.html", "2025/iscm-calendar-2025-fr.html",
                          "2025/iscm-calendar-2025.ics",
                          "2025/iscm-factsheet-2025-en.html",
                          "2025/iscm-factsheet-2025-fr.html",
                          "2025/iscm-map-2025-en.html", "2025/iscm-map-2025-fr.html",
                          "2025/iscm-atlas-2025-fr.html",
                          "2025/summary-2025.json", "2025/validation-report-2025.html"]
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
    assert Page(outputs / "index-fr.html").captions[:7] == [
        "MCIM 2025 · Faits saillants", "MCIM 2025 · Profils", "MCIM 2025 · Tableau",
        "MCIM 2025 · Calendrier", "MCIM 2025 · Fiche d’information", "MCIM 2025 · Carte",
        "Atlas des MCIM 2025"]
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
