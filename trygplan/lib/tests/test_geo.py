import pytest
from django.conf import settings

from trygplan.lib.geo import (
    AreaError,
    bbox_intersects,
    bounds,
    contains,
    features_of,
    load_feature,
    parse_bbox,
    validate_area,
)

SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]],
    ],
}


def test_a_point_in_a_hole_is_outside():
    assert contains(SQUARE, 3, 3)
    assert not contains(SQUARE, 1.5, 1.5)
    assert not contains(SQUARE, 5, 5)
    assert bounds(SQUARE) == (0, 0, 4, 4)


def test_urbanplanen_contains_its_own_streets_and_not_city_hall():
    feature = load_feature(
        settings.TRYGPLAN_GEO_DIR / "kk_udsatte_byomraader.geojson", delomraade="Urbanplanen mv."
    )
    geometry = feature["geometry"]
    west, south, east, north = bounds(geometry)
    assert 12.58 < west < east < 12.63 and 55.64 < south < north < 55.67
    assert not contains(geometry, 12.5683, 55.6761)  # Københavns Rådhus


# Validating an uploaded area


def _square(lon=12.6, lat=55.66, size=0.01):
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def test_every_shipped_area_and_district_is_valid():
    for name in ("kk_udsatte_byomraader.geojson", "kk_bydele.geojson"):
        for feature in features_of(settings.TRYGPLAN_GEO_DIR / name):
            assert validate_area(feature)["type"] == "MultiPolygon"


def test_a_feature_collection_of_one_polygon_is_accepted():
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [_square()]}}
        ],
    }
    assert validate_area(data) == {"type": "Polygon", "coordinates": [_square()]}


def test_a_bow_tie_is_refused_as_self_intersecting():
    ring = [[12.6, 55.66], [12.61, 55.67], [12.61, 55.66], [12.6, 55.67], [12.6, 55.66]]
    with pytest.raises(AreaError, match="krydser sig selv"):
        validate_area({"type": "Polygon", "coordinates": [ring]})


def test_an_open_ring_is_refused():
    ring = _square()[:-1] + [[12.6, 55.6601]]
    with pytest.raises(AreaError, match="ikke lukket"):
        validate_area({"type": "Polygon", "coordinates": [ring]})


def test_latitude_first_is_refused_as_outside_denmark():
    ring = [[lat, lon] for lon, lat in _square()]
    with pytest.raises(AreaError, match="ikke i Danmark"):
        validate_area({"type": "Polygon", "coordinates": [ring]})


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"type": "Point", "coordinates": [12.6, 55.66]},
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon", "coordinates": [[[12.6, 55.66], [12.61, 55.66], [12.6, 55.66]]]},
        {"type": "Polygon", "coordinates": [[["a", "b"], [1, 2], [3, 4], ["a", "b"]]]},
        {"type": "FeatureCollection", "features": []},
    ],
)
def test_what_is_no_polygon_is_refused_with_a_reason(data):
    with pytest.raises(AreaError):
        validate_area(data)


def test_a_bbox_is_parsed_or_ignored():
    assert parse_bbox("12.5,55.6,12.7,55.7") == (12.5, 55.6, 12.7, 55.7)
    assert parse_bbox("12.7,55.6,12.5,55.7") is None
    assert parse_bbox("x") is None and parse_bbox(None) is None
    assert bbox_intersects((0, 0, 2, 2), (1, 1, 3, 3)) and not bbox_intersects(
        (0, 0, 1, 1), (2, 2, 3, 3)
    )
