"""Text in drawings: measured with the font the pages use (IBM Plex Sans, vendored with DKFDS)
and wrapped onto lines, never cut: a label is always there in full.

    lines = wrap("3. Flere unge i job eller uddannelse", width=180, size=12)
    tag("text", *tspans(lines, x=6, leading=15), x=6, y=16)
"""

from __future__ import annotations

from functools import cache, lru_cache

from django.contrib.staticfiles import finders

from .svg import tag

__all__ = ["font_files", "line_height", "text_width", "tspans", "wrap"]

REGULAR_FONT = "vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf"
# A fallback for characters Plex lacks, where Debian's fonts-dejavu-core is installed.
FALLBACK_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
BOLD_FACTOR = 1.06  # Plex SemiBold is about this much wider than Regular
AVERAGE_EM = 0.56  # without the font file: an average Latin letter is ~0.56 em wide


@cache
def font_files() -> tuple[str, ...]:
    """The font files a drawing is set in (for the PNG converter): Plex, then fallbacks."""
    import os

    found = finders.find(REGULAR_FONT)
    files = [found] if found else []
    return tuple(files + [path for path in FALLBACK_FONTS if os.path.exists(path)])


@cache
def _font(size: float):
    from PIL import ImageFont

    files = font_files()
    return ImageFont.truetype(files[0], size) if files else None


@lru_cache(maxsize=4096)
def text_width(text: str, size: float = 12, bold: bool = False) -> float:
    """The width of `text` in pixels at font size `size`."""
    font = _font(size)
    width = font.getlength(text) if font is not None else len(text) * size * AVERAGE_EM
    return width * (BOLD_FACTOR if bold else 1)


def line_height(size: float) -> float:
    return round(size * 1.25, 1)


def _break_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word longer than the line, in pieces that fit (a URL, a long compound)."""
    pieces, current = [], ""
    for char in word:
        if current and text_width(current + char, size, bold) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return pieces + [current]


def wrap(text: str, width: float, size: float = 12, *, bold: bool = False) -> list[str]:
    """`text` on as many lines as it takes to fit `width` pixels, broken between words (a
    word wider than the line is broken inside). Never shortened: joined, the lines give
    back every word."""
    lines: list[str] = []
    current = ""
    for word in " ".join((text or "").split()).split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(word, size, bold) <= width:
            current = word
        else:
            *whole, current = _break_word(word, width, size, bold)
            lines += whole
    return lines + [current] if current or not lines else lines


def tspans(lines: list[str], *, x: float, leading: float) -> list:
    """One `<tspan>` per line, each starting at `x`, `leading` pixels below the one before."""
    return [
        tag("tspan", line, x=x, dy=None if index == 0 else leading)
        for index, line in enumerate(lines)
    ]
