"""Which characters the bundled fonts can draw.

The documents use only the Noto fonts under templates/assets/fonts. A
character none of them covers (Chinese, emoji…) prints as an empty box while
the PDF's text layer still looks right, so nobody notices: validation warns
about such cells instead. The fonts' character maps are read once, with fontTools.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from fontTools.ttLib import TTFont

from ..config import TEMPLATES_DIR

FONTS_DIR = TEMPLATES_DIR / "assets" / "fonts"
INVISIBLE = ("Cc", "Cf", "Zl", "Zp")
"""Control and format characters (joiners, direction marks): never drawn, never boxes."""


@cache
def covered_code_points() -> frozenset[int]:
    """Every character some bundled font has a glyph for."""
    points: set[int] = set()
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font = TTFont(path, lazy=True)
        points.update(font.getBestCmap())
        font.close()
    return frozenset(points)


@cache
def uncovered_pattern() -> re.Pattern:
    """A character class of everything not drawable: one C-level search per text."""
    points = sorted(covered_code_points())
    ranges = []
    start = previous = points[0]
    for point in points[1:] + [-1]:
        if point != previous + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = point
        previous = point
    return re.compile(f"[^{''.join(ranges)}]")


def missing_glyphs(text: str) -> str:
    """The characters of text that no bundled font can draw, each once, in order."""
    found = uncovered_pattern().findall(text)
    return "".join(dict.fromkeys(c for c in found if unicodedata.category(c) not in INVISIBLE))
