"""What line and bar charts share: their data, the frame (categorical x, linear y from 0),
the axes and a legend that wraps onto more lines when it does not fit."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from trygplan.lib.numbers import format_number

from .svg import tag
from .text import text_width

COLOURS = ["#0059b3", "#b34700", "#2e7d32", "#6a1b9a"]
TARGET_COLOUR = "#333333"
BAND_COLOUR = "#c8e6c9"
REFERENCE_COLOUR = "#747474"
GRID_COLOUR = "#dddddd"
LEGEND_ROW = 16  # pixels per line of legend


@dataclass
class Point:
    x: str
    value: float | int | Decimal | None
    label: str = ""  # what the table shows; defaults to the value
    low: float | int | Decimal | None = None  # a confidence interval, drawn as a whisker
    high: float | int | Decimal | None = None

    @property
    def text(self) -> str:
        if self.label:
            return self.label
        return format_number(self.value)


@dataclass
class Series:
    name: str
    points: list[Point] = field(default_factory=list)
    dashed: bool = False  # e.g. a forecast
    colour: str = ""  # default: the next of COLOURS


@dataclass
class Reference:
    """A horizontal line: a baseline, or the money set aside for a pool."""

    value: float | int | Decimal
    label: str  # written at the line
    legend: str = ""  # its name in the legend (default "Basislinje")


@dataclass
class Band:
    x: str
    low: float | int | Decimal
    high: float | int | Decimal


@dataclass
class Annotation:
    x: str
    text: str


@dataclass
class Bar:
    label: str
    value: float | int | Decimal
    text: str = ""  # shown beside the bar; defaults to the value
    highlight: bool = False


@dataclass
class LegendItem:
    colour: str
    name: str
    kind: str = "line"  # line, dash, cross, box, whisker


def nice_max(value: float) -> float:
    """The top of the y axis: 1, 2, 2.5 or 5 times a power of ten, at or above `value`."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** len(str(int(value))) / 10
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return value


@dataclass
class Frame:
    """Where things go: categorical x, linear y from 0 to `top`."""

    xs: list[str]
    top: float
    width: int
    height: int
    left: int = 56
    right: int = 16
    upper: int = 28
    lower: int = 64

    @property
    def plot_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        return self.height - self.upper - self.lower

    @property
    def foot(self) -> float:
        return self.upper + self.plot_h

    def x_of(self, label: str) -> float:
        if len(self.xs) == 1:
            return self.left + self.plot_w / 2
        return self.left + self.plot_w * self.xs.index(label) / (len(self.xs) - 1)

    def y_of(self, value) -> float:
        return self.upper + self.plot_h * (1 - float(value) / self.top)


def axes(f: Frame, y_label: str) -> list:
    """Five grid lines with their values, the y axis's name turned up the left side, and
    the x labels under the plot."""
    out = []
    for step in range(5):
        value = f.top * step / 4
        y = f.y_of(value)
        out.append(tag("line", x1=f.left, x2=f.width - f.right, y1=y, y2=y, stroke=GRID_COLOUR))
        out.append(tag("text", format_number(value), x=f.left - 6, y=y + 4, text_anchor="end"))
    middle = f.upper + f.plot_h / 2
    out.append(
        tag(
            "text",
            y_label,
            x=12,
            y=middle,
            transform=f"rotate(-90 12 {middle:.1f})",
            text_anchor="middle",
        )
    )
    for label in f.xs:
        out.append(tag("text", label, x=f.x_of(label), y=f.foot + 18, text_anchor="middle"))
    return out


def _swatch(item: LegendItem, x: float, y: float):
    if item.kind == "whisker":
        return tag(
            "path",
            d=f"M{x + 8:.1f},{y - 9:.1f}V{y + 3:.1f}"
            f"M{x + 4:.1f},{y - 9:.1f}h8M{x + 4:.1f},{y + 3:.1f}h8",
            stroke=item.colour,
            stroke_width=1.5,
            fill="none",
        )
    if item.kind == "box":
        return tag("rect", x=x, y=y - 8, width=16, height=10, fill=item.colour)
    if item.kind == "cross":
        return tag(
            "path",
            d=f"M{x + 2:.1f},{y - 3:.1f}h12M{x + 8:.1f},{y - 9:.1f}v12",
            stroke=item.colour,
            stroke_width=2,
        )
    return tag(
        "line",
        x1=x,
        x2=x + 16,
        y1=y - 3,
        y2=y - 3,
        stroke=item.colour,
        stroke_width=2.5,
        stroke_dasharray="4 2" if item.kind == "dash" else None,
    )


def legend_layout(items: list[LegendItem], *, left: float, width: float) -> list[list]:
    """The items in rows that fit between `left` and `width`: [[(x, item), ...], ...]."""
    rows: list[list] = [[]]
    x = left
    for item in items:
        size = 20 + text_width(item.name) + 14
        if rows[-1] and x + size > width:
            rows.append([])
            x = left
        rows[-1].append((x, item))
        x += size
    return rows if rows[0] else []


def legend(rows: list[list], *, top: float) -> list:
    """The legend's markup, its first row's baseline at `top`."""
    out = []
    for number, row in enumerate(rows):
        y = top + number * LEGEND_ROW
        for x, item in row:
            out.append(_swatch(item, x, y))
            out.append(tag("text", item.name, x=x + 20, y=y + 1))
    return out
