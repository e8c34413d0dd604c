"""Link preview images (OpenGraph / Twitter cards): 1200x630 PNG, drawn at build time.

The font is Bitstream Vera (macros/data/preview_font.py), so every machine draws the
same pixels offline. Pillow's own default font has no accented
letters (é, ë, €), and system fonts differ between machines.
The PNG has no text chunks or timestamps: two builds give identical bytes.
"""

import io

from PIL import Image, ImageDraw, ImageFont

from macros.data.preview_font import font as _font

WIDTH, HEIGHT = 1200, 630
INDIGO = (63, 81, 181)  # Material's indigo, the site's primary colour
WHITE = (255, 255, 255)
INK = (33, 33, 33)
MARGIN = 80


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _title_lines(text: str) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The title as large as fits in four lines."""
    for size in (64, 56, 48, 40, 34):
        font = _font(size, bold=True)
        lines = _wrap(text, font, WIDTH - 2 * MARGIN)
        if len(lines) <= 4:
            return lines, font
    return lines[:4], font


def preview_image(title: str, site_name: str, label: str | None = None) -> bytes:
    """A PNG: an indigo band with the label (e.g. "Opgave 3"), the title and the site name."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 150), fill=INDIGO)
    draw.text((MARGIN, 75), site_name, font=_font(36, bold=True), fill=WHITE, anchor="lm")
    top = 210
    if label:
        draw.text((MARGIN, top), label, font=_font(40), fill=INDIGO)
        top += 80
    lines, font = _title_lines(title)
    for line in lines:
        draw.text((MARGIN, top), line, font=font, fill=INK)
        top += int(font.size * 1.25)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=INDIGO)
    out = io.BytesIO()
    # zlib's default level: a third of the time of optimize=True for a file 6% larger.
    image.save(out, format="PNG")
    return out.getvalue()
