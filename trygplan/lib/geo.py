"""Small geometry helpers for GeoJSON (WGS 84, longitude first). No GIS stack needed."""

import json
from pathlib import Path

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
