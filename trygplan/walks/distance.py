"""Distances in metres on the ground, good enough within a city (no GIS stack)."""

import math

EARTH_RADIUS_M = 6_371_000


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance between two WGS 84 points, in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _to_metres(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    x = math.radians(lon) * EARTH_RADIUS_M * math.cos(math.radians(lat0))
    y = math.radians(lat) * EARTH_RADIUS_M
    return x, y


def distance_to_line_m(lon: float, lat: float, line: list) -> float:
    """Shortest distance from a point to a polyline [[lon, lat], ...], in metres."""
    if not line:
        return math.inf
    if len(line) == 1:
        return haversine_m(lon, lat, line[0][0], line[0][1])
    px, py = _to_metres(lon, lat, lat)
    best = math.inf
    for (lon1, lat1), (lon2, lat2) in zip(line, line[1:], strict=False):
        ax, ay = _to_metres(lon1, lat1, lat)
        bx, by = _to_metres(lon2, lat2, lat)
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
        best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best
