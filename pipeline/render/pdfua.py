"""Two finishing touches to WeasyPrint's PDF/UA-1 tagging, applied before the PDF is written.

- Running heads and page numbers (CSS margin boxes) become pagination
  artifacts. WeasyPrint marks their text with MCIDs but leaves the structure
  elements out of the tree ("could be included in tree as Artifact, but that's
  only allowed in PDF 2.0", weasyprint/pdf/tags.py), so readers would meet
  tagged content that belongs to no structure.
- Table header cells get /Scope (Row or Column). WeasyPrint 70 links cells to
  headers with /Headers and /ID only (Kozea/WeasyPrint#2508); some checkers
  and assistive technologies still look for /Scope. A header in a row that
  also holds data cells heads that row; any other header heads its column,
  which is what the templates' scope attributes say.

Used as ``write_pdf(..., finisher=finish_tagging)``.
"""

from __future__ import annotations

import pydyf


def number(reference: bytes | str) -> int:
    """The object number of an indirect reference such as b'12 0 R'."""
    return int(bytes(reference).split()[0] if isinstance(reference, bytes)
               else str(reference).split()[0])


def is_reference(value) -> bool:
    return isinstance(value, bytes) and value.endswith(b" R")


def reachable(objects: list, root: pydyf.Dictionary) -> set[int]:
    """Numbers of the structure elements that hang from the structure tree root."""
    seen: set[int] = set()
    pending = [root]
    while pending:
        element = pending.pop()
        kids = element.get("K", ())
        for kid in kids if isinstance(kids, list) else (kids,):
            if is_reference(kid) and number(kid) not in seen:
                seen.add(number(kid))
                pending.append(objects[number(kid)])
    return seen


def orphan_mcids(objects: list, catalog: pydyf.Dictionary) -> dict[int, set[int]]:
    """Page index -> MCIDs whose structure element is not in the tree (margin boxes)."""
    root = objects[number(catalog["StructTreeRoot"])]
    in_tree = reachable(objects, root)
    nums = objects[number(root["ParentTree"])]["Nums"]
    orphans: dict[int, set[int]] = {}
    for key, value in zip(nums[::2], nums[1::2]):
        if isinstance(value, list):  # a page: array of elements indexed by MCID
            orphans[key] = {mcid for mcid, ref in enumerate(value)
                            if is_reference(ref) and number(ref) not in in_tree}
    return orphans


def mark_as_artifacts(stream: pydyf.Stream, mcids: set[int]) -> None:
    """Rewrite '/Span <</MCID n>> BDC' as '/Artifact BMC' for the given MCIDs."""
    tokens, rewritten, i = stream.stream, [], 0
    while i < len(tokens):
        properties = tokens[i + 1] if i + 2 < len(tokens) else None
        if (isinstance(properties, pydyf.Dictionary) and tokens[i + 2] == b"BDC"
                and properties.get("MCID") in mcids):
            rewritten += ["/Artifact", b"BMC"]
            i += 3
        else:
            rewritten.append(tokens[i])
            i += 1
    stream.stream = rewritten


def add_header_scopes(objects: list) -> None:
    for element in objects:
        if isinstance(element, pydyf.Dictionary) and element.get("S") == "/TH":
            row = objects[number(element["P"])]
            kinds = {objects[number(k)].get("S") for k in row["K"] if is_reference(k)}
            element["A"]["Scope"] = "/Row" if "/TD" in kinds else "/Column"


def finish_tagging(document, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: artifacts for margin boxes, /Scope for table headers."""
    objects = pdf.objects
    if "StructTreeRoot" not in pdf.catalog:
        return
    kids = pdf.pages["Kids"]
    page_numbers = [kids[i] for i in range(0, len(kids), 3)]
    for index, mcids in orphan_mcids(objects, pdf.catalog).items():
        if mcids:
            page = objects[page_numbers[index]]
            mark_as_artifacts(objects[number(page["Contents"])], mcids)
    add_header_scopes(objects)
