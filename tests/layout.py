"""The layout check of a printed document: what a publications unit looks for page by page.

    problems = layout_problems(path)   # [] when the PDF passes

Three rules, for every PDF of the family (the bulletin's tests, and the other documents'):

- **fill**: no page is less than MIN_FILL full unless it ends a part. A page's fill is
  where its content ends (text, rules, backgrounds, images), as a share of the document's
  text area (from the highest content to the lowest over all its pages, the running heads
  and folios left out); a page ends a part when the next page opens one (a bookmark, i.e. a
  heading, at its top) or when it is the last.
- **type size**: no text under MIN_SIZE points.
- **table headers**: every page that holds rows of a table shows its header row, and no
  header row stands at a page's foot with no row under it. Read from the PDF's structure
  tree: WeasyPrint tags a table on each page it spans, its repeated header with it.

pdfminer.six reads the page contents (text with its size, rectangles, lines, images);
pikepdf and pypdf the structure tree and the bookmarks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTComponent, LTContainer, LTImage, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

MIN_FILL = 0.35
MIN_SIZE = 7.5
BAND = 14 * 72 / 25.4
"""Points: what lies wholly within 14 mm of a page's top or foot is a running head or a
folio (the pages' margins are 16 mm or more), not the page's content."""
PART_TOP = 0.3
"""A bookmark within the top 30 % of a page opens a part there."""
PART_LEVELS = 2
"""Parts are the bookmarks of the first two levels: the document's title (h1) and its
sections (h2), or a profile; not a mechanism's section or a month (h3)."""


@dataclass(frozen=True)
class PageContent:
    number: int
    """1-based."""
    height: float
    top: float | None
    """Distance from the page's top edge to its highest content (points); None: none."""
    bottom: float | None
    """Distance from the page's top edge to where its content ends."""
    smallest: tuple[float, str] | None
    """The smallest text on the page: (size in points, the text around it)."""


def type_size(char: LTChar) -> float:
    """The size the character is set at. pdfminer's size is the glyph box's height: for a
    head turned a quarter turn (the theme matrix's) that is the glyph's advance, an 'l'
    read as 2.4 pt; a turned character's size is its box's width."""
    a, b, *_ = char.matrix
    return char.width if abs(b) > abs(a) else char.size


def leaves(item: LTComponent):
    """Every drawn item under a layout item: characters, rectangles, lines, curves, images."""
    if isinstance(item, LTContainer) and not isinstance(item, LTImage):
        for child in item:
            yield from leaves(child)
    elif not isinstance(item, LTContainer) or isinstance(item, LTImage):
        yield item


def page_content(page: LTPage, number: int) -> PageContent:
    height = page.height
    top = bottom = None
    smallest: tuple[float, str] | None = None
    for item in leaves(page):
        if not isinstance(item, LTComponent) or (item.width <= 0 and item.height <= 0):
            continue
        upper, lower = height - item.y1, height - item.y0
        if isinstance(item, LTChar):
            size = round(type_size(item), 2)
            if item.get_text().strip() and (smallest is None or size < smallest[0]):
                smallest = (size, item.get_text())
        if lower <= BAND or upper >= height - BAND:
            continue  # a running head or folio
        top = upper if top is None else min(top, upper)
        bottom = lower if bottom is None else max(bottom, lower)
    return PageContent(number, height, top, bottom, smallest)


def laid_out_pages(path: Path):
    """pdfminer's layout of each page, without grouping characters into lines (not needed,
    and most of its time)."""
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    with open(path, "rb") as file:
        for page in PDFPage.get_pages(file):
            interpreter.process_page(page)
            yield device.get_result()


def contents(path: Path) -> list[PageContent]:
    return [page_content(page, n) for n, page in enumerate(laid_out_pages(path), start=1)]


def part_starts(path: Path) -> set[int]:
    """1-based numbers of the pages a bookmark of the first PART_LEVELS opens near their
    top."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    found: set[int] = set()

    def visit(items, depth=0):
        for item in items:
            if isinstance(item, list):
                if depth + 1 < PART_LEVELS:
                    visit(item, depth + 1)
                continue
            index = reader.get_destination_page_number(item)
            page = reader.pages[index]
            height = float(page.mediabox.height)
            top = item.get("/Top")
            if top is None or height - float(top) <= PART_TOP * height:
                found.add(index + 1)

    visit(reader.outline)
    return found


def fill_problems(pages: list[PageContent], starts: set[int]) -> list[str]:
    tops = [p.top for p in pages if p.top is not None]
    bottoms = [p.bottom for p in pages if p.bottom is not None]
    if not tops:
        return []
    area_top, area_bottom = min(tops), max(bottoms)
    problems = []
    for page in pages:
        ends_part = page.number == len(pages) or page.number + 1 in starts
        fill = 0.0 if page.bottom is None else (page.bottom - area_top) / (area_bottom - area_top)
        if fill < MIN_FILL and not ends_part:
            problems.append(f"page {page.number}: {fill:.0%} full, and it does not end a part")
    return problems


def size_problems(pages: list[PageContent]) -> list[str]:
    return [f"page {p.number}: text at {p.smallest[0]:g} pt ({p.smallest[1]!r}), under "
            f"{MIN_SIZE:g} pt" for p in pages if p.smallest and p.smallest[0] < MIN_SIZE - 0.01]


def header_problems(path: Path) -> list[str]:
    """Pages where a table's rows stand without its header row, or its header row without
    rows."""
    with pikepdf.open(path) as pdf:
        numbers = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        tables: dict[tuple[int, int], dict[str, set[int]]] = defaultdict(
            lambda: {"head": set(), "body": set(), "caption": set()})

        def visit(element, table=None, part=None, page=None):
            if not isinstance(element, pikepdf.Dictionary):
                return
            if "/Pg" in element:
                page = numbers.get(element.Pg.objgen, page)
            tag = str(element.get("/S", ""))
            if tag == "/Table" and table is None:
                table, part = element.objgen, "body"
            elif tag == "/Caption":  # WeasyPrint wraps a caption in tables of its own
                part = "caption"
            elif tag == "/THead" and table:
                part = "head"
            elif tag == "/TBody" and table:
                part = "body"
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary)
                                            and "/MCID" in kid):
                    if table and page is not None:
                        tables[table][part].add(page)
                else:
                    visit(kid, table, part, page)

        visit(pdf.Root.StructTreeRoot)
    problems = []
    for found in tables.values():
        for page in sorted(found["body"] - found["head"]):
            problems.append(f"page {page}: table rows without their header row")
        if found["body"]:
            for page in sorted(found["head"] - found["body"]):
                problems.append(f"page {page}: a table's header row with no row under it")
    return problems


def layout_problems(path: Path) -> tuple[str, ...]:
    """Every breach of the three rules in a PDF, page by page (empty when it passes)."""
    pages = contents(path)
    return (*fill_problems(pages, part_starts(path)), *size_problems(pages),
            *header_problems(path))
