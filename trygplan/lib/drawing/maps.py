"""Map pictures drawn on the server, without background tiles: a route with numbered pins on
the partnership's area (the walk protocol), and polygons coloured by a value (a district map,
choropleth) with its legend and its table.

Geometries are GeoJSON `Polygon` or `MultiPolygon` dicts in longitude/latitude (what
`trygplan/geodata/` ships and `Partnership.area` stores).

    pin_map(areas=[partnership.area], route=[[12.59, 55.65], ...],
            pins=[Pin(12.5975, 55.654, "1", "#b30000", "Fund 1: Belysning")],
            title="Kort over ruten og fundene", desc="3 fund på ruten.")
    polygon_map([Region("Urbanplanen", geometry, 42), ...], title=..., unit="svar")
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from trygplan.lib.numbers import format_number

from .chart import LEGEND_ROW
from .svg import ident, number, points, svg_root, tag
from .text import text_width

__all__ = [
    "Area",
    "Pin",
    "Projection",
    "Region",
    "areas_map",
    "pin_map",
    "polygon_map",
    "regions_table",
    "rings_of",
]

PADDING = 16
AREA_COLOUR = "#0059b3"
# Sequential blues, light to dark (ColorBrewer's "Blues", readable for colour-blind people).
PALETTE = ("#deebf7", "#9ecae1", "#4292c6", "#08519c", "#08306b")
NO_DATA = "#e0e0e0"


@dataclass
class Pin:
    lon: float
    lat: float
    label: str  # a short text in the pin: the finding's number
    colour: str
    title: str = ""  # what a pointer or a screen reader's browse mode shows


@dataclass
class Region:
    name: str
    geometry: dict
    value: float | None
    label: str = ""  # what is shown instead of the value ("<5"); default the value


@dataclass
class Area:
    label: str  # a short mark on the map (the row's number in the table beside it)
    name: str
    geometry: dict


def rings_of(geometry: dict | None) -> list[list]:
    """The polygons of a GeoJSON Polygon or MultiPolygon, each a list of rings (outer
    first, then holes), each ring a list of [lon, lat]."""
    if not geometry:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"Not a polygon: {geometry['type']}")


class Projection:
    """Longitude/latitude to pixels (equirectangular, fine for a neighbourhood or a city),
    fitted into `width` × `max_height` pixels (a tall area gets a narrower picture)."""

    def __init__(self, coordinates: list, width: int = 640, max_height: int | None = None):
        lons = [p[0] for p in coordinates] or [12.6]
        lats = [p[1] for p in coordinates] or [55.66]
        self.min_lon, self.max_lon = min(lons), max(lons)
        self.min_lat, self.max_lat = min(lats), max(lats)
        self.kx = math.cos(math.radians((self.min_lat + self.max_lat) / 2))
        span_x = max((self.max_lon - self.min_lon) * self.kx, 1e-5)
        span_y = max(self.max_lat - self.min_lat, 1e-5)
        self.scale = (width - 2 * PADDING) / span_x
        if max_height is not None:
            self.scale = min(self.scale, (max_height - 2 * PADDING) / span_y)
        self.width = round(span_x * self.scale + 2 * PADDING)
        self.height = round(span_y * self.scale + 2 * PADDING)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = PADDING + (lon - self.min_lon) * self.kx * self.scale
        y = PADDING + (self.max_lat - lat) * self.scale
        return round(x, 1), round(y, 1)

    def path(self, polygons: list[list]) -> str:
        """An SVG path for polygons with holes (drawn with fill-rule="evenodd")."""
        return " ".join(
            "M" + " L".join("{},{}".format(*map(number, self.xy(*pt))) for pt in ring) + " Z"
            for polygon in polygons
            for ring in polygon
        )


def pin_map(
    *,
    areas: list[dict],
    route: list,
    pins: list[Pin],
    title: str,
    desc: str = "",
    width: int = 640,
    max_height: int = 640,
    fit: list | None = None,
) -> SafeString:
    """The area outlined, the route dashed, each pin a circle with its label (the number
    makes the map readable in black and white too). The view fits everything drawn, or only
    the `fit` points ([lon, lat], e.g. the route and the pins; they must include every pin):
    the area is then cut at the picture's edge."""
    outers = [polygon[0] for area in areas for polygon in rings_of(area)]
    drawn = [pt for ring in outers for pt in ring] + list(route) + [[p.lon, p.lat] for p in pins]
    proj = Projection(fit or drawn, width, max_height)
    clip = ident("map-clip", title)
    out = [
        tag("clipPath", tag("rect", width=proj.width, height=proj.height), id=clip),
        tag("rect", width=proj.width, height=proj.height, fill="#f5f5f5"),
    ]
    for ring in outers:
        out.append(
            tag(
                "polygon",
                points=points(proj.xy(lon, lat) for lon, lat in ring),
                fill=AREA_COLOUR,
                fill_opacity=0.12,
                stroke=AREA_COLOUR,
                stroke_width=2,
                clip_path=f"url(#{clip})",
            )
        )
    if route:
        out.append(
            tag(
                "polyline",
                points=points(proj.xy(lon, lat) for lon, lat in route),
                fill="none",
                stroke="#1a1a1a",
                stroke_width=3,
                stroke_dasharray="8 4",
                clip_path=f"url(#{clip})",
            )
        )
    for pin in pins:
        x, y = proj.xy(pin.lon, pin.lat)
        out.append(
            tag(
                "g",
                tag("title", pin.title) if pin.title else None,
                *_badge(x, y, pin.label, pin.colour),
            )
        )
    return _map_root(out, proj, title, desc)


def _badge(x: float, y: float, label: str, colour: str) -> tuple:
    """A numbered circle: a finding's pin, or an area's label."""
    return (
        tag("circle", cx=x, cy=y, r=10, fill=colour, stroke="#ffffff", stroke_width=2),
        tag(
            "text",
            label,
            x=x,
            y=y + 4,
            text_anchor="middle",
            font_size=11,
            font_weight="bold",
            fill="#ffffff",
        ),
    )


def _map_root(out: list, proj, title: str, desc: str):
    return svg_root(
        *out,
        width=proj.width,
        height=proj.height,
        title=title,
        desc=desc,
        ident=ident("map", title),
        kind="map",
    )


def _classes(values: list[float], count: int = 4) -> list[float]:
    """Equal-interval class breaks between the smallest and the largest value."""
    low, high = min(values), max(values)
    if high == low:
        return []
    return [low + (high - low) * step / count for step in range(1, count)]


def _fill(value: float | None, breaks: list[float]) -> str:
    if value is None:
        return NO_DATA
    index = sum(1 for limit in breaks if value > limit)
    return PALETTE[round(index * (len(PALETTE) - 1) / max(len(breaks), 1))]


def _legend_items(values, breaks) -> list[tuple[str, str]]:
    items = []
    edges = [min(values, default=0), *breaks, max(values, default=0)]
    for index in range(len(edges) - 1):
        label = f"{format_number(edges[index])}–{format_number(edges[index + 1])}"
        items.append((_fill(edges[index + 1], breaks), label))
    return items


def _centre(proj: Projection, polygons: list[list]) -> tuple[float, float]:
    """The middle of the bounding box of the largest outer ring (where the label goes)."""
    ring = max((polygon[0] for polygon in polygons), key=len)
    xy = [proj.xy(lon, lat) for lon, lat in ring]
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _region(proj: Projection, region: Region, breaks: list[float], labels: bool) -> SafeString:
    polygons = rings_of(region.geometry)
    shown = region.label or format_number(region.value, empty=_("ingen data"))
    fill = _fill(region.value, breaks)
    parts = [
        tag("title", f"{region.name}: {shown}"),
        tag(
            "path",
            d=proj.path(polygons),
            fill=fill,
            fill_rule="evenodd",
            stroke="#ffffff",
            stroke_width=1.5,
        ),
    ]
    if labels and polygons:
        x, y = _centre(proj, polygons)
        dark = fill in PALETTE[2:]
        parts.append(
            tag(
                "text",
                shown,
                x=x,
                y=y + 4,
                text_anchor="middle",
                font_size=11,
                fill="#ffffff" if dark else "#1a1a1a",
            )
        )
    return tag("g", *parts, class_="map-region")


def _outline(proj: Projection, geometry: dict) -> SafeString:
    return tag(
        "path",
        class_="map-outline",
        d=proj.path(rings_of(geometry)),
        fill="none",
        stroke="#0059b3",
        stroke_width=2,
    )


def polygon_map(
    regions: list[Region],
    *,
    title: str,
    desc: str = "",
    unit: str = "",
    breaks: list[float] | None = None,
    labels: bool = True,
    outlines: list[dict] | None = None,
    width: int = 640,
    max_height: int = 640,
) -> SafeString:
    """Each region filled by its value's class (darker is more); `breaks` are the upper
    limits of the classes (default: four equal intervals). A region without a value (or
    with a hidden one, value None) is grey. `outlines` (GeoJSON geometries, e.g. partnership
    areas) are drawn on top as blue edges. The legend under the map names the classes; put
    `regions_table` beside it for the figures."""
    coordinates = [
        pt for region in regions for polygon in rings_of(region.geometry) for pt in polygon[0]
    ]
    proj = Projection(coordinates, width, max_height)
    width = max(proj.width, 320)  # room for the legend under a narrow map
    values = [float(r.value) for r in regions if r.value is not None]
    breaks = list(breaks) if breaks is not None else (_classes(values) if values else [])
    out = [_region(proj, region, breaks, labels) for region in regions]
    out += [_outline(proj, geometry) for geometry in outlines or []]
    items = _legend_items(values, breaks) if values else []
    if any(r.value is None for r in regions):
        items.append((NO_DATA, _("Ingen data eller skjult")))
    x, y = PADDING, proj.height + 14
    if unit:
        out.append(tag("text", unit, x=x, y=y, font_size=11))
        x += text_width(unit, 11) + 12
    for colour, label in items:
        if x + 20 + text_width(label, 11) > width:
            x, y = PADDING, y + LEGEND_ROW
        out.append(tag("rect", x=x, y=y - 9, width=14, height=10, fill=colour, stroke="#747474"))
        out.append(tag("text", label, x=x + 18, y=y, font_size=11))
        x += 30 + text_width(label, 11)
    return svg_root(
        *out,
        width=width,
        height=y + 12,
        title=title,
        desc=desc,
        ident=ident("map", title),
        kind="map",
    )


def regions_table(regions: list[Region], *, name_label: str, value_label: str) -> dict:
    """The map's figures for `templates/followup/_chart_table.html` (columns and rows)."""
    return {
        "columns": [name_label, value_label],
        "rows": [[r.name, r.label or format_number(r.value, empty="")] for r in regions],
    }


def areas_map(
    areas: list[Area],
    *,
    background: list[Region],
    title: str,
    desc: str = "",
    width: int = 640,
    max_height: int = 640,
) -> SafeString:
    """Areas (partnerships) in blue with their mark, on background regions (the city's
    districts, light grey with their names). Fitted to the background and the areas."""
    coordinates = [
        pt
        for geometry in [r.geometry for r in background] + [a.geometry for a in areas]
        for polygon in rings_of(geometry)
        for pt in polygon[0]
    ]
    proj = Projection(coordinates, width, max_height)
    out = [tag("rect", width=proj.width, height=proj.height, fill="#ffffff")]
    for region in background:
        polygons = rings_of(region.geometry)
        x, y = _centre(proj, polygons)
        out.append(
            tag(
                "g",
                tag("title", region.name),
                tag("path", d=proj.path(polygons), fill="#f0f0f0", stroke="#b0b0b0"),
                tag(
                    "text",
                    region.name,
                    x=x,
                    y=y,
                    text_anchor="middle",
                    font_size=10,
                    fill="#5c5c5c",
                ),
                class_="map-region",
            )
        )
    for area in areas:
        polygons = rings_of(area.geometry)
        if not polygons:
            continue
        x, y = _centre(proj, polygons)
        out.append(
            tag(
                "g",
                tag("title", f"{area.label}. {area.name}"),
                tag(
                    "path",
                    d=proj.path(polygons),
                    fill=AREA_COLOUR,
                    fill_opacity=0.35,
                    fill_rule="evenodd",
                    stroke=AREA_COLOUR,
                    stroke_width=2,
                ),
                *_badge(x, y, area.label, AREA_COLOUR),
            )
        )
    return _map_root(out, proj, title, desc)
