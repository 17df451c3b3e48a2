"""The one SVG → PNG conversion, for Word (which cannot show SVG).

resvg (through the self-contained `resvg-py` wheel: no system library) draws the same markup
that the page and the PDF show, in the vendored IBM Plex Sans; system fonts are not scanned
(faster, and the picture does not depend on the machine). See docs/architecture.md,
"Drawing and files", for why resvg and what it costs.

The last few pictures are kept in memory: a published plan's diagram is the same picture at
every download, and converting it is most of the time its Word file takes.
"""

from __future__ import annotations

from functools import lru_cache

from trygplan.lib.files import clean_text

from .text import font_files

__all__ = ["svg_to_png"]


def svg_to_png(svg: str, *, scale: float = 2) -> bytes:
    """PNG bytes of `svg` at `scale` times its pixel size, on white."""
    return _convert(clean_text(str(svg)), float(scale))


@lru_cache(maxsize=16)
def _convert(svg: str, scale: float) -> bytes:
    import resvg_py

    data = resvg_py.svg_to_bytes(
        svg_string=svg,
        zoom=scale,
        background="#ffffff",
        skip_system_fonts=True,
        font_files=list(font_files()),
        sans_serif_family="IBM Plex Sans",
    )
    return bytes(data)
