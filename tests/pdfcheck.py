"""PDF/UA-1 structure checks with pikepdf, shared by the fast and the browser suites.

veraPDF cannot be installed here, so the checks walk the structure tree
directly: the catalogue entries PDF/UA requires, the tags used, heading
order, figures' alternative text, and that every piece of text on every page
is either tagged content that belongs to the tree or an artifact.
"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from pipeline.lang.localiser import RTL_LANGUAGES


@dataclass
class Structure:
    tags: Counter = field(default_factory=Counter)
    headings: list[int] = field(default_factory=list)
    figures_without_alt: int = 0
    header_scopes: Counter = field(default_factory=Counter)
    mcids_in_tree: set[tuple[int, int]] = field(default_factory=set)


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
                                       "\u2068\u2069"))
"""Unicode's direction marks and isolates, dropped from a PDF's text before comparing it."""


def pdf_text(path: Path) -> str:
    """The text of a PDF in the order it is drawn: poppler's pdftotext, fifteen times
    faster than pypdf; pypdf for right-to-left documents, where pdftotext breaks Arabic
    ligatures (lam-alef) apart."""
    with pikepdf.open(path) as pdf:
        lang = str(pdf.Root.get("/Lang", ""))
    if lang in RTL_LANGUAGES:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def walk(pdf: pikepdf.Pdf) -> Structure:
    """Every structure element from the root, in reading order."""
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    found = Structure()

    def visit(element, page=None):
        if not isinstance(element, pikepdf.Dictionary):
            return
        page = pages.get(element.Pg.objgen, page) if "/Pg" in element else page
        tag = str(element.get("/S", ""))
        if tag:
            found.tags[tag] += 1
            if tag in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6"):
                found.headings.append(int(tag[2]))
            if tag == "/Figure" and not str(element.get("/Alt", "")).strip():
                found.figures_without_alt += 1
            if tag == "/TH":
                found.header_scopes[str(element.get("/A", {}).get("/Scope"))] += 1
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                found.mcids_in_tree.add((page, kid))
            else:
                visit(kid, page)

    visit(pdf.Root.StructTreeRoot)
    return found


def untagged_content(pdf: pikepdf.Pdf, structure: Structure) -> list[str]:
    """Text shown outside marked content, or marked with an MCID the tree does not hold."""
    problems = []
    for index, page in enumerate(pdf.pages):
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                props = operands[1]
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) \
                    and "/MCID" in props else None
                stack.append("artifact" if str(operands[0]) == "/Artifact" else mcid)
            elif op == "BMC":
                stack.append("artifact" if str(operands[0]) == "/Artifact" else None)
            elif op == "EMC":
                stack.pop()
            elif op in ("Tj", "TJ", "'", '"'):
                marks = [m for m in stack if m is not None]
                if not marks:
                    problems.append(f"page {index + 1}: text outside marked content")
                elif marks[-1] != "artifact" and (index, marks[-1]) not in structure.mcids_in_tree:
                    problems.append(f"page {index + 1}: MCID {marks[-1]} not in the structure tree")
    return problems


TABLE_TAGS = ("/Document", "/H1", "/Table", "/TR", "/TH", "/TD")
BULLETIN_TAGS = TABLE_TAGS + ("/H2", "/H3", "/L", "/LI", "/Figure", "/Caption", "/Link")
MAP_TAGS = ("/Document", "/H1", "/H2", "/L", "/LI", "/Figure", "/Caption")
"""The poster: the world map and its insets (their /Alt), its legend as a list, the States
by number of mechanisms under their heading (a list in columns, no longer a table)."""
FACTSHEET_TAGS = ("/Document", "/H1", "/H2", "/H3", "/L", "/LI", "/Figure", "/Caption")
CALENDAR_TAGS = TABLE_TAGS + ("/H2",)
UPDATES_TAGS = ("/Document", "/H1", "/H2", "/L", "/LI")
"""The compendium of ISCM updates of the shipped inputs, which hold no update yet: its
introduction and the list of the mechanisms that sent none."""
DOCUMENT_TAGS = {"iscm-highlights": BULLETIN_TAGS, "iscm-table": TABLE_TAGS,
                 "iscm-calendar": CALENDAR_TAGS, "iscm-profiles": BULLETIN_TAGS,
                 "iscm-map": MAP_TAGS, "iscm-factsheet": FACTSHEET_TAGS,
                 "iscm-updates": UPDATES_TAGS}
"""The tags each document's PDF must hold, by its file stem."""


def expected_tags(pdf: Path) -> tuple[str, ...]:
    """The tags the PDF of a document must hold: iscm-calendar-2025-fr.pdf -> CALENDAR_TAGS."""
    return DOCUMENT_TAGS[pdf.stem.rsplit("-", 2)[0]]


def check_pdfua(path: Path, lang: str, title: str, tags=TABLE_TAGS) -> list[str]:
    """Every PDF/UA-1 problem found in one file (empty when it passes)."""
    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
            problems.append("/MarkInfo /Marked is not true")
        if str(root.get("/Lang", "")) != lang:
            problems.append(f"/Lang is {root.get('/Lang')!r}, not {lang!r}")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            problems.append("/ViewerPreferences /DisplayDocTitle is not true")
        meta = pdf.open_metadata()
        if meta.get("{http://www.aiim.org/pdfua/ns/id/}part") != "1":
            problems.append("XMP pdfuaid:part is not 1")
        if meta.get("dc:title") != title:
            problems.append(f"XMP dc:title is {meta.get('dc:title')!r}, not {title!r}")
        structure = walk(pdf)
        for tag in tags:
            if not structure.tags[tag]:
                problems.append(f"no {tag} element in the structure tree")
        if structure.headings.count(1) != 1:
            problems.append(f"{structure.headings.count(1)} H1 elements, not 1")
        skipped = [(a, b) for a, b in zip(structure.headings, structure.headings[1:]) if b > a + 1]
        if skipped:
            problems.append(f"heading levels skipped: {skipped[:3]}")
        if structure.figures_without_alt:
            problems.append(f"{structure.figures_without_alt} figures without /Alt")
        if set(structure.header_scopes) - {"/Row", "/Column"}:
            problems.append(f"table headers without /Scope: {structure.header_scopes}")
        problems += untagged_content(pdf, structure)[:5]
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    if "Tagged:          yes" not in info:
        problems.append("pdfinfo does not say 'Tagged: yes'")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    if not rows or any(row.split()[-5] != "yes" or row.split()[-4] != "yes" for row in rows):
        problems.append("a font is not embedded and subset:\n" + fonts)
    return problems


def map_description(html: str) -> str:
    """The first map's description in a page: the SVG's <title>, as text."""
    return html_lib.unescape(re.search(r'<svg [^>]*class="map"[^>]*><title>([^<]+)</title>',
                                       html)[1])


def alternative_texts(path: Path) -> list[str]:
    """Every /Alt of a PDF (its figures' alternative texts)."""
    with pikepdf.open(path) as pdf:
        return [str(o.Alt) for o in pdf.objects
                if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]


def bookmarks(path: Path) -> list[str]:
    """Titles of every bookmark, depth first."""
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        titles = []

        def visit(items):
            for item in items:
                titles.append(item.title)
                visit(item.children)

        visit(outline.root)
        return titles
