from django.conf import settings

from trygplan.lib.geo import bounds, contains, load_feature

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
