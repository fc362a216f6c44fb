#!/usr/bin/env python3
"""Renders a terminal screen captured with `tmux capture-pane -p -e -N` as a PNG.

    scripts/ansi2png.py --columns 120 --rows 36 [--cursor X,Y] screen.ans screen.png

The capture (text with SGR escapes, one line per row, trailing spaces kept) is replayed into a pyte
screen of the same size, which tracks colours and attributes per cell and places wide characters
in two cells; each cell is then drawn with Pillow in DejaVu Sans Mono (bold for bold) on a dark
background: the 16 ANSI colours, 256-colour and RGB values, reverse, dim, underline and
strikethrough. Characters the monospace font lacks fall back to DejaVu Sans, then to a CJK font
where one is installed (colour emoji are not drawn). A cursor position draws a block cursor there.

Needs `pip install pyte pillow` (add --break-system-packages where pip asks for it).
"""

import argparse
import os
import sys
import unicodedata
from typing import NamedTuple

try:
    import pyte
    from PIL import Image, ImageDraw, ImageFont
    from wcwidth import wcwidth  # installed with pyte
except ImportError as error:
    sys.exit(f"ansi2png: {error.name} is missing: pip install pyte pillow")

FONT_FOLDER = "/usr/share/fonts/truetype/dejavu/"
# Tried in turn for characters DejaVu lacks (CJK, mostly), where installed.
FALLBACK_FONTS = [
    FONT_FOLDER + "DejaVuSans.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
]
FONT_SIZE = 16
MARGIN = 10

BACKGROUND = (24, 24, 27)
FOREGROUND = (212, 212, 212)
# The 16 ANSI colours as pyte names them ("brown" is yellow), tuned for a dark background.
PALETTE = {
    "black": (40, 40, 40), "red": (224, 82, 82), "green": (80, 200, 120), "brown": (229, 192, 80),
    "blue": (76, 136, 232), "magenta": (198, 100, 208), "cyan": (60, 190, 210), "white": (220, 220, 220),
    "brightblack": (128, 128, 128), "brightred": (255, 110, 110), "brightgreen": (110, 230, 150),
    "brightbrown": (250, 220, 110), "brightblue": (110, 165, 255), "brightmagenta": (230, 130, 235),
    "brightcyan": (100, 220, 235), "brightwhite": (255, 255, 255),
}


class Cell(NamedTuple):
    """pyte's Char with `dim` (SGR 2), which pyte does not track."""
    data: str
    fg: str = "default"
    bg: str = "default"
    bold: bool = False
    italics: bool = False
    underscore: bool = False
    strikethrough: bool = False
    reverse: bool = False
    blink: bool = False
    dim: bool = False


class Screen(pyte.Screen):
    """A pyte screen whose cells are `Cell`s, so that dim survives to the rendering."""

    @property
    def default_char(self):
        return Cell(" ", reverse=pyte.modes.DECSCNM in self.mode)

    def reset(self):
        super().reset()
        self.cursor.attrs = self.default_char

    def draw(self, data):
        # pyte stops drawing at a zero-width character that is not a combining mark (a variation
        # selector, a zero-width joiner) and drops the rest: attach those to the character before.
        run = ""
        for char in data:
            if wcwidth(char) == 0 and not unicodedata.combining(char):
                if run:
                    super().draw(run)
                    run = ""
                self._attach(char)
            else:
                run += char
        if run:
            super().draw(run)

    def _attach(self, char):
        line = self.buffer[self.cursor.y]
        x = min(self.cursor.x, self.columns) - 1
        if x > 0 and line[x].data == "":  # the right half of a wide character
            x -= 1
        if x >= 0:
            line[x] = line[x]._replace(data=line[x].data + char)

    def select_graphic_rendition(self, *attrs):
        dim = getattr(self.cursor.attrs, "dim", False)
        parameters = list(attrs) or [0]
        index = 0
        while index < len(parameters):
            value = parameters[index]
            if value in (38, 48):  # 38;5;N or 38;2;R;G;B: skip the colour's parameters
                index += 3 if index + 1 < len(parameters) and parameters[index + 1] == 5 else 5
                continue
            if value == 0 or value == 22:
                dim = False
            elif value == 2:
                dim = True
            index += 1
        super().select_graphic_rendition(*attrs)
        self.cursor.attrs = Cell(*self.cursor.attrs[:9], dim=dim)


def color(name, default):
    if name == "default":
        return default
    if name in PALETTE:
        return PALETTE[name]
    try:  # 256-colour and RGB values come as hex
        return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return default


def blend(a, b, share):
    return tuple(round(x * (1 - share) + y * share) for x, y in zip(a, b))


class Fonts:
    """DejaVu Sans Mono, with fallbacks for characters the monospace font lacks."""

    def __init__(self, size):
        self.regular = ImageFont.truetype(FONT_FOLDER + "DejaVuSansMono.ttf", size)
        self.bold = ImageFont.truetype(FONT_FOLDER + "DejaVuSansMono-Bold.ttf", size)
        self.fallbacks = [ImageFont.truetype(path, size) for path in FALLBACK_FONTS if os.path.exists(path)]
        self.width = round(self.regular.getlength("M"))
        ascent, descent = self.regular.getmetrics()
        self.height = ascent + descent
        self._missing = {}

    def _lacks(self, font, text):
        """Whether `font` draws `text` as its missing-glyph box."""
        key = (id(font), text)
        if key not in self._missing:
            notdef = font.getmask("\U0010FFFD")
            mask = font.getmask(text[0])
            self._missing[key] = mask.size == notdef.size and bytes(mask) == bytes(notdef)
        return self._missing[key]

    def for_text(self, text, bold):
        font = self.bold if bold else self.regular
        if text.isascii() or not self._lacks(font, text):
            return font
        return next((fallback for fallback in self.fallbacks if not self._lacks(fallback, text)), font)


def render(capture, columns, rows, cursor=None):
    screen = Screen(columns, rows)
    stream = pyte.Stream(screen)
    # capture-pane ends rows with "\n" alone, and a newline after the last row would scroll.
    stream.feed("\r\n".join(capture.rstrip("\n").split("\n")))

    fonts = Fonts(FONT_SIZE)
    image = Image.new("RGB", (columns * fonts.width + 2 * MARGIN, rows * fonts.height + 2 * MARGIN), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y in range(rows):
        line = screen.buffer[y]
        top = MARGIN + y * fonts.height
        for x in range(columns):
            cell = line[x]
            if cell.data == "":  # the right half of a wide character, drawn with its left half
                continue
            wide = x + 1 < columns and line[x + 1].data == ""
            left = MARGIN + x * fonts.width
            cell_width = fonts.width * (2 if wide else 1)
            foreground = color(cell.fg, FOREGROUND)
            background = color(cell.bg, BACKGROUND)
            if cell.reverse:
                foreground, background = background, foreground
            if getattr(cell, "dim", False):
                foreground = blend(foreground, background, 0.45)
            if cursor == (x, y):
                foreground, background = BACKGROUND, FOREGROUND
            if background != BACKGROUND:
                draw.rectangle([left, top, left + cell_width - 1, top + fonts.height - 1], fill=background)
            text = cell.data.replace("\ufe0f", "").replace("\ufe0e", "")  # presentation selectors
            if text.strip():
                draw.text((left, top), text, font=fonts.for_text(text, cell.bold), fill=foreground)
            if cell.underscore:
                draw.line([left, top + fonts.height - 2, left + cell_width - 1, top + fonts.height - 2], fill=foreground)
            if cell.strikethrough:
                middle = top + fonts.height // 2
                draw.line([left, middle, left + cell_width - 1, middle], fill=foreground)
    return image


def main():
    parser = argparse.ArgumentParser(description="Render a `tmux capture-pane -p -e -N` capture as a PNG.")
    parser.add_argument("--columns", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--cursor", help="X,Y: draw a block cursor in that cell")
    parser.add_argument("capture")
    parser.add_argument("png")
    arguments = parser.parse_args()
    cursor = None
    if arguments.cursor:
        try:
            x, y = (int(part) for part in arguments.cursor.split(","))
        except ValueError:
            parser.error(f"--cursor takes X,Y (two numbers), not {arguments.cursor!r}")
        cursor = (x, y)
    with open(arguments.capture, encoding="utf-8", errors="replace") as file:
        capture = file.read()
    render(capture, arguments.columns, arguments.rows, cursor).save(arguments.png, optimize=True)


if __name__ == "__main__":
    main()
