"""Horizontal bar charts: one row per label, the label wrapped in full beside its bar."""

from __future__ import annotations

from django.utils.safestring import SafeString

from trygplan.lib.numbers import format_number

from .chart import COLOURS, Bar, nice_max
from .svg import ident, svg_root, tag
from .text import line_height, tspans, wrap

__all__ = ["bar_chart"]

GAP = 8
FONT_SIZE = 12


def bar_chart(
    bars: list[Bar],
    *,
    title: str,
    x_label: str,
    desc: str = "",
    width: int = 640,
    bar_height: int = 22,
    label_width: int = 260,
) -> SafeString:
    """Long Danish labels wrap onto more lines (the row grows); highlighted bars in orange."""
    top = nice_max(max((float(b.value) for b in bars), default=0))
    plot_w = width - label_width - 90
    leading = line_height(FONT_SIZE)
    out = []
    y = 30
    for bar in bars:
        lines = wrap(bar.label, label_width - 16, FONT_SIZE)
        row_height = max(bar_height, len(lines) * leading + 4)
        bar_y = y + (row_height - bar_height) / 2
        length = plot_w * float(bar.value) / top
        text_y = bar_y + bar_height * 0.7 - (len(lines) - 1) * leading / 2
        out.append(
            tag(
                "text",
                *tspans(lines, x=label_width - 8, leading=leading),
                x=label_width - 8,
                y=text_y,
                text_anchor="end",
            )
        )
        out.append(
            tag(
                "rect",
                class_="chart-bar",
                x=label_width,
                y=bar_y,
                width=max(length, 1),
                height=bar_height,
                fill=COLOURS[1] if bar.highlight else COLOURS[0],
            )
        )
        out.append(
            tag(
                "text",
                bar.text or format_number(bar.value),
                x=label_width + length + 6,
                y=bar_y + bar_height * 0.7,
            )
        )
        y += row_height + GAP
    out.append(tag("text", x_label, x=label_width, y=y + 14, font_size=11))
    return svg_root(
        *out,
        width=width,
        height=y + 34,
        title=title,
        desc=desc,
        ident=ident("chart", title),
        kind="chart",
    )
