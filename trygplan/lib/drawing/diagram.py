"""Flow diagrams: columns of boxes joined by curved lines (the theory of change: activities
→ results → effects). Every label is wrapped in full inside its box; a box grows to hold it.

    flow_diagram(
        [Column("Aktiviteter", 0, 300, [Box("a1", "1. Dialogmøder", "#004d99")]),
         Column("Resultater", 370, 420, [Box("r1", "1. Øget dialog")])],
        [Link("a1", "r1", "#004d99")],
        title="Forandringsteorien", desc="...",
        legend=[LegendItem("#004d99", "1. Dialog")], legend_title="Linjernes farve: ...",
    )
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from .chart import LEGEND_ROW, LegendItem, legend_layout
from .chart import legend as legend_rows
from .svg import ident, svg_root, tag
from .text import line_height, tspans, wrap

__all__ = ["Box", "Column", "Link", "flow_diagram"]

TOP = 34  # below the column headers
GAP = 6  # least space between two boxes
MAX_GAP = 66  # a short column spreads out, but not further than this
FONT_SIZE = 12
PADDING = 6
INK = "#1a1a1a"


@dataclass
class Box:
    key: str
    label: str
    colour: str = INK


@dataclass
class Column:
    header: str
    x: float
    width: float
    boxes: list[Box] = field(default_factory=list)


@dataclass
class Link:
    source: str
    target: str
    colour: str = "#8e8e8e"


@dataclass
class _Placed:
    box: Box
    x: float
    y: float
    width: float
    lines: list[str]

    @property
    def height(self) -> float:
        return 24 + (len(self.lines) - 1) * line_height(FONT_SIZE)

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _place(column: Column, body: float | None = None) -> list[_Placed]:
    """The column's boxes from the top; with `body` (the tallest column's height) spread
    over it and centred."""
    placed = [
        _Placed(box, column.x, 0, column.width, wrap(box.label, column.width - 2 * PADDING))
        for box in column.boxes
    ]
    natural = sum(p.height for p in placed) + GAP * max(len(placed) - 1, 0)
    gap, start = GAP, TOP
    if body is not None and len(placed) > 1:
        gap = min(GAP + (body - natural) / (len(placed) - 1), MAX_GAP)
    if body is not None:
        used = natural + (gap - GAP) * max(len(placed) - 1, 0)
        start = TOP + (body - used) / 2
    y = start
    for item in placed:
        item.y = y
        y += item.height + gap
    return placed


def _curve(source: _Placed, target: _Placed, colour: str):
    x1, y1 = source.x + source.width, source.middle
    x2, y2 = target.x, target.middle
    middle = (x1 + x2) / 2
    return tag(
        "path",
        d=f"M{x1:.1f},{y1:.1f} C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {x2:.1f},{y2:.1f}",
        fill="none",
        stroke=colour,
        stroke_opacity=0.5,
        stroke_width=1.2,
    )


def _box(item: _Placed):
    leading = line_height(FONT_SIZE)
    x = item.x + PADDING
    return tag(
        "g",
        tag(
            "rect",
            x=item.x,
            y=item.y,
            width=item.width,
            height=item.height,
            rx=3,
            fill="#ffffff",
            stroke=item.box.colour,
            stroke_width=1.5,
        ),
        tag("text", *tspans(item.lines, x=x, leading=leading), x=x, y=item.y + 16, fill=INK),
    )


def _legend(items, title: str, *, top: float, width: float) -> tuple[list, float]:
    """The legend under the diagram and the height it takes."""
    if not items:
        return [], 0
    out = []
    lines = wrap(title, width) if title else []
    for number, line in enumerate(lines):
        out.append(tag("text", line, x=0, y=top + number * LEGEND_ROW, fill=INK))
    rows = legend_layout(items, left=0, width=width)
    first = top + len(lines) * LEGEND_ROW
    out += legend_rows(rows, top=first)
    return out, (len(lines) + len(rows)) * LEGEND_ROW + 8


def flow_diagram(
    columns: list[Column],
    links: list[Link],
    *,
    title: str,
    desc: str = "",
    legend: list[LegendItem] | None = None,
    legend_title: str = "",
    width: int = 1000,
) -> SafeString:
    """The diagram as SVG markup; links whose ends are not both drawn are left out."""
    natural = [_place(column) for column in columns]
    body = max(
        (p[-1].y + p[-1].height - TOP for p in natural if p),
        default=24,
    )
    placed = [_place(column, body) for column in columns]
    by_key = {item.box.key: item for column in placed for item in column}
    curves = [
        _curve(by_key[link.source], by_key[link.target], link.colour)
        for link in links
        if link.source in by_key and link.target in by_key
    ]
    headers = [
        tag("text", column.header, x=column.x, y=16, font_size=13, font_weight=600, fill=INK)
        for column in columns
    ]
    boxes = [_box(item) for column in placed for item in column]
    key, key_height = _legend(legend or [], legend_title, top=TOP + body + 24, width=width)
    return svg_root(
        *headers,
        *curves,
        *boxes,
        *key,
        width=width,
        height=TOP + body + 8 + key_height + (16 if key else 0),
        title=title,
        desc=desc,
        ident=ident("diagram", title),
        kind="diagram",
    )
