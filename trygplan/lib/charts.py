"""Charts drawn on the server as SVG: the same markup on the page and in WeasyPrint PDFs.

    points = [Point("2014", 12), Point("2015", None, "<5"), Point("2016", 9)]
    svg = line_chart(
        [Series("Sigtelser", points)],
        title="Sigtelser mod unge", y_label="antal",
        baseline=Reference(14, "Basislinje 2013"),
        target=[Point("2016", 10)], band=[Band("2016", 8.5, 11.5)],
        annotations=[Annotation("2015", "Solvangscentret nedrives")],
    )
    # the same data for templates/followup/_chart_table.html:
    table = chart_table([...same series...], x_label="År")

- The x axis is categorical (periods as labels, in the order given); y starts at 0.
- A point with value None is a gap; with a label (e.g. "<5" from lib.small_numbers) the label
  is written at the foot of the chart instead of a point, so nothing hidden is drawn.
- Every chart is `role="img"` with `<title>` and `<desc>`, uses no script and no external
  fonts, and is followed on the page by its data as a table (`chart_table`).
"""

import hashlib
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

COLOURS = ["#0059b3", "#b34700", "#2e7d32", "#6a1b9a"]
TARGET_COLOUR = "#333333"
BAND_COLOUR = "#c8e6c9"
DASH = ' stroke-dasharray="6 4"'


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
        return "" if self.value is None else format_number(self.value)


@dataclass
class Series:
    name: str
    points: list[Point] = field(default_factory=list)
    dashed: bool = False  # e.g. a forecast


@dataclass
class Reference:
    value: float | int | Decimal
    label: str


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


def format_number(value) -> str:
    """Danish: 1.234 and 12,5; whole numbers without decimals."""
    number = float(value)
    if number == int(number):
        return f"{int(number):,}".replace(",", ".")
    return f"{number:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** len(str(int(value))) / 10
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return value


def _svg_open(width: int, height: int, title: str, desc: str, ident: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]


def _ident(title: str) -> str:
    """An id from the title; a short hash keeps titles that begin alike apart."""
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]
    return "chart-" + "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40] + digest


@dataclass
class _Frame:
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


def _frame(series, target, band, baseline, width, height) -> _Frame:
    xs: list[str] = []
    for label in [p.x for s in series for p in s.points] + [p.x for p in target or []]:
        if label not in xs:
            xs.append(label)
    values = [float(p.value) for s in series for p in s.points if p.value is not None]
    values += [float(p.high) for s in series for p in s.points if p.high is not None]
    values += [float(p.value) for p in target or [] if p.value is not None]
    values += [float(b.high) for b in band or []]
    if baseline is not None:
        values.append(float(baseline.value))
    return _Frame(xs, _nice_max(max(values, default=0)), width, height)


def _axes(f: _Frame, y_label: str) -> list[str]:
    out = []
    for step in range(5):
        value = f.top * step / 4
        y = f.y_of(value)
        out.append(
            f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#ddd"/>'
        )
        out.append(
            f'<text x="{f.left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{format_number(value)}</text>"
        )
    middle = f.upper + f.plot_h / 2
    out.append(
        f'<text x="12" y="{middle:.1f}" transform="rotate(-90 12 {middle:.1f})" '
        f'text-anchor="middle">{escape(y_label)}</text>'
    )
    for label in f.xs:
        out.append(
            f'<text x="{f.x_of(label):.1f}" y="{f.foot + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    return out


def _references(f: _Frame, baseline, target, band, annotations) -> list[str]:
    out = []
    for item in band or []:
        if item.x in f.xs:
            x = f.x_of(item.x)
            out.append(
                f'<rect class="chart-band" x="{x - 12:.1f}" y="{f.y_of(item.high):.1f}" '
                f'width="24" height="{f.y_of(item.low) - f.y_of(item.high):.1f}" '
                f'fill="{BAND_COLOUR}"/>'
            )
    for note in annotations:
        if note.x in f.xs:
            x = f.x_of(note.x)
            out.append(
                f'<line class="chart-annotation" x1="{x:.1f}" x2="{x:.1f}" y1="{f.upper}" '
                f'y2="{f.foot}" stroke="#888" stroke-dasharray="2 3"/>'
                f'<text x="{x + 4:.1f}" y="{f.upper - 8}" font-size="11">{escape(note.text)}</text>'
            )
    if baseline is not None:
        y = f.y_of(baseline.value)
        out.append(
            f'<line class="chart-baseline" x1="{f.left}" x2="{f.width - f.right}" y1="{y:.1f}" '
            f'y2="{y:.1f}" stroke="#888" stroke-width="1.5" stroke-dasharray="8 4"/>'
            f'<text x="{f.width - f.right}" y="{y - 4:.1f}" text-anchor="end" font-size="11">'
            f"{escape(baseline.label)}</text>"
        )
    for p in target or []:
        if p.value is not None:
            x, y = f.x_of(p.x), f.y_of(p.value)
            out.append(
                f'<path class="chart-target" d="M{x - 6:.1f},{y:.1f}h12M{x:.1f},{y - 6:.1f}v12" '
                f'stroke="{TARGET_COLOUR}" stroke-width="2"/>'
            )
    return out


def _lines(f: _Frame, series: list[Series]) -> list[str]:
    out = []
    for number, item in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        segments: list[list[str]] = [[]]
        for p in item.points:
            x = f.x_of(p.x)
            if p.value is None:
                segments.append([])
                if p.label:
                    out.append(
                        f'<text class="chart-hidden" x="{x:.1f}" y="{f.foot - 6}" '
                        f'text-anchor="middle" fill="{colour}">{escape(p.label)}</text>'
                    )
                continue
            y = f.y_of(p.value)
            segments[-1].append(f"{x:.1f},{y:.1f}")
            if p.low is not None and p.high is not None:
                top, bottom = f.y_of(p.high), f.y_of(p.low)
                out.append(
                    f'<path class="chart-interval" d="M{x:.1f},{top:.1f}V{bottom:.1f}'
                    f'M{x - 5:.1f},{top:.1f}h10M{x - 5:.1f},{bottom:.1f}h10" '
                    f'stroke="{colour}" stroke-width="1.5" fill="none"/>'
                )
            out.append(
                f'<circle class="chart-point" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}">'
                f"<title>{escape(p.x)}: {escape(p.text)}</title></circle>"
            )
        for part in segments:
            if len(part) > 1:
                out.append(
                    f'<polyline points="{" ".join(part)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{DASH if item.dashed else ""}/>'
                )
    return out


def line_chart(
    series: list[Series],
    *,
    title: str,
    y_label: str,
    baseline: Reference | None = None,
    target: list[Point] | None = None,
    band: list[Band] | None = None,
    annotations: list[Annotation] | tuple = (),
    desc: str = "",
    width: int = 640,
    height: int = 320,
) -> SafeString:
    f = _frame(series, target, band, baseline, width, height)
    out = _svg_open(width, height, title, desc or title, _ident(title))
    out += _axes(f, y_label)
    out += _references(f, baseline, target, band, annotations)
    out += _lines(f, series)
    out.append(_legend(series, baseline, target, band, f.left, height - 22))
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _legend(series, baseline, target, band, x: int, y: int) -> str:
    items = [
        (COLOURS[n % len(COLOURS)], s.name, "dash" if s.dashed else "line")
        for n, s in enumerate(series)
    ]
    if target:
        items.append((TARGET_COLOUR, _("Mål"), "cross"))
    if band:
        items.append((BAND_COLOUR, _("På sporet (±15 %)"), "box"))
    if baseline is not None:
        items.append(("#888", _("Basislinje"), "dash"))
    if any(p.high is not None for s in series for p in s.points):
        items.append(("#555", _("95 %-konfidensinterval"), "whisker"))
    parts = []
    for colour, name, kind in items:
        if kind == "box":
            parts.append(f'<rect x="{x}" y="{y - 8}" width="16" height="10" fill="{colour}"/>')
        elif kind == "whisker":
            parts.append(
                f'<path d="M{x + 8},{y - 9}V{y + 3}M{x + 4},{y - 9}h8M{x + 4},{y + 3}h8" '
                f'stroke="{colour}" stroke-width="1.5" fill="none"/>'
            )
        else:
            dash = ' stroke-dasharray="4 2"' if kind == "dash" else ""
            parts.append(
                f'<line x1="{x}" x2="{x + 16}" y1="{y - 3}" y2="{y - 3}" stroke="{colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
        parts.append(f'<text x="{x + 20}" y="{y + 1}">{escape(name)}</text>')
        x += 28 + 7 * len(name)
    return "".join(parts)


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
    """Horizontal bars, one row per label (long Danish labels fit); highlighted bars in orange."""
    height = 40 + len(bars) * (bar_height + 8) + 24
    top = _nice_max(max((float(b.value) for b in bars), default=0))
    plot_w = width - label_width - 90
    out = _svg_open(width, height, title, desc or title, _ident(title))
    y = 30
    for bar in bars:
        length = plot_w * float(bar.value) / top
        colour = COLOURS[1] if bar.highlight else COLOURS[0]
        label = bar.label if len(bar.label) <= 42 else bar.label[:41] + "…"
        out.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.7:.1f}" text-anchor="end">'
            f"{escape(label)}<title>{escape(bar.label)}</title></text>"
        )
        out.append(
            f'<rect class="chart-bar" x="{label_width}" y="{y}" width="{max(length, 1):.1f}" '
            f'height="{bar_height}" fill="{colour}"/>'
        )
        out.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.7:.1f}">'
            f"{escape(bar.text or format_number(bar.value))}</text>"
        )
        y += bar_height + 8
    out.append(
        f'<text x="{label_width}" y="{y + 14}" font-size="11">{escape(x_label)}</text></svg>'
    )
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def chart_table(series: list[Series], *, x_label: str, target: list[Point] | None = None) -> dict:
    """The chart's data for `templates/followup/_chart_table.html`: columns and rows of text."""
    xs: list[str] = []
    for item in series:
        xs += [p.x for p in item.points if p.x not in xs]
    targets = {p.x: p.text for p in target or []}
    columns = [x_label] + [s.name for s in series] + ([_("Mål")] if target else [])
    rows = []
    for x in xs:
        row = [x]
        for item in series:
            found = next((p for p in item.points if p.x == x), None)
            row.append(found.text if found else "")
        if target:
            row.append(targets.get(x, ""))
        rows.append(row)
    return {"columns": columns, "rows": rows}


# ---- Maps ---------------------------------------------------------------------------------

MAP_COLOURS = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]
MAP_MISSING = "#e0e0e0"


@dataclass
class MapRegion:
    """A polygon coloured by its value (None: no figure, drawn grey)."""

    name: str
    geometry: dict  # GeoJSON (Multi)Polygon, WGS 84, longitude first
    value: float | None
    text: str = ""  # the value as shown, e.g. "12,3 %" or "–"


@dataclass
class MapOutline:
    """A polygon drawn as an outline on top, e.g. a partnership area."""

    name: str
    geometry: dict


def _rings(geometry: dict) -> list:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [ring for polygon in polygons for ring in polygon]


def _projector(geometries: list[dict], width: int, height: int, margin: int = 8):
    """Longitude/latitude to SVG pixels: equirectangular, corrected by cos(latitude)."""
    points = [pt for geometry in geometries for ring in _rings(geometry) for pt in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    stretch = math.cos(math.radians((north + south) / 2))
    scale = min(
        (width - 2 * margin) / max((east - west) * stretch, 1e-9),
        (height - 2 * margin) / max(north - south, 1e-9),
    )

    def project(lon: float, lat: float) -> tuple[float, float]:
        return margin + (lon - west) * stretch * scale, margin + (north - lat) * scale

    return project, round(margin * 2 + (north - south) * scale)


def _path(geometry: dict, project) -> str:
    parts = []
    for ring in _rings(geometry):
        points, last = [], None
        for point in ring:
            lon, lat = point[0], point[1]
            x, y = project(lon, lat)
            here = f"{x:.1f},{y:.1f}"
            if here != last:
                points.append(here)
                last = here
        if len(points) > 2:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def map_breaks(values: list[float], bins: int = len(MAP_COLOURS)) -> list[float]:
    """Equal steps between the smallest and largest value (bins + 1 edges)."""
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    return [low + (high - low) * step / bins for step in range(bins + 1)]


def _colour(value, breaks) -> str:
    if value is None:
        return MAP_MISSING
    for index in range(len(MAP_COLOURS)):
        if value <= breaks[index + 1]:
            return MAP_COLOURS[index]
    return MAP_COLOURS[-1]


def choropleth(
    regions: list[MapRegion],
    *,
    title: str,
    legend_title: str,
    outlines: list[MapOutline] | tuple = (),
    value_format=format_number,
    desc: str = "",
    width: int = 640,
) -> SafeString:
    """A map picture: regions coloured in five equal steps, outlines drawn on top, a legend
    below. No tiles, no script: the same SVG on the page and in the PDF."""
    geometries = [region.geometry for region in regions] + [o.geometry for o in outlines]
    project, map_height = _projector(geometries, width, 10_000)
    map_height = min(map_height, 520)
    project, map_height = _projector(geometries, width, map_height)
    values = [region.value for region in regions if region.value is not None]
    breaks = map_breaks(values) if values else [0, 1, 2, 3, 4, 5]
    height = map_height + 64
    out = _svg_open(width, height, title, desc or title, _ident(title))
    for region in regions:
        label = f"{region.name}: {region.text}" if region.text else region.name
        out.append(
            f'<path class="map-region" d="{_path(region.geometry, project)}" '
            f'fill="{_colour(region.value, breaks)}" fill-rule="evenodd" stroke="#ffffff" '
            f'stroke-width="1"><title>{escape(label)}</title></path>'
        )
    for outline in outlines:
        out.append(
            f'<path class="map-outline" d="{_path(outline.geometry, project)}" fill="none" '
            f'stroke="#0059b3" stroke-width="2.5"><title>{escape(outline.name)}</title></path>'
        )
    y = map_height + 16
    out.append(f'<text x="8" y="{y}" font-weight="bold">{escape(legend_title)}</text>')
    x = 8
    for index, colour in enumerate(MAP_COLOURS):
        span = f"{value_format(breaks[index])}–{value_format(breaks[index + 1])}"
        out.append(
            f'<rect x="{x}" y="{y + 8}" width="16" height="12" fill="{colour}" stroke="#999"/>'
            f'<text x="{x + 20}" y="{y + 18}" font-size="11">{escape(span)}</text>'
        )
        x += 24 + 7 * len(span)
    out.append(
        f'<rect x="{x}" y="{y + 8}" width="16" height="12" fill="{MAP_MISSING}" stroke="#999"/>'
        f'<text x="{x + 20}" y="{y + 18}" font-size="11">{escape(_("Ingen tal"))}</text>'
    )
    if outlines:
        out.append(
            f'<line x1="8" x2="24" y1="{y + 38}" y2="{y + 38}" stroke="#0059b3" '
            f'stroke-width="2.5"/><text x="28" y="{y + 42}" font-size="11">'
            f"{escape(_('Partnerskabsområde'))}</text>"
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
