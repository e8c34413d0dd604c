"""The font of the link preview images (macros/outputs/previews.py), and which characters it draws.

Bitstream Vera, shipped inside the pinned ReportLab package, so every machine draws the
same pixels offline. It lives here, below the data check, because the check refuses a
title the preview image could only show with empty boxes (macros/data/content_rules.py).
"""

from functools import lru_cache
from pathlib import Path

import reportlab
from PIL import ImageFont

FONTS = Path(reportlab.__file__).resolve().parent / "fonts"


@lru_cache(maxsize=None)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("VeraBd.ttf" if bold else "Vera.ttf")), size)


def missing_glyphs(text: str, bold: bool = True) -> list[str]:
    """The characters of `text` the font cannot draw (it would show its empty box)."""
    face = font(40, bold)
    empty = bytes(face.getmask("\u0378"))  # an unassigned code point: the font's empty box
    return sorted({char for char in text if not char.isspace() and bytes(face.getmask(char)) == empty})


def has_glyphs(text: str, bold: bool = True) -> bool:
    """Whether the font draws every character of the text (not a replacement box)."""
    return not missing_glyphs(text, bold)
