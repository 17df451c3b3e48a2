"""ONE drawing module: every chart, diagram and map picture in Trygplan is SVG made here.

The same markup goes on the page and into the PDF (WeasyPrint renders inline SVG); Word gets
it as PNG, converted once by `svg_to_png`. Every drawing:

- is `role="img"` with a `<title>` and a `<desc>` (and, on the page, its data as a table
  beside it: `chart_table`, `regions_table`);
- escapes every text (`svg.tag`), writes coordinates with a point whatever the locale, and has
  no `style=` attribute (presentation attributes and classes only: the Content-Security-
  Policy forbids inline styles);
- wraps labels onto more lines, measured in the page's font; it never cuts them with "…";
- writes numbers the Danish way (`trygplan.lib.numbers`).

Kinds: `line_chart`, `bar_chart`, `drawdown_chart` (a pool's year), `flow_diagram` (the
theory of change), `pin_map` (a walk's route and findings on the area) and `polygon_map`
(districts coloured by a value).
"""

from .bar import bar_chart
from .chart import Annotation, Band, Bar, LegendItem, Point, Reference, Series
from .diagram import Box, Column, Link, flow_diagram
from .line import chart_table, drawdown_chart, line_chart
from .maps import Pin, Projection, Region, pin_map, polygon_map, regions_table, rings_of
from .png import svg_to_png
from .svg import tag
from .text import text_width, wrap

__all__ = [
    "Annotation",
    "Band",
    "Bar",
    "Box",
    "Column",
    "LegendItem",
    "Link",
    "Pin",
    "Point",
    "Projection",
    "Reference",
    "Region",
    "Series",
    "bar_chart",
    "chart_table",
    "drawdown_chart",
    "flow_diagram",
    "line_chart",
    "pin_map",
    "polygon_map",
    "regions_table",
    "rings_of",
    "svg_to_png",
    "tag",
    "text_width",
    "wrap",
]
