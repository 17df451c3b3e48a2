"""Small geometry helpers for GeoJSON (WGS 84, longitude first). No GIS stack needed."""

import json
from pathlib import Path

from django.utils.translation import gettext as _

# Denmark including Bornholm, with a little margin (WGS 84).
DENMARK_BOUNDS = (7.8, 54.5, 15.3, 57.8)  # min_lon, min_lat, max_lon, max_lat


def in_denmark(lon: float, lat: float) -> bool:
    min_lon, min_lat, max_lon, max_lat = DENMARK_BOUNDS
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


def _ring_contains(ring: list, lon: float, lat: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise ValueError(f"Not a polygon: {geometry['type']}")


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """Is the point inside the (multi)polygon? Holes are respected."""
    for polygon in _polygons(geometry):
        outer, *holes = polygon
        if _ring_contains(outer, lon, lat) and not any(
            _ring_contains(hole, lon, lat) for hole in holes
        ):
            return True
    return False


def bounds(geometry: dict) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat)."""
    points = [pt for polygon in _polygons(geometry) for ring in polygon for pt in ring]
    lons = [pt[0] for pt in points]
    lats = [pt[1] for pt in points]
    return min(lons), min(lats), max(lons), max(lats)


def load_feature(path: Path, **properties) -> dict:
    """The first feature of a GeoJSON file whose properties all match the given ones."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for feature in data["features"]:
        if all(feature["properties"].get(k) == v for k, v in properties.items()):
            return feature
    raise LookupError(f"No feature with {properties} in {path}")


class AreaError(ValueError):
    """An uploaded area is not a usable polygon; the message says why, in Danish."""


MAX_AREA_POINTS = 20_000  # a neighbourhood needs hundreds; this bounds the O(n²) check


def _segments_cross(p1, p2, q1, q2) -> bool:
    """Do segments p1–p2 and q1–q2 intersect (touching counts)?"""

    def orientation(a, b, c) -> int:
        value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1])
        return 0 if abs(value) < 1e-18 else (1 if value > 0 else -1)

    def on_segment(a, b, c) -> bool:
        return min(a[0], c[0]) <= b[0] <= max(a[0], c[0]) and min(a[1], c[1]) <= b[1] <= max(
            a[1], c[1]
        )

    o1, o2 = orientation(p1, p2, q1), orientation(p1, p2, q2)
    o3, o4 = orientation(q1, q2, p1), orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and on_segment(p1, q1, p2))
        or (o2 == 0 and on_segment(p1, q2, p2))
        or (o3 == 0 and on_segment(q1, p1, q2))
        or (o4 == 0 and on_segment(q1, p2, q2))
    )


def ring_self_intersects(ring: list) -> bool:
    """Does a closed ring cross itself? Neighbouring segments share a point and are not
    compared; a repeated point (the city's own files have some) is one point; a bounding-box
    test first keeps the pairwise check cheap."""
    ring = [pt for i, pt in enumerate(ring) if i == 0 or list(pt) != list(ring[i - 1])]
    segments = [(ring[i], ring[i + 1]) for i in range(len(ring) - 1)]
    boxes = [
        (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])) for a, b in segments
    ]
    count = len(segments)
    for i in range(count):
        for j in range(i + 2, count):
            if i == 0 and j == count - 1:
                continue  # the first and the last segment meet at the closing point
            bi, bj = boxes[i], boxes[j]
            if bi[2] < bj[0] or bj[2] < bi[0] or bi[3] < bj[1] or bj[3] < bi[1]:
                continue
            if _segments_cross(*segments[i], *segments[j]):
                return True
    return False


def _geometry_of(data) -> dict:
    """A geometry from a Geometry, a Feature or a FeatureCollection of one feature."""
    if not isinstance(data, dict):
        raise AreaError(_("Filen er ikke GeoJSON."))
    if data.get("type") == "FeatureCollection":
        features = data.get("features") or []
        if len(features) != 1:
            raise AreaError(_("Filen skal indeholde præcis ét område (én feature)."))
        data = features[0]
    if data.get("type") == "Feature":
        data = data.get("geometry") or {}
    if data.get("type") not in ("Polygon", "MultiPolygon"):
        raise AreaError(_("Området skal være en Polygon eller en MultiPolygon."))
    return data


def _check_ring(ring) -> None:
    if not isinstance(ring, list) or len(ring) < 4:
        raise AreaError(_("En ring skal have mindst fire punkter."))
    for point in ring:
        if (
            not isinstance(point, list | tuple)
            or len(point) < 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in point[:2])
        ):
            raise AreaError(_("Et punkt skal være [længdegrad, breddegrad] i tal."))
        if not in_denmark(point[0], point[1]):
            raise AreaError(
                _("Punktet %(lon)s, %(lat)s ligger ikke i Danmark (længdegrad først, WGS 84).")
                % {"lon": point[0], "lat": point[1]}
            )
    if list(ring[0][:2]) != list(ring[-1][:2]):
        raise AreaError(_("En ring er ikke lukket: første og sidste punkt skal være ens."))
    if ring_self_intersects([p[:2] for p in ring]):
        raise AreaError(_("Områdets kant krydser sig selv."))


def validate_area(data) -> dict:
    """A clean GeoJSON Polygon/MultiPolygon in Denmark, or AreaError with a Danish reason:
    every point in Denmark (longitude first), rings closed, with four points or more, and no
    ring crossing itself."""
    geometry = _geometry_of(data)
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    if not isinstance(polygons, list) or not polygons:
        raise AreaError(_("Området har ingen koordinater."))
    rings = [ring for polygon in polygons if isinstance(polygon, list) for ring in polygon]
    if not rings or any(not isinstance(polygon, list) or not polygon for polygon in polygons):
        raise AreaError(_("Området har ingen koordinater."))
    if sum(len(ring) if isinstance(ring, list) else 0 for ring in rings) > MAX_AREA_POINTS:
        raise AreaError(_("Området har for mange punkter (højst %(n)s).") % {"n": MAX_AREA_POINTS})
    for ring in rings:
        _check_ring(ring)
    return {"type": geometry["type"], "coordinates": geometry["coordinates"]}


def merge_areas(geometries: list[dict]) -> dict:
    """Several (multi)polygons as one MultiPolygon (the open data splits some areas in two)."""
    return {"type": "MultiPolygon", "coordinates": [p for g in geometries for p in _polygons(g)]}


def features_of(path: Path) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["features"]


def bbox_intersects(a: tuple, b: tuple) -> bool:
    """Do two (min_lon, min_lat, max_lon, max_lat) boxes overlap?"""
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """`?bbox=min_lon,min_lat,max_lon,max_lat` as numbers, or None when absent or malformed."""
    try:
        values = tuple(float(part) for part in (text or "").split(","))
    except ValueError:
        return None
    if len(values) != 4 or values[0] > values[2] or values[1] > values[3]:
        return None
    return values
